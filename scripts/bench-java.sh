#!/usr/bin/env bash
# Reference indexing benchmark: the archive indexed by Java Lucene 8.8 + SmartChineseAnalyzer (Debian's liblucene8-java),
# to set beside the service's own indexing figures. See scripts/bench-java/ReferenceIndexer.java for what is indexed.
#
# Usage: scripts/bench-java.sh ARCHIVE_DIR INDEX_DIR
#        scripts/bench-java.sh search INDEX_DIR QUERY...   (times queries over that index: scripts/bench-java/ReferenceSearcher.java;
#        RUNS and WARMUP_SECONDS set the measured searches per query, default 200, and the warm-up, default 10)
#   INDEX_DIR is created, or replaced if it already holds a Lucene index (a non-empty folder of anything else is refused).
#   Prints one JSON line on stdout (tokens: the tokens indexed in the three text fields); skipped files and a parse summary go to stderr.
# Settings (environment): XMX (JVM heap, default 2g), THREADS (default 2), RAM_BUFFER_MB (default 256; the service
#   uses 64), MERGE_SEGMENTS (default 1, as the project merges a full build), COMPOUND (default true; false keeps every index file apart, to compare sizes).
# Installs what is missing (as root): a JDK (default-jdk-headless) and liblucene8-java. Run one benchmark at a time.
set -euo pipefail

die() { echo "bench-java: $*" >&2; exit 1; }

if [ "${1:-}" = search ]; then
  [ $# -ge 3 ] || die "usage: scripts/bench-java.sh search INDEX_DIR QUERY..."
  shift
  index=$1
  shift
  [ -d "$index" ] || die "index folder not found: $index"
  program=ReferenceSearcher
else
  [ $# -eq 2 ] || die "usage: scripts/bench-java.sh ARCHIVE_DIR INDEX_DIR"
  archive=$1
  index=$2
  [ -d "$archive" ] || die "archive folder not found: $archive"
  program=ReferenceIndexer
fi
source_file="$(cd "$(dirname "$0")" && pwd)/bench-java/$program.java"
[ -f "$source_file" ] || die "missing $source_file"

# Debian installs the jars as /usr/share/java/lucene-<module>-<version>.jar (liblucene8-java 8.8.1 names them
# 8.7.0 but they are 8.8.1 inside; the program prints the version it really ran). One jar per module is expected.
modules=(core analyzers-common analyzers-smartcn)
find_jar() {  # prints the one jar of module $1; fails (quietly) when there is none
  local matches=(/usr/share/java/lucene-"$1"-8*.jar)
  [ -e "${matches[0]}" ] || return 1
  [ ${#matches[@]} -eq 1 ] || { echo "several lucene-$1 8.x jars in /usr/share/java: ${matches[*]}" >&2; return 2; }
  echo "${matches[0]}"
}

missing=()
command -v javac >/dev/null && command -v java >/dev/null || missing+=(default-jdk-headless)
for module in "${modules[@]}"; do
  find_jar "$module" >/dev/null || { missing+=(liblucene8-java); break; }
done
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" -eq 0 ] || die "missing ${missing[*]}; run as root to install, or: sudo apt-get install -y ${missing[*]}"
  echo "bench-java: installing ${missing[*]}" >&2
  log=$(mktemp -t bench-java-apt.XXXXXX)
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; } >"$log" 2>&1 \
    || { cat "$log" >&2; die "apt-get install ${missing[*]} failed (output above)"; }
  rm -f "$log"
fi
command -v javac >/dev/null || die "javac not found after installing default-jdk-headless"
classpath=""
for module in "${modules[@]}"; do
  jar=$(find_jar "$module") || die "no single lucene-$module-8*.jar in /usr/share/java (is liblucene8-java installed?)"
  classpath+="${classpath:+:}$jar"
done

build=$(mktemp -d -t bench-java.XXXXXX)
trap 'rm -rf "$build"' EXIT
# -encoding: the source holds the Chinese section headings and metadata keys.
javac -encoding UTF-8 -cp "$classpath" -d "$build" "$source_file" || die "javac failed"

exec_status=0
if [ "$program" = ReferenceSearcher ]; then
  java -Xmx"${XMX:-2g}" -Dfile.encoding=UTF-8 -Dbench.runs="${RUNS:-200}" -Dbench.warmupSeconds="${WARMUP_SECONDS:-10}" \
    -cp "$classpath:$build" ReferenceSearcher "$index" "$@" || exec_status=$?
else
  # Heap for the RAM buffer (shared by the indexing threads) plus merges and stored-field buffers.
  java -Xmx"${XMX:-2g}" -Dfile.encoding=UTF-8 \
    -Dbench.threads="${THREADS:-2}" -Dbench.compound="${COMPOUND:-true}" -Dbench.ramBufferMb="${RAM_BUFFER_MB:-256}" -Dbench.mergeSegments="${MERGE_SEGMENTS:-1}" \
    -cp "$classpath:$build" ReferenceIndexer "$archive" "$index" || exec_status=$?
fi
[ "$exec_status" -eq 0 ] || die "$program failed (exit $exec_status)"
