#!/usr/bin/env bash
# Regenerate examples/briefing.md and examples/briefing.pdf from the example
# articles with the offline backend, and fail when the committed copies were
# stale (so CI notices when output changed without the examples being updated).
set -euo pipefail
bin=${1:-bin/brief}; day=${2:-2026-11-25}
cd "$(dirname "$0")/.."
export XDG_DATA_HOME=$(mktemp -d) XDG_CONFIG_HOME=$(mktemp -d) TZ=UTC SOURCE_DATE_EPOCH=1795586400
before=$(cat examples/briefing.md examples/briefing.pdf 2>/dev/null | sha256sum || true)
# The briefing is dated SOURCE_DATE_EPOCH's day; --date would also leave
# out the articles not published on it.
epoch=$(date -u -d "$day 06:00:00" +%s)
export SOURCE_DATE_EPOCH=$epoch
"$bin" briefing --title "Daily briefing" -f md -o examples/briefing.md examples/articles/
"$bin" briefing --title "Daily briefing" -f pdf -o examples/briefing.pdf examples/articles/
after=$(cat examples/briefing.md examples/briefing.pdf | sha256sum)
if [ "$before" != "$after" ]; then
  echo "examples/briefing.md or .pdf changed: commit the regenerated files" >&2
  git --no-pager diff --stat -- examples/ >&2 || true
  exit 1
fi
echo "examples are up to date"
