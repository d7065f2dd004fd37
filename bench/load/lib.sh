# Shared by run.sh and experiments.sh (sourced): settings, starting and stopping a host, opening
# Direct Line conversations, one measured wrk run, and the summary table.
# shellcheck shell=bash

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
CONNECTIONS=${CONNECTIONS:-50}
THREADS=${THREADS:-$(nproc)}
DURATION=${DURATION:-30}
WARMUP=${WARMUP:-10}
WEB_PORT=${WEB_PORT:-5080}
BASE_PORT=${BASE_PORT:-5081}
ART="$HERE/.artifacts"
WEB_DLL="$ART/bin/FaqBot.Web/release/FaqBot.Web.dll"
BASE_DLL="$ART/bin/Baseline/release/Baseline.dll"
VARIANTS_DLL="$ART/bin/Variants/release/Variants.dll"
TICKS=$(getconf CLK_TCK)

for tool in wrk curl jq dotnet; do
    command -v "$tool" >/dev/null || { echo "$tool is not installed (wrk: apt-get install wrk)" >&2; exit 1; }
done
(( CONNECTIONS % THREADS == 0 )) || { echo "CONNECTIONS must be a multiple of THREADS" >&2; exit 1; }

# build <project>...: Release, into bench/load/.artifacts, so other builds in the repository
# (Debug, tests) neither disturb nor are disturbed by this one.
build() {
    local project
    for project in "$@"; do
        dotnet build "$project" -c Release --artifacts-path "$ART" -nologo -v q
    done
}

# build_unless_skipped <project>...: build, unless SKIP_BUILD=1 asks to reuse the last build.
build_unless_skipped() {
    if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
        echo "== Building (Release) into $ART"
        build "$@"
    fi
}

environment_info() {
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$ROOT" diff --quiet HEAD -- src 2>/dev/null || echo ' (src has uncommitted changes)')"
    echo "cpu: $(nproc) x $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)"
    echo "kernel: $(uname -sr)"
    echo "wrk: $(wrk -v 2>&1 | head -1)"
    echo "dotnet sdk: $(dotnet --version); runtime: $(dotnet --list-runtimes | awk '/Microsoft.AspNetCore.App/ { v = $2 } END { print "Microsoft.AspNetCore.App " v }')"
    echo "load: connections=$CONNECTIONS wrk threads=$THREADS duration=${DURATION}s warmup=${WARMUP}s"
    echo "garbage collector of every host: $(product_gc) (as src/FaqBot.Web is built)"
    echo "loadavg before: $(cut -d' ' -f1-3 /proc/loadavg)"
}

SERVER_PID=""
stop_server() {
    if [[ -n "$SERVER_PID" ]]; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
        SERVER_PID=""
    fi
}
trap stop_server EXIT

# product_gc: DOTNET_gcServer=1 when the built web host asks for the server garbage collector
# (ServerGarbageCollection in its project), else DOTNET_gcServer=0. Every host of a run is started
# with it, so the plain endpoint and the variants collect garbage the way the product does.
product_gc() {
    local config="${WEB_DLL%.dll}.runtimeconfig.json"
    if [[ "$(jq '.runtimeOptions.configProperties["System.GC.Server"] // false' "$config")" == true ]]; then
        echo DOTNET_gcServer=1
    else
        echo DOTNET_gcServer=0
    fi
}

# start_server <log name> <dll> <port> <working directory> [NAME=value...]: every host gets the
# same settings (Release build, Production environment, logging at Warning, the product's
# garbage collector, the runtime's other defaults such as tiered compilation with PGO) and rate
# limits high enough never to refuse the load (ChatTokensPerMinute is validated to at most
# 1,000,000). Extra NAME=value arguments are added to the environment (and win). START_TIMEOUT
# (seconds, default 60): how long to wait for /health.
start_server() {
    local name=$1 dll=$2 port=$3 dir=$4
    shift 4
    if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$port/"; then
        echo "something already listens on 127.0.0.1:$port; set WEB_PORT/BASE_PORT" >&2
        exit 1
    fi
    (
        cd "$dir"
        exec env ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production \
            Logging__LogLevel__Default=Warning "$(product_gc)" \
            RateLimits__DirectLinePerMinute=100000000 RateLimits__ChatTokensPerMinute=1000000 \
            "$@" dotnet "$dll" --urls "http://127.0.0.1:$port"
    ) >"$OUT/$name.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq $((${START_TIMEOUT:-60} * 5))); do
        if curl -sf -o /dev/null --max-time 1 "http://127.0.0.1:$port/health"; then
            return
        fi
        kill -0 "$SERVER_PID" 2>/dev/null || { echo "$name exited; see $OUT/$name.log" >&2; exit 1; }
        sleep 0.2
    done
    echo "$name did not answer /health within ${START_TIMEOUT:-60} s" >&2
    exit 1
}

