#!/usr/bin/env bash
# Builds the Debian package from the debug binary `cargo test` just built
# (`cargo deb --no-build --profile dev`: no release build of Typst in CI),
# installs it with dpkg -i, runs the installed `konzept --version`, checks
# the systemd unit and removes the package again. Needs root (CI is root);
# installs cargo-deb only when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${CARGO_TARGET_DIR:-target}"
if [ "$(id -u)" != 0 ]; then
  echo "deb-test: übersprungen (dpkg -i braucht root)" >&2
  exit 0
fi
if ! command -v cargo-deb >/dev/null 2>&1; then
  echo "Installiere: cargo-deb" >&2
  cargo install --locked -q cargo-deb
fi
test -x "$target/debug/konzept" || cargo build -q --bin konzept
deb=$(cargo deb --no-build --profile dev --fast --no-strip 2>/dev/null | tail -n 1)
test -f "$deb" || { echo "deb-test: kein Paket gebaut" >&2; exit 1; }
# Read the listing whole: `grep -q` would close the pipe early, and under
# pipefail dpkg-deb's SIGPIPE would fail the test now and then.
contents=$(dpkg-deb --contents "$deb")
grep -q 'lib/systemd/system/konzept-serve@.service' <<<"$contents" \
  || { echo "deb-test: systemd-Unit fehlt im Paket" >&2; exit 1; }
dpkg -i "$deb" >/dev/null
trap 'dpkg -r konzept >/dev/null 2>&1 || true' EXIT
version=$(/usr/bin/konzept --version)
expected="konzept $(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)"
[ "$version" = "$expected" ] || { echo "deb-test: „$version“ statt „$expected“" >&2; exit 1; }
getent passwd konzept >/dev/null || { echo "deb-test: Benutzer konzept fehlt" >&2; exit 1; }
if command -v systemd-analyze >/dev/null 2>&1; then
  systemd-analyze verify /lib/systemd/system/konzept-serve@.service 2>&1 | grep -v -e 'ConditionPathExists' -e '^$' >&2 || true
fi
echo 'deb-test: Paket gebaut, installiert, konzept --version geprüft, wieder entfernt' >&2
