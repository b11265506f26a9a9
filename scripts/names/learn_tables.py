#!/usr/bin/env python3
"""Write the learned tables the matcher ships, as compact TSV, to /tmp/onoma-names/tables/.

    python3 scripts/names/learn_tables.py [--all] [--min-p 1e-5] [--sets ja --swift F]

Per script (ru ar he ko ja; zh): the m2m operation table learned by EM from the TRAIN pairs
(with --all: from every pair of the data set, for shipping after evaluation), its null model,
and the calibration (alpha, t, k, beta, b0, pair_t) fitted on DEV by eval_protocol.py's `final`
method (recomputed here from its DEV dumps). For zh also the Han character table.

Files:
  m2m-<script>.tsv   source<TAB>target<TAB>cost      cost = -ln P(source piece, target piece);
                     "-" = empty piece; ^ and $ are the word-boundary marks of both strings
  null-<script>.tsv  side<TAB>letter<TAB>cost         side q (query alphabet) or e (English);
                     cost = -ln P(letter) of the unigram null model
  han-zh.tsv         char<TAB>latin<TAB>cost          cost = -ln P(latin | char);
                     rows "@<pinyin>" are the syllable back-off tables
  calibration.tsv    script<TAB>alpha<TAB>t<TAB>k<TAB>beta<TAB>b0<TAB>pair_t   see the README (score formula)

--sets learns only those scripts; with --swift the other scripts' tables and calibration rows are
kept as the Swift file has them.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re

import numpy as np

import common as C
import discriminative as D
import han as H
import m2m
import matcher as M
from eval_protocol import load

SCRIPTS = ["ru", "ar", "he", "ko", "ja", "zh"]   # ja: the japanese file (katakana + some kanji)
DISCRIMINATIVE = ["ru", "ar", "he", "ko", "ja"]   # zh resolves with the Han table


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--all", action="store_true", help="learn from every pair (for shipping)")
    ap.add_argument("--min-p", type=float, default=1e-5, help="drop operations less likely than this")
    ap.add_argument("--out", default=os.path.join(C.OUT, "tables"))
    ap.add_argument("--max-fa", type=float, default=0.0175,
                    help="false-accept rate the posterior may reach in each DEV draw (below the 2%% goal: "
                         "the rate moves with the draw of lexicon and queries)")
    ap.add_argument("--dev-draws", type=int, default=3,
                    help="further DEV draws (other lexicons and queries among the DEV people) the posterior "
                         "must hold on, beside the first")
    ap.add_argument("--discriminative", action="store_true",
                    help="ru ar he ko ja: the tables trained against near misses (discriminative.py, default "
                         "hyper-parameters) instead of the EM ones, calibrated on their own DEV runs")
    ap.add_argument("--sets", default=",".join(SCRIPTS),
                    help="scripts to learn (comma-separated); with --swift the others keep the file's tables")
    ap.add_argument("--swift", help="also write the tables as Swift source to this file "
                    "(Sources/OnomaLexicon/LetterModelTables.swift)")
    args = ap.parse_args()
    if args.discriminative and args.all:
        ap.error("--discriminative trains on TRAIN only (its DEV runs choose it): not with --all")
    C.require_data()
    os.makedirs(args.out, exist_ok=True)
    sets = args.sets.split(",")
    if unknown := [s for s in sets if s not in SCRIPTS]:
        ap.error(f"unknown sets {unknown}: choose among {SCRIPTS}")
    sizes = {}
    tags = {}            # script -> tag of its DEV dumps when not "final" (the EM model's)
    for s in sets:
        split, trans = load(s)
        if args.all:
            split.train = [p for k in split.forms for p in split.forms[k]]
        model = M.get_model(split, trans)
        if args.discriminative and s in DISCRIMINATIVE:
            _, _, model, tags[s] = D.trained_model(split, trans)
            D.dump_runs(split, trans, model, tags[s], D.DEV)
        path = os.path.join(args.out, f"m2m-{s}.tsv")
        sizes[path] = m2m.to_tsv(model.logp, path, math.log(args.min_p))
        npath = os.path.join(args.out, f"null-{s}.tsv")
        with open(npath, "w") as f:
            f.write("# side\tletter\tcost (-ln P, unigram null model)\n")
            for i, ch in enumerate(m2m.SRC_ALPHA):
                f.write(f"q\t{ch}\t{-model.uq[i]:.3f}\n")
            for i, ch in enumerate(m2m.TGT_ALPHA):
                f.write(f"e\t{ch}\t{-model.ue[i]:.3f}\n")
        sizes[npath] = os.path.getsize(npath)
        if s == "zh":
            r = M.HanRunner(split, trans)
            hpath = os.path.join(args.out, "han-zh.tsv")
            write_han(r.model, hpath, args.min_p * 100)
            sizes[hpath] = os.path.getsize(hpath)
    cal = {}
    for s in sets + (["ja-kana"] if "ja" in sets else []):
        for tag, key in ((tags.get(s, "final"), s), ("final-han", "zh-han")):
            if tag == "final-han" and s != "zh":
                continue
            dev = os.path.join(C.OUT, "dumps", f"{s}-{tag}-dev.pkl")
            if os.path.exists(dev):
                cal[key] = M.fit_calibrator(dev)
            else:
                print(f"no DEV run for {s} ({dev}): run eval_protocol.py --methods {tag} first")
    post, pair = {}, {}
    for key, (a, t, kk) in cal.items():
        s_, tag = (("zh", "final-han") if key == "zh-han" else (key, tags.get(key, "final")))
        split, trans = load(s_)
        fit = D.dev_figures(M.dev_draw_dumps(split, trans, args.dev_draws, tag), args.max_fa, a)
        post[key] = fit["beta"], fit["b0"]      # M.fit_posterior's optimum, solved exactly
        pair[key] = M.fit_pair_threshold(os.path.join(C.OUT, "dumps", f"{s_}-{tag}-dev.pkl"), a)
    cpath = os.path.join(args.out, "calibration.tsv")
    with open(cpath, "w") as f:
        f.write("# script\talpha\tt\tk\tbeta\tb0\tpair_t   s = llr/(nq+ne)^alpha; score against a lexicon's"
                " forms = 1/(1+exp(-(k*(s - t) + logit(threshold)))), one pair alone (onoma match) the same with"
                " pair_t for t; resolve posterior = exp(beta s) / (exp(beta b0) + sum exp(beta s'))\n")
        for k, (a, t, kk) in sorted(cal.items()):
            beta, b0 = post[k]
            f.write(f"{k}\t{a}\t{t:.4f}\t{kk:.4f}\t{beta}\t{b0:.4f}\t{pair[k]:.4f}\n")
    sizes[cpath] = os.path.getsize(cpath)
    if args.swift:
        write_swift(args.out, args.swift, sets)
        sizes[args.swift] = os.path.getsize(args.swift)
    for p, n in sizes.items():
        print(f"{n:9d} bytes  {sum(1 for l in open(p) if not l.startswith('#')):7d} rows  {p}")


def swift_tables(path: str) -> dict[str, dict[str, str]]:
    """The string literals of a LetterModelTables.swift: {"calibration": {row key: row}, "operations":
    {script: body}, "null": {script: body}}."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    calibration = re.search(r'static let calibration = #"""\n(.*?)"""#', text, re.S)[1]
    out = {"calibration": {l.split("\t")[0]: l + "\n" for l in calibration.splitlines()}}
    for name in ("operations", "null"):
        section = re.search(rf"static let {name}: \[String: String\] = \[\n(.*?)\n    \]", text, re.S)[1]
        out[name] = dict(re.findall(r'"(\w+)": #"""\n(.*?)"""#', section, re.S))
    return out


def write_swift(tables: str, path: str, sets: list[str]):
    """The m2m, null and calibration tables of every script as string literals onoma compiles in
    (those of scripts not in `sets` as `path` has them), and with zh the Han character table in
    HanModelTable.swift beside them."""
    kept = swift_tables(path) if set(sets) != set(SCRIPTS) else None

    def body(name):
        with open(os.path.join(tables, name), encoding="utf-8") as f:
            return "".join(l for l in f if not l.startswith("#"))

    def calibration():
        rows = {l.split("\t")[0]: l for l in body("calibration.tsv").splitlines(keepends=True)}
        if kept:
            rows = {**kept["calibration"], **rows}
        return "".join(rows[k] for k in sorted(rows))

    def script_body(kind, s):
        return body(f"{'m2m' if kind == 'operations' else kind}-{s}.tsv") if s in sets else kept[kind][s]
    with open(path, "w", encoding="utf-8") as f:
        f.write("// Generated by scripts/names/learn_tables.py --swift: do not edit.\n"
                "// Letter correspondences learned from the TRAIN part of the Wikidata name pairs\n"
                "// (../shared/dev/names), rows `source<TAB>target<TAB>-ln P`; see LetterModel.\n\n"
                "enum LetterModelTables {\n")
        f.write('    static let calibration = #"""\n' + calibration() + '"""#\n\n')
        f.write("    static let operations: [String: String] = [\n")
        for s in SCRIPTS:
            f.write(f'        "{s}": #"""\n' + script_body("operations", s) + '"""#,\n')
        f.write("    ]\n\n    static let null: [String: String] = [\n")
        for s in SCRIPTS:
            f.write(f'        "{s}": #"""\n' + script_body("null", s) + '"""#,\n')
        f.write("    ]\n}\n")
    if "zh" not in sets:
        return
    write_han_swift(os.path.join(tables, "han-zh.tsv"), os.path.join(os.path.dirname(path), "HanModelTable.swift"))


def write_han_swift(tsv: str, path: str):
    """The Han character table (learn_tables.py's han-zh.tsv) as HanModelTable.swift."""
    with open(tsv, encoding="utf-8") as f:
        rows = "".join(l for l in f if not l.startswith("# "))
    with open(path, "w", encoding="utf-8") as f:
        f.write("// Generated by scripts/names/learn_tables.py --swift: do not edit.\n"
                "// How Chinese writes foreign names: P(Latin letters | Han character), learned from the TRAIN\n"
                "// part of the Wikidata name pairs (../shared/dev/names); see HanModel.\n\n"
                "enum HanModelTable {\n")
        f.write('    static let rows = #"""\n' + rows + '"""#\n}\n')


def write_han(model: H.HanModel, path: str, min_p: float):
    with open(path, "w", encoding="utf-8") as f:
        f.write("# char\tlatin\tcost (-ln P(latin | char)); '-' = empty; '@pinyin' rows: syllable back-off; "
                "'#count' rows: the character's training count (weight of its own table)\n")
        f.write(f"#lambda\t{H.LAMBDA}\n#backoff_k\t{H.BACKOFF_K}\n")
        for c in sorted(model.table):
            f.write(f"#count\t{c}\t{model.char_count.get(c, 0):.1f}\t{model.pinyin.get(c, '')}\n")
            for b, p in sorted(model.table[c].items(), key=lambda kv: -kv[1]):
                if p >= min_p:
                    f.write(f"{c}\t{b or '-'}\t{-math.log(p):.3f}\n")
        for syl in sorted(model.syl_table):
            for b, p in sorted(model.syl_table[syl].items(), key=lambda kv: -kv[1]):
                if p >= min_p:
                    f.write(f"@{syl}\t{b or '-'}\t{-math.log(p):.3f}\n")
        f.write("#english-unigram\t" + " ".join(f"{-v:.3f}" for v in model.uni) + "\n")
        f.write("#length-prior\t" + " ".join(f"{-v:.3f}" for v in model.len_logp) + "\n")
        f.write(f"#end\t{-model.end_logp:.3f}\n")


if __name__ == "__main__":
    main()
