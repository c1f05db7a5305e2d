#!/usr/bin/env bash
# Benchmarks express-svc on loopback against the local MySQL/MariaDB:
#   - seeds a user with 1 pad and 50 notes through the service's own forms, signs in;
#   - wrk (2 threads, 32 connections, 20 s, after a 10 s warm-up) against the signed-in notes page
#     and /health;
#   - prints req/s, p50, p99, the service's RSS before and after, and the cold start
#     (process start to first 200 on /health), median of 5, by scripts/cold-start.
# Usage: express-svc/bench/bench.sh            (from anywhere; needs wrk, curl, mvn, a MySQL)
# Environment: BENCH_PORT (3900), BENCH_DB_ENDPOINT (127.0.0.1:3306), BENCH_DB_USER (root),
#   BENCH_DB_PASSWORD (empty), BENCH_SCHEMA (express_bench, dropped and re-created),
#   BENCH_DURATION (20s), JAVA_OPTS (the service's JVM flags).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
module="$(dirname "$here")"
root="$(dirname "$module")"
port="${BENCH_PORT:-3900}"
endpoint="${BENCH_DB_ENDPOINT:-127.0.0.1:3306}"
db_user="${BENCH_DB_USER:-root}"
db_password="${BENCH_DB_PASSWORD:-}"
schema="${BENCH_SCHEMA:-express_bench}"
duration="${BENCH_DURATION:-20s}"
java_opts="${JAVA_OPTS:--Xms64m -Xmx128m -XX:+UseSerialGC -Xss512k}"
base="http://127.0.0.1:${port}"
work="$(mktemp -d)"
pid=""

cleanup() {
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

echo "== build"
(cd "$root" && mvn -B -q -pl express-svc -am install -DskipTests -Dspotless.check.skip -Djacoco.skip)
(cd "$module" && mvn -B -q dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile="$work/cp.txt" >/dev/null)
# The jar, not target/classes: scripts/cold-start's class caches accept jar files only.
classpath="$(ls "$module"/target/express-svc-*.jar | grep -v -e sources -e javadoc -e tests | head -1):$(cat "$work/cp.txt")"

mysql_cmd() { mysql -h "${endpoint%:*}" -P "${endpoint#*:}" -u "$db_user" ${db_password:+-p"$db_password"} "$@"; }
mysql_cmd -e "DROP DATABASE IF EXISTS \`$schema\`"

start_service() {
  DATABASE_ENDPOINT="$endpoint" DATABASE_USERNAME="$db_user" DATABASE_PASSWORD="$db_password" \
    DATABASE_SCHEMA="$schema" PORT="$port" \
    java $java_opts -cp "$classpath" io.notejam.express.Application >"$work/service.log" 2>&1 &
  pid=$!
}

# Waits until /health answers 200.
await_health() {
  until [[ "$(curl -s -o /dev/null -w '%{http_code}' "$base/health" || true)" == 200 ]]; do
    kill -0 "$pid" 2>/dev/null || { cat "$work/service.log" >&2; exit 1; }
    sleep 0.01
  done
}

stop_service() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""; }

rss_mib() { awk '/VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$pid/status"; }

echo "== cold start (scripts/cold-start: default java and any JDK 25, plain and with a class cache)"
DATABASE_ENDPOINT="$endpoint" DATABASE_USERNAME="$db_user" DATABASE_PASSWORD="$db_password" \
  DATABASE_SCHEMA="$schema" COLD_START_PORT="$port" JAVA_OPTS="$java_opts" \
  COLD_START_CLASSPATH="$classpath" "$root/scripts/cold-start" express-svc | tee "$work/cold.txt"

echo "== seed: 1 user, 1 pad, 50 notes"
start_service; await_health
jar="$work/cookies.txt"
curl -s -o /dev/null -X POST -d 'email=bench@example.com&password=benchpass' "$base/express/signup"
curl -s -o /dev/null -c "$jar" -b "$jar" -X POST -d 'email=bench@example.com&password=benchpass' "$base/express/signin"
curl -s -o /dev/null -c "$jar" -b "$jar" -X POST -d 'name=Bench pad' "$base/express/pads/create"
pad_id=$(mysql_cmd -N -e "SELECT MAX(id) FROM \`$schema\`.pads")
for i in $(seq 1 50); do
  curl -s -o /dev/null -c "$jar" -b "$jar" -X POST \
    --data-urlencode "name=Note $i" --data-urlencode "text=Text of note $i" -d "pad_id=$pad_id" \
    "$base/express/notes/create"
done
# One page view shows (and so consumes) the flash messages the seeding left in the session (one per
# pad and note created: without this every measured page had 51 of them and re-sealed the cookie); wrk
# then replays a session with none pending, as a reader's browser sends it.
curl -s -o /dev/null -c "$jar" -b "$jar" "$base/express/"
cookie="connect.sid=$(awk '$6 == "connect.sid" { print $7 }' "$jar")"
page=$(curl -s -b "$cookie" "$base/express/")
echo "signed-in notes page: $(grep -o '<title>[^<]*</title>' <<<"$page"), $(grep -o 'class="alert ' <<<"$page" | wc -l) flash messages, $(wc -c <<<"$page") bytes"

run_wrk() {
  local name=$1 url=$2; shift 2
  wrk -t2 -c32 -d"$duration" --latency "$@" "$url" >"$work/wrk-$name.txt"
  local rps p50 p99 errors
  rps=$(awk '/^Requests\/sec/ { print $2 }' "$work/wrk-$name.txt")
  p50=$(awk '$1 == "50%" { print $2 }' "$work/wrk-$name.txt")
  p99=$(awk '$1 == "99%" { print $2 }' "$work/wrk-$name.txt")
  errors=$(grep -E 'Non-2xx|Socket errors' "$work/wrk-$name.txt" | tr -s ' ' | paste -sd ';' || true)
  printf '%-12s %10s req/s   p50 %8s   p99 %8s   %s\n' "$name" "$rps" "$p50" "$p99" "${errors:-no errors}"
}

rss_before=$(rss_mib)
echo "== warm-up: 10 s of each, not counted (the JIT compiles the hot paths first)"
wrk -t2 -c32 -d10s -H "Cookie: $cookie" "$base/express/" >/dev/null
wrk -t2 -c32 -d10s "$base/health" >/dev/null
echo "== wrk -t2 -c32 -d$duration (JAVA_OPTS: $java_opts)"
run_wrk "notes-page" "$base/express/" -H "Cookie: $cookie"
run_wrk "health" "$base/health"
rss_after=$(rss_mib)
# The same page again: the JIT is still compiling C2 code during the first run on 2 shared cores.
run_wrk "notes-again" "$base/express/" -H "Cookie: $cookie"
rss_after_second=$(rss_mib)
echo "RSS MiB: before warm-up ${rss_before}, after the runs ${rss_after}, after a third notes run ${rss_after_second}"
sed -n '2,$p' "$work/cold.txt" | sed 's/^/cold start, /'
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
