#!/bin/bash
# Readiness probe of both images (compose's healthcheck, the Dockerfiles' HEALTHCHECK): succeeds
# only when GET /health/ready answers 200, its overall status is UP, and every check named in the
# arguments (the modules' MicroProfile Health checks: billing-database, content-database,
# etl-source-database, etl-target-database) is listed with status UP. A 200 alone is not enough:
# a module that failed to deploy has no check, and /health/ready would still say UP without it.
# The Payara images have no curl or wget, so HTTP goes through bash's /dev/tcp. CINEMA_READY_PORT
# (default 8080) is for testing this script.
set -u
port=${CINEMA_READY_PORT:-8080}
if ! exec 3<>"/dev/tcp/127.0.0.1/$port"; then
  echo "not ready: nothing listens on port $port"
  exit 1
fi
printf 'GET /health/ready HTTP/1.0\r\nHost: localhost\r\nAccept: application/json\r\n\r\n' >&3
response=$(cat <&3)
exec 3<&-

status_line=${response%%$'\r'*}
case "$status_line" in
  "HTTP/1."?" 200"*) ;;
  *)
    echo "not ready: $status_line"
    exit 1
    ;;
esac

# The body without whitespace and without the checks' "data" maps (flat), so each check is one
# {...} with no braces inside and what is left of the outer object holds the overall status.
flat=$(printf '%s' "${response#*$'\r\n\r\n'}" | tr -d ' \t\r\n' | sed 's/"data":{[^{}]*}//g')
checks=$(printf '%s' "$flat" | grep -o '{[^{}]*}')
overall=$(printf '%s' "$flat" | sed 's/{[^{}]*}//g')
case "$overall" in
  *'"status":"UP"'*) ;;
  *)
    echo "not ready: overall status is not UP"
    exit 1
    ;;
esac
for name in "$@"; do
  if ! printf '%s\n' "$checks" | grep -F "\"name\":\"$name\"" | grep -qF '"status":"UP"'; then
    echo "not ready: check $name is missing or not UP"
    exit 1
  fi
done
echo "ready: $*"
