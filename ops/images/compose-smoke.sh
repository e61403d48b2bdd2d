#!/usr/bin/env bash
# Proves the container image (ops/Dockerfile) and ops/compose.yaml for real: builds the image from the jar,
# starts PostgreSQL 17 and Lockstep with compose, and checks that Lockstep migrated the database as the owner
# role, serves as the runtime role (not a superuser), runs as an unprivileged user, answers readiness, the
# login page and the Prometheus scrape (with its token only). Everything is removed afterwards.
# Uses the images ops/images/build-local-images.sh builds from Debian's packages unless POSTGRES_IMAGE and
# JRE_IMAGE name others. Needs web/target/lockstep.jar (./mvnw -DskipTests package) and a Docker engine.
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ ! -f web/target/lockstep.jar ]; then
	echo "web/target/lockstep.jar is missing: ./mvnw -DskipTests package" >&2
	exit 1
fi
compose() {
	if docker compose version >/dev/null 2>&1; then docker compose "$@"; else docker-compose "$@"; fi
}

export POSTGRES_IMAGE="${POSTGRES_IMAGE:-lockstep/postgres:17}" JRE_IMAGE="${JRE_IMAGE:-lockstep/jre:25}"
export LOCKSTEP_PORT="${LOCKSTEP_PORT:-18080}"
LOCKSTEP_SECRETS_KEY="$(openssl rand -base64 32)"
LOCKSTEP_AUDIT_SIGNING_KEY="$(openssl genpkey -algorithm ed25519 -outform DER | base64 -w0)"
LOCKSTEP_METRICS_TOKEN="$(openssl rand -hex 24)"
export LOCKSTEP_SECRETS_KEY LOCKSTEP_AUDIT_SIGNING_KEY LOCKSTEP_METRICS_TOKEN
# The classic builder: the engine from Debian's docker.io has no BuildKit front end to pull.
export DOCKER_BUILDKIT=0 COMPOSE_DOCKER_CLI_BUILD=0
project="lockstep-smoke-$$"
base="http://127.0.0.1:$LOCKSTEP_PORT"

down() {
	compose -p "$project" -f ops/compose.yaml down -v --rmi local >/dev/null 2>&1 || true
}
trap down EXIT
fail() {
	echo "compose smoke: $*" >&2
	compose -p "$project" -f ops/compose.yaml logs --tail=80 >&2 || true
	exit 1
}

started=$SECONDS
compose -p "$project" -f ops/compose.yaml up -d --build
until curl -fs -o /dev/null "$base/actuator/health/readiness"; do
	[ $((SECONDS - started)) -lt 300 ] || fail "not ready after 300 s"
	sleep 1
done
echo "ready after $((SECONDS - started)) s"

database="$(compose -p "$project" -f ops/compose.yaml ps -q postgres)"
app="$(compose -p "$project" -f ops/compose.yaml ps -q lockstep)"
sql() {
	docker exec "$database" psql -U postgres -d lockstep -tAc "$1"
}

[ "$(docker exec "$app" id -u)" = "10001" ] || fail "the application does not run as uid 10001"
[[ "$(sql "select version()")" == "PostgreSQL 17"* ]] || fail "not PostgreSQL 17"
[ "$(sql "select count(*) from lockstep.flyway_schema_history where not success")" = "0" ] || fail "a failed migration"
[ "$(sql "select distinct installed_by from lockstep.flyway_schema_history where version is not null")" = "lockstep_owner" ] ||
	fail "migrations not run by lockstep_owner"
[ "$(sql "select count(*) from pg_stat_activity where datname = 'lockstep' and usename = 'lockstep_app'")" -gt 0 ] ||
	fail "no connection as lockstep_app"
[ "$(sql "select count(*) from pg_stat_activity where datname = 'lockstep' and usename not in ('lockstep_app', 'postgres')")" = "0" ] ||
	fail "the application holds connections as another role"
# Bodies are read whole before they are searched: `curl | grep -q` fails under pipefail when grep stops reading early.
login="$(curl -fsS "$base/login")" || fail "no login page"
grep -q 'name="password"' <<<"$login" || fail "no password field on the login page"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$base/actuator/prometheus")" != "200" ] || fail "metrics without a token"
metrics="$(curl -fsS -H "Authorization: Bearer $LOCKSTEP_METRICS_TOKEN" "$base/actuator/prometheus")" ||
	fail "the scrape token was refused"
grep -q '^jvm_' <<<"$metrics" || fail "no metrics with the scrape token"
echo "compose smoke: passed in $((SECONDS - started)) s (image on $JRE_IMAGE, database on $POSTGRES_IMAGE)"
