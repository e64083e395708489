#!/usr/bin/env python3
"""results.jsonl from run.sh -> one markdown table (warm-ups left out)."""
import json, sys

rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
print("| step | ok/requests | conc | ok/s | p50 ms | p95 ms | server CPU ms/req |")
print("|---|---|---|---|---|---|---|")
for r in rows:
    if r.get("mode") and r["label"] != "warm" and r["label"] != "sql_count":
        print(f"| {r['label']} | {r['ok']}/{r['requests']} | {r['concurrency']} | {r['ok_per_s']} | {r['p50_ms']} | {r['p95_ms']} | {r.get('server_cpu_ms_per_ok') or ''} |")
print()
for r in rows:
    if r["label"] == "sql_commands_per_creation":
        print(f"- SQL commands per creation (API, EF command log): {r['value']}")
    elif "start" in r:
        split = " + ".join(f"{v} {k.split('_')[1]}" for s in r["start"].get("split", {}).values() for k, v in s.items())
        print(f"- {r['label']}: {r['start']['pss_mib']} MiB PSS" + (f" ({split})" if split else ""))
    elif r["label"] == "tabs":
        print(f"- {r['tabs']} tabs of /tickets: PSS {r['pss_before_mib']} -> {r['pss_with_tabs_mib']} MiB, {r['pss_per_tab_mib']} MiB per tab"
              f" (anonymous {r.get('anon_per_tab_mib')}); after the idle trim with the tabs open {r.get('pss_trimmed_with_tabs_mib')} MiB,"
              f" {r.get('pss_per_tab_trimmed_mib')} MiB per tab (anonymous {r.get('anon_per_tab_trimmed_mib')})")
