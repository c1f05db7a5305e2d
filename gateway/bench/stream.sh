#!/usr/bin/env bash
# Streaming: a 1 GiB upload and a 1 GiB download through a gateway running with a 128 MiB heap.
# Usage: gateway/bench/stream.sh
source "$(dirname "$0")/common.sh"
need nginx nginx-light
T=$(free_port); GW=$(free_port); ADMIN=$(free_port)
truncate -s 1G "$WORK/big"
nginx_backend target "$T"
cat > "$WORK/alb.yaml" <<YAML
Listeners:
  - Port: 80
    DefaultActions: [{Type: forward, ForwardConfig: {TargetGroups: [{TargetGroupName: app}]}}]
TargetGroups:
  - {Name: app, Protocol: HTTP, Port: $T, TargetType: ip, Targets: [{Id: 127.0.0.1}]}
YAML
start_gateway "$WORK/alb.yaml" "$GW" "$ADMIN" -Xmx128m -XX:MaxDirectMemorySize=64m
down=$(curl -s -o /dev/null -w '%{http_code} %{size_download} bytes %{speed_download} B/s' "http://127.0.0.1:$GW/big")
echo "download: $down; gateway RSS $(rss_mib "$GATEWAY_PID") MiB"
up=$(curl -s -o /dev/null -X POST -T "$WORK/big" -w '%{http_code} %{size_upload} bytes %{speed_upload} B/s' "http://127.0.0.1:$GW/upload")
echo "upload:   $up; gateway RSS $(rss_mib "$GATEWAY_PID") MiB"
