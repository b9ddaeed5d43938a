import pandas as pd


def load(path):
    df = pd.read_csv(path)
    df["date"] = pd.to_datetime(df["date"])
    return df


def clean(df):
    df = df.dropna()
    df["amount"] = df["amount"].astype(int)
    return df


def daily_totals(df, stores):
    merged = df.merge(stores, on="store_id", how="left")
    totals = merged.groupby(["date", "region"])["amount"].sum().reset_index()
    return totals


def run(src, stores_path, out):
    df = clean(load(src))
    stores = pd.read_csv(stores_path)
    totals = daily_totals(df, stores)
    totals.to_csv(out)
