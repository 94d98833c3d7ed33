#!/usr/bin/env python3
"""Offline study behind issue 20: one list per user cannot serve both the random hold-out and the global time cut.

Scores a few model families on MovieLens-100k (u.data, kept outside this repository) under both protocols, with
the same nDCG@10 as blackbox_holdout.py and blackbox_timecut.py (every held-out item relevant, IDCG over
min(|held-out|, 10), the user's training items excluded):
  - random: each user's ratings split 75/25 at random (seed 1);
  - cut70/80/90: train on the ratings before a global time cut at 70/80/90 % of the ratings by time, test on what
    users with a history rated after it, restricted to items rated before it.
Models: most-popular; trending (popularity over the last 10 % of the training period); EASE (lambda 200); EASE with
each user's profile decayed by the time before the user's last rating (half-life 30 days); and their blends with
trending (scores scaled to their user's maximum, plus beta x trending scaled to its maximum).

    python3 src/bench/python/time_protocols.py /path/to/ml-100k/u.data      (numpy; about a minute on 2 cores)
"""
import math, random, sys
import numpy as np

DAY = 86400.0


def load(path):
    raw = np.loadtxt(path, dtype=np.int64)
    return raw[raw[:, 0] > 0]


def time_cut(raw, share):
    cut = raw[np.argsort(raw[:, 3], kind="stable")[int(len(raw) * share)], 3]
    train, later = raw[raw[:, 3] < cut], raw[raw[:, 3] >= cut]
    users, items = set(train[:, 0]), set(train[:, 1])
    test = {}
    for user, item, _, _ in later:
        if user in users and item in items:
            test.setdefault(user, set()).add(item)
    return train, test


def random_split(raw, seed=1, share=0.25):
    by_user = {}
    for row in raw:
        by_user.setdefault(row[0], []).append(row)
    rng, train, test = random.Random(seed), [], {}
    for user in sorted(by_user):
        rows = list(by_user[user])
        rng.shuffle(rows)
        held = round(len(rows) * share)
        test[user] = {row[1] for row in rows[:held]}
        train.extend(rows[held:])
    return np.array(train), test


def per_user_ndcg(scores, rated, test):
    """Each test user's nDCG@10."""
    found = {}
    for user, relevant in test.items():
        row = scores(user).astype(np.float64).copy()
        row[rated[user]] = -np.inf
        ranked = np.argsort(-row, kind="stable")[:10]
        dcg = sum(1 / math.log2(rank + 2) for rank, item in enumerate(ranked) if item in relevant)
        found[user] = dcg / sum(1 / math.log2(rank + 2) for rank in range(min(10, len(relevant))))
    return found


def ndcg(scores, rated, test):
    return float(np.mean(list(per_user_ndcg(scores, rated, test).values())))


def models(train, shape):
    users, items = shape
    x = np.zeros(shape, np.float32)
    t = np.zeros(shape, np.int64)
    x[train[:, 0], train[:, 1]] = 1
    t[train[:, 0], train[:, 1]] = train[:, 3]
    newest, oldest = train[:, 3].max(), train[:, 3].min()
    popular = x.sum(0)
    trending = np.zeros(items, np.float32)
    recent = train[train[:, 3] >= newest - 0.1 * (newest - oldest)]
    np.add.at(trending, recent[:, 1], 1)
    gram = (x.T @ x).astype(np.float64)
    gram[np.diag_indices(items)] += 200.0
    inverse = np.linalg.inv(gram)
    weights = (-inverse / np.diag(inverse)).astype(np.float32)
    weights[np.diag_indices(items)] = 0
    ease = x @ weights
    decay = np.where(x > 0, 0.5 ** ((t.max(1, keepdims=True) - t) / (30 * DAY)), 0).astype(np.float32)
    decayed = decay @ weights
    scaled = lambda s: s / np.maximum(np.abs(s).max(1, keepdims=True), 1e-9)
    trend = trending / trending.max()
    found = {"most-popular": lambda u: popular, "trending": lambda u: trending, "EASE": lambda u: ease[u],
             "EASE, profile decay 30 d": lambda u: decayed[u]}
    for beta in (0.3, 1.0, 2.0):
        found[f"EASE + {beta} x trending"] = (lambda b: lambda u: scaled(ease[u:u + 1])[0] + b * trend)(beta)
        found[f"EASE decayed + {beta} x trending"] = (lambda b: lambda u: scaled(decayed[u:u + 1])[0] + b * trend)(beta)
    return found, x > 0


def protocols_of(raw):
    """The random 75/25 split and the cuts at 70, 80 and 90 %, by name: (train, test) each."""
    found = {"random 75/25": random_split(raw)}
    for share in (0.7, 0.8, 0.9):
        found[f"cut {share:.0%}"] = time_cut(raw, share)
    return found


def main():
    raw = load(sys.argv[1])
    shape = (raw[:, 0].max() + 1, raw[:, 1].max() + 1)
    protocols = protocols_of(raw)
    results = {}
    for name, (train, test) in protocols.items():
        found, rated = models(train, shape)
        for model, scores in found.items():
            results.setdefault(model, {})[name] = ndcg(scores, rated, test)
    cuts = [name for name in protocols if name.startswith("cut")]
    print("| model | " + " | ".join(protocols) + " | cuts' mean |")
    print("|---" * (len(protocols) + 2) + "|")
    for model, row in results.items():
        mean = sum(row[c] for c in cuts) / len(cuts)
        print(f"| {model} | " + " | ".join(f"{row[p]:.4f}" for p in protocols) + f" | {mean:.4f} |")


if __name__ == "__main__":
    main()
