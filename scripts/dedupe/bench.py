#!/usr/bin/env python3
"""Benchmarks `onoma dedupe` end to end beside datasketch's MinHashLSH, in one run.

Usage (from the package root, after `swift build -c release --product onoma`):

    python3 scripts/dedupe/bench.py [--docs 20000] [--index-docs 20000,1000000] [--onoma .build/release/onoma]

Input: news articles of about 2 KB (2,048 bytes of text on average) made by perturbing real ones
(the WMT21 de/fr articles of ../shared/dev/dedup and Corpus/*.txt). A new article is three
windows of consecutive sentences (about 682 bytes each, ending at the sentence end nearest to
that) from three real articles of one language; one in ten documents is instead a perturbed
copy of an earlier generated article (a syndicated copy or a rewrite). Every document then has
3% of its words dropped, doubled or swapped, and a unique id. So most documents are distinct, as
in a news stream, rather than hundreds of copies of the same 1,490 sources (which makes
duplicate pairs, and memory, grow with the square of the size). Written once to a temporary
folder (or --workdir) and read by both tools. (Before 2026-11-23 the windows ended at the first
sentence end past 700 bytes: texts averaged 2,372 bytes.)

Speed (--docs documents): onoma dedupe as a process (read JSONL, tokenize, canonicalize with
--lexicon Lexicons, sign, LSH, cluster, write JSONL), in memory and with --index into a fresh
SQLite file, timed by /usr/bin/time -v; datasketch in this process (read JSONL, character
5-gram shingles of the lowercased text, MinHash with 128 permutations, MinHashLSH insert and
query at onoma's threshold, connected components). Documents per second per core are documents
divided by CPU seconds (user + system) of `onoma dedupe --jobs 1` (one thread); CPU time does
not count the time other processes hold the machine's cores. Wall seconds are printed too, and
one more run with the default --jobs (one thread per core) shows the wall time a user sees.
Before the timed runs, one `onoma canon --lexicon Lexicons` on empty input puts the lexicon's
index in onoma's lexicon cache, as any earlier run would have: the runs read it from there (a
--compare build older than the cache indexes the lexicon files in every run).

Memory (--index-docs: comma-separated sizes, empty to skip): onoma dedupe --index into a fresh
file: peak resident memory (maximum RSS from /usr/bin/time -v) and the index's bytes per
document, also net of the document ids it stores. With two sizes or more, both are also
extrapolated linearly (from the two largest) to one million documents, and labelled so.
"""
import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time

THRESHOLD = 0.35
PERMUTATIONS = 128
# Three windows of this many bytes and two spaces make a text of about 2 KB (2,048 bytes), the
# article size of the goal.
WINDOW_BYTES = 682


# ---------------------------------------------------------------- input

def sources(wmt, corpus):
    """(lang, sentences) of every real article."""
    articles = []
    for line in open(wmt, encoding="utf-8"):
        record = json.loads(line)
        articles.append((record["lang"], [s for s in record["text"].split("\n") if s.strip()]))
    for name in sorted(os.listdir(corpus)):
        if name.endswith(".txt"):
            text = open(os.path.join(corpus, name), encoding="utf-8").read()
            articles.append(("en", [s for s in re.split(r"(?<=[.!?])\s+|\n+", text) if s.strip()]))
    return articles


def window(rng, sentences, target):
    """Consecutive sentences from a random start (wrapping around), ending at the sentence end
    nearest to `target` bytes (at least one sentence), so that windows average about `target`."""
    start = rng.randrange(len(sentences))
    chosen, size = [], -1
    for k in range(len(sentences) * 4):
        sentence = sentences[(start + k) % len(sentences)]
        longer = size + 1 + len(sentence.encode("utf-8"))
        if chosen and longer - target > target - size:
            break
        chosen.append(sentence)
        size = longer
        if size >= target:
            break
    return " ".join(chosen)


def perturbed(rng, text):
    """`text` with 3% of the words dropped, doubled or swapped with the next one."""
    words = text.split(" ")
    out, i = [], 0
    while i < len(words):
        roll = rng.random()
        if roll < 0.01:
            pass
        elif roll < 0.02:
            out += [words[i], words[i]]
        elif roll < 0.03 and i + 1 < len(words):
            out += [words[i + 1], words[i]]
            i += 1
        else:
            out.append(words[i])
        i += 1
    return " ".join(out)


