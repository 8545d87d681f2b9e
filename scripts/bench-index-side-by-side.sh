#!/usr/bin/env bash
# Indexing side by side in one run: Java Lucene 8.8 (scripts/bench-java.sh, our RAM buffer), then the build of another
# checkout (optional, to measure a change), then this checkout's build, each on the same archive, ROUNDS times in that
# order; each index's size from du. The machine drifts, so only ratios within one run mean anything.
#
# Usage: scripts/bench-index-side-by-side.sh ARCHIVE_DIR [OTHER_CHECKOUT]
#   OTHER_CHECKOUT: a worktree of another commit (git worktree add /tmp/base REV), built here in Release.
# Settings (environment): ROUNDS (default 1), WORK (scratch folder for the indexes, default /tmp/bench-side-by-side).
set -euo pipefail

die() { echo "bench-index-side-by-side: $*" >&2; exit 1; }
[ $# -ge 1 ] || die "usage: scripts/bench-index-side-by-side.sh ARCHIVE_DIR [OTHER_CHECKOUT]"
archive=$1
other=${2:-}
here=$(cd "$(dirname "$0")/.." && pwd)
work=${WORK:-/tmp/bench-side-by-side}
[ -d "$archive" ] || die "no archive at $archive"

cli() { echo "$1/src/ArchiveSearch.Cli/bin/Release/net10.0/archive-search.dll"; }
build() { dotnet build -c Release "$1/src/ArchiveSearch.Cli" -v q -nologo >/dev/null || die "build failed in $1"; }
build "$here"
[ -z "$other" ] || build "$other"

mkdir -p "$work"
for round in $(seq 1 "${ROUNDS:-1}"); do
  rm -rf "$work/java" "$work/other" "$work/here"
  echo "== round $round: Java Lucene 8.8"
  RAM_BUFFER_MB=64 "$here/scripts/bench-java.sh" "$archive" "$work/java" | tail -1
  if [ -n "$other" ]; then
    echo "== round $round: $other ($(git -C "$other" log --oneline -1 | cut -c1-60))"
    dotnet "$(cli "$other")" bench index --archive "$archive" --index "$work/other" | tail -4
  fi
  echo "== round $round: $here ($(git -C "$here" log --oneline -1 | cut -c1-60))"
  dotnet "$(cli "$here")" bench index --archive "$archive" --index "$work/here" | tail -4
  echo "== round $round: MiB on disk"
  du -sm "$work"/java "$work"/other "$work"/here 2>/dev/null || true
done
