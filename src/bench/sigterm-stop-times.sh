#!/bin/bash
# How long a run takes to stop on SIGTERM, step by step (docs/operations.md, "Stopping a run").
#   1. a PostgreSQL database with a generated shop, kept after the benchmark:
#        mvn -B -Pbenchmark test-compile exec:exec -Dbench.args="size=M db=postgresql keep=true librec=false"
#      (its output names the database: bench_m_<n>)
#   2. src/bench/sigterm-stop-times.sh bench_m_<n> [xmx]
# For each step it starts a run, sends SIGTERM a moment into that step, and prints the exit code, the seconds from
# the signal to the exit, the execution's status and the run-history row. Drop the database afterwards.
set -euo pipefail
DB=$1; XMX=${2:-2g}
cd "$(dirname "$0")/../.."
mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench/cp.txt >/dev/null
CP=target/test-classes:target/classes:$(cat target/bench/cp.txt)
URL="jdbc:postgresql://127.0.0.1:5432/$DB?reWriteBatchedInserts=true"
q() { psql -h 127.0.0.1 -U postgres -tA -c "$1" "$DB"; }

for step_delay in "loadRatingsStep 2" "evaluateModelStep 0.3" "trainModelStep 0.3" "stageRecommendationsStep 1" \
                  "publishStep 0.3"; do
  set -- $step_delay; STEP=$1; DELAY=$2
  LOG=target/bench/sigterm-$STEP.log
  java -Xmx"$XMX" -cp "$CP" com.beershop.reco.BeerRecoApplication run --spring.datasource.url="$URL" \
    --spring.datasource.username=postgres --spring.datasource.password= --reco.sample-data.seed=NEVER \
    --logging.level.com.beershop.reco=INFO > "$LOG" 2>&1 &
  PID=$!
  until [ "$(q "SELECT COUNT(*) FROM batch_step_execution WHERE step_name = '$STEP' AND status = 'STARTED'")" = 1 ]; do
    kill -0 $PID 2>/dev/null || { echo "$STEP: the run ended before the step began (see $LOG)"; continue 2; }
    sleep 0.05
  done
  sleep "$DELAY"
  t0=$(date +%s%N); kill -TERM $PID; rc=0; wait $PID || rc=$?; t1=$(date +%s%N)
  printf 'SIGTERM %ss into %s: exit %s after %s s; execution %s; run history %s\n' "$DELAY" "$STEP" "$rc" \
    "$(echo "scale=1; ($t1 - $t0) / 1000000000" | bc)" \
    "$(q "SELECT status FROM batch_job_execution ORDER BY job_execution_id DESC LIMIT 1")" \
    "$(q "SELECT outcome || ', exit ' || exit_code || ', published ' || published FROM reco_run_history ORDER BY id DESC LIMIT 1")"
  grep -o "Step metrics: step=$STEP wall_s=[0-9.]*" "$LOG" | head -1 || true
done
