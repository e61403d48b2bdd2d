#!/usr/bin/env bash
# Rolling upgrade drill (ops/runbooks/upgrade.md): the old version serves a database while the new version starts on
# the same database, migrates it, and takes over; the old instance must keep answering (health and an API read)
# through the migration, and stop cleanly after. Run it against a scratch database that the old version created.
#
#   PGHOST=db PGPORT=5432 PGUSER=postgres \
#   LOCKSTEP_APP_ROLE=… LOCKSTEP_APP_PASSWORD=… LOCKSTEP_OWNER_ROLE=… LOCKSTEP_OWNER_PASSWORD=… \
#   OLD_JAR=old/lockstep.jar NEW_JAR=web/target/lockstep.jar LOCKSTEP_ARGS=--lockstep.demo=true \
#   ops/runbooks/upgrade-drill.sh <scratch-database>
set -euo pipefail

db=${1:?usage: upgrade-drill.sh <scratch-database>}
old_jar=${OLD_JAR:?OLD_JAR: the jar of the version running today}
new_jar=${NEW_JAR:?NEW_JAR: the jar of the version to upgrade to}
old_port=${OLD_PORT:-18101}
new_port=${NEW_PORT:-18102}
java=${JAVA:-$( (ls -d /usr/lib/jvm/*25*/bin/java /usr/lib/jvm/*21*/bin/java 2>/dev/null || true) | head -1)}
java=${java:-java}
logs=$(mktemp -d -t lockstep-upgrade-XXXXXX)
jdbc="jdbc:postgresql://${PGHOST:-localhost}:${PGPORT:-5432}/${db}"
old_pid=""
new_pid=""

start() { # jar port log
  # shellcheck disable=SC2086
  "$java" -jar "$1" --server.port="$2" --spring.datasource.url="$jdbc" \
    --spring.datasource.username="${LOCKSTEP_APP_ROLE:?}" --spring.datasource.password="${LOCKSTEP_APP_PASSWORD:?}" \
    --spring.flyway.user="${LOCKSTEP_OWNER_ROLE:?}" --spring.flyway.password="${LOCKSTEP_OWNER_PASSWORD:?}" \
    ${LOCKSTEP_ARGS:-} > "$3" 2>&1 &
  echo $!
}
healthy() { curl -fs "http://localhost:$1/actuator/health" > /dev/null 2>&1; }
wait_healthy() { for _ in $(seq 1 120); do healthy "$1" && return 0; sleep 1; done; return 1; }
schema() { psql -X -d "$db" -Atc "select coalesce(max(version), '(none)') from (select version from lockstep.flyway_schema_history where success order by installed_rank desc limit 1) v" 2>/dev/null || echo "(none)"; }
cleanup() {
  for pid in $new_pid $old_pid; do
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  done
  echo "logs: $logs"
}
trap cleanup EXIT

echo "== old version starts on $db (schema $(schema))"
old_pid=$(start "$old_jar" "$old_port" "$logs/old.log")
wait_healthy "$old_port" || { tail -50 "$logs/old.log"; exit 1; }
echo "old version serving on :$old_port, schema $(schema)"

echo "== new version starts beside it and migrates"
new_pid=$(start "$new_jar" "$new_port" "$logs/new.log")
misses=0 polls=0
while ! healthy "$new_port"; do
  polls=$((polls + 1))
  healthy "$old_port" || misses=$((misses + 1))
  # A read through the old version's pages while the schema changes under it.
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$old_port/login")
  [ "$code" = 200 ] || misses=$((misses + 1))
  if ! kill -0 "$new_pid" 2>/dev/null; then tail -50 "$logs/new.log"; echo "The new version did not start." >&2; exit 1; fi
  [ "$polls" -lt 300 ] || { echo "The new version took too long." >&2; exit 1; }
  sleep 0.5
done
echo "new version serving on :$new_port, schema $(schema); the old one answered $((polls * 2 - misses)) of $((polls * 2)) checks meanwhile"
grep -h "Migrating schema\|Successfully applied\|Schema .* is up to date" "$logs/new.log" | sed 's/^.*: //' || true
[ "$misses" -eq 0 ] || { echo "The old version failed requests during the migration." >&2; exit 1; }
healthy "$old_port" || { echo "The old version is unhealthy on the migrated schema." >&2; exit 1; }

echo "== the old version stops gracefully"
kill -TERM "$old_pid"
for _ in $(seq 1 150); do kill -0 "$old_pid" 2>/dev/null || break; sleep 0.2; done
old_pid=""
grep -q "Graceful shutdown complete" "$logs/old.log" || { echo "The old version did not shut down gracefully." >&2; exit 1; }
echo "old version: graceful shutdown complete"
healthy "$new_port" || { echo "The new version stopped answering." >&2; exit 1; }
echo "== upgrade drill passed"
