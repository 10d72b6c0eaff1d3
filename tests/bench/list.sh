#!/usr/bin/env bash
# Times /unterzeichnende with N seeded organizations, uncached and cached, and the bytes it sends.
# Prints figures only; it never decides whether anything passes.
#   tests/bench/list.sh [N=5000] [REQUESTS=200]
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-5000}
REQUESTS=${2:-200}
PORT=5099
DATA=$(mktemp -d)
APP=src/Integrationsoffensive/bin/Release/net10.0/Integrationsoffensive.dll
trap 'kill "$SERVER" 2>/dev/null || true; rm -rf "$DATA"' EXIT

dotnet build src/Integrationsoffensive -c Release -v quiet -nologo >/dev/null
ASPNETCORE_ENVIRONMENT=Development dotnet "$APP" seed-demo "$N" -- --DataDirectory="$DATA" --Content:Path="$PWD/content" | tail -1

ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$PORT" DataDirectory="$DATA" \
  Content__Path="$PWD/content" Serilog__MinimumLevel__Default=Warning dotnet "$APP" >/dev/null 2>&1 &
SERVER=$!
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done

measure() { # label, url-producing expression
  local label=$1; shift
  for i in $(seq 1 "$REQUESTS"); do
    curl -s -o /dev/null -w '%{time_total} %{size_download}\n' "$(eval "echo $*")"
  done | python3 -c '
import sys, statistics
rows = [tuple(map(float, l.split())) for l in sys.stdin if l.strip()]
t = sorted(r[0] * 1000 for r in rows); size = int(rows[-1][1])
p = lambda q: t[min(len(t) - 1, int(q * len(t)))]
print(f"{sys.argv[1]:<44} n={len(t):<4} median {statistics.median(t):6.2f} ms  p95 {p(0.95):6.2f} ms  max {t[-1]:6.2f} ms  {size:>7} bytes")
' "$label"
}

echo "Seeded: $N published organizations (+ 11 founders); $REQUESTS requests per line; curl on 127.0.0.1"
measure "uncached /unterzeichnende (page 1, A-Z)" "http://127.0.0.1:$PORT/unterzeichnende?nocache=\$i"
measure "uncached /unterzeichnende?seite=50" "http://127.0.0.1:$PORT/unterzeichnende?seite=50\&nocache=\$i"
measure "uncached /unterzeichnende?suche=frankfurt" "http://127.0.0.1:$PORT/unterzeichnende?suche=frankfurt\&nocache=\$i"
curl -s -o /dev/null "http://127.0.0.1:$PORT/unterzeichnende"
measure "cached   /unterzeichnende" "http://127.0.0.1:$PORT/unterzeichnende"
measure "uncached /unterzeichnende.json (all entries)" "http://127.0.0.1:$PORT/unterzeichnende.json?nocache=\$i"
measure "cached   /" "http://127.0.0.1:$PORT/"
if command -v wrk >/dev/null; then
  echo "wrk, cached /unterzeichnende, 2 threads, 32 connections, 10 s:"
  wrk -t2 -c32 -d10s "http://127.0.0.1:$PORT/unterzeichnende" | grep -E "Requests/sec|Latency|Transfer/sec"
fi
