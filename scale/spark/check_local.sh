#!/usr/bin/env bash
# Runs the Spark job in local mode (pip's pyspark, Java 17) on wmt21-de-fr.jsonl with three bad
# lines added, and checks that its clusters are those of `onoma dedupe` on the same lines and
# that every bad line is in its error output with its id.
#
#   scale/spark/check_local.sh [INPUT.jsonl]
#
# ONOMA: the onoma binary (default .build/release/onoma); VENV: where pyspark is installed
# (default ~/.cache/onoma-spark-venv); MASTER: the Spark master (default local[2]).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
input=${1:-$root/../shared/dev/dedup/wmt21-de-fr.jsonl}
onoma=$(realpath "${ONOMA:-$root/.build/release/onoma}")
venv=${VENV:-$HOME/.cache/onoma-spark-venv}
master=${MASTER:-local[2]}

[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -c 'import pyspark, numpy' 2>/dev/null || "$venv/bin/pip" install -q pyspark numpy

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The input, plus a line without text, a line that is not JSON and a repeated id.
{ cat "$input"; echo '{"id":"check-no-text"}'; echo 'not json'; head -n 1 "$input"; } > "$work/input.jsonl"

start=$(date +%s.%N)
"$onoma" dedupe "$work/input.jsonl" > "$work/onoma.jsonl" 2> "$work/onoma.err" || true
echo "onoma dedupe: $(echo "$(date +%s.%N) - $start" | bc) s"

start=$(date +%s.%N)
PYSPARK_PYTHON="$venv/bin/python" "$venv/bin/spark-submit" --master "$master" --conf spark.ui.enabled=false \
    "$here/onoma_dedupe.py" --input "file://$work/input.jsonl" --output "file://$work/spark" --onoma "$onoma" \
    --shuffle-partitions 4 --stats "$work/stats.json" > "$work/spark.out" 2> "$work/spark.err" \
    || { tail -n 30 "$work/spark.out" "$work/spark.err"; exit 1; }
echo "spark job ($master): $(echo "$(date +%s.%N) - $start" | bc) s"
# spark-submit passes the driver's standard error to its standard output.
grep '^onoma-spark:' "$work/spark.out" "$work/spark.err" || true

"$venv/bin/python" - "$work" <<'EOF'
import glob, json, sys
work = sys.argv[1]
onoma = [json.loads(line) for line in open(f"{work}/onoma.jsonl")]
spark = [json.loads(line) for path in sorted(glob.glob(f"{work}/spark/clusters/part-*")) for line in open(path)]
errors = [json.loads(line) for path in sorted(glob.glob(f"{work}/spark/errors/part-*")) for line in open(path)]
print(f"onoma: {len(onoma)} documents in {len({r['cluster'] for r in onoma})} clusters; "
      f"spark: {len(spark)} documents in {len({r['cluster'] for r in spark})} clusters, {len(errors)} errors")
failures = []
if [r["id"] for r in spark] != [r["id"] for r in onoma]:
    failures.append("the documents or their order differ")
different = [(a, b) for a, b in zip(onoma, spark) if a != b]
for a, b in different[:5]:
    failures.append(f"onoma {a} but spark {b}")
if different:
    failures.append(f"{len(different)} documents have another cluster or representative")
expected_errors = {"check-no-text", None, json.loads(open(f"{work}/input.jsonl").readline())["id"]}
if {e.get("id") for e in errors} != expected_errors or len(errors) != 3:
    failures.append(f"expected the three bad lines in errors/, found {errors}")
onoma_errors = [line for line in open(f"{work}/onoma.err") if ": error: " in line]
if len(onoma_errors) != len(errors):
    failures.append(f"onoma reported {len(onoma_errors)} errors, spark {len(errors)}")
if failures:
    print("\n".join(["FAILED"] + failures))
    sys.exit(1)
print("OK: the Spark clusters equal onoma dedupe's, and the 3 bad lines are in the error output with their ids")
EOF
