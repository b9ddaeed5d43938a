import argparse

from PIL import Image

from imgtools.blend import add_watermark, brighten, load


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("src")
    ap.add_argument("out")
    ap.add_argument("--mark")
    ap.add_argument("--brighten", type=int, default=0)
    args = ap.parse_args()
    img = load(args.src)
    if args.brighten:
        img = brighten(img, args.brighten)
    if args.mark:
        img = add_watermark(img, load(args.mark), 10, 10)
    Image.fromarray(img).save(args.out)
