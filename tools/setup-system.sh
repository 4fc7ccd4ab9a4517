#!/usr/bin/env bash
# Installs the Debian packages the test suites need: rclone, for the
# `gage copy` tests with an rclone remote; chromium, for the browser tests of
# `gage view` (Playwright drives /usr/bin/chromium). Idempotent: does nothing when every
# package is installed. As root with apt-get: `apt-get update` once, then
# `apt-get install -y --no-install-recommends` of the missing packages. Without
# root or apt-get it prints the command to run and exits 1.
#
#   tools/setup-system.sh            # from the repository root, before the tests
set -uo pipefail

PACKAGES=(rclone chromium)
# The command each package provides, to see whether it is there.
declare -A COMMAND_OF=([rclone]=rclone [chromium]=chromium)

missing=()
for pkg in "${PACKAGES[@]}"; do
  command -v "${COMMAND_OF[$pkg]}" >/dev/null 2>&1 || missing+=("$pkg")
done
[ "${#missing[@]}" -eq 0 ] && exit 0

line="apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-system: missing ${missing[*]}; install with (as root):" >&2
  echo "  $line" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
if ! apt-get update -qq || ! apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then
  echo "setup-system: could not install ${missing[*]}; try (as root):" >&2
  echo "  $line" >&2
  exit 1
fi
echo "setup-system: installed ${missing[*]}" >&2
