#!/usr/bin/env python3
"""Issue 20: does the trend blend help the users a time cut asks about, and which ones?

On MovieLens-100k (u.data, kept outside this repository), for the random 75/25 protocol and the global time cuts at
70/80/90 % (the same splits and nDCG@10 as time_protocols.py), each evaluated user gets EASE's list (lambda 200) or
the blend "EASE with a decayed profile + beta x trending" when the user's last rating lies less than T days before
the training data's end. Prints the random protocol's nDCG, each cut's and the cuts' mean for each T.

    python3 src/bench/python/recency_gate.py /path/to/ml-100k/u.data      (numpy; a few seconds)
"""
import math, sys
import numpy as np
from time_protocols import load, protocols_of, models, per_user_ndcg, DAY


def main():
    raw = load(sys.argv[1])
    shape = (raw[:, 0].max() + 1, raw[:, 1].max() + 1)
    protocols = protocols_of(raw)
    blends = ("EASE decayed + 1.0 x trending", "EASE decayed + 2.0 x trending")
    found_by = {}
    for name, (train, test) in protocols.items():
        found, rated = models(train, shape)
        now = train[:, 3].max()
        last = {}
        for user, _, _, t in train:
            last[user] = max(last.get(user, 0), t)
        found_by[name] = (per_user_ndcg(found["EASE"], rated, test),
                          {blend: per_user_ndcg(found[blend], rated, test) for blend in blends},
                          {user: (now - last[user]) / DAY for user in test})
    print("| blend | given to users away less than | " + " | ".join(protocols) + " | cuts' mean |")
    print("|---" * (len(protocols) + 3) + "|")
    for blend in blends:
        for days in (0, 1, 3, 7, 14, 28, 56, math.inf):
            row = [np.mean([b[blend][u] if gap[u] < days else a[u] for u in a])
                   for a, b, gap in found_by.values()]
            print(f"| {blend} | {days:g} days | " + " | ".join(f"{v:.4f}" for v in row)
                  + f" | {np.mean(row[1:]):.4f} |")


if __name__ == "__main__":
    main()
