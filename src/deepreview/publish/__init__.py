"""Out to GitHub: a stored review published on its pull request (one sticky summary comment,
optionally one review of inline comments), and the `--fail-on` CI gate.

Pure modules build what is sent (`safe` neutralises untrusted text, `summary` the sticky
comment, `inline` anchors findings on diff lines and builds the review payload, `gate` the exit
rule); `publisher` reads the store and the PR and decides what is sent, `placement` reads the
reviewed diff the inline comments go on, and `sender` sends (or, on a dry run, records) the
writes, all through `deepreview.github`'s client.
"""
