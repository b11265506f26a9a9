"""Peer baselines: rapidfuzz on ICU / unidecode transliterations, and rigour's name comparison."""

from __future__ import annotations

import time

import numpy as np
from rapidfuzz import fuzz, process

from common import Protocol, Result


def brute_force(q_strings: list[list[str]], lex_strings: list[list[str]], lexicon: list[str],
                scorer=fuzz.ratio) -> list[tuple[str | None, float]]:
    """Each query (a list of variant strings) against each lexicon entry (a list of variant
    strings): the best pair score, /100. Returns (top english, score) per query."""
    # flatten variants
    lv, lidx = [], []
    for i, vs in enumerate(lex_strings):
        for v in vs:
            lv.append(v)
            lidx.append(i)
    lidx = np.array(lidx)
    qv, qidx = [], []
    for i, vs in enumerate(q_strings):
        for v in vs:
            qv.append(v)
            qidx.append(i)
    out: list[tuple[str | None, float]] = [(None, 0.0)] * len(q_strings)
    best = np.zeros(len(q_strings))
    besti = np.full(len(q_strings), -1)
    B = 2000
    for s in range(0, len(qv), B):
        m = process.cdist(qv[s:s + B], lv, scorer=scorer, workers=-1, dtype=np.float32)
        # max over lexicon variants per entry: argmax over flat columns is fine (one entry per col)
        am = m.argmax(axis=1)
        mv = m[np.arange(m.shape[0]), am]
        for r in range(m.shape[0]):
            qi = qidx[s + r]
            if mv[r] > best[qi] or besti[qi] < 0:
                best[qi] = mv[r]
                besti[qi] = lidx[am[r]]
    for i in range(len(q_strings)):
        out[i] = (lexicon[besti[i]] if besti[i] >= 0 else None, float(best[i]) / 100.0)
    return out


def run_ratio(proto: Protocol, qfun, lfun, scorer=fuzz.ratio) -> Result:
    t = time.time()
    lex = [lfun(e) for e in proto.lexicon]
    qin = [qfun(q) for q, _ in proto.queries_in]
    qout = [qfun(q) for q in proto.queries_out]
    top_in = brute_force(qin, lex, proto.lexicon, scorer)
    top_out = [s for _, s in brute_force(qout, lex, proto.lexicon, scorer)]
    return Result(top_in, top_out, cands=len(proto.lexicon), seconds=time.time() - t)


# ------------------------------------------------------------------------------------ rigour
SYM_SCORES_NAME = 0.9
EXTRA_WEIGHT = 1.0


def run_rigour(proto: Protocol) -> Result:
    """rigour 2.x: names analysed as PER (its own transliteration and Wikidata name-symbol
    tagging), pairs scored in the manner of nomenklatura's logic-v2: symbol-paired parts score
    0.9, remaining parts by `compare_parts` (its weighted, budgeted edit distance), the score is
    the weighted mean, best over symbol pairings. Candidates: lexicon names sharing a symbol with
    the query, plus the 50 best by rapidfuzz on rigour's comparable forms."""
    from rigour.names import NameTypeTag, analyze_names, compare_parts, pair_symbols

    t = time.time()

    def analyse(s):
        names = list(analyze_names(NameTypeTag.PER, [s]))
        return names[0] if names else None

    lex = [analyse(e) for e in proto.lexicon]
    sym_index: dict = {}
    for i, n in enumerate(lex):
        if n is None:
            continue
        for sym in n.symbols:
            sym_index.setdefault(sym, []).append(i)
    lex_comp = [n.comparable if n else "" for n in lex]

    def score(q, r) -> float:
        best = 0.0
        for pairing in pair_symbols(q, r) or [()]:
            used_q, used_r = set(), set()
            total, weight = 0.0, 0.0
            for al in pairing:
                for p in al.qps:
                    used_q.add(p.index)
                for p in al.rps:
                    used_r.add(p.index)
                w = max(len(al.qps), len(al.rps))
                total += SYM_SCORES_NAME * w
                weight += w
            rq = [p for p in q.parts if p.index not in used_q]
            rr = [p for p in r.parts if p.index not in used_r]
            if rq or rr:
                for al in compare_parts(rq, rr):
                    w = max(len(al.qps), len(al.rps)) * (EXTRA_WEIGHT if not (al.qps and al.rps) else 1.0)
                    total += al.score * w
                    weight += w
            if weight:
                best = max(best, total / weight)
        return best

    ncand = 0

    def top(qs: str):
        nonlocal ncand
        q = analyse(qs)
        if q is None:
            return None, 0.0
        cands = set()
        for sym in q.symbols:
            cands.update(sym_index.get(sym, ()))
        for _, _, i in process.extract(q.comparable, lex_comp, scorer=fuzz.ratio, limit=50):
            cands.add(i)
        ncand += len(cands)
        best, bi = -1.0, -1
        for i in sorted(cands):
            if lex[i] is None:
                continue
            s = score(q, lex[i])
            if s > best:
                best, bi = s, i
        return (proto.lexicon[bi] if bi >= 0 else None), max(best, 0.0)

    top_in = [top(q) for q, _ in proto.queries_in]
    top_out = [top(q)[1] for q in proto.queries_out]
    n = len(proto.queries_in) + len(proto.queries_out)
    return Result(top_in, top_out, cands=ncand / n, seconds=time.time() - t)


# ------------------------------------------------------------------------ onoma resolve (in tree)
def run_onoma_resolve(proto: Protocol, lang: str) -> Result:
    """The `onoma resolve` of the binary in use (whatever the tree holds), with its own default
    threshold: acc@1 here is already thresholded (it prints no candidate below its threshold)."""
    import json
    import os
    import subprocess
    import tempfile

    import common as C
    t = time.time()
    d = tempfile.mkdtemp(prefix="onoma-resolve-")
    lex = os.path.join(d, "lexicon.tsv")
    with open(lex, "w", encoding="utf-8") as f:
        for i, e in enumerate(proto.lexicon):
            f.write(f"e{i}\tperson\ten\t{e.replace(chr(9), ' ')}\tcanonical\n")
    qs = [q for q, _ in proto.queries_in] + list(proto.queries_out)
    qf = os.path.join(d, "queries.txt")
    with open(qf, "w", encoding="utf-8") as f:
        f.write("\n".join(qs) + "\n")
    res = subprocess.run([C.onoma_binary(), "resolve", "--lexicon", lex, "--lang", lang, "--top", "1",
                          "--names", qf], capture_output=True, text=True)
    if res.returncode != 0:
        raise RuntimeError(res.stderr[:500])
    tops = []
    for line in res.stdout.splitlines():
        o = json.loads(line)
        if o["candidates"]:
            c = o["candidates"][0]
            tops.append((c["canonical"], float(c["score"])))
        else:
            tops.append((None, 0.0))
    nin = len(proto.queries_in)
    return Result(tops[:nin], [s for _, s in tops[nin:]], cands=float("nan"), seconds=time.time() - t)
