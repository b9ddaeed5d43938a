from datetime import datetime


def parse_stamp(text):
    """Parse '2024-05-01 12:00' as written by the exporter."""
    return datetime.strptime(text, "%Y-%m-%d %H:%M")
