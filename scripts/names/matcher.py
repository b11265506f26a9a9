"""Our matcher, ingredient by ingredient (each a method for eval_protocol.py)."""

from __future__ import annotations

import time

import baselines as B
import keys as K
from common import Result

CUM_GROUPS = ["clean", "ending", "consonant", "vowel", "korean", "japanese"]


def orders(words: list[str], swap: bool) -> list[list[str]]:
    """Word orders tried for a lexicon name: as written, and (swap) reversed, and for 3+ words
    the last word first (family name first)."""
    out = [words]
    if swap and len(words) > 1:
        out.append(words[::-1])
        if len(words) > 2:
            out.append(words[-1:] + words[:-1])
    return out


def q_words(split, trans, q, groups, latin=True):
    src = trans["latin"][q] if latin else trans["ascii"][q]
    return K.key(K.rules(K.fold(src, split.lang), split.lang, groups))


def e_words(trans, e, groups):
    return K.key(K.rules(K.fold(trans["en_latin"][e], "en"), None, groups))


def make_ratio(groups, swap=True, joiner="", latin=True):
    def run(split, trans, proto):
        def qf(q):
            return [joiner.join(q_words(split, trans, q, groups, latin))]

        def lf(e):
            return [joiner.join(w) for w in orders(e_words(trans, e, groups), swap)]
        return B.run_ratio(proto, qf, lf)
    return run


def methods():
    reg = {}
    reg["key-fold-ratio"] = make_ratio(["clean"], swap=False, joiner=" ")
    reg["key-fold-concat-ratio"] = make_ratio(["clean"], swap=False)
    reg["key-fold-orders-ratio"] = make_ratio(["clean"], swap=True)
    for i in range(1, len(CUM_GROUPS)):
        reg["key-rules+" + CUM_GROUPS[i] + "-ratio"] = make_ratio(CUM_GROUPS[:i + 1], swap=True)
    reg.update(learned_methods())
    return reg


# ===================================================================== learned correspondences
import hashlib
import os

import numpy as np
from rapidfuzz import fuzz

import common as C
import m2m

MODEL_DIR = os.path.join(C.OUT, "models")


def src_string(split, trans, q, groups) -> str:
    return "".join(K.rules(K.fold(trans["latin"][q], split.lang), split.lang, groups))


def tgt_words(trans, e, groups) -> list[str]:
    return K.key(K.rules(K.fold(trans["en_latin"][e], "en"), None, groups), doubles=False)


def best_order(src: str, words: list[str], swap: bool) -> str:
    cands = ["".join(o) for o in orders(words, swap)]
    return max(cands, key=lambda c: fuzz.ratio(src, c))


def training_pairs(split, trans, pairs, sg, tg):
    out = []
    swap = split.kind == "full"
    for e, q in pairs:
        s = src_string(split, trans, q, sg)
        s = "".join(ch for ch in s if ch in m2m.S_IDX)
        t = best_order(s, tgt_words(trans, e, tg), swap)
        if s and t:
            out.append(("^" + s + "$", "^" + t + "$"))
    return out


class LearnedModel:
    def __init__(self, split, trans, sg=("clean",), tg=("clean",), shapes="full", iters=8, extra=None):
        self.split, self.trans, self.sg, self.tg = split, trans, tuple(sg), tuple(tg)
        self.shapes = {"full": m2m.SHAPES_FULL, "basic": m2m.SHAPES_BASIC, "m2m": m2m.SHAPES_M2M}[shapes]
        pairs = list(split.train) + list(extra or [])
        tag = hashlib.sha1(repr((split.name, len(pairs), self.sg, self.tg, shapes, iters, C.SEED)).encode()).hexdigest()[:12]
        os.makedirs(MODEL_DIR, exist_ok=True)
        path = os.path.join(MODEL_DIR, f"{split.name}-{tag}.npy")
        tp = training_pairs(split, trans, pairs, self.sg, self.tg)
        if os.path.exists(path):
            self.logp = np.load(path)
        else:
            t = time.time()
            self.logp = m2m.train(tp, self.shapes, iters=iters, verbose=False)
            np.save(path, self.logp)
            print(f"  trained {split.name} m2m ({shapes}, {len(tp)} pairs) in {time.time() - t:.0f}s", flush=True)
        self.path = path
        self.uq = m2m.unigram_logp([m2m.enc_src(s) for s, _ in tp], m2m.NS1)
        self.ue = m2m.unigram_logp([m2m.enc_tgt(t) for _, t in tp], m2m.NT1)

    def enc_query(self, q):
        s = "".join(ch for ch in src_string(self.split, self.trans, q, self.sg) if ch in m2m.S_IDX)
        return m2m.enc_src("^" + s + "$")

    def enc_lexicon(self, lexicon):
        swap = self.split.kind == "full"
        strings, owner = [], []
        for i, e in enumerate(lexicon):
            for o in orders(tgt_words(self.trans, e, self.tg), swap):
                strings.append(m2m.enc_tgt("^" + "".join(o) + "$"))
                owner.append(i)
        es, eoff = m2m.pack(strings)
        le = np.array([self.ue[s].sum() for s in strings])
        return es, eoff, np.array(owner), le


