#!/bin/sh
# Entry point of the locally built PostgreSQL 17 image. It keeps the contract of the official
# postgres image that Testcontainers and ops/compose.yaml rely on: POSTGRES_USER, POSTGRES_PASSWORD
# and POSTGRES_DB create the superuser and database on first start, /docker-entrypoint-initdb.d/*.sql
# and *.sh run once, and "database system is ready to accept connections" is logged twice (by the
# temporary server that runs the init scripts, then by the real one).
set -eu

PGDATA="${PGDATA:-/var/lib/postgresql/data}"
export PGDATA

if [ "${1:-}" != "postgres" ]; then
	exec "$@"
fi

if [ "$(id -u)" = "0" ]; then
	mkdir -p "$PGDATA" /var/run/postgresql
	chown -R postgres:postgres "$PGDATA" /var/run/postgresql
	chmod 700 "$PGDATA"
	exec setpriv --reuid=postgres --regid=postgres --init-groups "$0" "$@"
fi

if [ ! -s "$PGDATA/PG_VERSION" ]; then
	user="${POSTGRES_USER:-postgres}"
	database="${POSTGRES_DB:-$user}"
	if [ -z "${POSTGRES_PASSWORD:-}" ]; then
		echo "POSTGRES_PASSWORD is required" >&2
		exit 1
	fi
	passwords="$(mktemp)"
	printf '%s\n' "$POSTGRES_PASSWORD" > "$passwords"
	initdb --username="$user" --pwfile="$passwords" --auth-local=trust --auth-host=scram-sha-256 \
		--encoding=UTF8 --locale=C.UTF-8 >/dev/null
	rm -f "$passwords"
	echo "listen_addresses = '*'" >> "$PGDATA/postgresql.conf"
	echo "host all all all scram-sha-256" >> "$PGDATA/pg_hba.conf"

	pg_ctl --silent -w -o "-c listen_addresses=''" start
	if [ "$database" != "postgres" ]; then
		psql -v ON_ERROR_STOP=1 --username="$user" --dbname=postgres \
			-c "create database \"$database\"" >/dev/null
	fi
	for script in /docker-entrypoint-initdb.d/*; do
		case "$script" in
			*.sql) psql -v ON_ERROR_STOP=1 --username="$user" --dbname="$database" -f "$script" ;;
			*.sh) . "$script" ;;
			*) ;;
		esac
	done
	pg_ctl --silent -w -m fast stop
fi

exec "$@"
