#!/usr/bin/env bash
# Resilience: two targets behind the gateway under load (wrk 2 threads, 16 connections, 12 s);
# one is killed after 3 s. Counts the failed requests (502s) until the health check takes it out, then checks
# that a second run has none, and that the gateway is still up with a flat RSS.
# Usage: gateway/bench/failover.sh
source "$(dirname "$0")/common.sh"
need wrk wrk; need nginx nginx-light
A=$(free_port); B=$(free_port); GW=$(free_port); ADMIN=$(free_port)
nginx_backend a "$A"
nginx_backend b "$B"
cat > "$WORK/alb.yaml" <<YAML
Name: failover
Listeners:
  - Port: 80
    DefaultActions: [{Type: forward, ForwardConfig: {TargetGroups: [{TargetGroupName: app}]}}]
TargetGroups:
  - Name: app
    Protocol: HTTP
    Port: 80
    TargetType: ip
    HealthCheckPath: /health
    HealthCheckIntervalSeconds: 5
    HealthCheckTimeoutSeconds: 2
    HealthyThresholdCount: 2
    UnhealthyThresholdCount: 2
    Targets: [{Id: 127.0.0.1, Port: $A}, {Id: 127.0.0.1, Port: $B}]
YAML
start_gateway "$WORK/alb.yaml" "$GW" "$ADMIN" -Xms64m -Xmx128m -XX:MaxDirectMemorySize=64m -XX:+UseSerialGC
ARN=$(curl -s "http://127.0.0.1:$ADMIN/?Action=DescribeTargetGroups" | sed -n 's:.*<TargetGroupArn>\([^<]*\)</TargetGroupArn>.*:\1:p')
state_of_b() {
  curl -s "http://127.0.0.1:$ADMIN/?Action=DescribeTargetHealth&TargetGroupArn=$ARN&Targets.member.1.Id=127.0.0.1&Targets.member.1.Port=$B" \
    | sed -n 's:.*<State>\([^<]*\)</State>.*:\1:p'
}
for _ in $(seq 1 40); do [ "$(state_of_b)" = healthy ] && break; sleep 0.5; done
rss_before=$(rss_mib "$GATEWAY_PID")
echo "both targets healthy; load for 12 s (wrk -t2 -c16), target B killed (SIGKILL) after 3 s"
wrk -t2 -c16 -d12s "http://127.0.0.1:$GW/" > "$WORK/during.wrk" &
WRK=$!
sleep 3
# SIGKILL every process listening on B's port (nginx master and worker)
kill -9 $(ss -ltnpH "sport = :$B" | grep -o 'pid=[0-9]*' | cut -d= -f2 | sort -u)
until ! curl -s -m 1 -o /dev/null "http://127.0.0.1:$B/"; do sleep 0.05; done
killed_at=$(date +%s.%N)
for _ in $(seq 1 150); do [ "$(state_of_b)" = unhealthy ] && break; sleep 0.2; done
taken_out=$(awk -v a="$killed_at" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b-a }')
wait "$WRK"
echo "during: $(awk '/requests in/ {print $1}' "$WORK/during.wrk") requests, failed (non-2xx): $(awk '/Non-2xx/ {print $5}' "$WORK/during.wrk" | grep . || echo 0), socket errors: $(grep -c 'Socket errors' "$WORK/during.wrk" || true)"
echo "target B reported unhealthy ${taken_out} s after the kill (interval 5 s, threshold 2)"
wrk -t2 -c16 -d6s "http://127.0.0.1:$GW/" > "$WORK/after.wrk"
echo "after:  $(awk '/requests in/ {print $1}' "$WORK/after.wrk") requests, failed (non-2xx): $(awk '/Non-2xx/ {print $5}' "$WORK/after.wrk" | grep . || echo 0)"
kill -0 "$GATEWAY_PID" && echo "gateway still running; RSS ${rss_before} MiB before, $(rss_mib "$GATEWAY_PID") MiB after"
