#!/usr/bin/env bash
# Backup and restore drill (ops/runbooks/backup-restore.md): dump a Lockstep database with pg_dump, restore it into a
# new database on the same server, check that the restored copy holds the same rows, walk every organization's audit
# chain in it with `lockstep.jar verify-audit-chains`, and prove that check has teeth by altering one event in the
# copy and expecting it to be caught. The source database is only read.
#
#   PGHOST=db PGPORT=5432 PGUSER=postgres PGPASSWORD=… \
#   LOCKSTEP_APP_ROLE=lockstep_app LOCKSTEP_APP_PASSWORD=… LOCKSTEP_OWNER_ROLE=lockstep_owner LOCKSTEP_OWNER_PASSWORD=… \
#   LOCKSTEP_SECRETS_KEY=… LOCKSTEP_AUDIT_SIGNING_KEY=… \
#   ops/runbooks/backup-restore-drill.sh lockstep [restored-database-name]
#
# PGUSER must be able to create databases and read every row (a superuser: row-level security is FORCEd on every
# tenant table, so only a superuser or BYPASSRLS role dumps them whole). pg_dump's major version must be at least the
# server's. KEEP=1 keeps the restored database; DUMP_FILE names the dump (default: a temporary file). Extra arguments
# for the verification (such as --lockstep.demo=true for a demo database) go in LOCKSTEP_ARGS.
set -euo pipefail

source_db=${1:?usage: backup-restore-drill.sh <source-database> [restored-database]}
target_db=${2:-${source_db}_restore_$(date -u +%Y%m%d%H%M%S)}
app_role=${LOCKSTEP_APP_ROLE:-lockstep_app}
owner_role=${LOCKSTEP_OWNER_ROLE:-lockstep_owner}
jar=${LOCKSTEP_JAR:-$(cd "$(dirname "$0")/../.." && pwd)/web/target/lockstep.jar}
dump=${DUMP_FILE:-$(mktemp -t lockstep-XXXXXX.dump)}
jdbc="jdbc:postgresql://${PGHOST:-localhost}:${PGPORT:-5432}/${target_db}"
java=${JAVA:-java}
if [ -z "${JAVA:-}" ] && ! "$java" -version 2>&1 | grep -Eq 'version "(2[1-9]|[3-9][0-9])'; then
  java=$( (ls -d /usr/lib/jvm/*25*/bin/java /usr/lib/jvm/*21*/bin/java 2>/dev/null || true) | head -1)
fi

step() { printf '\n== %s (%s)\n' "$1" "$(date -u +%H:%M:%S)"; }
rows() {
  psql -X -d "$1" -Atc "select 'audit_events=' || (select count(*) from lockstep.audit_events)
    || ' audit_checkpoints=' || (select count(*) from lockstep.audit_checkpoints)
    || ' organizations=' || (select count(*) from lockstep.organizations)
    || ' config_revisions=' || (select count(*) from lockstep.config_revisions)
    || ' deployments=' || (select count(*) from lockstep.deployments)"
}
verify() {
  # shellcheck disable=SC2086
  "$java" -jar "$jar" verify-audit-chains --spring.datasource.url="$jdbc" \
    --spring.datasource.username="$app_role" --spring.datasource.password="${LOCKSTEP_APP_PASSWORD:?}" \
    --spring.flyway.user="$owner_role" --spring.flyway.password="${LOCKSTEP_OWNER_PASSWORD:?}" \
    --logging.level.root=warn ${LOCKSTEP_ARGS:-}
}
cleanup() {
  if [ "${KEEP:-0}" != 1 ]; then dropdb --if-exists "$target_db" >/dev/null 2>&1 || true; fi
  if [ -z "${DUMP_FILE:-}" ]; then rm -f "$dump"; fi
}
trap cleanup EXIT

started=$(date +%s)
step "1. Back up $source_db with pg_dump (custom format, consistent snapshot)"
pg_dump --format=custom --file="$dump" --dbname="$source_db"
ls -l "$dump"

step "2. Restore into a new database $target_db"
createdb --owner="$owner_role" "$target_db"
pg_restore --exit-on-error --dbname="$target_db" "$dump"
# Database-level grants are not part of a database's dump (create-roles.sql gives them).
psql -X -q -d "$target_db" -c "grant connect, temporary on database \"$target_db\" to \"$app_role\""

step "3. The copy holds the same rows"
expected=$(rows "$source_db")
actual=$(rows "$target_db")
echo "source:   $expected"
echo "restored: $actual"
[ "$expected" = "$actual" ] || { echo "The restored database differs from the source." >&2; exit 1; }

step "4. Every audit chain in the restored database verifies"
verify

step "5. The check has teeth: one altered event in the copy is caught"
psql -X -q -d "$target_db" -c "alter table lockstep.audit_events disable trigger user" \
  -c "update lockstep.audit_events set actor_name = actor_name || ' (altered by the drill)'
      where (org_id, seq) = (select org_id, max(seq) from lockstep.audit_events group by org_id order by org_id limit 1)" \
  -c "alter table lockstep.audit_events enable trigger user"
if verify; then
  echo "An altered event went unnoticed: the verification is not trustworthy." >&2
  exit 1
fi
echo "The altered event was caught, as it must be."

step "Drill passed in $(( $(date +%s) - started )) s"
