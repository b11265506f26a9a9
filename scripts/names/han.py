"""Han characters -> English letters: a learned character table, scored by best segmentation.

Model: a Han name c1..cn generates the English key e as a concatenation b1..bn, each bi a
substring of 0..MAXLEN letters drawn from P(b | ci). Learned by EM (forward-backward over the
segmentations) from TRAIN pairs, initialised from each character's pinyin (ICU Han-Latin,
through `onoma translit`). Characters seen fewer than BACKOFF times borrow from their pinyin
syllable's table: P(b|c) = (n(c,b) + K P(b|syl(c))) / (n(c) + K). Every P is mixed with a small
"anything" distribution P_any(b) (length prior x English letter unigrams), so no segmentation
is impossible.

Score of (query, English key) = max over segmentations of sum log P(bi | ci), compared with
log P0(e) (English letter unigrams with an end probability): llr = that - log P0(e).

Shipped table (TSV): char<TAB>latin<TAB>cost (cost = -ln P(latin | char), "-" = empty), plus
syllable rows "@syl" for the back-off. See learn_tables.py.
"""

from __future__ import annotations

import math
from collections import defaultdict

import numpy as np
from numba import njit, prange

MAXLEN = 4
ALPHA = "abcdefghijklmnopqrstuvwxyz"
LAMBDA = 0.02          # weight of the "anything" distribution
BACKOFF_K = 3.0


def is_han(ch: str) -> bool:
    o = ord(ch)
    return (0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x2FA1F or 0xF900 <= o <= 0xFAFF
            or o == 0x3005)


def han_chars(s: str) -> list[str]:
    return [c for c in s if is_han(c)]


def code(b: str) -> int:
    """Substring (<= MAXLEN letters) -> integer, 0 for empty; unique per string."""
    v = 0
    for ch in b:
        v = v * 27 + (ord(ch) - 96)
    return v


