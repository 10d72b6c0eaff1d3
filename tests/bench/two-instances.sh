#!/usr/bin/env bash
# The two-instance row of press.sh: the same published site twice, on PostgreSQL and Redis, behind
# nginx with the very configuration compose.yaml uses (deploy/nginx/integrationsoffensive.conf.template,
# TLS with a certificate made for the run). Everything on free loopback ports in $WORK; stopped at
# the end. Appends MULTI lines to the results file; prints "skipped" lines when a piece is missing.
#   two-instances.sh WORK APP BENCH_DIR ORGS SECONDS CLIENTS RESULTS
set -euo pipefail
WORK=$1; APP=$2; BENCH="dotnet $3/Bench.dll"; ORGS=$4; SECS=$5; CLIENTS=$6; RESULTS=$7
REPO=$(cd "$(dirname "$0")/../.." && pwd)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
skip() { echo "MULTI skipped $*" >> "$RESULTS"; exit 0; }

PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
command -v redis-server >/dev/null || skip "redis-server is not installed"
command -v openssl >/dev/null || skip "openssl is not installed"
[ -n "$PG_BIN" ] || skip "PostgreSQL is not installed"

M="$WORK/multi"; mkdir -p "$M/tls" "$M/nginx-tmp"; chmod 755 "$M" "$M/tls"; chmod 777 "$M/nginx-tmp"
cleanup() {
  for pid in ${SITES:-}; do kill "$pid" 2>/dev/null || true; done
  [ -f "$M/nginx.pid" ] && kill "$(cat "$M/nginx.pid")" 2>/dev/null
  [ -f "$M/redis.pid" ] && kill "$(cat "$M/redis.pid")" 2>/dev/null
  if [ -n "${OWN_CLUSTER:-}" ]; then pg_stop "$OWN_CLUSTER"
  elif [ -n "${DB:-}" ]; then "$PG_BIN/psql" "$ADMIN" -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1; fi
  return 0
}
trap cleanup EXIT

# PostgreSQL: the cluster CI started ($TEST_POSTGRES), else a throw-away one (.ci/postgres).
source "$REPO/.ci/postgres"
if [ -z "${TEST_POSTGRES:-}" ]; then pg_start || skip "PostgreSQL did not start"; OWN_CLUSTER=$PG_DIR; fi
field() { echo "$TEST_POSTGRES" | tr ';' '\n' | sed -n "s/^$1=//p"; }
ADMIN="host=$(field Host) port=$(field Port) user=$(field Username) dbname=postgres"
DB=press_$$
"$PG_BIN/psql" "$ADMIN" -qc "CREATE DATABASE $DB" >/dev/null
CONNECTION="Host=$(field Host);Port=$(field Port);Username=$(field Username);Database=$DB"
rows() { "$PG_BIN/psql" "host=$(field Host) port=$(field Port) user=$(field Username) dbname=$DB" -tAc 'SELECT count(*) FROM "Applications"'; }

REDIS_PORT=$(free_port)
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
  --dir "$M" --pidfile "$M/redis.pid" --logfile "$M/redis.log"

NGINX_PORT=$(free_port); PORT1=$(free_port); PORT2=$(free_port)
URL="https://127.0.0.1:$NGINX_PORT"
export Database__Provider=Postgres ConnectionStrings__Postgres="$CONNECTION" Redis__Configuration="127.0.0.1:$REDIS_PORT" \
  Site__PublicBaseUrl="$URL" ASPNETCORE_ENVIRONMENT=Production
ASPNETCORE_ENVIRONMENT=Development DataDirectory="$M/seed" dotnet "$APP" seed-demo "$ORGS" >/dev/null
SITES=""
for port in $PORT1 $PORT2; do
  (cd "$M" && ASPNETCORE_URLS="http://127.0.0.1:$port" DataDirectory="$M/data-$port" exec dotnet "$APP" >"$M/site-$port.log" 2>&1) &
  SITES="$SITES $!"
done
wait_for() { for _ in $(seq 1 6000); do curl -kfso /dev/null "$1" && return 0; sleep 0.01; done; echo "no answer from $1"; exit 1; }
wait_for "http://127.0.0.1:$PORT1/healthz"; wait_for "http://127.0.0.1:$PORT2/healthz"

openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=127.0.0.1" \
  -keyout "$M/tls/key.pem" -out "$M/tls/cert.pem" >/dev/null 2>&1
sed -e "s#\${APP_1}#127.0.0.1:$PORT1#g; s#\${APP_2}#127.0.0.1:$PORT2#g; s#\${LISTEN}#127.0.0.1:$NGINX_PORT#g" \
    -e "s#\${LISTEN_HTTP}#127.0.0.1:$(free_port)#g; s#\${TLS_CERTIFICATE}#$M/tls/cert.pem#g; s#\${TLS_KEY}#$M/tls/key.pem#g" \
    "$REPO/deploy/nginx/integrationsoffensive.conf.template" > "$M/site.conf"
cat > "$M/nginx.conf" <<CONF
worker_processes auto;
pid $M/nginx.pid;
error_log $M/nginx-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $M/nginx-tmp; proxy_temp_path $M/nginx-tmp; fastcgi_temp_path $M/nginx-tmp;
  uwsgi_temp_path $M/nginx-tmp; scgi_temp_path $M/nginx-tmp;
  include $M/site.conf;
}
CONF
nginx -c "$M/nginx.conf"; wait_for "$URL/healthz"

# Warm-up (JIT, connection pools, the key ring), then cached pages through the balancer (both
# instances answer from Redis), then applications.
wrk -t2 -c16 -d1s -H "Accept-Encoding: br, gzip" "$URL/" >/dev/null
$BENCH apply --url "$URL" --clients 2 --seconds 1 >/dev/null
out=$(wrk -t2 -c64 -d"${SECS}s" --latency -H "Accept-Encoding: br, gzip" "$URL/")
echo "MULTI_WRK $(echo "$out" | awk '/Requests\/sec/ {print $2}') $(echo "$out" | awk '$1=="50%" {print $2}') $(echo "$out" | awk '$1=="99%" {print $2}')" >> "$RESULTS"
# The same page straight from one instance (its cache in Redis), past nginx and TLS.
out=$(wrk -t2 -c64 -d"${SECS}s" --latency -H "Accept-Encoding: br, gzip" "http://127.0.0.1:$PORT1/")
echo "MULTI_DIRECT $(echo "$out" | awk '/Requests\/sec/ {print $2}') $(echo "$out" | awk '$1=="50%" {print $2}') $(echo "$out" | awk '$1=="99%" {print $2}')" >> "$RESULTS"
before=$(rows)
result=$($BENCH apply --url "$URL" --clients "$CLIENTS" --seconds $((SECS * 2)))
echo "MULTI_APPLY $result $(( $(rows) - before ))" >> "$RESULTS"
