#!/usr/bin/env bash
# The paying path under load: WORKERS viewers each loop the original scenario's journey
# (add-product -> pay on the sandbox checkout page with 4242 -> check-rights until allowed ->
# cancel-payment -> check-rights, which must say no), measured beside pgbench TPC-B on the same
# embedded PostgreSQL (the database's own limit on this machine).
#
# Usage: benchmarks/journey.sh        (build first: mvn -DskipTests package)
# Needs: java 17, psql and pgbench (Debian: postgresql-client), curl, python3.
#
# What it does:
#  1. starts launcher.jar (embedded PostgreSQL + Payara Micro, no cluster, the sandbox gateway) on
#     free ports with a fresh temporary data folder, from a private copy of launcher/target, with
#     the ETL schedule off and tokens that live an hour; notifications go out as in `make run` (the
#     log channel);
#  2. seeds one monthly product of MOVIES_PER_PRODUCT movies in SQL and registers WORKERS viewers
#     through the API, outside the timing;
#  3. pgbench: initialises scale PGBENCH_SCALE in a database of its own on the same PostgreSQL and
#     runs TPC-B with WORKERS clients for PGBENCH_DURATION seconds, the server idle;
#  4. the journeys (benchmarks/journey-load.java, one worker per viewer): WARMUP seconds not
#     counted, then DURATION seconds counted; CPU of Payara and PostgreSQL over the counted part,
#     Payara's largest RSS (sampled every second); with PROFILE=1 (default) async-profiler samples
#     Payara during the counted part and its samples are split by endpoint;
#  5. prints journeys/s, their ratio to pgbench's tps, paid -> access p50/p90/p99, errors, stale
#     answers (allowed after the refund), CPU, server CPU ms per request by endpoint, RSS; the
#     server log's errors.
#
# Knobs (environment): WORKERS=16 DURATION=60 WARMUP=60 POLL_MS=5 MOVIES_PER_PRODUCT=20
# PGBENCH_SCALE=10 PGBENCH_DURATION=30 PROFILE=1 KEEP_WORK=0 (1 keeps the temporary folder: server
# log, GC log, client output, profile); HTTP_PORT and EMBEDDED_DB_PORT are picked free unless set;
# PAYARA_JAVA_OPTS (default, as the run command's: -Xms128m -Xmx512m) is passed to the server, plus
# a GC log option.
set -euo pipefail
cd "$(dirname "$0")/.."
here=$PWD/benchmarks

WORKERS=${WORKERS:-16}
DURATION=${DURATION:-60}
WARMUP=${WARMUP:-60}
POLL_MS=${POLL_MS:-5}
MOVIES_PER_PRODUCT=${MOVIES_PER_PRODUCT:-20}
PGBENCH_SCALE=${PGBENCH_SCALE:-10}
PGBENCH_DURATION=${PGBENCH_DURATION:-30}
PROFILE=${PROFILE:-1}
KEEP_WORK=${KEEP_WORK:-0}

jar=launcher/target/launcher.jar
[ -f "$jar" ] || { echo "build first: mvn -DskipTests package" >&2; exit 1; }
for tool in java psql pgbench curl python3 ss; do
  command -v $tool >/dev/null ||
    { echo "needs $tool (Debian: apt-get install -y postgresql-client curl python3)" >&2; exit 1; }
done

log() { printf '[%s] %s\n' "$(date +%T)" "$*" >&2; }
free_port() { # a TCP port nobody listens on
  local p
  for _ in $(seq 1 200); do
    p=$((20000 + RANDOM % 30000))
    if [ -z "$(ss -Htln "sport = :$p")" ]; then echo $p; return 0; fi
  done
  echo "no free port found" >&2; return 1
}

