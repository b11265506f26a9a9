#!/usr/bin/env python3
"""Discriminative training of the m2m letter model's piece costs against near misses (issue 3).

    python3 scripts/names/discriminative.py --sets ru,ar,he,ko,ja            # DEV: EM vs trained
    python3 scripts/names/discriminative.py --sets ru --eval                 # also EVAL (once, at the end)

The EM model (m2m.py) maximises P(q, e) of right pairs; `onoma resolve` then ranks and accepts by
the length-normalised log-likelihood ratio s = (lp - lq - le) / (nq + ne)^alpha and the posterior
exp(beta s) / (exp(beta b0) + sum over candidates exp(beta s')). Here the piece costs (lp is the
Viterbi sum of log P(a, b) over the alignment's pieces) are trained for that posterior itself:

  * training queries come from TRAIN people only: protocols like the evaluation's (a lexicon of
    5,000 TRAIN names, 2,000 in-lexicon queries, 2,000 queries of TRAIN people not in it), the
    candidates are the blocker's (the same blocking as run_blocked, with the EM model's rendering);
  * loss (--loss ramp, the default): a smoothed count of the errors at the acceptance threshold
    tau, the score only --max-fa of the out-of-lexicon queries' best (wrong) candidates reach: an
    in-lexicon query is right when its right name beats tau and every wrong name, an
    out-of-lexicon query is wrong when its best candidate beats tau. tau is the mean score of
    the out-of-lexicon queries ranked around that quantile, differentiated as such, so raising
    every score gains nothing: wrong pairs' ABSOLUTE scores must fall. (--loss log: -log of the
    posterior of the right answer, b0 learned along: it lowers the loss on DEV as much as on
    TRAIN but leaves acc@1 at 2% false accepts where it was, since it spends itself on the bulk.)
  * gradient through the Viterbi alignment (a subgradient: the best path's pieces), Adam on the
    table, start from the EM costs, L2 pull towards them (--l2); the null models, alpha and beta
    stay the EM model's (alpha, beta from its DEV fit).

The result is a table of the same shape (log P, not normalised any more), so shipping it changes
only LetterModelTables.swift. DEV figures: alpha fitted on DEV draw 0 (fit_calibrator) and beta,
b0 on DEV draws 0-3 (the posterior fit of learn_tables.py), acc@1 with posterior >= 0.5 averaged
over the draws, and the worst draw's false-accept rate. EVAL (--eval): the same fit applied to the
EVAL protocol, both for the EM tables and the trained ones.
"""

from __future__ import annotations

import argparse
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
import m2m
import matcher as M
from eval_protocol import load

DEV_DRAWS = 4
SHAPES = m2m.SHAPES_FULL


# ---------------------------------------------------------------- DEV / EVAL figures from dumps
def entity_tops(path: str, alpha: float):
    """Per query of a dump: the best entity score, the other entities' scores, correct?, in-lexicon?"""
    with open(path, "rb") as f:
        D = pickle.load(f)
    out = []
    for d, e in zip(D["details"], D["expect"]):
        if d is None:
            out.append((-np.inf, np.zeros(0), False, e is not None))
            continue
        best = M.entity_scores(d, alpha)
        ents = list(best)
        v = np.array([best[x] for x in ents])
        j = int(np.argmax(v))
        out.append((float(v[j]), np.delete(v, j) - v[j], e is not None and ents[j].lower() == e.lower(),
                    e is not None))
    return out


def accept_bound(tops, beta: float) -> np.ndarray:
    """Per query: the largest b0 at which its top candidate's posterior still reaches M.ACCEPT
    (0.5): exp(beta (b0 - top)) + sum exp(beta (s' - top)) <= 1 (-inf: never)."""
    out = np.full(len(tops), -np.inf)
    for i, (top, rest, _, _) in enumerate(tops):
        if not np.isfinite(top):
            continue
        r = float(np.exp(beta * rest).sum())
        if r < 1.0:
            out[i] = top + math.log1p(-r) / beta
    return out


