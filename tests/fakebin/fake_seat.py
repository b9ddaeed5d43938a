#!/usr/bin/env python3
"""A `command` seat that misbehaves on purpose: `fake_seat.py MODE [options]`.

Configured as `[seats.NAME] argv = [python, ".../fake_seat.py", MODE, ...]`; the prompt comes on
stdin (or `{prompt_file}`), the review goes to stdout. Modes:

    ok            print the review (`--review-file F` or a short valid one)
    exit          print a line on stderr and exit 7 at once
    hang          sleep forever (the seat timeout must end it)
    ignore-term   ignore SIGTERM, then sleep forever (needs SIGKILL)
    sh-ignore-term  the same as `sh -c "trap '' TERM; while :; do sleep 1; done"`
    flood         print `--bytes N` bytes of text on stdout, then a review line
    bad-utf8      a review and a stderr line with invalid UTF-8 bytes
    grandchild    start a grandchild that sleeps forever, print the review, exit 0
    grandchild-hang  start the same grandchild, then hang
    escape        start a grandchild in a session of its own (out of reach of the seat's
                  group kill) that keeps stdout open and writes to stderr forever; print the
                  review, exit 0
    edit          modify calc.py, delete README.md, add a file; then print the review
    commit        modify calc.py and `git commit` it in the worktree; then print the review
    swap-worktree move the worktree away and leave a symlink to `--victim DIR` in its place
    write-outside write TOUCHED_BY_SEAT.txt into `--victim DIR` (the user's checkout, say)
                  and append a line to its README.md, then print the review
    delete-victim delete `--victim DIR` (the user's checkout: gone while the review runs) as
                  `rm -rf` does, then (with `--flag F`) append a line to F, which other seats
                  may wait for
    delete-own-git  delete its worktree's `.git` (no checkout any more), then print the review
    delete-own-worktree  delete its whole worktree (the folder it runs in), then print the review
    alter-outside append one byte to each `--append F` and set each `--retime F` back a minute
                  (same size, same bytes), then print the review: changes a stat sees
    empty         print nothing, exit 0
    slow          sleep `--sleep S` unless `--flag F` exists, then print the review; with
                  `--slow-when TEXT` only when the prompt holds TEXT; with `--wait-lines F=N`
                  wait (at most S) until F has N lines instead, and exit 3 if it never does
    echo-secrets  echo the named env vars (`--secret-vars A,B`) and the prompt to
                  stdout and stderr, and put them in the review

`--when TEXT=FILE` (repeatable) prints FILE instead of the review when the prompt holds TEXT
(e.g. a later pass, whose prompt says `## Pass 2`).

`--no-review` makes echo-secrets print its leak but no review (a failing seat's output).

`--fill DIR --leave N` first fills DIR's filesystem up to N free bytes (a disk filling up
while the review runs). `--exit-code N` makes the modes that print a review exit with N
afterwards; `--count-file F` appends a line to F on every start (was a seat rerun?);
`--cwd-file F` appends the folder it runs in (did two passes share a worktree?); `--say TEXT`
prints TEXT on stderr first.

Every process it starts carries its own path in its command line, so a test can find
survivors by scanning /proc for the (unique) folder this file was copied to.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

REVIEW = """## Executive Summary

Fake seat review: the change looks fine.

## Findings

### Critical Issues

None.

### Important Issues

None.

### Suggestions

None.
"""


def forever() -> None:
    while True:
        time.sleep(3600)


def spawn_grandchild() -> None:
    # Same process group (no new session): the seat's group kill must take it down. It keeps
    # our stdout open, as a forgotten background job would.
    child = subprocess.Popen(
        [sys.executable, __file__, "hang"],
        stdin=subprocess.DEVNULL,
    )
    print(f"grandchild pid {child.pid}", file=sys.stderr, flush=True)


def fill(folder: Path, leave: int) -> None:
    """Take the free space of `folder`'s filesystem down to about `leave` bytes."""
    st = os.statvfs(folder)
    free = st.f_bavail * st.f_frsize
    if free > leave:
        with (folder / f".ballast-{os.getpid()}").open("wb") as fh:
            fh.write(b"\0" * (free - leave))


