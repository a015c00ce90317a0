#!/usr/bin/env bash
# Runs the whole test suite. Installs the readers the tests use to look at the
# documents like a person would (poppler-utils, qpdf, LibreOffice with the
# Liberation fonts, python-docx, openxml-audit) when they are missing, then
# runs `cargo test`: the unit tests and the one integration binary, which also
# checks the module graph of src/ (tests/integration/architecture.rs) and runs
# the browser tests of `konzept serve` (tests/browser/: chromium, node with
# playwright-core and axe-core, installed here when missing). Before that,
# tools/deb-test.sh packages the debug binary and installs it (as root).
# Extra arguments go to `cargo test`.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v qpdf >/dev/null 2>&1 || missing+=(qpdf)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui libreoffice-calc-nogui)
# The DOCX names Arial; LibreOffice sets it in its metric twin Liberation Sans
# only if that is installed (a recommendation of LibreOffice, which
# --no-install-recommends leaves out). Without it, text wraps differently.
fc-list 2>/dev/null | grep -q "Liberation Sans" || missing+=(fonts-liberation2)
# The browser tests of `konzept serve`.
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if ((${#missing[@]})); then
  echo "Installiere: ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if ! python3 -c "import docx, openpyxl" >/dev/null 2>&1 || ! command -v openxml-audit >/dev/null 2>&1; then
  echo "Installiere: python-docx openpyxl openxml-audit" >&2
  python3 -m pip install -q --disable-pip-version-check python-docx openpyxl openxml-audit
fi

if [ ! -d tests/browser/node_modules/playwright-core ] || [ ! -d tests/browser/node_modules/axe-core ]; then
  echo "Installiere: playwright-core axe-core (npm, tests/browser)" >&2
  npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error
fi

if (($# == 0)); then
  cargo build --bin konzept
  bash tools/deb-test.sh
fi
cargo test "$@"
