#!/usr/bin/env bash
# Starts Okno on embedded SQLite (./data), prints the URL and the first login.
# Demo mode is on by default: stand-ins for Telegram, VK, MAX and WhatsApp run in-process and simulated clients write in;
# pass --no-demo (or OKNO_DEMO=false) for a clean start, and remove demo data any time with DELETE /api/v1/demo.
set -euo pipefail
cd "$(dirname "$0")"
demo="${OKNO_DEMO:-true}"
args=()
for a in "$@"; do
  case "$a" in
    --demo) demo=true ;;
    --no-demo) demo=false ;;
    *) args+=("$a") ;;
  esac
done
exec dotnet run --project src/Okno.Web -c Release -- --urls "${OKNO_URLS:-http://localhost:5000}" "--Okno:Demo=$demo" ${args[@]+"${args[@]}"}
