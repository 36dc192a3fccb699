# Sourced by the Payara Server image's entrypoint.sh (every ${SCRIPT_DIR}/init_*.sh, in order,
# before the domain starts), so what it exports reaches the server: an exit here stops the
# container before anything runs.

# The base image sets ADMIN_PASSWORD=admin, its console password at build time, unused at run
# time. The admin panel reads ADMIN_PASSWORD as its superuser's password (MicroProfile Config's
# admin.password), so the base image's value must never reach it: in this image the superuser's
# password comes only from ADMIN_PASSWORD_FILE (compose's secret admin_password), and the
# console's from PAYARA_ADMIN_PASSWORD_FILE (init_0_set_console_password.sh).
unset ADMIN_PASSWORD

. "${SCRIPT_DIR}/secrets-from-files.sh"

if [ -z "$(printf '%s' "${PUBLIC_API_URL:-}" | tr -d '[:space:]')" ]; then
  echo "cinema-billing: PUBLIC_API_URL is empty. Set it to the API's public base URL, e.g." \
    "https://cinema.example/api/ : checkout links and webhook targets are built on it (the" \
    "server no longer trusts the Host header)." >&2
  exit 64
fi
if [ -z "${BILLING_JWT_PRIVATE_KEY_LOCATION:-}" ] || [ -z "${MP_JWT_VERIFY_PUBLICKEY_LOCATION:-}" ]; then
  echo "cinema-billing: BILLING_JWT_PRIVATE_KEY_LOCATION and MP_JWT_VERIFY_PUBLICKEY_LOCATION" \
    "are needed: the token key pair (compose's jwt-keys service makes one; docker/README.md)." >&2
  exit 64
fi
