#!/usr/bin/env bash
# Load benchmark of the access check, POST /api/v1/content/check-rights/{movie}, measured side by
# side with the trivial GET /api/v1/ping on the same server, in the same run, with the same tool,
# connections and duration.
#
# Usage: benchmarks/check-rights.sh        (build first: mvn -DskipTests package)
# Needs: java 17, wrk, psql, curl, /usr/bin/time (Debian: apt-get install wrk time postgresql-client).
#
# What it does:
#  1. starts launcher.jar (embedded PostgreSQL + Payara Micro, no cluster) on free ports with a
#     fresh temporary data folder, from a private copy of launcher/target (a rebuild while the
#     benchmark runs does not touch it), with the ETL schedule off (the catalog is seeded here) and
#     tokens that live an hour;
#  2. seeds the catalog copy in SQL (MOVIES movies, PRODUCTS products of about MOVIES_PER_PRODUCT
#     movies each), registers USERS viewers through the API (their tokens are the ones measured),
#     gives each SUBSCRIPTIONS active subscriptions and one canceled one in SQL, and draws
#     PAIRS_PER_USER (user, movie) pairs per user: half from the user's own products (mostly
#     "allow": true), half uniformly from the catalog (mostly false);
#  3. warms up both endpoints at once for WARMUP seconds (the default 300 is not generous: on 2
#     cores Payara's throughput still climbs for about 5 minutes of full load while the JIT
#     compiles; 20 s gave a third of the final figures), then ROUNDS times: wrk on ping, on ping
#     carrying a random user's token (TOKEN_PING=1; the server verifies a bearer token whenever
#     one is sent, so this row is the price of token verification alone), and on check-rights
#     (random pairs), CONNECTIONS connections and DURATION seconds each: the throughput at full
#     load and the latency percentiles; an endpoint's peak is its best round (rounds alternate so
#     that a disturbance from outside shows up as one low round);
#  4. holds check-rights at RATE_FRACTION (0.5; a list such as "0.5 0.4 0.3" runs each in turn) of
#     its peak with an open-loop fixed-rate client (benchmarks/check-rights-fixed-rate.java; wrk
#     cannot hold a rate) for FIXED_DURATION seconds: the latency percentiles at that load, counted from each request's scheduled time;
#  5. prints a summary table, the check-rights/ping ratio, the CPU each part used (Payara,
#     PostgreSQL, the load generator, anything else on the machine), the server's GC pauses in
#     each run (from its GC log), memory, the access query's plan on the seeded data (EXPLAIN=0
#     skips it) and any errors in the server log; stops the server and the database on exit,
#     however it exits.
#
# Knobs (environment): DURATION=30 CONNECTIONS=32 USERS=300 MOVIES=10000 PRODUCTS=100
# MOVIES_PER_PRODUCT=100 SUBSCRIPTIONS=3 PAIRS_PER_USER=50 WARMUP=300 ROUNDS=3 WRK_THREADS=2
# RATE_FRACTION=0.5 FIXED_DURATION=$DURATION REGISTER_PARALLEL=4 TOKEN_PING=1 EXPLAIN=1
# ACCESS_CACHE_SECONDS=600 (the server's answer cache; 0 measures every check going to the database)
# KEEP_WORK=0 (1 keeps the temporary folder: server and GC logs, wrk outputs, tokens, pairs)
# PROFILE=0 (1: at the end, one more ping run and one more check-rights run, not in the table,
# each sampled by async-profiler (CPU, 1 ms; the Maven Central artifact tools.profiler:async-profiler
# is fetched once with mvn) into collapsed stacks in the temporary folder, and a summary of the
# frames where check-rights spends more samples per request than ping; implies KEEP_WORK=1). HTTP_PORT and EMBEDDED_DB_PORT are picked free
# unless set; PAYARA_JAVA_OPTS (default, as the run command's: -Xms128m -Xmx512m) is passed to
# the server, plus a GC and safepoint log option.
set -euo pipefail
cd "$(dirname "$0")/.."
here=$PWD/benchmarks

