#!/usr/bin/env bash
# Installs the Debian packages the test suites need:
#   rclone                                `gage copy` to and from an rclone remote
#   zsh, fish                             the completion scripts (`gage completion zsh|fish`), loaded and run
#   slurm-wlm, munge                      `gage submit --slurm`, against a single-node Slurm cluster
#   jupyter-nbconvert, python3-ipykernel  the notebook run test (Debian's /usr/bin/jupyter-nbconvert
#                                         executing a notebook with Debian's /usr/bin/python3 kernel)
#   chromium                              the browser tests of `gage view` (Playwright drives /usr/bin/chromium)
# Idempotent: does nothing when every
# package is installed. As root with apt-get: `apt-get update` once, then
# `apt-get install -y --no-install-recommends` of the missing packages. Without
# root or apt-get it prints the command to run and exits 1.
#
#   tools/setup-system.sh            # from the repository root, before the tests
set -uo pipefail

PACKAGES=(rclone zsh fish slurm-wlm munge jupyter-nbconvert python3-ipykernel chromium)
# A command that succeeds when the package is there (daemons are in /usr/sbin).
declare -A CHECK_OF=(
  [rclone]='command -v rclone'
  [zsh]='command -v zsh'
  [fish]='command -v fish'
  [slurm-wlm]='command -v slurmctld || test -x /usr/sbin/slurmctld'
  [munge]='command -v munged || test -x /usr/sbin/munged'
  [jupyter-nbconvert]='test -x /usr/bin/jupyter-nbconvert'
  [python3-ipykernel]='/usr/bin/python3 -c "import ipykernel"'
  [chromium]='test -x /usr/bin/chromium'
)

missing=()
for pkg in "${PACKAGES[@]}"; do
  eval "${CHECK_OF[$pkg]}" >/dev/null 2>&1 || missing+=("$pkg")
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
