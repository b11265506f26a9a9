"""Learned letter correspondences: a many-to-many stochastic edit model (Ristad & Yianilos 1998,
generalised to substrings as in Jiampojamarn et al. 2007's m2m-aligner), learned by EM.

Strings: source = the query's folded transliteration (a-z, ' and the boundary marks ^ $),
target = the English key (a-z, ^ $). An alignment cuts both strings into the same number of
pieces; piece pairs (a, b) with |a| <= 2, |b| <= 2 (not both empty) are the edit operations, with
a joint probability P(a, b). Cost of an operation = -log P(a, b). The score of a pair is the
best alignment's log probability (Viterbi) or the sum over alignments (forward).

The learned table ships as TSV: source<TAB>target<TAB>cost (cost = -ln P, 3 decimals; empty
string written as "-"), only operations with P above a floor; a default cost applies to others.
"""

from __future__ import annotations

import math

import numpy as np
from numba import njit, prange

SRC_ALPHA = "abcdefghijklmnopqrstuvwxyz'^$"
TGT_ALPHA = "abcdefghijklmnopqrstuvwxyz^$"
NS1 = len(SRC_ALPHA)            # 29
NT1 = len(TGT_ALPHA)            # 28
NS = 1 + NS1 + NS1 * NS1        # codes of source pieces of length 0..2
NT = 1 + NT1 + NT1 * NT1
S_IDX = {c: i for i, c in enumerate(SRC_ALPHA)}
T_IDX = {c: i for i, c in enumerate(TGT_ALPHA)}
NEG = -1e30


def enc_src(s: str) -> np.ndarray:
    return np.array([S_IDX[c] for c in s if c in S_IDX], dtype=np.int32)


def enc_tgt(s: str) -> np.ndarray:
    return np.array([T_IDX[c] for c in s if c in T_IDX], dtype=np.int32)


def piece_code(seq, start, length, n1):
    if length == 0:
        return 0
    if length == 1:
        return 1 + seq[start]
    return 1 + n1 + seq[start] * n1 + seq[start + 1]