DURATION=${DURATION:-30}
CONNECTIONS=${CONNECTIONS:-32}
USERS=${USERS:-300}
MOVIES=${MOVIES:-10000}
PRODUCTS=${PRODUCTS:-100}
MOVIES_PER_PRODUCT=${MOVIES_PER_PRODUCT:-100}
SUBSCRIPTIONS=${SUBSCRIPTIONS:-3}
PAIRS_PER_USER=${PAIRS_PER_USER:-50}
WARMUP=${WARMUP:-300}
ROUNDS=${ROUNDS:-3}
WRK_THREADS=${WRK_THREADS:-2}
RATE_FRACTION=${RATE_FRACTION:-0.5}
FIXED_DURATION=${FIXED_DURATION:-$DURATION}
REGISTER_PARALLEL=${REGISTER_PARALLEL:-4}
TOKEN_PING=${TOKEN_PING:-1}
EXPLAIN=${EXPLAIN:-1}
ACCESS_CACHE_SECONDS=${ACCESS_CACHE_SECONDS:-600}
KEEP_WORK=${KEEP_WORK:-0}
PROFILE=${PROFILE:-0}
[ "$PROFILE" != 1 ] || KEEP_WORK=1

jar=launcher/target/launcher.jar
[ -f "$jar" ] || { echo "build first: mvn -DskipTests package" >&2; exit 1; }
for tool in java wrk psql curl ss /usr/bin/time; do
  command -v $tool >/dev/null ||
    { echo "needs $tool (Debian: apt-get install -y wrk time postgresql-client)" >&2; exit 1; }
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
work=$(mktemp -d -t check-rights.XXXXXX)
server_log=$work/server.log
launcher_pid=

stop_server() {
  [ -n "$launcher_pid" ] || return 0
  if kill -0 "$launcher_pid" 2>/dev/null; then
    log "stopping the server (launcher pid $launcher_pid)"
    kill -TERM "$launcher_pid" 2>/dev/null || true
    for _ in $(seq 1 120); do # at most 60 s: the launcher stops Payara, then PostgreSQL
      kill -0 "$launcher_pid" 2>/dev/null || break
      sleep 0.5
    done
    if kill -0 "$launcher_pid" 2>/dev/null; then
      log "launcher still running after 60 s: killing it"
      kill -KILL "$launcher_pid" 2>/dev/null || true
    fi
  fi
  wait "$launcher_pid" 2>/dev/null || true
  launcher_pid=
}

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  stop_server
  rm -rf "$work/app" # the private copy of the launcher
  if [ "$status" -ne 0 ] && [ -f "$server_log" ]; then
    echo "--- last lines of the server log ($server_log) ---" >&2
    tail -30 "$server_log" >&2
  fi
  if [ "$KEEP_WORK" = 1 ] || [ "$status" -ne 0 ]; then
    log "kept $work"
  else
    rm -rf "$work"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- start -------------------------------------------------------------------------------------
idle_before=$(a=$(awk '/^cpu / {print $5 + $6, $2+$3+$4+$5+$6+$7+$8+$9}' /proc/stat); sleep 2
  echo "$a $(awk '/^cpu / {print $5 + $6, $2+$3+$4+$5+$6+$7+$8+$9}' /proc/stat)" |
    awk -v n="$(nproc)" '{printf "%.2f", n * ($3 - $1) / ($4 - $2)}')
mkdir -p "$work/app"
cp -r launcher/target/launcher.jar launcher/target/lib launcher/target/runtime "$work/app/"
log "starting the server: HTTP $port, PostgreSQL $dbport, data in $work/data"
env -u BILLING_DB_URL -u CONTENT_DB_URL HTTP_PORT=$port EMBEDDED_DB_PORT=$dbport \
  DATA_DIR="$work/data" PAYARA_CLUSTER=false DEMO_DATA=false ETL_INTERVAL_SECONDS=0 \
  BILLING_JWT_LIFETIME_SECONDS=3600 ACCESS_CACHE_SECONDS="$ACCESS_CACHE_SECONDS" \
  PAYARA_JAVA_OPTS="${PAYARA_JAVA_OPTS:--Xms128m -Xmx512m} -Xlog:gc,safepoint:file=$work/gc.log:timemillis" \
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
log "seeding $MOVIES movies, $PRODUCTS products x ~$MOVIES_PER_PRODUCT movies"
sql -v movies="$MOVIES" -v products="$PRODUCTS" -v per_product="$MOVIES_PER_PRODUCT" <<'SQL'
insert into billing.movie (id, title, type)
select md5('bench-movie-' || i)::uuid, 'Bench movie ' || i,
       case when i % 5 = 0 then 'tv_show' else 'movie' end
