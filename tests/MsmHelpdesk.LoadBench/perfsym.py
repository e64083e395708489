#!/usr/bin/env python3
"""Names the managed frames of a `perf record -g` of the web process and sums its samples (run.sh's PERF=1).

With W^X on (the runtime's default, decision 0164) JIT code runs from `/memfd:doublemapper` mappings, which perf treats
as a file and so never looks up in the JIT's perf map (DOTNET_PerfMapEnabled=1): `perf report` shows bare addresses.
This maps each such frame back to its address (the mapping's start + the offset in the memfd) and names it from
/tmp/perf-<pid>.map. Precompiled (ReadyToRun) framework code is not in the map; its frames are named by their DLL.

  perfsym.py perf-10k_create_c8_r2.data [--top 40] [--category FILE]   # self and inclusive tables
  perfsym.py perf.data --stacks > folded.txt                           # folded stacks (root;...;leaf count)
  perfsym.py perf.data --breakdown                                     # samples per component (below)

--breakdown gives each sample to the component of its innermost frame that names one (the SQLite library, EF Core, the
classifier, JSON ...), so framework helpers (CoreLib, the runtime, libc) count for whoever called them. SQLite's own
frames carry no frame pointers: their stacks end early, which is why they are matched before anything else.
"""
import argparse
import bisect
import collections
import re
import subprocess
import sys

MMAP = re.compile(r"PERF_RECORD_MMAP2? (\d+)/\d+: \[(0x[0-9a-f]+)\((0x[0-9a-f]+)\) @ (0x[0-9a-f]+|0)[^\]]*\]: \S+ (.*)$")
FRAME = re.compile(r"^\s+([0-9a-f]+) (.*?) \((.*)\)$")


# (component, pattern on a frame name); the first component whose pattern matches a frame, innermost frame first.
COMPONENTS = [
    ("classifier", r"MsmHelpdesk\.Domain!(Classifier|TextModel|ErrorCodes)"),
    ("sqlite (native)", r"libe_sqlite3"),
    ("kernel: file I/O (pwrite, fsync)", r"^(__x64_sys_(pwrite64|fsync|fdatasync|pread64)|ksys_p)"),
    ("kernel: memory (munmap, page faults)", r"^(__x64_sys_(munmap|mmap|madvise|mprotect)|asm_exc_page_fault)"),
    ("kernel: scheduling, futex, sockets", r"^(__x64_sys_(futex|sched_yield|epoll_wait|sendto|recvfrom|sendmsg|recvmsg|write|read)|schedule$|__schedule)"),
    ("json", r"System\.Text\.Json"),
    ("logging", r"Microsoft\.Extensions\.Logging|LoggingBehaviour`2::Handle$"),
    ("validation, normaliser, secret guard", r"ValidationBehaviour`2::Handle$|InputNormaliser|SecretGuard|FluentValidation|Validator`1::\.ctor|Validator::\.ctor"),
    ("report totals (own code)", r"Tallies|InsertShape|ReportTotalsInterceptor::(ChangedTickets|InsertAsync)|TallyRows"),
    ("EF Core: SaveChanges", r"EntityFrameworkCore[^!]*!(StateManager::SaveChanges|StateManager\+<SaveChanges|BatchExecutor|CommandBatchPreparer|ChangeDetector|UpdateSqlGenerator|ModificationCommand|ReaderModificationCommandBatch|.*SaveChanges)"),
    ("EF Core: Add (graph attach)", r"EntityFrameworkCore!(InternalDbSet`1::Add|EntityGraphAttacher|EntityEntryGraphIterator|StateManager::StartTracking)"),
    ("EF Core: queries", r"EntityFrameworkCore[^!]*!(QueryCompiler|SingleQueryingEnumerable|EntityFrameworkQueryableExtensions|RelationalCommand|ShapedQuery|QueryContext|CompiledQueryCache|ExpressionTreeFuncletizer|RelationalDataReader)|SqlQuery"),
    ("EF Core: context set-up", r"EntityFrameworkCore[^!]*!(DbContext::\.ctor|DbContext::Dispose|DbContext\+<DisposeAsync|DbContext::get_ContextServices|DbContext::get_DbContextDependencies|DbContextFactory|DbContextPool)|AppDbContextFactory"),
    ("EF Core: other", r"EntityFrameworkCore"),
    ("Microsoft.Data.Sqlite", r"Microsoft\.Data\.Sqlite|System\.Data\.Common|SQLitePCL"),
    ("write gate, transaction", r"SqliteWriteGate|AppTransaction"),
    ("dependency injection", r"DependencyInjection"),
    ("authentication, authorisation", r"Authentication|Authorization|ApiKey|Claims"),
    ("rate limiting", r"RateLimiting"),
    ("app: handler, diagnosis, views", r"MsmHelpdesk\.(Application|Domain)"),
    ("app: web middleware, API", r"MsmHelpdesk\.Web"),
    ("Kestrel, HTTP, sockets", r"Kestrel|System\.Net|AspNetCore\.Http|AspNetCore\.Routing|AspNetCore\.Hosting|System\.IO\.Pipelines"),
    ("ASP.NET Core other", r"AspNetCore"),
    ("background jobs (Hangfire)", r"Hangfire"),
    ("JIT", r"libclrjit"),
]
# Only when no component matched: named by the innermost frame.
LEFTOVERS = [
    ("runtime stubs", r"^stub "),
    ("CoreLib (ReadyToRun, unnamed)", r"System\.Private\.CoreLib"),
    ("runtime (GC, type system; no symbols)", r"libcoreclr"),
    ("libc", r"libc\.so"),
    ("kernel, other", r"."),
]


