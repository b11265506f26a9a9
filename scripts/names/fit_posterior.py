#!/usr/bin/env python3
"""Fit `onoma resolve`'s posterior (beta, background; gamma for NameAmbiguity) on DEV from the
binary's own evidence (`onoma resolve --explain`).

    swift build -c release --product onoma
    python3 scripts/names/fit_posterior.py --sets ar,ja,ko [--bin B] [--gammas 0] [--write]

Per set and DEV draw (0-3 unless --draws: other lexicons and queries among the DEV people, see
common.dev_protocol) the binary resolves the protocol's queries with --explain (cached under
/tmp/onoma-names/explain/, keyed by the binary). Each query's decision is then rebuilt for any
constants: a candidate the model did not score, whose spelling is listed as written ("exact"),
or whose form spells the query's reading ("reading": pinyin, a Korean romanisation), stays as
the binary found it; each scored entity is a candidate with its posterior
when that reaches 0.5 (Resolver.crossScriptAcceptance), or with 0.95 when a Latin-script form
has the query's key and the posterior reaches 0.4 (keyAgreementAcceptance); the best score wins,
ties to the entity listed first. The rebuild is checked against the binary's own answers at its
own constants (the "binary" and "rebuilt" columns must agree).

The fit, as learn_tables.py and ambiguity.py choose it: for each beta (BETAS) and gamma
(--gammas; the background grows by gamma * ln(spellings)), the lowest background keeping every
draw's false accepts at most --max-fa (1.75%: the rate moves with the draw), and the pair with
the best mean acc@1 over the draws. --write puts beta and background of a set without a
NameAmbiguity table into the calibration rows of LetterModelTables.swift (after
`learn_tables.py --swift`, which writes its prototype's fit there); a set with a table takes
its fit in ambiguity.py's FIT.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile

import numpy as np

import common as C
from eval_protocol import load

ACCEPT, KEY_ACCEPT, KEY_SCORE = 0.5, 0.4, 0.95
# matcher.BETAS with the steps between (the best beta of ar and ja lies between them)
BETAS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0)
TABLES = os.path.join(C.REPO, "Sources", "OnomaLexicon", "LetterModelTables.swift")


def explain(split, proto, binary: str, tag: str) -> list[dict]:
    """The binary's --explain lines for the protocol's queries (in-lexicon first), cached."""
    with open(binary, "rb") as f:
        digest = hashlib.sha1(f.read()).hexdigest()[:12]
    path = os.path.join(C.OUT, "explain", f"{tag}-{digest}.jsonl")
    if not os.path.exists(path):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        d = tempfile.mkdtemp(prefix="onoma-explain-")
        lex, qf = os.path.join(d, "lexicon.tsv"), os.path.join(d, "queries.txt")
        with open(lex, "w", encoding="utf-8") as f:
            for i, e in enumerate(proto.lexicon):
                f.write(f"e{i}\tperson\ten\t{e.replace(chr(9), ' ')}\tcanonical\n")
        with open(qf, "w", encoding="utf-8") as f:
            f.write("\n".join([q for q, _ in proto.queries_in] + list(proto.queries_out)) + "\n")
        res = subprocess.run([binary, "resolve", "--explain", "--lexicon", lex, "--lang", split.lang,
                              "--names", qf], capture_output=True, text=True)
        if res.returncode != 0:
            sys.exit(f"{binary} resolve --explain failed: {res.stderr[:500]}")
        with open(path + ".tmp", "w", encoding="utf-8") as f:
            f.write(res.stdout)
        os.replace(path + ".tmp", path)
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


class Draw:
    """One DEV draw's queries as arrays: the model's competitors (padded to the widest query,
    columns in lexicon order), whether each is the right entity and agrees by key, and the fixed
    candidates (not rebuilt)."""

    def __init__(self, proto, lines):
        expect = [en.lower() for _, en in proto.queries_in] + [None] * len(proto.queries_out)
        self.inside = np.array([e is not None for e in expect])
        width = max([len(o.get("model", {}).get("scored", [])) for o in lines] + [1])
        n = len(lines)
        self.raw = np.full((n, width), -np.inf)
        self.key = np.zeros((n, width), bool)
        self.right = np.zeros((n, width), bool)
        self.spellings = np.ones(n)
        self.fixed = np.zeros(n)          # best fixed candidate's score (0: none)
        self.fixed_right = np.zeros(n, bool)
        self.binary_right = np.zeros(n, bool)
        self.binary_accept = np.zeros(n, bool)
        self.constants = {}               # (model, beta, background at 1 spelling) -> queries
        for i, (o, e) in enumerate(zip(lines, expect)):
            model = o.get("model")
            scored = sorted(model["scored"], key=lambda c: int(c["entity"][1:])) if model else []
            cands = o["candidates"]
            self.binary_accept[i] = bool(cands)
            self.binary_right[i] = bool(cands) and e is not None and cands[0]["canonical"].lower() == e
            names = {c["entity"] for c in scored if not c.get("reading")}
            for c in cands:
                if c["method"] == "exact" or c["entity"] not in names:
                    if c["score"] > self.fixed[i]:
                        self.fixed[i], self.fixed_right[i] = c["score"], e is not None and c["canonical"].lower() == e
            for j, c in enumerate(scored):
                self.raw[i, j] = c["raw"]
                self.key[i, j] = c["key"]
                self.right[i, j] = e is not None and c["canonical"].lower() == e
            if model:
                self.spellings[i] = model["spellings"]
                k = (model["name"], model["beta"], model["background"], model["spellings"])
                self.constants[k] = self.constants.get(k, 0) + 1

    def decide(self, beta: float, background: np.ndarray | float):
        """Per query: accepted, and right at top (the binary's rule with these constants)."""
        b = beta * (np.broadcast_to(background, self.spellings.shape))[:, None]
        s = beta * self.raw
        top = np.maximum(s.max(axis=1, keepdims=True), b)
        e = np.exp(s - top)
        p = e / (np.exp(b - top) + e.sum(axis=1, keepdims=True))
        score = np.where(p >= ACCEPT, p, 0.0)
        score = np.where(self.key & (p >= KEY_ACCEPT), np.maximum(score, KEY_SCORE), score)
        j = score.argmax(axis=1)
        best = score[np.arange(len(j)), j]
        model_wins = best > self.fixed
        accept = np.maximum(best, self.fixed) > 0
        right = np.where(model_wins, self.right[np.arange(len(j)), j], self.fixed_right) & accept
        return accept, right

    def figures(self, beta: float, background, gamma: float = 0.0):
        """acc@1 and false-accept rate."""
        accept, right = self.decide(beta, background + gamma * np.log(self.spellings))
        return right[self.inside].mean(), accept[~self.inside].mean()


def fit(draws: list[Draw], betas, gammas, max_fa: float):
    """(mean acc, beta, gamma, background): per beta and gamma the lowest background keeping every
    draw's false accepts <= max_fa (they fall as the background rises), the best mean acc@1."""
    best = None
    for gamma in gammas:
        for beta in betas:
            lo, hi = -10.0, 20.0
            for _ in range(50):
                mid = (lo + hi) / 2
                if max(d.figures(beta, mid, gamma)[1] for d in draws) <= max_fa:
                    hi = mid
                else:
                    lo = mid
            acc = float(np.mean([d.figures(beta, hi, gamma)[0] for d in draws]))
            if best is None or acc > best[0]:
                best = (acc, beta, gamma, hi)
    return best


def write_calibration(model: str, beta: float, background: float):
    """Replace the beta and background columns of `model`'s row in LetterModelTables.swift."""
    with open(TABLES, encoding="utf-8") as f:
        text = f.read()
    row = re.compile(rf"^{re.escape(model)}\t([^\t\n]+)\t([^\t\n]+)\t([^\t\n]+)\t[^\t\n]+\t[^\t\n]+\t([^\t\n]+)$", re.M)
    text, n = row.subn(lambda m: f"{model}\t{m[1]}\t{m[2]}\t{m[3]}\t{beta}\t{background:.4f}\t{m[4]}", text, count=1)
    if n != 1:
        sys.exit(f"{TABLES}: no calibration row for {model}")
    with open(TABLES, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", default="ar,ja,ko")
    ap.add_argument("--bin", default=os.path.join(C.REPO, ".build", "release", "onoma"))
    ap.add_argument("--draws", type=int, default=4, help="DEV draws 0..N-1")
    ap.add_argument("--max-fa", type=float, default=0.0175)
    ap.add_argument("--gammas", default="0", help="weights of ln(spellings) to try (comma-separated)")
    ap.add_argument("--betas", default=",".join(map(str, BETAS)))
    ap.add_argument("--write", action="store_true", help="write each fit into LetterModelTables.swift")
    args = ap.parse_args()
    C.require_data()
    if not os.path.exists(args.bin):
        sys.exit(f"{args.bin}: no onoma binary: run `swift build -c release --product onoma` or pass --bin")
    gammas = [float(g) for g in args.gammas.split(",")]
    betas = [float(b) for b in args.betas.split(",")]
    print("| set | model | constants (beta, background) | DEV acc@1 binary / rebuilt | worst FA | refit (beta, gamma, "
          "background) | DEV acc@1 per draw | mean | worst FA |\n|---|---|---|---|---|---|---|---|---|")
    for s in args.sets.split(","):
        split, _ = load(s)
        draws = []
        for d in range(args.draws):
            proto = C.dev_protocol(split, d)
            draws.append(Draw(proto, explain(split, proto, args.bin, f"{s}-dev{d}")))
        constants = {}
        for d in draws:
            for k, n in d.constants.items():
                constants[k] = constants.get(k, 0) + n
        model, beta0, background0, _ = max(constants, key=constants.get)
        ambiguous = any(k[0] == model and k[3] > 1 for k in constants)
        if ambiguous:
            print(f"{s}: the background moves with the spellings (NameAmbiguity): the rebuilt figures use the "
                  f"table's gamma as the binary reports it", file=sys.stderr)
        # background at one spelling, and gamma from a query with several (the binary reports the sum)
        gamma0 = 0.0
        for (m, b, bg, n) in constants:
            if m == model and n > 1:
                gamma0 = (bg - background0) / np.log(n)
                break
        binary = np.mean([d.binary_right[d.inside].mean() for d in draws])
        rebuilt = [d.figures(beta0, background0, gamma0) for d in draws]
        acc, beta, gamma, background = fit(draws, betas, gammas, args.max_fa)
        per = [d.figures(beta, background, gamma) for d in draws]
        print(f"| {s} | {model} | {beta0:g}, {background0:.4f} | {binary:.3f} / {np.mean([a for a, _ in rebuilt]):.3f} "
              f"| {max(f for _, f in rebuilt):.4f} | {beta:g}, {gamma:g}, {background:.4f} "
              f"| {' '.join(f'{a:.3f}' for a, _ in per)} | {acc:.3f} | {max(f for _, f in per):.4f} |", flush=True)
        if args.write:
            if ambiguous or gamma:
                print(f"{s}: has a NameAmbiguity table or gamma > 0: set FIT in ambiguity.py instead", file=sys.stderr)
            else:
                write_calibration(model, beta, background)


if __name__ == "__main__":
    main()
