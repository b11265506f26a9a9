#!/usr/bin/env python3
"""Where `onoma resolve`'s misses on DEV come from, from the binary's evidence (--explain).

    python3 scripts/names/misses.py --sets ko [--bin B] [--draws 4] [--show 10]

Per set, the share of in-lexicon queries (mean of the DEV draws) the binary gets right, and of
the misses: (a) the right name is not among the model's competitors (the blocker did not find
it, or ten better spellings crowd it out); (b) it is, ranked below a wrong name; (c) it is the
model's top but refused: its raw score is below the posterior's background, or it is above and
loses to close competitors; (d) of (a) and (b), those whose ICU-ASCII transliteration is far
from the English name (rapidfuzz token-sort ratio < 50: mostly not a transliteration of it);
and the worst draw's false accepts. For zh, the same kinds among the queries whose English is
the characters' pinyin (Chinese people: 健焜 Jiankun) and among the others (foreign names
transcribed: 利文斯顿 Livingston); (d) means little there, a transcription being far from pinyin.
--show prints examples of each kind from draw 0.
"""

from __future__ import annotations

import argparse
import collections
import os

import numpy as np
from rapidfuzz import fuzz

import common as C
import fit_posterior as F
from eval_protocol import load


def kinds(proto, lines, trans):
    """Per in-lexicon query: its kind (right, a, b, c-below, c-close) and whether it is noise."""
    out = []
    for (q, en), o in zip(proto.queries_in, lines):
        e = en.lower()
        cands = o["candidates"]
        if cands and cands[0]["canonical"].lower() == e:
            out.append(("right", False, q, en, None))
            continue
        model = o.get("model")
        scored = model["scored"] if model else []
        rank = next((i for i, c in enumerate(scored) if c["canonical"].lower() == e), None)
        top = scored[0]["canonical"] if scored else None
        if rank is None:
            kind = "a"
        elif rank > 0:
            kind = "b"
        else:
            kind = "c-below" if scored[0]["raw"] < model["background"] else "c-close"
        noise = kind in ("a", "b") and fuzz.token_sort_ratio(trans["ascii"][q].lower(), en.lower()) < 50
        out.append((kind, noise, q, en, top))
    return out


def is_pinyin(q: str, en: str, trans) -> bool:
    """Whether the English name is the query's pinyin (ICU Han-Latin), letters a-z only."""
    def letters(s): return "".join(ch for ch in C.ascii_fold(s) if "a" <= ch <= "z")
    return letters(trans["ascii"][q]) == letters(en)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", default="ko")
    ap.add_argument("--bin", default=os.path.join(C.REPO, ".build", "release", "onoma"))
    ap.add_argument("--draws", type=int, default=4)
    ap.add_argument("--show", type=int, default=0)
    args = ap.parse_args()
    C.require_data()
    labels = {"right": "resolve acc@1", "a": "(a) right name not among the competitors",
              "b": "(b) right name ranked below a wrong one",
              "c-below": "(c) right name top, refused: raw score below the background",
              "c-close": "(c) right name top, refused: above the background, close competitors"}
    for s in args.sets.split(","):
        split, trans = load(s)
        shares = collections.defaultdict(list)
        for d in range(args.draws):
            proto = C.dev_protocol(split, d)
            lines = F.explain(split, proto, args.bin, f"{s}-dev{d}")
            rows = kinds(proto, lines, trans)
            shares["fa"].append(np.mean([bool(o["candidates"]) for o in lines[len(proto.queries_in):]]))
            count = collections.Counter(k for k, *_ in rows)
            for k in labels:
                shares[k].append(count[k] / len(rows))
            shares["d"].append(sum(n for _, n, *_ in rows) / len(rows))
            if s == "zh":
                for origin in ("pinyin", "foreign"):
                    part = [r for r in rows if is_pinyin(r[2], r[3], trans) == (origin == "pinyin")]
                    shares[origin].append(len(part) / len(rows))
                    count = collections.Counter(k for k, *_ in part)
                    for k in labels:
                        shares[origin, k].append(count[k] / max(1, len(part)))
            if d == 0 and args.show:
                for k in labels:
                    if k == "right":
                        continue
                    print(f"{s} {labels[k]}:")
                    for kind, noise, q, en, top in [r for r in rows if r[0] == k][:args.show]:
                        print(f"    {q}\t{trans['ascii'][q]}\t{en}\ttop: {top}{'  (noise)' if noise else ''}")
        print(f"\n| {s} | DEV mean of {args.draws} draws |\n|---|---|")
        for k, label in list(labels.items()) + [("d", "(d) of (a)+(b), ICU-ASCII vs English ratio < 50")]:
            print(f"| {label} | {np.mean(shares[k]):.3f} |")
        print(f"| false accepts, worst draw (of the out-of-lexicon queries) | {max(shares['fa']):.4f} |")
        if s == "zh":
            print("\n| zh, by origin (share of its queries) | English = pinyin | other |\n|---|---|---|")
            print(f"| share of the queries | {np.mean(shares['pinyin']):.3f} | {np.mean(shares['foreign']):.3f} |")
            for k, label in labels.items():
                print(f"| {label} | {np.mean(shares['pinyin', k]):.3f} | {np.mean(shares['foreign', k]):.3f} |")


if __name__ == "__main__":
    main()
