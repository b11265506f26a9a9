#!/usr/bin/env python3
"""Evaluates `onoma dedupe` beside datasketch's MinHashLSH, in one run.

Usage (from the package root, after `swift build -c release --product onoma`):

    python3 scripts/dedupe/evaluate.py [--onoma .build/release/onoma] [--lexicon Lexicons]
        [--wmt ../shared/dev/dedup/wmt21-de-fr.jsonl] [--msr ../shared/dev/dedup/msr_paraphrase_train.txt]

1. Stories (WMT21 de-fr: originals, professional and machine translations, grouped by "story"):
   adjusted Rand index per language, and pairwise precision and recall separately for
   same-language and cross-language pairs, for onoma without and with --cross-lingual (and with
   --lexicon) and for datasketch's MinHashLSH (num_perm 128, onoma's threshold, connected
   components over its candidate pairs) on character 5-grams and on word 5-grams.
2. Sentences (MSR paraphrase corpus, pairs labelled 1/0): precision, recall and F1 of each
   system at its threshold, the similarity distributions of the two labels, the area under the
   ROC curve, and the best F1 over all thresholds with the threshold that gives it.

Needs `pip install datasketch`.
"""
import argparse
import bisect
import collections
import csv
import itertools
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from math import comb

from datasketch import MinHash, MinHashLSH

THRESHOLD = 0.35  # onoma dedupe's default --threshold
PERMUTATIONS = 128


# ---------------------------------------------------------------- scores

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


def evaluate_clusters(docs, cluster):
    result = {}
    for lang in sorted({d["lang"] for d in docs}):
        subset = [d for d in docs if d["lang"] == lang]
        result[f"ARI {lang}"] = adjusted_rand_index([d["story"] for d in subset], [cluster[d["id"]] for d in subset])
    result["ARI all"] = adjusted_rand_index([d["story"] for d in docs], [cluster[d["id"]] for d in docs])
    result["same P"], result["same R"] = pair_scores(docs, cluster, True)
    result["cross P"], result["cross R"] = pair_scores(docs, cluster, False)
    return result


def f1(precision, recall):
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def threshold_scores(labels, predicted):
    tp = sum(1 for y, p in zip(labels, predicted) if y and p)
    fp = sum(1 for y, p in zip(labels, predicted) if p and not y)
    fn = sum(1 for y, p in zip(labels, predicted) if y and not p)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, f1(precision, recall)


def best_f1(labels, similarities):
    """The best F1 over all thresholds "similarity >= t", and that t."""
    ranked = sorted(zip(similarities, labels), reverse=True)
    positives = sum(labels)
    best = (0.0, 1.0)
    tp = fp = 0
    for i, (similarity, label) in enumerate(ranked):
        tp += label
        fp += not label
        if i + 1 < len(ranked) and ranked[i + 1][0] == similarity:
            continue  # a threshold keeps all equal similarities together
        best = max(best, (f1(tp / (tp + fp), tp / positives), similarity))
    return best


def roc_auc(labels, similarities):
    """The probability that a random paraphrase scores above a random non-paraphrase (ties half)."""
    positives = [s for s, y in zip(similarities, labels) if y]
    negatives = sorted(s for s, y in zip(similarities, labels) if not y)
    total = 0.0
    for s in positives:
        below = bisect.bisect_left(negatives, s)
        equal = bisect.bisect_right(negatives, s) - below
        total += below + equal / 2
    return total / (len(positives) * len(negatives))


# ---------------------------------------------------------------- onoma

def run_onoma(onoma, arguments, input_path):
    """Runs onoma dedupe; returns (clusters by id, links as {(a, b): similarity}, seconds)."""
    start = time.perf_counter()
    process = subprocess.run([onoma, "dedupe", "--quiet", "--pairs", *arguments, input_path],
                             capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if process.returncode != 0:
        sys.exit(f"onoma dedupe {' '.join(arguments)} failed ({process.returncode}):\n{process.stderr}")
    clusters, links = {}, {}
    for line in process.stdout.splitlines():
        record = json.loads(line)
        if "cluster" in record:
            clusters[record["id"]] = record["cluster"]
        else:
            links[(record["a"], record["b"])] = record["similarity"]
            links[(record["b"], record["a"])] = record["similarity"]
    return clusters, links, seconds


# ---------------------------------------------------------------- datasketch

def char_shingles(text, n=5):
    """Character n-grams of the lowercased text with runs of whitespace made one space."""
    text = re.sub(r"\s+", " ", text.lower()).strip()
    if len(text) < n:
        return {text} if text else set()
    return {text[i:i + n] for i in range(len(text) - n + 1)}


def word_shingles(text, n=5):
    """Word n-grams of the lowercased text split on non-word characters (text-dedup's way)."""
    words = [w for w in re.split(r"\W+", text.lower()) if w]
    if len(words) < n:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + n]) for i in range(len(words) - n + 1)}


