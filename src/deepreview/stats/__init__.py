"""Panel analytics: which seats earn their place, computed from the reports in the store.

`facts` turns one stored `Report` into per-seat facts, `aggregate` sums facts over many reviews
into per-seat statistics, `panel` picks a panel for the next review from those statistics.
All three are pure; reading the store is `deepreview.store.history`.
"""
