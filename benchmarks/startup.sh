#!/usr/bin/env bash
# Measures the run command: time from `java -jar launcher.jar` to every module ready, and the
# resident memory (RSS) of the Payara Micro process and of the embedded PostgreSQL once ready.
# Usage: benchmarks/startup.sh [runs]   (build first: mvn -DskipTests package)
# Each run starts on a fresh data folder ("cold": initdb + first migrations) and then once more on
# the same folder ("warm": what a developer sees on every later make run).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
jar=launcher/target/launcher.jar
[ -f "$jar" ] || { echo "build first: mvn -DskipTests package" >&2; exit 1; }
port=${HTTP_PORT:-18080}
dbport=${EMBEDDED_DB_PORT:-25432}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

measure() { # $1 = label, $2 = data dir
  local log="$work/run.log" start ready pid rss_payara rss_pg
  start=$(date +%s.%N)
  env -u BILLING_DB_URL -u CONTENT_DB_URL HTTP_PORT=$port EMBEDDED_DB_PORT=$dbport \
    DATA_DIR="$2" PAYARA_CLUSTER=${PAYARA_CLUSTER:-true} java -jar "$jar" >"$log" 2>&1 &
  pid=$!
  until grep -q "is ready in" "$log"; do
    kill -0 $pid 2>/dev/null || { echo "launcher died; see $log" >&2; cat "$log" | tail -20; exit 1; }
    sleep 0.2
  done
  ready=$(date +%s.%N)
  sleep 2 # let the pools settle before reading memory
  rss_payara=$(ps -o rss= -p "$(pgrep -f "payara-micro.jar --port $port")" | awk '{s+=$1} END {print s}')
  local postmaster
  postmaster=$(pgrep -f "bin/postgres -D $2/postgres")
  rss_pg=$(ps -o rss= -p "$postmaster,$(pgrep -d, -P "$postmaster")" | awk '{s+=$1} END {print s}')
  printf '%-5s ready %6.1f s   payara RSS %5d MiB   postgres RSS %4d MiB   %s\n' \
    "$1" "$(echo "$ready - $start" | bc)" $((rss_payara / 1024)) $((rss_pg / 1024)) \
    "$(grep -o 'ready in [0-9.]* s' "$log")"
  kill -TERM $pid
  wait $pid 2>/dev/null || true
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
for i in $(seq 1 "$runs"); do
  data="$work/data-$i"
  measure cold "$data"
  measure warm "$data"
done
