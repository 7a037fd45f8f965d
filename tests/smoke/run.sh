#!/usr/bin/env bash
# The smoke tier: Okno started exactly as a person starts it (see tests/smoke/*.cs). Prints the steps' timings and
# a plain summary line "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/../.."
rm -f artifacts/smoke/timings.txt
log=$(mktemp)
dotnet test tests/smoke/Okno.Smoke.csproj -c Release "$@" 2>&1 | tee "$log"
code=${PIPESTATUS[0]}
echo
echo "Smoke timings:"
cat artifacts/smoke/timings.txt 2>/dev/null | sed 's/^/  /'
summary=$(grep -E "^(Passed|Failed)!" "$log" | sed -E 's/.*Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+).*/\2 \1 \3/' | awk '{p+=$1; f+=$2; s+=$3} END {print p+0" passed, "f+0" failed, "s+0" skipped"}')
# A build failure leaves no runner summary: count it as a failure.
if [ "$code" -ne 0 ] && [ "$summary" = "0 passed, 0 failed, 0 skipped" ]; then summary="0 passed, 1 failed, 0 skipped"; fi
echo "$summary"
rm -f "$log"
exit "$code"
