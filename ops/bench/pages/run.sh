#!/usr/bin/env bash
# Pages at scale (issue 13): a rerunnable benchmark of the busiest pages of a big organization.
# See ops/bench/pages/README.md. Steps (default: all of them, in order):
#   setup     create roles and a fresh database, start the jar once so Flyway migrates it
#   generate  fill it with set-based SQL (generate.sql), then VACUUM ANALYZE; prints the time taken
#   bench     start the jar on it, log in as the owner, drive CONNECTIONS users at each page for DURATION, write
#             the table to $OUT
# Examples:
#   ops/bench/pages/run.sh                          # everything (about 15-25 minutes on 2 cores)
#   LABEL=after ops/bench/pages/run.sh bench         # measure again, after a change, on the same data
#   ORGS=20 EVENTS=200000 BIG_EVENTS=100000 PROJECTS=10 ops/bench/pages/run.sh   # a small run
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
db=${DB:-lockstep_bench_pages}
owner_role=${OWNER_ROLE:-lockstep_bench_owner}
app_role=${APP_ROLE:-lockstep_bench_app}
port=${PORT:-18080}
jar=${JAR:-$root/web/target/lockstep.jar}
orgs=${ORGS:-1000}
events=${EVENTS:-10000000}
big_events=${BIG_EVENTS:-1000000}
projects=${PROJECTS:-100}
deploys=${DEPLOYS:-100}
connections=${CONNECTIONS:-50}
threads=${THREADS:-2}
duration=${DURATION:-30s}
warmup=${WARMUP:-10s}
think=${THINK_MS:-2000}
label=${LABEL:-run}
work=${WORK:-$root/web/target/bench-pages}
out=${OUT:-$work/results-$label.md}
java=${JAVA:-}
if [ -z "$java" ]; then
  java=$( (ls -d /usr/lib/jvm/*25*/bin/java /usr/lib/jvm/*21*/bin/java 2>/dev/null || true) | head -1)
  java=${java:-java}
fi
mkdir -p "$work"

step() { printf '\n== %s (%s)\n' "$1" "$(date -u +%H:%M:%S)"; }
psql_db() { psql -X -v ON_ERROR_STOP=1 -d "$db" "$@"; }

app_pid=
start_app() {
  # A throwaway secrets key and signing key: the benchmark data holds no sensitive variable and no checkpoint.
  LOCKSTEP_SECRETS_KEY=$(openssl rand -base64 32) \
  LOCKSTEP_AUDIT_SIGNING_KEY=$(openssl genpkey -algorithm ed25519 -outform DER | base64 -w0) \
  SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" \
  SPRING_DATASOURCE_USERNAME="$app_role" SPRING_DATASOURCE_PASSWORD=bench \
  SPRING_FLYWAY_USER="$owner_role" SPRING_FLYWAY_PASSWORD=bench \
  PORT="$port" \
    "$java" ${JAVA_OPTS:--Xmx1g} -jar "$jar" ${APP_ARGS:-} >"$work/app-$label.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 180); do
    if curl -fs -o /dev/null "http://127.0.0.1:$port/login"; then
      echo "application up (pid $app_pid, log $work/app-$label.log)"
      return 0
    fi
    if ! kill -0 "$app_pid" 2>/dev/null; then
      tail -40 "$work/app-$label.log"
      echo "the application stopped" >&2
      exit 1
    fi
    sleep 1
  done
  echo "the application did not answer within 180 s" >&2
  exit 1
}
stop_app() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid"
    wait "$app_pid" 2>/dev/null || true
  fi
  app_pid=
}
trap stop_app EXIT

setup() {
  step "setup: roles and a fresh database $db"
  psql -X -q -d postgres <<SQL
do \$\$ begin
  if not exists (select 1 from pg_roles where rolname = '$owner_role') then
    create role $owner_role login nosuperuser nobypassrls password 'bench';
  end if;
  if not exists (select 1 from pg_roles where rolname = '$app_role') then
    create role $app_role login nosuperuser nobypassrls nocreatedb nocreaterole password 'bench';
  end if;
end \$\$;
SQL
  dropdb --if-exists "$db"
  createdb --owner="$owner_role" "$db"
  psql -X -q -d "$db" -c "grant connect, temporary on database \"$db\" to \"$app_role\""
  step "setup: start the application once so Flyway migrates"
  start_app
  stop_app
}

