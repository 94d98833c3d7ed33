#!/usr/bin/env python3
"""Black-box hold-out of the whole job (issue 13's protocol), on a ratings file kept outside this repository.

Each user's ratings are split 75/25 at random (seeded); the job runs with its defaults (plus any extra arguments)
on the 75 % in a fresh PostgreSQL database, exactly as a night would; then the live recommendations table is
scored with nDCG@10 and P@10 against the held-out 25 %, every held-out item relevant, IDCG over
min(|held-out|, 10). The job never sees the held-out part, so selection, gate and publish are all inside the box.

    mvn -B -q -DskipTests package
    python3 src/bench/python/blackbox_holdout.py RATINGS [--styles ITEM_STYLES.csv] [--seeds 1,2,3] [-- JOB ARGS...]

RATINGS: lines of `user item rating [unix-seconds]`, separated by tabs, spaces or commas; a header line is skipped.
ITEM_STYLES.csv: `item,style` lines (for the style re-rank); without it every product has the style 'unknown'.
Needs psql and PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth); uses the database bb_holdout.
With BLACKBOX_LOGS=DIR set, each job's log is kept there (job-<millis>.log); blackbox_timecut.py shares this.
"""
import argparse, csv, datetime, math, os, random, re, shutil, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
JAR = os.path.join(ROOT, "target", "beer-reco-batch-1.0.0-SNAPSHOT.jar")
DDL = os.path.join(ROOT, "db-migrations", "inventory", "postgresql", "V1__inventory_tables.sql")
DB = "bb_holdout"
PSQL = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-q", "-v", "ON_ERROR_STOP=1"]


def read_ratings(path):
    by_user = {}
    with open(path, encoding="latin-1") as fh:
        for line in fh:
            fields = [f for f in re.split(r"[\t ,]+", line.strip()) if f]
            if len(fields) < 3:
                continue
            try:
                value = float(fields[2])
            except ValueError:
                continue  # a header
            when = int(float(fields[3])) if len(fields) > 3 else None
            by_user.setdefault(fields[0], []).append((fields[1], value, when))
    return by_user


def split(by_user, seed, fraction):
    rng = random.Random(seed)
    train, test = [], {}
    for user in sorted(by_user):
        items = list(by_user[user])
        rng.shuffle(items)
        held = round(len(items) * fraction)
        for item, _, _ in items[:held]:
            test.setdefault("U" + user, set()).add("I" + item)
        for item, value, when in items[held:]:
            stamp = "" if when is None else datetime.datetime.fromtimestamp(when, datetime.timezone.utc) \
                .replace(tzinfo=None).isoformat()
            train.append(("U" + user, "I" + item, value, stamp))
    return train, test


