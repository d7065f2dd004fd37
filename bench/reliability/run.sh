#!/usr/bin/env bash
# Reliability of the transcript store under Direct Line load (issue 5; docs/reliability.md):
#
#   1. Nothing lost under load: the web host (Release, Production, rate limits raised, a fresh
#      data folder), 50 conversations, the post-and-poll loop of bench/load/directline.lua for
#      DURATION seconds, then the server left to go idle. The activities stored must equal what
#      Direct Line delivered and received: the sum of every conversation's final watermark (the
#      echoes of the user's messages and the bot's activities) plus one conversationUpdate per
#      started conversation; the inbound messages stored must equal the POSTs that answered 200,
#      every acknowledged activity id and every activity a poll brought back must be stored, and
#      the store must pass PRAGMA integrity_check after a clean stop.
#   2. SIGKILL mid-load, ROUNDS times: a fresh data folder, the host, 50 conversations, the loop;
#      kill -9 of the host after KILL_AFTER seconds while wrk runs; wrk stopped; the host started
#      again on the same folder (the store must open and migrate). PRAGMA integrity_check must
#      say ok, every POST id acknowledged with a 200 before the kill must be in
#      activities.activity_id, every conversation must go on with its old token on the restarted
#      host (poll and post answer 200, the post stored), and the restarted host must take and
#      store a new turn. Also reported (not a condition): activities that polls had brought back
#      but the store lacks.
#
#   3. On PostgreSQL (PROVIDER=postgresql): the same two measurements with the store in a
#      throwaway PostgreSQL cluster the script starts (initdb in a temporary folder, its own port,
#      fsync on: durability is what is measured; as root through `runuser -u postgres`), a fresh
#      database per run; the checks read the same tables through psql and the integrity check is
#      pg_amcheck (heap and every btree index). With HOSTS=2, two hosts (each its own data folder,
#      on WEB_PORT and WEB_PORT+1) share the database behind an nginx the script starts
#      (round-robin upstream, no sticky sessions: a conversation's consecutive calls alternate
#      between the hosts; proxy_next_upstream error timeout): measurement 1 runs through nginx,
#      and in measurement 2 host A is killed with kill -9 after KILL_AFTER seconds and NOT
#      restarted; the load goes on through nginx to host B for AFTER_KILL seconds. Then every POST
#      acknowledged with a 200 (before and after the kill) must be stored, the database must pass
#      pg_amcheck, every conversation must go on with its old token through nginx (poll and post
#      answer 200), a new conversation's turn through nginx must be stored, and host B must have
#      logged no error.
#
#   4. Rolling restart under load (HOSTS=2; run after 1 and 2, or alone with ONLY=rolling): a
#      deploy as docs/deployment.md describes it, through nginx: after KILL_AFTER seconds host A
#      gets SIGTERM (it stops taking connections and finishes the requests in flight) and is
#      started again on its folder; KILL_AFTER seconds later host B the same; KILL_AFTER more
#      seconds of load. No POST may be answered other than 200, every POST sent must be stored
#      (answered or still in flight), every acknowledged one by its id, the database must pass pg_amcheck, each host must exit 0 on SIGTERM, no host may log
#      an error.
#
#   bench/reliability/run.sh
#   PROVIDER=postgresql HOSTS=2 ONLY=rolling bench/reliability/run.sh
#   PROVIDER=postgresql ROUNDS=2 bench/reliability/run.sh
#   PROVIDER=postgresql HOSTS=2 ROUNDS=1 bench/reliability/run.sh
#   PROVIDER=postgresql HOSTS=2 CONNECTIONS=200 ONLY=load bench/reliability/run.sh
#
# Settings (environment): DURATION=30 (seconds of posting in measurement 1), DRAIN=2 (seconds
# after it in which wrk only polls /health, so that no POST is left unanswered), KILL_AFTER=15
# (seconds of load before the kill), ROUNDS=3 (kill rounds), CONNECTIONS=50 (= conversations),
# THREADS=<cores> (wrk threads; CONNECTIONS must be a multiple), WEB_PORT=5090, SKIP_BUILD=1 to
# reuse the last build, ONLY=load, ONLY=kill or ONLY=rolling to run one measurement, KEEP_DATA=1 to keep the
# data folders (under TMPDIR, else /tmp; kept anyway when a check fails), WAIT_IDLE=1 to wait
# before each host start until other processes leave the cores idle (bench/load/lib.sh),
# HOST_ENV="NAME=value ..." for extra settings of every host started (after the script's own,
# e.g. HOST_ENV=Redaction__Enabled=false to see what redaction costs per turn).
# PROVIDER=sqlite (default) or postgresql; HOSTS=1 (default) or 2 (PostgreSQL only; host B listens
# on WEB_PORT+1, nginx on NGINX_PORT=5099); PG_PORT=5491 (the throwaway cluster's port); PG_BIN
# (default /usr/lib/postgresql/15/bin); AFTER_KILL=15 (HOSTS=2: seconds of load through nginx
# after host A's kill). START_TIMEOUT=300 (seconds a host may take to answer /health);
# WRK_TIMEOUT=2 (seconds wrk waits for an answer; on a busy machine where a POST can take longer,
# raise it and DRAIN with it, or POSTs answered after the timeout count as unacknowledged and the
# stored = acknowledged comparison of measurement 1 fails); SEED_EMBEDDINGS=0 to start every host
# without the vector cache (see fresh_data). With CONNECTIONS=200 the THREADS rule above still
# holds (200 = 2 x 100). Before the database calls were asynchronous the PostgreSQL hosts stalled
# under load with the runtime's default thread pool (docs/reliability.md, 2026-12-07); the
# figures of that time were measured with HOST_ENV=DOTNET_ThreadPool_ForceMinWorkerThreads=64
# (hexadecimal: 100 threads). For the rolling restart, HOST_ENV=Shutdown__DrainSeconds=5 is what
# docs/deployment.md recommends.
#
# Needs wrk, jq, curl, python3 (sqlite3 module) and the .NET SDK; for PROVIDER=postgresql also
# PostgreSQL's server programs (initdb, pg_ctl, pg_amcheck) and psql, for HOSTS=2 nginx. Builds
# src/FaqBot.Web in Release into bench/reliability/.artifacts. Raw results go to bench/reliability/results/<UTC
# time>/: environment.txt, summary.txt, per run the wrk output, the loop's JSON (LOAD_RESULT of
# directline.lua), counts (acked.lua), acknowledged ids, polled watermarks, the checks' JSON
# (check.py) and the host logs (with HOSTS=2: <name>-a.log and <name>-b.log), and with PROVIDER=
# postgresql the server's log (postgresql.log) and nginx's (nginx-error.log). The data folders
# (and databases) are deleted when their checks pass; the cluster and nginx are stopped and their
# folders deleted on exit, also on failure or Ctrl-C.
#
# Exit status: 0 when every check passed, 1 when one failed (the summary says which).
set -euo pipefail
RELI=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
WEB_PORT=${WEB_PORT:-5090}
START_TIMEOUT=${START_TIMEOUT:-300}   # seconds a host may take to answer /health (lib.sh)
source "$RELI/../load/lib.sh"   # settings, start_server, stop_server, make_conversations, wait_idle

