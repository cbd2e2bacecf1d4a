#!/usr/bin/env python3
"""Writes a GraphML file of N nodes and M edges in entity-graph's own dialect (the keys GraphMLWriter declares),
deterministic, with realistic attribute sizes: labels, aliases, document lists, a 100-300 character evidence
sentence per edge. Usage: big_graph.py OUT.graphml [NODES [EDGES]]   (default 100,000 and 500,000)."""
import random, sys
from xml.sax.saxutils import escape

out = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
m = int(sys.argv[3]) if len(sys.argv) > 3 else 500_000
rng = random.Random(6)
types = ["person", "organisation", "country", "location", "meeting"]
kinds = ["role", "member_of", "participant", "held_in", "located_in", "interaction", "co_mention"]
words = ("minister talks summit said officials agreed security council capital border trade envoy meeting "
         "president government foreign ministry spokesman week visit peace & <agreement> \"quoted\"").split()
node_keys = [("label", "string"), ("type", "string"), ("aliases", "string"), ("mentions", "int"),
             ("documents", "string"), ("first_seen", "string"), ("last_seen", "string"), ("identity", "string")]
edge_keys = [("kind", "string"), ("label", "string"), ("relation", "string"), ("weight", "double"),
             ("documents", "string"), ("evidence", "string"), ("evidence_document", "string"),
             ("evidence_start", "int"), ("evidence_end", "int"), ("date", "string")]
with open(out, "w", encoding="utf-8") as f:
    w = f.write
    w('<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n')
    for name, t in node_keys:
        w(f'  <key id="node_{name}" for="node" attr.name="{name}" attr.type="{t}"/>\n')
    for name, t in edge_keys:
        w(f'  <key id="edge_{name}" for="edge" attr.name="{name}" attr.type="{t}"/>\n')
    w('  <graph id="G" edgedefault="directed">\n')
    for i in range(n):
        t = types[i * len(types) // n]
        label = f"{rng.choice(words).title()} {rng.choice(words).title()} {i}"
        docs = "|".join(f"doc{rng.randrange(100000):05d}" for _ in range(rng.randrange(1, 4)))
        w(f'    <node id="n{i}">\n'
          f'      <data key="node_label">{escape(label)}</data>\n      <data key="node_type">{t}</data>\n'
          f'      <data key="node_aliases">{escape(label.split()[0])}</data>\n'
          f'      <data key="node_mentions">{rng.randrange(1, 50)}</data>\n'
          f'      <data key="node_documents">{docs}</data>\n'
          f'      <data key="node_first_seen">2024-01-0{rng.randrange(1, 10)}</data>\n'
          f'      <data key="node_last_seen">2024-02-0{rng.randrange(1, 10)}</data>\n'
          f'      <data key="node_identity">{t}:{escape(label.lower())}</data>\n    </node>\n')
    for e in range(m):
        s, t = rng.randrange(n), rng.randrange(n)
        kind = rng.choice(kinds)
        label = "foreign minister" if kind == "role" else ""
        sentence = " ".join(rng.choice(words) for _ in range(rng.randrange(3, 9))).capitalize() + "."
        start = rng.randrange(5000)
        w(f'    <edge id="e{e}" source="n{s}" target="n{t}">\n'
          f'      <data key="edge_kind">{kind}</data>\n'
          + (f'      <data key="edge_label">{label}</data>\n' if label else "")
          + f'      <data key="edge_weight">{rng.randrange(1, 9)}</data>\n'
          f'      <data key="edge_documents">doc{rng.randrange(100000):05d}</data>\n'
          f'      <data key="edge_evidence">{escape(sentence)}</data>\n'
          f'      <data key="edge_evidence_document">doc{rng.randrange(100000):05d}</data>\n'
          f'      <data key="edge_evidence_start">{start}</data>\n'
          f'      <data key="edge_evidence_end">{start + len(sentence)}</data>\n    </edge>\n')
    w('  </graph>\n</graphml>\n')
