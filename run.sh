#!/usr/bin/env bash
# Starts Okno on embedded SQLite (./data), prints the URL and the first login.
set -euo pipefail
cd "$(dirname "$0")"
exec dotnet run --project src/Okno.Web -c Release -- --urls "${OKNO_URLS:-http://localhost:5000}" "$@"
