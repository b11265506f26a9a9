"""A large test corpus for onoma dedupe made from real articles: JSONL on standard output.

Each story is a real article with most of its sentences swapped for sentences of other
articles and its numbers changed, so that stories are distinct; each story then gets 0 to 4
near copies (words dropped, neighbouring words swapped, the ending cut, another date), the
kind of syndicated copies dedupe must find. A share of documents are one identical boilerplate
page ("content not available"), whose LSH buckets are far larger than onoma's limit of 1000:
they show the cap on hot buckets. The same arguments always give the same corpus.

    python3 generate_corpus.py ../shared/dev/dedup/wmt21-de-fr.jsonl --documents 1000000 > big.jsonl
"""

import argparse
import json
import random
import re
import sys

SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
NUMBER = re.compile(r"\d+")
BOILERPLATE = "This content is not available in your region. Please check back later or visit our homepage for the latest news."


def perturb(text, rng):
    words = text.split(" ")
    kind = rng.randrange(3)
    if kind == 0:
        step = rng.randrange(6, 12)
        words = [w for i, w in enumerate(words) if (i + 1) % step]
    elif kind == 1:
        step = rng.randrange(5, 10)
        for i in range(0, len(words) - 1, step):
            words[i], words[i + 1] = words[i + 1], words[i]
    else:
        words = words[: max(1, len(words) * 4 // 5)]
    return " ".join(words)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sources", nargs="+", help="JSONL files of real articles {id, text, lang?}")
    parser.add_argument("--documents", type=int, default=1_000_000)
    parser.add_argument("--boilerplate", type=float, default=0.03, help="chance that the next document is the boilerplate page (else a story and its copies)")
    parser.add_argument("--keep", type=float, default=0.2, help="share of an article's own sentences a story keeps")
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()
    rng = random.Random(options.seed)

    articles = []
    for path in options.sources:
        with open(path, encoding="utf-8") as file:
            for line in file:
                if line.strip():
                    row = json.loads(line)
                    sentences = [s for s in SENTENCE_END.split(row["text"]) if s.strip()]
                    if sentences:
                        articles.append((row.get("lang"), sentences))
    pool = {}
    for lang, sentences in articles:
        pool.setdefault(lang, []).extend(sentences)

    out = sys.stdout
    written = story = 0
    while written < options.documents:
        if rng.random() < options.boilerplate:
            out.write(json.dumps({"id": f"page-{written}", "text": BOILERPLATE, "lang": "en"}, ensure_ascii=False) + "\n")
            written += 1
            continue
        lang, sentences = articles[rng.randrange(len(articles))]
        others = pool[lang]
        text = " ".join(s if rng.random() < options.keep else others[rng.randrange(len(others))] for s in sentences)
        text = NUMBER.sub(lambda m: str(rng.randrange(10, 100000)), text)
        day = f"2024-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
        copies = min(rng.choice([0, 0, 0, 1, 1, 2, 3, 4]), options.documents - written - 1)
        out.write(json.dumps({"id": f"story-{story}", "text": text, "lang": lang, "date": day}, ensure_ascii=False) + "\n")
        for copy in range(copies):
            date = day if rng.random() < 0.5 else f"2024-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
            out.write(json.dumps({"id": f"story-{story}~{copy}", "text": perturb(text, rng), "lang": lang, "date": date},
                                 ensure_ascii=False) + "\n")
        written += 1 + copies
        story += 1


if __name__ == "__main__":
    main()