def delete_tree(folder: Path) -> None:
    """Delete `folder` as `rm -rf` does, whatever else works in it meanwhile: other seats'
    `git worktree add`/`remove` add and drop entries under its `.git` while the walk runs. An
    entry gone before it is reached is no error (`shutil.rmtree` raised FileNotFoundError and
    left the checkout in place), and one added behind the walk is deleted on the next pass."""
    deadline = time.monotonic() + 30
    while os.path.lexists(folder):
        if time.monotonic() > deadline:
            raise SystemExit(f"could not delete {folder}")
        shutil.rmtree(folder, ignore_errors=True)


def wait_lines(rule: str, limit: float) -> bool:
    """Wait until file F of `F=N` has N lines, at most `limit` seconds."""
    name, _, count = rule.rpartition("=")
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        path = Path(name)
        if path.exists() and len(path.read_text(encoding="utf-8").splitlines()) >= int(count):
            return True
        time.sleep(0.05)
    return False


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("mode")
    ap.add_argument("--review-file")
    ap.add_argument("--bytes", type=int, default=0)
    ap.add_argument("--sleep", type=float, default=0.0)
    ap.add_argument("--flag")
    ap.add_argument("--secret-vars", default="")
    ap.add_argument("--prompt-file")
    ap.add_argument("--no-review", action="store_true")
    ap.add_argument("--exit-code", type=int, default=0)
    ap.add_argument("--count-file")
    ap.add_argument("--victim", help="swap-worktree: the folder to point the worktree at")
    ap.add_argument("--fill", help="fill this folder's filesystem before answering")
    ap.add_argument("--leave", type=int, default=0, help="bytes --fill leaves free")
    ap.add_argument("--when", action="append", default=[], help="TEXT=FILE: see above")
    ap.add_argument("--slow-when", help="slow: sleep only when the prompt holds this text")
    ap.add_argument("--wait-lines", help="slow, delete-victim: F=N, wait until file F has N lines")
    ap.add_argument("--cwd-file", help="append the working directory to this file")
    ap.add_argument("--say", help="print this line on stderr first (a run's own trace)")
    ap.add_argument("--append", action="append", default=[], help="alter-outside: grow F")
    ap.add_argument("--retime", action="append", default=[], help="alter-outside: touch F")
    args = ap.parse_args()
    if args.say:
        print(args.say, file=sys.stderr, flush=True)
    if args.fill:
        fill(Path(args.fill), args.leave)
    if args.count_file:
        with open(args.count_file, "a", encoding="utf-8") as fh:
            fh.write(f"{args.mode}\n")
    if args.cwd_file:
        with open(args.cwd_file, "a", encoding="utf-8") as fh:
            fh.write(f"{os.getcwd()}\n")
    out = sys.stdout.buffer
    review = Path(args.review_file).read_text(encoding="utf-8") if args.review_file else REVIEW
    prompt = ""
    if args.prompt_file:
        prompt = Path(args.prompt_file).read_text(encoding="utf-8")
    elif args.mode not in ("hang", "ignore-term", "sh-ignore-term") and not sys.stdin.isatty():
        prompt = sys.stdin.read()

    for rule in args.when:
        needle, _, file_name = rule.partition("=")
        if needle in prompt:
            review = Path(file_name).read_text(encoding="utf-8")
    mode = args.mode
    if mode == "ok":
        out.write(review.encode())
    elif mode == "exit":
        print("fake seat: the model backend refused the request", file=sys.stderr)
        return 7
    elif mode == "hang":
        forever()
    elif mode == "ignore-term":
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        print("ignoring SIGTERM", file=sys.stderr, flush=True)
        forever()
    elif mode == "sh-ignore-term":
        # The shell way: `trap '' TERM` is inherited by every command the loop starts.
        script = f"trap '' TERM; : {__file__}; while :; do sleep 1; done"
        os.execvp("sh", ["sh", "-c", script])
    elif mode == "flood":
        line = b"x" * 1023 + b"\n"
        chunk = line * 1024  # 1 MiB
        left = args.bytes
        while left > 0:
            piece = chunk[: min(left, len(chunk))]
            out.write(piece)
            left -= len(piece)
        out.write(b"\n" + review.encode())
    elif mode == "bad-utf8":
        out.write(review.encode() + b"\nInvalid bytes: \xff\xfe\xc3\x28 end\n")
        sys.stderr.buffer.write(b"warning: \xff\xfe undecodable stderr\n")
    elif mode == "escape":
        script = "import sys, time\nwhile True:\n    print('still here', file=sys.stderr)\n" + (
            "    sys.stderr.flush()\n    time.sleep(0.05)\n"
        )
        # the path in its command line: the test finds it in /proc
        subprocess.Popen(
            [sys.executable, "-c", script, __file__],
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        out.write(review.encode())
    elif mode in ("grandchild", "grandchild-hang"):
        spawn_grandchild()
        if mode == "grandchild-hang":
            forever()
        out.write(review.encode())
    elif mode == "edit":
        with open("calc.py", "a", encoding="utf-8") as fh:
            fh.write("# edited by a reviewer that should be read-only\n")
        if os.path.exists("README.md"):
            os.remove("README.md")
        Path("new-file.txt").write_text("created by the seat\n", encoding="utf-8")
        out.write(review.encode())
    elif mode == "commit":
        # Edits and commits: `git status` is clean again afterwards.
        with open("calc.py", "a", encoding="utf-8") as fh:
            fh.write("# committed by a reviewer that should be read-only\n")
        subprocess.run(["git", "commit", "-qam", "reviewer was here"], check=True)
        out.write(review.encode())
    elif mode == "swap-worktree":
        # Replace the worktree folder by a symlink to someone else's folder: cleanup must not
        # delete through it.
        here = Path.cwd()
        here.rename(here.with_name(here.name + ".moved"))
        here.symlink_to(args.victim, target_is_directory=True)
        out.write(review.encode())
    elif mode == "write-outside":
        # What `git log --output=F` / `sed -n 'w F'` did in trial 29, through a prefix rule.
        victim = Path(args.victim)
        (victim / "TOUCHED_BY_SEAT.txt").write_text("a seat was here\n", encoding="utf-8")
        with (victim / "README.md").open("a", encoding="utf-8") as fh:
            fh.write("appended by a seat\n")
        out.write(review.encode())
    elif mode == "delete-victim":
        # `--wait-lines F=N`: delete only once the other seats have started (their worktrees made)
        if args.wait_lines and not wait_lines(args.wait_lines, args.sleep):
            print(f"waited {args.sleep} s for {args.wait_lines} in vain", file=sys.stderr)
            return 3
        delete_tree(Path(args.victim))
        if args.flag:
            with open(args.flag, "a", encoding="utf-8") as fh:
                fh.write("deleted\n")
        out.write(review.encode())
    elif mode == "delete-own-git":
        Path(".git").unlink()
        out.write(review.encode())
    elif mode == "delete-own-worktree":
        shutil.rmtree(Path.cwd())
        out.write(review.encode())
    elif mode == "alter-outside":
        for name in args.append:
            with open(name, "ab") as fh:
                fh.write(b"x")
        for name in args.retime:
            st = os.stat(name)
            os.utime(name, ns=(st.st_atime_ns, st.st_mtime_ns - 60 * 10**9))
        out.write(review.encode())
    elif mode == "empty":
        pass
    elif mode == "slow":
        if args.wait_lines:
            if not wait_lines(args.wait_lines, args.sleep):
                print(f"waited {args.sleep} s for {args.wait_lines} in vain", file=sys.stderr)
                return 3
        elif (args.slow_when is None or args.slow_when in prompt) and not (
            args.flag and Path(args.flag).exists()
        ):
            time.sleep(args.sleep)
        out.write(review.encode())
    elif mode == "echo-secrets":
        names = [n for n in args.secret_vars.split(",") if n]
        leaked = "\n".join(f"{n}={os.environ.get(n, '')}" for n in names)
        sys.stderr.write(f"debug env:\n{leaked}\nprompt:\n{prompt}\n")
        if args.no_review:  # a failure's output: no review to read, only the leak
            out.write(f"env dump:\n{leaked}\n".encode())
        else:
            out.write(f"env dump:\n{leaked}\n\nprompt:\n{prompt}\n".encode())
            out.write(review.encode())
        out.write(f"\nAlso the key is {leaked}\n".encode())
        sys.stderr.write(f"last words: {leaked.splitlines()[-1] if names else ''}\n")
    else:
        print(f"unknown mode {mode}", file=sys.stderr)
        return 2
    out.flush()
    return args.exit_code


if __name__ == "__main__":
    sys.exit(main())
