# No `from __future__` import: Ctrl-C while it loads would cut it before the CLI's handlers.
from deepreview.cli.main import main

if __name__ == "__main__":
    main()
