# Sourced by the Payara Server image's entrypoint.sh (every ${SCRIPT_DIR}/init_*.sh, in order,
# before the domain starts): an exit here stops the container before anything runs.
if [ -z "$(printf '%s' "${PUBLIC_API_URL:-}" | tr -d '[:space:]')" ]; then
  echo "cinema-billing: PUBLIC_API_URL is empty. Set it to the API's public base URL, e.g." \
    "https://cinema.example/api/ : checkout links and webhook targets are built on it (the" \
    "server no longer trusts the Host header)." >&2
  exit 64
fi
