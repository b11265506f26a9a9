#!/usr/bin/env python3
"""Reference implementation of the recommended matcher, in plain Python (no numpy, no numba),
reading only the shipped TSV tables. This is the code to port to Swift.

    python3 scripts/names/reference.py --tables /tmp/onoma-names/tables --script ru \\
        --lexicon names.txt Зеленский Сирський          # resolve names against a list of names
    python3 scripts/names/reference.py --tables /tmp/onoma-names/tables --check ru --n 300
                                                        # agree with the prototype's EVAL run?

Pipeline for a query in script S against a lexicon of Latin-script names:
  1. latin = onoma translit --to latin --lang S (ICU, as onoma does)
  2. fold (keys.fold): lowercase, per-language letter table, NFKD minus marks, keep ' (he, ar)
     and ~ (ja); other characters split words
  3. clean rules (key_rules.tsv group "clean"): katakana small-kana marks, Hebrew geresh letters
  4. blocking (blocking.Blocker): skeleton keys of the folded string and of its best English
     rendering, deletion neighbourhoods, inverted index
  5. score every candidate (each word order of a multi-word lexicon name): Viterbi over the m2m
     table, LLR against the null model, length-normalised, calibrated (see score()).
"""

from __future__ import annotations

import argparse
import math
import os
import subprocess
import sys

import blocking as BL
import keys as K

MISSING_COST = math.log(1e6)        # cost of an operation the table does not list
SHAPES = ((1, 0), (0, 1), (1, 1), (1, 2), (2, 1), (2, 2), (2, 0), (0, 2))


class Tables:
    def __init__(self, tables_dir: str, script: str):
        self.cost: dict[tuple[str, str], float] = {}
        self.by_src: dict[str, list[tuple[str, float]]] = {}
        with open(os.path.join(tables_dir, f"m2m-{script}.tsv"), encoding="utf-8") as f:
            for line in f:
                if line.startswith("#"):
                    continue
                a, b, c = line.rstrip("\n").split("\t")
                a, b = ("" if a == "-" else a), ("" if b == "-" else b)
                self.cost[a, b] = float(c)
        self.null_q, self.null_e = {}, {}
        with open(os.path.join(tables_dir, f"null-{script}.tsv"), encoding="utf-8") as f:
            for line in f:
                if line.startswith("#"):
                    continue
                side, ch, c = line.rstrip("\n").split("\t")
                (self.null_q if side == "q" else self.null_e)[ch] = float(c)
        self.alpha, self.t, self.k = 1.0, 1.0, 5.0
        with open(os.path.join(tables_dir, "calibration.tsv"), encoding="utf-8") as f:
            for line in f:
                if line.startswith("#"):
                    continue
                s, a, t, k = line.rstrip("\n").split("\t")[:4]
                if s == script:
                    self.alpha, self.t, self.k = float(a), float(t), float(k)
        # best rendering of each source piece (for blocking): argmin cost, and -ln P(b | a)
        per_a: dict[str, list[tuple[str, float]]] = {}
        for (a, b), c in self.cost.items():
            if a:
                per_a.setdefault(a, []).append((b, c))
        self.render_table = {}
        for a, lst in per_a.items():
            z = -math.log(sum(math.exp(-c) for _, c in lst))
            b, c = min(lst, key=lambda x: x[1])
            self.render_table[a] = (b, c - z)


def fold_query(name: str, lang: str, latin: str) -> list[str]:
    return [w for w in K.rules(K.fold(latin, lang), lang, ("clean",)) if w]


def fold_lexicon(latin: str) -> list[str]:
    return K.key(K.fold(latin, "en"), doubles=False)


def render(s: str, tb: Tables) -> str:
    """Best English guess: segment s into 1-2 character pieces, each replaced by its cheapest
    rendering; minimise the sum of -ln P(b | a)."""
    n = len(s)
    best = [(math.inf, "")] * (n + 1)
    best[0] = (0.0, "")
    for i in range(1, n + 1):
        for la in (1, 2):
            if i - la >= 0 and s[i - la:i] in tb.render_table:
                b, c = tb.render_table[s[i - la:i]]
                v = best[i - la][0] + c
                if v < best[i][0]:
                    best[i] = (v, best[i - la][1] + b)
    return best[n][1].replace("^", "").replace("$", "")


def viterbi_cost(q: str, e: str, tb: Tables) -> float:
    """Cheapest alignment of q and e (both with ^ $ marks) into pieces of <= 2 characters."""
    n, m = len(q), len(e)
    INF = math.inf
    D = [[INF] * (m + 1) for _ in range(n + 1)]
    D[0][0] = 0.0
    cost = tb.cost
    for i in range(n + 1):
        for j in range(m + 1):
            if i == 0 and j == 0:
                continue
            best = INF
            for la, lb in SHAPES:
                if la > i or lb > j:
                    continue
                prev = D[i - la][j - lb]
                if prev == INF:
                    continue
                c = cost.get((q[i - la:i], e[j - lb:j]), MISSING_COST)
                if prev + c < best:
                    best = prev + c
            D[i][j] = best
    return D[n][m]


