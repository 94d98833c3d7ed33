#!/usr/bin/env python3
"""How candidates fare on successive recent windows before a global time cut (issue 20): rolling-origin validation.

For a cut (a share of the ratings by time, as blackbox_timecut.py makes it), the training part is truncated 0, 28,
56, ... days before its end; on each truncation the job's `evaluate` mode scores the candidates on its own recent
split (the last 28 days of what is left, or the last 10 % of its time span), on an embedded database, with model
selection off. Prints nDCG@10 per candidate and window.

    mvn -B -q -DskipTests package
    python3 src/bench/python/recent_windows.py RATINGS [--cut 0.7] [--back 0,28,56,84] [--candidates "ials;most-popular"]

RATINGS: lines of `user item rating unix-seconds` (MovieLens u.data).
"""
import argparse, csv, datetime, os, re, subprocess, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from blackbox_holdout import JAR, read_ratings  # noqa: E402
from blackbox_timecut import cut  # noqa: E402

DEFAULT_CANDIDATES = ";".join([
    "ials", "ials:factors=128,reg=0.02", "ease:lambda=300",
    "ease:lambda=300,profile-half-life=30,trend-weight=2", "ials:factors=16,alpha=10,reg=0.02,trend-weight=1",
    "recent-popular:half-life=7", "recent-popular:half-life=14", "most-popular"])


def evaluate(rows, items, candidates, workdir):
    with open(os.path.join(workdir, "ratings.csv"), "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["user_id", "product_id", "rating", "rated_at"])
        writer.writerows(rows)
    with open(os.path.join(workdir, "products.csv"), "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["product_id", "name", "style", "active"])
        writer.writerows((item, "item " + item, "unknown", "true") for item in items)
    args = ["java", "-jar", JAR, "evaluate", "--sample-data=" + workdir, "--reco.evaluation.split=recent",
            "--reco.selection.enabled=false"]
    args += [f"--reco.evaluation.candidates[{n}]={spec}" for n, spec in enumerate(candidates)]
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    window = re.search(r"Recent split: cut at (\S+) \((.*?)\); (\d+) ratings", out)
    rows = [line.split("|") for line in out.splitlines() if re.match(r"^[a-z-]+ +\| ", line)]
    ndcg = [fields[4].strip() for fields in rows if re.fullmatch(r"[0-9.]+", fields[4].strip())]
    return window.groups() if window else ("?", "no recent split", "0"), ndcg


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("ratings")
    parser.add_argument("--cut", type=float, default=0.7)
    parser.add_argument("--back", default="0,28,56,84")
    parser.add_argument("--candidates", default=DEFAULT_CANDIDATES)
    args = parser.parse_args()
    candidates = args.candidates.split(";")
    train, _, _ = cut(read_ratings(args.ratings), args.cut)
    last = max(datetime.datetime.fromisoformat(stamp) for _, _, _, stamp in train)
    items = sorted({item for _, item, _, _ in train})
    columns = []
    for back in [int(days) for days in args.back.split(",")]:
        end = (last - datetime.timedelta(days=back)).isoformat()
        with tempfile.TemporaryDirectory(prefix="windows") as workdir:
            window, ndcg = evaluate([row for row in train if row[3] <= end], items, candidates, workdir)
        print(f"{back} days back: judged from {window[0]} ({window[1]}), {window[2]} test ratings", flush=True)
        columns.append((back, ndcg))
    print("| candidate | " + " | ".join(f"{back} days back" for back, _ in columns) + " |")
    print("|---|" + "---|" * len(columns))
    for row, spec in enumerate(candidates):
        print(f"| {spec} | " + " | ".join(ndcg[row] if row < len(ndcg) else "?" for _, ndcg in columns) + " |")


if __name__ == "__main__":
    main()
