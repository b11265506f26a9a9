#!/usr/bin/env bash
# Speed and the top new-entity suggestions of `onoma lexicon suggest` on the dev data (issue 5):
# wmt21-de-fr.jsonl (German and French news) and the English sentences of msr_paraphrase_train.txt
# (one document per distinct sentence). Prints the time per MB and the top N proposals (type, lang,
# canonical form, mentions) for judging by hand; the full suggestions files stay in OUT.
# Usage: scripts/lexicon/top-new.sh [ONOMA] [N] (default .build/release/onoma, 50); run from the package root.
set -euo pipefail
onoma=${1:-.build/release/onoma}
top=${2:-50}
dev=../shared/dev/dedup
out=${OUT:-$(mktemp -d)}
mkdir -p "$out"
python3 - "$dev/msr_paraphrase_train.txt" > "$out/msr-en.jsonl" <<'PY'
import csv, json, sys
seen = set()
with open(sys.argv[1], encoding="utf-8-sig") as f:
    for n, row in enumerate(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)):
        if n == 0 or len(row) < 5:
            continue
        for id, text in ((row[1], row[3]), (row[2], row[4])):
            if id not in seen:
                seen.add(id)
                print(json.dumps({"id": "msr-" + id, "text": text, "lang": "en"}, ensure_ascii=False))
PY
for input in "$dev/wmt21-de-fr.jsonl" "$out/msr-en.jsonl"; do
    name=$(basename "$input" .jsonl)
    echo "== $name"
    "$onoma" lexicon suggest --lexicon Lexicons "$input" > "$out/$name.tsv"
    echo "top $top new entities (type, lang, canonical form, mentions):"
    awk -F'\t' -v top="$top" '$1 ~ /^onoma:new:/ && $5 == "canonical" && n++ < top { print $2 "\t" $3 "\t" $4 "\t" $7 }' "$out/$name.tsv" | nl
    echo "variants (entity, lang, form, count, score):"
    awk -F'\t' '!/^#/ && NF && $1 !~ /^onoma:new:/ && $6 != "known" { print $1 "\t" $3 "\t" $4 "\t" $7 "\t" $8 }' "$out/$name.tsv"
done
echo "suggestions files in $out"
