#!/usr/bin/env bash
# Held-back evaluation of `onoma lexicon suggest` (issue 5): copy Lexicons/ without some forms,
# run suggest on Corpus/, and report which held-back forms come back as variant suggestions and
# how many other suggestions come with them.
# Usage: scripts/lexicon/heldback.sh [ONOMA] (default .build/release/onoma); run from the package root.
set -euo pipefail
onoma=${1:-.build/release/onoma}
held=("Zelensky" "Volodymyr Zelensky" "Sirsky" "Oleksandr Sirsky" "Kiev")
# An awk BEGIN block that fills drop[] with the held-back forms, given -v held="$held_list".
held_list=$(IFS='|'; echo "${held[*]}")
drop_held='BEGIN { n = split(held, h, "|"); for (i = 1; i <= n; i++) drop[h[i]] = 1 }'
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/lexicon"
for file in Lexicons/*.tsv; do
    awk -F'\t' -v held="$held_list" "$drop_held"'
        !($4 in drop)' "$file" > "$work/lexicon/$(basename "$file")"
done
echo "held back: $(( $(cat Lexicons/*.tsv | wc -l) - $(cat "$work"/lexicon/*.tsv | wc -l) )) lines with the forms: ${held[*]}"
"$onoma" lexicon suggest --lexicon "$work/lexicon" --min-count "${MIN_COUNT:-2}" Corpus/ > "$work/suggestions.tsv"
variants=$(grep -v '^#' "$work/suggestions.tsv" | awk -F'\t' 'NF && $1 !~ /^onoma:new:/' || true)
news=$(grep -v '^#' "$work/suggestions.tsv" | awk -F'\t' 'NF && $1 ~ /^onoma:new:/' || true)
for form in "${held[@]}"; do
    if printf '%s\n' "$variants" | awk -F'\t' -v f="$form" '$4 == f { found = 1 } END { exit !found }'; then
        echo "recovered: $form -> $(printf '%s\n' "$variants" | awk -F'\t' -v f="$form" '$4 == f { print $1; exit }')"
    else
        echo "missed:    $form"
    fi
done
echo "other variant suggestions:"
printf '%s\n' "$variants" | awk -F'\t' -v held="$held_list" "$drop_held"'
    NF && $6 != "known" && !($4 in drop) { print "  " $1 "\t" $4 "\t" $7 "\t" $8 }'
echo "new-entity lines: $(printf '%s\n' "$news" | awk 'NF' | wc -l)"
printf '%s\n' "$news" | awk -F'\t' 'NF { print "  " $1 "\t" $2 "\t" $4 "\t" $5 "\t" $7 }'
