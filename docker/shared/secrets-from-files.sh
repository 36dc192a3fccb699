# Sourced by both images' start (docker/micro/cinema-entrypoint.sh, docker/server/init_0_*.sh):
# for each secret setting NAME the application reads, NAME_FILE may name a file holding its value
# (a compose secret under /run/secrets/), as the postgres image's POSTGRES_PASSWORD_FILE does.
# The file's content (without its trailing newline) becomes NAME and NAME_FILE is unset; a
# setting given both ways, or a file that cannot be read or is empty, stops the container.
# A fixed list, not every *_FILE: the Server image's own PASSWORD_FILE is asadmin's, not ours.
for cinema_name in BILLING_DB_PASSWORD CONTENT_DB_PASSWORD BILLING_ADMIN_PASSWORD ADMIN_PASSWORD \
  SANDBOX_WEBHOOK_SECRET STRIPE_API_KEY STRIPE_WEBHOOK_SECRET SMTP_PASSWORD TELEGRAM_BOT_TOKEN; do
  eval "cinema_file=\${${cinema_name}_FILE:-}; cinema_value=\${${cinema_name}:-}"
  [ -n "$cinema_file" ] || continue
  if [ -n "$cinema_value" ]; then
    echo "cinema-billing: both $cinema_name and ${cinema_name}_FILE are set; keep one." >&2
    exit 64
  fi
  if [ ! -r "$cinema_file" ] || [ ! -s "$cinema_file" ]; then
    echo "cinema-billing: ${cinema_name}_FILE=$cinema_file is missing, unreadable or empty" \
      "(a compose secret: see docker/README.md)." >&2
    exit 64
  fi
  cinema_value=$(cat "$cinema_file")
  export "$cinema_name=$cinema_value"
  unset "${cinema_name}_FILE"
done
unset cinema_name cinema_file cinema_value