# make_conversations <count> <file> <port>: what the clinic page does for each visitor: a token
# from /api/chat-token, then start the conversation (201; the bot sends its welcome), then the
# first poll, whose watermark the load loop starts from.
make_conversations() {
    local count=$1 file=$2 base="http://127.0.0.1:$3"
    : >"$file"
    for _ in $(seq "$count"); do
        local issued token conversation status mark
        issued=$(curl -sf -X POST "$base/api/chat-token")
        token=$(jq -r .token <<<"$issued")
        conversation=$(jq -r .conversationId <<<"$issued")
        status=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $token" \
            -H 'Content-Type: application/json' -d '{}' "$base/v3/directline/conversations")
        [[ "$status" == 201 ]] || { echo "starting a conversation answered $status" >&2; exit 1; }
        mark=$(curl -sf -H "Authorization: Bearer $token" "$base/v3/directline/conversations/$conversation/activities" | jq -r .watermark)
        echo "$token $conversation $mark" >>"$file"
    done
}

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
machine_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat; }

# load <label> <script> <port> <seconds> <result>: one wrk run against the running server, plus
# the CPU the server, wrk and the whole machine used meanwhile (what neither the server nor wrk
# used went to other processes). Writes <result>.json; Direct Line runs need LOAD_CONVERSATIONS.
load() {
    local label=$1 script=$2 port=$3 seconds=$4 result=$5
    local server0 server1 busy0 all0 busy1 all1 wrk_cpu gc0 gc1
    # Hosts of bench/load (not the product) report their garbage collector counters.
    gc0=$(curl -sf "http://127.0.0.1:$port/load/gc" || echo null)
    server0=$(cpu_ticks "$SERVER_PID")
    read -r busy0 all0 < <(machine_ticks)
    local TIMEFORMAT='%3U %3S'
    { time LOAD_RESULT="$result.wrk.json" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --timeout 2s --latency \
        -s "$HERE/$script" "http://127.0.0.1:$port/" -- "$((CONNECTIONS / THREADS))" >"$result.txt" 2>"$result.stderr"; } 2>"$result.time"
    server1=$(cpu_ticks "$SERVER_PID")
    read -r busy1 all1 < <(machine_ticks)
    wrk_cpu=$(awk '{ print $1 + $2 }' "$result.time")
    gc1=$(curl -sf "http://127.0.0.1:$port/load/gc" || echo null)
    jq --argjson gc0 "$gc0" --argjson gc1 "$gc1" --arg run "$label" --argjson server "$((server1 - server0))" --argjson busy "$((busy1 - busy0))" \
        --argjson all "$((all1 - all0))" --argjson wrk "$wrk_cpu" --argjson ticks "$TICKS" --argjson cores "$(nproc)" '
        (($server / $ticks) / .seconds * 100) as $server_pct
        | ($wrk / .seconds * 100) as $wrk_pct
        | ($busy / $all * $cores * 100) as $machine_pct
        | . + { "label": $run, cpu: {
            server_pct: $server_pct, wrk_pct: $wrk_pct, machine_pct: $machine_pct,
            other_pct: ([$machine_pct - $server_pct - $wrk_pct, 0] | max),
            server_us_per_request: (($server / $ticks) / .requests * 1e6),
            wrk_us_per_request: ($wrk / .requests * 1e6) } }
        | if $gc0 == null or $gc1 == null then . else . + { gc: {
            server: $gc1.server, gen0: ($gc1.gen0 - $gc0.gen0), gen1: ($gc1.gen1 - $gc0.gen1), gen2: ($gc1.gen2 - $gc0.gen2),
            pause_pct: (($gc1.pauseMs - $gc0.pauseMs) / (.seconds * 1000) * 100),
            kb_per_request: (($gc1.allocatedBytes - $gc0.allocatedBytes) / .requests / 1024),
            heap_mb_after: ($gc1.heapBytes / 1048576) } } end' "$result.wrk.json" >"$result.json"
}