def minhash(shingles):
    m = MinHash(num_perm=PERMUTATIONS, seed=1)
    m.update_batch([s.encode("utf-8") for s in shingles])
    return m


def run_datasketch(documents, shingler, verify=False):
    """MinHashLSH at onoma's threshold; clusters are connected components of the candidate pairs
    (the way text-dedup uses it), or with `verify` of the candidates whose estimated Jaccard
    reaches the threshold. Returns (clusters by id, seconds)."""
    start = time.perf_counter()
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=PERMUTATIONS)
    signatures = {}
    for doc in documents:
        signatures[doc["id"]] = minhash(shingler(doc["text"]))
        lsh.insert(doc["id"], signatures[doc["id"]])
    parent = {doc["id"]: doc["id"] for doc in documents}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for doc in documents:
        signature = signatures[doc["id"]]
        for other in lsh.query(signature):
            if not verify or signature.jaccard(signatures[other]) >= THRESHOLD:
                parent[find(doc["id"])] = find(other)
    seconds = time.perf_counter() - start
    return {doc["id"]: find(doc["id"]) for doc in documents}, seconds


# ---------------------------------------------------------------- the two checks

def stories(args):
    docs = [json.loads(line) for line in open(args.wmt, encoding="utf-8") if line.strip()]
    print(f"== Stories: {args.wmt}: {len(docs)} documents, {len({d['story'] for d in docs})} stories, "
          f"languages {dict(collections.Counter(d['lang'] for d in docs))}")
    print(f"   threshold {THRESHOLD}, {PERMUTATIONS} permutations; datasketch clusters = connected components of its LSH "
          f"candidates (verified: of those whose estimated Jaccard reaches the threshold too)")
    rows = []
    for label, arguments in [("onoma", []), ("onoma --cross-lingual", ["--cross-lingual"]),
                             (f"onoma --lexicon {args.lexicon}", ["--lexicon", args.lexicon]),
                             (f"onoma --cross-lingual --lexicon {args.lexicon}", ["--cross-lingual", "--lexicon", args.lexicon])]:
        clusters, _, seconds = run_onoma(args.onoma, arguments, args.wmt)
        rows.append((label, evaluate_clusters(docs, clusters), seconds))
    for label, shingler, verify in [("datasketch char 5-grams", char_shingles, False),
                                    ("datasketch char 5-grams, verified", char_shingles, True),
                                    ("datasketch word 5-grams", word_shingles, False),
                                    ("datasketch word 5-grams, verified", word_shingles, True)]:
        clusters, seconds = run_datasketch(docs, shingler, verify)
        rows.append((label, evaluate_clusters(docs, clusters), seconds))
    columns = list(rows[0][1].keys())
    print(f"{'system':<46}" + "".join(f"{c:>9}" for c in columns) + f"{'seconds':>9}")
    for label, scores, seconds in rows:
        print(f"{label:<46}" + "".join(f"{scores[c]:>9.3f}" for c in columns) + f"{seconds:>9.2f}")
    print("   (seconds: onoma end to end as a process; datasketch signing, indexing and querying in this process)")


def read_msr(path):
    pairs = []
    with open(path, encoding="utf-8-sig", newline="") as file:
        reader = csv.reader(file, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)
        for row in reader:
            if len(row) == 5:
                pairs.append((int(row[0]), row[3], row[4]))
    return pairs


def onoma_pair_similarities(onoma, pairs, extra):
    """onoma's MinHash similarity of every pair: each chunk of pairs is one input, clustered with
    1-row bands (every pair sharing one MinHash value is a candidate) and a threshold below 1/128,
    so each labelled pair's estimate is printed unless it is 0."""
    similarities = []
    with tempfile.TemporaryDirectory() as directory:
        for start in range(0, len(pairs), 200):
            chunk = pairs[start:start + 200]
            path = os.path.join(directory, "chunk.jsonl")
            with open(path, "w", encoding="utf-8") as file:
                for i, (_, a, b) in enumerate(chunk):
                    file.write(json.dumps({"id": f"{i}a", "text": a, "lang": "en"}) + "\n")
                    file.write(json.dumps({"id": f"{i}b", "text": b, "lang": "en"}) + "\n")
            arguments = ["--bands", str(PERMUTATIONS), "--rows", "1", "--threshold", "0.001", *extra]
            _, links, _ = run_onoma(onoma, arguments, path)
            similarities += [links.get((f"{i}a", f"{i}b"), 0.0) for i in range(len(chunk))]
    return similarities