port=${HTTP_PORT:-$(free_port)}
dbport=${EMBEDDED_DB_PORT:-$(free_port)}
[ "$port" != "$dbport" ] || dbport=$(free_port)
base=http://127.0.0.1:$port
work=$(mktemp -d -t journey.XXXXXX)
server_log=$work/server.log
launcher_pid=
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [ -n "$launcher_pid" ] && kill -0 "$launcher_pid" 2>/dev/null; then
    kill -TERM "$launcher_pid" 2>/dev/null || true
    for _ in $(seq 1 120); do kill -0 "$launcher_pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$launcher_pid" 2>/dev/null || true
    wait "$launcher_pid" 2>/dev/null || true
  fi
  rm -rf "$work/app"
  if [ "$status" -ne 0 ] && [ -f "$server_log" ]; then tail -30 "$server_log" >&2; fi
  if [ "$KEEP_WORK" = 1 ] || [ "$status" -ne 0 ]; then log "kept $work"; else rm -rf "$work"; fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- start -------------------------------------------------------------------------------------
mkdir -p "$work/app"
cp -r launcher/target/launcher.jar launcher/target/lib launcher/target/runtime "$work/app/"
log "starting the server: HTTP $port, PostgreSQL $dbport, data in $work/data"
env -u BILLING_DB_URL -u CONTENT_DB_URL HTTP_PORT=$port EMBEDDED_DB_PORT=$dbport \
  DATA_DIR="$work/data" PAYARA_CLUSTER=false DEMO_DATA=false ETL_INTERVAL_SECONDS=0 \
  BILLING_JWT_LIFETIME_SECONDS=3600 \
  PAYARA_JAVA_OPTS="${PAYARA_JAVA_OPTS:--Xms128m -Xmx512m} -Xlog:gc:file=$work/gc.log:timemillis" \
  java -jar "$work/app/launcher.jar" >"$server_log" 2>&1 &
launcher_pid=$!
deadline=$((SECONDS + 240))
until grep -q "Cinema billing is ready in" "$server_log"; do
  kill -0 "$launcher_pid" 2>/dev/null || { echo "the launcher died" >&2; exit 1; }
  [ $SECONDS -lt $deadline ] || { echo "not ready within 240 s" >&2; exit 1; }
  sleep 0.5
done
log "$(grep -o 'ready in [0-9.]* s' "$server_log")"
payara_pid=$(pgrep -f "payara-micro.jar --port $port" | head -1)
postmaster_pid=$(pgrep -f "bin/postgres -D $work/data/postgres" | head -1)
sql() { psql -h 127.0.0.1 -p "$dbport" -U postgres -d cinema -X -q -v ON_ERROR_STOP=1 "$@"; }

# --- seed --------------------------------------------------------------------------------------
product=$(python3 -c 'import uuid; print(uuid.uuid4())')
log "seeding a monthly product of $MOVIES_PER_PRODUCT movies, registering $WORKERS viewers"
sql -v product="$product" -v movies="$MOVIES_PER_PRODUCT" <<'SQL'
insert into billing.movie (id, title, type)
select md5('journey-movie-' || i)::uuid, 'Journey movie ' || i, 'movie'
from generate_series(1, :movies) i;
insert into billing.product (id, name, price, currency, period)
values (:'product', 'Journey bundle', 299, 'RUB', 'month');
insert into billing.product_movie (id, product_id, movie_id)
select gen_random_uuid(), :'product', md5('journey-movie-' || i)::uuid
from generate_series(1, :movies) i;
analyze billing.movie, billing.product, billing.product_movie;
SQL
movie=$(sql -At -c "select md5('journey-movie-1')::uuid")
: >"$work/tokens.txt"
for i in $(seq 1 "$WORKERS"); do
  answer=$(curl -s --max-time 60 -H "Content-Type: application/json" \
    -d "{\"login\":\"journey-$i\",\"password\":\"journey-pass-$i\",\"email\":\"journey-$i@example.test\",\"fullname\":\"Journey Viewer $i\",\"phone\":\"+7 900 000 00 00\"}" \
    "$base/api/v1/content/register")
  token=$(echo "$answer" | python3 -c 'import sys, json; print(json.load(sys.stdin)["access_token"])') ||
    { echo "register journey-$i failed: $answer" >&2; exit 1; }
  echo "$token" >>"$work/tokens.txt"
done

