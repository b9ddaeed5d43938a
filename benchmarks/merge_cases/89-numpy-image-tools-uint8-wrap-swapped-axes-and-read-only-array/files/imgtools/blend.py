import numpy as np
from PIL import Image


def load(path):
    return np.asarray(Image.open(path).convert("RGB"))


def blend(a, b, alpha):
    """Mix two images: alpha=0 gives a, alpha=1 gives b."""
    return (a * (1 - alpha) + b * alpha).astype(np.uint8)


def add_watermark(img, mark, x, y):
    h, w = mark.shape[:2]
    region = img[x : x + w, y : y + h]
    img[x : x + w, y : y + h] = region + mark // 4
    return img


def brighten(img, amount):
    return img + np.uint8(amount)
