#!/usr/bin/env bash
# Smoke check of a built bundle (dist/lapor-desktop/ or the folder given): the version,
# `central --help`, the PostgreSQL driver (and, with LAPOR_TEST_PG_DSN, `central init` on a
# scratch database, dropped afterwards with its roles), a new local database, `self-check`,
# a PDF rendered and read back, a small LAPOR! CSV imported and the cases exported to XLSX
# (rapidfuzz's compiled modules and openpyxl in the bundle), the oldest released database
# upgraded (after its backup), and the GUI starting. Everything else runs in a scratch
# data folder; nothing outside it is touched.
#   packaging/smoke.sh [BUNDLE_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
bundle=${1:-dist/lapor-desktop}
exe="$bundle/lapor-desktop-cli"
[[ -x "$exe" ]] || exe="$bundle/lapor-desktop-cli.exe"
[[ -x "$exe" ]] || { echo "smoke: no executable in $bundle" >&2; exit 1; }

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export LAPOR_DATA_DIR="$scratch/data" QT_QPA_PLATFORM=offscreen
# No keyring in a headless build machine: the database key comes from the environment.
export LAPOR_DB_KEY="smoke-db-passphrase" LAPOR_PASSWORD="Sandi-Uji-Smoke-123"
export PYTHON_KEYRING_BACKEND=keyring.backends.fail.Keyring

step() { echo "-- smoke: $*"; }
want() { # want TEXT FILE: the command's output must contain TEXT
  grep -qF -- "$1" "$2" || { echo "smoke: expected '$1' in:" >&2; cat "$2" >&2; exit 1; }
}
version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' lapor_desktop/__init__.py)

step "--version"
"$exe" --version >"$scratch/out" 2>&1
want "$version" "$scratch/out"

step "resources: translations compiled, fonts, templates"
internal="$bundle/_internal"
for f in resources/translations/lapor_en.qm resources/fonts/DejaVuSans.ttf reports/letters.toml \
         resources/data/wilayah.csv resources/icons/lapor.png; do
  [[ -f "$internal/$f" ]] || { echo "smoke: $f missing from the bundle" >&2; exit 1; }
done

step "central --help"
"$exe" central --help >"$scratch/out" 2>&1
want "upgrade" "$scratch/out"

step "the PostgreSQL driver loads (psycopg with its libpq)"
"$exe" central status --dsn "host=127.0.0.1 port=1 dbname=none user=none connect_timeout=2" \
  >"$scratch/out" 2>&1 && { echo "smoke: central status on a closed port succeeded" >&2; exit 1; }
# libpq itself answers "connection refused": the driver and its library are in the bundle.
want "Server pusat tidak dapat dihubungi" "$scratch/out"
if grep -qiE "traceback|no module" "$scratch/out"; then cat "$scratch/out" >&2; exit 1; fi

if [[ -n "${LAPOR_TEST_PG_DSN:-}" ]] && command -v psql >/dev/null; then
  step "central init and status on a scratch PostgreSQL database (LAPOR_TEST_PG_DSN)"
  pgdb="lapor_smoke_$$"
  pgdsn="$LAPOR_TEST_PG_DSN dbname=$pgdb"
  pgsql() { PGOPTIONS='-c client_min_messages=warning' psql "$LAPOR_TEST_PG_DSN" -qAt -v ON_ERROR_STOP=1 -c "$1" >/dev/null; }
  pgdrop() {
    pgsql "DROP DATABASE IF EXISTS \"$pgdb\" WITH (FORCE)" || true
    for r in owner front_desk admin_kabupaten opd_admin opd_head auditor sys_admin; do
      pgsql "DROP ROLE IF EXISTS \"${pgdb}_$r\"" || true
    done
  }
  trap 'pgdrop; rm -rf "$scratch"' EXIT
  pgsql "CREATE DATABASE \"$pgdb\""
  "$exe" central init --dsn "$pgdsn" >"$scratch/out" 2>&1 || { cat "$scratch/out" >&2; exit 1; }
  "$exe" central status --dsn "$pgdsn" >"$scratch/out" 2>&1 || { cat "$scratch/out" >&2; exit 1; }
  latest=$(ls lapor_desktop/central/migrations | grep -cE '^c[0-9]{4}_.*\.py$')
  want "Skema versi $latest (aplikasi ini: $latest)" "$scratch/out"
fi

step "init"
"$exe" init --admin admin --full-name "Admin Smoke" >"$scratch/out" 2>&1 || { cat "$scratch/out" >&2; exit 1; }

step "self-check"
"$exe" self-check >"$scratch/out" 2>&1 || { cat "$scratch/out" >&2; exit 1; }
want "Semua siap digunakan." "$scratch/out"
want "SQLCipher" "$scratch/out"

