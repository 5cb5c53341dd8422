#!/usr/bin/env bash
# Real Mosquitto for tests and CI (Debian package 2.0.x).
#   .ci/mosquitto.sh install            apt-get install mosquitto if the binary is missing
#   .ci/mosquitto.sh start DIR [PORT]   write DIR/mosquitto.conf (127.0.0.1:PORT, default 1883,
#                                       anonymous), start the broker in the background, wait until it
#                                       listens; prints "tcp://127.0.0.1:PORT"
#   .ci/mosquitto.sh stop DIR           stop the broker started in DIR (SIGTERM: it saves its store)
#   .ci/mosquitto.sh bin                print the binary's path (for ENFORCE_MOSQUITTO)
# The sync-agent integration tests start their own brokers from the binary named by the environment
# variable ENFORCE_MOSQUITTO (or system property enforce.mosquitto, or /usr/sbin/mosquitto); they skip
# with a stated reason when there is none. CI: `export ENFORCE_MOSQUITTO="$(.ci/mosquitto.sh install)"`.
set -euo pipefail

bin() {
  command -v mosquitto 2>/dev/null || { [ -x /usr/sbin/mosquitto ] && echo /usr/sbin/mosquitto; } || return 1
}

install() {
  if ! bin >/dev/null; then
    apt-get update -q >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends mosquitto >&2
  fi
  # the package enables a system service; tests start their own brokers, so keep the default port free
  if command -v systemctl >/dev/null && systemctl is-active --quiet mosquitto 2>/dev/null; then
    systemctl stop mosquitto >&2 || true
  fi
  bin
}

start() {
  local dir port b
  dir="$(mkdir -p "$1" && cd "$1" && pwd)"
  port="${2:-1883}"
  b="$(bin)" || { echo "mosquitto not installed; run $0 install" >&2; exit 1; }
  mkdir -p "$dir/data"
  : > "$dir/mosquitto.log"
  # started as root, mosquitto drops to user mosquitto: that user must own what it writes
  if [ "$(id -u)" = 0 ] && id mosquitto >/dev/null 2>&1; then
    chown mosquitto: "$dir/data" "$dir/mosquitto.log"
    chmod o+x "$dir"
  fi
  cat > "$dir/mosquitto.conf" <<CONF
listener $port 127.0.0.1
allow_anonymous true
persistence true
persistence_location $dir/data/
autosave_interval 1
log_dest file $dir/mosquitto.log
log_type error
log_type warning
log_type notice
CONF
  "$b" -c "$dir/mosquitto.conf" &
  echo $! > "$dir/mosquitto.pid"
  for _ in $(seq 1 50); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "tcp://127.0.0.1:$port"
      return 0
    fi
    sleep 0.1
  done
  echo "mosquitto did not listen on 127.0.0.1:$port within 5 s; log:" >&2
  cat "$dir/mosquitto.log" >&2
  exit 1
}

stop() {
  local pidfile="$1/mosquitto.pid"
  [ -f "$pidfile" ] || { echo "no mosquitto.pid in $1" >&2; exit 1; }
  local pid; pid="$(cat "$pidfile")"
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  rm -f "$pidfile"
}

case "${1:-}" in
  install) install ;;
  bin) bin ;;
  start) shift; start "$@" ;;
  stop) shift; stop "$@" ;;
  *) sed -n '2,11p' "$0" >&2; exit 2 ;;
esac
