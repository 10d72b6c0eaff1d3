#!/usr/bin/env bash
# Cold starts of published builds, alternated so that a machine's drift hits each alike: each start
# from another working directory in Production, with a fresh data directory (or a copy of DATA), to
# the first 200 on /, then one GET /mitzeichnen (the first form). Prints each start and the medians.
# Prints figures; decides nothing.
#   tests/bench/cold-start.sh BUILD [BUILD …]       BUILD: a directory `dotnet publish` wrote
#   ROUNDS=10 DATA=/path/to/data tests/bench/cold-start.sh /tmp/before /tmp/after
set -euo pipefail
[ $# -ge 1 ] || { sed -n 2,7p "$0"; exit 2; }
CONTENT=$(cd "$(dirname "$0")/../.." && pwd)/content
ROUNDS=${ROUNDS:-10}
RESULTS=$(mktemp)
trap 'rm -f "$RESULTS"' EXIT
start() { # build
  local work port begin end pid
  work=$(mktemp -d); port=$((30000 + RANDOM % 10000))
  [ -n "${DATA:-}" ] && cp -r "$DATA" "$work/data"
  begin=$(date +%s%N)
  (cd "$work" && MALLOC_ARENA_MAX=2 DOTNET_EnableWriteXorExecute=0 ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_URLS="http://127.0.0.1:$port" DataDirectory="$work/data" Content__Path="$CONTENT" \
    exec dotnet "$1/Integrationsoffensive.dll" >"$work/site.log" 2>&1) &
  pid=$!
  for _ in $(seq 1 6000); do curl -fso /dev/null "http://127.0.0.1:$port/" && break; sleep 0.01; done
  end=$(date +%s%N)
  # CPU time (user + system, in clock ticks of 10 ms) and resident memory at the first answer.
  local cpu rss form
  cpu=$(awk '{print ($14 + $15) * 10}' "/proc/$pid/stat"); rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status")
  form=$(curl -fso /dev/null -w '%{time_total}' "http://127.0.0.1:$port/mitzeichnen")
  echo "$1 $(( (end - begin) / 1000000 )) $cpu $rss $(python3 -c "print(round($form * 1000))")" | tee -a "$RESULTS"
  kill "$pid"; wait "$pid" 2>/dev/null || true; rm -rf "$work"
}
echo "build first-200-ms cpu-ms rss-MB first-form-ms"
for _ in $(seq 1 "$ROUNDS"); do for build in "$@"; do start "$build"; done; done
python3 - "$RESULTS" <<'PY'
import collections, statistics, sys
runs = collections.defaultdict(list)
for line in open(sys.argv[1]):
    build, *values = line.split()
    runs[build].append([int(v) for v in values])
for build, rows in runs.items():
    medians = [statistics.median(column) for column in zip(*rows)]
    print(f"{build}: median first 200 {medians[0]:.0f} ms ({min(r[0] for r in rows)}–{max(r[0] for r in rows)}), "
          f"CPU {medians[1]:.0f} ms, resident {medians[2]:.0f} MB, first form {medians[3]:.0f} ms ({len(rows)} starts)")
PY
