#!/usr/bin/env python3
"""Agreement between the corpus writers' labels and a blind second annotator on the dev splits (issue 13/14).

Usage: python3 tests/LabelAgreement/agreement.py   (from the repository root)
Reads src/MsmHelpdesk.Domain/Classification/Corpus/{dev.jsonl,coretax/dev.jsonl} and second-annotator-dev.jsonl;
prints observed agreement, Cohen's kappa and agreement where neither said `unknown`, per era and label.
Only ids the annotator labelled count (the dev splits may have grown since).
"""
import collections
import json
import pathlib

root = pathlib.Path(__file__).resolve().parents[2]
corpus = root / "src/MsmHelpdesk.Domain/Classification/Corpus"
second = {}
for line in open(pathlib.Path(__file__).with_name("second-annotator-dev.jsonl"), encoding="utf-8"):
    row = json.loads(line)
    second[row["id"]] = row


def kappa(pairs):
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    left, right = collections.Counter(a for a, _ in pairs), collections.Counter(b for _, b in pairs)
    expected = sum(left[k] * right[k] for k in left) / n / n
    return observed, (observed - expected) / (1 - expected)


for era, path, labels in (("ETAX-era", corpus / "dev.jsonl", ("scenario", "cause")),
                          ("Coretax-era", corpus / "coretax/dev.jsonl", ("scenario", "cause", "system"))):
    gold = [json.loads(line) for line in open(path, encoding="utf-8")]
    gold = [row for row in gold if row["id"] in second]
    for label in labels:
        pairs = [(row[label], second[row["id"]][label]) for row in gold]
        observed, k = kappa(pairs)
        named = [(a, b) for a, b in pairs if "unknown" not in (a, b)]
        print(f"{era:12} {label:9} n={len(pairs):3}  agreement {observed:.3f}  kappa {k:.3f}  "
              f"both named {sum(a == b for a, b in named) / len(named):.3f} ({len(named)})")
    misses = collections.Counter((a, b) for a, b in ((row["scenario"], second[row["id"]]["scenario"]) for row in gold) if a != b)
    print(f"{'':12} scenario: writer → annotator, most frequent: " + ", ".join(f"{a} → {b} {n}" for (a, b), n in misses.most_common(4)))
