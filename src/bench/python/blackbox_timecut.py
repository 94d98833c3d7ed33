#!/usr/bin/env python3
"""Black-box global time cut of the whole job (issue 20's protocol), on a ratings file kept outside this repository.

For each cut (a share of the ratings by time, e.g. 0.7): the job runs with its defaults (plus any extra arguments) on
every rating before the cut, in a fresh PostgreSQL database, exactly as a night would; its published lists are then
scored with nDCG@10 against what users with a history before the cut rated after it, restricted to products rated
before the cut (products that existed). Beside the job, the same cut scores most-popular (all time) and trending
(popularity over the last 10 % of the training period), computed here from the training ratings.

    mvn -B -q -DskipTests package
    python3 src/bench/python/blackbox_timecut.py RATINGS [--cuts 0.7,0.8,0.9] [-- JOB ARGS...]

RATINGS: lines of `user item rating unix-seconds` (MovieLens u.data); needs psql and PostgreSQL as blackbox_holdout.py.
"""
import argparse, datetime, math, os, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from blackbox_holdout import read_ratings, run_job, score  # noqa: E402


def cut(by_user, share):
    rows = sorted((when, user, item, value) for user, ratings in by_user.items() for item, value, when in ratings)
    cut_time = rows[int(len(rows) * share)][0]
    train, test, before_users, before_items = [], {}, set(), set()
    for when, user, item, value in rows:
        if when < cut_time:
            stamp = datetime.datetime.fromtimestamp(when, datetime.timezone.utc).replace(tzinfo=None).isoformat()
            train.append(("U" + user, "I" + item, value, stamp))
            before_users.add("U" + user)
            before_items.add("I" + item)
    for when, user, item, value in rows:
        if when >= cut_time and "U" + user in before_users and "I" + item in before_items:
            test.setdefault("U" + user, set()).add("I" + item)
    return train, test, cut_time


def popularity_lists(train, test, since=None):
    counts, rated = {}, {}
    for user, item, _, stamp in train:
        rated.setdefault(user, set()).add(item)
        if since is None or stamp >= since:
            counts[item] = counts.get(item, 0) + 1
    order = sorted(counts, key=lambda item: (-counts[item], item))
    return {user: [item for item in order if item not in rated.get(user, ())][:10] for user in test}


def main():
    argv = sys.argv[1:]
    extra = argv[argv.index("--") + 1:] if "--" in argv else []
    argv = argv[:argv.index("--")] if "--" in argv else argv
    parser = argparse.ArgumentParser()
    parser.add_argument("ratings")
    parser.add_argument("--cuts", default="0.7,0.8,0.9")
    parser.add_argument("--nights", type=int, default=1,
                        help="run the job this many times on the same data; 2: the second night reuses the selection")
    args = parser.parse_args(argv)
    by_user = read_ratings(args.ratings)
    items = {item for ratings in by_user.values() for item, _, _ in ratings}
    print("| cut | test users | most-popular | trending | job | job exit | published model | extra arguments |")
    print("|---|---|---|---|---|---|---|---|")
    for share in [float(s) for s in args.cuts.split(",")]:
        train, test, cut_time = cut(by_user, share)
        stamps = sorted(stamp for _, _, _, stamp in train)
        first = datetime.datetime.fromisoformat(stamps[0])
        last = datetime.datetime.fromisoformat(stamps[-1])
        since = (last - (last - first) * 0.1).isoformat()
        popular, _ = score(popularity_lists(train, test), test)
        trending, _ = score(popularity_lists(train, test, since), test)
        with tempfile.TemporaryDirectory(prefix="timecut") as workdir:
            exit_code, _, lists, published = run_job(train, {}, items, extra, workdir, args.nights)
        job, _ = score(lists, test)
        print(f"| {share:.0%} | {len(test)} | {popular:.4f} | {trending:.4f} | {job:.4f} | {exit_code} | {published} "
              f"| {' '.join(extra)} |", flush=True)


if __name__ == "__main__":
    main()