generate() {
  step "generate: $orgs organizations, $events audit events ($big_events in the big one), $projects projects x 4 environments x $deploys deployments"
  local started=$SECONDS
  psql_db -q -v orgs="$orgs" -v events="$events" -v big_events="$big_events" -v projects="$projects" \
    -v deploys="$deploys" -f "$here/generate.sql"
  local loaded=$SECONDS
  psql_db -q -c "vacuum analyze"
  local done_at=$SECONDS
  {
    echo "generated on $(date -u +%Y-%m-%dT%H:%M:%SZ): load $((loaded - started)) s, vacuum analyze $((done_at - loaded)) s"
    psql_db -At -c "select 'organizations=' || (select count(*) from lockstep.organizations)
      || ' projects=' || (select count(*) from lockstep.projects)
      || ' environments=' || (select count(*) from lockstep.environments)
      || ' config_revisions=' || (select count(*) from lockstep.config_revisions)
      || ' deployments=' || (select count(*) from lockstep.deployments)
      || ' approvals=' || (select count(*) from lockstep.deployment_approvals)
      || ' waiting=' || (select count(*) from lockstep.deployments where status = 'awaiting_approval')
      || ' audit_events=' || (select count(*) from lockstep.audit_events)
      || ' size=' || pg_size_pretty(pg_database_size(current_database()))"
  } | tee "$work/generated.txt"
}

