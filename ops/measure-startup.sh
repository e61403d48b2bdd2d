#!/usr/bin/env bash
# Measures the jar's start-up time and idle heap on the embedded default database with demo data.
# Usage: ./mvnw -DskipTests package && ops/measure-startup.sh
set -euo pipefail
cd "$(dirname "$0")/.."
java_home="${JAVA_HOME:-}"
if [ -z "$java_home" ]; then
  for candidate in /usr/lib/jvm/*25* /usr/lib/jvm/*21*; do [ -x "$candidate/bin/java" ] && java_home="$candidate" && break; done
fi
java="${java_home:+$java_home/bin/}java"
data="$(mktemp -d)"
port="${PORT:-18080}"
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$data"' EXIT
start=$(date +%s%N)
"$java" -jar web/target/lockstep.jar --server.port="$port" --lockstep.demo=true \
  --lockstep.embedded-database.directory="$data/pgdata" > "$data/app.log" 2>&1 &
pid=$!
until curl -fs "http://localhost:$port/actuator/health" >/dev/null 2>&1; do
  kill -0 "$pid" 2>/dev/null || { cat "$data/app.log"; exit 1; }
  sleep 0.2
done
end=$(date +%s%N)
echo "first healthy answer after $(( (end - start) / 1000000 )) ms (includes a fresh embedded PostgreSQL and demo data)"
grep -o "Started LockstepApplication in [0-9.]* seconds" "$data/app.log" || true
sleep 5
"$java_home/bin/jcmd" "$pid" GC.run >/dev/null 2>&1 || true
"$java_home/bin/jcmd" "$pid" GC.heap_info 2>/dev/null | head -3 || true
rss=$(ps -o rss= -p "$pid"); echo "resident memory: $((rss / 1024)) MiB"
