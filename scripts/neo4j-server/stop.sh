#!/usr/bin/env bash
# Stops the local Neo4j server started by start.sh: SIGTERM (clean shutdown), then SIGKILL after a timeout.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
NEO4J_HOME="${NEO4J_HOME:-$ROOT/.neo4j}"
PID_FILE="$NEO4J_HOME/neo4j.pid"
GRACE="${NEO4J_STOP_TIMEOUT:-60}"

if [[ ! -f "$PID_FILE" ]]; then
  echo "neo4j not running (no $PID_FILE)"
  exit 0
fi
pid="$(cat "$PID_FILE")"
if [[ -z "$pid" || ! -r "/proc/$pid/cmdline" ]] || ! tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q Launcher; then
  echo "neo4j not running (stale $PID_FILE removed)"
  rm -f "$PID_FILE"
  exit 0
fi
kill -TERM "$pid"
deadline=$((SECONDS + GRACE))
while kill -0 "$pid" 2>/dev/null; do
  if (( SECONDS >= deadline )); then
    echo "neo4j (pid $pid) did not stop within ${GRACE}s; killing it" >&2
    kill -KILL "$pid" 2>/dev/null || true
    break
  fi
  sleep 0.5
done
rm -f "$PID_FILE"
echo "neo4j stopped (pid $pid)"
