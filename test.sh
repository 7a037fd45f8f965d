#!/usr/bin/env bash
# Runs every test. PostgreSQL tests run when OKNO_TEST_POSTGRES is set (CI sets it; see .ci/run), else they are skipped.
set -uo pipefail
cd "$(dirname "$0")"
log=$(mktemp)
dotnet test Okno.slnx -c Release "$@" 2>&1 | tee "$log"
code=${PIPESTATUS[0]}
# A plain summary line: "N passed, N failed, N skipped".
summary=$(grep -E "^(Passed|Failed)!" "$log" | sed -E 's/.*Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+).*/\2 \1 \3/' | awk '{p+=$1; f+=$2; s+=$3} END {print p+0" passed, "f+0" failed, "s+0" skipped"}')
echo "$summary"
rm -f "$log"
exit "$code"
