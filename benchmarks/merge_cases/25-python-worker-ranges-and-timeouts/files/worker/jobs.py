import json
import subprocess
import time

MAX_ATTEMPTS = 3


def run_job(job):
    """Run one job's command; return its output or raise after MAX_ATTEMPTS."""
    cmd = "convert " + job["input"] + " " + job["output"]
    for attempt in range(MAX_ATTEMPTS):
        try:
            out = subprocess.run(cmd, shell=True, capture_output=True, timeout=job.get("timeout"))
            return out.stdout
        except subprocess.TimeoutExpired:
            time.sleep(2**attempt)
    raise RuntimeError(f"job {job['id']} timed out")


def load_jobs(path):
    with open(path) as fh:
        return [json.loads(line) for line in fh]


def next_job(queue):
    while True:
        if queue:
            return queue.pop()
