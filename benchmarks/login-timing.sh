#!/usr/bin/env bash
# Does a login that names no account answer as fast as a wrong password (account enumeration by
# timing)? Against a running system (make run): registers one viewer, then times N wrong-password
# logins of it and N logins of unknown names with curl's own timer, alternating the two so drift
# hits both, and prints medians and 90th percentiles. So many failures would trip the login
# throttle, so the server must run with high limits for the measurement.
#
#   LOGIN_MAX_FAILURES=100000 LOGIN_MAX_FAILURES_PER_ADDRESS=100000 make run   # other shell
#   benchmarks/login-timing.sh [BASE_URL] [N]
set -euo pipefail
BASE=${1:-http://localhost:8080}
N=${2:-200}
LOGIN="timing-$RANDOM$RANDOM"
curl -sf -o /dev/null -H 'Content-Type: application/json' \
  -d "{\"login\":\"$LOGIN\",\"password\":\"right-password\",\"email\":\"$LOGIN@example.org\",\"fullname\":\"Timing\",\"phone\":\"+7 900 000-00-00\"}" \
  "$BASE/api/v1/content/register"
time_one() {
  curl -s -o /dev/null -w '%{time_total}\n' -H 'Content-Type: application/json' \
    -d "{\"login\":\"$1\",\"password\":\"wrong-password\"}" "$BASE/api/v1/content/login"
}
: >/tmp/login-known.txt
: >/tmp/login-unknown.txt
for _ in $(seq 1 20); do time_one "$LOGIN" >/dev/null; time_one "nobody-$RANDOM" >/dev/null; done
for _ in $(seq 1 "$N"); do
  time_one "$LOGIN" >>/tmp/login-known.txt
  time_one "nobody-$RANDOM$RANDOM" >>/tmp/login-unknown.txt
done
median() { sort -n "$1" | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]*1000}'; }
p90() { sort -n "$1" | awk '{a[NR]=$1} END {printf "%.1f", a[int(NR*0.9)]*1000}'; }
echo "wrong password: median $(median /tmp/login-known.txt) ms, p90 $(p90 /tmp/login-known.txt) ms (n=$N)"
echo "unknown login:  median $(median /tmp/login-unknown.txt) ms, p90 $(p90 /tmp/login-unknown.txt) ms (n=$N)"
