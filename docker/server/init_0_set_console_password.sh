# Sourced by the Payara Server image's entrypoint.sh before the domain starts (after
# init_0_require_settings.sh). The base image's domain has the console login admin / admin;
# this sets admin's password to the content of PAYARA_ADMIN_PASSWORD_FILE (compose's secret
# payara_admin_password) and writes it into the base image's $PASSWORD_FILE, which its scripts
# give asadmin (start, deploy, stop). Without the file the container does not start: it never
# runs with the default password. A container that restarts finds the password already set.
cinema_console_refuse() {
  echo "cinema-billing: $1" >&2
  exit 64
}
cinema_file=${PAYARA_ADMIN_PASSWORD_FILE:-}
if [ -z "$cinema_file" ] || [ ! -s "$cinema_file" ] || [ ! -r "$cinema_file" ]; then
  cinema_console_refuse "PAYARA_ADMIN_PASSWORD_FILE ($cinema_file) is missing, unreadable or empty:
  the console's password for user admin (compose's secret payara_admin_password)."
fi
cinema_new=$(cat "$cinema_file")
if [ "${#cinema_new}" -lt 8 ]; then
  cinema_console_refuse "the console password in $cinema_file needs at least 8 characters."
fi
case "$cinema_new" in
  # $PASSWORD_FILE is sourced by the base image's startInForeground.sh: nothing a shell would
  # read as more than one word.
  *[!A-Za-z0-9._~@%+=,:-]*)
    cinema_console_refuse "the console password in $cinema_file may hold only letters, digits
  and . _ ~ @ % + = , : -" ;;
esac
cinema_current=$(sed -n 's/^AS_ADMIN_PASSWORD=//p' "$PASSWORD_FILE" | head -n 1)
if [ "$cinema_current" != "$cinema_new" ]; then
  cinema_change=$(mktemp)
  printf 'AS_ADMIN_PASSWORD=%s\nAS_ADMIN_NEWPASSWORD=%s\n' "$cinema_current" "$cinema_new" \
    > "$cinema_change"
  if ! "${PAYARA_DIR}/bin/asadmin" --user "${ADMIN_USER}" --passwordfile "$cinema_change" \
      change-admin-password --domain_name "${DOMAIN_NAME}"; then
    rm -f "$cinema_change"
    cinema_console_refuse "could not set the console password (asadmin change-admin-password)."
  fi
  rm -f "$cinema_change"
  (umask 077 && printf 'AS_ADMIN_PASSWORD=%s\n' "$cinema_new" > "$PASSWORD_FILE")
  echo "cinema-billing: console password for ${ADMIN_USER} set from $cinema_file"
fi
unset cinema_file cinema_new cinema_current cinema_change PAYARA_ADMIN_PASSWORD_FILE
