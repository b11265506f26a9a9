#!/usr/bin/env python3
"""Discriminative training of the Han character table against near misses (issue 3, zh).

    NUMBA_NUM_THREADS=1 python3 scripts/names/han_discriminative.py              # DEV: EM vs trained
    NUMBA_NUM_THREADS=1 python3 scripts/names/han_discriminative.py --gamma 1.2 --redraws 1 \\
        --tsv /tmp/han-zh.tsv --swift Sources/OnomaLexicon/HanModelTable.swift   # the shipped table

discriminative.py's protocol for the Han model (han.py): the score formula (best segmentation,
log P(e | characters) - log P0(e), over (characters + letters)^alpha), the null model, the
back-off to the syllable tables, the mixing with the "anything" distribution and the table format
stay; only the stored log-probabilities of the table's rows (a character's own pieces and the
syllables' pieces, as shipped: rows below min-p dropped) are retrained, no longer normalised.
TRAIN protocols with the blocker's candidates, the smoothed count of errors at the moving
threshold tau (the score --max-fa of the out-of-lexicon queries' best wrong candidates reach),
Adam, the gradient through the best segmentation: each piece of the best path is a character's
row mixed from its own and its syllable's probabilities, and the gradient goes to both.

DEV figures as discriminative.py's (alpha from the EM fit, beta and b0 fitted on DEV draws 0-3,
every draw <= --max-fa, acc@1 of the posterior alone; with --gamma each query's top lowered by
its spelling count's term): the EM table as trained, the EM table as shipped (pruned), the
trained one. Result (README, "the Han table trained against near misses"): 0.293 -> 0.319
without the count, 0.331 -> 0.331 with it; with the count and twice the TRAIN protocols
(--gamma 1.2 --redraws 1, the shipped table) 0.331 -> 0.347.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import math
import os
import pickle
import random
import time

import numpy as np
from numba import njit

import blocking as BL
import common as C
import ambiguity as A
import discriminative as D
import han as H
import learn_tables as LT
import m2m
import matcher as M
from eval_protocol import load

MIN_P = 1e-3    # learn_tables.py writes the Han rows with p >= 100 * --min-p
BACKOFF_LIMIT = 50.0


def pruned(model: H.HanModel, min_p: float = MIN_P) -> H.HanModel:
    """The model as the shipped table has it: rows below min_p dropped."""
    m = copy.copy(model)
    m.table = {c: {b: p for b, p in t.items() if p >= min_p} for c, t in model.table.items()}
    m.syl_table = {s: {b: p for b, p in t.items() if p >= min_p} for s, t in model.syl_table.items()}
    return m


class Entries:
    """The trainable rows of a table and, per character, the pieces a query of it may write
    (its own rows and its syllable's), sorted by piece code, with how each piece's log P is mixed:
    lp = log((1 - lambda) P + lambda P_any), P = own, or (n own + K syl) / (n + K) when the
    character was seen fewer than 50 times and has a syllable table."""

    def __init__(self, model: H.HanModel, chars):
        self.model = model
        self.own_keys, self.syl_keys = [], []
        own_index, syl_index = {}, {}
        for c, t in model.table.items():
            for b, p in t.items():
                own_index[c, b] = len(self.own_keys)
                self.own_keys.append((c, b, math.log(p)))
        for s, t in model.syl_table.items():
            for b, p in t.items():
                syl_index[s, b] = len(self.syl_keys)
                self.syl_keys.append((s, b, math.log(p)))
        self.w_own = np.array([w for _, _, w in self.own_keys])
        self.w_syl = np.array([w for _, _, w in self.syl_keys])
        self.char_index = {}
        codes, own, syl, c_own, c_syl, anyp, off = [], [], [], [], [], [], [0]
        for c in sorted(chars):
            self.char_index[c] = len(off) - 1
            t = model.table.get(c, {})
            n = model.char_count.get(c, 0.0)
            s = model.pinyin.get(c)
            st = model.syl_table.get(s) if s is not None and (c not in model.table or n < BACKOFF_LIMIT) else None
            pieces = set(t) | set(st or ())
            for b in sorted(pieces, key=H.code):
                codes.append(H.code(b))
                own.append(own_index.get((c, b), -1))
                syl.append(syl_index.get((s, b), -1) if st is not None else -1)
                c_own.append(n / (n + H.BACKOFF_K) if st is not None else 1.0)
                c_syl.append(H.BACKOFF_K / (n + H.BACKOFF_K) if st is not None else 0.0)
                anyp.append(H.LAMBDA * math.exp(model.any_logp(b)))
            off.append(len(codes))
        self.codes = np.array(codes, dtype=np.int64)
        self.own = np.array(own, dtype=np.int64)
        self.syl = np.array(syl, dtype=np.int64)
        self.c_own, self.c_syl, self.anyp = np.array(c_own), np.array(c_syl), np.array(anyp)
        self.off = np.array(off, dtype=np.int64)

    def parts(self, w_own, w_syl):
        """Each entry's (1 - lambda) own and syllable shares of P, and its log P."""
        po = np.where(self.own >= 0, (1 - H.LAMBDA) * self.c_own * np.exp(w_own[np.maximum(self.own, 0)]), 0.0)
        ps = np.where(self.syl >= 0, (1 - H.LAMBDA) * self.c_syl * np.exp(w_syl[np.maximum(self.syl, 0)]), 0.0)
        return po, ps, np.log(po + ps + self.anyp)

    def chain(self, g_entry, po, ps, lp):
        """d loss / d w_own, d w_syl from d loss / d lp of each entry."""
        pe = np.exp(lp)
        g_own = np.zeros_like(self.w_own)
        g_syl = np.zeros_like(self.w_syl)
        k = self.own >= 0
        np.add.at(g_own, self.own[k], (g_entry * po / pe)[k])
        k = self.syl >= 0
        np.add.at(g_syl, self.syl[k], (g_entry * ps / pe)[k])
        return g_own, g_syl

    def model_with(self, w_own, w_syl) -> H.HanModel:
        """A HanModel whose rows carry the given log-probabilities."""
        m = copy.copy(self.model)
        m.table = {c: {} for c in self.model.table}
        m.syl_table = {s: {} for s in self.model.syl_table}
        for (c, b, _), w in zip(self.own_keys, w_own):
            m.table[c][b] = math.exp(w)
        for (s, b, _), w in zip(self.syl_keys, w_syl):
            m.syl_table[s][b] = math.exp(w)
        return m


def spelling_shift(split, trans, gamma: float):
    """The binary's NameAmbiguity term of a query: gamma ln(English spellings of its pinyin in
    TRAIN), by which its threshold rises (0 with gamma 0)."""
    spell = A.spellings("zh") if gamma else {}

    def shift(q):
        source = "".join(ch for ch in "".join(M.query_words(split, trans, q)) if ch in A.LETTERS)
        return gamma * math.log(spell.get(source, 1))
    return shift


def train_protocols(split, draws: int, redraws: int) -> list[C.Protocol]:
    """discriminative.train_protocols, and with redraws that many more rounds of protocols over
    other orders of the same TRAIN people (other lexicons and queries; people recur across rounds)."""
    protos = D.train_protocols(split, draws)
    keys = sorted({en.lower() for en, _ in split.train})
    size = C.N_LEXICON + C.N_QUERIES
    for r in range(1, redraws + 1):
        order = list(keys)
        random.Random(f"{C.SEED}:{split.name}:disc-redraw{r}").shuffle(order)
        protos += [C.make_protocol(order[i * size:(i + 1) * size], split.forms, f"{split.name}:disc-redraw{r}-{i}")
                   for i in range(min(draws, len(order) // size))]
    return protos


def dev_figures(split, paths, max_fa: float, alpha: float, shift_of):
    """discriminative.dev_figures with each query's top lowered by its spelling shift."""
    draw_tops = []
    for d, path in enumerate(paths):
        proto = C.dev_protocol(split, d)
        qs = [q for q, _ in proto.queries_in] + list(proto.queries_out)
        draw_tops.append([(top - shift_of(q), rest, right, inside)
                          for q, (top, rest, right, inside) in zip(qs, D.entity_tops(path, alpha))])
    acc, accs, fa, beta, b0 = D.fit_and_measure(draw_tops, max_fa)
    return dict(alpha=alpha, acc=acc, accs=accs, worst_fa=fa, beta=beta, b0=b0)


class TrainingData:
    """Queries (as character indices), lexicon names and the blocker's candidates of TRAIN protocols."""

    def __init__(self, split, trans, runner: M.HanRunner, protos, shift_of):
        model = runner.model
        self.chars = sorted({c for p in protos for q in p.queries_in + [(q, None) for q in p.queries_out]
                             for c in H.han_chars(q[0])})
        qs, es, le, cand, coff, target, shift = [], [], [], [], [0], [], []
        swap = split.kind == "full"
        base = 0
        self.misses = 0
        for proto in protos:
            pes, peoff, owner, ple = runner.enc_lexicon(proto.lexicon)
            es.extend(pes[peoff[v]:peoff[v + 1]] for v in range(len(owner)))
            le.extend(ple)
            blocker = BL.Blocker(M._lex_words(trans, proto.lexicon, swap))
            lexmap = {e.lower(): i for i, e in enumerate(proto.lexicon)}
            for q, en in [(q, en) for q, en in proto.queries_in] + [(q, None) for q in proto.queries_out]:
                cs = H.han_chars(q)
                if not cs:
                    continue
                strings = [model.best_rendering(cs), "".join(M.query_words(split, trans, q))]
                ents = sorted(blocker.candidates(strings, strings[:1])) if any(strings) else []
                t = -1 if en is None else lexmap[en.lower()]
                if not ents or (t >= 0 and t not in ents):
                    self.misses += t >= 0
                    continue
                qs.append(cs)
                shift.append(shift_of(q))
                target.append(-1 if t < 0 else base + t)
                cand.extend(base + i for i in ents)       # one lexicon string per entity
                coff.append(len(cand))
            base += len(owner)
        self.qs = qs
        self.E, self.eoff = m2m.pack(es)
        self.le = np.array(le)
        self.cand = np.array(cand, dtype=np.int64)
        self.coff = np.array(coff, dtype=np.int64)
        self.target = np.array(target, dtype=np.int64)
        self.shift = np.array(shift)

    def index(self, entries: Entries):
        self.Q, self.qoff = m2m.pack([np.array([entries.char_index[c] for c in cs], dtype=np.int64)
                                      for cs in self.qs])
        self.Q = self.Q.astype(np.int64)

    def __len__(self):
        return len(self.target)


# ---------------------------------------------------------------- scoring and the gradient (numba)
@njit(cache=True)
def _forward(q, e, codes, lp, off, uni, len_logp, loglam, A, back):
    """han._han_score over the entries of the query's characters; back[i, j] = entry of the last
    piece of the best path to (i, j) (-1: the anything distribution) and its length (back2)."""
    n, m = len(q), len(e)
    for j in range(m + 1):
        A[0, j] = -1e30
    A[0, 0] = 0.0
    for i in range(1, n + 1):
        lo0, hi0 = off[q[i - 1]], off[q[i - 1] + 1]
        for j in range(m + 1):
            best, bpos, blen = -1e30, -1, 0
            for l in range(0, min(4, j) + 1):
                prev = A[i - 1, j - l]
                if prev <= -1e29:
                    continue
                key = 0
                anyv = len_logp[l] + loglam
                for k in range(j - l, j):
                    key = key * 27 + e[k] + 1
                    anyv += uni[e[k]]
                pos = H._lookup(codes, lp, lo0, hi0, key)
                if pos < hi0 and codes[pos] == key:
                    v = lp[pos]
                else:
                    v, pos = anyv, -1
                if prev + v > best:
                    best, bpos, blen = prev + v, pos, l
            A[i, j] = best
            back[i, j, 0] = bpos
            back[i, j, 1] = blen
    return A[n, m]


@njit(cache=True)
def _add_path(n, m, back, G, g):
    i, j = n, m
    while i > 0:
        pos, l = back[i, j, 0], back[i, j, 1]
        if pos >= 0:
            G[pos] += g
        i -= 1
        j -= l


@njit(cache=True)
def _scores(p, Q, qoff, E, eoff, le, cand, coff, shift, codes, lp, off, uni, len_logp, loglam, alpha, A, back, v):
    q = Q[qoff[p]:qoff[p + 1]]
    for c in range(coff[p], coff[p + 1]):
        x = cand[c]
        e = E[eoff[x]:eoff[x + 1]]
        v[c - coff[p]] = (_forward(q, e, codes, lp, off, uni, len_logp, loglam, A, back) - le[x]) / \
            (len(q) + len(e)) ** alpha - shift[p]


@njit(cache=True)
def _grad(p, x, Q, qoff, E, eoff, codes, lp, off, uni, len_logp, loglam, alpha, A, back, G, g):
    q = Q[qoff[p]:qoff[p + 1]]
    e = E[eoff[x]:eoff[x + 1]]
    _forward(q, e, codes, lp, off, uni, len_logp, loglam, A, back)
    _add_path(len(q), len(e), back, G, g / (len(q) + len(e)) ** alpha)


@njit(cache=True)
def _batch(idx, Q, qoff, E, eoff, le, cand, coff, shift, target, codes, lp, off, uni, len_logp, loglam, alpha,
           tau, temp, dim, G, tops):
    """discriminative._batch's ramp loss (one lexicon string per entity): an in-lexicon query
    counts sigmoid(-(s+ - max(tau, s-)) / temp), an out-of-lexicon one sigmoid((s- - tau) / temp);
    the gradient into G (per entry), d loss / d tau returned."""
    loss, gtau = 0.0, 0.0
    A = np.empty((dim, dim))
    back = np.empty((dim, dim, 2), dtype=np.int64)
    v = np.empty(coff[-1])
    for t in range(len(idx)):
        p = idx[t]
        nc = coff[p + 1] - coff[p]
        _scores(p, Q, qoff, E, eoff, le, cand, coff, shift, codes, lp, off, uni, len_logp, loglam, alpha, A, back, v)
        kr, kw = -1, -1
        for k in range(nc):
            if cand[coff[p] + k] == target[p]:
                kr = k
            elif kw < 0 or v[k] > v[kw]:
                kw = k
        tops[p] = v[kw] if kw >= 0 else -1e30
        if kr < 0:
            if kw >= 0:
                sg = 1.0 / (1.0 + math.exp(-(v[kw] - tau) / temp))
                loss += sg
                g = sg * (1.0 - sg) / temp
                gtau -= g
                _grad(p, cand[coff[p] + kw], Q, qoff, E, eoff, codes, lp, off, uni, len_logp, loglam, alpha, A, back,
                      G, g)
        else:
            rival = tau
            if kw >= 0 and v[kw] > tau:
                rival = v[kw]
            sg = 1.0 / (1.0 + math.exp((v[kr] - rival) / temp))
            loss += sg
            g = sg * (1.0 - sg) / temp
            _grad(p, cand[coff[p] + kr], Q, qoff, E, eoff, codes, lp, off, uni, len_logp, loglam, alpha, A, back,
                  G, -g)
            if rival > tau:
                _grad(p, cand[coff[p] + kw], Q, qoff, E, eoff, codes, lp, off, uni, len_logp, loglam, alpha, A, back,
                      G, g)
            else:
                gtau += g
    return loss, gtau



@njit(cache=True)
def _tau_paths(win, Q, qoff, E, eoff, le, cand, coff, shift, codes, lp, off, uni, len_logp, loglam, alpha, dim, g, G,
               tops):
    """For the out-of-lexicon queries win (those whose scores define tau): refresh tops and add g
    times the best candidate's path to G."""
    A = np.empty((dim, dim))
    back = np.empty((dim, dim, 2), dtype=np.int64)
    v = np.empty(coff[-1])
    for t in range(len(win)):
        p = win[t]
        _scores(p, Q, qoff, E, eoff, le, cand, coff, shift, codes, lp, off, uni, len_logp, loglam, alpha, A, back, v)
        k = int(np.argmax(v[:coff[p + 1] - coff[p]]))
        tops[p] = v[k]
        if g != 0.0:
            _grad(p, cand[coff[p] + k], Q, qoff, E, eoff, codes, lp, off, uni, len_logp, loglam, alpha, A, back, G, g)


def train(data: TrainingData, ent: Entries, alpha: float, epochs: int, lr: float, l2: float, batch: int,
          max_fa: float, temp_frac: float, seed: int = C.SEED):
    """Adam on the rows' log-probabilities from the EM table, minimising the mean ramp loss plus
    l2/2 ||w - w0||^2, tau the mean score of the out-of-lexicon queries ranked around max_fa
    (discriminative.train's window). Returns (w_own, w_syl)."""
    no = len(ent.w_own)
    w0 = np.concatenate([ent.w_own, ent.w_syl])
    w = w0.copy()
    m_, v_ = np.zeros_like(w), np.zeros_like(w)
    b1, b2, eps = 0.9, 0.999, 1e-8
    rng = np.random.default_rng(seed)
    dim = 1 + int(max(np.diff(data.qoff).max(), np.diff(data.eoff).max()))
    tops = np.zeros(len(data))
    m = ent.model
    fixed = (data.Q, data.qoff, data.E, data.eoff, data.le, data.cand, data.coff, data.shift)
    consts = (m.uni, m.len_logp, math.log(H.LAMBDA), alpha)
    out_idx = np.flatnonzero(data.target < 0)
    k = int(max_fa * len(out_idx))
    half = max(3, k // 5)

    def window():
        order = np.argsort(-tops[out_idx])
        return out_idx[order[max(0, k - half):k + half + 1]]

    def tau_paths(win, lp, g, G):
        _tau_paths(win, *fixed, ent.codes, lp, ent.off, *consts, dim, g, G, tops)
        return float(tops[win].mean())

    lp = ent.parts(w[:no], w[no:])[2]
    tau_paths(out_idx, lp, 0.0, np.zeros(1))
    o = tops[out_idx]
    temp = temp_frac * float(np.std(o[o > -1e29]))
    step = 0
    for ep in range(epochs):
        order = rng.permutation(len(data))
        total, t0 = 0.0, time.time()
        for s in range(0, len(order), batch):
            idx = order[s:s + batch]
            po, ps, lp = ent.parts(w[:no], w[no:])
            G = np.zeros(len(lp))
            win = window()
            tau = tau_paths(win, lp, 0.0, G)
            loss, gtau = _batch(idx, *fixed, data.target, ent.codes, lp, ent.off, *consts, tau, temp, dim, G, tops)
            tau_paths(win, lp, gtau / len(win), G)
            total += loss
            g_own, g_syl = ent.chain(G, po, ps, lp)
            grad = np.concatenate([g_own, g_syl]) / len(idx) + l2 * (w - w0)
            step += 1
            m_ = b1 * m_ + (1 - b1) * grad
            v_ = b2 * v_ + (1 - b2) * grad * grad
            w -= lr * (m_ / (1 - b1 ** step)) / (np.sqrt(v_ / (1 - b2 ** step)) + eps)
        moved = np.abs(w - w0)
        print(f"    epoch {ep + 1}: loss/query {total / len(data):.4f}  tau {tau:.3f} temp {temp:.3f}  "
              f"mean |dw| {moved.mean():.4f}  max |dw| {moved.max():.3f}  {time.time() - t0:.0f}s", flush=True)
    return w[:no], w[no:]


# ---------------------------------------------------------------- runs
class TableRunner(M.HanRunner):
    """The EM runner's data and encodings with another table."""

    def __init__(self, base: M.HanRunner, model: H.HanModel, path: str):
        self.split, self.trans, self.model, self.path = base.split, base.trans, model, path


def dev_dumps(split, trans, runner, tag: str) -> list[str]:
    """DEV draws 0..3 through run_blocked with the runner's table (reused when present)."""
    paths = []
    for d in range(D.DEV_DRAWS):
        path = os.path.join(C.OUT, "dumps", f"zh-{tag}-dev{d or ''}.pkl")
        if not os.path.exists(path):
            M.run_blocked(split, trans, C.dev_protocol(split, d), "llr-per-char", None, han_runner=runner, dump=path)
        paths.append(path)
    return paths


def trained_model(split, trans, args):
    """The EM runner, its shipped (pruned) table as a runner, and the trained one with its tag."""
    base = M.HanRunner(split, trans)
    shipped = TableRunner(base, pruned(base.model), base.path + ".pruned")
    em_fit = D.dev_figures(dev_dumps(split, trans, base, "final-han"), args.max_fa)
    key = repr((base.path, args.train_draws, args.epochs, args.lr, args.l2, args.batch, em_fit["alpha"], args.max_fa,
                args.temp, "v1") + ((args.gamma,) if args.gamma else ()) + ((args.redraws,) if args.redraws else ()))
    tag = "han-disc-" + hashlib.sha1(key.encode()).hexdigest()[:10]
    path = os.path.join(M.MODEL_DIR, f"zh-{tag}.pkl")
    if os.path.exists(path):
        with open(path, "rb") as f:
            model = pickle.load(f)
    else:
        t = time.time()
        data = TrainingData(split, trans, shipped, train_protocols(split, args.train_draws, args.redraws),
                            spelling_shift(split, trans, args.gamma))
        ent = Entries(shipped.model, data.chars)
        data.index(ent)
        print(f"  zh: {len(data)} TRAIN queries ({(data.target >= 0).sum()} in-lexicon, {data.misses} blocking "
              f"misses left out), {len(data.cand) / len(data):.0f} candidates/query, {len(ent.w_own)} + "
              f"{len(ent.w_syl)} rows, {time.time() - t:.0f}s", flush=True)
        w_own, w_syl = train(data, ent, em_fit["alpha"], args.epochs, args.lr, args.l2, args.batch, args.max_fa,
                             args.temp)
        model = pruned(ent.model_with(w_own, w_syl))
        with open(path, "wb") as f:
            pickle.dump(model, f)
    return base, shipped, em_fit, TableRunner(base, model, path), tag


def parser():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--train-draws", type=int, default=3, help="TRAIN protocols (4,000 queries each)")
    ap.add_argument("--redraws", type=int, default=0,
                    help="more rounds of TRAIN protocols over other orders of the same people")
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--lr", type=float, default=0.03)
    ap.add_argument("--l2", type=float, default=1e-4)
    ap.add_argument("--batch", type=int, default=256)
    ap.add_argument("--temp", type=float, default=0.25,
                    help="sigmoid temperature as a fraction of the spread of out-of-lexicon top scores")
    ap.add_argument("--gamma", type=float, default=0.0,
                    help="train (and measure) against the binary's threshold with NameAmbiguity: raised by gamma "
                         "ln(English spellings of the query's pinyin), as ambiguity.py's FIT has it (1.2)")
    ap.add_argument("--max-fa", type=float, default=0.0175, help="as learn_tables.py")
    ap.add_argument("--tsv", help="write the trained table here (learn_tables.py's han-zh.tsv format)")
    ap.add_argument("--swift", help="with --tsv: also as Sources/OnomaLexicon/HanModelTable.swift")
    return ap


def main():
    args = parser().parse_args()
    C.require_data()
    split, trans = load("zh")
    base, shipped, em_fit, trained, tag = trained_model(split, trans, args)
    shift_of = spelling_shift(split, trans, args.gamma)
    rows = []
    for name, runner, t in (("EM", base, "final-han"), ("EM shipped", shipped, "han-em-pruned"), (tag, trained, tag)):
        paths = dev_dumps(split, trans, runner, t)
        rows.append((name, dev_figures(split, paths, args.max_fa, em_fit["alpha"], shift_of)))
    for name, fit in rows:
        print(f"zh {name:20s} DEV acc@1 {fit['acc']:.3f} (draws {' '.join(f'{a:.3f}' for a in fit['accs'])})  "
              f"worst FA {fit['worst_fa']:.4f}  alpha {fit['alpha']} beta {fit['beta']} b0 {fit['b0']:.3f}")
    dev0 = os.path.join(C.OUT, "dumps", f"zh-{tag}-dev.pkl")
    a, t, k = M.fit_calibrator(dev0)
    print(f"calibration of the trained table on DEV draw 0: alpha {a} t {t:.4f} k {k:.4f} "
          f"pair_t {M.fit_pair_threshold(dev0, a):.4f}")
    if args.tsv:
        LT.write_han(trained.model, args.tsv, MIN_P)
        if args.swift:
            LT.write_han_swift(args.tsv, args.swift)


if __name__ == "__main__":
    main()
