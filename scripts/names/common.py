"""Shared pieces of the cross-script name-matching evaluation.

Data: ../shared/dev/names/ (Wikidata name pairs, CC0). Never copied into the repo: every script
reads it from there and exits with a message (status 0) when it is absent.

Transliteration: the project's own binary (`onoma translit`), so the prototype sees exactly what
onoma sees. Each data file is transliterated once; results are cached under /tmp.
"""

from __future__ import annotations

import hashlib
import os
import random
import subprocess
import sys
import unicodedata
from dataclasses import dataclass, field

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
DATA = os.environ.get("ONOMA_NAMES_DATA", os.path.abspath(os.path.join(REPO, "..", "shared", "dev", "names")))
CACHE = os.environ.get("ONOMA_NAMES_CACHE", "/tmp/onoma-names-cache")
OUT = os.environ.get("ONOMA_NAMES_OUT", "/tmp/onoma-names")

SEED = 20241121
N_EVAL = 8000        # English names held out for the evaluation (lexicon 5,000 + 3,000 others)
N_DEV = 7000         # English names held out for calibration (not learned from): same protocol as EVAL
N_LEXICON = 5000
N_QUERIES = 2000

# name -> (file, language passed to `onoma translit --lang`, kind)
SETS = {
    "ko": ("wikidata-en-korean-fullnames.tsv", "ko", "full"),
    "he": ("wikidata-en-hebrew-fullnames.tsv", "he", "full"),
    "ru": ("wikidata-russian-singlenames-train.tsv", "ru", "single"),
    "ar": ("wikidata-arabic-singlenames-train.tsv", "ar", "single"),
    "zh": ("wikidata-chinese-singlenames-train.tsv", "zh", "single"),
    "ja": ("wikidata-japanese-singlenames-train.tsv", "ja", "single"),
    "ja-kana": ("wikidata-katakana-singlenames-train.tsv", "ja", "single"),
}
# Extra single-name files usable for learning (after removing names that touch EVAL people).
EXTRA_TRAIN = {
    "ko": ("wikidata-korean-singlenames-train.tsv", "ko"),
    "he": ("wikidata-hebrew-singlenames-train.tsv", "he"),
}


def require_data() -> None:
    if not os.path.isdir(DATA):
        print(f"skip: name pairs not found at {DATA} (../shared/dev/names); nothing to measure", file=sys.stderr)
        sys.exit(0)


def onoma_binary() -> str:
    cands = [os.environ.get("ONOMA_BIN", ""),
             os.path.join(REPO, ".build-names", "release", "onoma"),
             os.path.join(REPO, ".build", "release", "onoma")]
    for c in cands:
        if c and os.access(c, os.X_OK):
            return c
    print("error: no onoma binary: run `swift build -c release --scratch-path .build-names --product onoma` "
          "in the repository, or set ONOMA_BIN", file=sys.stderr)
    sys.exit(2)


def clean(s: str) -> str:
    return unicodedata.normalize("NFC", " ".join(s.replace("\u200e", "").replace("\u200f", "").split()))


def read_pairs(fname: str) -> list[tuple[str, str]]:
    out = []
    seen = set()
    with open(os.path.join(DATA, fname), encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 2:
                continue
            en, other = clean(parts[0]), clean(parts[1])
            if not en or not other or (en.lower(), other) in seen:
                continue
            seen.add((en.lower(), other))
            out.append((en, other))
    return out


def translit(strings: list[str], lang: str, to: str) -> dict[str, str]:
    """`onoma translit --to {to} --lang {lang}` of each string, through a file cache."""
    uniq = sorted(set(strings))
    if not uniq:
        return {}
    assert all("\n" not in s for s in uniq)
    binary = onoma_binary()
    h = hashlib.sha1(("\n".join(uniq) + f"|{lang}|{to}|{os.path.getsize(binary)}").encode()).hexdigest()[:16]
    os.makedirs(CACHE, exist_ok=True)
    path = os.path.join(CACHE, f"{lang}.{to}.{h}.txt")
    if not os.path.exists(path):
        src = path + ".in"
        with open(src, "w", encoding="utf-8") as f:
            f.write("\n".join(uniq) + "\n")
        res = subprocess.run([binary, "translit", "--to", to, "--lang", lang, "--file", src],
                             capture_output=True, text=True)
        if res.returncode != 0:
            raise SystemExit(f"onoma translit failed: {res.stderr}")
        with open(path + ".tmp", "w", encoding="utf-8") as f:
            f.write(res.stdout)
        os.replace(path + ".tmp", path)
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if len(lines) != len(uniq):
        raise SystemExit(f"translit line count mismatch for {lang}/{to}: {len(lines)} vs {len(uniq)}")
    return dict(zip(uniq, lines))


@dataclass
class Split:
    name: str
    lang: str
    kind: str
    train: list[tuple[str, str]]            # (english, other) pairs for learning
    dev: list[tuple[str, str]]              # held out from learning; for tuning / calibration
    eval_people: list[str]                  # EVAL English keys (lowercase), shuffled
    forms: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # key -> pairs


def make_split(name: str, seed: int = SEED) -> Split:
    fname, lang, kind = SETS[name]
    pairs = read_pairs(fname)
    forms: dict[str, list[tuple[str, str]]] = {}
    for en, other in pairs:
        forms.setdefault(en.lower(), []).append((en, other))
    keys = sorted(forms)
    rng = random.Random(f"{seed}:{name}")
    rng.shuffle(keys)
    eval_keys = keys[:N_EVAL]
    dev_keys = keys[N_EVAL:N_EVAL + N_DEV]
    train_keys = keys[N_EVAL + N_DEV:]
    train = [p for k in train_keys for p in forms[k]]
    dev = [p for k in dev_keys for p in forms[k]]
    return Split(name, lang, kind, train, dev, eval_keys, forms)


@dataclass
class Protocol:
    """One evaluation: a lexicon of English names, in-lexicon and out-of-lexicon queries."""
    lexicon: list[str]                      # English forms (one per person)
    queries_in: list[tuple[str, str]]       # (other-script query, expected English)
    queries_out: list[str]                  # other-script queries of people not in the lexicon
    out_twin: list[bool] = field(default_factory=list)  # query indistinguishable from a lexicon person


def make_protocol(people: list[str], forms: dict[str, list[tuple[str, str]]], seed_tag: str,
                  n_lex: int = N_LEXICON, n_q: int = N_QUERIES) -> Protocol:
    rng = random.Random(f"{SEED}:{seed_tag}:protocol")
    people = list(people)
    n_lex = min(n_lex, len(people) - n_q)
    lex_people = people[:n_lex]
    rest = people[n_lex:]
    lexicon = [forms[k][0][0] for k in lex_people]
    q_people = rng.sample(lex_people, min(n_q, len(lex_people)))
    queries_in = []
    for k in q_people:
        en, other = rng.choice(forms[k])
        queries_in.append((other, en))
    out_people = rng.sample(rest, min(len(queries_in), len(rest)))
    queries_out = [rng.choice(forms[k])[1] for k in out_people]
    # A query is a "twin" of a lexicon person when its other-script string is also one of that
    # person's forms, or its English differs from theirs only by case and diacritics: no matcher
    # can tell it from an in-lexicon query. The strict protocol counts twins as false accepts; the
    # secondary "distinguishable" figures leave them out.
    lex_forms = {o for k in lex_people for _, o in forms[k]}
    lex_fold = {ascii_fold(k) for k in lex_people}
    out_twin = [(q in lex_forms) or (ascii_fold(k) in lex_fold) for q, k in zip(queries_out, out_people)]
    return Protocol(lexicon, queries_in, queries_out, out_twin)


def ascii_fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s.lower()) if not unicodedata.combining(c))


