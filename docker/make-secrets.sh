#!/bin/sh
# Creates the files compose.yaml hands to the containers as secrets, each a random 48-hex-digit
# value, in docker/secrets/ (or $1); a file that exists is kept, so run it again after adding a
# secret. Put your own value in a file instead to choose it (one line, no quotes).
#   db_password             PostgreSQL's password for BILLING_DB_USER (fixed when db-data is made)
#   admin_password          the admin panel's superuser ADMIN_USERNAME (default admin)
#   billing_admin_password  billing's administrator BILLING_ADMIN_LOGIN (default billing-admin)
#   sandbox_webhook_secret  signs the payment sandbox's webhook events
#   payara_admin_password   Payara Server's console, user admin (the profile "server")
# The folder is owner-only; the files in it are readable by all (0644) because compose mounts
# them into the containers as they are, and the Payara images run as uid 1000, not as you.
set -eu
dir=${1:-$(dirname "$0")/secrets}
mkdir -p "$dir"
chmod 0700 "$dir"
for name in db_password admin_password billing_admin_password sandbox_webhook_secret \
  payara_admin_password; do
  if [ -s "$dir/$name" ]; then
    echo "kept    $dir/$name"
  else
    od -An -N24 -tx1 /dev/urandom | tr -d ' \n' > "$dir/$name"
    chmod 0644 "$dir/$name"
    echo "created $dir/$name"
  fi
done