def decode(code: int, alpha: str) -> str:
    n1 = len(alpha)
    if code == 0:
        return ""
    if code <= n1:
        return alpha[code - 1]
    c = code - 1 - n1
    return alpha[c // n1] + alpha[c % n1]


# Allowed operation shapes (|a|, |b|).
SHAPES_FULL = np.array([(1, 0), (0, 1), (1, 1), (1, 2), (2, 1), (2, 2), (2, 0), (0, 2)], dtype=np.int32)
SHAPES_BASIC = np.array([(1, 0), (0, 1), (1, 1)], dtype=np.int32)
SHAPES_M2M = np.array([(1, 0), (0, 1), (1, 1), (1, 2), (2, 1)], dtype=np.int32)


@njit(cache=True)
def _code(seq, start, length, n1):
    if length == 0:
        return 0
    if length == 1:
        return 1 + seq[start]
    return 1 + n1 + seq[start] * n1 + seq[start + 1]


@njit(cache=True)
def _lse(a, b):
    if a < b:
        a, b = b, a
    if b <= -1e29:
        return a
    return a + math.log1p(math.exp(b - a))


@njit(cache=True)
def _forward(q, e, logp, shapes, viterbi):
    n, m = len(q), len(e)
    A = np.full((n + 1, m + 1), -1e30)
    A[0, 0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            if i == 0 and j == 0:
                continue
            best = -1e30
            for k in range(shapes.shape[0]):
                la, lb = shapes[k, 0], shapes[k, 1]
                if la > i or lb > j:
                    continue
                prev = A[i - la, j - lb]
                if prev <= -1e29:
                    continue
                v = prev + logp[_code(q, i - la, la, 29), _code(e, j - lb, lb, 28)]
                if viterbi:
                    if v > best:
                        best = v
                else:
                    best = _lse(best, v)
            A[i, j] = best
    return A


@njit(cache=True)
def _backward(q, e, logp, shapes):
    n, m = len(q), len(e)
    Bt = np.full((n + 1, m + 1), -1e30)
    Bt[n, m] = 0.0
    for i in range(n, -1, -1):
        for j in range(m, -1, -1):
            if i == n and j == m:
                continue
            best = -1e30
            for k in range(shapes.shape[0]):
                la, lb = shapes[k, 0], shapes[k, 1]
                if i + la > n or j + lb > m:
                    continue
                nxt = Bt[i + la, j + lb]
                if nxt <= -1e29:
                    continue
                best = _lse(best, nxt + logp[_code(q, i, la, 29), _code(e, j, lb, 28)])
            Bt[i, j] = best
    return Bt


@njit(cache=True)
def _estep(qs, qoff, es, eoff, logp, shapes, counts):
    total = 0.0
    npairs = len(qoff) - 1
    for p in range(npairs):
        q = qs[qoff[p]:qoff[p + 1]]
        e = es[eoff[p]:eoff[p + 1]]
        n, m = len(q), len(e)
        A = _forward(q, e, logp, shapes, False)
        Z = A[n, m]
        if Z <= -1e29:
            continue
        total += Z
        Bt = _backward(q, e, logp, shapes)
        for i in range(n + 1):
            for j in range(m + 1):
                if A[i, j] <= -1e29:
                    continue
                for k in range(shapes.shape[0]):
                    la, lb = shapes[k, 0], shapes[k, 1]
                    if i + la > n or j + lb > m:
                        continue
                    nb = Bt[i + la, j + lb]
                    if nb <= -1e29:
                        continue
                    ca = _code(q, i, la, 29)
                    cb = _code(e, j, lb, 28)
                    post = math.exp(A[i, j] + logp[ca, cb] + nb - Z)
                    counts[ca, cb] += post
    return total


def pack(strings):
    off = np.zeros(len(strings) + 1, dtype=np.int64)
    for i, s in enumerate(strings):
        off[i + 1] = off[i] + len(s)
    flat = np.concatenate(strings) if strings else np.zeros(0, dtype=np.int32)
    return flat.astype(np.int32), off


def allowed_mask(shapes) -> np.ndarray:
    mask = np.zeros((NS, NT), dtype=bool)
    lens_s = np.array([0] + [1] * NS1 + [2] * NS1 * NS1)
    lens_t = np.array([0] + [1] * NT1 + [2] * NT1 * NT1)
    for la, lb in shapes:
        mask[np.ix_(lens_s == la, lens_t == lb)] = True
    return mask


def train(pairs: list[tuple[str, str]], shapes=SHAPES_FULL, iters: int = 8, floor: float = 1e-6,
          smooth: float = 0.01, verbose: bool = False) -> np.ndarray:
    """EM over (source, target) strings (already with ^ $ marks). Returns log P as (NS, NT)."""
    qs, qoff = pack([enc_src(q) for q, _ in pairs])
    es, eoff = pack([enc_tgt(e) for _, e in pairs])
    mask = allowed_mask(shapes)
    # init: uniform over allowed ops, identity-ish single letters favoured a little
    P = mask.astype(np.float64)
    for c in TGT_ALPHA:
        if c in S_IDX:
            P[1 + S_IDX[c], 1 + T_IDX[c]] += 5.0
    P /= P.sum()
    logp = np.where(mask, np.log(np.maximum(P, 1e-300)), NEG)
    for it in range(iters):
        counts = np.zeros((NS, NT))
        ll = _estep(qs, qoff, es, eoff, logp, shapes, counts)
        counts = counts + smooth * mask * (counts.sum() / mask.sum()) * 1e-3
        P = counts / counts.sum()
        P = np.where(mask, np.maximum(P, floor * mask), 0)
        P /= P.sum()
        logp = np.where(mask, np.log(np.maximum(P, 1e-300)), NEG)
        if verbose:
            print(f"  EM iter {it + 1}: log-likelihood/pair {ll / max(1, len(pairs)):.3f}", flush=True)
    return logp


# ---------------------------------------------------------------- scoring

@njit(cache=True)
def _score(q, e, logp, shapes, viterbi):
    A = _forward(q, e, logp, shapes, viterbi)
    return A[len(q), len(e)]


@njit(parallel=True, cache=True)
def score_many(q, es, eoff, cand, logp, shapes, viterbi):
    """Score one source string against candidate targets es[eoff[c]:eoff[c+1]] for c in cand."""
    out = np.empty(len(cand))
    for k in prange(len(cand)):
        c = cand[k]
        out[k] = _score(q, es[eoff[c]:eoff[c + 1]], logp, shapes, viterbi)
    return out


def unigram_logp(strings: list[np.ndarray], n1: int) -> np.ndarray:
    cnt = np.ones(n1)
    for s in strings:
        np.add.at(cnt, s, 1)
    return np.log(cnt / cnt.sum())


def to_tsv(logp: np.ndarray, path: str, min_logp: float = math.log(1e-6)) -> int:
    """Write the operations with log P >= min_logp as source<TAB>target<TAB>cost; return bytes."""
    rows = []
    for a in range(NS):
        for b in range(NT):
            v = logp[a, b]
            if v >= min_logp and v > NEG / 2:
                rows.append((decode(a, SRC_ALPHA) or "-", decode(b, TGT_ALPHA) or "-", -v))
    rows.sort(key=lambda r: r[2])
    with open(path, "w", encoding="utf-8") as f:
        f.write("# source\ttarget\tcost (-ln P); '-' is the empty string; ^ $ mark word start/end\n")
        for a, b, c in rows:
            f.write(f"{a}\t{b}\t{c:.3f}\n")
    import os
    return os.path.getsize(path)


# ---------------------------------------------------------------- fast Viterbi for scoring
@njit(cache=True)
def _piece_codes(s, n1):
    """c1[i] = code of s[i-1:i], c2[i] = code of s[i-2:i] (i counts characters consumed)."""
    n = len(s)
    c1 = np.zeros(n + 1, dtype=np.int32)
    c2 = np.zeros(n + 1, dtype=np.int32)
    for i in range(1, n + 1):
        c1[i] = 1 + s[i - 1]
        if i >= 2:
            c2[i] = 1 + n1 + s[i - 2] * n1 + s[i - 1]
    return c1, c2


@njit(cache=True)
def viterbi_fast(qc1, qc2, e, logp, buf):
    """Best alignment log P with all 8 shapes (|a|,|b| <= 2). buf: (>= n+1, >= m+1) scratch."""
    n = len(qc1) - 1
    m = len(e)
    ec1 = np.empty(m + 1, dtype=np.int32)
    ec2 = np.empty(m + 1, dtype=np.int32)
    ec1[0] = 0
    ec2[0] = 0
    for j in range(1, m + 1):
        ec1[j] = 1 + e[j - 1]
        ec2[j] = 1 + 28 + e[j - 2] * 28 + e[j - 1] if j >= 2 else 0
    for i in range(n + 1):
        for j in range(m + 1):
            if i == 0 and j == 0:
                buf[0, 0] = 0.0
                continue
            best = -1e30
            if i >= 1:
                v = buf[i - 1, j] + logp[qc1[i], 0]
                if v > best:
                    best = v
                if j >= 1:
                    v = buf[i - 1, j - 1] + logp[qc1[i], ec1[j]]
                    if v > best:
                        best = v
                    if j >= 2:
                        v = buf[i - 1, j - 2] + logp[qc1[i], ec2[j]]
                        if v > best:
                            best = v
            if j >= 1:
                v = buf[i, j - 1] + logp[0, ec1[j]]
                if v > best:
                    best = v
                if j >= 2:
                    v = buf[i, j - 2] + logp[0, ec2[j]]
                    if v > best:
                        best = v
            if i >= 2:
                v = buf[i - 2, j] + logp[qc2[i], 0]
                if v > best:
                    best = v
                if j >= 1:
                    v = buf[i - 2, j - 1] + logp[qc2[i], ec1[j]]
                    if v > best:
                        best = v
                    if j >= 2:
                        v = buf[i - 2, j - 2] + logp[qc2[i], ec2[j]]
                        if v > best:
                            best = v
            buf[i, j] = best
    return buf[n, m]


@njit(parallel=True, cache=True)
def score_fast(q, es, eoff, cand, logp):
    qc1, qc2 = _piece_codes(q, 29)
    out = np.empty(len(cand))
    for k in prange(len(cand)):
        c = cand[k]
        e = es[eoff[c]:eoff[c + 1]]
        buf = np.empty((len(q) + 1, len(e) + 1))
        out[k] = viterbi_fast(qc1, qc2, e, logp, buf)
    return out


# ---------------------------------------------------------------- best English rendering
def rendering_table(logp: np.ndarray) -> dict[str, tuple[str, float]]:
    """For each source piece a (1-2 characters): the target piece b maximising P(b | a), and
    log P(b | a). The blocker uses it to guess an English spelling of the query."""
    out = {}
    for a in range(1, NS):
        row = logp[a]
        if row.max() <= NEG / 2:
            continue
        z = np.logaddexp.reduce(row[row > NEG / 2])
        b = int(np.argmax(row))
        out[decode(a, SRC_ALPHA)] = (decode(b, TGT_ALPHA), float(row[b] - z))
    return out


def render(s: str, table: dict[str, tuple[str, float]]) -> str:
    """Best segmentation of s into 1-2 character pieces, each replaced by its best rendering."""
    n = len(s)
    best = [(-1e30, "")] * (n + 1)
    best[0] = (0.0, "")
    for i in range(1, n + 1):
        for la in (1, 2):
            if i - la < 0:
                continue
            piece = s[i - la:i]
            if piece not in table:
                continue
            b, lp = table[piece]
            v = best[i - la][0] + lp
            if v > best[i][0]:
                best[i] = (v, best[i - la][1] + b)
    return best[n][1].replace("^", "").replace("$", "")
