#!/usr/bin/env bash
# Throwaway PostgreSQL cluster for Junction's tests.
#
# Usage:
#   eval "$(scripts/test-postgres.sh start)"   # prints `export ...` lines on stdout
#   ... run tests (JUNCTION_TEST_POSTGRES_URL is now set) ...
#   scripts/test-postgres.sh stop              # uses $JUNCTION_TEST_PG_DATADIR (or pass it as $2)
#   scripts/test-postgres.sh status            # is the cluster in $JUNCTION_TEST_PG_DATADIR running?
#
# `start` prints, on stdout and nothing else:
#   export JUNCTION_TEST_POSTGRES_URL=postgres://junction:junction@127.0.0.1:PORT/junction_test
#   export JUNCTION_TEST_PG_DATADIR=/tmp/junction-pg.XXXXXX/data
#   export JUNCTION_TEST_PG_PORT=PORT
# All other output goes to stderr.
#
# The cluster lives in a fresh `mktemp -d` directory (data dir, unix socket, server log), listens
# only on 127.0.0.1 on a free port (55432 unless taken), trusts loopback connections, and has a
# superuser role `junction` (password `junction`) owning the database `junction_test`.
# PostgreSQL refuses to run as root, so when run as root the server runs as the system user
# $JUNCTION_TEST_PG_USER (default `junctionpg`, created if missing).
#
# `start` is idempotent: if $JUNCTION_TEST_PG_DATADIR already names a running cluster made by
# this script, its exports are printed again instead of starting a second one (unset the
# variable to get a fresh cluster). `stop` is idempotent too: stopping a cluster that is gone is
# not an error.
#
# Environment knobs (all optional):
#   JUNCTION_TEST_PG_PORT     first port to try            (default 55432)
#   JUNCTION_TEST_PG_FSYNC    on|off                       (default on)
#   JUNCTION_TEST_PG_USER     OS user when run as root     (default junctionpg)
#   JUNCTION_TEST_PG_TMPDIR   parent of the temp dir       (default /tmp)
#   JUNCTION_TEST_PG_BINDIR   PostgreSQL server bin dir    (default: newest /usr/lib/postgresql/*/bin)
set -euo pipefail

readonly MARKER=".junction-test-postgres"   # marks temp dirs this script may delete
readonly DB_ROLE="junction" DB_PASSWORD="junction" DB_NAME="junction_test"

