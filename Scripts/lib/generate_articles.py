"""Writes N short generated news articles (date header, title, body) into a directory, for the sharding tests.

The same N always gives the same files. People recur across articles, every other time by surname alone, so the
corpus-level joins (a surname finding its full name in another document, the first sighting's type and label)
decide the graph: the parts a sharded run could get wrong. Usage: generate_articles.py OUTDIR [N]
"""

import os
import random
import sys

PEOPLE = [("Anna", "Kovacs"), ("Peter", "Lindqvist"), ("Maria", "Okafor"), ("Jonas", "Brandt"),
          ("Leila", "Haddad"), ("Tomas", "Novak"), ("Ines", "Duarte"), ("Kenji", "Morita")]
PLACES = [("Norway", "Oslo"), ("Kenya", "Nairobi"), ("Brazil", "Brasilia"), ("Japan", "Tokyo"),
          ("Poland", "Warsaw"), ("Chile", "Santiago"), ("Egypt", "Cairo"), ("Canada", "Ottawa")]
BODIES = ["the United Nations", "the World Health Organization", "the African Union", "NATO",
          "the European Union", "the World Bank"]
OFFICES = ["Foreign Minister", "Prime Minister", "Defense Minister", "President"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def article(rng, index):
    (first_a, last_a), (first_b, last_b) = rng.sample(PEOPLE, 2)
    (country, city), (other, _) = rng.sample(PLACES, 2)
    body, office, day = rng.choice(BODIES), rng.choice(OFFICES), rng.choice(DAYS)
    name_a = f"{first_a} {last_a}" if index % 2 == 0 else last_a
    sentences = [
        f"{country}'s {office} {name_a} met {first_b} {last_b} of {body} in {city} on {day}.",
        f"{last_a} said the two sides discussed trade and security with {other}.",
        f"{last_b} told reporters that {country} would host another round of talks.",
    ]
    if rng.random() < 0.5:
        sentences.append(f"Officials from {other} and {body} will attend a summit in {city} next month.")
    rng.shuffle(sentences[1:])
    return (f"date 2024-{index % 12 + 1:02d}-{index % 28 + 1:02d}\n\nTalks in {city}\n\n" + " ".join(sentences) + "\n")


def main(argv):
    directory = argv[0]
    count = int(argv[1]) if len(argv) > 1 else 300
    rng = random.Random(7)
    os.makedirs(directory, exist_ok=True)
    for index in range(count):
        with open(os.path.join(directory, f"gen-{index:04d}.txt"), "w", encoding="utf-8") as handle:
            handle.write(article(rng, index))


if __name__ == "__main__":
    main(sys.argv[1:])