FORMULAS = {
    "joint": lambda lp, lq, le, nq, ne: lp,
    "llr": lambda lp, lq, le, nq, ne: lp - lq - le,
    "llr-per-char": lambda lp, lq, le, nq, ne: (lp - lq - le) / (nq + ne),
    "cond-per-char": lambda lp, lq, le, nq, ne: (lp - le) / nq,
}


def squash(x, formula):
    """Map a raw score to 0..1 (monotone), so thresholds print like similarities."""
    if formula == "llr":
        return 1.0 / (1.0 + np.exp(-(x - 10.0) / 4.0))
    if formula in ("llr-per-char",):
        return 1.0 / (1.0 + np.exp(-(x - 0.5) / 0.25))
    return np.exp(x / 10.0) if formula == "joint" else 1.0 / (1.0 + np.exp(-x))


_LP_CACHE = {}


def lp_matrix(model: LearnedModel, proto, viterbi=True):
    """log P(q, e) of every query against every lexicon variant (brute force), cached."""
    key = (model.path, id(proto), viterbi)
    if key in _LP_CACHE:
        return _LP_CACHE[key]
    t0 = time.time()
    es, eoff, owner, le = model.enc_lexicon(proto.lexicon)
    allc = np.arange(len(owner))
    qs = [q for q, _ in proto.queries_in] + list(proto.queries_out)
    enc = [model.enc_query(q) for q in qs]
    LP = np.full((len(qs), len(owner)), -1e30)
    lq = np.zeros(len(qs))
    nq = np.zeros(len(qs))
    for i, qe in enumerate(enc):
        if len(qe) > 2:
            LP[i] = (m2m.score_fast(qe, es, eoff, allc, model.logp) if viterbi and model.shapes is m2m.SHAPES_FULL
                     else m2m.score_many(qe, es, eoff, allc, model.logp, model.shapes, viterbi))
            lq[i] = model.uq[qe].sum()
            nq[i] = len(qe)
    out = dict(LP=LP, lq=lq, nq=nq, le=le, ne=(eoff[1:] - eoff[:-1]).astype(np.float64), owner=owner,
               seconds=time.time() - t0)
    _LP_CACHE.clear()
    _LP_CACHE[key] = out
    return out


def result_from_scores(proto, S, owner, cand_mask=None, seconds=0.0) -> Result:
    """S: (queries, variants) scores, higher better (already squashed to 0..1)."""
    nin = len(proto.queries_in)
    if cand_mask is not None:
        S = np.where(cand_mask, S, -np.inf)
    k = np.argmax(S, axis=1)
    best = S[np.arange(len(S)), k]
    tops = []
    for i in range(len(S)):
        if not np.isfinite(best[i]):
            tops.append((None, 0.0))
        else:
            tops.append((proto.lexicon[owner[k[i]]], float(best[i])))
    cands = float(len(proto.lexicon)) if cand_mask is None else float(cand_mask.sum(axis=1).mean())
    rec = 1.0
    if cand_mask is not None:
        lexmap = {e.lower(): i for i, e in enumerate(proto.lexicon)}
        hit = 0
        for i, (q, en) in enumerate(proto.queries_in):
            hit += bool(np.any(cand_mask[i] & (owner == lexmap[en.lower()])))
        rec = hit / nin
    return Result(tops[:nin], [s for _, s in tops[nin:]], cands=cands, block_recall=rec, seconds=seconds)