from generate_series(1, :movies) i;
insert into billing.product (id, name, price, currency, period)
select md5('bench-product-' || j)::uuid, 'Bench product ' || j, 299, 'RUB',
       case when j % 4 = 0 then 'day' else 'month' end
from generate_series(1, :products) j;
insert into billing.product_movie (id, product_id, movie_id)
select gen_random_uuid(), md5('bench-product-' || j)::uuid,
       md5('bench-movie-' || (1 + floor(random() * :movies))::int)::uuid
from generate_series(1, :products) j, generate_series(1, :per_product) k
on conflict do nothing;
SQL

log "registering $USERS users through the API ($REGISTER_PARALLEL in parallel)"
mkdir -p "$work/tokens"
export base work
register_started=$SECONDS
seq 1 "$USERS" | xargs -P "$REGISTER_PARALLEL" -I{} sh -c '
  curl -s --max-time 60 -o "$work/tokens/{}.json" -w "%{http_code}" \
    -H "Content-Type: application/json" \
    -d "{\"login\":\"bench-user-{}\",\"password\":\"bench-pass-{}\",\"email\":\"bench-user-{}@example.test\",\"fullname\":\"Bench User {}\",\"phone\":\"+7 900 000 00 00\"}" \
    "$base/api/v1/content/register" > "$work/tokens/{}.code" || true'
register_seconds=$((SECONDS - register_started))
: >"$work/tokens.txt"
for i in $(seq 1 "$USERS"); do
  token=$(sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p' "$work/tokens/$i.json" 2>/dev/null || true)
  if [ -z "$token" ]; then
    echo "register of bench-user-$i failed: HTTP $(cat "$work/tokens/$i.code" 2>/dev/null)" \
      "$(head -c 300 "$work/tokens/$i.json" 2>/dev/null)" >&2
    exit 1
  fi
  echo "$token" >>"$work/tokens.txt"
done
log "registered $USERS users in ${register_seconds} s"

log "subscribing: $SUBSCRIPTIONS active + 1 canceled per user; drawing $PAIRS_PER_USER pairs per user"
sql -v subs="$SUBSCRIPTIONS" <<'SQL'
insert into billing.subscription (id, account_id, product_id, status, price, currency, period,
                                  current_period_start, current_period_end)
select gen_random_uuid(), a.id, p.id, 'ACTIVE', 299, 'RUB', 'month',
       now() - interval '1 day', now() + interval '29 days'
from billing.account a
cross join lateral (select p.id from billing.product p where p.id <> a.id
                    order by random() limit :subs) p
where a.login like 'bench-user-%';
insert into billing.subscription (id, account_id, product_id, status, price, currency, period,
                                  current_period_start, current_period_end, canceled_at)
select gen_random_uuid(), a.id, p.id, 'CANCELED', 299, 'RUB', 'month',
       now() - interval '20 days', now() + interval '10 days', now() - interval '5 days'
from billing.account a
cross join lateral (select p.id from billing.product p
                    where not exists (select 1 from billing.subscription s
                                      where s.account_id = a.id and s.product_id = p.id)
                    order by random() limit 1) p
where a.login like 'bench-user-%';
analyze billing.movie, billing.product, billing.product_movie, billing.subscription,
        billing.account;
SQL
half=$((PAIRS_PER_USER / 2))
sql -At -F ' ' -c "
with u as (select a.id, substring(a.login from 'bench-user-([0-9]+)')::int as n
           from billing.account a where a.login like 'bench-user-%'),
own as (select u.n, pm.movie_id,
               row_number() over (partition by u.n order by random()) as rank
        from u join billing.subscription s on s.account_id = u.id and s.status = 'ACTIVE'
        join billing.product_movie pm on pm.product_id = s.product_id),
anywhere as (select u.n, md5('bench-movie-' || (1 + floor(random() * $MOVIES))::int)::uuid
             from u, generate_series(1, $PAIRS_PER_USER - $half))
select n, movie_id from (select n, movie_id from own where rank <= $half
                         union all select * from anywhere) pairs
order by random()" >"$work/pairs.txt"
pairs=$(wc -l <"$work/pairs.txt")
sample=$(head -1 "$work/pairs.txt")
sample_token=$(sed -n "${sample%% *}p" "$work/tokens.txt")
check=$(curl -s --max-time 10 -X POST -H "Authorization: Bearer $sample_token" \
  -w ' HTTP %{http_code}' "$base/api/v1/content/check-rights/${sample##* }")
log "$pairs pairs; a sample check: $check"
case "$check" in *'HTTP 200') ;; *) echo "check-rights does not answer 200" >&2; exit 1 ;; esac

