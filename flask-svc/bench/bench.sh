#!/usr/bin/env bash
# flask-svc benchmark on loopback, against the local MySQL/MariaDB (the issue's harness):
#   cold start  - process start to the first 200 from /health, 5 runs, median, by
#                 scripts/cold-start (default java and any JDK 25, plain and with a class cache);
#   seed        - 1 user, 1 pad, 50 notes, through the service's own forms (CSRF on);
#   load        - wrk, 2 threads / 32 connections / 20 s, after 10 s of each not counted: the
#                 signed-in notes page (/flask) and /health; req/s, p50, p99, non-2xx;
#   memory      - the service's RSS before the load, after it, and after a second notes run.
#
# Usage:  flask-svc/bench/bench.sh          needs wrk (apt-get install -y wrk), curl, mysql, mvn
# Knobs:  BENCH_PORT (5900)  BENCH_DB_ENDPOINT (127.0.0.1:3306)  BENCH_DB_USER (root)
#         BENCH_DB_PASSWORD ()  BENCH_SCHEMA (flask_bench: dropped and re-created)
#         BENCH_DURATION (20s)  BENCH_THREADS (2)  BENCH_CONNECTIONS (32)
#         JAVA_OPTS (the service's JVM flags)  BENCH_SKIP_BUILD (set: use target/ as it is)
#
# Only the "service profile" block knows it is flask-svc; the rest is generic, so that one
# shared script could serve both services (see README).
set -euo pipefail

# --- service profile --------------------------------------------------------------------------
module_dir="$(cd "$(dirname "$0")/.." && pwd)"
module="flask-svc"
main_class="io.notejam.flask.Application"
notes_path="/flask"
health_path="/health"
session_cookie="session"

# Creates the bench user, its pad and 50 notes through the forms; leaves the session in $jar.
# Each form post queues a flash in the session; the notes page shows and drops them, once.
seed() {
  local token
  token=$(form_token "/flask/signup/")
  post "/flask/signup/" --data-urlencode "csrf_token=$token" \
    -d 'email=bench@example.com&password=benchpass&repeat_password=benchpass'
  post "/flask/signin/" --data-urlencode "csrf_token=$token" \
    -d 'email=bench@example.com&password=benchpass'
  post "/flask/pads/create/" --data-urlencode "csrf_token=$token" -d 'name=Bench pad'
  local pad
  pad=$(sql -N -e "SELECT MAX(id) FROM \`$schema\`.pad")
  for i in $(seq 1 50); do
    post "/flask/notes/create/" --data-urlencode "csrf_token=$token" \
      --data-urlencode "name=Note $i" --data-urlencode "text=Text of note number $i" -d "pad=$pad"
  done
  curl -s -o /dev/null -c "$jar" -b "$jar" "$base$notes_path"
}

# --- settings ---------------------------------------------------------------------------------
root_dir="$(dirname "$module_dir")"
port="${BENCH_PORT:-5900}"
db_endpoint="${BENCH_DB_ENDPOINT:-127.0.0.1:3306}"
db_user="${BENCH_DB_USER:-root}"
db_password="${BENCH_DB_PASSWORD:-}"
schema="${BENCH_SCHEMA:-flask_bench}"
duration="${BENCH_DURATION:-20s}"
threads="${BENCH_THREADS:-2}"
connections="${BENCH_CONNECTIONS:-32}"
# Lean on memory (RSS target 200 MiB): small heap, capped metaspace and code cache, one Netty arena.
java_opts="${JAVA_OPTS:--Xms48m -Xmx96m -XX:+UseSerialGC -Xss512k -XX:ReservedCodeCacheSize=40m -XX:MaxMetaspaceSize=96m -XX:MaxDirectMemorySize=32m -Dio.netty.allocator.numDirectArenas=1 -Dio.netty.allocator.numHeapArenas=1}"
base="http://127.0.0.1:$port"
tmp="$(mktemp -d)"
jar="$tmp/cookies"
service_pid=""

stop_service() {
  if [[ -n "$service_pid" ]]; then
    kill "$service_pid" 2>/dev/null || true
    wait "$service_pid" 2>/dev/null || true
    service_pid=""
  fi
}
trap 'stop_service; rm -rf "$tmp"' EXIT

for tool in wrk curl mysql mvn; do
  command -v "$tool" >/dev/null || { echo "missing $tool (wrk: apt-get install -y wrk)" >&2; exit 1; }
done

sql() { mysql -h "${db_endpoint%:*}" -P "${db_endpoint#*:}" -u "$db_user" ${db_password:+-p"$db_password"} "$@"; }
post() { local path=$1; shift; curl -s -o /dev/null -c "$jar" -b "$jar" "$@" "$base$path"; }
form_token() {
  curl -s -c "$jar" -b "$jar" "$base$1" | sed -n 's/.*name="csrf_token" type="hidden" value="\([^"]*\)".*/\1/p'
}