def run_learned(model: LearnedModel, proto, formula="llr-per-char", viterbi=True, blocker=None) -> Result:
    M_ = lp_matrix(model, proto, viterbi)
    f = FORMULAS[formula]
    raw = f(M_["LP"], M_["lq"][:, None], M_["le"][None, :], M_["nq"][:, None], M_["ne"][None, :])
    raw = np.where(M_["LP"] <= -1e29, -np.inf, raw)
    S = squash(raw, formula)
    mask = None if blocker is None else blocker(model, proto)
    return result_from_scores(proto, S, M_["owner"], mask, M_["seconds"])


_MODELS = {}


def get_model(split, trans, **kw):
    k = (split.name, tuple(sorted(kw.items())))
    if k not in _MODELS:
        _MODELS[k] = LearnedModel(split, trans, **kw)
    return _MODELS[k]


def make_learned(formula="llr-per-char", viterbi=True, **kw):
    def run(split, trans, proto):
        return run_learned(get_model(split, trans, **kw), proto, formula, viterbi)
    return run


def learned_methods():
    reg = {}
    for fm in FORMULAS:
        reg[f"m2m-full-{fm}"] = make_learned(fm)
    reg["m2m-full-cond-per-char-forward"] = make_learned("cond-per-char", viterbi=False)
    reg["m2m-full-llr-per-char-forward"] = make_learned("llr-per-char", viterbi=False)
    for shp in ("basic", "m2m"):
        for fm in ("llr-per-char", "cond-per-char"):
            reg[f"m2m-{shp}-{fm}"] = make_learned(fm, shapes=shp)
    return reg


# ===================================================================== Han character table
import pickle

import han as H


class HanRunner:
    def __init__(self, split, trans, iters=6, extra=None):
        self.split, self.trans = split, trans
        pairs = list(split.train) + list(extra or [])
        tag = hashlib.sha1(repr((split.name, len(pairs), iters, H.MAXLEN, H.LAMBDA, C.SEED, "v1")).encode()).hexdigest()[:12]
        os.makedirs(MODEL_DIR, exist_ok=True)
        self.path = os.path.join(MODEL_DIR, f"{split.name}-han-{tag}.pkl")
        if os.path.exists(self.path):
            with open(self.path, "rb") as f:
                self.model = pickle.load(f)
        else:
            t = time.time()
            m = H.HanModel()
            tp = [(H.han_chars(q), "".join(tgt_words(trans, e, ("clean",)))) for e, q in pairs]
            tp = [(cs, "".join(ch for ch in e if "a" <= ch <= "z")) for cs, e in tp]
            tp = [(cs, e) for cs, e in tp if cs and e]
            allc = {c for k in split.forms for _, o in split.forms[k] for c in H.han_chars(o)}
            m.pinyin = C.han_pinyin(allc)
            m.train(tp, iters=iters, verbose=True)
            self.model = m
            with open(self.path, "wb") as f:
                pickle.dump(m, f)
            print(f"  trained {split.name} Han table ({len(tp)} pairs) in {time.time() - t:.0f}s", flush=True)

    def enc_lexicon(self, lexicon):
        strings, owner = [], []
        for i, e in enumerate(lexicon):
            w = "".join(ch for ch in "".join(tgt_words(self.trans, e, ("clean",))) if "a" <= ch <= "z")
            strings.append(np.array([ord(c) - 97 for c in w], dtype=np.int32))
            owner.append(i)
        es, eoff = m2m.pack(strings)
        le = np.array([self.model.p0_e("".join(chr(97 + x) for x in s)) for s in strings])
        return es, eoff, np.array(owner), le


def han_lp_matrix(runner: HanRunner, proto):
    key = (runner.path, id(proto), "han")
    if key in _LP_CACHE:
        return _LP_CACHE[key]
    t0 = time.time()
    m = runner.model
    es, eoff, owner, le = runner.enc_lexicon(proto.lexicon)
    qs = [q for q, _ in proto.queries_in] + list(proto.queries_out)
    LP = np.full((len(qs), len(owner)), -1e30)
    nq = np.zeros(len(qs))
    for i, q in enumerate(qs):
        cs = H.han_chars(q)
        if not cs:
            continue
        codes, lps, offs = m.query_arrays(cs)
        LP[i] = H.han_score_many(codes, lps, offs, es, eoff, m.uni, m.len_logp, math.log(H.LAMBDA))
        nq[i] = len(cs)
    out = dict(LP=LP, lq=np.zeros(len(qs)), nq=nq, le=le, ne=(eoff[1:] - eoff[:-1]).astype(np.float64),
               owner=owner, seconds=time.time() - t0)
    _LP_CACHE.clear()
    _LP_CACHE[key] = out
    return out


