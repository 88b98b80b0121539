#!/usr/bin/env bash
# Runs a command against a throwaway MariaDB server:
#
#   scripts/with-mariadb.sh mvn -B -pl spirit-storage-jdbc -am verify
#
# creates a fresh data directory (mariadb-install-db) in a temporary directory, starts mariadbd on
# it listening only on 127.0.0.1 on a free port (and on a socket in that directory), creates the
# database "spirit" and a user "spirit" without password that may create the tests' own databases,
# exports
#   SPIRIT_TEST_MARIADB_URL   (read by spirit-storage-jdbc's MariaDB tests)
#   SPIRIT_BENCH_MARIADB_URL  (read by the JDBC benchmarks, unless already set)
# as jdbc:mariadb://127.0.0.1:<port>/spirit?user=spirit, runs the command, and stops the server and
# deletes the directory however the command ends. Nothing outside the temporary directory changes.
#
# Needs the MariaDB server (Debian/Ubuntu: apt-get install -y mariadb-server; the package's own
# service is not used). When run as root (as in CI) the server runs as the "mysql" user
# (--user=mysql), since mariadbd refuses to run as root.
#
# The server starts with --no-defaults, so it has MariaDB's built-in defaults (latin1 as the
# server's character set), and with its time zone set to +08:00 (China Standard Time, as the
# servers of Chinese districts usually are): the tests thereby show that Spirit's schema declares
# utf8mb4 itself and that it stores UTC whatever the server's zone.
#
# The script can also be sourced; it then only defines spirit_mariadb_start and spirit_mariadb_stop
# (.ci/run does that).
#
# SPIRIT_MARIADB_FAST=1 stops InnoDB from flushing its log at every commit: quicker tests, no
# durability. Leave it unset for benchmarks.

spirit_mariadb_bin() {
  local server
  server=$(command -v mariadbd || true)
  if [[ -z "$server" && -x /usr/sbin/mariadbd ]]; then
    server=/usr/sbin/mariadbd
  fi
  if [[ -z "$server" ]] || ! command -v mariadb-install-db >/dev/null; then
    echo "with-mariadb: no MariaDB server found (mariadbd, mariadb-install-db);" \
      "install it (apt-get install -y mariadb-server)" >&2
    return 1
  fi
  echo "$server"
}

spirit_mariadb_free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "with-mariadb: found no free port" >&2
  return 1
}

# The client over the server's socket, as root (or, when not run as root, as the account that
# mariadb-install-db made for the user running it), through unix_socket authentication.
spirit_mariadb_client() {
  local account=root
  if [[ $(id -u) -ne 0 ]]; then
    account=$(id -un)
  fi
  mariadb --no-defaults --protocol=socket --socket="$SPIRIT_MARIADB_DIR/mariadbd.sock" -u "$account" "$@"
}