# --- measuring helpers -------------------------------------------------------------------------
ticks() { # busy and total CPU ticks of the machine, Payara's, PostgreSQL's (all its processes)
  local payara pg p
  payara=$(awk '{print $14 + $15}' "/proc/$payara_pid/stat")
  pg=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$postmaster_pid/stat")
  for p in $(pgrep -P "$postmaster_pid"); do
    pg=$((pg + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0)))
  done
  echo "$(awk '/^cpu / {print $2+$3+$4+$7+$8+$9, $2+$3+$4+$5+$6+$7+$8+$9}' /proc/stat) $payara $pg"
}
# $1 $2 = ticks before and after, $3 = CPU seconds of the load generator (from /usr/bin/time),
# $4 = requests/s: cores used by Payara, PostgreSQL, the load generator, anything else, idle; and
# server CPU (Payara + PostgreSQL) per request in ms
cpu_use() {
  echo "$1 $2" | awk -v n="$(nproc)" -v hz="$(getconf CLK_TCK)" -v gen="$3" -v rps="$4" '{
    wall = ($6 - $2) / n; busy = $5 - $1; payara = $7 - $3; pg = $8 - $4; gen = gen * hz
    printf "%.2f %.2f %.2f %.2f %.2f %.2f", payara / wall, pg / wall, gen / wall,
      (busy - payara - pg - gen) / wall, n - busy / wall, (payara + pg) / wall / rps * 1000 }'
}
timed() { # $1 = file for the CPU seconds the command used; runs the rest
  local file=$1
  shift
  /usr/bin/time -f '%U %S' -o "$file" "$@"
}
cpu_seconds() { tail -1 "$1" | awk '{print $1 + $2}'; }
wrk_figures() { # wrk --latency output -> rps p50 p90 p99 (ms) non-2xx socket-errors
  awk '
    function ms(v) { if (v ~ /us$/) { sub(/us$/, "", v); return v / 1000 }
                     if (v ~ /ms$/) { sub(/ms$/, "", v); return v + 0 }
                     if (v ~ /s$/) { sub(/s$/, "", v); return v * 1000 } return v + 0 }
    /^ +50%/ { p50 = ms($2) } /^ +90%/ { p90 = ms($2) } /^ +99%/ { p99 = ms($2) }
    /^Requests\/sec:/ { rps = $2 }
    /Non-2xx or 3xx responses:/ { bad = $NF }
    /Socket errors:/ { gsub(/,/, ""); errors = $4 + $6 + $8 + $10 }
    END { printf "%.0f %.2f %.2f %.2f %d %d", rps, p50, p90, p99, bad, errors }' "$1"
}
# $1 $2 = epoch ms: the server's GC pauses in between: count, total ms, longest ms, and the MB
# they freed (young collections free what was allocated since the last one)
gc_pauses() {
  awk -v a="$1" -v b="$2" 'match($0, /^\[[0-9]+ms\]/) {
      t = substr($0, 2, RLENGTH - 4) + 0; v = $NF
      if (t >= a && t <= b && /Pause/ && v ~ /ms$/) {
        sub(/ms$/, "", v); n++; total += v; if (v + 0 > longest) longest = v + 0
        if (split($(NF - 1), m, /M->|M\(/) == 3) freed += m[1] - m[2] } }
    END { printf "%d %.0f %.1f %.0f", n, total, longest, freed }' "$work/gc.log"
}
run_wrk() { # $1 = label, $2 = seconds, rest = wrk arguments; appends a row to results
  local out=$work/wrk-$1.txt before after figures started
  started=$(date +%s%3N)
  before=$(ticks)
  timed "$work/time-$1.txt" \
    wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${2}s" --timeout 5s --latency "${@:3}" >"$out" 2>&1
  after=$(ticks)
  figures=$(wrk_figures "$out")
  echo "$1 $figures $(cpu_use "$before" "$after" "$(cpu_seconds "$work/time-$1.txt")" \
    "${figures%% *}") $(gc_pauses "$started" "$(date +%s%3N)")" >>"$work/results.txt"
  log "$1: $(grep -E 'Requests/sec|Non-2xx|Socket errors' "$out" | tr -s ' \n' ' ')"
}
ping_args=("$base/api/v1/ping")
rights_args=(-s "$here/check-rights.lua" "$base" -- "$work/tokens.txt" "$work/pairs.txt")
token_ping_args=("${rights_args[@]}" ping)

