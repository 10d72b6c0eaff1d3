#!/usr/bin/env bash
# What a cache hit allocates: the published site (Release, Production, a fresh data directory)
# answers one cached page under wrk while `Bench allocations` records the runtime's allocation
# ticks. Prints requests/s, bytes allocated per request and where (sampled: shares below 1 % are
# noise). Figures only; it never decides whether anything passes.
#   tests/bench/allocations.sh                    / with Accept-Encoding: br, gzip
#   tests/bench/allocations.sh /unterzeichnende ""   the list, uncompressed
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO=$PWD
PAGE=${1:-/}; ENCODING=${2-br, gzip}; SECONDS_TRACED=5
command -v wrk >/dev/null || { echo "allocations.sh needs wrk (apt-get install wrk)"; exit 1; }
WORK=$(mktemp -d /tmp/allocations-XXXXXX)
PORT=$((20000 + RANDOM % 10000)); SITE="http://127.0.0.1:$PORT"
cleanup() { [ -n "${SERVER:-}" ] && kill "$SERVER" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

echo "Publishing (Release, ReadyToRun) and building the bench …" >&2
source tests/bench/published-site.sh
publish_site
# Logging as in production (appsettings.json).
export Content__Path="$REPO/content" RateLimiting__Enabled=false
start_site "$WORK/data"; wait_for "$SITE/healthz"

wrk -t2 -c64 -d3s -H "Accept-Encoding: $ENCODING" "$SITE$PAGE" >/dev/null # warm: JIT, the cache filled
wrk -t2 -c64 -d$((SECONDS_TRACED + 2))s -H "Accept-Encoding: $ENCODING" "$SITE$PAGE" > "$WORK/wrk.txt" & LOAD=$!
sleep 1
$BENCH allocations --pid "$SERVER" --seconds "$SECONDS_TRACED" --top 25 > "$WORK/allocations.json"
wait "$LOAD"

python3 - "$WORK/wrk.txt" "$WORK/allocations.json" "$PAGE" "$ENCODING" "$SECONDS_TRACED" <<'PY'
import json, re, sys
wrk, figures, page, encoding, seconds = open(sys.argv[1]).read(), json.load(open(sys.argv[2])), sys.argv[3], sys.argv[4], float(sys.argv[5])
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", wrk).group(1))
print(f"{page} (Accept-Encoding: {encoding or '–'}), cached, 64 connections: {rps:,.0f} req/s, "
      f"{figures['sampledBytes'] / (rps * seconds):,.0f} bytes allocated per request (sampled over {seconds:.0f} s)")
print("\nby type:")
for t in figures["types"][:15]: print(f"  {t['share']:5.1f} %  {t['name']}")
print("\nby method on the stack (inclusive):")
for m in figures["methods"]: print(f"  {m['share']:5.1f} %  {m['name']}")
PY
