#!/usr/bin/env bash
# Builds, from Debian's packages alone, the two base images Lockstep's containers need, for machines
# that reach Debian's mirror but no container registry:
#   lockstep/postgres:17  PostgreSQL 17 (Debian trixie's postgresql-17), with the official image's
#                         environment contract (see postgres-entrypoint.sh); Testcontainers substitutes it
#                         for postgres:17-alpine (LOCKSTEP_POSTGRES_IMAGE) and ops/compose.yaml runs it
#                         (POSTGRES_IMAGE).
#   lockstep/jre:25       Debian trixie's OpenJDK 25 runtime, the base of ops/Dockerfile (JRE_IMAGE).
# Each is a debootstrap root file system turned into an image with `docker import`. An image that already
# exists is kept (FORCE=1 rebuilds). Needs root, debootstrap and a running Docker engine.
set -euo pipefail
cd "$(dirname "$0")"

MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
SUITE=trixie
WORK="${WORK_DIR:-$(mktemp -d /tmp/lockstep-images.XXXXXX)}"

exists() {
	[ "${FORCE:-0}" != "1" ] && docker image inspect "$1" >/dev/null 2>&1
}

# debootstrap ROOT PACKAGES: a minimal Debian with the packages, without apt's caches and documentation.
root_file_system() {
	local root="$1" packages="$2"
	local started=$SECONDS
	debootstrap --variant=minbase --include="$packages" "$SUITE" "$root" "$MIRROR" >"$root.log" 2>&1 ||
		{ tail -20 "$root.log" >&2; return 1; }
	rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/* "$root"/usr/share/doc/* \
		"$root"/usr/share/man/* "$root"/usr/share/locale/*
	echo "  debootstrap $packages: $((SECONDS - started)) s"
}

if exists lockstep/postgres:17; then
	echo "lockstep/postgres:17 exists"
else
	echo "Building lockstep/postgres:17 from Debian $SUITE's postgresql-17"
	root="$WORK/postgres"
	root_file_system "$root" postgresql-17
	install -m 0755 postgres-entrypoint.sh "$root/usr/local/bin/docker-entrypoint.sh"
	mkdir -p "$root/docker-entrypoint-initdb.d"
	# Debian's postgresql-common creates a cluster at install: the image starts from an empty data directory.
	rm -rf "$root"/var/lib/postgresql/17 "$root"/etc/postgresql/17
	tar -C "$root" -c . | docker import \
		--change 'ENV PATH=/usr/lib/postgresql/17/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
		--change 'ENV LANG=C.UTF-8' \
		--change 'ENV PGDATA=/var/lib/postgresql/data' \
		--change 'VOLUME /var/lib/postgresql/data' \
		--change 'EXPOSE 5432' \
		--change 'ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]' \
		--change 'CMD ["postgres"]' \
		- lockstep/postgres:17 >/dev/null
	rm -rf "$root"
fi

if exists lockstep/jre:25; then
	echo "lockstep/jre:25 exists"
else
	echo "Building lockstep/jre:25 from Debian $SUITE's openjdk-25-jre-headless"
	root="$WORK/jre"
	root_file_system "$root" openjdk-25-jre-headless,ca-certificates
	tar -C "$root" -c . | docker import \
		--change 'ENV LANG=C.UTF-8' \
		--change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
		--change 'CMD ["/bin/bash"]' \
		- lockstep/jre:25 >/dev/null
	rm -rf "$root"
fi

docker image ls --format '{{.Repository}}:{{.Tag}}  {{.Size}}' | grep '^lockstep/' || true
