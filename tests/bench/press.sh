#!/usr/bin/env bash
# The press spike on one machine: the published site (Release, SQLite, 5,000 organizations) side by
# side with nginx serving the very same bytes (and Kestrel alone with them, tests/bench/Kestrel: the
# framework's ceiling), and a row for two instances on PostgreSQL + Redis
# behind nginx (tests/bench/two-instances.sh). Prints figures and the targets beside them; it never
# decides whether anything passes.
#   tests/bench/press.sh            the full run (about 6 minutes)
#   tests/bench/press.sh --smoke    seconds only, so that CI notices when the script rots
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO=$PWD
SMOKE=${1:-}
if [ "$SMOKE" = "--smoke" ]; then ORGS=200; SECS=1; ROUNDS=1; LEVELS="4"; DISTINCT=200; STAMPEDE=3; COLD=1
else ORGS=5000; SECS=5; ROUNDS=3; LEVELS="16 32 64"; DISTINCT=20000; STAMPEDE=10; COLD=5; fi
WORK=$(mktemp -d /tmp/press-XXXXXX); chmod 755 "$WORK" # nginx workers read the static copies
SITE_PORT=$((20000 + RANDOM % 10000)); NGINX_PORT=$((SITE_PORT + 1)); KESTREL_PORT=$((SITE_PORT + 3))
SITE="http://127.0.0.1:$SITE_PORT"; NGINX="http://127.0.0.1:$NGINX_PORT"; KESTREL="http://127.0.0.1:$KESTREL_PORT"
RESULTS=$WORK/results.txt; : > "$RESULTS"
cleanup() {
  [ -n "${SERVER:-}" ] && kill "$SERVER" 2>/dev/null
  [ -n "${SINK:-}" ] && kill "$SINK" 2>/dev/null
  [ -n "${BARE:-}" ] && kill "$BARE" 2>/dev/null
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null
  if [ -n "${KEEP:-}" ]; then echo "kept $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
note() { echo "$*" >&2; }

for tool in wrk nginx curl python3; do
  command -v "$tool" >/dev/null || { echo "press.sh needs $tool (apt-get install wrk nginx libnginx-mod-http-brotli-static curl python3)"; exit 1; }
done

note "Publishing (Release, ReadyToRun) and building the load generator …"
source tests/bench/published-site.sh
publish_site
# The second reference: Kestrel alone with the same bytes (tests/bench/Kestrel), published as the site is.
dotnet publish tests/bench/Kestrel -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$WORK/kestrel" -v quiet -nologo >/dev/null
# Logging as in production (appsettings.json): a line per application, none per reader's page view.
export Content__Path="$REPO/content" RateLimiting__Enabled=false Signing__MinimumFillSeconds=0

# Mails go over SMTP as in production, to the bench's counting sink (started below).
MAIL_PORT=$((SITE_PORT + 2)); MAILS="$WORK/mails"
export Email__Smtp__Host=127.0.0.1 Email__Smtp__Port=$MAIL_PORT Email__Smtp__Security=None

# 6 (cold start first, on a quiet machine): fresh data directory to the first 200 on /.
for i in $(seq 1 "$COLD"); do
  begin=$(date +%s%N); start_site "$WORK/cold$i"; wait_for "$SITE/"; end=$(date +%s%N)
  echo "COLD $(( (end - begin) / 1000000 ))" >> "$RESULTS"; kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
done

$BENCH mail-sink --port "$MAIL_PORT" --count-file "$MAILS" --links "$WORK/links" & SINK=$!
note "Seeding $ORGS organizations …"
ASPNETCORE_ENVIRONMENT=Development DataDirectory="$WORK/data" dotnet "$APP" seed-demo "$ORGS" >/dev/null
start_site "$WORK/data"; wait_for "$SITE/healthz"
PID=$SERVER
# Resident memory every 0.2 s, labelled with the round running, for the peak per round.
round() { echo "$1" > "$WORK/round"; }
round start
( while kill -0 "$PID" 2>/dev/null; do echo "$(cat "$WORK/round") $(awk '/VmRSS/ {print $2}' "/proc/$PID/status" 2>/dev/null)"; sleep 0.2; done ) > "$WORK/rss.txt" 2>/dev/null &

# 2: the bytes of / and /unterzeichnende, plain, gzip and brotli, for nginx.
mkdir -p "$WORK/static" "$WORK/nginx-tmp"
for page in / /unterzeichnende; do
  name=$([ "$page" = / ] && echo index || echo unterzeichnende)
  curl -fs "$SITE$page" -o "$WORK/static/$name.html"
  curl -fs -H 'Accept-Encoding: gzip' "$SITE$page" -o "$WORK/static/$name.html.gz"
  curl -fs -H 'Accept-Encoding: br' "$SITE$page" -o "$WORK/static/$name.html.br"
done
sed "s#@WORK@#$WORK#g; s#@PORT@#$NGINX_PORT#g" tests/bench/nginx.conf.template > "$WORK/nginx.conf"
nginx -c "$WORK/nginx.conf"; wait_for "$NGINX/"
(cd "$WORK" && MALLOC_ARENA_MAX=2 DOTNET_EnableWriteXorExecute=0 exec dotnet "$WORK/kestrel/Kestrel.dll" "$WORK/static" --urls "$KESTREL" >"$WORK/kestrel.log" 2>&1) &
BARE=$!; wait_for "$KESTREL/"

# The list uncached: each page of the A–Z list once (a cache miss each), and the full JSON export.
# Each answer's Age header is kept beside its time: an answer from the cache carries one (report.py counts them).
uncached_pass() { # round label, line label
  round "$1"
  for n in $(seq 2 $(( ORGS / 50 + 1 ))); do
    curl -fso /dev/null -w "$2 %{time_total} age=%header{age}\n" "$SITE/unterzeichnende?seite=$n" >> "$RESULTS"
  done
}
uncached_pass uncached UNCACHED
curl -fso /dev/null -w 'EXPORT %{time_total} %{size_download}\n' "$SITE/unterzeichnende.json" >> "$RESULTS"

# 3: wrk, alternately against the site and nginx.
CSS=$(grep -o 'href="/css/site[^"]*\.css"' "$WORK/static/index.html" | head -1 | cut -d'"' -f2)
load() { # label url [header]
  local out; out=$(wrk -t2 -c64 -d"${SECS}s" --latency ${3:+-H "$3"} "$2")
  echo "WRK $1 $(echo "$out" | awk '/Requests\/sec/ {print $2}') $(echo "$out" | awk '$1=="50%" {print $2}') $(echo "$out" | awk '$1=="99%" {print $2}')" >> "$RESULTS"
}
round wrk
for n in $(seq 1 "$ROUNDS"); do
  note "wrk round $n of $ROUNDS …"
  for enc in plain br; do
    header=$([ "$enc" = br ] && echo "Accept-Encoding: br, gzip" || true)
    load "site:/:$enc" "$SITE/" "$header";                      load "nginx:/:$enc" "$NGINX/" "$header"
    load "site:/unterzeichnende:$enc" "$SITE/unterzeichnende" "$header"; load "nginx:/unterzeichnende:$enc" "$NGINX/unterzeichnende" "$header"
    load "kestrel:/:$enc" "$KESTREL/" "$header";                load "kestrel:/unterzeichnende:$enc" "$KESTREL/unterzeichnende" "$header"
  done
  load "site:/unterzeichnende.json:br" "$SITE/unterzeichnende.json" "Accept-Encoding: br, gzip"
  load "site:css:br" "$SITE$CSS" "Accept-Encoding: br, gzip"
done

kill "$BARE"; wait "$BARE" 2>/dev/null || true; BARE=

# 4: stampede: 256 connections on / while a moderator approves one application per second.
note "Stampede …"
round stampede
EMAIL="last-moderation@beispiel.example"
LINK=$(ASPNETCORE_ENVIRONMENT=Production DataDirectory="$WORK/data" Site__PublicBaseUrl="$SITE" dotnet "$APP" moderator add "$EMAIL" --admin | tail -1)
$BENCH moderate --url "$SITE" --links "$WORK/links" --link "$LINK" --email "$EMAIL" --every 1 --seconds "$STAMPEDE" --ready "$WORK/approving" > "$WORK/approvals.json" &
APPROVER=$!
# The approver signs in and prepares applications first; the readers come when it begins to approve
# and stay two seconds after its last approval, so that each eviction meets readers.
for _ in $(seq 1 1200); do [ -f "$WORK/approving" ] && break; kill -0 "$APPROVER" 2>/dev/null || break; sleep 0.1; done
[ -f "$WORK/approving" ] || { echo "the approver did not get ready"; exit 1; }
wrk -t2 -c256 -d"$((STAMPEDE + 2))s" -s tests/bench/stampede.lua "$SITE/" | grep STAMPEDE >> "$RESULTS"
wait "$APPROVER"; echo "APPROVALS $(tail -1 "$WORK/approvals.json" | python3 -c 'import json,sys; print(json.load(sys.stdin)["approved"])')" >> "$RESULTS"

# The list uncached once more, now on a warm site, as on the night: the approvals just evicted every
# page, so each is a cache miss again, rendered by code the first pass has already brought up to speed.
uncached_pass uncached-warm UNCACHEDWARM

# 5: applications: distinct and valid, each client with its own antiforgery pair; rows must match.
for clients in $LEVELS; do
  note "Applications with $clients clients …"
  round "apply$clients"
  before=$($BENCH rows --db "$WORK/data/integrationsoffensive.db" | python3 -c 'import json,sys; print(json.load(sys.stdin)["applications"])')
  mails_before=$(cat "$MAILS")
  result=$($BENCH apply --url "$SITE" --clients "$clients" --seconds $((SECS * 2)))
  mails_during=$(( $(cat "$MAILS") - mails_before )); ended=$(date +%s%N)
  after=$($BENCH rows --db "$WORK/data/integrationsoffensive.db" | python3 -c 'import json,sys; print(json.load(sys.stdin)["applications"])')
  # Every new application has its confirmation mail (distinct addresses): how long until all are out.
  for _ in $(seq 1 600); do [ $(( $(cat "$MAILS") - mails_before )) -ge $((after - before)) ] && break; sleep 0.1; done
  echo "APPLY $result $((after - before)) $mails_during $(( $(cat "$MAILS") - mails_before )) $(( ($(date +%s%N) - ended) / 1000000 ))" >> "$RESULTS"
done
grep -c "database is locked" "$WORK/site.log" | sed 's/^/LOCKED /' >> "$RESULTS" || true

# 6: memory after many distinct list URLs; page weight of / with everything it loads.
note "$DISTINCT distinct searches …"
round distinct
$BENCH distinct --url "$SITE" --count "$DISTINCT" --clients 32 > /dev/null
echo "RSS $(awk '/VmHWM/ {print $2}' "/proc/$PID/status")" >> "$RESULTS"
# The peak of each round, in the order they ran (kB).
awk '$2 != "" { if (!($1 in peak)) order[++n] = $1; if ($2 > peak[$1]) peak[$1] = $2 } END { for (i = 1; i <= n; i++) printf "ROUNDRSS %s %d\n", order[i], peak[order[i]] }' "$WORK/rss.txt" >> "$RESULTS"
python3 tests/bench/weight.py "$SITE" >> "$RESULTS"

# 7: the same with two instances on PostgreSQL + Redis behind nginx (skipped, with the reason, when
# PostgreSQL or redis-server is missing). The SQLite site stops first, so both rows get the machine.
kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=
note "Two instances on PostgreSQL and Redis behind nginx …"
tests/bench/two-instances.sh "$WORK" "$APP" "$WORK/bench" "$ORGS" "$SECS" "${LEVELS##* }" "$RESULTS" >&2

python3 tests/bench/report.py "$RESULTS"