# --- warm up (JIT) -----------------------------------------------------------------------------
log "warming up both endpoints for $WARMUP s"
half_connections=$(((CONNECTIONS + 1) / 2))
wrk -t1 -c"$half_connections" -d"${WARMUP}s" "${ping_args[@]}" >"$work/warmup-ping.txt" 2>&1 &
warm_ping=$!
wrk -t1 -c"$half_connections" -d"${WARMUP}s" "${rights_args[@]}" >"$work/warmup-rights.txt" 2>&1
wait $warm_ping
sleep 2

# --- peak: same tool, connections and duration for both endpoints -----------------------------
: >"$work/results.txt"
for round in $(seq 1 "$ROUNDS"); do
  log "round $round: ping, ${DURATION} s"
  run_wrk "ping#$round" "$DURATION" "${ping_args[@]}"
  sleep 2
  if [ "$TOKEN_PING" = 1 ]; then
    log "round $round: ping with a token, ${DURATION} s"
    run_wrk "ping+token#$round" "$DURATION" "${token_ping_args[@]}"
    sleep 2
  fi
  log "round $round: check-rights, ${DURATION} s"
  run_wrk "check-rights#$round" "$DURATION" "${rights_args[@]}"
  sleep 2
done

best_rps() { grep "^$1#" "$work/results.txt" | awk '$2 > m {m = $2} END {printf "%.0f", m}'; }
ping_rps=$(best_rps ping)
rights_rps=$(best_rps check-rights)
# --- fixed rate --------------------------------------------------------------------------------
field() { tr ' ' '\n' <"$work/fixed-$1.txt" | sed -n "s/^$2=//p"; } # $1 = run, $2 = figure
: >"$work/fixed-runs.txt"
fixed_run=0
for fraction in $RATE_FRACTION; do
  fixed_run=$((fixed_run + 1))
  rate=$(awk -v r="$rights_rps" -v f="$fraction" 'BEGIN {printf "%.0f", r * f}')
  log "check-rights at a fixed $rate req/s ($fraction of $rights_rps) for $FIXED_DURATION s"
  java -XX:+UseSerialGC -Xmx256m "$here/check-rights-fixed-rate.java" 127.0.0.1 "$port" "$rate" \
    "$FIXED_DURATION" 5 "$CONNECTIONS" "$work/tokens.txt" "$work/pairs.txt" \
    "$work/fixed-latencies-$fixed_run.txt" >"$work/fixed-$fixed_run.txt" 2>"$work/fixed.err" &
  client=$!
  deadline=$((SECONDS + 60))
  until grep -q measuring "$work/fixed.err"; do # CPU is counted from the end of the warm-up
    kill -0 $client 2>/dev/null || break
    [ $SECONDS -lt $deadline ] || { kill $client; echo "the fixed-rate client hangs" >&2; exit 1; }
    sleep 0.1
  done
  before=$(ticks)
  started=$(date +%s%3N)
  wait $client || { cat "$work/fixed.err" >&2; exit 1; }
  after=$(ticks)
  log "fixed rate: $(cat "$work/fixed-$fixed_run.txt")"
  echo "$fixed_run $fraction $(cpu_use "$before" "$after" "$(field $fixed_run client_cpu_s)" \
    "$(field $fixed_run achieved_rps)") $(gc_pauses "$started" "$(date +%s%3N)")" \
    >>"$work/fixed-runs.txt"
  sleep 2
done

rss_payara=$(ps -o rss= -p "$payara_pid" | awk '{print int($1 / 1024)}')
rss_pg=$(ps -o rss= -p "$postmaster_pid,$(pgrep -d, -P "$postmaster_pid")" |
  awk '{s += $1} END {print int(s / 1024)}')

