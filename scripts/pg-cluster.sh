#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests: its own data directory under /tmp, a free port on
# 127.0.0.1, a unix socket in that directory, no durability (fsync off), PostGIS created in
# template1 so that every database created afterwards has it. Never the system cluster.
#
#   scripts/pg-cluster.sh start [--owner-pid PID]
#       Starts a cluster and prints its coordinates as shell assignments (KEY='VALUE', one per
#       line) on standard output; progress goes to standard error:
#         CWF_PG_DIR         the cluster's directory (pass it to `stop`)
#         CWF_PG_HOST        127.0.0.1
#         CWF_PG_PORT        the port
#         CWF_PG_USER        postgres (trust authentication)
#         CWF_PG_SOCKET_DIR  the unix socket directory (psql -h accepts it too)
#         CWF_PG_CONNECTION  an Npgsql connection string to the `postgres` database
#         CWF_PG_POSTGIS     1 when PostGIS is in template1, 0 when it could not be created
#       With --owner-pid, a watchdog stops the cluster as soon as that process is gone, so a
#       killed test run leaves nothing behind.
#   scripts/pg-cluster.sh stop DIR
#       Stops the cluster in DIR (fast shutdown) and removes DIR.
#
# As root the server runs as the `postgres` user (created as a system user when missing):
# initdb and postgres refuse to run as root.
set -euo pipefail

say() { printf 'pg-cluster: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

find_bindir() {
  if [[ -n "${CWF_PG_BINDIR:-}" ]]; then printf '%s\n' "$CWF_PG_BINDIR"; return; fi
  local dir
  # Prefer the newest installed major version's server binaries (Debian keeps them off PATH).
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then printf '%s\n' "$dir"; return; fi
  done
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return; fi
  die "no PostgreSQL server binaries found (initdb); install postgresql-15 or set CWF_PG_BINDIR"
}

server_user() {
  if [[ $(id -u) -ne 0 ]]; then id -un; return; fi
  if ! id postgres >/dev/null 2>&1; then
    say "creating the system user 'postgres' to run the test cluster"
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin postgres >&2 \
      || die "could not create the user 'postgres' (initdb refuses to run as root)"
  fi
  printf 'postgres\n'
}

# Runs a command as the server user, from a directory that user can enter.
as_server_user() {
  local user=$1; shift
  if [[ $(id -u) -eq 0 ]]; then
    (cd / && runuser -u "$user" -- "$@")
  else
    (cd / && "$@")
  fi
}

# KEY='VALUE': readable by `eval` and, without a shell, by the test fixture (values are paths
# from mktemp, numbers and a connection string, none with a single quote).
emit() {
  [[ "$2" != *"'"* ]] || die "unexpected quote in $1"
  printf "%s='%s'\n" "$1" "$2"
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

stop_cluster() {
  local dir=$1 bindir
  [[ -d "$dir" ]] || return 0
  [[ -f "$dir/cluster.env" ]] || die "$dir is not a test cluster directory (no cluster.env)"
  if [[ -f "$dir/watchdog.pid" ]]; then
    local watchdog; watchdog=$(cat "$dir/watchdog.pid")
    # Only the watchdog itself, never a process that reused its id after it exited.
    if [[ "$watchdog" != "$$" && -r "/proc/$watchdog/cmdline" ]] && tr '\0' ' ' <"/proc/$watchdog/cmdline" | grep -q 'pg-cluster-watchdog'; then
      kill "$watchdog" 2>/dev/null || true
    fi
  fi
  bindir=$(sed -n 's/^bindir=//p' "$dir/cluster.env")
  if [[ -f "$dir/data/postmaster.pid" ]]; then
    local user; user=$(stat -c %U "$dir/data")
    as_server_user "$user" "$bindir/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null 2>&1 \
      || as_server_user "$user" "$bindir/pg_ctl" -D "$dir/data" -m immediate -w -t 10 stop >/dev/null 2>&1 \
      || say "warning: could not stop the server in $dir/data"
  fi
  rm -rf -- "$dir"
}

start_cluster() {
  local owner_pid="" bindir user dir port attempt started=0
  while [[ $# -gt 0 ]]; do
    case $1 in
      --owner-pid) owner_pid=$2; shift 2 ;;
      *) die "unknown option for start: $1" ;;
    esac
  done
  bindir=$(find_bindir)
  user=$(server_user)
  dir=$(mktemp -d /tmp/cwf-pg.XXXXXX)
  chmod 755 "$dir"
  printf 'bindir=%s\n' "$bindir" >"$dir/cluster.env"
  mkdir -p "$dir/data" "$dir/socket"
  if [[ $(id -u) -eq 0 ]]; then chown "$user" "$dir/data" "$dir/socket"; chown "$user" "$dir"; fi
  # From here on a failure must not leave the directory or a server behind.
  trap 'stop_cluster "$dir"' EXIT

  as_server_user "$user" "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust --no-sync \
    --encoding=UTF8 --locale=C >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; die "initdb failed"; }

  for attempt in 1 2 3 4 5 6 7 8; do
    port=$((20000 + RANDOM % 30000))
    port_in_use "$port" && continue
    if as_server_user "$user" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
      -o "-p $port -k $dir/socket -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null 2>&1; then
      started=1
      break
    fi
    # Another process may have taken the port between the check and the start: try another.
    grep -q 'could not bind\|Address already in use' "$dir/server.log" 2>/dev/null || break
  done
  if [[ $started -ne 1 ]]; then
    cat "$dir/server.log" >&2 2>/dev/null || true
    die "the server did not start"
  fi

  if [[ -n "$owner_pid" ]]; then
    # The watchdog must not hold the caller's output pipes open, or a caller reading this
    # script's output to its end would wait for the watchdog.
    setsid bash -c '
      exec -a pg-cluster-watchdog bash -c "
        while kill -0 $1 2>/dev/null; do sleep 1; done
        exec \"$2\" stop \"$3\"
      " pg-cluster-watchdog "$@"' _ "$owner_pid" "$(readlink -f "$0")" "$dir" </dev/null >/dev/null 2>&1 &
    printf '%s\n' "$!" >"$dir/watchdog.pid"
  fi

  local postgis=1
  if ! "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d template1 \
    -c 'CREATE EXTENSION IF NOT EXISTS postgis' >"$dir/postgis.log" 2>&1; then
    postgis=0
    say "warning: PostGIS could not be created in template1: $(tr '\n' ' ' <"$dir/postgis.log")"
    say "warning: tests that need PostGIS will fail (install postgresql-15-postgis-3)"
  fi
  trap - EXIT

  local connection="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  emit CWF_PG_DIR "$dir"
  emit CWF_PG_HOST 127.0.0.1
  emit CWF_PG_PORT "$port"
  emit CWF_PG_USER postgres
  emit CWF_PG_SOCKET_DIR "$dir/socket"
  emit CWF_PG_CONNECTION "$connection"
  emit CWF_PG_POSTGIS "$postgis"
  say "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $dir)"
}

case ${1:-} in
  start) shift; start_cluster "$@" ;;
  stop) [[ $# -eq 2 ]] || die "usage: $0 stop DIR"; stop_cluster "$2" ;;
  *) die "usage: $0 start [--owner-pid PID] | stop DIR" ;;
esac