csrf_of() { sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' "$1" | head -1; }

login_once() {
  local jarfile=$work/cookies.txt
  rm -f "$jarfile"
  curl -fs -c "$jarfile" -b "$jarfile" -o "$work/login.html" "http://127.0.0.1:$port/login"
  local token
  token=$(csrf_of "$work/login.html")
  curl -s -c "$jarfile" -b "$jarfile" -o /dev/null -w '%{http_code} %{redirect_url}\n' \
    --data-urlencode "username=bench-owner@lockstep.test" --data-urlencode "password=lockstep-bench" \
    --data-urlencode "_csrf=$token" "http://127.0.0.1:$port/login" >"$work/login-answer.txt"
  session=$(awk '$6 == "SESSION" { print $7 }' "$jarfile")
  if [ -z "$session" ]; then
    cat "$work/login-answer.txt"
    echo "login failed" >&2
    exit 1
  fi
}

# One session per connection: Spring Session writes each session's last access on every request.
login() {
  : >"$work/sessions.txt"
  for _ in $(seq 1 "$connections"); do
    login_once
    echo "$session" >>"$work/sessions.txt"
  done
}

# name|path: the pages of issue 13 (and the audit log), all in the big organization.
pages() {
  local env
  env=/orgs/big/projects/$(printf 'service-%03d' $((projects < 42 ? projects : 42)))/environments/production
  cat <<EOF
dashboard|/orgs/big
environment page|$env
approval queue|/orgs/big/approvals
timeline|$env/timeline
change report|/orgs/big/reports/changes
audit log|/orgs/big/audit
EOF
}

bench() {
  step "bench: start the application"
  start_app
  login
  local bytes
  {
    echo "Pages at scale, $label: per page one request alone, one user for $warmup (after $warmup of warm-up), then"
    echo "$connections connections ($threads wrk threads) for $duration (after $warmup of warm-up), then ${DRAIN:-15} s to drain;"
    echo "$(nproc) cores, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(cat "$work/generated.txt" 2>/dev/null | tail -1)"
    echo
    echo "Think time: each of the $connections users of the second measurement waits $((think / 2))-$((think * 3 / 2)) ms (uniform) between"
    echo "pages; the third measurement has none (every user asks again the moment an answer arrives: the throughput limit)."
    echo
    echo "| page | path | bytes | 1 user: p50 ms | 1 user: p95 ms | 1 user: req/s | $connections users with think time: p50 ms | p95 ms | req/s | errors | $connections users, no think time: p50 ms | p95 ms | p99 ms | max ms | req/s | errors (503 etc.) |"
    echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  } >"$out"
  while IFS='|' read -r name path; do
    [ -n "$name" ] || continue
    [ -z "${ONLY:-}" ] || [[ ",$ONLY," == *",$name,"* ]] || continue
    step "bench: $name ($path)"
    # One request alone first (after the previous page's load has drained): its status, size and time.
    local alone
    for attempt in 1 2 3 4 5 6; do
      alone=$(curl -s -o "$work/page.html" -w '%{http_code} %{size_download} %{time_total}' \
        -H "Cookie: SESSION=$session" "http://127.0.0.1:$port$path")
      [ "${alone%% *}" != 200 ] || break
      echo "attempt $attempt: status ${alone%% *}, waiting for the server to drain"
      sleep 10
    done
    echo "single request: status, bytes, seconds: $alone"
    bytes=$(echo "$alone" | cut -d' ' -f2)
    if [ "${alone%% *}" != 200 ]; then
      echo "| $name | \`$path\` | answered ${alone%% *} alone | | | | | | | | | |" >>"$out"
      continue
    fi
    SESSIONS_FILE=$work/sessions.txt wrk -t1 -c1 -d"$warmup" -s "$here/report.lua" "http://127.0.0.1:$port$path" \
      >/dev/null
    # One user: the service time of the page without queueing.
    local serial
    serial=$(SESSIONS_FILE=$work/sessions.txt wrk -t1 -c1 -d"$warmup" --timeout 10s -s "$here/report.lua" \
      "http://127.0.0.1:$port$path" | tee -a "$work/wrk-$label.txt" | grep '^RESULT')
    echo "1 user: $serial"
    local one_p50 one_p95 one_rps
    one_p50=$(echo "$serial" | sed 's/.* p50=\([0-9]*\).*/\1/')
    one_p95=$(echo "$serial" | sed 's/.* p95=\([0-9]*\).*/\1/')
    one_rps=$(echo "$serial" | sed 's/.* rps=\([0-9.]*\).*/\1/')
    # Warm with every user at once, so both concurrent measurements run on compiled code.
    SESSIONS_FILE=$work/sessions.txt wrk -t"$threads" -c"$connections" -d"$warmup" -s "$here/report.lua" \
      "http://127.0.0.1:$port$path" >/dev/null
    sleep "${DRAIN:-15}"
    # The users as people: a think time between pages.
    local paced="| | | |"
    if [ "$think" -gt 0 ]; then
      local thinking
      thinking=$(THINK_MS=$think SESSIONS_FILE=$work/sessions.txt wrk -t"$threads" -c"$connections" -d"$duration" \
        --timeout 10s -s "$here/report.lua" "http://127.0.0.1:$port$path" | tee -a "$work/wrk-$label.txt" \
        | grep '^RESULT')
      echo "$connections users, think time: $thinking"
      local t_p50 t_p95 t_rps t_errors
      t_p50=$(echo "$thinking" | sed 's/.* p50=\([0-9]*\).*/\1/')
      t_p95=$(echo "$thinking" | sed 's/.* p95=\([0-9]*\).*/\1/')
      t_rps=$(echo "$thinking" | sed 's/.* rps=\([0-9.]*\).*/\1/')
      t_errors=$(($(echo "$thinking" | sed 's/.* errors=\([0-9]*\).*/\1/') \
        + $(echo "$thinking" | sed 's/.* status_errors=\([0-9]*\).*/\1/')))
      paced=$(printf '%.1f | %.1f | %s | %s' "$(echo "$t_p50/1000" | bc -l)" "$(echo "$t_p95/1000" | bc -l)" \
        "$t_rps" "$t_errors")
      sleep "${DRAIN:-15}"
    fi
    local line
    line=$(SESSIONS_FILE=$work/sessions.txt wrk -t"$threads" -c"$connections" -d"$duration" --timeout 10s \
      -s "$here/report.lua" "http://127.0.0.1:$port$path" | tee -a "$work/wrk-$label.txt" | grep '^RESULT')
    echo "$line"
    # shellcheck disable=SC2086
    local $(echo "${line#RESULT }")
    printf '| %s | `%s` | %s | %.1f | %.1f | %s | %s | %.1f | %.1f | %.1f | %.0f | %s | %s |\n' "$name" "$path" "$bytes" \
      "$(echo "$one_p50/1000" | bc -l)" "$(echo "$one_p95/1000" | bc -l)" "$one_rps" "$paced" "$(echo "$p50/1000" | bc -l)" "$(echo "$p95/1000" | bc -l)" "$(echo "$p99/1000" | bc -l)" \
      "$(echo "$max/1000" | bc -l)" "$rps" "$((errors + status_errors))" >>"$out"
    # Requests of clients that wrk dropped at the end still run: let them finish before the next page.
    sleep "${DRAIN:-15}"
  done < <(pages)
  stop_app
  step "results in $out"
  cat "$out"
}

steps=${*:-setup generate bench}
for s in $steps; do
  "$s"
done
