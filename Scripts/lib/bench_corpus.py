#!/usr/bin/env python3
"""Writes the fixed benchmark corpus into a directory, reading it from ../shared/data (never from the repo).

- GMB: the sentences of ner_dataset.csv regrouped into documents of 20 sentences (gmb00000.txt, ...),
  detokenised, one blank line between sentences.
- CoNLL-2003: every article of eng.train (split at -DOCSTART-), tokens joined by spaces, one sentence per line
  (conll00000.txt, ...). Its sports tables and result lists have no sentence ends: a realistic dose of the
  overlong "sentences" the sentence bound is for.

Usage: bench_corpus.py OUT_DIR [--copies N]   (N > 1: the same corpus N times, files copyK-NAME.txt)
Prints "documents words tokens bytes" for one copy on stdout.
"""
import os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gmb as gmb_corpus  # noqa: E402

def gmb_documents(path):
    words = [[w for w, _tag in sentence] for sentence in gmb_corpus.sentences(path)]
    for d in range(0, len(words), 20):
        block = words[d:d + 20]
        yield f"gmb{d // 20:05d}", "\n\n".join(gmb_corpus.detokenize(s) for s in block) + "\n", sum(len(s) for s in block)

def conll_documents(path):
    docs, sentences, words = [], [], []
    def flush_sentence():
        nonlocal words
        if words:
            sentences.append(words)
            words = []
    def flush_document():
        nonlocal sentences
        flush_sentence()
        if sentences:
            docs.append(sentences)
            sentences = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("-DOCSTART-"):
                flush_document()
            elif not line.strip():
                flush_sentence()
            else:
                words.append(line.split(" ")[0])
    flush_document()
    for i, doc in enumerate(docs):
        yield f"conll{i:05d}", "\n".join(" ".join(s) for s in doc) + "\n", sum(len(s) for s in doc)

def main():
    out = sys.argv[1]
    copies = int(sys.argv[sys.argv.index("--copies") + 1]) if "--copies" in sys.argv else 1
    here = os.path.dirname(os.path.abspath(__file__))
    shared = os.path.join(here, "..", "..", "..", "shared", "data")
    gmb = os.environ.get("NER_CORPUS", os.path.join(shared, "gmb", "ner_dataset.csv"))
    conll = os.environ.get("CONLL_TRAIN", os.path.join(shared, "conll2003", "eng.train"))
    for p in (gmb, conll):
        if not os.path.isfile(p):
            sys.exit(f"bench_corpus: corpus not found at {p}")
    docs = list(gmb_documents(gmb)) + list(conll_documents(conll))
    words = tokens = size = 0
    for copy in range(copies):
        os.makedirs(out, exist_ok=True)
        prefix = "" if copies == 1 else f"copy{copy}-"
        for name, text, count in docs:
            data = text.encode("utf-8")
            with open(os.path.join(out, prefix + name + ".txt"), "wb") as f:
                f.write(data)
            if copy == 0:
                tokens += count
                words += len(text.split())
                size += len(data)
    print(len(docs), words, tokens, size)

main()
