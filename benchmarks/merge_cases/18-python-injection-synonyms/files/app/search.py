import sqlite3


def connect(path):
    return sqlite3.connect(path)


def search_products(conn, term, limit=50):
    """Products whose name contains `term`, newest first."""
    sql = (
        "SELECT id, name, price FROM products "
        f"WHERE name LIKE '%{term}%' "
        "ORDER BY created_at DESC"
    )
    rows = conn.execute(sql).fetchall()
    return rows[:limit]


def product_count(conn):
    return conn.execute("SELECT COUNT(*) FROM products").fetchone()[0]
