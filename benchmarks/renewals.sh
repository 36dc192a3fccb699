#!/usr/bin/env bash
# Renews SUBSCRIPTIONS (100000) subscriptions that are all due at once, seeded in SQL (accounts with
# a saved sandbox card 4242, ACTIVE monthly subscriptions whose period ends in a minute), by one
# pass an administrator starts (POST /api/v1/admin/renewals/runs), on the sandbox gateway.
# Prints wall time, renewals/s, CPU seconds of Payara and of PostgreSQL, and the duplicate checks
# (invoices per subscription and period, charges per payment, paid payments per invoice: all
# must be 0), the subscriptions left unrenewed, and the most charges the sandbox received in any
# one second.
# Usage: benchmarks/renewals.sh   (build first: mvn -DskipTests package; needs psql, curl, python3)
# Knobs: SUBSCRIPTIONS (100000), LATENCY_MS (0: the sandbox's answer delay per charge),
#        RATE (unset: the provider's default, none for the sandbox; requests per second,
#        one per charge at the sandbox),
#        CONCURRENCY (8), BATCH (200), KEEP_RUNNING (0; 1 leaves the server and database up),
#        WARMUP (0: the timed pass is the fresh server's first; N renews N other subscriptions in an
#        untimed pass first, as on a server that has run for a while),
#        UPCOMING (PT0S: NOTIFY_RENEWAL_UPCOMING; the seeded renewals are due at once, so announcing
#        them, which a real base gets days before, would fall into the timed pass),
#        PROFILE (0; 1: async-profiler samples Payara's CPU during the pass, written as collapsed
#        stacks to PROFILE_OUT, default /tmp/renewals-profile.collapsed)
# Example (a slow provider with Stripe's test-mode limit):
#   SUBSCRIPTIONS=100000 LATENCY_MS=300 RATE=25 CONCURRENCY=16 benchmarks/renewals.sh
set -euo pipefail
cd "$(dirname "$0")/.."
jar=launcher/target/launcher.jar
[ -f "$jar" ] || { echo "build first: mvn -DskipTests package" >&2; exit 1; }
command -v psql >/dev/null || { echo "needs psql (apt-get install postgresql-client)" >&2; exit 1; }
N=${SUBSCRIPTIONS:-100000}; LATENCY_MS=${LATENCY_MS:-0}; CONCURRENCY=${CONCURRENCY:-8}
BATCH=${BATCH:-200}; WARMUP=${WARMUP:-0}
port=${HTTP_PORT:-18095}; dbport=${EMBEDDED_DB_PORT:-25495}
work=$(mktemp -d)
pid=
cleanup() {
  if [ "${KEEP_RUNNING:-0}" = 1 ]; then echo "left running: pid $pid, db port $dbport, work $work"; return; fi
  [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$work"
}
trap cleanup EXIT

rate_env=()
[ -n "${RATE:-}" ] && rate_env=(RENEWAL_REQUESTS_PER_SECOND="$RATE")
env -u BILLING_DB_URL -u CONTENT_DB_URL HTTP_PORT=$port EMBEDDED_DB_PORT=$dbport DATA_DIR="$work" \
  PAYARA_CLUSTER=false ETL_INTERVAL_SECONDS=0 DEMO_DATA=false RENEWAL_INTERVAL_SECONDS=0 \
  BILLING_ADMIN_LOGIN=bench-admin BILLING_ADMIN_PASSWORD=bench-admin-password-1 \
  NOTIFY_RENEWAL_UPCOMING=${UPCOMING:-PT0S} SANDBOX_CHARGE_LATENCY_MS=$LATENCY_MS RENEWAL_CONCURRENCY=$CONCURRENCY RENEWAL_BATCH=$BATCH \
  "${rate_env[@]}" java -jar "$jar" >"$work/run.log" 2>&1 &
pid=$!
until grep -q "is ready in" "$work/run.log"; do
  kill -0 $pid 2>/dev/null || { tail -20 "$work/run.log"; exit 1; }
  sleep 0.5
done
base=http://localhost:$port
sql() { psql -q -X -v ON_ERROR_STOP=1 -h localhost -p "$dbport" -U postgres -d cinema "$@"; }
value() { sql -tA -c "$1"; }
json() { python3 -c "import sys,json; print(json.load(sys.stdin)$1)"; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(lscpu | sed -n 's/^Model name: *//p')"
echo "subscriptions due: $N; sandbox latency ${LATENCY_MS} ms; rate ${RATE:-none}/s; concurrency $CONCURRENCY; batch $BATCH"
# seed PRODUCT LOGIN_PREFIX UUID_GROUP COUNT: COUNT accounts with a saved 4242 card, each with an
# ACTIVE monthly subscription to PRODUCT that ends a minute from now.
seed() {
  sql <<SQL
insert into billing.product (id, name, price, currency, period)
  values ('$1', 'Bench monthly ($2)', 299.00, 'RUB', 'month');
insert into billing.account (id, login, password_hash, email)
  select ('00000000-0000-0000-$3-' || lpad(to_hex(n), 12, '0'))::uuid, '$2' || n, 'x',
         '$2' || n || '@example.test'
  from generate_series(1, $4) n;
insert into billing.sandbox_saved_card (account_id, card_number)
  select id, '4242424242424242' from billing.account where login like '$2%';
insert into billing.subscription (account_id, product_id, status, price, currency, period,
    current_period_start, current_period_end, period_anchor)
  select id, '$1', 'ACTIVE', 299.00, 'RUB', 'month',
         now() - interval '1 month' + interval '1 minute', now() + interval '1 minute',
         now() - interval '1 month' + interval '1 minute'
  from billing.account where login like '$2%';
analyze billing.subscription; analyze billing.account; analyze billing.sandbox_saved_card;
SQL
}

# An administrator's token; logged in again when it expires (a paced pass outlasts it).
login() {
  token=$(curl -s -X POST -H 'Content-Type: application/json' \
    -d '{"login":"bench-admin","password":"bench-admin-password-1"}' \
    "$base/api/v1/content/login" | json "['access_token']")
}
login
# The launcher runs Payara Micro as its child process: count both.
payara_cpu() {
  for p in $pid $(pgrep -P "$pid"); do awk '{print ($14 + $15) / 100}' "/proc/$p/stat"; done |
    awk '{s += $1} END {print s}'
}
pg_cpu() { ps -C postgres -o times= | awk '{s += $1} END {print s}'; }
payara_java=$(pgrep -P "$pid" java | head -1)
profiler() {
  [ "${PROFILE:-0}" = 1 ] || return 0
  local version=4.1 jar lib=$work/profiler/linux-x64/libasyncProfiler.so
  jar=$HOME/.m2/repository/tools/profiler/async-profiler/$version/async-profiler-$version.jar
  [ -f "$jar" ] || mvn -B -q dependency:get -Dartifact=tools.profiler:async-profiler:$version >&2
  [ -f "$lib" ] || unzip -q -o -d "$work/profiler" "$jar" linux-x64/libasyncProfiler.so
  java benchmarks/profiler-attach.java "$payara_java" "$lib" "$1" >/dev/null
}
# Runs one pass and waits for its end (its JSON in $state).
pass() {
  local run
  run=$(curl -s -X POST -H "Authorization: Bearer $token" "$base/api/v1/admin/renewals/runs" | json "['id']")
  while :; do
    state=$(curl -s -H "Authorization: Bearer $token" "$base/api/v1/admin/renewals/runs/$run")
    case "$(echo "$state" | json ".get('status', '')")" in
      FINISHED) break ;;
      "") login ;; # not a run's state: the token expired
    esac
    sleep 0.2
  done
}
drained() {
  [ "$(value "select count(*) from billing.outbox_event where fanned_out_at is null") $(value "select count(*) from billing.notification where status in ('PENDING', 'FAILED')")" = "0 0" ]
}
if [ "$WARMUP" -gt 0 ]; then
  # A server that has run for a while has compiled its hot code; a fresh one compiles it during
  # its first pass (the JIT took about a quarter of Payara's CPU in a 30,000 cold pass).
  seed 00000000-0000-0000-0000-00000000b002 bench-warm- 0002 "$WARMUP"
  warm0=$(date +%s.%N)
  pass
  until drained; do sleep 1; done
  printf 'warm-up: %s renewals, %.1f s with their notifications\n' "$WARMUP" "$(echo "$(date +%s.%N) - $warm0" | bc)"
