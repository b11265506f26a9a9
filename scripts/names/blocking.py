"""Blocking: which lexicon names a query is scored against.

Skeleton: the folded string (fold + clean rules, before any variant rule) with consonants mapped
to sound classes, h w ' transparent, vowels (a e i o u y) dropped, and identical classes merged
only when adjacent in the string (so doubled letters count once, but r-a-r keeps two r's):
    zelenskiy -> slnsk      zelensky -> slnsk     jellenseuki -> slnsk     zerensuki -> slnsk
    dwyd (Hebrew David) -> tt    david -> tbt

Keys of a name: its skeleton and every skeleton with one class deleted ("deletion neighbourhood",
so two skeletons at edit distance 1 share a key, and most at substitution distance 1), only for
skeletons of >= MIN_DEL classes; for names of several words also the same keys for each word's
skeleton (>= 2 classes), so one well-matching word (the surname) is enough.
A query's candidates: every lexicon name sharing at least one key.
"""

from __future__ import annotations

from collections import defaultdict

CLASSES = {}
for _letters, _cls in (("bpfv", "b"), ("ckqg", "k"), ("szjx", "s"), ("dt", "t"), ("lr", "l"), ("m", "m"),
                       ("n", "n")):
    for _ch in _letters:
        CLASSES[_ch] = _cls
TRANSPARENT = set("hw'")


def skeleton(s: str, classes=CLASSES) -> str:
    out = []
    prev = None          # class of the previous consonant if nothing but h/w/' stood between
    for ch in s:
        c = classes.get(ch)
        if c is None:
            if ch in TRANSPARENT:
                continue
            if "0" <= ch <= "9":
                c = ch
            else:
                prev = None
                continue
        if prev == c:
            continue
        out.append(c)
        prev = c
    return "".join(out)


def deletions(s: str, min_del1: int = 2, min_del2: int = 6) -> set[str]:
    """s, s with one class deleted (len >= min_del1), s with two deleted (len >= min_del2)."""
    out = {s}
    n = len(s)
    if n >= min_del1:
        for i in range(n):
            out.add(s[:i] + s[i + 1:])
    if min_del2 and n >= min_del2:
        for i in range(n):
            for j in range(i + 1, n):
                out.add(s[:i] + s[i + 1:j] + s[j + 1:])
    return out


class Blocker:
    """Inverted index from skeleton keys to lexicon entries.

    Lexicon entry keys: deletions(skeleton(concatenated words)) for each word order tried, and
    for names of 2+ words "w:" + deletions(skeleton(word)) for each word whose skeleton has
    >= word_min classes.
    Query keys: the same from the query's folded string AND from its best English rendering
    (m2m.render / the Han table's best rendering); a one-word query also probes the "w:" keys.
    """

    def __init__(self, lexicon_words: list[list[list[str]]], min_del1=2, min_del2=6, per_word=True, word_min=3):
        self.min_del1, self.min_del2, self.per_word, self.word_min = min_del1, min_del2, per_word, word_min
        self.index: dict[str, list[int]] = defaultdict(list)
        for i, orders in enumerate(lexicon_words):
            keys = set()
            for ws in orders:
                sk = skeleton("".join(ws))
                if sk:
                    keys |= deletions(sk, min_del1, min_del2)
            if per_word and len(orders[0]) > 1:
                for w in orders[0]:
                    sk = skeleton(w)
                    if len(sk) >= word_min:
                        keys |= {"w:" + k for k in deletions(sk, min_del1, min_del2)}
            for k in keys:
                self.index[k].append(i)

    def query_keys(self, strings: list[str], words: list[str]) -> set[str]:
        keys = set()
        for s in strings:
            sk = skeleton(s)
            if sk:
                keys |= deletions(sk, self.min_del1, self.min_del2)
        if self.per_word:
            for w in (words if len(words) > 1 else strings):
                sk = skeleton(w)
                if len(sk) >= self.word_min:
                    keys |= {"w:" + k for k in deletions(sk, self.min_del1, self.min_del2)}
        return keys

    def candidates(self, strings: list[str], words: list[str]) -> set[int]:
        out: set[int] = set()
        for k in self.query_keys(strings, words):
            out.update(self.index.get(k, ()))
        return out
