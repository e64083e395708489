#!/usr/bin/env python3
"""Adds tickets written after the freeze to train/dev, never to test (the frozen test files stay byte for byte):
SHA-256 of the ticket id (UTF-8), first byte b: b < 26 -> dev (~10 %), else train. Appends in id order to
OUTDIR/train.jsonl and OUTDIR/dev.jsonl; refuses an id already present in any of OUTDIR's three files.
Usage: fold.py OUTDIR SOURCE_FILES..."""
import hashlib, json, os, sys
out, sources = sys.argv[1], sys.argv[2:]
seen = set()
for name in ("train", "dev", "test"):
    path = f"{out}/{name}.jsonl"
    if os.path.exists(path):
        seen.update(json.loads(l)["id"] for l in open(path, encoding="utf-8") if l.strip())
sets = {"train": [], "dev": []}
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
        sets["dev" if b < 26 else "train"].append((ticket["id"], json.dumps(ticket, ensure_ascii=False)))
for name, rows in sets.items():
    with open(f"{out}/{name}.jsonl", "a", encoding="utf-8") as f:
        for _, row in sorted(rows):
            f.write(row + "\n")
    print(name, "+", len(rows))
