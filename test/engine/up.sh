#!/usr/bin/env bash
# Brings up everything the engine tier needs, on a machine where any of it may be missing.
# Idempotent: what already runs is reused, what is missing is installed or started.
#
#   test/engine/up.sh            install + start everything
#   LAYERWISE_TEST_STATE=dir     where keys, certificates, credentials, logs and PIDs live
#                                (outside the clone; default ~/.cache/layerwise-test)
#
# What it provides (all bound to 127.0.0.1), described for tests in $STATE/state.json:
#   - the main engine on unix:///var/run/docker.sock (reused when one already answers)
#   - layerwise-test/busybox:latest (+ busybox:1.36): busybox-static root fs, imported, no pull
#   - registry with htpasswd (bcrypt) auth on 127.0.0.1:5000, one without auth on :5001
#   - a second dockerd (its own data root) on tcp://127.0.0.1:2376 with mutual TLS, also on a
#     unix socket in the state dir; tests may stop it to see an engine die mid-session
#   - sshd on 127.0.0.1:2222 with a generated client key (and an ssh-agent holding it),
#     reaching the main engine through `docker system dial-stdio`
#   - Podman's Docker-compatible API on a unix socket in the state dir
# Every process it starts runs in its own session (setsid); its PID is written under
# $STATE/pids so down.sh stops exactly those process groups and nothing else.
set -euo pipefail

STATE="${LAYERWISE_TEST_STATE:-$HOME/.cache/layerwise-test}"
MAIN_SOCKET=/var/run/docker.sock
DOCKER=/usr/bin/docker
REGISTRY_PORT=5000
OPEN_REGISTRY_PORT=5001
TLS_PORT=2376
SSH_PORT=2222
BASE_IMAGE=layerwise-test/busybox:latest
STARTUP_DEADLINE_S=${LAYERWISE_STARTUP_DEADLINE_S:-60}

mkdir -p "$STATE"/{pids,logs}
chmod 700 "$STATE"
STATE="$(cd "$STATE" && pwd)"

log() { printf 'up.sh: %s\n' "$*" >&2; }
die() { printf 'up.sh: FAILED: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo -n "$@"; else
    die "needs root (or passwordless sudo) to run: $*"
  fi
}