HAN_FORMULAS = {
    "llr": lambda lp, lq, le, nq, ne: lp - le,
    "llr-per-char": lambda lp, lq, le, nq, ne: (lp - le) / (nq + ne),
    "cond-per-char": lambda lp, lq, le, nq, ne: (lp - le) / np.maximum(ne, 1),
}


def make_han(formula="llr-per-char", fallback=None):
    def run(split, trans, proto):
        if split.name not in ("zh",):
            if fallback is None:
                raise SystemExit("han methods apply to zh")
            return fallback(split, trans, proto)
        r = HanRunner(split, trans)
        M_ = han_lp_matrix(r, proto)
        raw = HAN_FORMULAS[formula](M_["LP"], M_["lq"][:, None], M_["le"][None, :], M_["nq"][:, None], M_["ne"][None, :])
        raw = np.where(M_["LP"] <= -1e29, -np.inf, raw)
        S = squash(raw, formula)
        return result_from_scores(proto, S, M_["owner"], None, M_["seconds"])
    return run


import math  # noqa: E402

_base_methods = methods


def methods():
    reg = _base_methods()
    for fm in HAN_FORMULAS:
        reg[f"han-{fm}"] = make_han(fm)
    return reg


# ===================================================================== blocked runs (the design)
import blocking as BL


def _lex_words(model_or_trans, lexicon, swap, tg=("clean",)):
    trans = model_or_trans
    return [orders(tgt_words(trans, e, tg), swap) for e in lexicon]


def query_words(split, trans, q) -> list[str]:
    """The query's folded words (fold + clean rules): what blocking and scoring start from."""
    return [w for w in K.rules(K.fold(trans["latin"][q], split.lang), split.lang, ("clean",)) if w]


def blocking_strings(src, rtable, use_src=True, use_render=True) -> list[str]:
    """The strings a query probes the blocker with: its folded letters and their best English
    rendering under the letter model's table."""
    strings = [src] if use_src else []
    letters = "".join(ch for ch in src if ch in m2m.S_IDX)
    if use_render and letters:
        strings.append(m2m.render("^" + letters + "$", rtable))
    return strings


def run_blocked(split, trans, proto, formula="llr-per-char", bcfg=None, han_runner=None, model=None,
                dump=None) -> Result:
    t0 = time.time()
    bcfg = dict(bcfg or {})
    use_render = bcfg.pop("render", True)
    use_src = bcfg.pop("src", True)
    swap = split.kind == "full"
    lexw = _lex_words(trans, proto.lexicon, swap)
    blocker = BL.Blocker(lexw, **bcfg)
    lexmap = {e.lower(): i for i, e in enumerate(proto.lexicon)}
    if han_runner is not None:
        es, eoff, owner, le = han_runner.enc_lexicon(proto.lexicon)
        hm = han_runner.model
        f = HAN_FORMULAS[formula]
    else:
        es, eoff, owner, le = model.enc_lexicon(proto.lexicon)
        f = FORMULAS[formula]
        rtable = m2m.rendering_table(model.logp)
    ne = (eoff[1:] - eoff[:-1]).astype(np.float64)
    variants_of = [[] for _ in proto.lexicon]
    for v, i in enumerate(owner):
        variants_of[i].append(v)
    ncand, hits = 0, 0
    tops, details = [], []
    qs = [(q, en) for q, en in proto.queries_in] + [(q, None) for q in proto.queries_out]
    t_score = 0.0
    for q, en in qs:
        words = query_words(split, trans, q)
        src = "".join(words)
        strings = []
        if han_runner is not None:
            cs = H.han_chars(q)
            if cs:
                strings.append(hm.best_rendering(cs))
            if use_src:
                strings.append(src)
            words = strings[:1]
        else:
            strings = blocking_strings(src, rtable, use_src, use_render)
        cand = blocker.candidates(strings, words) if any(strings) else set()
        ncand += len(cand)
        if en is not None:
            hits += lexmap[en.lower()] in cand
        if not cand:
            tops.append((None, 0.0))
            details.append(None)
            continue
        vidx = np.array([v for i in sorted(cand) for v in variants_of[i]], dtype=np.int64)
        t1 = time.time()
        if han_runner is not None:
            codes, lps, offs = hm.query_arrays(cs)
            sub_es, sub_off = m2m.pack([es[eoff[v]:eoff[v + 1]] for v in vidx])
            lp = H.han_score_many(codes, lps, offs, sub_es, sub_off, hm.uni, hm.len_logp, math.log(H.LAMBDA))
            lq, nq = 0.0, len(cs)
        else:
            qe = model.enc_query(q)
            lp = m2m.score_fast(qe, es, eoff, vidx, model.logp)
            lq, nq = model.uq[qe].sum(), len(qe)
        t_score += time.time() - t1
        raw = f(lp, lq, le[vidx], nq, ne[vidx])
        k = int(np.argmax(raw))
        tops.append((proto.lexicon[owner[vidx[k]]], float(squash(raw[k], formula))))
        if dump is not None:
            order = np.argsort(-(lp - le[vidx]))[:10]
            details.append(dict(lp=lp[order], le=le[vidx][order], ne=ne[vidx][order], lq=lq, nq=nq,
                                ent=[proto.lexicon[owner[vidx[j]]] for j in order]))
    nin = len(proto.queries_in)
    r = Result(tops[:nin], [s for _, s in tops[nin:]], cands=ncand / len(qs), block_recall=hits / nin,
               seconds=time.time() - t0)
    r.score_seconds = t_score
    if dump is not None:
        import pickle as _p
        with open(dump, "wb") as fh:
            _p.dump(dict(details=details, expect=[en for _, en in qs], twin=proto.out_twin), fh)
    return r


