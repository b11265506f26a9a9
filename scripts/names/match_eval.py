#!/usr/bin/env python3
"""`onoma match` on pairs of names: its verdicts against a peer's, on the Wikidata name pairs.

    swift build -c release --product onoma
    python3 scripts/names/eval_protocol.py --methods final   # candidate dumps of DEV and EVAL, once
    python3 scripts/names/match_eval.py [--sets ko,he,ru,ar,zh,ja] [--bin .build/release/onoma]

Per set, from the protocol of common.py (EVAL; --dev for DEV draw 0), three kinds of pairs:
- right: each in-lexicon query with its own English name (2,000);
- near miss: each out-of-lexicon query with the closest other English name the prototype's
  search over the 5,000-name lexicon found (its candidate dump): a different person whose name
  looks most like the query's;
- random: each in-lexicon query with a random other English name of the lexicon.

Printed: the share of each kind that gets verdict 1. onoma runs with its shipped threshold. The
peer (rapidfuzz's ratio on ICU Any-Latin/Latin-ASCII transliterations) gets the threshold that
maximises right minus near-miss passes on DEV (the criterion onoma's pair threshold is fitted
with), applied to EVAL.
"""

from __future__ import annotations

import argparse
import os
import pickle
import random
import subprocess
import sys

import common as C
from eval_protocol import load


def pairs(split, proto, which):
    """(name_a, name_b, kind) rows for one protocol."""
    import matcher as M
    tag = "final-han" if split.name == "zh" else "final"
    dump = os.path.join(C.OUT, "dumps", f"{split.name}-{tag}-{which}.pkl")
    if not os.path.exists(dump):
        sys.exit(f"{dump}: no candidate dump: run `python3 scripts/names/eval_protocol.py --methods final"
                 f" --sets {split.name}` first")
    D = pickle.load(open(dump, "rb"))
    nin = len(proto.queries_in)
    rng = random.Random(f"{C.SEED}:{split.name}:{which}:match")
    rows = [(q, en, "right") for q, en in proto.queries_in]
    for i, q in enumerate(proto.queries_out):
        d = D["details"][nin + i]
        if d is not None:
            scores = M.entity_scores(d, 0.6)
            rows.append((q, max(scores, key=scores.get), "near"))
    for q, en in proto.queries_in:
        other = rng.choice(proto.lexicon)
        if other.lower() != en.lower():
            rows.append((q, other, "random"))
    return rows


def onoma_verdicts(binary, rows, lang):
    text = "".join(f"{a}\t{b}\n" for a, b, _ in rows)
    res = subprocess.run([binary, "match", "--lang-a", lang, "--lang-b", "en", "--pairs", "-"],
                         input=text, capture_output=True, text=True)
    if res.returncode != 0:
        sys.exit(f"onoma match failed: {res.stderr}")
    out = res.stdout.rstrip("\n").split("\n")
    assert len(out) == len(rows), (len(out), len(rows))
    return [line.split("\t")[1] == "1" for line in out]


def peer_scores(split, trans, rows):
    from rapidfuzz.fuzz import ratio
    english = C.translit(sorted({b for _, b, _ in rows}), "en", "ascii")
    return [ratio(trans["ascii"][a].lower(), english[b].lower()) / 100 for a, b, _ in rows]


def rates(rows, passed):
    out = {}
    for kind in ("right", "near", "random"):
        flags = [p for (_, _, k), p in zip(rows, passed) if k == kind]
        out[kind] = sum(flags) / len(flags)
    return out


def youden(rows, scores):
    """The threshold with the most right pairs passing minus near misses passing."""
    right = [s for (_, _, k), s in zip(rows, scores) if k == "right"]
    near = [s for (_, _, k), s in zip(rows, scores) if k == "near"]
    return max(sorted(set(scores)), key=lambda t: sum(s >= t for s in right) / len(right)
               - sum(s >= t for s in near) / len(near))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", default="ko,he,ru,ar,zh,ja")
    ap.add_argument("--bin", default=os.path.join(C.REPO, ".build", "release", "onoma"))
    ap.add_argument("--dev", action="store_true", help="measure on DEV draw 0 instead of EVAL")
    args = ap.parse_args()
    C.require_data()
    if not os.path.exists(args.bin):
        sys.exit(f"{args.bin}: no onoma binary: run `swift build -c release --product onoma` or pass --bin")
    os.environ["ONOMA_BIN"] = args.bin
    which = "dev" if args.dev else "eval"
    print("| set | method | right pairs passing | near misses passing | random pairs passing |\n|---|---|---|---|---|")
    for s in args.sets.split(","):
        split, trans = load(s)
        rows = pairs(split, C.dev_protocol(split) if args.dev else C.eval_protocol(split), which)
        r = rates(rows, onoma_verdicts(args.bin, rows, split.lang))
        print(f"| {s} | onoma match | {r['right']:.3f} | {r['near']:.3f} | {r['random']:.4f} |", flush=True)
        dev_rows = pairs(split, C.dev_protocol(split), "dev")
        t = youden(dev_rows, peer_scores(split, trans, dev_rows))
        r = rates(rows, [x >= t for x in peer_scores(split, trans, rows)])
        print(f"| {s} | rapidfuzz on ICU (ratio >= {t:.2f}) | {r['right']:.3f} | {r['near']:.3f} | {r['random']:.4f} |",
              flush=True)


if __name__ == "__main__":
    main()
