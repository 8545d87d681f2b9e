#!/usr/bin/env bash
# HTTP benchmark: the service on an existing index under wrk at 1, 8 and 32 connections, on 127.0.0.1 only,
# each run bounded to DURATION seconds, for each query mix of scripts/bench-mix.lua (MIXES, default "short long typing"),
# beside the no-op ceiling: /health/live under the same wrk, what the cores and wrk allow before any search.
# Usage: [MIXES="long"] [CONNECTIONS="1 8 32"] [WARMUP=5] [PORT=5099] [ARCHIVE=DIR] scripts/bench-http.sh INDEX_DIR [DURATION]
# Each mix first runs WARMUP seconds unmeasured, so that its figures are the compiled code's steady state, not the JIT's
# first tiers (a cold one-connection run read a p99 two to three times its warm one).
# ARCHIVE is the archive the index was built from (default: the bundled sample). An index of another analysis version
# than this build's is rebuilt by the service from ARCHIVE as soon as it starts, so the run stops instead of measuring
# that rebuild: build the index with this checkout's `index` command first.
set -euo pipefail
index=${1:?usage: bench-http.sh INDEX_DIR [DURATION]}
duration=${2:-15}
root=$(cd "$(dirname "$0")/.." && pwd)
archive=${ARCHIVE:-$root/index-data/archive}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
# Published as the Dockerfile does (ReadyToRun), from its own folder so the search page's files are found.
dotnet publish -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true "$root/src/ArchiveSearch.Api" -o "$root/artifacts/api" >/dev/null
port=${PORT:-5099}
# Another service on the port would answer the load instead of this one, and this one would fail to bind.
if curl -s -o /dev/null "http://127.0.0.1:$port/"; then echo "127.0.0.1:$port already answers: stop what listens there, or set PORT" >&2; exit 1; fi
start=$(date +%s.%N)
env Protection__SearchRequestsPerMinute=0 Logging__LogLevel__Default=Warning "Logging__LogLevel__ArchiveSearch.Requests=Warning" \
  dotnet "$root/artifacts/api/ArchiveSearch.Api.dll" --contentRoot "$root/artifacts/api" --Search:IndexPath="$index" --Search:ArchivePath="$archive" \
  --Urls="http://127.0.0.1:$port" >/tmp/bench-http-service.log 2>&1 &
service=$!
trap 'kill $service 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  kill -0 $service 2>/dev/null || { echo "the service exited:"; cat /tmp/bench-http-service.log; exit 1; }
  if curl -sf "http://127.0.0.1:$port/api/search?q=%E6%A8%A1%E5%9E%8B" >/dev/null; then break; fi
  sleep 0.1
done
end=$(date +%s.%N)
if grep -q "full reindex job" /tmp/bench-http-service.log; then
  echo "the index at $index was built by another analysis version: the service started rebuilding it from $archive." >&2
  echo "Rebuild it with this checkout first (archive-search index --archive ARCHIVE --index $index), then measure." >&2
  exit 1
fi
echo "start-up to first answered search: $(echo "$end - $start" | bc) s"
echo "resident memory after start: $(( $(awk '/VmRSS/ {print $2}' /proc/$service/status) / 1024 )) MB"
load() { # connections, mix name or "no-op", path script or URL path
  local connections=$1 mix=$2 threads=$(( $1 < 2 ? 1 : 2 )) result
  if [ "$mix" = no-op ]; then
    result=$(wrk -t"$threads" -c"$connections" -d"${duration}s" --latency "http://127.0.0.1:$port/health/live")
  else
    result=$(MIX=$mix wrk -t"$threads" -c"$connections" -d"${duration}s" --latency -s "$root/scripts/bench-mix.lua" "http://127.0.0.1:$port")
  fi
  printf '%-7s %3s conn  %9s req/s  p50 %8s  p99 %8s\n' "$mix" "$connections" \
    "$(echo "$result" | awk '/Requests\/sec/ {print $2}')" "$(echo "$result" | awk '$1 == "50%" {print $2}')" "$(echo "$result" | awk '$1 == "99%" {print $2}')"
  # A throughput made of errors is no throughput: any failed or non-2xx answer fails the run.
  if echo "$result" | grep -E "Non-2xx|Socket errors"; then echo "errors under load ($mix, $connections connections)" >&2; exit 1; fi
}
mixes=${MIXES:-short long typing}
warmup=${WARMUP:-5}
for mix in $mixes; do
  if [ "$warmup" -gt 0 ]; then MIX=$mix wrk -t2 -c8 -d"${warmup}s" -s "$root/scripts/bench-mix.lua" "http://127.0.0.1:$port" >/dev/null; fi
done
for connections in ${CONNECTIONS:-1 8 32}; do
  load "$connections" no-op
  for mix in $mixes; do load "$connections" "$mix"; done
done
echo "resident memory after load: $(( $(awk '/VmRSS/ {print $2}' /proc/$service/status) / 1024 )) MB"
