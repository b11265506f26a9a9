"""Name keys: fold the transliteration to a small alphabet, apply variant rules, build skeletons.

    fold(latin, lang)        `onoma translit --to latin --lang L` output -> words over [a-z'~]
    rules(words, lang, groups) the rules of key_rules.tsv whose group is in `groups`
    key(words)               rule output without apostrophes, doubled letters collapsed (the "key")
    skeleton(s)              consonants by sound class, the blocking key

All of it is plain string rewriting over lowercase ASCII plus two marks:
    '  a vowel carrier or glottal letter kept from Hebrew/Arabic (alef, ayin, geresh)
    ~  a Katakana small-kana mark (removed by the 'clean' rules)
and, for Japanese, ' as the long-vowel mark ー (Katakana-Latin's macron: シャラー shara'), which
English often writes as r (Schaller) or not at all.
"""

from __future__ import annotations

import os
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
VOWELS = set("aeiouy")

# ----------------------------------------------------------------------------------- fold
# Letters whose plain Latin-ASCII folding loses a distinction names need, by query language.
# (Arabic-Latin writes the h of its digraphs sh kh gh th dh as ẖ: ش sẖ, خ kẖ; Hebrew-Latin writes
# ח as ẖ alone.)
# Everything else: NFD, drop combining marks, keep a-z (and ' for he/ar, ~ for ja).
FOLD = {
    "he": {"ş": "sh", "ẕ": "ts", "ţ": "t", "ẖ": "kh", "ʼ": "'", "ʻ": "'", "׳": "'", "’": "'", "ṗ": "p",
           "ẇ": "w", "ḃ": "b", "ḣ": "h"},
    "ar": {"ạ": "a", "ẖ": "h", "ḥ": "h", "ṭ": "t", "ṣ": "s", "ḍ": "d", "ẓ": "z", "ʿ": "'", "ʾ": "'",
           "ẗ": "a", "ḵ": "k", "ỷ": "'", "ậ": "a", "ẙ": "y"},
    "ru": {"ʹ": "", "ʺ": "", "·": "", "ë": "e", "’": ""},
    "uk": {"ʹ": "", "ʺ": "", "·": "", "’": ""},
}
KEEP = {"he": "'", "ar": "'", "ja": "~"}
# Combining marks kept as a letter, by language: Katakana-Latin writes ー as a macron (ā).
MARKS = {"ja": {"\u0304": "'"}}
# Characters that join (not split) words: hyphens inside names, apostrophes of other scripts.
JOINERS = set("-‐‑'’ʼ`\"·")


def fold(latin: str, lang: str) -> list[str]:
    """The transliteration as words over a-z plus the marks the language keeps."""
    table = FOLD.get(lang, {})
    keep = KEEP.get(lang, "")
    marks = MARKS.get(lang, {})
    out, word = [], []
    for ch in latin.lower():
        if ch in table:
            word.append(table[ch])
            continue
        if ch in keep:
            word.append(ch)
            continue
        if ch in JOINERS:
            continue
        for d in unicodedata.normalize("NFKD", ch):
            if "a" <= d <= "z":
                word.append(d)
            elif d == "ß":
                word.append("ss")
            elif "0" <= d <= "9":
                word.append(d)
            elif d in marks:
                word.append(marks[d])
            elif unicodedata.combining(d):
                continue
            elif d == "æ":
                word.append("ae")
            elif d == "ø":
                word.append("o")
            elif d == "đ":
                word.append("d")
            elif d == "ł":
                word.append("l")
            elif d == "ı":
                word.append("i")
            else:
                if word:
                    out.append("".join(word))
                word = []
    if word:
        out.append("".join(word))
    if lang == "zh":                      # Any-Latin puts spaces between some syllables
        out = ["".join(out)] if out else []
    return [w for w in out if w]


# ----------------------------------------------------------------------------------- rules
class Rule:
    __slots__ = ("group", "phenomenon", "pat", "rep", "left", "right", "langs")

    def __init__(self, group, phenomenon, pat, rep, left, right, langs):
        self.group, self.phenomenon, self.pat, self.rep = group, phenomenon, pat, rep
        self.left, self.right = left, right
        self.langs = None if langs == "*" else set(langs.split(","))

    def fits_left(self, w: str, i: int) -> bool:
        c = self.left
        if c == "any":
            return True
        if c == "start":
            return i == 0
        if i == 0:
            return False
        p = w[i - 1]
        if c == "vowel":
            return p in VOWELS
        if c in ("consonant", "consonant_or_end"):
            return "a" <= p <= "z" and p not in VOWELS
        raise ValueError(c)

    def fits_right(self, w: str, j: int) -> bool:
        c = self.right
        if c == "any":
            return True
        if c == "end":
            return j == len(w)
        if c == "consonant_or_end" and j == len(w):
            return True
        if j >= len(w):
            return False
        n = w[j]
        if c == "vowel":
            return n in VOWELS
        if c in ("consonant", "consonant_or_end"):
            return "a" <= n <= "z" and n not in VOWELS
        if c == "before_aou":
            return n in "aou"
        raise ValueError(c)

    def apply(self, w: str) -> str:
        pat = self.pat
        if pat not in w:
            return w
        out, i, n, m = [], 0, len(w), len(pat)
        while i < n:
            if w.startswith(pat, i) and self.fits_left(w, i) and self.fits_right(w, i + m):
                out.append(self.rep)
                i += m
            else:
                out.append(w[i])
                i += 1
        return "".join(out)


def load_rules(path: str = os.path.join(HERE, "key_rules.tsv")) -> list[Rule]:
    rules = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            assert len(cols) == 7, line
            rules.append(Rule(*cols))
    return rules


RULES = load_rules()
GROUPS = ["clean", "ending", "consonant", "vowel", "korean", "japanese"]


def rules(words: list[str], lang: str | None, groups) -> list[str]:
    """Apply the rules of `groups`; lang None means a lexicon form (only * rules)."""
    out = []
    for w in words:
        for r in RULES:
            if r.group not in groups:
                continue
            if r.langs is not None and (lang is None or lang not in r.langs):
                continue
            w = r.apply(w)
        out.append(w)
    return out


def collapse(w: str) -> str:
    out = []
    for ch in w:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


def key(words: list[str], doubles: bool = True) -> list[str]:
    """Words without marks, doubled letters collapsed."""
    out = []
    for w in words:
        w = "".join(ch for ch in w if "a" <= ch <= "z" or "0" <= ch <= "9")
        if doubles:
            w = collapse(w)
        if w:
            out.append(w)
    return out


# ----------------------------------------------------------------------------------- skeleton
SOUND = {}
for letters, cls in (("bpfv", "b"), ("ckqg", "k"), ("szjx", "s"), ("dt", "t"), ("lr", "l"), ("m", "m"), ("n", "n")):
    for ch in letters:
        SOUND[ch] = cls


def skeleton(s: str, sound=SOUND) -> str:
    """Consonants mapped to sound classes; vowels, h, w, y and marks dropped; repeats collapsed."""
    out = []
    for ch in s:
        c = sound.get(ch)
        if c is None:
            if "0" <= ch <= "9":
                c = ch
            else:
                continue
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)
