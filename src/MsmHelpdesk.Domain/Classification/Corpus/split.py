#!/usr/bin/env python3
"""Splits the independent writers' tickets once, by a rule fixed before any tuning:
SHA-256 of the ticket id (UTF-8); first byte b: b < 77 -> test (frozen, ~30 %), 77 <= b < 103 -> dev (~10 %),
else train. The rule depends on the id alone, so adding tickets never moves an existing one between sets.
Usage: split.py OUTDIR SOURCE_FILES..."""
import hashlib, json, sys
out, sources = sys.argv[1], sys.argv[2:]
sets = {"train": [], "dev": [], "test": []}
seen = set()
for path in sorted(sources):
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if not line:
            continue
        ticket = json.loads(line)
        if ticket["id"] in seen:
            raise SystemExit(f"duplicate id {ticket['id']}")
        seen.add(ticket["id"])
        b = hashlib.sha256(ticket["id"].encode("utf-8")).digest()[0]
        name = "test" if b < 77 else "dev" if b < 103 else "train"
        sets[name].append((ticket["id"], json.dumps(ticket, ensure_ascii=False)))
for name, rows in sets.items():
    with open(f"{out}/{name}.jsonl", "w", encoding="utf-8") as f:
        for _, row in sorted(rows):
            f.write(row + "\n")
    print(name, len(rows))
