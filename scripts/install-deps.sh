#!/usr/bin/env bash
# Installs the Debian 12 packages the project needs (idempotent; run as root or with sudo).
# --no-upgrade: naming an installed package must not upgrade it (shared/toolchain.md, pitfall 6).
set -euo pipefail

packages=(
  cmake g++ ninja-build pkg-config ccache clang-format
  libboost-date-time-dev libboost-serialization-dev
  libcli11-dev libsqlitecpp-dev libsqlite3-dev sqlite3 nlohmann-json3-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libsodium-dev libsimdjson-dev
  libpqxx-dev libpq-dev postgresql
  clang libclang-rt-14-dev binutils
  chromium
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends --no-upgrade \
  "${missing[@]}"