def make_blocked(formula="llr-per-char", bcfg=None, han=False, dump=False, **kw):
    def run(split, trans, proto):
        d = os.path.join(C.OUT, "dumps", f"{split.name}-{formula}-{'han' if han else 'm2m'}.pkl") if dump else None
        if d:
            os.makedirs(os.path.dirname(d), exist_ok=True)
        if han and split.name == "zh":
            return run_blocked(split, trans, proto, formula, bcfg, han_runner=HanRunner(split, trans), dump=d)
        model = get_model(split, trans, **kw)
        return run_blocked(split, trans, proto, formula, bcfg, model=model, dump=d)
    return run


_base_methods2 = methods


def methods():
    reg = _base_methods2()
    reg["blocked-m2m"] = make_blocked(dump=True)
    reg["blocked-han"] = make_blocked(han=True, dump=True)
    reg["blocked-m2m-strict"] = make_blocked(bcfg=dict(min_del1=3, min_del2=0))
    reg["blocked-m2m-norender"] = make_blocked(bcfg=dict(render=False))
    reg["blocked-m2m-wide"] = make_blocked(bcfg=dict(min_del2=5))
    return reg


# ===================================================================== hand-set weighted edit distance
def hand_table() -> np.ndarray:
    """Costs as in the tree's NameSimilarity: substitution 0 (same), 0.4 (vowel for vowel, or
    consonants of one sound class), 1 otherwise; insertion/deletion 0.5 for vowels, h and ', 1
    otherwise. Stored as log P = -cost in the m2m layout (shapes 1-0, 0-1, 1-1)."""
    vow = set("aeiouy")
    lp = np.full((m2m.NS, m2m.NT), m2m.NEG)
    for a in m2m.SRC_ALPHA:
        ca = 1 + m2m.S_IDX[a]
        lp[ca, 0] = -(0.0 if a in "^$" else 0.5 if a in vow or a in "h'" else 1.0)
        for b in m2m.TGT_ALPHA:
            cb = 1 + m2m.T_IDX[b]
            if a in "^$" or b in "^$":
                c = 0.0 if a == b else 9.0
            elif a == b:
                c = 0.0
            elif (a in vow and b in vow) or (BL.CLASSES.get(a) is not None and BL.CLASSES.get(a) == BL.CLASSES.get(b)):
                c = 0.4
            else:
                c = 1.0
            lp[ca, cb] = -c
    for b in m2m.TGT_ALPHA:
        lp[0, 1 + m2m.T_IDX[b]] = -(0.0 if b in "^$" else 0.5 if b in vow or b == "h" else 1.0)
    return lp