if [ "$PROFILE" = 1 ]; then
  profiler_version=4.1
  profiler_jar=$HOME/.m2/repository/tools/profiler/async-profiler/$profiler_version/async-profiler-$profiler_version.jar
  [ -f "$profiler_jar" ] || mvn -B -q dependency:get \
    -Dartifact=tools.profiler:async-profiler:$profiler_version >&2
  unzip -q -o -d "$work/profiler" "$profiler_jar" linux-x64/libasyncProfiler.so
  profiler_lib=$work/profiler/linux-x64/libasyncProfiler.so
  for what in ping check-rights; do
    log "profiled $what run, ${DURATION} s (not in the table)"
    java "$here/profiler-attach.java" "$payara_pid" "$profiler_lib" \
      "start,event=cpu,interval=1ms,cstack=no" >/dev/null
    if [ $what = ping ]; then args=("${ping_args[@]}"); else args=("${rights_args[@]}"); fi
    wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${DURATION}s" "${args[@]}" >"$work/wrk-profile-$what.txt" 2>&1
    java "$here/profiler-attach.java" "$payara_pid" "$profiler_lib" \
      "stop,file=$work/profile-$what.collapsed,collapsed" >/dev/null
    sleep 2
  done
fi

# --- the access query's plan on the seeded data ------------------------------------------------
if [ "$EXPLAIN" = 1 ]; then
  read -r account movie < <(sql -At -F ' ' -c "
    select s.account_id, pm.movie_id from billing.subscription s
    join billing.product_movie pm on pm.product_id = s.product_id
    where s.status = 'ACTIVE' order by random() limit 1")
  query="select exists (select 1 from billing.movie m where m.id = \$1 and m.deleted_at is null),
    (select max(s.current_period_end) from billing.subscription s
      join billing.product_movie pm on pm.product_id = s.product_id
      where s.account_id = \$2 and s.status in ('ACTIVE', 'PAST_DUE') and pm.movie_id = \$3
      and pm.deleted_at is null
      and s.current_period_end > \$4)"
  args="'$movie', '$account', '$movie', now()"
  sql -c "prepare access(uuid, uuid, uuid, timestamptz) as $query" \
    -c "explain (analyze, buffers) execute access($args)" \
    -c "set plan_cache_mode = force_generic_plan" \
    -c "explain (analyze, buffers) execute access($args)" >"$work/explain.txt"
fi

# --- summary -----------------------------------------------------------------------------------
echo
echo "check-rights benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(nproc) cores ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo))," \
  "$(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)," \
  "load generator on the same cores"
echo "seed: $MOVIES movies, $PRODUCTS products x ~$MOVIES_PER_PRODUCT movies" \
  "($(sql -At -c 'select count(*) from billing.product_movie') product_movie rows)," \
  "$USERS users x $SUBSCRIPTIONS active + 1 canceled subscriptions, $pairs (user, movie) pairs"
echo "server: ACCESS_CACHE_SECONDS=$ACCESS_CACHE_SECONDS (answer cache; 0: off)"
echo "idle CPU before the server started: $idle_before of $(nproc) cores"
echo "wrk: $WRK_THREADS threads, $CONNECTIONS connections, $DURATION s per run, after $WARMUP s warm-up"
echo
row='| %-18s | %5s | %6s | %6s | %6s | %7s | %6s | %-32s | %7s | %-14s | %5s |\n'
printf "$row" run 'req/s' 'p50 ms' 'p90 ms' 'p99 ms' non-2xx errors \
  'CPU cores: payara/pg/load/other/idle' 'server CPU ms/req' 'GC pauses: n, longest' \
  'heap KB/req'
echo '|---|---|---|---|---|---|---|---|---|---|---|'
per_request() { awk -v mb="$1" -v r="$2" -v s="$3" 'BEGIN {printf "%.0f", mb * 1024 / (r * s)}'; }
while read -r label rps p50 p90 p99 bad errors c1 c2 c3 c4 c5 per gcn gct gcmax freed; do
  printf "$row" "$label" "$rps" "$p50" "$p90" "$p99" "$bad" "$errors" \
    "$c1 / $c2 / $c3 / $c4 / $c5" "$per" "$gcn, $gcmax ms" "$(per_request "$freed" "$rps" "$DURATION")"
done <"$work/results.txt"
while read -r n fraction c1 c2 c3 c4 c5 per gcn gct gcmax freed; do
  printf "$row" "check-rights@$(field $n target_rps)/s" "$(field $n achieved_rps)" \
    "$(field $n p50_ms)" "$(field $n p90_ms)" "$(field $n p99_ms)" "$(field $n other_status)" \
    "$(field $n errors)" "$c1 / $c2 / $c3 / $c4 / $c5" "$per" "$gcn, $gcmax ms" \
    "$(per_request "$freed" "$(field $n achieved_rps)" "$FIXED_DURATION")"
done <"$work/fixed-runs.txt"
echo "(heap KB/req: what the young collections freed during the run per request, about what each"
echo "request allocated)"
echo
echo "peak (best round): ping $ping_rps req/s, check-rights $rights_rps req/s;" \
  "ratio check-rights/ping = $(awk -v a="$rights_rps" -v b="$ping_rps" 'BEGIN {printf "%.2f", a / b}')" \
  "(target >= 0.80); per round: $(awk '{split($1, k, "#"); rps[k[1], k[2]] = $2}
    END {for (i = 1; ("ping", i) in rps; i++)
      printf "%s%.2f", (i > 1 ? ", " : ""), rps["check-rights", i] / rps["ping", i]}' \
    "$work/results.txt")"
awk '$11 > 0.2 {printf "%s%s", (n++ ? ", " : "warning: other processes used over 0.2 cores during "), $1}
  END {if (n) print ": those figures are disturbed"}' "$work/results.txt"
awk '$6 > 0.2 {print "warning: other processes used over 0.2 cores during the fixed-rate run at " \
  $2 " of peak"}' "$work/fixed-runs.txt"
while read -r n fraction rest; do
  echo "at $(field $n target_rps) req/s ($fraction of peak): p99 $(field $n p99_ms) ms" \
    "(target < 10 ms at 0.5), p99.9 $(field $n p999_ms) ms, max $(field $n max_ms) ms;" \
    "answers: $(field $n allow_true) allow, $(field $n allow_false) deny"
done <"$work/fixed-runs.txt"
echo "memory after the runs: Payara RSS $rss_payara MiB, PostgreSQL RSS (sum) $rss_pg MiB"
if [ -f "$work/explain.txt" ]; then
  echo
  echo "access query on the seeded data (custom plan, then the generic plan a prepared statement"
  echo "ends up with):"
  cat "$work/explain.txt"
fi
echo
ready_line=$(grep -n "Cinema billing is ready in" "$server_log" | head -1 | cut -d: -f1)
level='(WARNING|SEVERE|ERROR)'
echo "server log: $(head -n "$ready_line" "$server_log" | grep -cE "$level" || true) warnings/errors" \
  "while starting, $(tail -n +"$ready_line" "$server_log" | grep -cE "$level" || true) after the ready banner" \
  "(during the load)"
head -n "$ready_line" "$server_log" | grep -E '^[a-zA-Z.]+(Exception|Error):' | cut -c1-160 |
  sort | uniq -c | sort -rn | head -5 | sed 's/^/  while starting: /' || true
if tail -n +"$ready_line" "$server_log" | grep -qE "$level"; then
  echo "after the ready banner:"
  tail -n +"$ready_line" "$server_log" | grep -A2 -E "$level" | cut -c1-200 | head -30
fi
if [ "$PROFILE" = 1 ]; then
  echo
  echo "profile (async-profiler, CPU): per frame, samples per 1000 requests in the check-rights"
  echo "run and in the ping run, frames where check-rights spends most beyond ping (inclusive);"
  echo "stacks: $work/profile-*.collapsed"
  requests() { awk '/requests in/ {print $1}' "$work/wrk-profile-$1.txt"; }
  awk -v pr="$(requests ping)" -v cr="$(requests check-rights)" '
    FNR == 1 { run = (FILENAME ~ /ping/) ? "p" : "c" }
    { n = $NF; sub(/ [0-9]+$/, ""); k = split($0, frames, ";"); delete seen
      for (i = 1; i <= k; i++) if (!(frames[i] in seen)) {
        seen[frames[i]]; s[run, frames[i]] += n; names[frames[i]] } }
    END { for (name in names) { c = s["c", name] * 1000 / cr; p = s["p", name] * 1000 / pr
            if (c - p > 0) printf "%8.1f %8.1f %8.1f  %s\n", c - p, c, p, substr(name, 1, 150) } }' \
    "$work/profile-ping.collapsed" "$work/profile-check-rights.collapsed" |
    sort -rn | head -60 | sed '1i\  beyond  rights     ping  frame'
fi
