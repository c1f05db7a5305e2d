# Shared by the bench scripts: free ports, the gateway jar, nginx instances, RSS sampling.
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$BENCH_DIR/../.." && pwd)
WORK=$(mktemp -d /tmp/gateway-bench.XXXXXX)
PIDS=()

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for conf in "$WORK"/nginx-*.conf; do
    [ -e "$conf" ] && nginx -c "$conf" -s stop 2>/dev/null || true
  done
  # the access logs of one bench run take about 1 GB; KEEP_BENCH_WORK=1 keeps them
  [ -n "${KEEP_BENCH_WORK:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT

need() {
  command -v "$1" >/dev/null || { echo "needs $1 (apt-get install -y $2)" >&2; exit 1; }
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# The shaded jar, copied aside so a build running meanwhile cannot change it under the bench.
gateway_jar() {
  if [ ! -f "$WORK/gateway.jar" ]; then
    local jar="$REPO/gateway/target/gateway-1.0.0-SNAPSHOT.jar"
    if [ ! -f "$jar" ]; then
      (cd "$REPO" && mvn -B -q -pl gateway -am package -DskipTests -Djacoco.skip=true >&2)
    fi
    cp "$jar" "$WORK/gateway.jar"
  fi
  echo "$WORK/gateway.jar"
}

# nginx_backend NAME PORT... : an nginx answering 200 "ok" on each port, /health included.
nginx_backend() {
  local name=$1; shift
  local listens=""
  for port in "$@"; do listens="$listens listen 127.0.0.1:$port;"; done
  mkdir -p "$WORK/$name"
  cat > "$WORK/nginx-$name.conf" <<CONF
worker_processes 1;
pid $WORK/$name/nginx.pid;
error_log $WORK/$name/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $WORK/$name; proxy_temp_path $WORK/$name;
  keepalive_requests 1000000;
  server {
    $listens
    client_max_body_size 0;
    location / { default_type text/plain; return 200 "ok\n"; }
    location /big { root $WORK; }
  }
}
CONF
  nginx -c "$WORK/nginx-$name.conf"
}

# start_gateway CONFIG PORT ADMIN_PORT [JAVA_OPTS...]: runs the jar with $GATEWAY_JAVA (default: java
# on the PATH), waits for the listener.
start_gateway() {
  local config=$1 port=$2 admin=$3; shift 3
  GATEWAY_CONFIG=$config PORT=$port GATEWAY_ADMIN_PORT=$admin GATEWAY_BIND_ADDRESS=127.0.0.1 \
    GATEWAY_ACCESS_LOG=$WORK/access.log \
    ${GATEWAY_JAVA:-java} "$@" -jar "$(gateway_jar)" >"$WORK/gateway.out" 2>&1 &
  GATEWAY_PID=$!
  PIDS+=("$GATEWAY_PID")
  for _ in $(seq 1 240); do
    curl -s -o /dev/null "http://127.0.0.1:$admin/?Action=DescribeTargetGroups" && return 0
    sleep 0.5
  done
  echo "gateway did not start:" >&2; cat "$WORK/gateway.out" >&2; exit 1
}

rss_mib() { echo $(( $(ps -o rss= -p "$1") / 1024 )); }