class HanModel:
    def __init__(self):
        self.table: dict[str, dict[str, float]] = {}     # char -> {b: P}
        self.syl_table: dict[str, dict[str, float]] = {}  # syllable -> {b: P}
        self.pinyin: dict[str, str] = {}
        self.uni = np.full(26, math.log(1 / 26))
        self.len_logp = np.log(np.array([0.1, 0.25, 0.3, 0.2, 0.15]))
        self.char_count: dict[str, float] = {}
        self.end_logp = math.log(1 / 8)

    # ------------------------------------------------------------------ background
    def any_logp(self, b: str) -> float:
        return self.len_logp[len(b)] + sum(self.uni[ord(c) - 97] for c in b)

    def p0_e(self, e: str) -> float:
        """log P0(e): English letter unigrams with a geometric length."""
        return sum(self.uni[ord(c) - 97] for c in e) + len(e) * math.log(1 - math.exp(self.end_logp)) + self.end_logp

    # ------------------------------------------------------------------ learning
    def init_from_pinyin(self, chars):
        from rapidfuzz.distance import Levenshtein
        for c in chars:
            py = self.pinyin.get(c, "")
            d = {}
            subs = set()
            # candidate renderings: prefixes/variants of the pinyin plus all short strings seen later
            for l in range(0, MAXLEN + 1):
                for i in range(0, max(1, len(py) - l + 1)):
                    subs.add(py[i:i + l])
            for b in subs:
                d[b] = math.exp(-1.5 * Levenshtein.distance(b, py))
            z = sum(d.values())
            self.table[c] = {b: v / z for b, v in d.items()}

    def lp(self, c: str, b: str) -> float:
        t = self.table.get(c)
        p = t.get(b, 0.0) if t else 0.0
        if (t is None or self.char_count.get(c, 0) < 50) and c in self.pinyin:
            st = self.syl_table.get(self.pinyin[c])
            if st is not None:
                n = self.char_count.get(c, 0.0)
                p = (n * p + BACKOFF_K * st.get(b, 0.0)) / (n + BACKOFF_K)
        return math.log((1 - LAMBDA) * p + LAMBDA * math.exp(self.any_logp(b)))

    def train(self, pairs: list[tuple[list[str], str]], iters: int = 6, verbose: bool = False):
        chars = {c for cs, _ in pairs for c in cs}
        # English unigrams
        cnt = np.ones(26)
        tot_len = 0
        for _, e in pairs:
            for ch in e:
                cnt[ord(ch) - 97] += 1
            tot_len += len(e)
        self.uni = np.log(cnt / cnt.sum())
        self.end_logp = math.log(len(pairs) / (tot_len + len(pairs)))
        self.init_from_pinyin(chars)
        for it in range(iters):
            counts: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
            ll = 0.0
            for cs, e in pairs:
                n, m = len(cs), len(e)
                if n == 0 or m == 0:
                    continue
                # emission cache
                em = {}
                for i, c in enumerate(cs):
                    for j in range(m + 1):
                        for l in range(0, min(MAXLEN, m - j) + 1):
                            em[i, j, l] = self.lp(c, e[j:j + l])
                A = np.full((n + 1, m + 1), -np.inf)
                A[0, 0] = 0.0
                for i in range(1, n + 1):
                    for j in range(m + 1):
                        acc = -np.inf
                        for l in range(0, min(MAXLEN, j) + 1):
                            v = A[i - 1, j - l]
                            if v > -np.inf:
                                acc = np.logaddexp(acc, v + em[i - 1, j - l, l])
                        A[i, j] = acc
                Bt = np.full((n + 1, m + 1), -np.inf)
                Bt[n, m] = 0.0
                for i in range(n - 1, -1, -1):
                    for j in range(m + 1):
                        acc = -np.inf
                        for l in range(0, min(MAXLEN, m - j) + 1):
                            v = Bt[i + 1, j + l]
                            if v > -np.inf:
                                acc = np.logaddexp(acc, v + em[i, j, l])
                        Bt[i, j] = acc
                Z = A[n, m]
                if not np.isfinite(Z):
                    continue
                ll += Z
                for i in range(n):
                    for j in range(m + 1):
                        if A[i, j] == -np.inf:
                            continue
                        for l in range(0, min(MAXLEN, m - j) + 1):
                            post = math.exp(A[i, j] + em[i, j, l] + Bt[i + 1, j + l] - Z)
                            if post > 1e-4:
                                counts[cs[i]][e[j:j + l]] += post
            # M step: char tables and syllable tables
            self.table = {}
            self.char_count = {}
            syl = defaultdict(lambda: defaultdict(float))
            for c, d in counts.items():
                z = sum(d.values())
                self.char_count[c] = z
                self.table[c] = {b: v / z for b, v in d.items() if v / z > 1e-4}
                if c in self.pinyin:
                    for b, v in d.items():
                        syl[self.pinyin[c]][b] += v
            self.syl_table = {}
            for s, d in syl.items():
                z = sum(d.values())
                self.syl_table[s] = {b: v / z for b, v in d.items() if v / z > 1e-4}
            if verbose:
                print(f"  Han EM iter {it + 1}: log-likelihood/pair {ll / len(pairs):.3f}", flush=True)

    # ------------------------------------------------------------------ scoring arrays
    def query_arrays(self, cs: list[str], cap: int = 400):
        """Per character: sorted substring codes and their log P (the table entries, with
        back-off and mixing applied); missing codes use the 'anything' distribution."""
        codes, lps, offs = [], [], [0]
        for c in cs:
            entries = {}
            t = self.table.get(c, {})
            for b in t:
                entries[b] = self.lp(c, b)
            if c in self.pinyin and self.pinyin[c] in self.syl_table:
                for b in self.syl_table[self.pinyin[c]]:
                    entries[b] = self.lp(c, b)
            items = sorted(entries.items(), key=lambda kv: -kv[1])[:cap]
            items.sort(key=lambda kv: code(kv[0]))
            codes.extend(code(b) for b, _ in items)
            lps.extend(v for _, v in items)
            offs.append(len(codes))
        return (np.array(codes, dtype=np.int64), np.array(lps), np.array(offs, dtype=np.int64))

    def best_rendering(self, cs: list[str]) -> str:
        out = []
        for c in cs:
            t = self.table.get(c)
            if not t and c in self.pinyin:
                t = self.syl_table.get(self.pinyin[c])
            if t:
                out.append(max(t.items(), key=lambda kv: kv[1])[0])
            else:
                out.append(self.pinyin.get(c, ""))
        return "".join(out)


@njit(cache=True)
def _lookup(codes, lps, lo, hi, key):
    while lo < hi:
        mid = (lo + hi) // 2
        if codes[mid] < key:
            lo = mid + 1
        else:
            hi = mid
    return lo


@njit(cache=True)
def _han_score(codes, lps, offs, e, uni, len_logp, loglam, log1mlam_dummy):
    n = len(offs) - 1
    m = len(e)
    A = np.full((n + 1, m + 1), -1e30)
    A[0, 0] = 0.0
    for i in range(1, n + 1):
        lo0, hi0 = offs[i - 1], offs[i]
        for j in range(m + 1):
            best = -1e30
            for l in range(0, min(4, j) + 1):
                prev = A[i - 1, j - l]
                if prev <= -1e29:
                    continue
                key = 0
                anyv = len_logp[l] + loglam
                for k in range(j - l, j):
                    key = key * 27 + e[k] + 1
                    anyv += uni[e[k]]
                pos = _lookup(codes, lps, lo0, hi0, key)
                if pos < hi0 and codes[pos] == key:
                    v = lps[pos]
                else:
                    v = anyv
                if prev + v > best:
                    best = prev + v
            A[i, j] = best
    return A[n, m]


@njit(parallel=True, cache=True)
def han_score_many(codes, lps, offs, es, eoff, uni, len_logp, loglam):
    out = np.empty(len(eoff) - 1)
    for k in prange(len(eoff) - 1):
        out[k] = _han_score(codes, lps, offs, es[eoff[k]:eoff[k + 1]], uni, len_logp, loglam, 0.0)
    return out
