#!/usr/bin/env bash
# Throughput and latency, side by side on loopback: wrk (2 threads, 64 connections, 20 s) against
# (a) a backend directly, (b) nginx from Debian proxying with the same path rules as the gateway,
# (c) the gateway. Prints req/s, p50, p99, the CPU each proxy spent per 1,000 requests (less
# sensitive than req/s to other load on shared cores), the ratios, and the gateway's RSS.
# The gateway is warmed up first (WARMUP, default 60s of the same load): its JIT compiles the hot
# path only after tens of seconds on 2 shared cores, and the figures are for the steady state.
# Then, since with 64 connections on 2 shared cores the p50 is mostly queueing (nginx itself adds
# over 1 ms), it prints the added p50 at 1 connection (LOW_DURATION, default 5s each), which is the
# proxy's own latency.
# Usage: gateway/bench/bench.sh [duration, default 20s]
source "$(dirname "$0")/common.sh"
need wrk wrk; need nginx nginx-light
DURATION=${1:-20s}
WARMUP=${WARMUP:-60s}
LOW_DURATION=${LOW_DURATION:-5s}
EXPRESS=$(free_port); FLASK=$(free_port); PROXY=$(free_port); GW=$(free_port); ADMIN=$(free_port)

nginx_backend backend "$EXPRESS" "$FLASK"

cat > "$WORK/nginx-proxy.conf" <<CONF
worker_processes 2;
pid $WORK/proxy.pid;
error_log $WORK/proxy-error.log warn;
events { worker_connections 4096; }
http {
  access_log $WORK/proxy-access.log;
  client_body_temp_path $WORK; proxy_temp_path $WORK;
  upstream express { server 127.0.0.1:$EXPRESS; keepalive 64; }
  upstream flask { server 127.0.0.1:$FLASK; keepalive 64; }
  server {
    listen 127.0.0.1:$PROXY;
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    proxy_set_header Host \$host;
    proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    location /express { proxy_pass http://express; }
    location /flask { proxy_pass http://flask; }
    location / { proxy_pass http://express; }
  }
}
CONF
nginx -c "$WORK/nginx-proxy.conf"

# The project's routing file with its targets pointed at the backend.
sed -e "s/Port: 3000$/Port: $EXPRESS/" -e "s/Port: 5000$/Port: $FLASK/" \
  -e "s#HealthCheckPath: /health#HealthCheckPath: /#" \
  "$REPO/routing/notejam-alb.yaml" > "$WORK/alb.yaml"
start_gateway "$WORK/alb.yaml" "$GW" "$ADMIN" -Xms64m -Xmx128m -XX:MaxDirectMemorySize=64m -XX:+UseSerialGC

cpu_ticks() { # summed user+system clock ticks of the given processes
  local total=0 pid
  for pid in "$@"; do total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat"))); done
  echo "$total"
}

run() { # name url pid... (the proxy's processes, for CPU per request)
  local name=$1 url=$2; shift 2
  local before=0 after=0
  [ $# -gt 0 ] && before=$(cpu_ticks "$@")
  wrk -t2 -c64 -d"$DURATION" --latency "$url" > "$WORK/$name.wrk"
  [ $# -gt 0 ] && after=$(cpu_ticks "$@")
  local rps p50 p99 requests cpu=""
  rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/$name.wrk")
  p50=$(awk '$1=="50%" {print $2}' "$WORK/$name.wrk")
  p99=$(awk '$1=="99%" {print $2}' "$WORK/$name.wrk")
  requests=$(awk '/requests in/ {print $1}' "$WORK/$name.wrk")
  if [ $# -gt 0 ]; then
    cpu=$(awk -v t=$((after - before)) -v n="$requests" -v hz="$(getconf CLK_TCK)" \
      'BEGIN { printf "%.1f", t * 1000 / hz / (n / 1000) }')
    printf '%-10s %12s req/s   p50 %8s   p99 %8s   CPU %5s ms per 1,000 requests\n' "$name" "$rps" "$p50" "$p99" "$cpu"
  else
    printf '%-10s %12s req/s   p50 %8s   p99 %8s\n' "$name" "$rps" "$p50" "$p99"
  fi
  eval "${name}_rps=$rps; ${name}_p50=$p50; ${name}_cpu=$cpu"
}

to_ms() { # wrk latency like 512.00us / 1.20ms / 1.01s -> ms
  awk -v v="$1" 'BEGIN { n=v+0; if (v ~ /us$/) n/=1000; else if (v ~ /ms$/) n=n; else if (v ~ /s$/) n*=1000; printf "%.3f", n }'
}

echo "warm-up (gateway JIT, $WARMUP)"; wrk -t2 -c64 -d"$WARMUP" "http://127.0.0.1:$GW/flask/x" >/dev/null
rss_before=$(rss_mib "$GATEWAY_PID")
echo "wrk -t2 -c64 -d$DURATION --latency, path /flask/x (rule 2), $(nproc) cores, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
run direct "http://127.0.0.1:$FLASK/flask/x"
run nginx "http://127.0.0.1:$PROXY/flask/x" $(cat "$WORK/proxy.pid") $(pgrep -P "$(cat "$WORK/proxy.pid")")
run gateway "http://127.0.0.1:$GW/flask/x" "$GATEWAY_PID"
rss_after=$(rss_mib "$GATEWAY_PID")

low_p50() { # url -> p50 in ms at 1 connection
  wrk -t1 -c1 -d"$LOW_DURATION" --latency "$1" > "$WORK/low.wrk"
  to_ms "$(awk '$1=="50%" {print $2}' "$WORK/low.wrk")"
}
low_direct=$(low_p50 "http://127.0.0.1:$FLASK/flask/x")
low_nginx=$(low_p50 "http://127.0.0.1:$PROXY/flask/x")
low_gateway=$(low_p50 "http://127.0.0.1:$GW/flask/x")
echo
awk -v g="$gateway_rps" -v n="$nginx_rps" 'BEGIN { printf "gateway/nginx throughput: %.2fx (target >= 0.90)\n", g/n }'
awk -v g="$gateway_cpu" -v n="$nginx_cpu" 'BEGIN { printf "gateway/nginx CPU per request: %.2fx (all threads: I/O, access log, JIT, GC)\n", g/n }'
awk -v g="$(to_ms "$gateway_p50")" -v d="$(to_ms "$direct_p50")" -v n="$(to_ms "$nginx_p50")" \
  'BEGIN { printf "added p50 over direct: gateway %.3f ms, nginx %.3f ms (target <= 0.3 ms)\n", g-d, n-d }'
awk -v g="$low_gateway" -v d="$low_direct" -v n="$low_nginx" \
  'BEGIN { printf "added p50 over direct at 1 connection (wrk -t1 -c1): gateway %.3f ms, nginx %.3f ms (direct p50 %.3f ms)\n", g-d, n-d, d }'
echo "gateway RSS: ${rss_before} MiB after warm-up, ${rss_after} MiB after the runs (target <= 256 MiB, flat)"
echo "gateway access log lines: $(wc -l < "$WORK/access.log")"
