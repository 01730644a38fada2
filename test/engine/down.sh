#!/usr/bin/env bash
# Stops what test/engine/up.sh started, and only that: each PID recorded under $STATE/pids is
# the leader of its own session/process group, which is signalled as a whole. An engine that
# was already running before up.sh (not recorded) is left alone. Idempotent.
#
#   test/engine/down.sh           stop the processes, keep keys, certificates and credentials
#   test/engine/down.sh --purge   also delete the state directory (data roots, registry data)
set -euo pipefail

STATE="${LAYERWISE_TEST_STATE:-$HOME/.cache/layerwise-test}"
STOP_DEADLINE_S=${LAYERWISE_STOP_DEADLINE_S:-30}
log() { printf 'down.sh: %s\n' "$*" >&2; }

stop_group() { # NAME
  local file="$STATE/pids/$1.pid" pid
  [ -f "$file" ] || return 0
  pid="$(cat "$file")"
  # Only a process that is still the program up.sh started (PIDs get reused).
  if kill -0 "$pid" 2>/dev/null && { [ ! -f "$STATE/pids/$1.cmd" ] || grep -qaF "$(cat "$STATE/pids/$1.cmd")" "/proc/$pid/cmdline"; }; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + STOP_DEADLINE_S))
    while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.2; done
    if kill -0 "$pid" 2>/dev/null; then
      log "$1 (pid $pid) ignored SIGTERM for ${STOP_DEADLINE_S}s: killing its group"
      kill -KILL -- "-$pid" 2>/dev/null || true
    fi
    log "stopped $1 (pid $pid)"
  fi
  rm -f "$file" "$STATE/pids/$1.cmd"
}

[ -d "$STATE/pids" ] || { log "nothing to stop ($STATE/pids does not exist)"; exit 0; }

# Clients first, engines last: the TLS engine and the main engine (only when up.sh started it).
for name in ssh-agent sshd podman registry registry-open tls-dockerd dockerd; do
  stop_group "$name"
done
# A dockerd killed hard leaves the containerd it supervises running: stop that one too.
stop_containerd() { # PIDFILE
  [ -f "$1" ] || return 0
  local pid; pid="$(cat "$1")"
  if kill -0 "$pid" 2>/dev/null && grep -qF "$STATE/" "/proc/$pid/cmdline" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    log "stopped the TLS engine's containerd (pid $pid)"
  fi
}
stop_containerd "$STATE/tls-engine/exec/containerd/containerd.pid"
for file in "$STATE"/pids/*.pid; do
  [ -e "$file" ] || continue
  name="$(basename "$file" .pid)"
  stop_group "$name"
done

# The TLS engine's bridge (created by up.sh), once that engine is gone.
if [ ! -f "$STATE/pids/tls-dockerd.pid" ] && ip link show lwtls0 >/dev/null 2>&1; then
  ip link delete lwtls0 2>/dev/null && log "deleted bridge lwtls0" || true
fi

if [ "${1:-}" = --purge ]; then
  # dockerd unmounts its layers on a clean stop; anything still mounted under the state dir
  # would make rm fail, so unmount leftovers first (deepest first).
  if command -v findmnt >/dev/null; then
    findmnt -rn -o TARGET | grep -F "$STATE/" | sort -r | while read -r target; do umount -l "$target" 2>/dev/null || true; done
  fi
  rm -rf "$STATE"
  log "purged $STATE"
fi
