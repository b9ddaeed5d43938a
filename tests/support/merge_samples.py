"""Code the careful-merge tests put in a change: the seats' findings name its lines by number
(the `# N` comments), so the tests that share it share one copy."""

from __future__ import annotations

# A retry loop whose `except Exception` branch logs at debug level and returns None.
RETRY_LOOP = (
    "import logging\n"  # 1
    "import time\n"  # 2
    "\n"
    "log = logging.getLogger(__name__)\n"  # 4
    "\n\n"
    "def retry(fn, attempts=3):\n"  # 7
    "    for attempt in range(attempts):\n"  # 8
    "        try:\n"  # 9
    "            return fn()\n"  # 10
    "        except OSError:\n"  # 11
    "            time.sleep(attempt)\n"  # 12
    "        except Exception as exc:\n"  # 13
    "            log.debug('giving up: %s', exc)\n"  # 14
    "            return None\n"  # 15
    "    return fn()\n"  # 16
)
