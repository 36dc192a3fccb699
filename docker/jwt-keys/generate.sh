#!/bin/sh
# The one-shot jwt-keys service of compose.yaml: makes the RS256 key pair billing-web signs its
# tokens with (a PKCS#8 PEM private key) and the WARs verify them with (its X.509 public half),
# once, into the volume mounted at $1 (default /keys); later runs keep the pair, so tokens stay
# valid across restarts. Files are handed to the Payara images' user (uid 1000, KEYS_OWNER):
# private key 0400, public key 0444. Needs openssl (the postgres image has it, via ssl-cert).
set -eu
dir=${1:-/keys}
owner=${KEYS_OWNER:-1000:1000}
umask 077
if [ -s "$dir/private.pem" ] && [ -s "$dir/public.pem" ]; then
  echo "jwt-keys: keeping the key pair in $dir"
else
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$dir/private.pem.new"
  openssl pkey -in "$dir/private.pem.new" -pubout -out "$dir/public.pem.new"
  mv "$dir/public.pem.new" "$dir/public.pem"
  mv "$dir/private.pem.new" "$dir/private.pem"
  echo "jwt-keys: made a new key pair in $dir"
fi
if [ "$(id -u)" = 0 ]; then
  chown "$owner" "$dir/private.pem" "$dir/public.pem"
fi
chmod 0400 "$dir/private.pem"
chmod 0444 "$dir/public.pem"
