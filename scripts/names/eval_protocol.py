#!/usr/bin/env python3
"""Cross-script name matching: the evaluation protocol of issue 3, baselines and our matcher.

    python3 scripts/names/eval_protocol.py                 # every set, every method
    python3 scripts/names/eval_protocol.py --sets ru,ko --methods icu-ratio,final

Per set (ko, he full names; ru, ar, zh, ja, ja-kana single names): English names are split
(seeded) into TRAIN (learning), DEV (held out: tuning, calibration) and EVAL (8,000 names).
From EVAL: a lexicon of 5,000 English names; queries are 2,000 of those people's other-script
names plus 2,000 other-script names of EVAL people not in the lexicon.

Metrics: acc@1 (top candidate's English equals the pair's, case-insensitively); the threshold
t at which <= 2% of out-of-lexicon queries get a candidate >= t; acc@1 with that threshold
(correct and score >= t); the same with one global threshold (the method's, shared by all sets);
candidates scored per query; blocking recall.

Needs ../shared/dev/names (skips with a message when absent) and an onoma binary (ONOMA_BIN, or
.build-names/release/onoma, or .build/release/onoma). Outputs go to /tmp/onoma-names/.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time

import common as C

sys.setrecursionlimit(10000)


def load(name: str):
    split = C.make_split(name)
    allp = [p for k in split.forms for p in split.forms[k]]
    others = [o for _, o in allp]
    trans = {
        "ascii": C.translit(others, split.lang, "ascii"),
        "latin": C.translit(others, split.lang, "latin"),
        "en": C.translit([e for e, _ in allp], "en", "ascii"),
        "en_latin": C.translit([e for e, _ in allp], "en", "latin"),
    }
    return split, trans


def methods_registry():
    import baselines as B
    import matcher as M
    from unidecode import unidecode

    reg = {}

    def icu_ratio(split, trans, proto):
        return B.run_ratio(proto, lambda q: [trans["ascii"][q].lower()], lambda e: [trans["en"][e].lower()])

    def unidecode_ratio(split, trans, proto):
        return B.run_ratio(proto, lambda q: [unidecode(q).lower()], lambda e: [unidecode(e).lower()])

    def rigour(split, trans, proto):
        return B.run_rigour(proto)

    def onoma_resolve(split, trans, proto):
        return B.run_onoma_resolve(proto, split.lang)

    reg["onoma-resolve-tree"] = onoma_resolve
    reg["icu-ratio"] = icu_ratio
    reg["unidecode-ratio"] = unidecode_ratio
    reg["rigour"] = rigour
    reg.update(M.methods())
    return reg


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", default=",".join(C.SETS))
    ap.add_argument("--methods", default=None, help="comma-separated; default: all")
    ap.add_argument("--out", default=os.path.join(C.OUT, "results.json"))
    ap.add_argument("--dev", action="store_true", help="run the protocol on DEV instead of EVAL")
    args = ap.parse_args()
    C.require_data()
    reg = methods_registry()
    names = args.methods.split(",") if args.methods else list(reg)
    for n in names:
        if n not in reg:
            sys.exit(f"unknown method {n}; known: {', '.join(reg)}")
    os.makedirs(C.OUT, exist_ok=True)
    results = {}
    if os.path.exists(args.out):
        with open(args.out) as f:
            results = json.load(f)
    for s in args.sets.split(","):
        split, trans = load(s)
        proto = C.dev_protocol(split) if args.dev else C.eval_protocol(split)
        for m in names:
            t = time.time()
            res = reg[m](split, trans, proto)
            summ = C.summarize(proto, res)
            summ["top_out"] = res.top_out
            summ.pop("top_out_d", None)
            summ["in"] = [[top, sc, (top or "").lower() == en.lower()] for (q, en), (top, sc) in zip(proto.queries_in, res.top_in)]
            results.setdefault(m, {})[s] = summ
            print(f"{s:8s} {m:28s} acc@1 {summ['acc']:.3f}  acc@1|t {summ['acc_t']:.3f}  thr {summ['thr']:.3f}  "
                  f"cands {summ['cands']:7.1f}  block-recall {summ['block_recall']:.3f}  {time.time() - t:6.1f}s", flush=True)
            with open(args.out, "w") as f:
                json.dump(results, f)
    print_table(results, {"final": 0.8})


def global_threshold(per_set: dict, max_fa: float = 0.02) -> float:
    """One threshold for all sets: the lowest t with false accepts <= max_fa in every set."""
    return max(C.threshold_for(v["top_out"], max_fa) for v in per_set.values())


def at(v, t):
    fa = sum(1 for x in v["top_out"] if x >= t) / len(v["top_out"])
    acc = sum(1 for top, sc, ok in v["in"] if ok and sc >= t) / len(v["in"])
    return acc, fa


def print_table(results: dict, fixed: dict | None = None):
    """Markdown tables: acc@1; acc@1 at the set's own 2%-FA threshold (threshold); acc@1 and FA at
    one global threshold; acc@1 at 2% FA without twins; candidates/query and blocking recall."""
    sets = [s for s in C.SETS if any(s in per for per in results.values())]
    head = "| method | " + " | ".join(sets) + " |"
    sep = "|---|" + "---|" * len(sets)

    def table(title, cell):
        print(f"\n{title}\n{head}\n{sep}")
        for m, per in results.items():
            cells = [cell(m, per, per[s]) if s in per else "-" for s in sets]
            print(f"| {m} | " + " | ".join(cells) + " |")

    table("acc@1 (no threshold)", lambda m, per, v: f"{v['acc']:.3f}")
    table("acc@1 with the set's own threshold at <= 2% false accepts (threshold)",
          lambda m, per, v: f"{v['acc_t']:.3f} ({v['thr']:.3f})")

    def glob(m, per, v):
        g = global_threshold(per)
        a, fa = at(v, g)
        return f"{a:.3f} (FA {fa:.3f})"
    table("acc@1 with one global threshold per method (the lowest meeting 2% in every set; t in the method column below)", glob)
    print("global thresholds: " + ", ".join(f"{m} {global_threshold(per):.3f}" for m, per in results.items()))
    if fixed:
        for m, t in fixed.items():
            if m in results:
                print(f"fixed threshold {t} for {m}: " + ", ".join(
                    f"{s} acc {at(v, t)[0]:.3f} FA {at(v, t)[1]:.3f}" for s, v in results[m].items()))
    table("distinguishable protocol: acc@1 at <= 2% FA, twins left out (twins = OOL queries whose form "
          "is a lexicon person's form)", lambda m, per, v: f"{v.get('acc_td', float('nan')):.3f}")
    table("candidates scored per query / blocking recall",
          lambda m, per, v: f"{v['cands']:.0f} / {v['block_recall']:.3f}")


if __name__ == "__main__":
    main()
