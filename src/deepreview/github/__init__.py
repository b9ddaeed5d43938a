"""GitHub access, in one place: the API client (`client`), pull requests (`pulls`) and what a
git remote says about the repository (`remote`).

It sits low in the layering (just above `proc`), so both `targets` (a PR to review) and the
steps that will publish to GitHub use the same client, auth and error messages. Everything
GitHub answers is untrusted input and is validated here.
"""