# --- measuring helpers -------------------------------------------------------------------------
ticks() { # Payara's and PostgreSQL's (all its processes) CPU ticks
  local pg p
  pg=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$postmaster_pid/stat")
  for p in $(pgrep -P "$postmaster_pid"); do
    pg=$((pg + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0)))
  done
  echo "$(awk '{print $14 + $15}' "/proc/$payara_pid/stat") $pg"
}
hz=$(getconf CLK_TCK)
machine_ticks() { # the whole machine's busy, stolen (by the hypervisor) and idle ticks
  awk '/^cpu / {print $2 + $3 + $4 + $7 + $8, $9, $5 + $6}' /proc/stat
}

# --- pgbench: the database's own limit ---------------------------------------------------------
log "pgbench: scale $PGBENCH_SCALE, TPC-B, $WORKERS clients, $PGBENCH_DURATION s (server idle)"
sql -c "create database pgbench"
pgbench -h 127.0.0.1 -p "$dbport" -U postgres -i -q -s "$PGBENCH_SCALE" pgbench >"$work/pgbench-init.txt" 2>&1
pgbench -h 127.0.0.1 -p "$dbport" -U postgres -c "$WORKERS" -j 2 -T "$PGBENCH_DURATION" pgbench \
  >"$work/pgbench.txt" 2>&1
pgbench_tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$work/pgbench.txt" | head -1)
log "pgbench: $pgbench_tps tps"
sql -c "drop database pgbench"

# --- journeys ----------------------------------------------------------------------------------
profiler() { # $1 = async-profiler options, sent to Payara
  local version=4.1 jar lib=$work/profiler/linux-x64/libasyncProfiler.so
  jar=$HOME/.m2/repository/tools/profiler/async-profiler/$version/async-profiler-$version.jar
  [ -f "$jar" ] || mvn -B -q dependency:get -Dartifact=tools.profiler:async-profiler:$version >&2
  [ -f "$lib" ] || unzip -q -o -d "$work/profiler" "$jar" linux-x64/libasyncProfiler.so
  java "$here/profiler-attach.java" "$payara_pid" "$lib" "$1" >/dev/null
}
[ "$PROFILE" != 1 ] || profiler "status" # fetched and loaded before the timing
log "journeys: $WORKERS workers, $WARMUP s warm-up, $DURATION s counted"
java -XX:+UseSerialGC -Xmx256m "$here/journey-load.java" "$base" "$product" "$movie" \
  "$work/tokens.txt" "$WARMUP" "$DURATION" "$POLL_MS" >"$work/journeys.txt" 2>"$work/journeys.err" &
client=$!
client_ticks() { awk '{print $14 + $15}' "/proc/$client/stat" 2>/dev/null || echo 0; }
until grep -q measuring "$work/journeys.err"; do
  kill -0 $client 2>/dev/null || { cat "$work/journeys.err" >&2; exit 1; }
  sleep 0.1
done
[ "$PROFILE" != 1 ] || profiler "start,event=cpu,interval=1ms,cstack=no"
read -r payara0 pg0 <<<"$(ticks)"
read -r busy0 steal0 idle0 <<<"$(machine_ticks)"
client0=$(client_ticks)
rss_max=0
until grep -q measured "$work/journeys.err"; do
  rss=$(ps -o rss= -p "$payara_pid" | awk '{print int($1 / 1024)}')
  [ "$rss" -le "$rss_max" ] || rss_max=$rss
  sleep 1
done
read -r payara1 pg1 <<<"$(ticks)"
read -r busy1 steal1 idle1 <<<"$(machine_ticks)"
client1=$(client_ticks)
[ "$PROFILE" != 1 ] || profiler "stop,file=$work/profile.collapsed,collapsed"
wait $client || { cat "$work/journeys.err" >&2; exit 1; }

# --- summary -----------------------------------------------------------------------------------
figure() { sed -n "s/.*\b$1=\([^ ]*\).*/\1/p" "$work/journeys.txt" | head -1; }
journeys_per_s=$(figure journeys_per_s)
seconds=$(figure seconds)
cpu() { awk -v t="$1" -v hz="$hz" -v s="$seconds" 'BEGIN {printf "%.2f", t / hz / s}'; }
echo
echo "journey benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(nproc) cores ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo))," \
  "$(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1); client on the same cores"
