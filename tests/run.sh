#!/usr/bin/env bash
# Runs every test of MsmHelpdesk: unit, integration (real SQLite), component (bUnit) and end-to-end
# (Playwright driving Debian's Chromium). Installs Chromium first when it is missing; browser tests never
# skip. Extra arguments go to `dotnet test` (e.g. --filter). The last line is the totals.
set -uo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's Chromium for the browser tests..."
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null; }; then
    echo "Could not install chromium (apt-get install -y chromium)."
    echo "0 passed, 1 failed"
    exit 1
  fi
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
dotnet test MsmHelpdesk.sln "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# dotnet test prints one summary per test project: "Passed!  - Failed: 0, Passed: 80, ..."
passed=$(grep -oE '(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+' "$log" | grep -oE 'Passed: +[0-9]+' | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE '(Passed|Failed)! +- Failed: +[0-9]+' "$log" | grep -oE 'Failed: +[0-9]+' | awk '{s+=$2} END {print s+0}')
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # the build or a test host failed before any test could report
fi
echo "$passed passed, $failed failed"
exit "$status"