def run_job(train, styles, items, extra, workdir, nights=1):
    """Loads train into a fresh database and runs the job `nights` times on it; the lists are the last night's.
    From the second night on the job reuses the model selection the first recorded (issue 21)."""
    ratings_csv = os.path.join(workdir, "ratings.csv")
    products_csv = os.path.join(workdir, "products.csv")
    with open(ratings_csv, "w", newline="") as fh:
        csv.writer(fh).writerows(train)
    with open(products_csv, "w", newline="") as fh:
        csv.writer(fh).writerows(("I" + i, "item " + i, styles.get(i, "unknown"), "true") for i in sorted(items))
    subprocess.run(PSQL + ["-c", f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)", "-c", f"CREATE DATABASE {DB}"],
                   check=True, capture_output=True)
    subprocess.run(PSQL + ["-d", DB, "-f", DDL], check=True)
    subprocess.run(PSQL + ["-d", DB, "-c", f"\\copy products FROM '{products_csv}' CSV",
                           "-c", f"\\copy ratings FROM '{ratings_csv}' CSV NULL ''"], check=True)
    env = dict(os.environ, SPRING_DATASOURCE_URL=f"jdbc:postgresql://127.0.0.1:5432/{DB}",
               SPRING_DATASOURCE_USERNAME="postgres", SPRING_DATASOURCE_PASSWORD="")
    with open(os.path.join(workdir, "job.log"), "w") as log:
        subprocess.run(["java", "-jar", JAR, "migrate"], env=env, stdout=log, stderr=subprocess.STDOUT, check=True)
        for _ in range(nights):
            start = time.time()
            exit_code = subprocess.run(["java", "-jar", JAR, "run"] + extra, env=env, stdout=log,
                                       stderr=subprocess.STDOUT).returncode
            seconds = time.time() - start
    rows = subprocess.run(PSQL + ["-d", DB, "-At", "-F", ",", "-c",
                                  "SELECT user_id, product_id FROM recommendations ORDER BY user_id, rank"],
                          check=True, capture_output=True, text=True).stdout.split()
    published = subprocess.run(PSQL + ["-d", DB, "-At", "-F", " ", "-c",
                                       "SELECT algorithm, params, 'styles', ROUND(CAST(distinct_styles AS NUMERIC), 2), selection_note FROM reco_run_history ORDER BY id DESC LIMIT 1"],
                               check=True, capture_output=True, text=True).stdout.strip()
    if os.environ.get("BLACKBOX_LOGS"):
        os.makedirs(os.environ["BLACKBOX_LOGS"], exist_ok=True)
        shutil.copy(os.path.join(workdir, "job.log"),
                    os.path.join(os.environ["BLACKBOX_LOGS"], f"job-{int(time.time() * 1000)}.log"))
    lists = {}
    for row in rows:
        user, product = row.split(",")
        lists.setdefault(user, []).append(product)
    return exit_code, seconds, lists, published


def score(lists, test, n=10):
    ndcg, precision = [], []
    for user, relevant in test.items():
        ranked = lists.get(user, [])[:n]
        dcg = sum(1 / math.log2(rank + 2) for rank, item in enumerate(ranked) if item in relevant)
        ndcg.append(dcg / sum(1 / math.log2(rank + 2) for rank in range(min(n, len(relevant)))))
        precision.append(sum(item in relevant for item in ranked) / n)
    return sum(ndcg) / len(ndcg), sum(precision) / len(precision)


def main():
    argv = sys.argv[1:]
    extra = argv[argv.index("--") + 1:] if "--" in argv else []
    argv = argv[:argv.index("--")] if "--" in argv else argv
    parser = argparse.ArgumentParser()
    parser.add_argument("ratings")
    parser.add_argument("--styles")
    parser.add_argument("--seeds", default="1")
    parser.add_argument("--fraction", type=float, default=0.25)
    parser.add_argument("--nights", type=int, default=1,
                        help="run the job this many times on the same data; 2: the second night reuses the selection")
    args = parser.parse_args(argv)
    by_user = read_ratings(args.ratings)
    items = {item for ratings in by_user.values() for item, _, _ in ratings}
    styles = {}
    if args.styles:
        with open(args.styles, encoding="latin-1") as fh:
            styles = {row[0]: row[1] for row in csv.reader(fh) if len(row) >= 2}
    print("| seed | exit | job s | users | nDCG@10 | P@10 | published model | extra arguments |")
    print("|---|---|---|---|---|---|---|---|")
    for seed in [int(s) for s in args.seeds.split(",")]:
        train, test = split(by_user, seed, args.fraction)
        with tempfile.TemporaryDirectory(prefix="blackbox") as workdir:
            exit_code, seconds, lists, published = run_job(train, styles, items, extra, workdir, args.nights)
            ndcg, precision = score(lists, test)
            print(f"| {seed} | {exit_code} | {seconds:.1f} | {len(test)} | {ndcg:.4f} | {precision:.4f} | {published} | {' '.join(extra)} |",
                  flush=True)


if __name__ == "__main__":
    main()