class HandModel(LearnedModel):
    def __init__(self, split, trans, sg=("clean",), tg=("clean",)):
        self.split, self.trans, self.sg, self.tg = split, trans, tuple(sg), tuple(tg)
        self.shapes = m2m.SHAPES_BASIC
        self.logp = hand_table()
        self.path = f"hand-{split.name}-{self.sg}-{self.tg}"
        self.uq = np.zeros(m2m.NS1)
        self.ue = np.zeros(m2m.NT1)


def make_hand(groups):
    def run(split, trans, proto):
        model = HandModel(split, trans, groups, groups)
        M_ = lp_matrix(model, proto, True)
        n = np.maximum(M_["nq"][:, None], M_["ne"][None, :]) - 2
        S = np.where(M_["LP"] <= -1e29, -np.inf, np.maximum(0.0, 1.0 + M_["LP"] / np.maximum(n, 1)))
        return result_from_scores(proto, S, M_["owner"], None, M_["seconds"])
    return run


_base_methods3 = methods


def methods():
    reg = _base_methods3()
    reg["wed-hand-fold"] = make_hand(("clean",))
    reg["wed-hand-rules"] = make_hand(tuple(CUM_GROUPS))
    return reg


# ===================================================================== calibration (final score)
import pickle as _pickle


ALPHAS = (0.5, 0.6, 0.7, 0.8, 0.9, 1.0)
TARGET = 0.8          # the calibrated score every script's DEV threshold (<= 2% false accepts) maps to


def raw_score(d, alpha):
    """LLR of each candidate divided by (query length + candidate length) ** alpha."""
    llr = d["lp"] - d["lq"] - d["le"]
    return llr / (d["nq"] + d["ne"]) ** alpha


def dump_tops(D, alpha):
    """(raw score, correct?) of each query's top candidate under raw_score(alpha)."""
    out = []
    for d, e in zip(D["details"], D["expect"]):
        if d is None:
            out.append((-1e9, False, None))
            continue
        s = raw_score(d, alpha)
        j = int(np.argmax(s))
        out.append((float(s[j]), e is not None and d["ent"][j].lower() == e.lower(), d["ent"][j]))
    return out


def fit_calibrator(dump_path):
    """On the DEV run: alpha maximising acc@1 at <= 2% false accepts; the DEV threshold t; the
    slope k of a logistic fit P(correct | raw score). Calibrated score = sigmoid(k (s - t) + logit(TARGET))."""
    from scipy.optimize import minimize
    D = _pickle.load(open(dump_path, "rb"))
    nin = sum(e is not None for e in D["expect"])
    best = None
    for a in ALPHAS:
        tops = dump_tops(D, a)
        t = C.threshold_for([s for s, _, _ in tops[nin:]])
        acc_t = sum(1 for s, ok, _ in tops[:nin] if ok and s >= t) / nin
        if best is None or acc_t > best[0] + 1e-9:
            best = (acc_t, a, t, tops)
    _, a, t, tops = best
    x = np.array([s for s, _, _ in tops if s > -1e8])
    y = np.array([1.0 if ok else 0.0 for s, ok, _ in tops if s > -1e8])

    def loss(p):
        z = p[0] * (x - t) + p[1]
        return np.mean(np.logaddexp(0, z) - y * z)
    k = float(minimize(loss, np.array([1.0, 0.0]), method="L-BFGS-B").x[0])
    return a, t, max(k, 1e-3)


def fit_pair_threshold(dump_path, alpha):
    """On the DEV run: the raw score at which `onoma match` says two names are the same. One pair
    is judged alone, not against a lexicon, so this is not the 2%-false-accept point of a search
    over 5,000 names (`fit_calibrator`'s t) but the best trade (Youden's J: right pairs passing
    minus near misses passing) between each in-lexicon query with its right name and each
    out-of-lexicon query with the closest other name the search found."""
    D = _pickle.load(open(dump_path, "rb"))
    right, near = [], []
    for d, e in zip(D["details"], D["expect"]):
        if d is None:
            (near if e is None else right).append(-1e9)
            continue
        s = raw_score(d, alpha)
        if e is None:
            near.append(float(s.max()))
        else:
            own = [float(s[j]) for j, en in enumerate(d["ent"]) if en.lower() == e.lower()]
            right.append(max(own) if own else -1e9)
    right, near = np.array(right), np.array(near)
    return float(max(np.unique(np.concatenate([right, near])), key=lambda t: (right >= t).mean() - (near >= t).mean()))


def calibrated(s, t, k):
    return 1.0 / (1.0 + math.exp(-(k * (s - t) + math.log(TARGET / (1 - TARGET)))))


