#!/usr/bin/env bash
# The admin panel's browser tests drive Debian's Chromium through its chromedriver. On a fresh
# machine (CI runs as root) this installs both with apt-get, so the test command needs nothing
# set up by hand. Without root or apt-get it only says so: the browser tests then skip, except
# under CI=true, where they fail.
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "[ensure-chromium] installing chromium and chromium-driver for the browser tests"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q chromium chromium-driver \
    || { apt-get update -q && apt-get install -y -q chromium chromium-driver; } \
    || echo "[ensure-chromium] could not install Chromium"
else
  echo "[ensure-chromium] chromium/chromedriver missing and not installable here (needs root" \
       "and apt-get): apt-get install chromium chromium-driver"
fi
exit 0
