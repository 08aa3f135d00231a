#!/usr/bin/env bash
# Starts the local Neo4j Community server (embedded jars + Bolt) for development and tests.
# Idempotent: a no-op when it already runs. First run fetches the jars from Maven Central (~10-60 s).
# Env: NEO4J_PORT (7687), NEO4J_PASSWORD (orgraph-test), NEO4J_HEAP (2g), NEO4J_PAGECACHE_MB (512),
#      NEO4J_HOME (<repo>/.neo4j), NEO4J_START_TIMEOUT (120 s).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
export NEO4J_HOME="${NEO4J_HOME:-$ROOT/.neo4j}"
export NEO4J_PORT="${NEO4J_PORT:-7687}"
export NEO4J_PASSWORD="${NEO4J_PASSWORD:-orgraph-test}"
HEAP="${NEO4J_HEAP:-2g}"
TIMEOUT="${NEO4J_START_TIMEOUT:-120}"
PID_FILE="$NEO4J_HOME/neo4j.pid"
LOG="$NEO4J_HOME/neo4j.log"
LIB="$HERE/lib"
CLASSES="$HERE/target/classes"

running_pid() {
  # Our launcher's pid, when the PID file points at a live Launcher process.
  [[ -f "$PID_FILE" ]] || return 1
  local pid; pid="$(cat "$PID_FILE")"
  [[ -n "$pid" && -r "/proc/$pid/cmdline" ]] || return 1
  tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q Launcher || return 1
  echo "$pid"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$NEO4J_PORT") 2>/dev/null; }

if pid="$(running_pid)"; then
  echo "neo4j already running (pid $pid) on bolt://127.0.0.1:$NEO4J_PORT"
  exit 0
fi
if port_open; then
  echo "something already listens on 127.0.0.1:$NEO4J_PORT (not started by this script); leaving it alone" >&2
  exit 0
fi

command -v java >/dev/null || { echo "java (17+) is required: apt-get install openjdk-17-jre-headless" >&2; exit 1; }
mkdir -p "$NEO4J_HOME"

if [[ ! -f "$LIB/.complete" ]]; then
  command -v mvn >/dev/null || { echo "maven is required to fetch the Neo4j jars: apt-get install maven" >&2; exit 1; }
  echo "fetching Neo4j jars from Maven Central into $LIB (first run only)..."
  rm -rf "$LIB"
  mvn_log="$(mktemp)"
  if ! (cd "$HERE" && mvn -q -B -Dstyle.color=never dependency:copy-dependencies -DoutputDirectory=lib) >"$mvn_log" 2>&1; then
    cat "$mvn_log" >&2; rm -f "$mvn_log"; echo "maven could not fetch the Neo4j jars" >&2; exit 1
  fi
  rm -f "$mvn_log"
  touch "$LIB/.complete"
fi
if [[ ! -f "$CLASSES/Launcher.class" || "$HERE/Launcher.java" -nt "$CLASSES/Launcher.class" ]]; then
  mkdir -p "$CLASSES"
  javac -nowarn -d "$CLASSES" -cp "$LIB/*" "$HERE/Launcher.java"
fi

JAVA_OPTS=(
  "-Xms$HEAP" "-Xmx$HEAP" -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError -XX:-OmitStackTraceInFastThrow
  -XX:+UnlockExperimentalVMOptions -XX:+TrustFinalNonStaticFields
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-exports=java.base/sun.nio.ch=ALL-UNNAMED
  -Dio.netty.tryReflectionSetAccessible=true -Djdk.nio.maxCachedBufferSize=1024 -Dfile.encoding=UTF-8
)
cd "$ROOT"
nohup java "${JAVA_OPTS[@]}" -cp "$CLASSES:$LIB/*" Launcher >"$LOG" 2>&1 </dev/null &
pid=$!
echo "$pid" >"$PID_FILE"

deadline=$((SECONDS + TIMEOUT))
until grep -q '^READY' "$LOG" 2>/dev/null && port_open; do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "neo4j failed to start; last lines of $LOG:" >&2; tail -n 40 "$LOG" >&2; rm -f "$PID_FILE"; exit 1
  fi
  if (( SECONDS >= deadline )); then
    echo "neo4j did not answer on 127.0.0.1:$NEO4J_PORT within ${TIMEOUT}s; last lines of $LOG:" >&2
    tail -n 40 "$LOG" >&2; kill "$pid" 2>/dev/null || true; rm -f "$PID_FILE"; exit 1
  fi
  sleep 0.5
done
echo "neo4j started (pid $pid) on bolt://127.0.0.1:$NEO4J_PORT (user neo4j), data in $NEO4J_HOME, log $LOG"