fi
seed 00000000-0000-0000-0000-00000000b001 bench-sub- 0001 "$N"
profile_out=${PROFILE_OUT:-/tmp/renewals-profile.collapsed}
profiler "start,event=cpu,interval=1ms,cstack=no"
cpu0=$(payara_cpu); pg0=$(pg_cpu)
start=$(date +%s.%N)
pass
wall=$(echo "$(date +%s.%N) - $start" | bc)
cpu1=$(payara_cpu); pg1=$(pg_cpu)
profiler "stop,file=$profile_out,collapsed"
echo "run: $state"
renewed=$(value "select count(*) from billing.invoice i join billing.subscription s on s.id = i.subscription_id where s.product_id = '00000000-0000-0000-0000-00000000b001' and i.status = 'PAID'")
printf 'wall %.1f s; renewed %s (%.0f/s); CPU Payara %.1f s, PostgreSQL %.1f s\n' \
  "$wall" "$renewed" "$(echo "$renewed / $wall" | bc -l)" "$(echo "$cpu1 - $cpu0" | bc)" "$(echo "$pg1 - $pg0" | bc)"
echo "duplicates: invoices per subscription and period >1: $(value "select count(*) from (select 1 from billing.invoice group by subscription_id, period_start having count(*) > 1) d")," \
  "paid payments per invoice >1: $(value "select count(*) from (select 1 from billing.payment where status in ('SUCCEEDED','PARTIALLY_REFUNDED','REFUNDED') group by invoice_id having count(*) > 1) d")," \
  "charges per payment >1: $(value "select count(*) from (select 1 from billing.sandbox_intent group by payment_ref having count(*) > 1) d")"
# What the renewals told (payment.succeeded, subscription.renewed): how long after the pass the
# last of those deliveries went out.
drain_start=$(date +%s.%N)
until drained; do sleep 1; done
printf 'notifications: %s events, %s deliveries sent; the last %.1f s after the pass\n' \
  "$(value "select count(*) from billing.outbox_event")" \
  "$(value "select count(*) from billing.notification where status = 'SENT'")" \
  "$(echo "$(date +%s.%N) - $drain_start" | bc)"
echo "left due (not renewed): $(value "select count(*) from billing.subscription where status = 'ACTIVE' and current_period_end <= now() + interval '1 hour'")"
# A renewal's call reaches the sandbox when it opens the payment's checkout (its first record);
# the charge is recorded a few statements later.
window() { value "select coalesce(max(c), 0) from (select count(*) over (order by created_at range between current row and interval '999999 microseconds' following) c from billing.$1) w"; }
echo "calls the sandbox received in any one second (sliding window), at most: $(window sandbox_checkout); charges recorded in any one second, at most: $(window sandbox_intent)"
