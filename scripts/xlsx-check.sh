#!/usr/bin/env bash
# The results workbook in LibreOffice: builds the CLI, writes `kaohe score --format xlsx`
# for the bundled schemes (or the folders given), converts every sheet to CSV with
# soffice --headless and compares the cells with `kaohe score --format json`.
#   npm run xlsx:check [-- rubrics/<folder> ...]
# Needs LibreOffice Calc: apt-get install -y libreoffice-calc (Debian). Not part of npm test.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v soffice >/dev/null 2>&1; then
  echo "xlsx check: soffice not found; install LibreOffice Calc (Debian: apt-get install -y libreoffice-calc)" >&2
  exit 1
fi
npx tsup --silent
exec npx tsx scripts/xlsx-check.ts "$@"