def result_from_dump(proto, dump_path, cal, base: Result) -> Result:
    a, t, k = cal
    D = _pickle.load(open(dump_path, "rb"))
    tops = [(ent, calibrated(s, t, k) if ent is not None else 0.0) for s, _, ent in dump_tops(D, a)]
    nin = len(proto.queries_in)
    return Result(tops[:nin], [s for _, s in tops[nin:]], cands=base.cands, block_recall=base.block_recall,
                  seconds=base.seconds)


CALIBRATION = {}


def make_final(han=False, extra=False, bcfg=None, tag="final"):
    def run(split, trans, proto):
        import common as _C
        dev = _C.dev_protocol(split)
        outs = {}
        kw = {}
        ex = extra_pairs(split) if extra else []
        if ex:
            kw["extra"] = ex
            trans = dict(trans)
            trans["latin"] = {**trans["latin"], **C.translit([o for _, o in ex], split.lang, "latin")}
            trans["en_latin"] = {**trans["en_latin"], **C.translit([e for e, _ in ex], "en", "latin")}
        for which, pr in (("dev", dev), ("eval", proto)):
            path = os.path.join(C.OUT, "dumps", f"{split.name}-{tag}-{which}.pkl")
            os.makedirs(os.path.dirname(path), exist_ok=True)
            if han and split.name == "zh":
                r = run_blocked(split, trans, pr, "llr-per-char", bcfg, han_runner=HanRunner(split, trans), dump=path)
            else:
                model = get_model(split, trans, **kw) if not ex else LearnedModel(split, trans, **kw)
                r = run_blocked(split, trans, pr, "llr-per-char", bcfg, model=model, dump=path)
            outs[which] = (r, path)
        cal = fit_calibrator(outs["dev"][1])
        CALIBRATION[(tag, split.name)] = cal
        import json as _json
        cpath = os.path.join(C.OUT, f"calibration-{tag}.json")
        known = _json.load(open(cpath)) if os.path.exists(cpath) else {}
        known.update({f"{k[1]}": v for k, v in CALIBRATION.items() if k[0] == tag})
        with open(cpath, "w") as fh:
            _json.dump(known, fh, indent=1)
        return result_from_dump(proto, outs["eval"][1], cal, outs["eval"][0])
    return run


def dev_draw_dumps(split, trans, draws: int, tag: str) -> list[str]:
    """The candidate dumps of DEV draw 0 (written by make_final) and of draws 1..draws (written
    here when missing), which the posterior is fitted on."""
    import common as _C
    paths = [os.path.join(C.OUT, "dumps", f"{split.name}-{tag}-dev.pkl")]
    for d in range(1, draws + 1):
        path = os.path.join(C.OUT, "dumps", f"{split.name}-{tag}-dev{d}.pkl")
        if not os.path.exists(path):
            pr = _C.dev_protocol(split, d)
            if tag == "final-han":
                run_blocked(split, trans, pr, "llr-per-char", None, han_runner=HanRunner(split, trans), dump=path)
            else:
                run_blocked(split, trans, pr, "llr-per-char", None, model=get_model(split, trans), dump=path)
        paths.append(path)
    return paths


def extra_pairs(split):
    """Single-name pairs of the same script (ko, he) for learning, without any pair whose English
    or other-script word occurs in a DEV or EVAL name (no leakage)."""
    import common as _C
    if split.name not in _C.EXTRA_TRAIN:
        return []
    fname, _ = _C.EXTRA_TRAIN[split.name]
    held = set(split.eval_people) | {en.lower() for en, _ in split.dev}
    held_words, held_other = set(), set()
    for k in held:
        for en, o in split.forms[k]:
            held_words.update(_C.ascii_fold(w) for w in en.replace("-", " ").split())
            held_other.update(o.replace("-", " ").replace("·", " ").split())
    out = []
    for en, o in _C.read_pairs(fname):
        if _C.ascii_fold(en) in held_words or o in held_other:
            continue
        out.append((en, o))
    return out


_base_methods4 = methods


def methods():
    reg = _base_methods4()
    reg["final"] = make_final()
    reg["final-han"] = make_final(han=True, tag="final-han")
    reg["final-extra"] = make_final(extra=True, tag="final-extra")
    return reg


# ===================================================================== resolve posterior (final)
BETAS = (0.5, 1.0, 1.5, 2.0, 3.0, 4.0)
ACCEPT = 0.5          # global acceptance threshold on the posterior


