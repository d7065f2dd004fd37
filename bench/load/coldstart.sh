#!/usr/bin/env bash
# Cold start of the web host (src/FaqBot.Web, Release): seconds from launching the process to
# /health answering and to the first Direct Line answer, with an empty data folder (the vector
# store holds nothing: the safety examples are encoded) and again on the same folder (vectors
# read from the store), and without the encoder and the semantic layer for comparison. See docs/performance.md, "Cold start".
#
#   bench/load/coldstart.sh
#
# Settings (environment): ROUNDS=3 (starts per case), WEB_PORT=5080, SKIP_BUILD=1 to reuse the last
# build. Results go to bench/load/results/<UTC time>-coldstart/ (summary.txt, server logs).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ROUNDS=${ROUNDS:-3}
OUT="$HERE/results/$(date -u +%Y%m%dT%H%M%SZ)-coldstart"
mkdir -p "$OUT"
build_unless_skipped "$ROOT/src/FaqBot.Web/FaqBot.Web.csproj"
environment_info >"$OUT/environment.txt"

now() { date +%s.%N; }

# first_answer <port>: one visitor's first question, answered (the bot's reply seen in a poll).
first_answer() {
    local base="http://127.0.0.1:$1" issued token conversation
    issued=$(curl -sf -X POST "$base/api/chat-token")
    token=$(jq -r .token <<<"$issued")
    conversation=$(jq -r .conversationId <<<"$issued")
    curl -sf -o /dev/null -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d '{}' "$base/v3/directline/conversations"
    curl -sf -o /dev/null -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
        -d '{"type":"message","from":{"id":"visitor"},"text":"Can I drive home after my infusion?"}' \
        "$base/v3/directline/conversations/$conversation/activities"
    for _ in $(seq 100); do
        if curl -sf -H "Authorization: Bearer $token" "$base/v3/directline/conversations/$conversation/activities" \
            | jq -e "[.activities[] | select(.type == \"message\" and .from.id != \"visitor\")] | length >= 2" >/dev/null; then
            return
        fi
        sleep 0.05
    done
    echo "no answer to the first question" >&2
    exit 1
}

# one_start <label> <data folder> [NAME=value...]
one_start() {
    local label=$1 data=$2 t0 t1 t2
    shift 2
    t0=$(now)
    start_server "${label// /-}" "$WEB_DLL" "$WEB_PORT" "$ROOT" Storage__DataPath="$data" "$@"
    t1=$(now)
    first_answer "$WEB_PORT"
    t2=$(now)
    stop_server
    printf '%-32s health %6.2f s   first answer %6.2f s\n' "$label" "$(bc <<<"$t1 - $t0")" "$(bc <<<"$t2 - $t0")"
}

{
    for round in $(seq "$ROUNDS"); do
        data=$(mktemp -d)
        one_start "r$round empty data folder" "$data"
        one_start "r$round vectors in the store" "$data"
        one_start "r$round without encoder and layer" "$data" Safety__Semantic__Enabled=false Embeddings__Model=None
        rm -rf "$data"
    done
} | tee "$OUT/summary.txt"