def fit_and_measure(draw_tops, max_fa: float):
    """M.fit_posterior's fit, solved exactly: for each beta the lowest b0 keeping every draw's
    false-accept rate <= max_fa, and the beta with the best mean acc@1. Returns
    (mean acc, per-draw acc, worst-draw FA, beta, b0)."""
    best = None
    for beta in M.BETAS:
        per = []
        b0 = -np.inf
        for tops in draw_tops:
            c = accept_bound(tops, beta)
            out = np.sort(np.array([x for x, t in zip(c, tops) if not t[3]]))[::-1]
            k = int(max_fa * len(out))
            if k < len(out):
                b0 = max(b0, out[k] + 1e-9)
            per.append(c)
        accs, fas = zip(*(apply_bounds(tops, c, b0) for tops, c in zip(draw_tops, per)))
        acc = float(np.mean(accs))
        if best is None or acc > best[0]:
            best = (acc, list(accs), max(fas), beta, float(b0))
    return best


def apply_fit(tops, beta: float, b0: float):
    """acc@1 and false-accept rate of one protocol's dump under a fitted posterior."""
    return apply_bounds(tops, accept_bound(tops, beta), b0)


def apply_bounds(tops, bounds, b0: float):
    """acc@1 and false-accept rate given each query's accept_bound: accepted when bound >= b0."""
    acc = [np.isfinite(x) and x >= b0 for x in bounds]
    ins = [t[2] and a for t, a in zip(tops, acc) if t[3]]
    outs = [a for t, a in zip(tops, acc) if not t[3]]
    return float(sum(ins) / len(ins)), float(sum(outs) / len(outs))


def dev_figures(dev_paths: list[str], max_fa: float, alpha: float | None = None):
    """alpha (fit_calibrator on the first draw unless given), beta and b0 fitted on the DEV dumps,
    mean acc@1 and worst false-accept rate."""
    alpha = M.fit_calibrator(dev_paths[0])[0] if alpha is None else alpha
    draw_tops = [entity_tops(p, alpha) for p in dev_paths]
    acc, accs, fa, beta, b0 = fit_and_measure(draw_tops, max_fa)
    return dict(alpha=alpha, acc=acc, accs=accs, worst_fa=fa, beta=beta, b0=b0)


