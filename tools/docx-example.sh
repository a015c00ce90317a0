#!/usr/bin/env bash
# Writes the Musterstadt example's concept as a draft DOCX, for looking at it
# in Word or LibreOffice (a draft, so that the watermark shows too):
#
#   bash tools/docx-example.sh /tmp/k.docx
#
# Builds a fresh `konzept new --example` project with status "Entwurf" in a
# temp folder using the konzept CLI (`cargo run`, or the binary in $KONZEPT).
# Replaces the former ignored test `write_example` in tests/integration/docx.rs.
set -euo pipefail
if (($# != 1)); then
  echo "usage: $0 OUT.docx" >&2
  exit 2
fi
out="$(realpath -m "$1")"
cd "$(dirname "$0")/.."
if [ -z "${KONZEPT:-}" ]; then
  cargo build --quiet --bin konzept
  KONZEPT="${CARGO_TARGET_DIR:-target}/debug/konzept"
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$KONZEPT" new --example "$tmp/musterstadt" >/dev/null
sed -i 's/^status = "Beschlussvorlage"/status = "Entwurf"/' "$tmp/musterstadt/konzept.toml"
grep -q '^status = "Entwurf"' "$tmp/musterstadt/konzept.toml"
"$KONZEPT" build "$tmp/musterstadt" --no-submission
cp "$tmp/musterstadt/ausgabe/Integrationskonzept-Musterstadt-1.0.docx" "$out"
echo "$out"
