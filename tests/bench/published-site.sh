# The published site as production runs it, shared by press.sh and allocations.sh (sourced, not
# run). Expects WORK (working directory) and SITE (the site's URL); sets APP and BENCH.

publish_site() { # Release with ReadyToRun into $WORK/app, and the load generator into $WORK/bench
  dotnet publish src/Integrationsoffensive -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$WORK/app" -v quiet -nologo >/dev/null
  dotnet build tests/bench/Bench -c Release -o "$WORK/bench" -v quiet -nologo >/dev/null
  APP="$WORK/app/Integrationsoffensive.dll"; BENCH="dotnet $WORK/bench/Bench.dll"
}

start_site() { # data directory; started from another working directory, in Production
  # MALLOC_ARENA_MAX and W^X as the Dockerfile sets them for production.
  (cd "$WORK" && MALLOC_ARENA_MAX=2 DOTNET_EnableWriteXorExecute=0 ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$SITE" DataDirectory="$1" exec dotnet "$APP" >"$WORK/site.log" 2>&1) &
  SERVER=$!
}

wait_for() { for _ in $(seq 1 6000); do curl -fso /dev/null "$1" && return 0; sleep 0.01; done; echo "no answer from $1"; exit 1; }