def generate(path, count, articles, seed=1):
    rng = random.Random(seed)
    by_language = {}
    for lang, sentences in articles:
        by_language.setdefault(lang, []).append(sentences)
    languages = [lang for lang, _ in articles]
    originals = []  # (lang, text) of generated new articles, for later copies
    with open(path, "w", encoding="utf-8") as file:
        for n in range(count):
            if originals and rng.random() < 0.1:
                lang, text = originals[rng.randrange(len(originals))]
            else:
                lang = languages[rng.randrange(len(languages))]
                pool = by_language[lang]
                text = " ".join(window(rng, pool[rng.randrange(len(pool))], WINDOW_BYTES) for _ in range(3))
                if len(originals) < 100000:
                    originals.append((lang, text))
                else:
                    originals[rng.randrange(len(originals))] = (lang, text)
            file.write(json.dumps({"id": f"doc-{n:07d}", "lang": lang, "text": perturbed(rng, text)},
                                  ensure_ascii=False) + "\n")


# ---------------------------------------------------------------- onoma

def timed(command):
    """Runs `command` under /usr/bin/time -v; returns (cpu seconds, wall seconds, peak RSS bytes)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        process = subprocess.run(["/usr/bin/time", "-v", "-o", report.name, *command],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if process.returncode != 0:
            sys.exit(f"{' '.join(command)} failed ({process.returncode}):\n{process.stderr[-2000:]}")
        fields = {}
        for line in report.read().splitlines():
            key, _, value = line.strip().rpartition(": ")
            fields[key] = value
    wall = 0.0
    for part in fields["Elapsed (wall clock) time (h:mm:ss or m:ss)"].split(":"):
        wall = wall * 60 + float(part)
    cpu = float(fields["User time (seconds)"]) + float(fields["System time (seconds)"])
    return cpu, wall, int(fields["Maximum resident set size (kbytes)"]) * 1024


def index_bytes(path):
    return sum(os.path.getsize(path + suffix) for suffix in ["", "-wal", "-shm"] if os.path.exists(path + suffix))


# ---------------------------------------------------------------- datasketch

def datasketch_run(path):
    """datasketch on the JSONL file, as a user would write it; returns (documents, cpu, wall)."""
    from datasketch import MinHash, MinHashLSH
    cpu, wall = time.process_time(), time.perf_counter()
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=PERMUTATIONS)
    signatures = {}
    for line in open(path, encoding="utf-8"):
        record = json.loads(line)
        text = re.sub(r"\s+", " ", record["text"].lower())
        m = MinHash(num_perm=PERMUTATIONS, seed=1)
        m.update_batch([text[i:i + 5].encode("utf-8") for i in range(len(text) - 4)])
        signatures[record["id"]] = m
        lsh.insert(record["id"], m)
    parent = {key: key for key in signatures}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for key, m in signatures.items():
        for other in lsh.query(m):
            parent[find(key)] = find(other)
    clusters = len({find(key) for key in signatures})
    return len(signatures), clusters, time.process_time() - cpu, time.perf_counter() - wall


# ---------------------------------------------------------------- main

def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--onoma", default=".build/release/onoma")
    parser.add_argument("--lexicon", default="Lexicons")
    parser.add_argument("--wmt", default="../shared/dev/dedup/wmt21-de-fr.jsonl")
    parser.add_argument("--corpus", default="Corpus")
    parser.add_argument("--docs", type=int, default=20000)
    parser.add_argument("--index-docs", default="1000000")
    parser.add_argument("--workdir", help="where to write the generated input (default: a temporary folder)")
    parser.add_argument("--compare", help="another onoma binary (an earlier build) to time beside this one")
    parser.add_argument("--compare-without-jobs", action="store_true",
                        help="the --compare binary has no --jobs option (built before 2026-11-22)")
    args = parser.parse_args()
    workdir = args.workdir or tempfile.mkdtemp(prefix="onoma-bench-")
    os.makedirs(workdir, exist_ok=True)
    articles = sources(args.wmt, args.corpus)

    path = os.path.join(workdir, f"news-{args.docs}.jsonl")
    if not os.path.exists(path):
        generate(path, args.docs, articles)
    size = os.path.getsize(path)
    text_bytes = sum(len(json.loads(line)["text"].encode("utf-8")) for line in open(path, encoding="utf-8"))
    print(f"input: {path}: {args.docs} documents, {size / args.docs:.0f} bytes of JSONL and "
          f"{text_bytes / args.docs:.0f} bytes of text each on average (perturbed copies of {len(articles)} real articles)")
    per_doc = text_bytes / args.docs
    print(f"{'system':<58}{'docs':>9}{'CPU s':>9}{'wall s':>9}{'docs/s/core':>13}{'text MB/s/core':>16}{'vs datasketch':>15}{'peak RSS MB':>13}")
    documents, clusters, cpu, wall = datasketch_run(path)
    peer = documents / cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(f"{'datasketch MinHashLSH (char 5-grams, 128 perm, 0.35)':<58}{documents:>9}{cpu:>9.2f}{wall:>9.2f}{peer:>13.0f}{peer * per_doc / 1e6:>16.1f}{1:>15.2f}{peak / 2**20:>13.0f}")
    runs = [("onoma dedupe --lexicon Lexicons", ["--jobs", "1", "--lexicon", args.lexicon]),
            ("onoma dedupe (no lexicon)", ["--jobs", "1"]),
            ("onoma dedupe --lexicon Lexicons --index (fresh file)", ["--jobs", "1", "--lexicon", args.lexicon, "--index"]),
            (f"onoma dedupe --lexicon Lexicons, --jobs {os.cpu_count()} (default)", ["--lexicon", args.lexicon])]
    if args.compare:
        # With --jobs 1 too (builds since 2026-11-22 have it; older ones run on one thread anyway
        # and need --compare-without-jobs).
        keep = 2 if args.compare_without_jobs else 0
        runs += [(f"{args.compare}: {label[len('onoma '):]}", options[keep:], args.compare) for label, options in runs[:2]]
    subprocess.run([args.onoma, "canon", "--lexicon", args.lexicon], stdin=subprocess.DEVNULL,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    for label, options, *binary in runs:
        db = os.path.join(workdir, "speed.db")
        for suffix in ["", "-wal", "-shm"]:
            if os.path.exists(db + suffix):
                os.remove(db + suffix)
        command = [(binary or [args.onoma])[0], "dedupe", "--quiet", *options, *([db] if options[-1:] == ["--index"] else []), path]
        cpu, wall, peak = timed(command)
        rate = args.docs / cpu
        print(f"{label:<58}{args.docs:>9}{cpu:>9.2f}{wall:>9.2f}{rate:>13.0f}{rate * per_doc / 1e6:>16.1f}{rate / peer:>15.2f}{peak / 2**20:>13.0f}")
    print(f"(goal: 10,000 documents of about 2 KB per second per core, about 20 MB of text/s; "
          f"datasketch found {clusters} clusters)")

    points = []
    for count in [int(n) for n in args.index_docs.split(",") if n]:
        path = os.path.join(workdir, f"news-{count}-index.jsonl")
        if not os.path.exists(path):
            generate(path, count, articles, seed=2)
        db = os.path.join(workdir, "memory.db")
        for suffix in ["", "-wal", "-shm"]:
            if os.path.exists(db + suffix):
                os.remove(db + suffix)
        cpu, wall, peak = timed([args.onoma, "dedupe", "--quiet", "--lexicon", args.lexicon, "--index", db, path])
        total = index_bytes(db)
        ids = sum(len(f"doc-{n:07d}") for n in range(count))
        points.append((count, peak, total))
        print(f"\nmemory: onoma dedupe --lexicon {args.lexicon} --index on {count} documents "
              f"({os.path.getsize(path) / 2**20:.0f} MB of JSONL): CPU {cpu:.0f} s, wall {wall:.0f} s, "
              f"{count / cpu:.0f} documents/s per core")
        print(f"  peak RSS {peak / 2**20:.0f} MB ({peak / count:.0f} bytes per document); "
              f"index {total / 2**20:.1f} MB = {total / count:.0f} bytes per document, "
              f"{(total - ids) / count:.0f} beyond the id ({ids / count:.0f} bytes of id each)")
    if len(points) >= 2 and points[-1][0] < 1000000:
        (n1, rss1, db1), (n2, rss2, db2) = sorted(points)[-2:]
        per_rss, per_db = (rss2 - rss1) / (n2 - n1), (db2 - db1) / (n2 - n1)
        print(f"  EXTRAPOLATED (not measured) to 1,000,000 documents, linearly from {n1} and {n2}: "
              f"peak RSS {(rss2 + per_rss * (1000000 - n2)) / 2**30:.2f} GiB ({per_rss:.0f} bytes per added document), "
              f"index {(db2 + per_db * (1000000 - n2)) / 2**30:.2f} GiB ({per_db:.0f} bytes per added document)")

if __name__ == "__main__":
    main()
