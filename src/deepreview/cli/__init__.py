"""Command-line interface: the only layer that prints. Commands live in their own modules.

(Ctrl-C while the command still loads is answered by the package itself, `deepreview`, the
first of its code Python runs.)"""