step "a PDF (monthly report) rendered and read back"
LAPOR_NEW_PASSWORD="Sandi-Kab-Smoke-123" "$exe" --user admin user add kab \
  --role ADMIN_KABUPATEN --office DISKOMINFOSANDI --no-must-change >"$scratch/out" 2>&1 \
  || { cat "$scratch/out" >&2; exit 1; }
LAPOR_PASSWORD="Sandi-Kab-Smoke-123" "$exe" --user kab report monthly --month 2026-11 --out "$scratch/rekap.pdf" \
  >"$scratch/out" 2>&1 || { cat "$scratch/out" >&2; exit 1; }
head -c 5 "$scratch/rekap.pdf" | grep -qF "%PDF-" || { echo "smoke: not a PDF" >&2; exit 1; }
if command -v pdftotext >/dev/null; then
  pdftotext "$scratch/rekap.pdf" "$scratch/rekap.txt"
  grep -qi "pengaduan" "$scratch/rekap.txt" || { echo "smoke: the PDF has no readable text" >&2; exit 1; }
fi

step "a small LAPOR! export imported (CSV; duplicate suggestions: rapidfuzz) and exported (XLSX: openpyxl)"
printf '%s\r\n' \
  'ID Tracking;Tanggal Laporan;Judul Laporan;Isi Laporan;Kategori;Nama Pelapor;Kontak Pelapor;Anonim;Rahasia;Status' \
  'SMK-000001;02/11/2026 08:15;Jalan rusak di Desa Pulau;Lubang besar di jalan utama desa.;INFRASTRUKTUR;Warga Smoke;081200000001;Tidak;Tidak;Proses' \
  'SMK-000002;03/11/2026 09:30;Jalan rusak di Desa Pulau;Lubang besar di jalan utama desa!;INFRASTRUKTUR;Warga Smoke;081200000001;Tidak;Tidak;Proses' \
  >"$scratch/lapor.csv"
# RAPIDFUZZ_IMPLEMENTATION=cpp: rapidfuzz fails instead of falling back to pure Python
# when its compiled modules are not in the bundle.
RAPIDFUZZ_IMPLEMENTATION=cpp LAPOR_PASSWORD="Sandi-Kab-Smoke-123" \
  "$exe" --user kab import lapor "$scratch/lapor.csv" \
  --profile lapor-default --json >"$scratch/out" 2>&1 || { cat "$scratch/out" >&2; exit 1; }
want '"new": 2' "$scratch/out"
want '"new_accounts": 1' "$scratch/out"
LAPOR_PASSWORD="Sandi-Kab-Smoke-123" "$exe" --user kab cases export --out "$scratch/kasus.xlsx" \
  >"$scratch/out" 2>&1 || { cat "$scratch/out" >&2; exit 1; }
head -c 2 "$scratch/kasus.xlsx" | grep -qF "PK" || { echo "smoke: not an XLSX file" >&2; exit 1; }
if grep -qiE "traceback|no module" "$scratch/out"; then cat "$scratch/out" >&2; exit 1; fi

step "the oldest released database (tests/fixtures/lapor-v1.db) upgraded by the bundle"
old="$scratch/old"
mkdir -p "$old" && cp tests/fixtures/lapor-v1.db "$old/lapor.db"
latest=$(ls lapor_desktop/db/migrations | grep -cE '^m[0-9]{4}_.*\.py$')
LAPOR_DB_KEY=fixture-passphrase LAPOR_PASSWORD=fixture-password \
  "$exe" --data-dir "$old" --user admin user list >"$scratch/out" 2>&1 \
  || { cat "$scratch/out" >&2; exit 1; }
LAPOR_DB_KEY=fixture-passphrase "$exe" --data-dir "$old" self-check >"$scratch/out" 2>&1 || true
want "skema $latest/$latest" "$scratch/out"
ls "$old/cadangan/"lapor-v1-*.db >/dev/null || { echo "smoke: no copy made before the upgrade" >&2; exit 1; }

step "the GUI starts (offscreen) and is still up after 8 s: Qt and its plugins are bundled"
gui="$bundle/lapor-desktop"
[[ -x "$gui" ]] || gui="$bundle/lapor-desktop.exe"
set +e
timeout 8 "$gui" >"$scratch/out" 2>&1
code=$?
set -e
if [[ $code -ne 124 ]]; then
  echo "smoke: the GUI exited with $code:" >&2; cat "$scratch/out" >&2; exit 1
fi
if grep -E " (ERROR|CRITICAL) " "$LAPOR_DATA_DIR/logs/lapor-desktop.log"; then
  echo "smoke: the GUI logged an error" >&2; exit 1
fi

echo "smoke: OK ($(du -sh "$bundle" | cut -f1) in $bundle)"