# ---------------------------------------------------------------- training data (TRAIN only)
def train_protocols(split, draws: int) -> list[C.Protocol]:
    """Disjoint protocols over TRAIN people: 7,000 people each (lexicon 5,000, 2,000 + 2,000 queries)."""
    keys = sorted({en.lower() for en, _ in split.train})
    random.Random(f"{C.SEED}:{split.name}:disc").shuffle(keys)
    size = C.N_LEXICON + C.N_QUERIES
    return [C.make_protocol(keys[i * size:(i + 1) * size], split.forms, f"{split.name}:disc{i}")
            for i in range(min(draws, len(keys) // size))]


class TrainingData:
    """Flattened queries, lexicon variants and blocked candidates of several TRAIN protocols."""

    def __init__(self, split, trans, model, protos):
        qs, lq, es, le, cand, coff, cent, target = [], [], [], [], [], [0], [], []
        rtable = m2m.rendering_table(model.logp)
        swap = split.kind == "full"
        base = 0
        misses = 0
        for proto in protos:
            pes, peoff, owner, ple = model.enc_lexicon(proto.lexicon)
            es.extend(pes[peoff[v]:peoff[v + 1]] for v in range(len(owner)))
            le.extend(ple)
            variants_of = [[] for _ in proto.lexicon]
            for v, i in enumerate(owner):
                variants_of[i].append(v)
            blocker = BL.Blocker(M._lex_words(trans, proto.lexicon, swap))
            lexmap = {e.lower(): i for i, e in enumerate(proto.lexicon)}
            for q, en in [(q, en) for q, en in proto.queries_in] + [(q, None) for q in proto.queries_out]:
                qe = model.enc_query(q)
                words = M.query_words(split, trans, q)
                strings = M.blocking_strings("".join(words), rtable)
                ents = sorted(blocker.candidates(strings, words)) if any(strings) and len(qe) > 2 else []
                t = -1 if en is None else lexmap[en.lower()]
                if not ents or (t >= 0 and t not in ents):
                    misses += t >= 0
                    continue
                qs.append(qe)
                lq.append(model.uq[qe].sum())
                target.append(t)
                for i in ents:
                    for v in variants_of[i]:
                        cand.append(base + v)
                        cent.append(i)
                coff.append(len(cand))
            base += len(owner)
        self.Q, self.qoff = m2m.pack(qs)
        self.E, self.eoff = m2m.pack(es)
        self.lq = np.array(lq)
        self.le = np.array(le)
        self.cand = np.array(cand, dtype=np.int64)
        self.coff = np.array(coff, dtype=np.int64)
        self.cent = np.array(cent, dtype=np.int64)
        self.target = np.array(target, dtype=np.int64)
        self.misses = misses

    def __len__(self):
        return len(self.target)


# ---------------------------------------------------------------- the gradient (numba)
@njit(cache=True)
def _add_path(q, e, W, shapes, G, g):
    """G[a, b] += g for each piece (a, b) of the best alignment of q, e under W (m2m's Viterbi
    table, walked back along the step that reached each cell)."""
    A = m2m._forward(q, e, W, shapes, True)
    i, j = len(q), len(e)
    while i > 0 or j > 0:
        best, bk = -1e30, -1
        for k in range(shapes.shape[0]):
            la, lb = shapes[k, 0], shapes[k, 1]
            if la > i or lb > j or A[i - la, j - lb] <= -1e29:
                continue
            v = A[i - la, j - lb] + W[m2m._code(q, i - la, la, 29), m2m._code(e, j - lb, lb, 28)]
            if v > best:
                best, bk = v, k
        la, lb = shapes[bk, 0], shapes[bk, 1]
        G[m2m._code(q, i - la, la, 29), m2m._code(e, j - lb, lb, 28)] += g
        i -= la
        j -= lb


@njit(cache=True)
def _batch(idx, Q, qoff, lq, E, eoff, le, cand, coff, cent, target, W, shapes, dim,
           alpha, beta, b0, w_out, ramp, tau, temp, G, tops):
    """Loss over the queries idx and its gradient (into G; returned: d loss / d b0, or with ramp
    d loss / d tau); each query's best wrong entity's score into tops. Candidates are entities
    (an entity's best variant).
    ramp False: -log posterior of the right answer (the right entity, or b0's "none").
    ramp True: a smoothed count of the queries the threshold tau gets wrong: an in-lexicon query
    is right when its right entity beats both tau and every wrong entity, sigmoid(-(s+ - max(tau,
    s-)) / temp); an out-of-lexicon query counts w_out * sigmoid((s- - tau) / temp)."""
    loss = 0.0
    gb0 = 0.0
    A = np.empty((dim, dim))
    for t in range(len(idx)):
        p = idx[t]
        q = Q[qoff[p]:qoff[p + 1]]
        c0, c1 = coff[p], coff[p + 1]
        nc = c1 - c0
        v = np.empty(nc)
        qc1, qc2 = m2m._piece_codes(q, 29)
        for c in range(c0, c1):
            x = cand[c]
            e = E[eoff[x]:eoff[x + 1]]
            lp = m2m.viterbi_fast(qc1, qc2, e, W, A)
            v[c - c0] = (lp - lq[p] - le[x]) / (len(q) + len(e)) ** alpha
        # entity maxima (an entity's variants are adjacent)
        ebest = np.empty(nc, dtype=np.int64)     # candidate index of each entity's best variant
        eid = np.empty(nc, dtype=np.int64)
        ne_ = 0
        for c in range(nc):
            if c == 0 or cent[c0 + c] != cent[c0 + c - 1]:
                ebest[ne_] = c
                eid[ne_] = cent[c0 + c]
                ne_ += 1
            elif v[c] > v[ebest[ne_ - 1]]:
                ebest[ne_ - 1] = c
        g_ent = np.zeros(ne_)
        w = 1.0 if target[p] >= 0 else w_out
        kw, kr = -1, -1
        for k in range(ne_):
            if eid[k] == target[p]:
                kr = k
            elif kw < 0 or v[ebest[k]] > v[ebest[kw]]:
                kw = k
        tops[p] = v[ebest[kw]] if kw >= 0 else -1e30
        if ramp:
            if kr < 0:
                if kw >= 0:
                    x = (v[ebest[kw]] - tau) / temp
                    sg = 1.0 / (1.0 + math.exp(-x))
                    loss += w * sg
                    g_ent[kw] = w * sg * (1.0 - sg) / temp
                    gb0 -= g_ent[kw]
            else:
                rival = tau
                if kw >= 0 and v[ebest[kw]] > tau:
                    rival = v[ebest[kw]]
                x = -(v[ebest[kr]] - rival) / temp
                sg = 1.0 / (1.0 + math.exp(-x))
                loss += w * sg
                g = w * sg * (1.0 - sg) / temp
                g_ent[kr] = -g
                if rival > tau:
                    g_ent[kw] = g
                else:
                    gb0 += g
        else:
            mx = beta * b0
            for k in range(ne_):
                mx = max(mx, beta * v[ebest[k]])
            z = math.exp(beta * b0 - mx)
            for k in range(ne_):
                z += math.exp(beta * v[ebest[k]] - mx)
            pn = math.exp(beta * b0 - mx) / z
            if target[p] < 0:
                loss -= w * math.log(max(pn, 1e-300))
                gb0 += w * beta * (pn - 1.0)
            else:
                gb0 += w * beta * pn
            for k in range(ne_):
                pk = math.exp(beta * v[ebest[k]] - mx) / z
                y = 1.0 if k == kr else 0.0
                if y > 0:
                    loss -= w * math.log(max(pk, 1e-300))
                g_ent[k] = w * beta * (pk - y)
        for k in range(ne_):
            if abs(g_ent[k]) < 1e-6:
                continue
            x = cand[c0 + ebest[k]]
            e = E[eoff[x]:eoff[x + 1]]
            _add_path(q, e, W, shapes, G, g_ent[k] / (len(q) + len(e)) ** alpha)
    return loss, gb0


@njit(cache=True)
def _tau_paths(idx, Q, qoff, lq, E, eoff, le, cand, coff, cent, target, W, shapes, dim, alpha, g, G, tops):
    """For the out-of-lexicon queries idx (those whose scores define tau): refresh tops and add
    g times the best candidate's alignment pieces to G."""
    A = np.empty((dim, dim))
    for t in range(len(idx)):
        p = idx[t]
        q = Q[qoff[p]:qoff[p + 1]]
        qc1, qc2 = m2m._piece_codes(q, 29)
        best, bx = -1e30, -1
        for c in range(coff[p], coff[p + 1]):
            x = cand[c]
            e = E[eoff[x]:eoff[x + 1]]
            v = (m2m.viterbi_fast(qc1, qc2, e, W, A) - lq[p] - le[x]) / (len(q) + len(e)) ** alpha
            if v > best:
                best, bx = v, x
        tops[p] = best
        if bx >= 0:
            e = E[eoff[bx]:eoff[bx + 1]]
            _add_path(q, e, W, shapes, G, g / (len(q) + len(e)) ** alpha)


def train(data: TrainingData, logp0: np.ndarray, alpha: float, beta: float, b0: float, epochs: int = 3,
          lr: float = 0.02, l2: float = 1e-4, w_out: float = 1.0, batch: int = 256, ramp: bool = False,
          max_fa: float = 0.0175, temp_frac: float = 0.25, seed: int = C.SEED, verbose: bool = True):
    """Adam on the allowed cells of the table, from the EM table, minimising the mean loss plus
    l2/2 ||W - W0||^2; returns (W, b0). With ramp, tau is the score that max_fa of the
    out-of-lexicon queries' best candidates reach (a function of W, see window()) and temp
    temp_frac times their spread before training."""
    assert int(data.Q.max(initial=0)) < 29 and int(data.E.max(initial=0)) < 28
    mask = logp0 > m2m.NEG / 2
    W = logp0.copy()
    m_ = np.zeros_like(W)
    v_ = np.zeros_like(W)
    mb = vb = 0.0
    b1, b2, eps = 0.9, 0.999, 1e-8
    rng = np.random.default_rng(seed)
    dim = 1 + int(max(np.diff(data.qoff).max(), np.diff(data.eoff).max()))
    tops = np.zeros(len(data))
    out = data.target < 0

    def run(idx, W, b0, tau, temp, G):
        return _batch(idx, data.Q, data.qoff, data.lq, data.E, data.eoff, data.le, data.cand, data.coff,
                      data.cent, data.target, W, SHAPES, dim, alpha, beta, b0, w_out, ramp, tau, temp, G, tops)

    out_idx = np.flatnonzero(out)
    k = int(max_fa * len(out_idx))
    half = max(3, k // 5)

    def window():
        """The out-of-lexicon queries ranked k-half..k+half by their current best score: tau is
        their mean, so that tau moves with the table (no gain from shifting every score)."""
        o = tops[out_idx]
        order = np.argsort(-o)
        return out_idx[order[max(0, k - half):k + half + 1]]

    def refresh(win, G, g):
        _tau_paths(win, data.Q, data.qoff, data.lq, data.E, data.eoff, data.le, data.cand, data.coff, data.cent,
                   data.target, W, SHAPES, dim, alpha, g, G, tops)
        return float(tops[win].mean())
    tau = temp = 1.0
    if ramp:
        run(np.arange(len(data)), W, b0, tau, temp, np.zeros_like(W))
        o = tops[out_idx]
        temp = temp_frac * float(np.std(o[o > -1e29]))
        tau = float(tops[window()].mean())
    step = 0
    for ep in range(epochs):
        order = rng.permutation(len(data))
        total = 0.0
        t0 = time.time()
        for s in range(0, len(order), batch):
            idx = order[s:s + batch]
            G = np.zeros_like(W)
            if ramp:
                win = window()
                tau = refresh(win, G, 0.0)
            loss, gb0 = run(idx, W, b0, tau, temp, G)
            if ramp:
                refresh(win, G, gb0 / len(win))
            total += loss
            G = np.where(mask, G / len(idx) + l2 * (W - logp0), 0.0)
            gb0 /= len(idx)
            step += 1
            m_ = b1 * m_ + (1 - b1) * G
            v_ = b2 * v_ + (1 - b2) * G * G
            W = np.where(mask, W - lr * (m_ / (1 - b1 ** step)) / (np.sqrt(v_ / (1 - b2 ** step)) + eps), W)
            if not ramp:
                mb = b1 * mb + (1 - b1) * gb0
                vb = b2 * vb + (1 - b2) * gb0 * gb0
                b0 -= lr * (mb / (1 - b1 ** step)) / (math.sqrt(vb / (1 - b2 ** step)) + eps)
        if verbose:
            moved = np.abs(W - logp0)[mask]
            print(f"    epoch {ep + 1}: loss/query {total / len(data):.4f}  " +
                  (f"tau {tau:.3f} temp {temp:.3f}  " if ramp else f"b0 {b0:.3f}  ") +
                  f"mean |dW| {moved.mean():.4f}  max |dW| {moved.max():.3f}  {time.time() - t0:.0f}s", flush=True)
    return W, b0


# ---------------------------------------------------------------- runs
class TableModel(M.LearnedModel):
    """The EM model's null models and encodings with another operation table."""

    def __init__(self, base: M.LearnedModel, logp: np.ndarray, path: str):
        self.__dict__.update(base.__dict__)
        self.logp = logp
        self.path = path


def dump_runs(split, trans, model, tag: str, which: list[str]) -> dict[str, str]:
    """DEV draws 0..3 and/or EVAL through run_blocked with the model; dump paths (reused when present)."""
    paths = {}
    for w in which:
        path = os.path.join(C.OUT, "dumps", f"{split.name}-{tag}-{w}.pkl")
        if not os.path.exists(path):
            proto = C.eval_protocol(split) if w == "eval" else C.dev_protocol(split, int(w[3:] or 0))
            M.run_blocked(split, trans, proto, "llr-per-char", None, model=model, dump=path)
        paths[w] = path
    return paths


DEV = ["dev"] + [f"dev{d}" for d in range(1, DEV_DRAWS)]


def trained_table(split, trans, base, args, dev_fit) -> tuple[np.ndarray, str]:
    key = repr((split.name, base.path, args.train_draws, args.epochs, args.lr, args.l2, args.w_out, args.batch,
                dev_fit["alpha"], dev_fit["beta"], args.loss, args.max_fa, args.temp, "v2"))
    tag = "disc-" + hashlib.sha1(key.encode()).hexdigest()[:10]
    path = os.path.join(M.MODEL_DIR, f"{split.name}-{tag}.npy")
    if os.path.exists(path):
        return np.load(path), tag
    t = time.time()
    data = TrainingData(split, trans, base, train_protocols(split, args.train_draws))
    print(f"  {split.name}: {len(data)} TRAIN queries ({(data.target >= 0).sum()} in-lexicon, {data.misses} blocking "
          f"misses left out), {len(data.cand) / len(data):.0f} candidates/query, {time.time() - t:.0f}s", flush=True)
    W, _ = train(data, base.logp, dev_fit["alpha"], dev_fit["beta"], dev_fit["b0"], args.epochs, args.lr, args.l2,
                 args.w_out, args.batch, args.loss == "ramp", args.max_fa, args.temp)
    np.save(path, W)
    return W, tag


def trained_model(split, trans, args=None):
    """The EM model, its DEV fit, and the trained model with its tag (the name of its dumps):
    with the default hyper-parameters unless args are given."""
    args = args or parser().parse_args([])
    base = M.get_model(split, trans)
    before_paths = dump_runs(split, trans, base, "final", DEV)
    before = dev_figures([before_paths[w] for w in DEV], args.max_fa)
    W, tag = trained_table(split, trans, base, args, before)
    return base, before, TableModel(base, W, os.path.join(M.MODEL_DIR, f"{split.name}-{tag}.npy")), tag


def parser():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", default="ru,ar,he,ko,ja")
    ap.add_argument("--train-draws", type=int, default=3, help="TRAIN protocols (4,000 queries each)")
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--lr", type=float, default=0.03)
    ap.add_argument("--l2", type=float, default=1e-4)
    ap.add_argument("--w-out", type=float, default=1.0, help="weight of the out-of-lexicon queries' loss")
    ap.add_argument("--batch", type=int, default=256)
    ap.add_argument("--loss", choices=("log", "ramp"), default="ramp",
                    help="log: -log posterior of the right answer; ramp: smoothed errors at the FA threshold")
    ap.add_argument("--temp", type=float, default=0.25,
                    help="ramp: sigmoid temperature as a fraction of the spread of out-of-lexicon top scores")
    ap.add_argument("--max-fa", type=float, default=0.0175, help="as learn_tables.py")
    ap.add_argument("--eval", action="store_true", help="also the EVAL figures (read once per chosen variant)")
    return ap


def main():
    args = parser().parse_args()
    C.require_data()
    rows = []
    for s in args.sets.split(","):
        split, trans = load(s)
        base, before, model, tag = trained_model(split, trans, args)
        before_paths = dump_runs(split, trans, base, "final", DEV + (["eval"] if args.eval else []))
        after_paths = dump_runs(split, trans, model, tag, DEV + (["eval"] if args.eval else []))
        after = dev_figures([after_paths[w] for w in DEV], args.max_fa)
        for name, fit, paths in (("EM", before, before_paths), (tag, after, after_paths)):
            line = (f"{s:3s} {name:16s} DEV acc@1 {fit['acc']:.3f} (draws {' '.join(f'{a:.3f}' for a in fit['accs'])})"
                    f"  worst FA {fit['worst_fa']:.4f}  alpha {fit['alpha']} beta {fit['beta']} b0 {fit['b0']:.3f}")
            ev = None
            if args.eval:
                ev = apply_fit(entity_tops(paths["eval"], fit["alpha"]), fit["beta"], fit["b0"])
                line += f"  EVAL acc@1 {ev[0]:.3f} FA {ev[1]:.4f}"
            print(line, flush=True)
            rows.append((s, name, fit, ev))
    print("\n| set | table | DEV acc@1 (mean of 4 draws) | worst DEV FA |" + (" EVAL acc@1 | EVAL FA |" if args.eval else "")
          + "\n|---|---|---|---|" + ("---|---|" if args.eval else ""))
    for s, name, fit, ev in rows:
        print(f"| {s} | {name} | {fit['acc']:.3f} | {fit['worst_fa']:.4f} |"
              + (f" {ev[0]:.3f} | {ev[1]:.4f} |" if ev else ""))


if __name__ == "__main__":
    main()
