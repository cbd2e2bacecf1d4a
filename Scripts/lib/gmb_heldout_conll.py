#!/usr/bin/env python3
"""GMB held-out split -> a CoNLL-format file that ../shared/eval/ner_dev.py reads.

usage: gmb_heldout_conll.py GMB_CSV OUT_FILE

The held-out split is the project's fixed one (Sources/NERTraining/HeldOutSplit.swift): sentences numbered
from 0 in file order, blocks of 100, every block with block % 10 == 9; the last, truncated sentence of the
file is dropped. Every 20 consecutive held-out sentences become one -DOCSTART- document (about an article),
as the tagger's own evaluation groups them. Types: per -> PER, org -> ORG, geo -> LOC; the nationality words
(gpe) and every other GMB type become MISC, which ner_dev.py neither rewards nor penalises.
GMB's silver labels put leading titles inside person names ("President Vladimir Putin", "Mr. Hariri"),
the project (like CoNLL-2003) leaves them out: with --strip-titles TITLES_TSV, leading tokens of a PER span
that are office words of the project's title table (or Mr., Mrs., Ms., Dr.) are moved outside the span.
The file is written outside the repository (it holds corpus text).
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gmb import sentences  # noqa: E402

TYPES = {"per": "PER", "org": "ORG", "geo": "LOC"}


def strip_titles(sentence, titles):
    tags = [tag for _word, tag in sentence]
    i = 0
    while i < len(sentence):
        if tags[i] == "B-per":
            j = i
            while j + 1 < len(sentence) and tags[j + 1] == "I-per" and sentence[j][0].lower().rstrip(".") in titles:
                tags[j] = "O"
                j += 1
            tags[j] = "B-per"
            i = j + 1
        else:
            i += 1
    return [(word, tag) for (word, _), tag in zip(sentence, tags)]


def main():
    args = sys.argv[1:]
    titles = None
    if "--strip-titles" in args:
        k = args.index("--strip-titles")
        with open(args[k + 1], encoding="utf-8") as f:
            titles = {line.split("\t")[0] for line in f.read().splitlines()[1:] if line}
        titles |= {"mr", "mrs", "ms", "dr", "prime", "minister", "president", "vice", "senator", "general"}
        del args[k:k + 2]
    corpus, out = args
    held = [s for i, s in enumerate(sentences(corpus, drop_last=True)) if (i // 100) % 10 == 9]
    if titles:
        held = [strip_titles(s, titles) for s in held]
    with open(out, "w", encoding="utf-8") as f:
        for d in range(0, len(held), 20):
            f.write("-DOCSTART- -X- O O\n\n")
            for sentence in held[d:d + 20]:
                for word, tag in sentence:
                    if tag == "O":
                        f.write(f"{word} X X O\n")
                    else:
                        prefix, typ = tag.split("-", 1)
                        f.write(f"{word} X X {prefix}-{TYPES.get(typ, 'MISC')}\n")
                f.write("\n")


if __name__ == "__main__":
    main()
