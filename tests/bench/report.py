"""Prints the press-spike figures as a table with the targets beside them (figures only, no verdict)."""
import json
import statistics
import sys

rows = [line.split() for line in open(sys.argv[1]) if line.strip()]


def ms(text):
    value = float(text.rstrip("msu"))
    return value / 1000 if text.endswith("us") else value * 1000 if text.endswith("s") and not text.endswith("ms") else value


wrk = {}
for row in (r for r in rows if r[0] == "WRK" and len(r) == 5):
    wrk.setdefault(row[1], []).append((float(row[2]), ms(row[3]), ms(row[4])))


def median(label, i):
    values = [v[i] for v in wrk.get(label, [])]
    return statistics.median(values) if values else float("nan")


print("\n## Cached pages, full middleware, 64 connections (median of rounds)")
print("| page | encoding | site req/s | nginx req/s | site/nginx | site p50 ms | site p99 ms | target | Kestrel alone req/s | Kestrel/nginx | site/Kestrel |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
for page in ["/", "/unterzeichnende"]:
    for enc in ["plain", "br"]:
        site, nginx = median(f"site:{page}:{enc}", 0), median(f"nginx:{page}:{enc}", 0)
        ratio = site / nginx if nginx else float("nan")
        # Kestrel alone with the same bytes (tests/bench/Kestrel): the framework's ceiling here.
        bare = median(f"kestrel:{page}:{enc}", 0)
        print(f"| {page} | {enc} | {site:,.0f} | {nginx:,.0f} | {ratio:.2f} | {median(f'site:{page}:{enc}', 1):.2f} | {median(f'site:{page}:{enc}', 2):.2f} | ≥ 0.80, p99 ≤ 10 "
              f"| {bare:,.0f} | {bare / nginx if nginx else float('nan'):.2f} | {site / bare if bare else float('nan'):.2f} |")
for label, name in [("site:/unterzeichnende.json:br", "/unterzeichnende.json"), ("site:css:br", "fingerprinted CSS")]:
    print(f"| {name} | br | {median(label, 0):,.0f} | – | – | {median(label, 1):.2f} | {median(label, 2):.2f} | | – | – | – |")

def uncached_line(kind, label):
    answers = [r for r in rows if r[0] == kind]
    times = sorted(float(r[1]) * 1000 for r in answers)
    # An answer from the cache carries Age (age=N); a render does not (age=). Hits are not misses: say so.
    hits = sum(1 for r in answers if len(r) > 2 and r[2] != "age=")
    if times:
        p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
        warning = f" — {hits} of them came from the cache, not uncached" if hits else ""
        print(f"/unterzeichnende uncached, {label} (each page once, {len(times)} pages): median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms (target p95 ≤ 20 ms){warning}")

print()
uncached_line("UNCACHED", "first pass after the start")
uncached_line("UNCACHEDWARM", "after the stampede's approvals evicted them")
export = next((r for r in rows if r[0] == "EXPORT"), None)
if export:
    print(f"/unterzeichnende.json uncached, streamed: {float(export[1]) * 1000:.0f} ms, {int(float(export[2])) / 1024:.0f} KB")

stampede = next((r for r in rows if r[0] == "STAMPEDE"), None)
approvals = next((int(r[1]) for r in rows if r[0] == "APPROVALS"), 0)
if stampede:
    renders = int(stampede[1].split("=")[1]); errors = int(stampede[2].split("=")[1])
    print(f"\n## Stampede (256 connections, one approval a second)\nrenders {renders}, approvals {approvals}, "
          f"renders per eviction {renders / max(approvals, 1):.2f} (target 1), 5xx {errors} (target 0)")

print("\n## Applications on SQLite (confirmation mails over SMTP to a counting sink)")
print("| clients | accepted/s | p50 ms | p99 ms | errors | accepted | new rows | mails during | all mails out after | target |\n|---|---|---|---|---|---|---|---|---|---|")
for row in (r for r in rows if r[0] == "APPLY"):
    figures = json.loads(row[1]); new_rows = int(row[2])
    mails = f"{row[3]} | {row[4]} in {int(row[5]) / 1000:.1f} s" if len(row) > 5 else "– | –"
    print(f"| {figures['clients']} | {figures['perSecond']} | {figures['p50']} | {figures['p99']} | {figures['errors']} | {figures['accepted']} | {new_rows} | {mails} | ≥ 1,000/s at 32, p99 ≤ 100, 0 errors, rows = accepted |")
locked = next((r[1] for r in rows if r[0] == "LOCKED"), "0")
print(f"\n„database is locked“ in the log: {locked} (target 0)")

rss = next((int(r[1]) for r in rows if r[0] == "RSS"), 0)
print(f"Peak RSS: {rss / 1024:.0f} MB (target ≤ 250 MB)")
rounds = [r for r in rows if r[0] == "ROUNDRSS" and len(r) == 3]
if rounds:
    print("  highest resident memory per round, in the order they ran: " + ", ".join(f"{r[1]} {int(r[2]) / 1024:.0f} MB" for r in rounds))
cold = sorted(int(r[1]) for r in rows if r[0] == "COLD")
if cold:
    print(f"Cold start to the first 200 on /: median {statistics.median(cold):.0f} ms of {cold} (target ≤ 1,000 ms)")
weight = next((r for r in rows if r[0] == "WEIGHT"), None)
if weight:
    print(f"/ with all it loads, compressed: {int(weight[1]) / 1024:.1f} KB (target ≤ 30 KB): {' '.join(weight[2:])}")

multi_wrk = next((r for r in rows if r[0] == "MULTI_WRK" and len(r) == 4), None)
multi_apply = next((r for r in rows if r[0] == "MULTI_APPLY"), None)
multi_direct = next((r for r in rows if r[0] == "MULTI_DIRECT" and len(r) == 4), None)
skipped = next((" ".join(r[2:]) for r in rows if r[0] == "MULTI" and r[1] == "skipped"), None)
print("\n## One instance on SQLite beside two on PostgreSQL + Redis behind nginx")
if skipped:
    print(f"Two-instance row skipped: {skipped}.")
else:
    sqlite_apply = [json.loads(r[1]) for r in rows if r[0] == "APPLY"]
    sqlite_best = sqlite_apply[-1] if sqlite_apply else None
    print("| set-up | applications/s | clients | p99 ms | errors | accepted = new rows | cached / req/s | cached p99 ms |\n|---|---|---|---|---|---|---|---|")
    if sqlite_best:
        new_rows = int(next(r for r in rows if r[0] == "APPLY" and json.loads(r[1]) == sqlite_best)[2])
        print(f"| 1 × SQLite, direct | {sqlite_best['perSecond']} | {sqlite_best['clients']} | {sqlite_best['p99']} | {sqlite_best['errors']} | "
              f"{sqlite_best['accepted']} = {new_rows} | {median('site:/:br', 0):,.0f} | {median('site:/:br', 2):.2f} |")
    if multi_apply and multi_wrk:
        figures = json.loads(multi_apply[1])
        print(f"| 2 × PostgreSQL + Redis, through nginx (TLS) | {figures['perSecond']} | {figures['clients']} | {figures['p99']} | {figures['errors']} | "
              f"{figures['accepted']} = {multi_apply[2]} | {float(multi_wrk[1]):,.0f} | {ms(multi_wrk[3]):.2f} |")
    if multi_direct:
        print(f"| 1 of the 2 instances, direct (cache in Redis, no nginx) | – | – | – | – | – | {float(multi_direct[1]):,.0f} | {ms(multi_direct[3]):.2f} |")
