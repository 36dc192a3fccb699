#!/usr/bin/env bash
# Times the catalog ETL on a large catalog: a full run into an empty billing catalog, a run with
# no changes, and, as the practical limit, the same copy done inside PostgreSQL by one
# INSERT ... SELECT ... ON CONFLICT per table (no network, no JVM, one transaction).
# Usage: benchmarks/etl.sh   (build first: mvn -DskipTests package; needs psql)
# Knobs: MOVIES (1000000), PRODUCTS (1000), LINKS (100000), CHUNK (5000)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=launcher/target/launcher.jar
[ -f "$jar" ] || { echo "build first: mvn -DskipTests package" >&2; exit 1; }
command -v psql >/dev/null || { echo "needs psql (apt-get install postgresql-client)" >&2; exit 1; }
MOVIES=${MOVIES:-1000000}; PRODUCTS=${PRODUCTS:-1000}; LINKS=${LINKS:-100000}; CHUNK=${CHUNK:-5000}
port=${HTTP_PORT:-18090}; dbport=${EMBEDDED_DB_PORT:-25490}
work=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

env -u BILLING_DB_URL -u CONTENT_DB_URL HTTP_PORT=$port EMBEDDED_DB_PORT=$dbport DATA_DIR="$work" \
  PAYARA_CLUSTER=false ETL_INTERVAL_SECONDS=0 DEMO_DATA=false java -jar "$jar" >"$work/run.log" 2>&1 &
pid=$!
until grep -q "is ready in" "$work/run.log"; do
  kill -0 $pid 2>/dev/null || { tail -20 "$work/run.log"; exit 1; }
  sleep 0.5
done
sql() { psql -q -X -v ON_ERROR_STOP=1 -h localhost -p "$dbport" -U postgres -d cinema "$@"; }
seconds() { python3 -c "import sys,json; print(json.load(sys.stdin)['durationMillis']/1000)"; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; catalog: $MOVIES movies, $PRODUCTS products, $LINKS links; chunk $CHUNK"
sql <<SQL
-- A catalog built over the past days, as a real one is: edits are spread in time, and all are
-- older than the ETL's overlap window.
insert into content.movie (id, title, description, rating, type, created_at, updated_at)
  select gen_random_uuid(), 'Movie ' || n, 'Description of movie ' || n, n % 101,
         case when n % 5 = 0 then 'tv_show' else 'movie' end,
         now() - interval '2 days' + n * interval '50 ms', now() - interval '2 days' + n * interval '50 ms'
  from generate_series(1, $MOVIES) n;
insert into content.product (id, name, price, currency, period, created_at, updated_at)
  select gen_random_uuid(), 'Product ' || n, 99 + n % 400, 'RUB', case when n % 2 = 0 then 'day' else 'month' end,
         now() - interval '1 day', now() - interval '1 day' + n * interval '1 ms'
  from generate_series(1, $PRODUCTS) n;
insert into content.product_movie (id, product_id, movie_id, created_at, updated_at)
  select gen_random_uuid(), p.id, m.id, now() - interval '1 day', now() - interval '1 day' + m.r * interval '1 s'
  from (select id, row_number() over () as r from content.product) p
  join (select id, row_number() over () as r from content.movie limit $LINKS) m on m.r % $PRODUCTS = p.r % $PRODUCTS;
analyze content.movie; analyze content.product; analyze content.product_movie;
SQL
rows=$(sql -tA -c "select (select count(*) from content.movie) + (select count(*) from content.product) + (select count(*) from content.product_movie)")

empty_billing() {
  sql -c "truncate billing.product_movie, billing.movie, billing.product, billing.etl_state cascade"
}

# The practical limit: the same upserts inside the database.
empty_billing
start=$(date +%s.%N)
sql <<'SQL'
insert into billing.movie (id, title, description, creation_date, rating, type, created_at, updated_at, deleted_at, synced_at)
  select id, title, description, creation_date, rating, type, created_at, updated_at, deleted_at, now() from content.movie
  on conflict (id) do update set title = excluded.title, description = excluded.description, creation_date = excluded.creation_date,
    rating = excluded.rating, type = excluded.type, created_at = excluded.created_at, updated_at = excluded.updated_at,
    deleted_at = excluded.deleted_at, synced_at = now() where billing.movie.updated_at is distinct from excluded.updated_at;
insert into billing.product (id, name, description, price, currency, period, created_at, updated_at, deleted_at, synced_at)
  select id, name, description, price, currency, period, created_at, updated_at, deleted_at, now() from content.product
  on conflict (id) do update set name = excluded.name, description = excluded.description, price = excluded.price,
    currency = excluded.currency, period = excluded.period, created_at = excluded.created_at, updated_at = excluded.updated_at,
    deleted_at = excluded.deleted_at, synced_at = now() where billing.product.updated_at is distinct from excluded.updated_at;
insert into billing.product_movie (id, product_id, movie_id, created_at, updated_at, deleted_at, synced_at)
  select id, product_id, movie_id, created_at, updated_at, deleted_at, now() from content.product_movie
  on conflict (id) do update set product_id = excluded.product_id, movie_id = excluded.movie_id, created_at = excluded.created_at,
    updated_at = excluded.updated_at, deleted_at = excluded.deleted_at, synced_at = now()
    where billing.product_movie.updated_at is distinct from excluded.updated_at;
SQL
limit_s=$(echo "$(date +%s.%N) - $start" | bc)

empty_billing
full=$(curl -s -X POST "http://localhost:$port/etl/api/runs?chunkSize=$CHUNK")
echo "$full" | python3 -c "import sys,json; r=json.load(sys.stdin); assert r['status']=='COMPLETED', r"
full_s=$(echo "$full" | seconds)
again=$(curl -s -X POST "http://localhost:$port/etl/api/runs?chunkSize=$CHUNK")
again_s=$(echo "$again" | seconds)
copied=$(sql -tA -c "select (select count(*) from billing.movie) + (select count(*) from billing.product) + (select count(*) from billing.product_movie)")

python3 - "$rows" "$copied" "$limit_s" "$full_s" "$again_s" "$full" "$again" <<'PY'
import json, sys
rows, copied, limit_s, full_s, again_s = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
full, again = json.loads(sys.argv[6]), json.loads(sys.argv[7])
print(f"rows in content: {rows}, copied to billing by the ETL: {copied}")
print(f"in-database INSERT ... SELECT ... ON CONFLICT: {limit_s:8.1f} s  {rows/limit_s:10.0f} rows/s")
print(f"full ETL run:                                {full_s:8.1f} s  {rows/full_s:10.0f} rows/s  ({rows/full_s/(rows/limit_s):.2f} of the limit)")
print(f"no-change ETL run:                           {again_s:8.3f} s")
for run, name in ((full, "full"), (again, "no-change")):
    for step in run["steps"]:
        print(f"  {name:9} {step['name']:8} read {step['read']:8} changed {step['changed']:8} commits {step['commits']:5} {step['durationMillis']/1000:7.1f} s")
PY