# table <result.json>...: one row per measured run.
table() {
    printf '%-26s %8s %8s %6s %6s %6s %6s %6s %6s %7s %6s %6s %4s %7s %4s %4s %4s\n' \
        run 'req/s' 'turns/s' p50 p97.5 p99 p99.9 max wrk99 turn99 errors non2xx bad 'µs/req' srv% wrk% oth%
    local file
    for file in "$@"; do
        jq -r '
            [ .label, (.rps | floor), (if .turns > 0 then (.tps | floor) else "-" end),
              .latency_ms.p50, .latency_ms.p97_5, .latency_ms.p99, .latency_ms.p999, .latency_ms.max,
              .wrk_corrected_latency_ms.p99, (if .turns > 0 then .turn_ms.p99 else "-" end),
              (.errors.connect + .errors.read + .errors.write + .errors.timeout), .errors.status, .bad,
              (.cpu.server_us_per_request | floor), (.cpu.server_pct | floor), (.cpu.wrk_pct | floor), (.cpu.other_pct | floor) ]
            | @tsv' "$file" |
            awk -F'\t' '{ printf "%-26s %8s %8s %6.2f %6.2f %6.2f %6.2f %6.1f %6.2f %7s %6s %6s %4s %7s %4s %4s %4s\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17 }'
    done
    if jq -se 'any(.[]; has("gc"))' "$@" >/dev/null; then
        echo
        printf '%-26s %8s %8s %8s %8s %9s %8s %8s\n' run 'KB/req' 'gen0/s' 'gen1/s' 'gen2' 'pause%' 'heap MB' 'GC'
        for file in "$@"; do
            jq -r 'select(has("gc")) | [ .label, .gc.kb_per_request, (.gc.gen0 / .seconds), (.gc.gen1 / .seconds), .gc.gen2, .gc.pause_pct, .gc.heap_mb_after, (if .gc.server then "server" else "workstation" end) ] | @tsv' "$file" |
                awk -F'\t' '{ printf "%-26s %8.1f %8.1f %8.1f %8s %9.1f %8.0f %8s\n", $1, $2, $3, $4, $5, $6, $7, $8 }'
        done
    fi
    echo
    echo "Latencies in ms over every request (Direct Line: POSTs and GETs) as the wrk scripts timed them; wrk99 = p99"
    echo "after wrk's coordinated-omission correction; turn99 = p99 of a whole turn (POST + GET). errors = socket errors"
    echo "+ timeouts (2 s); non2xx = status >= 400; bad = calls without the expected answer (Direct Line: a turn without"
    echo "two 200s or without the bot's answer in the poll). µs/req = server CPU time per request; srv%/wrk%/oth% = CPU"
    echo "of the server, of wrk and of other processes during the run ($(nproc) cores = $(($(nproc) * 100))%). KB/req ="
    echo "allocated per request; pause% = share of the run the runtime was paused for GC (hosts of bench/load only)."
}

# failures <result.json>: socket errors, timeouts, non-2xx and bad answers.
failures() {
    jq '.errors.connect + .errors.read + .errors.write + .errors.timeout + .errors.status + .bad' "$1"
}

# wait_idle: with WAIT_IDLE=1 (for a shared machine), waits until other processes have left the
# cores at least 90% idle for two 5-second samples in a row (at most WAIT_IDLE_MAX=900 seconds).
# measure_plain and measure_directline also repeat a run that other processes disturbed.
wait_idle() {
    [[ "${WAIT_IDLE:-0}" == 1 ]] || return 0
    local quiet=0 waited=0 busy0 all0 busy1 all1
    while (( quiet < 2 )); do
        read -r busy0 all0 < <(machine_ticks)
        sleep 5
        read -r busy1 all1 < <(machine_ticks)
        waited=$((waited + 5))
        if (( (busy1 - busy0) * 10 <= (all1 - all0) )); then quiet=$((quiet + 1)); else quiet=0; fi
        if (( waited >= ${WAIT_IDLE_MAX:-900} )); then
            echo "   (the machine did not go idle within ${WAIT_IDLE_MAX:-900} s; measuring anyway)"
            return 0
        fi
    done
}

# disturbed <result.json>: true when other processes took more than 10% of one core during the
# measured run.
disturbed() {
    [[ "$(jq '.cpu.other_pct > 10' "$1")" == true ]]
}

# measure_plain <label> <result> [NAME=value...]: the plain endpoint, warm-up then measured run.
# With WAIT_IDLE=1 a run that other processes disturbed is repeated (up to 3 times in all).
measure_plain() {
    local label=$1 result=$2 attempt
    shift 2
    for attempt in 1 2 3; do
        wait_idle
        start_server "$label" "$BASE_DLL" "$BASE_PORT" "$(dirname "$BASE_DLL")" "$@"
        load "$label" plain.lua "$BASE_PORT" "$WARMUP" "$result-warmup"
        load "$label" plain.lua "$BASE_PORT" "$DURATION" "$result"
        stop_server
        [[ "${WAIT_IDLE:-0}" == 1 ]] && disturbed "$result.json" || break
        echo "   (other processes took CPU during the run; measuring again)"
    done
}

# measure_directline <label> <result> <dll> [NAME=value...]: a web host (started from the
# repository root, as `dotnet run` would be), fresh conversations for the warm-up and for the
# measured run. Repeated like measure_plain.
measure_directline() {
    local label=$1 result=$2 dll=$3 attempt
    shift 3
    for attempt in 1 2 3; do
        wait_idle
        start_server "$label" "$dll" "$WEB_PORT" "$ROOT" "$@"
        make_conversations "$CONNECTIONS" "$result-conversations-warmup.txt" "$WEB_PORT"
        make_conversations "$CONNECTIONS" "$result-conversations.txt" "$WEB_PORT"
        LOAD_CONVERSATIONS="$result-conversations-warmup.txt" load "$label" directline.lua "$WEB_PORT" "$WARMUP" "$result-warmup"
        LOAD_CONVERSATIONS="$result-conversations.txt" load "$label" directline.lua "$WEB_PORT" "$DURATION" "$result"
        stop_server
        [[ "${WAIT_IDLE:-0}" == 1 ]] && disturbed "$result.json" || break
        echo "   (other processes took CPU during the run; measuring again)"
    done
}
