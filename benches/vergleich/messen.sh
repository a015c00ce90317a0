#!/usr/bin/env bash
# Vorher und nachher im selben Lauf: zwei konzept-Programme im Wechsel, dazu
# LibreOffice allein (das DOCX von NEU nach PDF), für die Tabelle „Vorher und
# nachher“ in BENCHMARKS.md.
#
#   benches/vergleich/messen.sh ALT NEU [BEISPIEL] [RUNDEN]
#
# ALT, NEU: zwei konzept-Programme (Release); BEISPIEL: das Beispielprojekt,
# aus dem das 1×- und das 10×-Projekt entstehen (Standard:
# examples/musterstadt; 20 bzw. 200 Maßnahmen je Feld, siehe
# vervielfachen.py); RUNDEN: Wechsel beim 1×-Projekt (Standard 7; beim
# 10×-Projekt 2). Gemessen werden
#   - Typst-Satz (die Stufe „Typst-Satz“, wie `KONZEPT_ZEITEN=1` sie beim
#     ersten Build im Beobachten meldet),
#   - `konzept build` als Programm (Wandzeit, PDF + DOCX + Beschlussvorlage),
#   - Spitzenspeicher von `konzept build` (maximale RSS, /usr/bin/time),
#   - LibreOffice: `soffice --headless --convert-to pdf` des DOCX von NEU,
#   - das Beobachten: 10 Änderungen einer Zelle (beobachten.py).
# Ausgegeben werden je Messung alle Werte und der Median.
set -euo pipefail
cd "$(dirname "$0")/../.."
ALT=$(realpath "$1")
NEU=$(realpath "$2")
BEISPIEL=${3:-examples/musterstadt}
RUNDEN=${4:-7}
W=$(mktemp -d /tmp/konzept-vergleich.XXXXXX)
trap 'rm -rf "$W"' EXIT
cp -r "$BEISPIEL" "$W/beispiel"
rm -rf "$W/beispiel/ausgabe"
"$NEU" workbooks --refresh --out "$W/formulare" "$W/beispiel" >/dev/null 2>&1
for f in 1 10; do
  python3 benches/vergleich/vervielfachen.py "$W/beispiel" "$W/formulare" "$f" "$W/p$f"
done

# Typst-Satz in ms beim ersten Build im Beobachten (die übrigen Stufen in
# $W/stufen).
satz() {
  local out="$W/satz.log"
  KONZEPT_ZEITEN=1 "$1" build --watch "$2" >"$out" 2>&1 &
  local pid=$!
  for _ in $(seq 1 3000); do
    grep -q 'geschrieben: .*Beschlussvorlage.*oparl\|Fehler' "$out" && break
    sleep 0.1
  done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  cp "$out" "$W/stufen"
  grep -m1 'Typst-Satz' "$out" | grep -o '[0-9]*' | head -1
}
# Die Dauer einer Stufe (ms) aus dem letzten `satz`.
stufe() {
  grep -m1 "^  $1: " "$W/stufen" | grep -o '[0-9]*' | head -1
}
# Wandzeit (ms) und maximale RSS (MB) von `konzept build`.
programm() {
  rm -rf "$2/ausgabe"
  /usr/bin/time -f '%e %M' -o "$W/time" "$1" build "$2" >/dev/null 2>&1
  awk '{printf "%d %d\n", $1 * 1000, $2 / 1024}' "$W/time"
}
libreoffice() {
  local docx
  docx=$(ls "$1"/ausgabe/Integrationskonzept-*.docx | head -1)
  rm -rf "$W/lo"
  local t0 t1
  t0=$(date +%s%N)
  soffice --headless --convert-to pdf --outdir "$W/lo" "$docx" >/dev/null 2>&1
  t1=$(date +%s%N)
  echo $(((t1 - t0) / 1000000))
}
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }

# LibreOffice legt beim ersten Start sein Profil an: nicht mitgemessen.
programm "$NEU" "$W/p1" >/dev/null
libreoffice "$W/p1" >/dev/null

declare -A werte
messen() { # name wert
  werte[$1]="${werte[$1]:-} $2"
}
for r in $(seq 1 "$RUNDEN"); do
  for seite in alt neu; do
    bin=$ALT; [ $seite = neu ] && bin=$NEU
    messen "satz-1-$seite" "$(satz "$bin" "$W/p1")"
    if [ $seite = neu ]; then
      messen "docx-1-neu" "$(stufe DOCX)"
      messen "odt-1-neu" "$(stufe ODT)"
    fi
    read -r ms mb < <(programm "$bin" "$W/p1")
    messen "build-1-$seite" "$ms"
    messen "rss-1-$seite" "$mb"
    if [ $seite = neu ]; then messen "lo-1" "$(libreoffice "$W/p1")"; fi
  done
done
for r in 1 2; do
  for seite in alt neu; do
    bin=$ALT; [ $seite = neu ] && bin=$NEU
    messen "satz-10-$seite" "$(satz "$bin" "$W/p10")"
    read -r ms mb < <(programm "$bin" "$W/p10")
    messen "build-10-$seite" "$ms"
    messen "rss-10-$seite" "$mb"
  done
done
for k in $(printf '%s\n' "${!werte[@]}" | sort); do
  printf '%-16s Median %6s   alle:%s\n' "$k" "$(echo "${werte[$k]}" | median)" "${werte[$k]}"
done
for seite in alt neu; do
  bin=$ALT; [ $seite = neu ] && bin=$NEU
  rm -rf "$W/b"; cp -r "$W/beispiel" "$W/b"
  echo "beobachten-$seite: $(python3 benches/vergleich/beobachten.py "$bin" "$W/b" 10 | tr '\n' ' ')"
done
