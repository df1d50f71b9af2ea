#!/usr/bin/env bash
# The learning loop offline, as measured in docs/quality.md: a champion trained on 40 curated
# contracts reviews 289 others, a stand-in lawyer corrects the reports from the gold labels, the
# analyst is retrained on the curated contracts plus the corrections, and the gate decides.
# Usage: scripts/learning-loop.sh [cuad folder] [work folder]   (about 6 minutes on 2 cores)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
data=$(cd "${1:-$repo/../shared/data/cuad-dev}" && pwd)
work=${2:-$(mktemp -d)}
mkdir -p "$work/cli"
dotnet build "$repo/src/Tandem.Cli" -c Release -o "$work/cli" -v quiet -nologo >/dev/null
cd "$work"
tandem() { "$work/cli/Tandem.Cli" --db "$work/tandem.db" "$@"; }
step() { echo "== tandem $*"; local start=$SECONDS; tandem "$@" 2>/dev/null | tee "$work/last"; echo "   ($((SECONDS - start)) s)"; }
candidate() { grep -o "registered candidate [^ ]*" "$work/last" | cut -d' ' -f3; }
# The gate's verdict, refusals included (a refusal exits 1 and says why on stderr).
gate() { echo "== tandem models promote $1"; tandem models promote "$1" 2>&1 || true; }

step retrain local --data "$data" --contracts 40
gate "$(candidate)"
step eval corrections --data "$data" --skip 40 --contracts 289 --accept --acl group:legal
step retrain local --data "$data" --contracts 40
gate "$(candidate)"
step retrain local --data "$data" --contracts 10 --no-corrections
gate "$(candidate)"   # refused: the champion stays
step retrain local --data "$data" --if-due --after-corrections 100
step models registry
echo "work folder: $work"
