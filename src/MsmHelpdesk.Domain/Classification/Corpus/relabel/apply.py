#!/usr/bin/env python3
"""Decision 0204's correction rule, applied mechanically: a training label becomes the two annotators' label when both
gave the same valid label and it differs from the writer's. Usage: apply.py <corpus dir> <this folder> [--write], on the
corpus as it was before the correction (commit 89c5f23): it prints the counts and κ; --write corrects the two train files
and writes corrections.jsonl here."""
import json, sys, glob, os, collections
corpus, adj = sys.argv[1], sys.argv[2]
write = '--write' in sys.argv
SCEN = {'registration','upload','invoice','profile-sync','coretax-activation','coretax-invoice','coretax-access','coretax-return','other','unknown'}
CAUSE = {'corrupt-certificate','expired-certificate','wrong-passphrase','network','djp-outage','missing-role','account-data-mismatch',
         'data-validation','rule-change','credential-not-activated','other','unknown'}
SYS = {'efaktur-desktop','coretax','unknown'}
VALID = {'scenario': SCEN, 'cause': CAUSE, 'system': SYS}
def labels(folder):
    out = {}
    for f in [folder + '.jsonl'] if os.path.isfile(folder + '.jsonl') else sorted(glob.glob(os.path.join(folder, 'labels-*.jsonl'))):
        for line in open(f, encoding='utf-8'):
            line = line.strip()
            if not line: continue
            try: o = json.loads(line)
            except Exception: continue
            if isinstance(o, dict) and 'id' in o: out.setdefault(o['id'], o)
    return out
def kappa(pairs):
    n = len(pairs); po = sum(a == b for a, b in pairs) / n
    ca = collections.Counter(a for a, _ in pairs); cb = collections.Counter(b for _, b in pairs)
    pe = sum(ca[k] * cb[k] for k in ca) / (n * n)
    return po, (po - pe) / (1 - pe) if pe < 1 else 1.0
report = []; corrections = []
for era, fn, fields, batches in [('etax', 'train.jsonl', ['scenario', 'cause'], 2), ('coretax', 'coretax/train.jsonl', ['scenario', 'cause', 'system'], 3)]:
    sel = json.load(open(f'{adj}/{era}-selection.json'))
    group = {i: 'selected' for i in sel['disagree']} | {i: 'control' for i in sel['control']}
    lines = open(os.path.join(corpus, fn), encoding='utf-8').read().splitlines()
    rows = [json.loads(l) for l in lines]
    A, B = {}, {}
    for b in range(1, batches + 1):
        A |= labels(f'{adj}/annotators/{era}-{b}-a'); B |= labels(f'{adj}/annotators/{era}-{b}-b')
    changed = collections.Counter(); seen = collections.Counter(); agree = collections.defaultdict(list)
    new_lines = []
    for line, r in zip(lines, rows):
        g = group.get(r['id'])
        if g is None:
            new_lines.append(line); continue
        seen[g] += 1
        touched = False
        for f in fields:
            a = A.get(r['id'], {}).get(f); b = B.get(r['id'], {}).get(f); w = r.get(f)
            agree[f].append((str(a), str(b))); agree[f + ':wa'].append((str(w), str(a))); agree[f + ':wb'].append((str(w), str(b)))
            if a is not None and a == b and a in VALID[f] and a != w:
                corrections.append({'id': r['id'], 'era': era, 'group': g, 'field': f, 'writer': w, 'corrected': a})
                changed[(g, f)] += 1; r[f] = a; touched = True
        new_lines.append(json.dumps(r, ensure_ascii=False) if touched else line)
    missing = [i for i in group if i not in A or i not in B]
    report.append(f'{era}: selected {seen["selected"]}, control {seen["control"]}, missing annotator rows {len(missing)}')
    for f in fields:
        report.append(f'  {f}: changed selected {changed[("selected", f)]}/{seen["selected"]}, control {changed[("control", f)]}/{seen["control"]}; '
                      f'agreement (κ) A–B {kappa(agree[f])[0]:.3f} ({kappa(agree[f])[1]:.3f}), writer–A {kappa(agree[f+":wa"])[0]:.3f}, writer–B {kappa(agree[f+":wb"])[0]:.3f}')
    if write:
        open(os.path.join(corpus, fn), 'w', encoding='utf-8').write('\n'.join(new_lines) + '\n')
print('\n'.join(report))
if write:
    with open(os.path.join(adj, 'corrections.jsonl'), 'w', encoding='utf-8') as o:
        for c in corrections: o.write(json.dumps(c, ensure_ascii=False) + '\n')
