#!/usr/bin/env bash
# Sets an edited Typst source of the concept again, for looking at layout
# experiments.
#
#   konzept build --typst examples/musterstadt      # writes ausgabe/<Name>.typ
#   $EDITOR examples/musterstadt/ausgabe/<Name>.typ  # experiment
#   tools/compile-typ.sh examples/musterstadt examples/musterstadt/ausgabe/<Name>.typ
#
# writes <Name>.typ.pdf beside the .typ. It uses only the CLI: the project is
# copied to a temporary folder, the .typ becomes its main template override
# (`vorlagen/typst/main.typ.hbs`, inside a Handlebars raw block so that it is
# taken as it is) and the copy is built, with the project's own style library,
# design values, logo and fonts. KONZEPT names the binary (default: `konzept`
# on the PATH, else target/debug/konzept).
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "Aufruf: $0 PROJEKTORDNER DATEI.typ" >&2
  exit 2
fi
project=$1
typ=$2
konzept=${KONZEPT:-}
if [ -z "$konzept" ]; then
  if command -v konzept >/dev/null 2>&1; then
    konzept=konzept
  else
    target=${CARGO_TARGET_DIR:-$(cd "$(dirname "$0")/.." && pwd)/target}
    konzept="$target/debug/konzept"
  fi
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R "$project/." "$work/"
mkdir -p "$work/vorlagen/typst"
{
  echo '{{{{raw}}}}'
  cat "$typ"
  echo '{{{{/raw}}}}'
} >"$work/vorlagen/typst/main.typ.hbs"

"$konzept" build "$work" 2>&1 | tee "$work/.build.log"
# The concept's PDF: "geschrieben: <Pfad> (PDF, N Seiten)".
pdf=$(sed -n 's/^geschrieben: \(.*\) (PDF, [0-9]* Seiten)$/\1/p' "$work/.build.log" | head -n 1)
if [ -z "$pdf" ]; then
  echo "kein PDF erzeugt" >&2
  exit 1
fi
cp "$pdf" "$typ.pdf"
echo "geschrieben: $typ.pdf"
