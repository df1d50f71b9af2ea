#!/usr/bin/env bash
# Runs every test of the solution. Needs only the .NET SDK (SQLite is embedded).
# Evaluation data is read from ../shared/data when present; tests that need it say so and,
# when CI=true, fail instead of skipping if it is absent.
set -euo pipefail
cd "$(dirname "$0")"
dotnet build Tandem.slnx -c Release --nologo -v quiet
dotnet test --solution Tandem.slnx -c Release --no-build "$@"
