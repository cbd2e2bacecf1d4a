#!/usr/bin/env python3
"""Generates the hostile inputs of Scripts/bench-hostile into OUT_DIR, one subdirectory per case, from the GMB
corpus in ../shared/data (nothing is committed: the 20 MB files are made on the fly).

Cases (each a directory of .txt files, the first being ordinary news, the yardstick):
  news          GMB sentences as documents of 20 sentences (the benchmark corpus's GMB part)
  nostop-80k    80,000 GMB words with every punctuation mark removed: one "sentence" without an end
  nostop-20mb   the same, 20 MB
  one-line      GMB sentences with their stops, all on one 20 MB line
  names-list    "Name, Name, Name ..." from the GMB's person and place names, 10 MB without a stop
  table         a 10 MB table: one row a line ("| name | country | 12 | 3.5 |"), no stops, no blank lines
  repeated-name one name ("Vladimir Putin said") repeated to 10 MB without a stop
  huge-token    one 20 MB token of letters
  many-docs     20,000 documents of two sentences each
Prints one line per case: name, bytes.
"""
import os, random, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gmb  # noqa: E402

out = sys.argv[1]
here = os.path.dirname(os.path.abspath(__file__))
corpus = os.environ.get("NER_CORPUS", os.path.join(here, "..", "..", "..", "shared", "data", "gmb", "ner_dataset.csv"))
if not os.path.isfile(corpus):
    sys.exit(f"hostile_inputs: corpus not found at {corpus}")
MB = 1 << 20

names, current = [], []
sentences = []
for sentence in gmb.sentences(corpus):
    sentences.append([w for w, _tag in sentence])
    for word, tag in sentence:
        if tag[2:] in ("per", "geo", "org"):
            if tag.startswith("B-") and current:
                names.append(" ".join(current))
                current = []
            current.append(word)
        elif current:
            names.append(" ".join(current))
            current = []
names = sorted(set(names))

detokenize = gmb.detokenize

def write(case, name, data):
    os.makedirs(os.path.join(out, case), exist_ok=True)
    with open(os.path.join(out, case, name + ".txt"), "wb") as f:
        f.write(data.encode("utf-8") if isinstance(data, str) else data)

def repeat_to(size, pieces, sep=" "):
    chunks, total, i = [], 0, 0
    while total < size:
        piece = pieces[i % len(pieces)] + sep
        chunks.append(piece)
        total += len(piece.encode("utf-8"))
        i += 1
    return "".join(chunks)

for d in range(0, len(sentences), 20):
    write("news", f"gmb{d // 20:05d}", "\n\n".join(detokenize(s) for s in sentences[d:d + 20]) + "\n")

plain = [w for s in sentences for w in s if any(c.isalnum() for c in w)]
write("nostop-80k", "nostop", " ".join(plain[:80000]) + "\n")
write("nostop-20mb", "nostop", repeat_to(20 * MB, plain))
write("one-line", "line", repeat_to(20 * MB, [detokenize(s) for s in sentences]))
rng = random.Random(10)
write("names-list", "names", repeat_to(10 * MB, [rng.choice(names) for _ in range(200000)], sep=", "))
countries = ["Afghanistan", "Russia", "China", "India", "Kenya", "France", "Brazil", "Iran", "Pakistan", "Egypt"]
rows = [f"| {rng.choice(names)} | {rng.choice(countries)} | {rng.randint(1, 999)} | {rng.randint(0, 99)}.{rng.randint(0, 9)} |"
        for _ in range(50000)]
write("table", "table", repeat_to(10 * MB, rows, sep="\n"))
write("repeated-name", "putin", repeat_to(10 * MB, ["Vladimir Putin said"]))
people = [n for n in names if " " in n][:200] or names[:200]
meetings = [f"{rng.choice(people)} met {rng.choice(people)} in {rng.choice(countries)} for talks on Monday."
            for _ in range(20000)]
write("encounters", "met", repeat_to(5 * MB, meetings, sep=" "))
write("huge-token", "token", "x" * (20 * MB) + "\n")
for d in range(20000):
    s = sentences[(2 * d) % len(sentences)], sentences[(2 * d + 1) % len(sentences)]
    write("many-docs", f"doc{d:05d}", detokenize(s[0]) + "\n\n" + detokenize(s[1]) + "\n")

for case in sorted(os.listdir(out)):
    folder = os.path.join(out, case)
    print(case, sum(os.path.getsize(os.path.join(folder, f)) for f in os.listdir(folder)))
