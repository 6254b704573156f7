#!/usr/bin/env bash
# Measures process start → first 200 from /ready (embedded Neo4j included), for an empty and a seeded data dir.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-4222}; bolt=${NEO4J_BOLT_PORT:-7722}; dir=$(mktemp -d)
measure() {
  local start end
  start=$(date +%s%N)
  PORT=$port NEO4J_BOLT_PORT=$bolt NEO4J_DATA_DIR=$dir LOG_LEVEL=warn node dist/src/main.js & local pid=$!
  until curl -sf "http://127.0.0.1:$port/ready" >/dev/null; do sleep 0.1; done
  end=$(date +%s%N)
  echo "$1: $(( (end - start) / 1000000 )) ms to /ready 200"
  kill -TERM $pid; wait $pid || true
}
measure "empty data directory (migrations + seed)"
measure "seeded data directory"
rm -rf "$dir"