def breakdown(named):
    comps = [(n, re.compile(p)) for n, p in COMPONENTS]
    rest = [(n, re.compile(p)) for n, p in LEFTOVERS]
    counts = collections.Counter()
    for stack in named:
        hit = next((n for frame in stack for n, p in comps if p.search(frame)), None)
        if hit is None and stack:
            hit = next(n for n, p in rest if p.search(stack[0]))
        counts[hit] += 1
    return counts


def load_perf_map(pid):
    starts, ends, names = [], [], []
    try:
        with open(f"/tmp/perf-{pid}.map", encoding="utf-8", errors="replace") as f:
            rows = []
            for line in f:
                parts = line.rstrip("\n").split(" ", 2)
                if len(parts) == 3:
                    rows.append((int(parts[0], 16), int(parts[1], 16), parts[2]))
    except FileNotFoundError:
        return None
    rows.sort()
    for start, size, name in rows:
        starts.append(start)
        ends.append(start + size)
        names.append(name)
    return starts, ends, names


def short(name):
    # "instance void [Asm] Ns.Type`1[...]::Method(args)[Optimized]" -> "Asm!Type::Method"
    m = re.search(r"\[([^\]]+)\] (.+?)::([^(\s]+)\(", name)
    if not m:
        return name[:120]
    asm, typ, meth = m.groups()
    typ = re.sub(r"\[.*\]", "", typ)
    return f"{asm}!{typ.split('.')[-1] if '<' not in typ else typ.rsplit('.', 1)[-1]}::{meth}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--stacks", action="store_true", help="print folded stacks instead of tables")
    ap.add_argument("--full", action="store_true", help="full managed names")
    ap.add_argument("--breakdown", action="store_true", help="samples per component")
    args = ap.parse_args()

    out = subprocess.run(["perf", "script", "-i", args.data, "--show-mmap-events", "-F", "comm,pid,tid,ip,sym,dso"],
                         capture_output=True, text=True, errors="replace").stdout
    memfd = []  # (pgoff, end_pgoff, start)
    pid = None
    samples = []
    current = None
    for line in out.splitlines():
        if "PERF_RECORD_MMAP" in line:
            m = MMAP.search(line)
            if m and "doublemapper" in m.group(5):
                pid = int(m.group(1))
                start, size, pgoff = int(m.group(2), 16), int(m.group(3), 16), int(m.group(4), 16)
                memfd.append((pgoff, pgoff + size, start))
            continue
        if not line.strip():
            if current:
                samples.append(current)
            current = None
            continue
        f = FRAME.match(line)
        if f and current is not None:
            current.append((int(f.group(1), 16), f.group(2), f.group(3)))
        elif not line.startswith("\t") and not line.startswith(" "):
            current = []
    if current:
        samples.append(current)
    memfd.sort()
    offs = [m[0] for m in memfd]
    pmap = load_perf_map(pid) if pid else None

    def name(ip, sym, dso):
        if "doublemapper" in dso and pmap:
            i = bisect.bisect_right(offs, ip) - 1
            if i >= 0 and memfd[i][0] <= ip < memfd[i][1]:
                addr = memfd[i][2] + ip - memfd[i][0]
                j = bisect.bisect_right(pmap[0], addr) - 1
                if j >= 0 and addr < pmap[1][j]:
                    return pmap[2][j] if args.full else short(pmap[2][j])
            return "[jit ?]"
        base = dso.rsplit("/", 1)[-1]
        if sym == "[unknown]" or not sym:
            return f"[{base}]"
        if base.endswith(".so") or ".so." in base:
            return f"{base}!{sym}"
        return sym if dso.startswith("[") else f"{base}!{sym}"

    named = [[name(*fr) for fr in s] for s in samples]  # leaf first
    total = len(named)
    if args.stacks:
        folded = collections.Counter(";".join(reversed(s)) for s in named)
        for stack, count in folded.most_common():
            print(stack, count)
        return
    if args.breakdown:
        print(f"# {total} samples, pid {pid}, perf map {'found' if pmap else 'MISSING'}")
        for component, count in breakdown(named).most_common():
            print(f"{100 * count / total:6.2f}%  {component}")
        return
    self_ = collections.Counter(s[0] for s in named if s)
    incl = collections.Counter()
    for s in named:
        for fr in set(s):
            incl[fr] += 1
    print(f"# {total} samples, pid {pid}, perf map {'found' if pmap else 'MISSING'}")
    print(f"## self (top {args.top})")
    for fr, c in self_.most_common(args.top):
        print(f"{100 * c / total:6.2f}%  {fr}")
    print(f"## inclusive (top {args.top * 2})")
    for fr, c in incl.most_common(args.top * 2):
        print(f"{100 * c / total:6.2f}%  {fr}")


if __name__ == "__main__":
    main()
