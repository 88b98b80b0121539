#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL cluster:
#
#   scripts/with-postgres.sh mvn -B -pl spirit-storage-jdbc -am verify
#
# starts a fresh cluster (initdb + pg_ctl from /usr/lib/postgresql/*/bin) in a temporary directory,
# listening only on 127.0.0.1 on a free port, creates the database "spirit", exports
#   SPIRIT_TEST_PG_URL   (read by spirit-storage-jdbc's PostgreSQL tests)
#   SPIRIT_BENCH_PG_URL  (read by the JDBC benchmarks, unless already set)
# as jdbc:postgresql://127.0.0.1:<port>/spirit?user=postgres, runs the command, and stops and
# deletes the cluster however the command ends. Nothing outside the temporary directory changes.
#
# Needs the PostgreSQL server binaries (Debian/Ubuntu: apt-get install postgresql). When run as
# root (as in CI) the server runs as the "postgres" user through runuser, since PostgreSQL refuses
# to run as root.
#
# The script can also be sourced; it then only defines spirit_pg_start and spirit_pg_stop (.ci/run
# does that).
#
# SPIRIT_PG_FAST=1 turns off fsync and synchronous commit: quicker tests, no durability. Leave it
# unset for benchmarks.

spirit_pg_bin() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [[ -z "$bin" || ! -x "$bin/initdb" ]]; then
    echo "with-postgres: no PostgreSQL server found under /usr/lib/postgresql/*/bin;" \
      "install it (apt-get install -y postgresql)" >&2
    return 1
  fi
  echo "$bin"
}

spirit_pg_as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

spirit_pg_free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "with-postgres: found no free port" >&2
  return 1
}

spirit_pg_start() {
  local bin port opts
  bin=$(spirit_pg_bin)
  SPIRIT_PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/spirit-pg.XXXXXX")
  chmod 700 "$SPIRIT_PG_DIR"
  if [[ $(id -u) -eq 0 ]]; then
    chown postgres:postgres "$SPIRIT_PG_DIR"
  fi
  SPIRIT_PG_BIN=$bin
  export SPIRIT_PG_DIR SPIRIT_PG_BIN
  spirit_pg_as_owner "$bin/initdb" -D "$SPIRIT_PG_DIR/data" -U postgres --auth=trust \
    --encoding=UTF8 --locale=C.UTF-8 >"$SPIRIT_PG_DIR/initdb.log" 2>&1 || {
    cat "$SPIRIT_PG_DIR/initdb.log" >&2
    return 1
  }
  opts="-c listen_addresses=127.0.0.1 -c max_connections=200 -k $SPIRIT_PG_DIR"
  # SPIRIT_PG_OPTS adds server options, e.g. "-c shared_preload_libraries=pg_stat_statements"
  # to see where a load's database time goes.
  opts="$opts ${SPIRIT_PG_OPTS:-}"
  if [[ "${SPIRIT_PG_FAST:-0}" == "1" ]]; then
    opts="$opts -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  fi
  for attempt in 1 2 3 4 5; do
    port=$(spirit_pg_free_port)
    if spirit_pg_as_owner "$bin/pg_ctl" -D "$SPIRIT_PG_DIR/data" -l "$SPIRIT_PG_DIR/server.log" \
      -o "-p $port $opts" -w -t 60 start >/dev/null; then
      break
    fi
    echo "with-postgres: start on port $port failed (attempt $attempt)" >&2
    tail -n 5 "$SPIRIT_PG_DIR/server.log" >&2 || true
    port=""
  done
  if [[ -z "$port" ]]; then
    return 1
  fi
  SPIRIT_PG_PORT=$port
  export SPIRIT_PG_PORT
  "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres spirit
  SPIRIT_TEST_PG_URL="jdbc:postgresql://127.0.0.1:$port/spirit?user=postgres"
  export SPIRIT_TEST_PG_URL
  export SPIRIT_BENCH_PG_URL="${SPIRIT_BENCH_PG_URL:-$SPIRIT_TEST_PG_URL}"
  echo "with-postgres: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') running at" \
    "$SPIRIT_TEST_PG_URL (data in $SPIRIT_PG_DIR)"
}

spirit_pg_stop() {
  if [[ -n "${SPIRIT_PG_DIR:-}" && -d "$SPIRIT_PG_DIR" ]]; then
    if [[ -f "$SPIRIT_PG_DIR/data/postmaster.pid" ]]; then
      spirit_pg_as_owner "$SPIRIT_PG_BIN/pg_ctl" -D "$SPIRIT_PG_DIR/data" -m fast -w stop \
        >/dev/null 2>&1 || true
    fi
    rm -rf "$SPIRIT_PG_DIR"
    echo "with-postgres: stopped and removed the throwaway cluster"
  fi
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  if [[ $# -eq 0 ]]; then
    echo "usage: $0 <command> [args...]" >&2
    exit 2
  fi
  trap spirit_pg_stop EXIT
  spirit_pg_start
  "$@"
fi
