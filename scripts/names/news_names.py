#!/usr/bin/env python3
"""News names: the people of the shipped lexicon, written as the news of other scripts writes
them, resolved against a lexicon that holds only their English canonical names among 5,000
other people's.

    swift build -c release --product onoma
    python3 scripts/names/news_names.py [--bin B [--bin B2 ...]] [--show]

Queries: every person form of Lexicons/people.tsv in ar, ja, ko, ru, uk and zh (full names,
surnames alone, patronymics, as the corpus writes them). Lexicon: the English canonical form of
each of those people, plus the English names of 5,000 people drawn (seeded) from the Wikidata
Korean full-name pairs of ../shared/dev/names, so that a query meets distractors as in
evaluate.py. Unlike evaluate.py's single names, these are the names news text uses: surnames
against full names, British r-less spellings (스타머, スターマー for Starmer), Russian patronymics.

Printed per language: queries resolved to the right person (top candidate), and over all
queries where the misses come from, from `resolve --explain`: the right person not among the
scored candidates (blocker), scored below another (rank), or top but refused (posterior below
the acceptance). Some refusals are right: two lexicon people share the surname (Malachi and John
Kirby), or the distractors hold the person's namesake (Donald Trump Jr.).
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEV = os.path.join(ROOT, "..", "shared", "dev", "names", "wikidata-en-korean-fullnames.tsv")
LANGS = ["ar", "ja", "ko", "ru", "uk", "zh"]


def load():
    people = [l.rstrip("\n").split("\t") for l in open(os.path.join(ROOT, "Lexicons", "people.tsv"), encoding="utf-8")
              if l.strip() and not l.startswith("#")]
    canonical = [p for p in people if p[1] == "person" and p[2] == "en" and p[4] == "canonical"]
    queries = [(p[2], p[3], p[0]) for p in people if p[1] == "person" and p[4] != "blocked" and p[2] in LANGS]
    if not os.path.exists(DEV):
        sys.exit(f"news_names.py: {DEV} is missing (the Wikidata pairs of ../shared/dev/names)")
    english = sorted({l.split("\t")[0] for l in open(DEV, encoding="utf-8") if " " in l.split("\t")[0]})
    random.Random(7).shuffle(english)
    lines = ["\t".join(p[:5]) for p in canonical]
    lines += [f"D{i}\tperson\ten\t{name}\tcanonical" for i, name in enumerate(english[:5000])]
    return lines, queries


def run(binary, lexicon, queries):
    kinds = {}
    right = {lang: 0 for lang in LANGS}
    total = {lang: 0 for lang in LANGS}
    for lang in LANGS:
        batch = [q for q in queries if q[0] == lang]
        out = subprocess.run([binary, "resolve", "--explain", "--lexicon", lexicon, "--lang", lang] + [q[1] for q in batch],
                             capture_output=True, text=True, check=True).stdout.splitlines()
        for (_, name, entity), line in zip(batch, out):
            answer = json.loads(line)
            scored = answer.get("model", {}).get("scored", [])
            top = answer["candidates"][0]["entity"] if answer["candidates"] else None
            total[lang] += 1
            if top == entity:
                right[lang] += 1
                continue
            ids = [s["entity"] for s in scored]
            kind = "blocker" if entity not in ids else "rank" if ids[0] != entity else "refused"
            best = [(s["canonical"], s["raw"], s["posterior"]) for s in scored[:2]]
            kinds.setdefault(kind, []).append((lang, name, best))
    return right, total, kinds


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", action="append", help="onoma binary (repeatable; default .build/release/onoma)")
    ap.add_argument("--show", action="store_true", help="list every miss with its two best-scored names")
    args = ap.parse_args()
    binaries = args.bin or [os.path.join(ROOT, ".build", "release", "onoma")]
    lines, queries = load()
    with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False, encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
        lexicon = f.name
    try:
        print(f"{len(queries)} queries, lexicon of {len(lines)} English names")
        print("binary".ljust(40) + "".join(l.rjust(8) for l in LANGS) + "     all   blocker  rank  refused")
        results = []
        for binary in binaries:
            right, total, kinds = run(binary, lexicon, queries)
            results.append(kinds)
            cells = "".join(f"{right[l]}/{total[l]}".rjust(8) for l in LANGS)
            print(binary[-40:].ljust(40) + cells + f"{sum(right.values())}/{sum(total.values())}".rjust(9)
                  + "".join(str(len(kinds.get(k, []))).rjust(w) for k, w in (("blocker", 9), ("rank", 6), ("refused", 8))))
        if args.show:
            for binary, kinds in zip(binaries, results):
                print(f"\n== {binary}")
                for kind in ("blocker", "rank", "refused"):
                    for lang, name, best in kinds.get(kind, []):
                        print(f"{kind:8} {lang} {name}  " + ", ".join(f"{c} {r:.2f}/{p:.3f}" for c, r, p in best))
    finally:
        os.unlink(lexicon)


if __name__ == "__main__":
    main()
