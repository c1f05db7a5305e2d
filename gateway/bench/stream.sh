#!/usr/bin/env bash
# Streaming: a 1 GiB download and a 1 GiB upload through a gateway running with a 128 MiB heap.
# The target is a small Python server that streams zeros out and counts what comes in.
# Usage: gateway/bench/stream.sh
source "$(dirname "$0")/common.sh"
T=$(free_port); GW=$(free_port); ADMIN=$(free_port)
cat > "$WORK/target.py" <<'PY'
import http.server, sys
SIZE = 1 << 30
class Target(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *args): pass
    def do_GET(self):
        self.send_response(200); self.send_header("Content-Length", str(SIZE)); self.end_headers()
        chunk = bytes(1 << 20)
        for _ in range(SIZE >> 20):
            self.wfile.write(chunk)
    def do_POST(self):
        left = int(self.headers["Content-Length"]); seen = 0
        while left > 0:
            data = self.rfile.read(min(left, 1 << 20)); left -= len(data); seen += len(data)
        body = str(seen).encode()
        self.send_response(200); self.send_header("Content-Length", str(len(body))); self.end_headers()
        self.wfile.write(body)
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Target).serve_forever()
PY
python3 "$WORK/target.py" "$T" & PIDS+=($!)
truncate -s 1G "$WORK/upload"
cat > "$WORK/alb.yaml" <<YAML
Listeners:
  - Port: 80
    DefaultActions: [{Type: forward, ForwardConfig: {TargetGroups: [{TargetGroupName: app}]}}]
TargetGroups:
  - {Name: app, Protocol: HTTP, Port: $T, TargetType: ip, HealthCheckEnabled: false, Targets: [{Id: 127.0.0.1}]}
YAML
start_gateway "$WORK/alb.yaml" "$GW" "$ADMIN" -Xmx128m -XX:MaxDirectMemorySize=64m
down=$(curl -s -o /dev/null -w '%{http_code}, %{size_download} bytes, %{speed_download} B/s' "http://127.0.0.1:$GW/big")
echo "download: $down; gateway RSS $(rss_mib "$GATEWAY_PID") MiB"
up=$(curl -s -X POST -T "$WORK/upload" -w ', HTTP %{http_code}, %{speed_upload} B/s' "http://127.0.0.1:$GW/upload")
echo "upload:   target counted $up; gateway RSS $(rss_mib "$GATEWAY_PID") MiB"
