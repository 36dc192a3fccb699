#!/usr/bin/env bash
# Twelve concurrent 40 MB request bodies to register (the attack issue 14 names), once with a
# declared Content-Length and once chunked, against a running system (make run): prints the
# status counts, the wall time, OutOfMemoryErrors in the server log if one is given, and the
# Payara process's resident memory after.
#
#   benchmarks/big-bodies.sh [BASE_URL] [SERVER_LOG]
set -euo pipefail
BASE=${1:-http://localhost:8080}
LOG=${2:-}
BODY=$(mktemp)
head -c 41943040 /dev/zero | tr '\0' ' ' >"$BODY"
for mode in declared chunked; do
  header='Expect:'
  [ "$mode" = chunked ] && header='Transfer-Encoding: chunked'
  start=$(date +%s.%N)
  for _ in $(seq 1 12); do
    curl -s -o /dev/null -w '%{http_code}\n' -H "$header" -H 'Content-Type: application/json' \
      --data-binary @"$BODY" "$BASE/api/v1/content/register" &
  done | sort | uniq -c | sed "s/^/$mode: /"
  wait
  echo "$mode: $(echo "$(date +%s.%N) - $start" | bc) s for 12 requests"
done
rm -f "$BODY"
[ -n "$LOG" ] && echo "OutOfMemoryError lines in $LOG: $(grep -c OutOfMemoryError "$LOG" || true)"
pid=$(pgrep -f payara-micro.jar | head -1)
echo "Payara RSS: $(( $(ps -o rss= -p "$pid") / 1024 )) MiB"