# Our own build output, so that a bench/load run (or its build) does not swap the host under us.
ART="$RELI/.artifacts"
WEB_DLL="$ART/bin/FaqBot.Web/release/FaqBot.Web.dll"
DRAIN=${DRAIN:-2}
KILL_AFTER=${KILL_AFTER:-15}
AFTER_KILL=${AFTER_KILL:-15}
WRK_TIMEOUT=${WRK_TIMEOUT:-2}
ROUNDS=${ROUNDS:-3}
ONLY=${ONLY:-}
PROVIDER=$(tr '[:upper:]' '[:lower:]' <<<"${PROVIDER:-sqlite}")
HOSTS=${HOSTS:-1}
PG_PORT=${PG_PORT:-5491}
export PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
NGINX_PORT=${NGINX_PORT:-5099}
HOST_B_PORT=$((WEB_PORT + 1))
CHECK="$RELI/check.py"
# FRONT_PORT: where the clients go (the host, or nginx in front of two).
FRONT_PORT=$WEB_PORT
[[ "$HOSTS" == 2 ]] && FRONT_PORT=$NGINX_PORT
BASE="http://127.0.0.1:$FRONT_PORT"
case "$PROVIDER/$HOSTS" in
    sqlite/1 | postgresql/1 | postgresql/2) ;;
    *) echo "PROVIDER must be sqlite or postgresql, HOSTS 1 or 2 (2 only with postgresql)" >&2; exit 1 ;;
esac
OUT="$RELI/results/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
command -v python3 >/dev/null || { echo "python3 is not installed" >&2; exit 1; }
if [[ "$PROVIDER" == postgresql ]]; then
    for tool in "$PG_BIN/initdb" "$PG_BIN/pg_ctl" "$PG_BIN/pg_amcheck" psql; do
        command -v "$tool" >/dev/null || { echo "$tool is not installed (apt-get install postgresql)" >&2; exit 1; }
    done
fi
if [[ "$HOSTS" == 2 ]]; then
    command -v nginx >/dev/null || { echo "nginx is not installed (apt-get install nginx)" >&2; exit 1; }
fi

WRK_PID=""
STAGE="starting"
DATA_DIRS=()
finish() {
    local status=$?
    if [[ -n "$WRK_PID" ]]; then
        kill -INT "$WRK_PID" 2>/dev/null || true
        wait "$WRK_PID" 2>/dev/null || true
    fi
    stop_hosts
    stop_nginx
    stop_postgres
    if (( status != 0 )) && [[ "$STAGE" != done ]]; then
        echo "FAIL: stopped while $STAGE (exit status $status); see $OUT" | tee -a "$OUT/summary.txt" >&2
        local dir
        for dir in "${DATA_DIRS[@]}"; do
            if [[ -d "$dir" ]]; then echo "data kept: $dir" >&2; fi
        done
    fi
}
trap finish EXIT
trap 'exit 130' INT TERM   # so that finish runs (and stops the host) when interrupted