spirit_mariadb_start() {
  local server port user_opt
  server=$(spirit_mariadb_bin) || return 1
  SPIRIT_MARIADB_DIR=$(mktemp -d "${TMPDIR:-/tmp}/spirit-mariadb.XXXXXX")
  export SPIRIT_MARIADB_DIR
  chmod 700 "$SPIRIT_MARIADB_DIR"
  user_opt=()
  if [[ $(id -u) -eq 0 ]]; then
    chown mysql:mysql "$SPIRIT_MARIADB_DIR"
    user_opt=(--user=mysql)
  fi
  # unix_socket authentication for root: the account that runs the server (or root) gets in over
  # the socket without a password; no account can log in over TCP until we create "spirit".
  mariadb-install-db --no-defaults "${user_opt[@]}" --datadir="$SPIRIT_MARIADB_DIR/data" \
    --skip-test-db --auth-root-authentication-method=socket >"$SPIRIT_MARIADB_DIR/install.log" 2>&1 || {
    cat "$SPIRIT_MARIADB_DIR/install.log" >&2
    return 1
  }
  local opts=(--no-defaults "${user_opt[@]}" --datadir="$SPIRIT_MARIADB_DIR/data"
    --socket="$SPIRIT_MARIADB_DIR/mariadbd.sock" --pid-file="$SPIRIT_MARIADB_DIR/mariadbd.pid"
    --log-error="$SPIRIT_MARIADB_DIR/server.log" --bind-address=127.0.0.1 --skip-name-resolve
    --max-connections=300 --default-time-zone=+08:00 --innodb-buffer-pool-size=128M)
  if [[ "${SPIRIT_MARIADB_FAST:-0}" == "1" ]]; then
    opts+=(--innodb-flush-log-at-trx-commit=0 --innodb-doublewrite=0)
  fi
  port=""
  for attempt in 1 2 3 4 5; do
    port=$(spirit_mariadb_free_port) || return 1
    "$server" "${opts[@]}" --port="$port" >/dev/null 2>&1 &
    SPIRIT_MARIADB_PID=$!
    local up=""
    for _ in $(seq 1 120); do
      if ! kill -0 "$SPIRIT_MARIADB_PID" 2>/dev/null; then
        break
      fi
      if spirit_mariadb_client -e "SELECT 1" >/dev/null 2>&1; then
        up=yes
        break
      fi
      sleep 0.5
    done
    if [[ -n "$up" ]]; then
      break
    fi
    echo "with-mariadb: start on port $port failed (attempt $attempt)" >&2
    tail -n 5 "$SPIRIT_MARIADB_DIR/server.log" >&2 || true
    kill "$SPIRIT_MARIADB_PID" 2>/dev/null || true
    wait "$SPIRIT_MARIADB_PID" 2>/dev/null || true
    port=""
  done
  if [[ -z "$port" ]]; then
    return 1
  fi
  export SPIRIT_MARIADB_PID
  SPIRIT_MARIADB_PORT=$port
  export SPIRIT_MARIADB_PORT
  spirit_mariadb_client -e "CREATE DATABASE spirit;
    CREATE USER 'spirit'@'127.0.0.1';
    GRANT ALL PRIVILEGES ON *.* TO 'spirit'@'127.0.0.1';" || return 1
  SPIRIT_TEST_MARIADB_URL="jdbc:mariadb://127.0.0.1:$port/spirit?user=spirit"
  export SPIRIT_TEST_MARIADB_URL
  export SPIRIT_BENCH_MARIADB_URL="${SPIRIT_BENCH_MARIADB_URL:-$SPIRIT_TEST_MARIADB_URL}"
  echo "with-mariadb: MariaDB $(spirit_mariadb_client -N -e 'SELECT VERSION()') running at" \
    "$SPIRIT_TEST_MARIADB_URL (data in $SPIRIT_MARIADB_DIR)"
}

spirit_mariadb_stop() {
  if [[ -n "${SPIRIT_MARIADB_DIR:-}" && -d "$SPIRIT_MARIADB_DIR" ]]; then
    if [[ -n "${SPIRIT_MARIADB_PID:-}" ]] && kill -0 "$SPIRIT_MARIADB_PID" 2>/dev/null; then
      spirit_mariadb_client -e "SHUTDOWN" >/dev/null 2>&1 || kill "$SPIRIT_MARIADB_PID" 2>/dev/null
      for _ in $(seq 1 60); do
        kill -0 "$SPIRIT_MARIADB_PID" 2>/dev/null || break
        sleep 0.5
      done
      kill -9 "$SPIRIT_MARIADB_PID" 2>/dev/null || true
    fi
    rm -rf "$SPIRIT_MARIADB_DIR"
    echo "with-mariadb: stopped and removed the throwaway server"
  fi
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  if [[ $# -eq 0 ]]; then
    echo "usage: $0 <command> [args...]" >&2
    exit 2
  fi
  trap spirit_mariadb_stop EXIT
  spirit_mariadb_start
  "$@"
fi