def onoma_pair_links(onoma, pairs, extra):
    """Whether onoma, at its default threshold and banding, links each pair (all sentences in one input)."""
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "msr.jsonl")
        with open(path, "w", encoding="utf-8") as file:
            for i, (_, a, b) in enumerate(pairs):
                file.write(json.dumps({"id": f"{i}a", "text": a, "lang": "en"}) + "\n")
                file.write(json.dumps({"id": f"{i}b", "text": b, "lang": "en"}) + "\n")
        _, links, _ = run_onoma(onoma, extra, path)
    return [(f"{i}a", f"{i}b") in links for i in range(len(pairs))]


def datasketch_pairs(pairs, shingler, verify):
    """datasketch's estimated Jaccard of every pair, and whether MinHashLSH at onoma's threshold
    makes it a candidate (all sentences in one index), with `verify` a candidate whose estimated
    Jaccard reaches the threshold."""
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=PERMUTATIONS)
    signatures = []
    for i, (_, a, b) in enumerate(pairs):
        signatures.append((minhash(shingler(a)), minhash(shingler(b))))
        lsh.insert(f"{i}b", signatures[-1][1])
    similarities = [x.jaccard(y) for x, y in signatures]
    linked = [f"{i}b" in lsh.query(x) and (not verify or s >= THRESHOLD) for i, ((x, _), s) in enumerate(zip(signatures, similarities))]
    return similarities, linked


def sentences(args):
    pairs = read_msr(args.msr)
    labels = [label for label, _, _ in pairs]
    print(f"\n== Sentences: {args.msr}: {len(pairs)} pairs, {sum(labels)} paraphrases (1), {len(pairs) - sum(labels)} not (0)")
    rows = []
    for label, extra in [("onoma", []), (f"onoma --lexicon {args.lexicon}", ["--lexicon", args.lexicon])]:
        rows.append((label, onoma_pair_similarities(args.onoma, pairs, extra), onoma_pair_links(args.onoma, pairs, extra)))
    for label, shingler in [("datasketch char 5-grams", char_shingles), ("datasketch word 5-grams", word_shingles)]:
        for verify in [False, True]:
            rows.append((label + (", verified" if verify else ""), *datasketch_pairs(pairs, shingler, verify)))
    print(f"{'system':<34}{'P@0.35':>8}{'R@0.35':>8}{'F1@0.35':>8}   {'median sim 1':>12}{'median sim 0':>13}"
          f"{'AUC':>7}{'best F1':>9}{'at sim':>8}")
    for label, similarities, linked in rows:
        precision, recall, score = threshold_scores(labels, linked)
        positive = statistics.median(s for s, y in zip(similarities, labels) if y)
        negative = statistics.median(s for s, y in zip(similarities, labels) if not y)
        best, at = best_f1(labels, similarities)
        print(f"{label:<34}{precision:>8.3f}{recall:>8.3f}{score:>8.3f}   {positive:>12.3f}{negative:>13.3f}"
              f"{roc_auc(labels, similarities):>7.3f}{best:>9.3f}{at:>8.3f}")
    print(f"   (@0.35: linked by the tool at threshold {THRESHOLD} with its LSH banding; sim: estimated Jaccard of "
          f"the pair's MinHash signatures; predicting 1 for every pair gives F1 {f1(sum(labels) / len(labels), 1.0):.3f})")
    for label, similarities, _ in rows[:3] + rows[4:5]:
        print(f"   {label:<31} similarity deciles, paraphrases: {deciles(similarities, labels, 1)}")
        print(f"   {'':<31} similarity deciles, others:      {deciles(similarities, labels, 0)}")


def deciles(similarities, labels, which):
    values = sorted(s for s, y in zip(similarities, labels) if y == which)
    return " ".join(f"{values[min(len(values) - 1, len(values) * k // 10)]:.2f}" for k in range(1, 10))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--onoma", default=".build/release/onoma")
    parser.add_argument("--lexicon", default="Lexicons")
    parser.add_argument("--wmt", default="../shared/dev/dedup/wmt21-de-fr.jsonl")
    parser.add_argument("--msr", default="../shared/dev/dedup/msr_paraphrase_train.txt")
    args = parser.parse_args()
    stories(args)
    sentences(args)