# fresh_data: a new, empty data folder in DATA; only the sentence encoder's vector cache
# (embeddings/, not the store) is copied in from $EMBEDDINGS_SEED, which the first host of a run
# fills when it is empty (encoding every text on a fresh folder takes 80-90 s on a busy machine).
DATA=""
EMBEDDINGS_SEED="$ART/embeddings-seed"
fresh_data() {
    DATA=$(mktemp -d "${TMPDIR:-/tmp}/faqbot-reliability.XXXXXX")
    DATA_DIRS+=("$DATA")
    if [[ "${SEED_EMBEDDINGS:-1}" == 1 ]] && compgen -G "$EMBEDDINGS_SEED/*.vectors" >/dev/null; then
        mkdir -p "$DATA/embeddings"
        cp "$EMBEDDINGS_SEED"/*.vectors "$DATA/embeddings/"
    fi
}
# seed_embeddings <data folder>: keeps the vectors a started host wrote, for the next folders.
seed_embeddings() {
    [[ "${SEED_EMBEDDINGS:-1}" == 1 && -d "$1/embeddings" ]] || return 0
    mkdir -p "$EMBEDDINGS_SEED"
    cp -n "$1"/embeddings/*.vectors "$EMBEDDINGS_SEED/" 2>/dev/null || true
}

# discard_data <dir>: removes a data folder whose checks passed, unless KEEP_DATA=1.
discard_data() {
    [[ "${KEEP_DATA:-0}" == 1 ]] || rm -rf "$1"
}

# --- PostgreSQL (PROVIDER=postgresql): one throwaway cluster per run of this script -------------
PG_DIR=""
PG_STARTED=""
PG_DB_COUNT=0
# as_postgres <program> [args...]: initdb and postgres refuse to run as root; as root they run as
# Debian's postgres user (who owns the cluster's folder).
as_postgres() {
    if (( EUID == 0 )); then runuser -u postgres -- "$@"; else "$@"; fi
}
start_postgres() {
    PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/faqbot-reliability-pg.XXXXXX")
    mkdir -p "$PG_DIR/socket"
    (( EUID == 0 )) && chown -R postgres "$PG_DIR"
    as_postgres "$PG_BIN/initdb" -D "$PG_DIR/data" --auth=trust --username=faqbot -E UTF8 --locale=C -N >"$OUT/postgresql-initdb.log" 2>&1
    # fsync and synchronous_commit stay on (the defaults): a commit is on disk before the host answers.
    PG_STARTED=1
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR/socket -c max_connections=300" start >/dev/null
}
stop_postgres() {
    [[ -n "$PG_STARTED" ]] || return 0
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    cp "$PG_DIR/server.log" "$OUT/postgresql.log" 2>/dev/null || true
    rm -rf "$PG_DIR"
    PG_STARTED=""
}
pg_admin() {
    psql -X -q -At -v ON_ERROR_STOP=1 -d "host=127.0.0.1 port=$PG_PORT user=faqbot dbname=postgres" -c "$1"
}

# --- nginx (HOSTS=2): round-robin over the two hosts, in its own folder -------------------------
NGINX_DIR=""
start_nginx() {
    NGINX_DIR=$(mktemp -d "${TMPDIR:-/tmp}/faqbot-reliability-nginx.XXXXXX")
    mkdir -p "$NGINX_DIR/tmp"
    chmod 777 "$NGINX_DIR/tmp"   # the workers (nobody when the master is root) buffer bodies there
    cat >"$NGINX_DIR/nginx.conf" <<CONF
worker_processes 1;
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_DIR/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $NGINX_DIR/tmp/body;
    proxy_temp_path $NGINX_DIR/tmp/proxy;
    fastcgi_temp_path $NGINX_DIR/tmp/fastcgi;
    uwsgi_temp_path $NGINX_DIR/tmp/uwsgi;
    scgi_temp_path $NGINX_DIR/tmp/scgi;
    upstream faqbot {
        # Round-robin, no sticky sessions. A host that refuses connections is skipped for 10 s.
        server 127.0.0.1:$WEB_PORT max_fails=1 fail_timeout=10s;
        server 127.0.0.1:$HOST_B_PORT max_fails=1 fail_timeout=10s;
        keepalive 64;
    }
    server {
        listen 127.0.0.1:$NGINX_PORT;
        location / {
            proxy_pass http://faqbot;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$host;
            # A request goes to the other host when the connection to the first fails or times
            # out; a POST already sent is not repeated (nginx retries non-idempotent requests
            # only with non_idempotent).
            proxy_next_upstream error timeout;
            # A slow answer is not a dead host: with a 30 s read timeout, a host that took longer
            # was marked failed (max_fails=1, timeouts count) and with both marked, nginx answered
            # every request 502 "no live upstreams" for fail_timeout.
            proxy_connect_timeout 1s;
            proxy_read_timeout 300s;
        }
    }
}
CONF
    nginx -t -q -e "$NGINX_DIR/error.log" -c "$NGINX_DIR/nginx.conf" -p "$NGINX_DIR"
    nginx -e "$NGINX_DIR/error.log" -c "$NGINX_DIR/nginx.conf" -p "$NGINX_DIR"
    for _ in $(seq 50); do [[ -s "$NGINX_DIR/nginx.pid" ]] && return 0; sleep 0.1; done
    echo "nginx did not start; see $NGINX_DIR/error.log" >&2
    exit 1
}
stop_nginx() {
    [[ -n "$NGINX_DIR" ]] || return 0
    if [[ -s "$NGINX_DIR/nginx.pid" ]]; then
        nginx -e "$NGINX_DIR/error.log" -c "$NGINX_DIR/nginx.conf" -p "$NGINX_DIR" -s stop 2>/dev/null || true
        for _ in $(seq 50); do [[ -e "$NGINX_DIR/nginx.pid" ]] || break; sleep 0.1; done
    fi
    cp "$NGINX_DIR/error.log" "$OUT/nginx-error.log" 2>/dev/null || true
    rm -rf "$NGINX_DIR"
    NGINX_DIR=""
}

# --- The store and the hosts of one run --------------------------------------------------------
# fresh_store <name>: a new, empty store: DATA and DATA_B (the hosts' data folders), STORE (what
# check.py reads: the SQLite file or pg:CONNINFO) and STORE_ENV (the hosts' storage settings).
STORE=""
DB_NAME=""
STORE_ENV=()
DATA_B=""
fresh_store() {
    fresh_data
    DATA_B=""
    if [[ "$HOSTS" == 2 ]]; then
        local a=$DATA
        fresh_data
        DATA_B=$DATA
        DATA=$a
    fi
    if [[ "$PROVIDER" == postgresql ]]; then
        PG_DB_COUNT=$((PG_DB_COUNT + 1))
        DB_NAME="reliability_${1//-/_}_$PG_DB_COUNT"
        pg_admin "CREATE DATABASE $DB_NAME"
        STORE="pg:host=127.0.0.1 port=$PG_PORT user=faqbot dbname=$DB_NAME"
        STORE_ENV=(Storage__Provider=PostgreSql "ConnectionStrings__FaqBot=Host=127.0.0.1;Port=$PG_PORT;Username=faqbot;Database=$DB_NAME")
    else
        DB_NAME=""
        STORE="$DATA/faqbot.db"
        STORE_ENV=()
    fi
}

# discard_store: removes the data folders (and the database) of a run whose checks passed.
discard_store() {
    discard_data "$DATA"
    [[ -z "$DATA_B" ]] || discard_data "$DATA_B"
    if [[ -n "$DB_NAME" && "${KEEP_DATA:-0}" != 1 ]]; then
        pg_admin "DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE)" || true
    fi
}

kept_store() {
    echo "   data kept for investigation: $DATA${DATA_B:+ and $DATA_B}${DB_NAME:+ (database $DB_NAME, deleted with the cluster on exit)}"
}

# start_hosts <log name>: the host (log <name>.log), or with HOSTS=2 host A then host B
# (<name>-a.log, <name>-b.log) on the same store. HOST_PIDS: their process ids (A first).
HOST_PIDS=()
HOST_LOGS=()
start_hosts() {
    local name=$1
    if [[ "$HOSTS" == 2 ]]; then
        # shellcheck disable=SC2086 # HOST_ENV is a list of NAME=value words
        start_server "$name-a" "$WEB_DLL" "$WEB_PORT" "$ROOT" Storage__DataPath="$DATA" "${STORE_ENV[@]}" ${HOST_ENV:-}
        HOST_PIDS=("$SERVER_PID")
        SERVER_PID=""
        # shellcheck disable=SC2086
        start_server "$name-b" "$WEB_DLL" "$HOST_B_PORT" "$ROOT" Storage__DataPath="$DATA_B" "${STORE_ENV[@]}" ${HOST_ENV:-}
        HOST_PIDS+=("$SERVER_PID")
        SERVER_PID=""
        HOST_LOGS=("$OUT/$name-a.log" "$OUT/$name-b.log")
    else
        # shellcheck disable=SC2086
        start_server "$name" "$WEB_DLL" "$WEB_PORT" "$ROOT" Storage__DataPath="$DATA" "${STORE_ENV[@]}" ${HOST_ENV:-}
        HOST_PIDS=("$SERVER_PID")
        SERVER_PID=""
        HOST_LOGS=("$OUT/$name.log")
    fi
    seed_embeddings "$DATA"
}

# stop_hosts: stops every host still running (SIGTERM, then waits).
stop_hosts() {
    local pid
    for pid in "${HOST_PIDS[@]}"; do
        [[ -n "$pid" ]] && kill "$pid" 2>/dev/null || true
    done
    for pid in "${HOST_PIDS[@]}"; do
        [[ -n "$pid" ]] && wait "$pid" 2>/dev/null || true
    done
    HOST_PIDS=()
    stop_server
}

# hosts_cpu_ticks: CPU ticks of every running host, summed.
hosts_cpu_ticks() {
    local pid total=0
    for pid in "${HOST_PIDS[@]}"; do
        [[ -n "$pid" ]] && total=$((total + $(cpu_ticks "$pid")))
    done
    echo "$total"
}

# wrk_loop <name> <seconds> [NAME=value...]: the loop (acked.lua around directline.lua) on the
# conversations in $OUT/<name>-conversations.txt, in the background; sets WRK_PID.
wrk_loop() {
    local name=$1 seconds=$2
    shift 2
    env LOAD_CONVERSATIONS="$OUT/$name-conversations.txt" LOAD_RESULT="$OUT/$name-loop.json" \
        RELIABILITY_ACKED="$OUT/$name-acked.txt" RELIABILITY_DELIVERED="$OUT/$name-delivered.txt" \
        RELIABILITY_COUNTS="$OUT/$name-counts.json" "$@" \
        wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --timeout "${WRK_TIMEOUT}s" -s "$RELI/acked.lua" "$BASE/" \
        -- "$((CONNECTIONS / THREADS))" >"$OUT/$name-wrk.txt" 2>"$OUT/$name-wrk.stderr" &
    WRK_PID=$!
}

wait_wrk() {
    local status=0
    wait "$WRK_PID" || status=$?
    WRK_PID=""
    return $status
}

# settle <db>: waits until the number of stored activities has not changed for two seconds
# (at most 60 s): requests that were still being handled when wrk stopped are finished.
settle() {
    local db=$1 last=-1 now stable=0
    for _ in $(seq 120); do
        now=$(python3 "$CHECK" counts "$db" | jq .activities)
        if [[ "$now" == "$last" ]]; then stable=$((stable + 1)); else stable=0; fi
        (( stable >= 4 )) && return 0
        last=$now
        sleep 0.5
    done
    echo "   (the store was still growing after 60 s)"
}

# watermarks <name>: each conversation's watermark now (GET .../activities with its token and no
# watermark), as "conversationId watermark" lines in $OUT/<name>-watermarks.txt.
watermarks() {
    local name=$1 token conversation _mark mark
    : >"$OUT/$name-watermarks.txt"
    while read -r token conversation _mark; do
        mark=$(curl -sf -H "Authorization: Bearer $token" "$BASE/v3/directline/conversations/$conversation/activities" | jq -r .watermark)
        echo "$conversation $mark" >>"$OUT/$name-watermarks.txt"
    done <"$OUT/$name-conversations.txt"
}

file_sizes() {
    local db=$1 f
    if [[ "$db" == pg:* ]]; then
        echo "database $(psql -X -At -d "${db#pg:}" -c "SELECT pg_size_pretty(pg_database_size(current_database()))" | tr -d ' ')"
        return
    fi
    for f in "$db" "$db-wal" "$db-shm"; do
        if [[ -e "$f" ]]; then echo "$(basename "$f")=$(stat -c %s "$f")"; else echo "$(basename "$f")=absent"; fi
    done | paste -sd' '
}

# log_problems <log>: how many errors the host logged (the console logger's "fail:" and "crit:").
log_problems() {
    local total=0 log n
    for log in "$@"; do
        n=$(grep -cE '^(fail|crit):' "$log" || true)
        total=$((total + n))
    done
    echo "$total"
}

# bundled_sqlite: the SQLite the host runs (SQLitePCLRaw's e_sqlite3 beside the build).
bundled_sqlite() {
    local lib version source
    lib=$(find "$(dirname "$WEB_DLL")" -path '*linux-x64*' -name 'libe_sqlite3.so' | head -1)
    [[ -n "$lib" ]] || { echo unknown; return; }
    # awk reads all of strings' output (an early exit would fail the pipeline under pipefail).
    version=$(strings "$lib" | awk '/^3\.[0-9]+\.[0-9]+$/ && !v { v = $0 } END { print v }')
    source=$(strings "$lib" | awk '/^20[0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9:]+ [0-9a-f]+/ && !v { v = $1 " " $2 } END { print v }')
    echo "$version ($source; ${lib#"$ART/"})"
}

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    STAGE="building"
    echo "== Building src/FaqBot.Web (Release) into $ART"
    build "$ROOT/src/FaqBot.Web/FaqBot.Web.csproj"
fi
[[ -f "$WEB_DLL" ]] || { echo "no build at $WEB_DLL" >&2; exit 1; }

{
    environment_info | grep -v '^load:'
    [[ -z "${HOST_ENV:-}" ]] || echo "extra host settings: $HOST_ENV"
    echo "load: connections=conversations=$CONNECTIONS wrk threads=$THREADS, timeout ${WRK_TIMEOUT}s; measurement 1: ${DURATION}s posting + ${DRAIN}s drain; measurement 2: kill -9 after ${KILL_AFTER}s, $ROUNDS rounds"
    echo "store: $PROVIDER; hosts: $HOSTS$([[ "$HOSTS" == 2 ]] && echo " (127.0.0.1:$WEB_PORT and :$HOST_B_PORT behind nginx on :$NGINX_PORT; after the kill ${AFTER_KILL}s of load on host B)")"
    if [[ "$PROVIDER" == postgresql ]]; then
        echo "postgresql: $("$PG_BIN/postgres" --version) (throwaway cluster on 127.0.0.1:$PG_PORT, fsync on, synchronous_commit on, max_connections=300)"
    else
        echo "sqlite in the host: $(bundled_sqlite)"
        echo "sqlite of the checks: python3 sqlite3 $(python3 -c 'import sqlite3; print(sqlite3.sqlite_version)'); cli $(sqlite3 --version 2>/dev/null | cut -d' ' -f1 || echo absent)"
    fi
    [[ "$HOSTS" != 2 ]] || echo "nginx: $(nginx -v 2>&1 | cut -d/ -f2) (1 worker, round-robin, keepalive 64 to the hosts)"
} | tee "$OUT/environment.txt"

if [[ "$PROVIDER" == postgresql ]]; then
    STAGE="starting PostgreSQL"
    start_postgres
fi
if [[ "$HOSTS" == 2 ]]; then
    STAGE="starting nginx"
    start_nginx
fi

LOAD_PASS=""
KILL_PASS=""
ROLLING_PASS=""

# ---------------------------------------------------------------------------------------------
# 1. Nothing lost under load
# ---------------------------------------------------------------------------------------------
measure_load() {
    local name=load db
    STAGE="measurement 1 (load)"
    fresh_store "$name"
    db=$STORE
    echo "== 1. Nothing lost under load: ${DURATION}s of post-and-poll on $CONNECTIONS conversations ($PROVIDER, $HOSTS host(s); data: $DATA${DATA_B:+ $DATA_B}${DB_NAME:+, database $DB_NAME})"
    wait_idle
    echo "   loadavg at the start: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$OUT/$name-loadavg.txt"
    start_hosts "$name-host"
    make_conversations "$CONNECTIONS" "$OUT/$name-conversations.txt" "$FRONT_PORT"
    local server0 server1 busy0 all0 busy1 all1
    server0=$(hosts_cpu_ticks)
    read -r busy0 all0 < <(machine_ticks)
    wrk_loop "$name" "$((DURATION + DRAIN))" RELIABILITY_POST_SECONDS="$DURATION"
    # CPU while posting (about the first DURATION seconds of the run): the host's, and the
    # machine's in all (wrk and other processes are the difference).
    sleep "$DURATION"
    server1=$(hosts_cpu_ticks)
    read -r busy1 all1 < <(machine_ticks)
    wait_wrk
    jq -n --argjson server "$((server1 - server0))" --argjson busy "$((busy1 - busy0))" --argjson all "$((all1 - all0))" \
        --argjson ticks "$TICKS" --argjson cores "$(nproc)" --argjson seconds "$DURATION" '
        { server_seconds: ($server / $ticks), server_pct: ($server / $ticks / $seconds * 100),
          machine_pct: ($busy / $all * $cores * 100), cores: $cores }' >"$OUT/$name-cpu.json"
    settle "$db"
    watermarks "$name"
    python3 "$CHECK" counts "$db" >"$OUT/$name-store.json"
    python3 "$CHECK" conversations "$db" "$OUT/$name-watermarks.txt" >"$OUT/$name-conversations-check.json"
    python3 "$CHECK" acked "$db" "$OUT/$name-acked.txt" >"$OUT/$name-acked-check.json"
    python3 "$CHECK" delivered "$db" "$OUT/$name-delivered.txt" >"$OUT/$name-delivered-check.json"
    local logs=("${HOST_LOGS[@]}")
    stop_hosts
    python3 "$CHECK" counts "$db" >"$OUT/$name-store-after-stop.json"
    python3 "$CHECK" integrity "$db" >"$OUT/$name-integrity.json"
    file_sizes "$db" >"$OUT/$name-files.txt"

    jq -s --argjson logged "$(log_problems "${logs[@]}")" --arg provider "$PROVIDER" --argjson hosts "$HOSTS" \
        --arg loadavg "$(cut -d: -f2 "$OUT/$name-loadavg.txt" | xargs)" '
        .[0] as $loop | .[1] as $store | .[2] as $conv | .[3] as $acked | .[4] as $after | .[5] as $integrity
        | .[6] as $delivered | .[7] as $cpu | .[8] as $wrkloop
        | { provider: $provider, hosts: $hosts, loadavg_at_start: $loadavg,
            post_ms: $wrkloop.post_ms, get_ms: $wrkloop.get_ms, turn_ms: $wrkloop.turn_ms,
            posts_sent: $loop.posts_sent, posts_acknowledged: $loop.posts_acknowledged,
            posts_unacknowledged: $loop.posts_unacknowledged, turns: $loop.turns,
            turns_per_second: $loop.turns_per_second, posting_seconds: $loop.posting_seconds,
            server_cpu_pct: $cpu.server_pct, machine_cpu_pct: $cpu.machine_pct, cores: $cpu.cores,
            server_cpu_us_per_turn: (if $loop.turns > 0 then $cpu.server_seconds * 1e6 / $loop.turns else null end),
            wrk_errors: $loop.errors, malformed_post_answers: $loop.malformed_post_answers,
            conversations_started: $conv.conversations, watermarks: $conv.watermarks,
            bot_activities_delivered: ($conv.watermarks - $loop.posts_acknowledged),
            expected: $conv.expected, stored: $store.activities, stored_by_direction_type: $store.by_direction_type,
            stored_equals_expected: ($store.activities == $conv.expected),
            in_messages: $store.in_messages, in_messages_equal_acknowledged: ($store.in_messages == $loop.posts_acknowledged),
            acknowledged_ids_missing: $acked.missing, polled_activities: $delivered.delivered,
            polled_activities_missing: $delivered.missing, conversations_that_differ: ($conv.differ | length),
            stored_after_clean_stop: $after.activities, integrity: $integrity.integrity_check,
            turns_stored: $store.turns, handoffs_stored: $store.handoffs, host_errors_logged: $logged }' \
        "$OUT/$name-counts.json" "$OUT/$name-store.json" "$OUT/$name-conversations-check.json" \
        "$OUT/$name-acked-check.json" "$OUT/$name-store-after-stop.json" "$OUT/$name-integrity.json" \
        "$OUT/$name-delivered-check.json" "$OUT/$name-cpu.json" "$OUT/$name-loop.json" >"$OUT/$name.json"

    if [[ "$(jq '.stored_equals_expected and .in_messages_equal_acknowledged and .acknowledged_ids_missing == 0
                 and .polled_activities_missing == 0
                 and .conversations_that_differ == 0 and .stored_after_clean_stop == .stored and .integrity == "ok"
                 and .host_errors_logged == 0' "$OUT/$name.json")" == true ]]; then
        LOAD_PASS=true
        discard_store
    else
        LOAD_PASS=false
        kept_store
    fi
}

# ---------------------------------------------------------------------------------------------
# 2. SIGKILL mid-load
# ---------------------------------------------------------------------------------------------
measure_kill() {
    local round=$1 name="kill-r$1" db probe token conversation status id poll logs killed
    STAGE="measurement 2, round $round (kill)"
    fresh_store "$name"
    db=$STORE
    if [[ "$HOSTS" == 2 ]]; then
        echo "== 2. SIGKILL mid-load, round $round: kill -9 of host A after ${KILL_AFTER}s of load through nginx, then ${AFTER_KILL}s on host B alone ($PROVIDER; data: $DATA $DATA_B${DB_NAME:+, database $DB_NAME})"
    else
        echo "== 2. SIGKILL mid-load, round $round: kill -9 after ${KILL_AFTER}s of load ($PROVIDER; data: $DATA${DB_NAME:+, database $DB_NAME})"
    fi
    wait_idle
    echo "   loadavg at the start: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$OUT/$name-loadavg.txt"
    start_hosts "$name-host"
    make_conversations "$CONNECTIONS" "$OUT/$name-conversations.txt" "$FRONT_PORT"
    if [[ "$HOSTS" == 2 ]]; then
        wrk_loop "$name" "$((KILL_AFTER + AFTER_KILL + 120))"
    else
        wrk_loop "$name" "$((KILL_AFTER + 120))"
    fi
    sleep "$KILL_AFTER"
    kill -0 "$WRK_PID" 2>/dev/null || { echo "wrk ended before the kill; see $OUT/$name-wrk.stderr" >&2; exit 1; }
    killed=${HOST_PIDS[0]}
    grep -q 'FaqBot.Web.dll' "/proc/$killed/cmdline" || { echo "process $killed is not the host" >&2; exit 1; }
    kill -9 "$killed"
    wait "$killed" 2>/dev/null || true
    HOST_PIDS[0]=""
    date -u +%s%3N >"$OUT/$name-killed-at.txt"
    file_sizes "$db" >"$OUT/$name-files.txt"
    if [[ "$HOSTS" == 2 ]]; then
        # The load goes on through nginx, which now finds only host B.
        sleep "$AFTER_KILL"
        kill -0 "$WRK_PID" 2>/dev/null || { echo "wrk ended before the end of the load after the kill; see $OUT/$name-wrk.stderr" >&2; exit 1; }
    else
        sleep 0.5
    fi
    kill -INT "$WRK_PID"
    wait_wrk || true

    if [[ "$HOSTS" == 2 ]]; then
        STAGE="measurement 2, round $round: checking the store (host B still running)"
        settle "$db"
        logs=("$OUT/$name-host-b.log")
    else
        STAGE="measurement 2, round $round: starting the host again on the killed store"
        start_hosts "$name-restart"
        logs=("${HOST_LOGS[@]}")
        STAGE="measurement 2, round $round: checking the store"
    fi
    python3 "$CHECK" integrity "$db" >"$OUT/$name-integrity.json"
    python3 "$CHECK" counts "$db" >"$OUT/$name-store.json"
    python3 "$CHECK" acked "$db" "$OUT/$name-acked.txt" >"$OUT/$name-acked-check.json"
    python3 "$CHECK" delivered "$db" "$OUT/$name-delivered.txt" >"$OUT/$name-delivered-check.json"

    local after_kill=null
    if [[ "$HOSTS" == 2 ]]; then
        # Messages host B stored after the kill (the load's, before the resumed conversations' posts below).
        after_kill=$(psql -X -At -d "${db#pg:}" -c "SELECT count(*) FROM activities WHERE direction = 'in' AND type = 'message' AND at > $(cat "$OUT/$name-killed-at.txt")")
    fi

    # Every conversation goes on with its old token (on the restarted host, or through nginx on the
    # host left): its poll answers 200 and a new message is answered 200 with an id (the
    # conversation and its grant came back from the store).
    resumed=0
    total=0
    while read -r token conversation _; do
        total=$((total + 1))
        poll=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$BASE/v3/directline/conversations/$conversation/activities")
        status=$(curl -s -o "$OUT/$name-resume-post.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $token" \
            -H 'Content-Type: application/json' -d '{"type":"message","text":"What should I wear?","from":{"id":"resumed"}}' \
            "$BASE/v3/directline/conversations/$conversation/activities")
        id=$(jq -r '.id // empty' "$OUT/$name-resume-post.json" 2>/dev/null || true)
        if [[ "$poll" == 200 && "$status" == 200 && -n "$id" ]]; then
            resumed=$((resumed + 1))
            echo "$id" >>"$OUT/$name-resume-acked.txt"
        else
            echo "$conversation poll $poll post $status" >>"$OUT/$name-not-resumed.txt"
        fi
    done <"$OUT/$name-conversations.txt"
    local resumed_stored=0
    if [[ -s "$OUT/$name-resume-acked.txt" ]]; then
        resumed_stored=$(python3 "$CHECK" acked "$db" "$OUT/$name-resume-acked.txt" | jq .found)
    fi

    # The host (restarted, or left) takes a new turn and stores it (the store is writable, not just readable).
    make_conversations 1 "$OUT/$name-probe-conversation.txt" "$FRONT_PORT"
    read -r token conversation _ <"$OUT/$name-probe-conversation.txt"
    status=$(curl -s -o "$OUT/$name-probe-post.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $token" \
        -H 'Content-Type: application/json' -d '{"type":"message","text":"Can I drive home after my infusion?","from":{"id":"probe"}}' \
        "$BASE/v3/directline/conversations/$conversation/activities")
    id=$(jq -r '.id // empty' "$OUT/$name-probe-post.json" 2>/dev/null || true)
    probe=false
    if [[ "$status" == 200 && -n "$id" ]]; then
        echo "$id" >"$OUT/$name-probe-acked.txt"
        [[ "$(python3 "$CHECK" acked "$db" "$OUT/$name-probe-acked.txt" | jq .missing)" == 0 ]] && probe=true
    fi
    stop_hosts

    jq -s --argjson probe "$probe" --arg files "$(cat "$OUT/$name-files.txt")" --argjson resumed "$resumed" --argjson total "$total" \
        --argjson resumed_stored "$resumed_stored" --argjson after_kill "$after_kill" --argjson logged "$(log_problems "${logs[@]}")" \
        --argjson killed_logged "$(log_problems "$OUT/$name-host$([[ "$HOSTS" == 2 ]] && echo -a).log")" \
        --arg provider "$PROVIDER" --argjson hosts "$HOSTS" --argjson restarted "$([[ "$HOSTS" == 2 ]] && echo false || echo true)" \
        --arg loadavg "$(cut -d: -f2 "$OUT/$name-loadavg.txt" | xargs)" '
        .[0] as $loop | .[1] as $integrity | .[2] as $store | .[3] as $acked | .[4] as $delivered | .[5] as $wrkloop
        | { provider: $provider, hosts: $hosts, loadavg_at_start: $loadavg,
            posts_sent: $loop.posts_sent, posts_unanswered: $loop.posts_unacknowledged,
            posts_answered_not_200: $wrkloop.bad_post,
            posts_after_connection_errors: $loop.posts_after_connection_errors,
            malformed_post_answers: $loop.malformed_post_answers, wrk_errors: $loop.errors,
            acknowledged: $acked.acknowledged, distinct: $acked.distinct,
            found: $acked.found, missing: $acked.missing, missing_sample: $acked.missing_sample,
            stored_more_than_once: $acked.stored_more_than_once,
            in_messages_stored: $acked.in_messages_stored, in_messages_not_acknowledged: $acked.in_messages_not_acknowledged,
            polled_activities: $delivered.delivered, polled_activities_missing: $delivered.missing,
            polled_missing_sample: $delivered.missing_sample,
            integrity: $integrity.integrity_check, stored: $store.activities, stored_by_direction_type: $store.by_direction_type,
            turns_before_kill: $loop.turns, turns_per_second: $loop.turns_per_second, post_ms: $wrkloop.post_ms,
            restarted: $restarted, restart_errors_logged: $logged, killed_host_errors_logged: $killed_logged,
            new_turn_stored_after_restart: $probe,
            conversations_resumed_after_restart: $resumed, conversations_before_kill: $total,
            resumed_posts_stored: $resumed_stored, in_messages_stored_after_kill: $after_kill,
            files_after_kill: $files }' \
        "$OUT/$name-counts.json" "$OUT/$name-integrity.json" "$OUT/$name-store.json" "$OUT/$name-acked-check.json" \
        "$OUT/$name-delivered-check.json" "$OUT/$name-loop.json" >"$OUT/$name.json"

    if [[ "$(jq '.integrity == "ok" and .missing == 0 and .acknowledged > 0 and .new_turn_stored_after_restart
               and .restart_errors_logged == 0 and .conversations_resumed_after_restart == .conversations_before_kill
               and .resumed_posts_stored == .conversations_resumed_after_restart' "$OUT/$name.json")" == true ]]; then
        discard_store
    else
        KILL_PASS=false
        kept_store
    fi
}

# ---------------------------------------------------------------------------------------------
# 3. Rolling restart under load (HOSTS=2)
# ---------------------------------------------------------------------------------------------
# measure_rolling: a deploy as docs/deployment.md describes it, under load through nginx: after
# KILL_AFTER seconds host A gets SIGTERM (it stops taking connections and finishes the requests in
# flight) and is started again on its folder; KILL_AFTER seconds later host B the same. Every POST
# must be answered 200 (none refused, none unanswered) and stored, the database must pass
# pg_amcheck, each host must exit with status 0 on SIGTERM and no host may log an error. POSTs left
# unanswered (in flight when wrk is stopped at the end, or answered after WRK_TIMEOUT while one host
# carries the load) pass only if they are stored too: inbound messages stored >= POSTs sent.
measure_rolling() {
    local name=rolling db i which port pid status t0 t1 logs=()
    STAGE="measurement 3 (rolling restart)"
    fresh_store "$name"
    db=$STORE
    echo "== 3. Rolling restart under load: SIGTERM of host A after ${KILL_AFTER}s and A started again, then host B the same, through nginx ($PROVIDER; data: $DATA $DATA_B${DB_NAME:+, database $DB_NAME})"
    wait_idle
    echo "   loadavg at the start: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$OUT/$name-loadavg.txt"
    start_hosts "$name-host"
    logs=("${HOST_LOGS[@]}")
    make_conversations "$CONNECTIONS" "$OUT/$name-conversations.txt" "$FRONT_PORT"
    wrk_loop "$name" 3600
    : >"$OUT/$name-restarts.txt"
    for i in 0 1; do
        sleep "$KILL_AFTER"
        kill -0 "$WRK_PID" 2>/dev/null || { echo "wrk ended before the restart; see $OUT/$name-wrk.stderr" >&2; exit 1; }
        which=$([[ $i == 0 ]] && echo a || echo b)
        port=$([[ $i == 0 ]] && echo "$WEB_PORT" || echo "$HOST_B_PORT")
        pid=${HOST_PIDS[$i]}
        grep -q 'FaqBot.Web.dll' "/proc/$pid/cmdline" || { echo "process $pid is not the host" >&2; exit 1; }
        t0=$(date -u +%s%3N)
        kill -TERM "$pid"
        status=0
        wait "$pid" 2>/dev/null || status=$?
        t1=$(date -u +%s%3N)
        HOST_PIDS[$i]=""
        STAGE="measurement 3: starting host $which again"
        # shellcheck disable=SC2086 # HOST_ENV is a list of NAME=value words
        start_server "$name-host-$which-again" "$WEB_DLL" "$port" "$ROOT" Storage__DataPath="$([[ $i == 0 ]] && echo "$DATA" || echo "$DATA_B")" "${STORE_ENV[@]}" ${HOST_ENV:-}
        HOST_PIDS[$i]=$SERVER_PID
        SERVER_PID=""
        logs+=("$OUT/$name-host-$which-again.log")
        jq -n --arg host "$which" --argjson status "$status" --argjson stop_ms "$((t1 - t0))" --argjson back_ms "$(($(date -u +%s%3N) - t0))" \
            '{ host: $host, exit_status: $status, stop_ms: $stop_ms, back_ms: $back_ms }' >>"$OUT/$name-restarts.txt"
        STAGE="measurement 3 (rolling restart)"
    done
    sleep "$KILL_AFTER"
    kill -INT "$WRK_PID"
    wait_wrk || true
    settle "$db"
    python3 "$CHECK" integrity "$db" >"$OUT/$name-integrity.json"
    python3 "$CHECK" counts "$db" >"$OUT/$name-store.json"
    python3 "$CHECK" acked "$db" "$OUT/$name-acked.txt" >"$OUT/$name-acked-check.json"
    python3 "$CHECK" delivered "$db" "$OUT/$name-delivered.txt" >"$OUT/$name-delivered-check.json"
    stop_hosts
    jq -s '.' "$OUT/$name-restarts.txt" >"$OUT/$name-restarts.json"

    jq -s --argjson logged "$(log_problems "${logs[@]}")" --arg provider "$PROVIDER" \
        --arg loadavg "$(cut -d: -f2 "$OUT/$name-loadavg.txt" | xargs)" '
        .[0] as $loop | .[1] as $integrity | .[2] as $store | .[3] as $acked | .[4] as $delivered | .[5] as $wrkloop | .[6] as $restarts
        | { provider: $provider, loadavg_at_start: $loadavg,
            posts_sent: $loop.posts_sent, posts_unanswered: $loop.posts_unacknowledged,
            posts_answered_not_200: $wrkloop.bad_post, wrk_errors: $loop.errors,
            acknowledged: $acked.acknowledged, found: $acked.found, missing: $acked.missing, missing_sample: $acked.missing_sample,
            polled_activities: $delivered.delivered, polled_activities_missing: $delivered.missing,
            integrity: $integrity.integrity_check, stored: $store.activities, in_messages_stored: $store.in_messages,
            turns: $loop.turns, turns_per_second: $loop.turns_per_second, post_ms: $wrkloop.post_ms,
            restarts: $restarts, host_errors_logged: $logged }' \
        "$OUT/$name-counts.json" "$OUT/$name-integrity.json" "$OUT/$name-store.json" "$OUT/$name-acked-check.json" \
        "$OUT/$name-delivered-check.json" "$OUT/$name-loop.json" "$OUT/$name-restarts.json" >"$OUT/$name.json"

    if [[ "$(jq '.integrity == "ok" and .missing == 0 and .acknowledged > 0 and .posts_answered_not_200 == 0
               and .wrk_errors.status == 0 and .in_messages_stored >= .posts_sent and .host_errors_logged == 0
               and ([.restarts[] | .exit_status] | all(. == 0))' "$OUT/$name.json")" == true ]]; then
        ROLLING_PASS=true
        discard_store
    else
        ROLLING_PASS=false
        kept_store
    fi
}

if [[ "$ONLY" == rolling && "$HOSTS" != 2 ]]; then
    echo "ONLY=rolling needs HOSTS=2 (and PROVIDER=postgresql)" >&2
    exit 2
fi
if [[ -z "$ONLY" || "$ONLY" == load ]]; then
    measure_load
fi
if [[ -z "$ONLY" || "$ONLY" == kill ]]; then
    KILL_PASS=true
    for round in $(seq "$ROUNDS"); do
        measure_kill "$round"
    done
fi
if [[ "$ONLY" == rolling || ( -z "$ONLY" && "$HOSTS" == 2 ) ]]; then
    measure_rolling
fi
STAGE="summarizing"

{
    echo
    echo "loadavg after: $(cut -d' ' -f1-3 /proc/loadavg)"
    if [[ -n "$LOAD_PASS" ]]; then
        echo
        echo "1. Nothing lost under load (${DURATION}s, $CONNECTIONS conversations; store $PROVIDER, $HOSTS host(s)$([[ "$HOSTS" == 2 ]] && echo ' behind nginx'))"
        jq -r '
            "   loadavg at the start: \(.loadavg_at_start); POST p50 \(.post_ms.p50) ms, p99 \(.post_ms.p99) ms; GET p99 \(.get_ms.p99) ms; turn (POST + GET) p99 \(.turn_ms.p99) ms",
            "   POSTs sent \(.posts_sent), answered 200 \(.posts_acknowledged) (unanswered \(.posts_unacknowledged)); turns \(.turns) = \(.turns_per_second) turns/s over \(.posting_seconds) s",
            "   CPU while posting: host \(.server_cpu_pct | floor)% (\(if .server_cpu_us_per_turn then (.server_cpu_us_per_turn | floor) else "-" end) µs per turn), machine \(.machine_cpu_pct | floor)% of \(.cores * 100)% (the rest: wrk and other processes)",
            "   wrk errors: connect \(.wrk_errors.connect), read \(.wrk_errors.read), write \(.wrk_errors.write), timeout \(.wrk_errors.timeout), status \(.wrk_errors.status); POST answers with a damaged body \(.malformed_post_answers)",
            "   delivered: sum of final watermarks \(.watermarks) = \(.posts_acknowledged) echoes + \(.bot_activities_delivered) bot activities; conversations started \(.conversations_started)",
            "   expected stored = \(.watermarks) + \(.conversations_started) = \(.expected); stored \(.stored): \(if .stored_equals_expected then "equal" else "NOT EQUAL (\(.stored - .expected))" end)",
            "   stored by direction:type: \(.stored_by_direction_type | to_entries | map("\(.key)=\(.value)") | join(", "))",
            "   inbound messages stored \(.in_messages) vs POSTs answered 200 \(.posts_acknowledged): \(if .in_messages_equal_acknowledged then "equal" else "NOT EQUAL" end); acknowledged ids missing \(.acknowledged_ids_missing); conversations whose count differs \(.conversations_that_differ)",
            "   activities the polls brought back \(.polled_activities), of them not stored \(.polled_activities_missing)",
            "   after a clean stop: \(.stored_after_clean_stop) stored; integrity_check \(.integrity); errors the host logged: \(.host_errors_logged)"' "$OUT/load.json"
        echo "   => $( [[ "$LOAD_PASS" == true ]] && echo PASS || echo FAIL )"
    fi
    if [[ -n "$KILL_PASS" ]]; then
        echo
        if [[ "$HOSTS" == 2 ]]; then
            echo "2. SIGKILL of host A mid-load (kill -9 after ${KILL_AFTER}s, not restarted; ${AFTER_KILL}s more through nginx on host B), $ROUNDS rounds; store $PROVIDER"
        else
            echo "2. SIGKILL mid-load (kill -9 after ${KILL_AFTER}s), $ROUNDS rounds; store $PROVIDER"
        fi
        printf '   %-5s %7s %12s %10s %7s %7s %9s %7s %12s %7s %14s %8s %7s %9s %8s\n' round sent acknowledged unanswered found missing integrity stored stored-unack polled polled-missing turns/s restart new-turn resumed
        for round in $(seq "$ROUNDS"); do
            [[ -f "$OUT/kill-r$round.json" ]] || continue
            jq -r --arg r "$round" '[$r, .posts_sent, .acknowledged, .posts_unanswered, .found, .missing, .integrity, .stored, .in_messages_not_acknowledged, .polled_activities, .polled_activities_missing, .turns_per_second, (if .restart_errors_logged == 0 then "ok" else "\(.restart_errors_logged) errors" end), (if .new_turn_stored_after_restart then "stored" else "NOT STORED" end), "\(.conversations_resumed_after_restart)/\(.conversations_before_kill)"] | @tsv' "$OUT/kill-r$round.json" |
                awk -F'\t' '{ printf "   %-5s %7s %12s %10s %7s %7s %9s %7s %12s %7s %14s %8s %7s %9s %8s\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15 }'
        done
        for round in $(seq "$ROUNDS"); do
            [[ -f "$OUT/kill-r$round.json" ]] || continue
            jq -r --arg r "$round" '"   round \($r): loadavg at the start \(.loadavg_at_start); POSTs answered other than 200 \(.posts_answered_not_200); acknowledged stored twice \(.stored_more_than_once); POST p99 \(.post_ms.p99) ms; resumed conversations whose new POST is stored \(.resumed_posts_stored); errors logged by the killed host before the kill \(.killed_host_errors_logged); after the kill: \(.files_after_kill)\(if .in_messages_stored_after_kill != null then "; inbound messages stored after the kill (by host B) \(.in_messages_stored_after_kill)" else "" end)"' "$OUT/kill-r$round.json"
        done
        [[ "$HOSTS" != 2 ]] || echo "   (HOSTS=2: sent/acknowledged/turns/s cover the whole run, before and after the kill; restart = errors host B logged; new-turn and resumed went through nginx to host B)"
        echo "   sent = POSTs sent before the kill; unanswered = sent - acknowledged (in flight at the kill);"
        echo "   stored = activities in the store after the restart (before the new turn); stored-unack = inbound"
        echo "   messages stored whose 200 never reached wrk (handled, but the answer was lost with the process);"
        echo "   polled = activities the polls brought back before the kill (echoes and the bot's activities);"
        echo "   polled-missing = of those, not in the store (a poll can see an activity before its turn is"
        echo "   committed; not part of the pass condition, which is about acknowledged POSTs)"
        echo "   => $( [[ "$KILL_PASS" == true ]] && echo PASS || echo FAIL )"
    fi
    if [[ -n "$ROLLING_PASS" ]]; then
        echo
        echo "3. Rolling restart under load (SIGTERM of host A after ${KILL_AFTER}s, A started again, then host B the same; $CONNECTIONS conversations through nginx; store $PROVIDER)"
        jq -r '
            "   loadavg at the start: \(.loadavg_at_start); POSTs sent \(.posts_sent), answered 200 \(.acknowledged), answered other than 200 \(.posts_answered_not_200), unanswered \(.posts_unanswered) (in flight when wrk stopped, or past its timeout); inbound messages stored \(.in_messages_stored)",
            "   wrk errors: connect \(.wrk_errors.connect), read \(.wrk_errors.read), write \(.wrk_errors.write), timeout \(.wrk_errors.timeout), status \(.wrk_errors.status)",
            "   acknowledged and stored \(.found), missing \(.missing); activities the polls brought back \(.polled_activities), of them not stored \(.polled_activities_missing); pg_amcheck \(.integrity)",
            "   \(.turns) turns = \(.turns_per_second) turns/s; POST p50 \(.post_ms.p50) ms, p99 \(.post_ms.p99) ms",
            (.restarts[] | "   host \(.host): SIGTERM to exit \(.stop_ms) ms (exit status \(.exit_status)); answering /health again \(.back_ms) ms after the SIGTERM"),
            "   errors the hosts logged: \(.host_errors_logged)"' "$OUT/rolling.json"
        echo "   => $( [[ "$ROLLING_PASS" == true ]] && echo PASS || echo FAIL )"
    fi
    echo
    echo "Results: $OUT"
} | tee "$OUT/summary.txt"

STAGE=done
if [[ "$LOAD_PASS" == false || "$KILL_PASS" == false || "$ROLLING_PASS" == false ]]; then
    echo "FAIL" | tee -a "$OUT/summary.txt"
    exit 1
fi
echo "PASS" | tee -a "$OUT/summary.txt"