def eval_protocol(split: Split) -> Protocol:
    return make_protocol(split.eval_people, split.forms, split.name + ":eval")


def dev_protocol(split: Split, draw: int = 0) -> Protocol:
    """The same protocol on the DEV people (7,000): lexicon 5,000, 2,000 + 2,000 queries. Draws
    other than 0 choose the lexicon and the queries among the same people with other seeds: how
    much the false-accept rate moves with the draw is what the posterior's fit must allow for."""
    dev_keys = sorted({en.lower() for en, _ in split.dev})
    suffix = str(draw) if draw else ""
    rng = random.Random(f"{SEED}:{split.name}:devorder{suffix}")
    rng.shuffle(dev_keys)
    return make_protocol(dev_keys, split.forms, f"{split.name}:dev{suffix}")


# ---------------------------------------------------------------- metrics

@dataclass
class Result:
    """Per query: the top candidate's English and its score (None when no candidate)."""
    top_in: list[tuple[str | None, float]]
    top_out: list[float]
    cands: float = 0.0          # average candidates scored per query (after blocking)
    block_recall: float = 1.0   # fraction of in-lexicon queries whose answer survived blocking
    seconds: float = 0.0


def threshold_for(top_out: list[float], max_fa: float = 0.02) -> float:
    """The lowest threshold t with (out-of-lexicon queries scoring >= t) <= max_fa."""
    s = sorted(top_out, reverse=True)
    k = int(max_fa * len(s))  # allowed false accepts
    if k >= len(s):
        return 0.0
    # accept score >= t; the (k+1)-th highest must be rejected
    return float(s[k] + 1e-9)


def summarize(proto: Protocol, res: Result, threshold: float | None = None) -> dict:
    correct = []
    for (q, en), (top, sc) in zip(proto.queries_in, res.top_in):
        correct.append((top is not None and top.lower() == en.lower(), sc))
    acc = sum(c for c, _ in correct) / len(correct)
    t = threshold_for(res.top_out) if threshold is None else threshold
    fa = sum(1 for s in res.top_out if s >= t) / max(1, len(res.top_out))
    acc_t = sum(1 for c, s in correct if c and s >= t) / len(correct)
    # distinguishable protocol: twins removed from the out-of-lexicon queries
    dist = [s for s, tw in zip(res.top_out, proto.out_twin) if not tw]
    td = threshold_for(dist)
    acc_td = sum(1 for c, s in correct if c and s >= td) / len(correct)
    return {"acc": acc, "acc_t": acc_t, "fa": fa, "thr": t, "cands": res.cands,
            "block_recall": res.block_recall, "sec": res.seconds,
            "twins": sum(proto.out_twin), "thr_d": td, "acc_td": acc_td, "top_out_d": dist}


def han_pinyin(chars) -> dict[str, str]:
    """Each Han character's reading from `onoma translit --to ascii --lang zh` (ICU Han-Latin),
    lowercase letters only."""
    chars = sorted(set(chars))
    t = translit(chars, "zh", "ascii")
    return {c: "".join(ch for ch in t[c].lower() if "a" <= ch <= "z") for c in chars}