echo "workers: $WORKERS, $WARMUP s warm-up, $DURATION s counted, check-rights polled every $POLL_MS ms"
echo "pgbench TPC-B (scale $PGBENCH_SCALE, $WORKERS clients, $PGBENCH_DURATION s): $pgbench_tps tps"
echo "journeys/s: $journeys_per_s ($(awk -v j="$journeys_per_s" -v t="$pgbench_tps" \
  'BEGIN {printf "%.3f", j / t}') of pgbench's tps); $(grep '^journeys=' "$work/journeys.txt")"
echo "errors and stale answers (access after the refund): $(grep '^errors=' "$work/journeys.txt")"
grep -E '^(error_|first_error=)' "$work/journeys.txt" || true
echo "paid -> access: $(sed -n 's/^paid_to_access_ms //p' "$work/journeys.txt") ms"
echo "cores used: Payara $(cpu $((payara1 - payara0))), PostgreSQL $(cpu $((pg1 - pg0))), client $(cpu $((client1 - client0)))"
echo "the machine's cores: $(awk -v b=$((busy1 - busy0)) -v s=$((steal1 - steal0)) \
  -v i=$((idle1 - idle0)) 'BEGIN {t = b + s + i; printf "%.0f %% busy, %.0f %% stolen by the hypervisor, %.0f %% idle", 100 * b / t, 100 * s / t, 100 * i / t}')"
echo "Payara RSS: at most $rss_max MiB during the counted part"
echo "server CPU (Payara + PostgreSQL) per journey: $(awk -v a=$((payara1 - payara0 + pg1 - pg0)) \
  -v hz="$hz" -v s="$seconds" -v j="$journeys_per_s" 'BEGIN {printf "%.1f", a / hz / s / j * 1000}') ms"
echo "requests (client side latency, ms):"
grep '^endpoint=' "$work/journeys.txt" | sed 's/^/  /'
if [ "$PROFILE" = 1 ]; then
  echo "Payara CPU by what it was doing (async-profiler, cpu, 1 ms), ms per request of the endpoint:"
  python3 - "$work/profile.collapsed" "$work/journeys.txt" "$(awk -v t=$((payara1 - payara0)) \
    -v hz="$hz" 'BEGIN {print t / hz}')" <<'PY'
import re, sys
collapsed, journeys, payara_seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
# A sample belongs to the first of these frames found in its stack (leaf-most matters not:
# resource methods do not call each other).
parts = [
    ("add-product", "BillingResource.addProduct"),
    ("checkout-form", "SandboxCheckoutResource.pay"),
    ("webhook (billing receives)", "BillingResource.webhook"),
    ("cancel-payment", "BillingResource.cancelPayment"),
    ("check-rights", "ContentResource.checkRights"),
    ("webhook (sandbox sends)", "SandboxWebhooks"),
    ("notifications", "notification/NotificationDispatcher"),
    ("HTTP, filters, JSON outside resource methods", "grizzly"),
    ("GC", "GCTaskThread"), ("GC", "G1"), ("JIT compiler", "CompileBroker"),
]
counts, total = {}, 0
for line in open(collapsed):
    stack, _, n = line.rstrip().rpartition(" ")
    n = int(n); total += n
    part = next((name for name, frame in parts if frame in stack), "other")
    counts[part] = counts.get(part, 0) + n
requests = {}
for line in open(journeys):
    m = re.match(r"endpoint=(\S+) count=(\d+)", line)
    if m:
        key = m.group(1).split("_(")[0]
        requests[key] = requests.get(key, 0) + int(m.group(2))
journeys_done = int(re.search(r"^journeys=(\d+)", open(journeys).read(), re.M).group(1))
for part, n in sorted(counts.items(), key=lambda kv: -kv[1]):
    share = n / total
    ms = payara_seconds * share * 1000
    per = requests.get(part, journeys_done)
    unit = "request" if part in requests else "journey"
    print(f"  {part:46s} {share * 100:5.1f} %  {ms / max(per, 1):6.2f} ms per {unit}")
PY
fi
errors=$(grep -c 'SEVERE' "$server_log" || true)
echo "server log: $errors SEVERE lines"
[ "$errors" = 0 ] || grep 'SEVERE' "$server_log" | head -5