start_service() {
  PORT="$port" DATABASE_ENDPOINT="$db_endpoint" DATABASE_USERNAME="$db_user" \
    DATABASE_PASSWORD="$db_password" DATABASE_SCHEMA="$schema" \
    java $java_opts -cp "$classpath" "$main_class" >>"$tmp/service.log" 2>&1 &
  service_pid=$!
}

# Waits until /health answers 200.
await_health() {
  while [[ "$(curl -s -o /dev/null -w '%{http_code}' "$base$health_path" || true)" != 200 ]]; do
    if ! kill -0 "$service_pid" 2>/dev/null; then tail -40 "$tmp/service.log" >&2; exit 1; fi
    sleep 0.005
  done
}

rss_mib() { awk '$1 == "VmRSS:" { printf "%.0f", $2 / 1024 }' "/proc/$service_pid/status"; }

load() {
  local label=$1 path=$2; shift 2
  wrk -t"$threads" -c"$connections" -d"$duration" --latency "$@" "$base$path" >"$tmp/wrk.txt"
  awk -v label="$label" '
    /^Requests\/sec/ { rps = $2 }
    $1 == "50%" { p50 = $2 }
    $1 == "99%" { p99 = $2 }
    /Non-2xx/ { bad = $NF }
    END { printf "%-11s %9s req/s   p50 %8s   p99 %8s   non-2xx %s\n", label, rps, p50, p99, bad ? bad : 0 }
  ' "$tmp/wrk.txt"
}

# --- run --------------------------------------------------------------------------------------
if [[ -z "${BENCH_SKIP_BUILD:-}" ]]; then
  echo "== build $module"
  (cd "$root_dir" && mvn -B -q -pl "$module" -am install -DskipTests -Dspotless.check.skip -Djacoco.skip)
fi
(cd "$module_dir" && mvn -B -q dependency:build-classpath -DincludeScope=runtime \
  -Dmdep.outputFile="$tmp/cp.txt" >/dev/null)
# The jar, not target/classes: scripts/cold-start's class caches accept jar files only.
classpath="$(ls "$module_dir"/target/flask-svc-*.jar | grep -v -e sources -e javadoc -e tests | head -1):$(cat "$tmp/cp.txt")"
sql -e "DROP DATABASE IF EXISTS \`$schema\`"

echo "== cold start (scripts/cold-start: default java and any JDK 25, plain and with a class cache)"
DATABASE_ENDPOINT="$db_endpoint" DATABASE_USERNAME="$db_user" DATABASE_PASSWORD="$db_password" \
  DATABASE_SCHEMA="$schema" COLD_START_PORT="$port" JAVA_OPTS="$java_opts" \
  COLD_START_CLASSPATH="$classpath" "$root_dir/scripts/cold-start" flask-svc | tee "$tmp/cold.txt"

echo "== seed: 1 user, 1 pad, 50 notes"
start_service; await_health
seed
# The service re-seals the session cookie when the session changes, and at most once a minute to
# slide the idle timeout. A browser stores each new cookie; wrk replays the one it is given. So each
# run starts with the cookie a browser would hold at that point.
fresh_cookie() {
  curl -s -o /dev/null -c "$jar" -b "$jar" "$base$notes_path"
  cookie="$session_cookie=$(awk -v name="$session_cookie" '$6 == name { print $7 }' "$jar")"
}
fresh_cookie
echo "notes page: $(curl -s -H "Cookie: $cookie" "$base$notes_path" | grep -o '<title>[^<]*</title>')"

rss_before=$(rss_mib)
echo "== warm-up: 10 s of each, not counted (the JIT compiles the hot paths first), as express-svc's bench"
fresh_cookie; wrk -t"$threads" -c"$connections" -d10s -H "Cookie: $cookie" "$base$notes_path" >/dev/null
wrk -t"$threads" -c"$connections" -d10s "$base$health_path" >/dev/null
echo "== wrk -t$threads -c$connections -d$duration"
fresh_cookie; load "notes page" "$notes_path" -H "Cookie: $cookie"
load "health" "$health_path"
rss_after=$(rss_mib)
fresh_cookie; load "notes again" "$notes_path" -H "Cookie: $cookie"
rss_again=$(rss_mib)

echo "RSS MiB: before warm-up $rss_before, after the runs $rss_after, after a second notes run $rss_again"
sed -n '2,$p' "$tmp/cold.txt" | sed 's/^/cold start, /'
echo "machine: $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg) at the end (shared)"
