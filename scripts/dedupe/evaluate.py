#!/usr/bin/env python3
"""Scores `onoma dedupe` clusters against the stories of ../shared/dev/dedup/wmt21-de-fr.jsonl.

Usage: scripts/dedupe/evaluate.py GOLD.jsonl ONOMA_OUTPUT.jsonl [label]
Prints the adjusted Rand index per language (same-language clustering) and pairwise precision
and recall for same-language and cross-language pairs.
"""
import collections
import itertools
import json
import sys
from math import comb


def adjusted_rand_index(gold, predicted):
    """ARI of two labelings of the same items (lists of labels)."""
    n = len(gold)
    if n < 2:
        return 1.0
    table = collections.Counter(zip(gold, predicted))
    sum_cells = sum(comb(c, 2) for c in table.values())
    sum_gold = sum(comb(c, 2) for c in collections.Counter(gold).values())
    sum_pred = sum(comb(c, 2) for c in collections.Counter(predicted).values())
    expected = sum_gold * sum_pred / comb(n, 2)
    maximum = (sum_gold + sum_pred) / 2
    return 1.0 if maximum == expected else (sum_cells - expected) / (maximum - expected)


def pair_scores(docs, cluster, same_language):
    tp = fp = fn = 0
    for a, b in itertools.combinations(docs, 2):
        if (a["lang"] == b["lang"]) != same_language:
            continue
        gold = a["story"] == b["story"]
        pred = cluster[a["id"]] == cluster[b["id"]]
        tp += gold and pred
        fp += pred and not gold
        fn += gold and not pred
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall


def evaluate(docs, cluster):
    result = {}
    for lang in sorted({d["lang"] for d in docs}):
        subset = [d for d in docs if d["lang"] == lang]
        result[f"ARI {lang}"] = adjusted_rand_index([d["story"] for d in subset], [cluster[d["id"]] for d in subset])
    result["ARI all"] = adjusted_rand_index([d["story"] for d in docs], [cluster[d["id"]] for d in docs])
    result["same P"], result["same R"] = pair_scores(docs, cluster, True)
    result["cross P"], result["cross R"] = pair_scores(docs, cluster, False)
    return result


def load_gold(path):
    return [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]


def load_onoma(path):
    cluster = {}
    for line in open(path, encoding="utf-8"):
        record = json.loads(line)
        if "cluster" in record:
            cluster[record["id"]] = record["cluster"]
    return cluster


def report(label, scores):
    print(f"{label:<34}" + "  ".join(f"{k} {v:.3f}" for k, v in scores.items()))


if __name__ == "__main__":
    gold = load_gold(sys.argv[1])
    report(sys.argv[3] if len(sys.argv) > 3 else "onoma", evaluate(gold, load_onoma(sys.argv[2])))
