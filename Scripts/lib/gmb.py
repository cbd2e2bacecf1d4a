"""Reading the GMB corpus (../shared/data/gmb/ner_dataset.csv) for the scripts: one implementation of its
layout (cp1252, one token a row `Sentence #,Word,POS,Tag`, the sentence number only on a sentence's first row)
and of the detokeniser the benchmark documents use."""
import csv


def sentences(path, drop_last=False):
    """Sentences as lists of (word, tag), in file order. `drop_last`: leave out the file's last sentence, which
    is cut off mid-sentence (as the tagger's training and held-out split do)."""
    result, current = [], []
    with open(path, encoding="cp1252", newline="") as f:
        rows = csv.reader(f)
        next(rows)
        for row in rows:
            if row[0].startswith("Sentence:") and current:
                result.append(current)
                current = []
            current.append((row[1], row[3]))
    if current and not drop_last:
        result.append(current)
    return result


def detokenize(words):
    text = ""
    for w in words:
        if text and not (w in {".", ",", ";", ":", "?", "!", "'s", "%", ")"} or text.endswith("(")):
            text += " "
        text += w
    return text
