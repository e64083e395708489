#!/usr/bin/env python3
# Decision 0206. Run with the app's SQLite rather than the system's: make a directory holding a symlink libsqlite3.so.0 ->
# ~/.nuget/packages/sqlitepclraw.lib.e_sqlite3/<version>/runtimes/linux-x64/native/libe_sqlite3.so and set LD_LIBRARY_PATH to it.
# Insert cost per ticket: realistic rows (copies of existing tickets, new id/number, reported now, status New,
# unassigned) one per transaction into DB (WAL, synchronous=FULL, the app's 16 MiB cache, no memory map, no autocheckpoint).
# Prints CPU ms per ticket (this process: user+sys) and WAL bytes per commit. Usage: insertcost.py DB N [seed] (on a copy: it writes)
import sqlite3, sys, os, time, uuid, random
db, n = sys.argv[1], int(sys.argv[2]); seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
con = sqlite3.connect(db, isolation_level=None)
for p in ("journal_mode=WAL", "synchronous=FULL", "cache_size=-16384", "mmap_size=0", "foreign_keys=ON", "wal_autocheckpoint=0"):
    con.execute("PRAGMA " + p).fetchall()
con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
cols = [r[1] for r in con.execute("PRAGMA table_info(Tickets)")]
ids = [r[0] for r in con.execute("SELECT Id FROM Tickets ORDER BY Id")]
rng = random.Random(seed)
# ticks since 0001-01-01 (SQLite stores DateTimeOffset as ticks here)
now_ticks = lambda: int((time.time() + 62135596800) * 10_000_000)
override = {"Id": "?", "Number": "?", "ReportedAt": "?", "CreatedAt": "?", "UpdatedAt": "?", "Status": "'New'", "AssigneeId": "NULL",
            "ResolvedAt": "NULL", "ClosedAt": "NULL", "ResolutionSeconds": "NULL", "ConfirmedAt": "NULL", "Version": "1"}
sel = ", ".join(override.get(c, f'"{c}"') for c in cols)
order = [c for c in cols if override.get(c) == "?"]
sql = f'INSERT INTO Tickets ({", ".join(chr(34)+c+chr(34) for c in cols)}) SELECT {sel} FROM Tickets WHERE Id = ?'
wal = db + "-wal"
def walsize(): return os.path.getsize(wal) if os.path.exists(wal) else 0
# warm-up: 20 rows, then measure
def run(k, tag):
    t0 = time.process_time(); w0 = walsize(); c0 = time.perf_counter()
    for i in range(k):
        src = rng.choice(ids); t = now_ticks()
        vals = {"Id": str(uuid.UUID(int=rng.getrandbits(128))).upper(), "Number": f"BENCH-{seed}-{tag}-{i:06d}", "ReportedAt": t, "CreatedAt": t, "UpdatedAt": t}
        con.execute("BEGIN IMMEDIATE")
        con.execute(sql, [vals[c] for c in order] + [src])
        con.execute("COMMIT")
    return (time.process_time() - t0) * 1000 / k, (walsize() - w0) / k, (time.perf_counter() - c0) * 1000 / k
run(20, "w")
cpu, walb, wall = run(n, "m")
print(f"{db}\tcpu_ms={cpu:.3f}\twal_bytes_per_commit={walb:.0f}\twal_pages_per_commit={walb/4120:.2f}\twall_ms={wall:.3f}")
