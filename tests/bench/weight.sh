#!/usr/bin/env bash
# The weight of a page with everything it loads, as a browser gets it (Brotli where the site
# offers it): the page, its stylesheets, scripts, preloaded fonts and icons. Prints figures only.
#   tests/bench/weight.sh [PATH=/] [N=347]
# Publishes a Release build (static assets precompressed as in production), seeds N co-signers
# into a fresh data directory and starts it in Production mode on 127.0.0.1:5098.
set -euo pipefail
cd "$(dirname "$0")/../.."
PAGE=${1:-/}
N=${2:-347}
PORT=5098
BASE="http://127.0.0.1:$PORT"
DATA=$(mktemp -d)
OUT=$(mktemp -d)
trap 'kill "$SERVER" 2>/dev/null || true; rm -rf "$DATA" "$OUT"' EXIT

dotnet publish src/Integrationsoffensive -c Release -o "$OUT" -v quiet -nologo >/dev/null
ASPNETCORE_ENVIRONMENT=Development dotnet "$OUT/Integrationsoffensive.dll" seed-demo "$N" -- --DataDirectory="$DATA" --Content:Path="$PWD/content" | tail -1
ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$BASE" DataDirectory="$DATA" Site__PublicBaseUrl="$BASE" \
  Content__Path="$PWD/content" Serilog__MinimumLevel__Default=Warning dotnet "$OUT/Integrationsoffensive.dll" >/dev/null 2>&1 &
SERVER=$!
for _ in $(seq 1 100); do curl -fs "$BASE/healthz" >/dev/null && break; sleep 0.2; done

fetch() { curl -s -o /dev/null -H 'Accept-Encoding: br, gzip' -w '%{size_download}' "$1"; }
html=$(curl -s "$BASE$PAGE")
total=0
printf '%8s  %-10s %s\n' bytes encoding address
for url in "$PAGE" $(grep -oE '<(link|script)[^>]+(href|src)="/[^"]+"' <<<"$html" | grep -vE 'rel="canonical"' \
    | grep -oE '(href|src)="/[^"]+"' | sed -E 's/^(href|src)="//; s/"$//; s/&amp;/\&/g' | sort -u); do
  encoding=$(curl -s -o /dev/null -D - -H 'Accept-Encoding: br, gzip' "$BASE$url" | tr -d '\r' | awk -F': ' 'tolower($1)=="content-encoding"{print $2}')
  size=$(fetch "$BASE$url")
  printf '%8d  %-10s %s\n' "$size" "${encoding:--}" "$url"
  total=$((total + size))
done
printf '%8d  total (%.1f KB) for %s\n' "$total" "$(echo "$total / 1024" | bc -l)" "$PAGE"