# --- packages -------------------------------------------------------------------------------
missing=()
need() { command -v "$1" >/dev/null 2>&1 || [ -x "$1" ] || missing+=("$2"); }
need dockerd docker.io
need /usr/bin/docker docker.io
need docker-registry docker-registry
need /bin/busybox busybox-static
need htpasswd apache2-utils
need /usr/sbin/sshd openssh-server
need ssh-keygen openssh-client
need openssl openssl
need podman podman
need curl curl
if [ ${#missing[@]} -gt 0 ]; then
  # shellcheck disable=SC2207
  missing=($(printf '%s\n' "${missing[@]}" | sort -u))
  log "installing ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
# busybox-static installs /bin/busybox; a dynamic busybox could not run in an empty root fs.
file_is_static() { ! ldd "$1" >/dev/null 2>&1; }
BUSYBOX=/bin/busybox
file_is_static "$BUSYBOX" || die "$BUSYBOX is not static (install busybox-static)"

# --- helpers ----------------------------------------------------------------------------------
# A recorded PID counts only while it is alive and still the program recorded (after a reboot or
# a CI hand-over the number may belong to something else).
pid_alive() {
  local file="$STATE/pids/$1.pid" pid
  [ -f "$file" ] || return 1
  pid="$(cat "$file")"
  kill -0 "$pid" 2>/dev/null || return 1
  [ ! -f "$STATE/pids/$1.cmd" ] || grep -qaF "$(cat "$STATE/pids/$1.cmd")" "/proc/$pid/cmdline" 2>/dev/null
}

# start NAME LOGFILE CMD...: runs CMD in a new session, records its PID (= its process group).
start() {
  local name=$1; shift
  local pidfile="$STATE/pids/$name.pid" tries=0
  rm -f "$pidfile"
  # The process writes its own PID before it becomes CMD: setsid forks when it is already a
  # process group leader (a caller with job control, `set -m`), and then $! would be setsid's.
  # shellcheck disable=SC2016 # expanded by the inner sh, on purpose
  setsid sh -c 'echo $$ >"$0.tmp" && mv "$0.tmp" "$0" && exec "$@"' "$pidfile" "$@" >"$STATE/logs/$name.log" 2>&1 </dev/null &
  until [ -s "$pidfile" ]; do
    tries=$((tries + 1))
    [ $tries -le 100 ] || die "$name did not start (log: $STATE/logs/$name.log)"
    sleep 0.05
  done
  printf '%s' "$(basename "$1")" >"$STATE/pids/$name.cmd"
  log "started $name (pid $(cat "$pidfile"), log $STATE/logs/$name.log)"
}

# wait_for WHAT NAME CMD...: polls CMD until it succeeds, the deadline passes or NAME dies.
wait_for() {
  local what=$1 name=$2; shift 2
  local deadline=$((SECONDS + STARTUP_DEADLINE_S))
  until "$@" >/dev/null 2>&1; do
    if [ -n "$name" ] && ! pid_alive "$name"; then
      tail -n 20 "$STATE/logs/$name.log" >&2 || true
      die "$what: $name exited (log: $STATE/logs/$name.log)"
    fi
    [ $SECONDS -lt $deadline ] || { tail -n 20 "$STATE/logs/$name.log" >&2 || true; die "$what: not ready after ${STARTUP_DEADLINE_S}s"; }
    sleep 0.2
  done
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# --- main engine ------------------------------------------------------------------------------
main_engine_answers() { "$DOCKER" -H "unix://$MAIN_SOCKET" version --format '{{.Server.APIVersion}}'; }
MAIN_STARTED_BY_US=false
if main_engine_answers >/dev/null 2>&1; then
  if pid_alive dockerd; then MAIN_STARTED_BY_US=true; fi
  log "engine on $MAIN_SOCKET answers: reusing it"
else
  [ "$(id -u)" = 0 ] || die "no engine answers on $MAIN_SOCKET and starting dockerd needs root"
  rm -f "$STATE/pids/dockerd.pid"
  start dockerd dockerd --host "unix://$MAIN_SOCKET"
  wait_for "dockerd on $MAIN_SOCKET" dockerd main_engine_answers
  MAIN_STARTED_BY_US=true
fi

# --- base image -----------------------------------------------------------------------------
ROOTFS_TAR="$STATE/busybox-rootfs.tar"
make_rootfs_tar() {
  [ -s "$ROOTFS_TAR" ] && return 0
  local root; root="$(mktemp -d)"
  mkdir -p "$root"/{bin,etc,tmp,root,proc,sys,dev}
  chmod 1777 "$root/tmp"
  cp "$BUSYBOX" "$root/bin/busybox"
  local applet
  for applet in $("$BUSYBOX" --list); do
    [ "$applet" = busybox ] || ln -sf busybox "$root/bin/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' >"$root/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
  tar --numeric-owner --owner=0 --group=0 -C "$root" -cf "$ROOTFS_TAR.part" .
  mv "$ROOTFS_TAR.part" "$ROOTFS_TAR"
  rm -rf "$root"
}
import_base_image() { # HOST
  local host=$1
  if ! "$DOCKER" -H "$host" image inspect "$BASE_IMAGE" >/dev/null 2>&1; then
    make_rootfs_tar
    "$DOCKER" -H "$host" import --change 'CMD ["sh"]' "$ROOTFS_TAR" "$BASE_IMAGE" >/dev/null
    log "imported $BASE_IMAGE on $host"
  fi
  "$DOCKER" -H "$host" tag "$BASE_IMAGE" busybox:1.36
}
import_base_image "unix://$MAIN_SOCKET"

# --- registries -------------------------------------------------------------------------------
REG="$STATE/registry"
mkdir -p "$REG"
if [ ! -s "$REG/password" ]; then
  (umask 077; openssl rand -hex 16 >"$REG/password")
fi
REGISTRY_USER=layerwise
REGISTRY_PASSWORD="$(cat "$REG/password")"
if [ ! -s "$REG/htpasswd" ]; then
  htpasswd -Bbn "$REGISTRY_USER" "$REGISTRY_PASSWORD" >"$REG/htpasswd.part"
  mv "$REG/htpasswd.part" "$REG/htpasswd"
fi
write_registry_config() { # FILE PORT DATA [auth]
  {
    printf 'version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: %s\n  delete:\n    enabled: true\n' "$3"
    printf 'http:\n  addr: 127.0.0.1:%s\n' "$2"
    if [ "${4:-}" = auth ]; then
      printf 'auth:\n  htpasswd:\n    realm: layerwise-test\n    path: %s\n' "$REG/htpasswd"
    fi
  } >"$1"
}
start_registry() { # NAME PORT [auth]
  local name=$1 port=$2
  pid_alive "$name" && return 0
  port_free "$port" || die "port 127.0.0.1:$port is taken by another process; stop it or free the port"
  mkdir -p "$REG/$name-data"
  write_registry_config "$REG/$name.yml" "$port" "$REG/$name-data" "${3:-}"
  start "$name" docker-registry serve "$REG/$name.yml"
  wait_for "$name on 127.0.0.1:$port" "$name" curl -fsS -o /dev/null -w '' "http://127.0.0.1:$port/" 
}
start_registry registry "$REGISTRY_PORT" auth
start_registry registry-open "$OPEN_REGISTRY_PORT"
# The authenticated registry must refuse anonymous access, or push tests prove nothing.
status="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$REGISTRY_PORT/v2/")"
[ "$status" = 401 ] || die "registry on :$REGISTRY_PORT answered $status to an anonymous /v2/ (expected 401)"

# --- TLS material and the TLS engine ----------------------------------------------------------
TLS="$STATE/tls"
mkdir -p "$TLS"
make_ca() { # NAME CN
  [ -s "$TLS/$1.pem" ] && return 0
  openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=$2" \
    -keyout "$TLS/$1-key.pem" -out "$TLS/$1.pem" 2>/dev/null
}
make_cert() { # NAME CA EXT(server|client)
  [ -s "$TLS/$1-cert.pem" ] && return 0
  local ext="$TLS/$1.ext"
  if [ "$3" = server ]; then
    printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n' >"$ext"
  else
    printf 'extendedKeyUsage=clientAuth\n' >"$ext"
  fi
  openssl req -newkey rsa:2048 -nodes -subj "/CN=layerwise-$1" -keyout "$TLS/$1-key.pem" -out "$TLS/$1.csr" 2>/dev/null
  openssl x509 -req -in "$TLS/$1.csr" -CA "$TLS/$2.pem" -CAkey "$TLS/$2-key.pem" -CAcreateserial \
    -days 3650 -extfile "$ext" -out "$TLS/$1-cert.pem" 2>/dev/null
  rm -f "$TLS/$1.csr"
}
make_ca ca "Layerwise test CA"
make_ca other-ca "Some other CA"
make_cert server ca server
make_cert client ca client
chmod 600 "$TLS"/*-key.pem
# DOCKER_CERT_PATH layout (ca.pem, cert.pem, key.pem), as the docker CLI and contexts expect.
mkdir -p "$TLS/client" "$TLS/wrong-ca"
cp "$TLS/ca.pem" "$TLS/client/ca.pem"; cp "$TLS/client-cert.pem" "$TLS/client/cert.pem"; cp "$TLS/client-key.pem" "$TLS/client/key.pem"
cp "$TLS/other-ca.pem" "$TLS/wrong-ca/ca.pem"; cp "$TLS/client-cert.pem" "$TLS/wrong-ca/cert.pem"; cp "$TLS/client-key.pem" "$TLS/wrong-ca/key.pem"

TLS_ENGINE="$STATE/tls-engine"
TLS_SOCKET="$TLS_ENGINE/docker.sock"
tls_engine_answers() { "$DOCKER" -H "unix://$TLS_SOCKET" version --format '{{.Server.APIVersion}}'; }
if ! pid_alive tls-dockerd; then
  [ "$(id -u)" = 0 ] || die "starting the TLS engine (a second dockerd) needs root"
  port_free "$TLS_PORT" || die "port 127.0.0.1:$TLS_PORT is taken by another process; stop it or free the port"
  mkdir -p "$TLS_ENGINE"/{root,exec}
  rm -f "$TLS_SOCKET"
  # Its own data root, exec root and pidfile, and no iptables, so it cannot disturb the main
  # engine's networking. It gets a bridge of its own on its own subnet: `--bridge none` would make
  # dockerd delete the host's docker0 at start-up (libnetwork removeDefaultBridgeInterface), and
  # the main engine's containers and RUN steps would then fail with "could not find bridge docker0".
  # `--bridge` and `--bip` are mutually exclusive: the bridge carries its own address.
  if ! ip link show lwtls0 >/dev/null 2>&1; then
    ip link add lwtls0 type bridge
    ip addr add 172.30.254.1/24 dev lwtls0
    ip link set lwtls0 up
  fi
  start tls-dockerd dockerd \
    --data-root "$TLS_ENGINE/root" --exec-root "$TLS_ENGINE/exec" --pidfile "$TLS_ENGINE/dockerd.pid" \
    --host "unix://$TLS_SOCKET" --host "tcp://127.0.0.1:$TLS_PORT" \
    --tlsverify --tlscacert "$TLS/ca.pem" --tlscert "$TLS/server-cert.pem" --tlskey "$TLS/server-key.pem" \
    --bridge lwtls0 --iptables=false --ip-masq=false --userland-proxy=false
  wait_for "TLS engine on tcp://127.0.0.1:$TLS_PORT" tls-dockerd tls_engine_answers
fi
import_base_image "unix://$TLS_SOCKET"

# --- sshd + key + agent -----------------------------------------------------------------------
SSH="$STATE/ssh"
mkdir -p "$SSH"
chmod 700 "$SSH"
[ -s "$SSH/host_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -C layerwise-test-host -f "$SSH/host_ed25519"
[ -s "$SSH/id_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -C layerwise-test-client -f "$SSH/id_ed25519"
[ -s "$SSH/id_wrong" ] || ssh-keygen -q -t ed25519 -N '' -C layerwise-test-not-authorized -f "$SSH/id_wrong"
cp "$SSH/id_ed25519.pub" "$SSH/authorized_keys"
chmod 600 "$SSH/authorized_keys"
SSH_USER="$(id -un)"
cat >"$SSH/sshd_config" <<EOF
ListenAddress 127.0.0.1
Port $SSH_PORT
HostKey $SSH/host_ed25519
PidFile $SSH/sshd.pid
AuthorizedKeysFile $SSH/authorized_keys
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
PermitRootLogin prohibit-password
UsePAM no
StrictModes no
AllowUsers $SSH_USER
LogLevel VERBOSE
EOF
if ! pid_alive sshd; then
  port_free "$SSH_PORT" || die "port 127.0.0.1:$SSH_PORT is taken by another process; stop it or free the port"
  [ "$(id -u)" != 0 ] || mkdir -p /run/sshd
  start sshd /usr/sbin/sshd -D -e -f "$SSH/sshd_config"
  wait_for "sshd on 127.0.0.1:$SSH_PORT" sshd bash -c "(exec 3<>/dev/tcp/127.0.0.1/$SSH_PORT)"
fi
ssh_docker_works() {
  ssh -o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR \
    -i "$SSH/id_ed25519" -p "$SSH_PORT" "$SSH_USER@127.0.0.1" docker version --format '{{.Server.APIVersion}}'
}
wait_for "docker over ssh to $SSH_USER@127.0.0.1:$SSH_PORT" sshd ssh_docker_works
AGENT_SOCKET="$SSH/agent.sock"
if ! pid_alive ssh-agent; then
  rm -f "$AGENT_SOCKET"
  start ssh-agent ssh-agent -D -a "$AGENT_SOCKET"
  wait_for "ssh-agent" ssh-agent test -S "$AGENT_SOCKET"
fi
SSH_AUTH_SOCK="$AGENT_SOCKET" ssh-add -q "$SSH/id_ed25519" 2>/dev/null

# --- Podman's Docker-compatible API -----------------------------------------------------------
PODMAN="$STATE/podman"
PODMAN_SOCKET="$PODMAN/podman.sock"
mkdir -p "$PODMAN"/{root,run}
podman_cmd() { podman --root "$PODMAN/root" --runroot "$PODMAN/run" "$@"; }
if ! pid_alive podman; then
  rm -f "$PODMAN_SOCKET"
  start podman podman --root "$PODMAN/root" --runroot "$PODMAN/run" system service --time=0 "unix://$PODMAN_SOCKET"
  wait_for "podman API on $PODMAN_SOCKET" podman curl -fsS --unix-socket "$PODMAN_SOCKET" http://d/_ping
fi
if ! podman_cmd image exists "localhost/$BASE_IMAGE"; then
  make_rootfs_tar
  podman_cmd import -q --change 'CMD ["sh"]' "$ROOTFS_TAR" "localhost/$BASE_IMAGE" >/dev/null
  log "imported localhost/$BASE_IMAGE into podman"
fi

# --- state for the tests ----------------------------------------------------------------------
cat >"$STATE/state.json.part" <<EOF
{
  "stateDir": "$STATE",
  "baseImage": "$BASE_IMAGE",
  "main": { "host": "unix://$MAIN_SOCKET", "startedByUs": $MAIN_STARTED_BY_US },
  "registry": { "address": "127.0.0.1:$REGISTRY_PORT", "username": "$REGISTRY_USER", "password": "$REGISTRY_PASSWORD" },
  "openRegistry": { "address": "127.0.0.1:$OPEN_REGISTRY_PORT" },
  "tls": {
    "host": "tcp://127.0.0.1:$TLS_PORT",
    "unixHost": "unix://$TLS_SOCKET",
    "certPath": "$TLS/client",
    "wrongCaCertPath": "$TLS/wrong-ca",
    "pidFile": "$STATE/pids/tls-dockerd.pid"
  },
  "ssh": {
    "host": "ssh://$SSH_USER@127.0.0.1:$SSH_PORT",
    "identityFile": "$SSH/id_ed25519",
    "wrongIdentityFile": "$SSH/id_wrong",
    "agentSocket": "$AGENT_SOCKET"
  },
  "podman": { "host": "unix://$PODMAN_SOCKET", "baseImage": "localhost/$BASE_IMAGE" }
}
EOF
mv "$STATE/state.json.part" "$STATE/state.json"
log "ready: $STATE/state.json"