log() { printf 'test-postgres: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

# --- PostgreSQL binaries --------------------------------------------------------------------

find_bindir() {
    local d
    if [[ -n "${JUNCTION_TEST_PG_BINDIR:-}" ]]; then
        [[ -x "$JUNCTION_TEST_PG_BINDIR/pg_ctl" ]] || return 1
        printf '%s\n' "$JUNCTION_TEST_PG_BINDIR"; return 0
    fi
    # Debian/Ubuntu layout; pick the newest version installed.
    d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [[ -n "$d" && -x "$d/initdb" && -x "$d/pg_ctl" && -x "$d/postgres" ]]; then
        printf '%s\n' "$d"; return 0
    fi
    # Anything else on PATH (e.g. /usr/local/bin symlinks, other distros).
    if d=$(command -v initdb 2>/dev/null); then
        d=$(dirname "$(readlink -f "$d")")
        if [[ -x "$d/pg_ctl" && -x "$d/postgres" ]]; then printf '%s\n' "$d"; return 0; fi
    fi
    return 1
}

ensure_binaries() {
    if BINDIR=$(find_bindir); then return 0; fi
    [[ $(id -u) -eq 0 ]] || die "PostgreSQL server binaries not found (install the 'postgresql' package)"
    command -v apt-get >/dev/null || die "PostgreSQL server binaries not found and apt-get is unavailable"
    log "PostgreSQL not found; installing it with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update >&2
    apt-get install -y --no-install-recommends postgresql >&2
    BINDIR=$(find_bindir) || die "PostgreSQL binaries still not found after installing 'postgresql'"
}

# --- OS user that owns and runs the cluster -------------------------------------------------

ensure_pg_user() {
    if [[ $(id -u) -ne 0 ]]; then PG_USER=$(id -un); return 0; fi
    PG_USER="${JUNCTION_TEST_PG_USER:-junctionpg}"
    [[ "$PG_USER" != root ]] || die "JUNCTION_TEST_PG_USER must not be root"
    local i
    for i in 1 2 3 4 5; do
        id -u "$PG_USER" >/dev/null 2>&1 && return 0
        log "creating system user $PG_USER"
        # Another concurrent start may be creating it too (useradd then fails / finds /etc/passwd locked).
        useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin \
            --user-group "$PG_USER" >&2 || sleep 1
    done
    id -u "$PG_USER" >/dev/null 2>&1 || die "could not create system user $PG_USER"
}

# Run a command as $PG_USER, from a directory that user can enter.
as_pg() {
    if [[ $(id -u) -ne 0 ]]; then
        (cd "$WORKDIR" && "$@")
    elif command -v runuser >/dev/null; then
        (cd "$WORKDIR" && runuser -u "$PG_USER" -- "$@")
    else
        (cd "$WORKDIR" && su -s /bin/sh "$PG_USER" -c '"$0" "$@"' -- "$@")
    fi
}

# --- ports ----------------------------------------------------------------------------------

port_in_use() {
    local p=$1
    if command -v ss >/dev/null && ss -Hltn "sport = :$p" 2>/dev/null | grep -q .; then return 0; fi
    # Fallback / extra check: can we connect to it on loopback?
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null && return 0
    return 1
}

next_free_port() {
    local p=$1
    while port_in_use "$p"; do
        p=$((p + 1))
        (( p <= 65535 )) || die "no free TCP port found"
    done
    printf '%s\n' "$p"
}

# --- subcommands ----------------------------------------------------------------------------

# Echo the export lines of a cluster made by us, if that cluster is running.
running_cluster_env() {
    local datadir=$1 workdir
    workdir=$(dirname "$datadir")
    [[ -f "$workdir/$MARKER" && -f "$workdir/env" && -f "$datadir/postmaster.pid" ]] || return 1
    ensure_binaries; ensure_pg_user; WORKDIR=$workdir
    as_pg "$BINDIR/pg_ctl" status -D "$datadir" >/dev/null 2>&1 || return 1
    cat "$workdir/env"
}

abort_start() {
    local rc=$?
    as_pg "$BINDIR/pg_ctl" stop -D "$DATADIR" -m immediate >/dev/null 2>&1 || true
    rm -rf "$WORKDIR"
    log "start failed; cleaned up $WORKDIR"
    exit "$rc"
}

cmd_start() {
    if [[ -n "${JUNCTION_TEST_PG_DATADIR:-}" ]] && running_cluster_env "$JUNCTION_TEST_PG_DATADIR"; then
        log "reusing running cluster in $JUNCTION_TEST_PG_DATADIR"
        return 0
    fi

    ensure_binaries
    ensure_pg_user

    local parent="${JUNCTION_TEST_PG_TMPDIR:-${TMPDIR:-/tmp}}"
    WORKDIR=$(mktemp -d "$parent/junction-pg.XXXXXX")
    local datadir="$WORKDIR/data"
    # If anything below fails, do not leave a half-made cluster behind.
    DATADIR=$datadir
    trap abort_start EXIT
    touch "$WORKDIR/$MARKER"
    chmod 700 "$WORKDIR"
    chown "$PG_USER:" "$WORKDIR"
    as_pg test -w "$WORKDIR" || die "$PG_USER cannot write to $WORKDIR (set JUNCTION_TEST_PG_TMPDIR)"

    log "initdb in $datadir (PostgreSQL $("$BINDIR/postgres" --version | awk '{print $3}'), user $PG_USER)"
    local pwfile="$WORKDIR/pwfile"
    printf '%s\n' "$DB_PASSWORD" >"$pwfile"; chown "$PG_USER:" "$pwfile"; chmod 600 "$pwfile"
    # The bootstrap superuser is the `junction` role itself, so it can CREATE DATABASE/SCHEMA/ROLE.
    as_pg "$BINDIR/initdb" -D "$datadir" -U "$DB_ROLE" --pwfile="$pwfile" \
        -E UTF8 --no-locale --auth=trust --no-sync >"$WORKDIR/initdb.log" 2>&1 \
        || { cat "$WORKDIR/initdb.log" >&2; die "initdb failed"; }
    rm -f "$pwfile"

    # Throwaway cluster: trust everything that can reach it (unix socket in WORKDIR, loopback TCP).
    cat >"$datadir/pg_hba.conf" <<'EOF'
# TYPE  DATABASE  USER  ADDRESS        METHOD
local   all       all                  trust
host    all       all   127.0.0.1/32   trust
host    all       all   ::1/128        trust
EOF
    cat >>"$datadir/postgresql.conf" <<EOF

# --- added by scripts/test-postgres.sh ---
listen_addresses = '127.0.0.1'
unix_socket_directories = '$WORKDIR'
fsync = ${JUNCTION_TEST_PG_FSYNC:-on}
max_connections = 200
include_if_exists = 'junction-port.conf'
EOF
    chown "$PG_USER:" "$datadir/pg_hba.conf" "$datadir/postgresql.conf"

    # Pick a free port and start; if another process grabs it first, try the next one.
    local port attempt logfile="$WORKDIR/postgres.log"
    port=$(next_free_port "${JUNCTION_TEST_PG_PORT:-55432}")
    for attempt in 1 2 3 4 5 6 7 8 9 10; do
        echo "port = $port" >"$datadir/junction-port.conf"
        chown "$PG_USER:" "$datadir/junction-port.conf"
        : >"$logfile"; chown "$PG_USER:" "$logfile"
        if as_pg "$BINDIR/pg_ctl" start -D "$datadir" -l "$logfile" -w -t 60 >/dev/null 2>&1; then
            break
        fi
        if grep -q "Address already in use" "$logfile" && (( attempt < 10 )); then
            log "port $port was taken meanwhile; retrying"
            port=$(next_free_port $((port + 1)))
            continue
        fi
        cat "$logfile" >&2
        die "PostgreSQL failed to start (log above)"
    done

    as_pg "$BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -h "$WORKDIR" -p "$port" -U "$DB_ROLE" -d postgres \
        -c "CREATE DATABASE $DB_NAME OWNER $DB_ROLE" >&2

    local url="postgres://$DB_ROLE:$DB_PASSWORD@127.0.0.1:$port/$DB_NAME"
    {
        printf 'export JUNCTION_TEST_POSTGRES_URL=%s\n' "$url"
        printf 'export JUNCTION_TEST_PG_DATADIR=%q\n' "$datadir"
        printf 'export JUNCTION_TEST_PG_PORT=%s\n' "$port"
    } >"$WORKDIR/env"
    trap - EXIT
    log "PostgreSQL running on 127.0.0.1:$port (data $datadir, log $logfile)"
    cat "$WORKDIR/env"
}

cmd_stop() {
    local datadir="${1:-${JUNCTION_TEST_PG_DATADIR:-}}"
    [[ -n "$datadir" ]] || die "stop: set JUNCTION_TEST_PG_DATADIR or pass the data dir"
    local workdir
    workdir=$(dirname "$datadir")
    if [[ ! -e "$datadir" && ! -e "$workdir" ]]; then
        log "nothing to stop: $datadir does not exist"; return 0
    fi
    # Refuse to delete anything this script did not create.
    [[ -f "$workdir/$MARKER" ]] || die "stop: $workdir was not created by test-postgres.sh; not touching it"

    if [[ -f "$datadir/postmaster.pid" ]]; then
        ensure_binaries; ensure_pg_user; WORKDIR=$workdir
        log "stopping PostgreSQL in $datadir"
        as_pg "$BINDIR/pg_ctl" stop -D "$datadir" -m fast -w -t 30 >/dev/null 2>&1 \
            || as_pg "$BINDIR/pg_ctl" stop -D "$datadir" -m immediate -w -t 30 >/dev/null 2>&1 \
            || true
        # Last resort: the postmaster pid is the first line of postmaster.pid.
        local pid
        pid=$(head -n 1 "$datadir/postmaster.pid" 2>/dev/null || true)
        if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null \
            && [[ "$(readlink -f "/proc/$pid/cwd" 2>/dev/null)" == "$(readlink -f "$datadir")" ]]; then
            log "postmaster $pid still alive; killing it"
            kill -KILL "$pid" 2>/dev/null || true
        fi
    fi
    rm -rf "$workdir"
    log "removed $workdir"
}

cmd_status() {
    local datadir="${1:-${JUNCTION_TEST_PG_DATADIR:-}}"
    [[ -n "$datadir" ]] || die "status: set JUNCTION_TEST_PG_DATADIR or pass the data dir"
    if running_cluster_env "$datadir" >/dev/null; then
        log "running: $datadir"; return 0
    fi
    log "not running: $datadir"; return 3
}

case "${1:-}" in
    start)  cmd_start ;;
    stop)   cmd_stop "${2:-}" ;;
    status) cmd_status "${2:-}" ;;
    *)      echo "usage: $0 start|stop [DATADIR]|status [DATADIR]" >&2; exit 2 ;;
esac
