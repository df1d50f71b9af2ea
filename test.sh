#!/usr/bin/env bash
# Runs every test of the solution. Needs the .NET SDK; SQLite is embedded, and PostgreSQL (for the
# store conformance suite) is started as a throwaway cluster by tests/postgres-cluster.sh, installed
# with apt-get when missing. Without it the PostgreSQL tests skip, except with CI=true, where they fail.
# The web app's browser tests drive Debian's chromium (tests/chromium.sh, also installed with
# apt-get when missing); without it they skip, except with CI=true, where they fail.
# Evaluation data is read from ../shared/data when present; tests that need it say so and,
# when CI=true, fail instead of skipping if it is absent.
# The CLI is also packed and installed as the `tandem` dotnet tool, exactly as the README's
# install step does, and the process-level tests (fresh HOME, no --db) run that installed tool.
set -euo pipefail
cd "$(dirname "$0")"
dotnet build Tandem.slnx -c Release --nologo -v quiet
work="$(mktemp -d)"
source tests/postgres-cluster.sh
trap 'stop_postgres || true; rm -rf "$work"' EXIT
if [ -z "${TANDEM_TEST_POSTGRES:-}" ]; then
  if ! start_postgres; then
    if [ "${CI:-}" = "true" ]; then
      echo "PostgreSQL could not be started, and with CI=true its tests must run" >&2
      exit 1
    fi
    echo "PostgreSQL could not be started: its tests will be skipped" >&2
  fi
fi
source tests/chromium.sh
if ! find_chromium; then
  if [ "${CI:-}" = "true" ]; then
    echo "chromium could not be found or installed, and with CI=true the browser tests must run" >&2
    exit 1
  fi
  echo "chromium could not be found or installed: the browser tests will be skipped" >&2
fi
if [ "$(uname -sm)" = "Linux x86_64" ]; then
  # As the README installs it: precompiled (ReadyToRun) for the machine, so analyze starts in under a second.
  dotnet pack src/Tandem.Cli -c Release -r linux-x64 -p:PublishReadyToRun=true -p:SelfContained=false \
    -p:CreateRidSpecificToolPackages=false --nologo -v quiet -o "$work/packages"
else
  dotnet pack src/Tandem.Cli -c Release --no-build --nologo -v quiet -o "$work/packages"
fi
dotnet tool install --tool-path "$work/tools" --add-source "$work/packages" Tandem.Cli >/dev/null
export TANDEM_EXE="$work/tools/tandem"
# The failures are repeated at the end, where a CI log's tail shows them.
status=0
dotnet test --solution Tandem.slnx -c Release --no-build "$@" 2>&1 | tee "$work/test.log" || status=$?
if [ "$status" -ne 0 ]; then
  echo "=== failed tests (repeated from above) ==="
  grep -E -A 12 '^\s*failed [A-Za-z]' "$work/test.log" | head -n 200 || true
fi
exit "$status"