def raw_score(q: str, e: str, tb: Tables) -> float:
    """LLR = log P(q, e) - log P0(q) - log P0(e), divided by (|q| + |e|) ** alpha (marks count)."""
    lp = -viterbi_cost(q, e, tb)
    lq = -sum(tb.null_q.get(ch, 10.0) for ch in q)
    le = -sum(tb.null_e.get(ch, 10.0) for ch in e)
    return (lp - lq - le) / (len(q) + len(e)) ** tb.alpha


def calibrated(raw: float, tb: Tables) -> float:
    return 1.0 / (1.0 + math.exp(-(tb.k * (raw - tb.t) + math.log(4.0))))


SRC_OK = set("abcdefghijklmnopqrstuvwxyz'")
TGT_OK = set("abcdefghijklmnopqrstuvwxyz")


class Resolver:
    def __init__(self, tb: Tables, lexicon: list[str], lexicon_latin: list[str]):
        self.tb = tb
        self.lexicon = lexicon
        self.words = [fold_lexicon(l) for l in lexicon_latin]
        self.orders = [self._orders(w) for w in self.words]
        self.blocker = BL.Blocker(self.orders)

    @staticmethod
    def _orders(words):
        out = [words]
        if len(words) > 1:
            out.append(words[::-1])
            if len(words) > 2:
                out.append(words[-1:] + words[:-1])
        return out

    def resolve(self, lang: str, latin: str, top: int = 5):
        words = fold_query("", lang, latin)
        src = "".join(ch for ch in "".join(words) if ch in SRC_OK)
        if not src:
            return [], 0
        strings = [src, render("^" + src + "$", self.tb)]
        cands = self.blocker.candidates(strings, words)
        q = "^" + src + "$"
        scored = []
        for i in cands:
            best = -math.inf
            for o in self.orders[i]:
                e = "^" + "".join(ch for ch in "".join(o) if ch in TGT_OK) + "$"
                best = max(best, raw_score(q, e, self.tb))
            scored.append((calibrated(best, self.tb), self.lexicon[i]))
        scored.sort(key=lambda x: -x[0])
        return scored[:top], len(cands)


def translit(strings: list[str], lang: str) -> list[str]:
    import common as C
    t = C.translit(strings, lang, "latin")
    return [t[s] for s in strings]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tables", default="/tmp/onoma-names/tables")
    ap.add_argument("--script", default="ru")
    ap.add_argument("--lexicon", help="a file of Latin-script names, one a line")
    ap.add_argument("--check", help="compare with the prototype's EVAL run for this set")
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    if args.check:
        return check(args)
    tb = Tables(args.tables, args.script)
    lex = [l.strip() for l in open(args.lexicon, encoding="utf-8") if l.strip()]
    r = Resolver(tb, lex, translit(lex, "en"))
    lang = {"ja-kana": "ja"}.get(args.script, args.script)
    for name, latin in zip(args.names, translit(args.names, lang)):
        res, n = r.resolve(lang, latin)
        print(name, f"({n} candidates):", ", ".join(f"{e} {s:.3f}" for s, e in res))


def check(args):
    """Resolve the first N EVAL queries (in and out of lexicon) with the TSV tables and compare
    with the prototype's dump (top-1 and score)."""
    import pickle
    import time

    import common as C
    import matcher as M
    from eval_protocol import load
    C.require_data()
    name = args.check
    split, trans = load(name)
    proto = C.eval_protocol(split)
    tb = Tables(args.tables, name if name != "ja-kana" else "ja")
    r = Resolver(tb, proto.lexicon, [trans["en_latin"][e] for e in proto.lexicon])
    D = pickle.load(open(os.path.join(C.OUT, "dumps", f"{name}-final-eval.pkl"), "rb"))
    cal = (tb.alpha, tb.t, tb.k)
    qs = [q for q, _ in proto.queries_in] + list(proto.queries_out)
    half = args.n // 2
    idx = list(range(half)) + list(range(len(proto.queries_in), len(proto.queries_in) + half))
    same, diffs, t0, ncand = 0, [], time.time(), 0
    for i in idx:
        res, n = r.resolve(split.lang, trans["latin"][qs[i]], top=1)
        ncand += n
        d = D["details"][i]
        if d is None:
            same += not res
            continue
        s = M.raw_score(d, cal[0])
        j = int(max(range(len(s)), key=lambda x: s[x]))
        proto_top, proto_score = d["ent"][j], M.calibrated(float(s[j]), cal[1], cal[2])
        if res and res[0][1] == proto_top:
            same += 1
            diffs.append(abs(res[0][0] - proto_score))
    dt = time.time() - t0
    print(f"{name}: top-1 agrees with the prototype on {same}/{len(idx)} queries; mean |score diff| "
          f"{sum(diffs) / max(1, len(diffs)):.4f}; {ncand / len(idx):.0f} candidates/query; "
          f"{dt / len(idx) * 1000:.0f} ms/query in plain Python ({dt / max(1, ncand) * 1e6:.0f} us/candidate)")


if __name__ == "__main__":
    main()
