#!/bin/sh
# Entry point of the cinema-billing Micro image: reads the secrets handed over as files
# (NAME_FILE, see secrets-from-files.sh), checks what the image cannot run without, turns the
# PAYARA_CLUSTER* variables and LOG_FORMAT into Payara Micro's options (as the run command does),
# then hands over to the base image's entrypoint.sh (java ... -jar payara-micro.jar "$@").
set -e

. "${SCRIPT_DIR:-/opt/payara}/secrets-from-files.sh"

refuse() {
  echo "cinema-billing: $1" >&2
  exit 64
}

if [ -z "$(printf '%s' "${PUBLIC_API_URL:-}" | tr -d '[:space:]')" ]; then
  refuse "PUBLIC_API_URL is empty. Set it to the API's public base URL, e.g.
  https://cinema.example/api/ : checkout links and webhook targets are built on it (the server
  no longer trusts the Host header)."
fi

if [ -z "${BILLING_JWT_PRIVATE_KEY_LOCATION:-}" ] || [ -z "${MP_JWT_VERIFY_PUBLICKEY_LOCATION:-}" ]; then
  refuse "BILLING_JWT_PRIVATE_KEY_LOCATION and MP_JWT_VERIFY_PUBLICKEY_LOCATION are needed: the
  token key pair (compose's jwt-keys service makes one; docker/README.md)."
fi

if [ -n "${PAYARA_CLUSTER_PASSWORD:-}" ]; then
  refuse "PAYARA_CLUSTER_PASSWORD cannot be honoured: Payara Micro 6 (Hazelcast 5 open source)
  has no cluster password. Remove it; limit who may join with PAYARA_CLUSTER_MEMBERS,
  PAYARA_CLUSTER_INTERFACES and a private network."
fi

case "${LOG_FORMAT:-text}" in
  text) ;;
  json) set -- "$@" --logproperties "${SCRIPT_DIR:-/opt/payara}/logging-json.properties" ;;
  *) refuse "LOG_FORMAT must be text or json, not '$LOG_FORMAT'" ;;
esac

if [ "${PAYARA_CLUSTER:-false}" = "true" ]; then
  [ -n "${PAYARA_CLUSTER_MEMBERS:-}" ] || refuse "PAYARA_CLUSTER=true needs PAYARA_CLUSTER_MEMBERS,
  the instances of the cluster as host:port,... (TCP/IP discovery; multicast is not used)."
  set -- "$@" --clustername "${PAYARA_CLUSTER_NAME:-cinema-billing}" \
    --clustermode "tcpip:$(printf '%s' "$PAYARA_CLUSTER_MEMBERS" | tr -d '[:space:]')" \
    --startport "${PAYARA_CLUSTER_PORT:-6900}"
  if [ -n "${PAYARA_CLUSTER_INTERFACES:-}" ]; then
    set -- "$@" --interfaces "$PAYARA_CLUSTER_INTERFACES"
  fi
else
  # One instance: nothing in the system needs Hazelcast, so it is not started at all.
  set -- "$@" --nohazelcast
fi

exec /bin/sh "${SCRIPT_DIR:-/opt/payara}/entrypoint.sh" "$@"