def entity_scores(d, alpha):
    """Best raw score per entity among a query's candidates (word orders / forms collapse)."""
    s = raw_score(d, alpha)
    best = {}
    for k, en in enumerate(d["ent"]):
        if s[k] > best.get(en, -1e18):
            best[en] = float(s[k])
    return best


def posterior_tops(D, alpha, beta, b0):
    """Top entity and its posterior exp(beta s) / (exp(beta b0) + sum over candidates exp(beta s'))."""
    out = []
    for d, e in zip(D["details"], D["expect"]):
        if d is None:
            out.append((None, 0.0, False))
            continue
        best = entity_scores(d, alpha)
        ents = list(best)
        v = np.array([best[x] for x in ents])
        j = int(np.argmax(v))
        z = np.logaddexp.reduce(np.append(beta * v, beta * b0))
        out.append((ents[j], float(np.exp(beta * v[j] - z)), e is not None and ents[j].lower() == e.lower()))
    return out


def fit_posterior(dump_paths, alpha, max_fa=0.02):
    """beta and b0 on DEV: the most in-lexicon queries right with posterior >= ACCEPT (averaged
    over the DEV draws in `dump_paths`) while at most max_fa of the out-of-lexicon queries reach
    ACCEPT in every draw (the rate moves by a few tenths of a percent from draw to draw)."""
    draws = []
    for path in dump_paths:
        D = _pickle.load(open(path, "rb"))
        draws.append((D, sum(e is not None for e in D["expect"])))

    def worst_fa(beta, b0):
        rates = []
        for D, nin in draws:
            tops = posterior_tops(D, alpha, beta, b0)
            rates.append(sum(1 for _, p, _ in tops[nin:] if p >= ACCEPT) / (len(tops) - nin))
        return max(rates)

    best = None
    for beta in BETAS:
        lo, hi = -5.0, 15.0
        # smallest b0 (most permissive) meeting the FA bound, by bisection (FA falls as b0 rises)
        for _ in range(40):
            mid = (lo + hi) / 2
            if worst_fa(beta, mid) <= max_fa:
                hi = mid
            else:
                lo = mid
        acc = 0.0
        for D, nin in draws:
            tops = posterior_tops(D, alpha, beta, hi)
            acc += sum(1 for _, p, ok in tops[:nin] if ok and p >= ACCEPT) / nin / len(draws)
        if best is None or acc > best[0]:
            best = (acc, beta, hi)
    return best[1], best[2]


def make_final_post(han=False, tag="final"):
    """The recommended resolver: run (or reuse) the DEV and EVAL dumps of make_final, fit alpha
    (pair score), then beta and b0 (posterior) on DEV; report EVAL posteriors."""
    def run(split, trans, proto):
        t_ = tag if (han and split.name == "zh") or not han else "final"
        return _run_post(split, trans, proto, han, t_)
    return run


def _run_post(split, trans, proto, han, tag):
    if True:
        r = make_final(han=han, tag=tag)(split, trans, proto)
        dev = os.path.join(C.OUT, "dumps", f"{split.name}-{tag}-dev.pkl")
        ev = os.path.join(C.OUT, "dumps", f"{split.name}-{tag}-eval.pkl")
        alpha, t, k = fit_calibrator(dev)
        beta, b0 = fit_posterior([dev], alpha)
        import json as _json
        ppath = os.path.join(C.OUT, f"posterior-{tag}.json")
        known = _json.load(open(ppath)) if os.path.exists(ppath) else {}
        known[split.name] = [alpha, t, k, beta, b0]
        with open(ppath, "w") as fh:
            _json.dump(known, fh, indent=1)
        D = _pickle.load(open(ev, "rb"))
        tops = [(e, p) for e, p, _ in posterior_tops(D, alpha, beta, b0)]
        nin = len(proto.queries_in)
        return Result(tops[:nin], [p for _, p in tops[nin:]], cands=r.cands, block_recall=r.block_recall,
                      seconds=r.seconds)


_base_methods5 = methods


def methods():
    reg = _base_methods5()
    reg["final-pair"] = reg["final"]
    reg["final-pair-han"] = reg["final-han"]
    reg["final"] = make_final_post(han=True, tag="final-han")
    reg["final-pinyin"] = make_final_post(han=False, tag="final")
    return reg
