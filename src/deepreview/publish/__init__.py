"""Out to GitHub: a stored review published on its pull request (one sticky summary comment,
optionally one review of inline comments), and the `--fail-on` CI gate.

Pure modules build what is sent (`safe` neutralises untrusted text, `summary` the sticky
comment, `inline` anchors findings on diff lines and builds the review payload, `gate` the exit
rule); `publisher` is the one module that reads the store and talks to GitHub, through
`deepreview.github`'s client.
"""
