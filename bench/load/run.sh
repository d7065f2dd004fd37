#!/usr/bin/env bash
# Load test on loopback: the Direct Line post-and-poll loop of src/FaqBot.Web against a plain
# Kestrel endpoint (bench/load/Baseline), one after the other, measured with wrk at the same
# concurrency. See docs/performance.md, "Load: Direct Line post-and-poll vs plain Kestrel".
#
#   bench/load/run.sh
#
# Settings (environment): CONNECTIONS=50 (= Direct Line conversations), THREADS=<cores> (wrk
# threads; CONNECTIONS must be a multiple), DURATION=30 and WARMUP=10 (seconds per endpoint),
# ROUNDS=1 (each round measures the plain endpoint, then Direct Line, each in a freshly started
# process), WEB_PORT=5080, BASE_PORT=5081, SKIP_BUILD=1 to reuse the last build, WAIT_IDLE=1 to
# wait before each endpoint until other processes leave the cores idle (a shared machine).
# Results go to bench/load/results/<UTC time>/ (summary.txt, one JSON per run, wrk's output,
# server logs).
#
# Exit status: 0, or 1 when any request failed (socket errors, timeouts, non-2xx, or a Direct Line
# turn whose poll did not bring the bot's answer). The targets (turns/s >= 40% of the plain
# requests/s, p99 < 20 ms) are printed as met or missed; REQUIRE_TARGETS=1 makes a miss exit 2.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ROUNDS=${ROUNDS:-1}
OUT="$HERE/results/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"

build_unless_skipped "$ROOT/src/FaqBot.Web/FaqBot.Web.csproj" "$HERE/Baseline/Baseline.csproj"
{ environment_info; echo "rounds: $ROUNDS"; } | tee "$OUT/environment.txt"

for round in $(seq "$ROUNDS"); do
    echo "== Round $round: plain Kestrel endpoint (bench/load/Baseline) on port $BASE_PORT"
    measure_plain "r$round plain" "$OUT/r$round-plain"
    echo "== Round $round: Direct Line post-and-poll (src/FaqBot.Web) on port $WEB_PORT"
    measure_directline "r$round directline" "$OUT/r$round-directline" "$WEB_DLL"
done

status=0
targets=0
{
    echo "loadavg after: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
    files=()
    for round in $(seq "$ROUNDS"); do
        files+=("$OUT/r$round-plain.json" "$OUT/r$round-directline.json")
    done
    table "${files[@]}"
    echo
    for round in $(seq "$ROUNDS"); do
        jq -rs --arg round "$round" '
            .[0] as $p | .[1] as $d
            | "round \($round): Direct Line turns/s / plain req/s = \($d.tps | floor) / \($p.rps | floor) = \($d.tps / $p.rps * 1000 | floor / 10)% (target >= 40%); "
              + "req/s / req/s = \($d.rps / $p.rps * 1000 | floor / 10)%; Direct Line p99 = \($d.latency_ms.p99) ms (target < 20 ms)"' \
            "$OUT/r$round-plain.json" "$OUT/r$round-directline.json"
    done
} | tee "$OUT/summary.txt"

for round in $(seq "$ROUNDS"); do
    for name in plain directline; do
        [[ "$(failures "$OUT/r$round-$name.json")" == 0 ]] || status=1
    done
    met=$(jq -s '(.[1].tps / .[0].rps >= 0.4) and (.[1].latency_ms.p99 < 20)' "$OUT/r$round-plain.json" "$OUT/r$round-directline.json")
    [[ "$met" == true ]] || targets=1
done

echo "Results: $OUT"
if [[ $status != 0 ]]; then
    echo "FAILED: some requests failed (see the errors, non2xx and bad columns)" | tee -a "$OUT/summary.txt"
    exit 1
fi
if [[ $targets != 0 ]]; then
    echo "Targets missed in at least one round; no request failed." | tee -a "$OUT/summary.txt"
    [[ "${REQUIRE_TARGETS:-0}" == 1 ]] && exit 2
else
    echo "Targets met in every round; no request failed." | tee -a "$OUT/summary.txt"
fi
exit 0
