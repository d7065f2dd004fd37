#!/usr/bin/env bash
# Where a Direct Line turn's time goes: the post-and-poll loop of run.sh against variants of the
# web host, each in a fresh process, with the plain endpoint measured first in the same run.
#
#   bench/load/experiments.sh
#
#   plain                   bench/load/Baseline, as run.sh measures it
#   plain, other GC         the same with the other garbage collector (workstation <-> server)
#   product                 src/FaqBot.Web, as run.sh measures it
#   variants host           bench/load/Variants composed like the product; it also reports its
#                           garbage collector counters, so the runs below use it
#   canned bot              the FAQ bot replaced by one sending typing and a fixed real answer
#   no middleware           no exception handler, status pages, static files, CORS, rate limiter
#   canned, no middleware   both
#   keep 50 activities      DirectLine__MaxActivitiesKept=50 (default 500)
#   other GC                the variants host with the other garbage collector
#
# Every host runs with the product's garbage collector (see product_gc in lib.sh) unless a run
# says otherwise.
# Same settings as run.sh (CONNECTIONS, THREADS, DURATION, WARMUP, ports, SKIP_BUILD, WAIT_IDLE). Exit status
# 1 when any request failed.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
OUT="$HERE/results/experiments-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    echo "== Building (Release) into $ART"
    build "$ROOT/src/FaqBot.Web/FaqBot.Web.csproj" "$HERE/Baseline/Baseline.csproj" "$HERE/Variants/Variants.csproj"
fi
environment_info | tee "$OUT/environment.txt"

echo "== plain"
measure_plain "plain" "$OUT/plain"
if [[ "$(product_gc)" == DOTNET_gcServer=1 ]]; then other=DOTNET_gcServer=0 other_name="workstation GC"; else other=DOTNET_gcServer=1 other_name="server GC"; fi
echo "== plain, $other_name"
measure_plain "plain, $other_name" "$OUT/plain-othergc" "$other"
run() {
    local label=$1 file=$2
    shift 2
    echo "== $label"
    measure_directline "$label" "$OUT/$file" "$@"
}
run "product" product "$WEB_DLL"
run "variants host" variants "$VARIANTS_DLL"
run "canned bot" canned "$VARIANTS_DLL" LOAD_VARIANT=canned-bot
run "no middleware" bare "$VARIANTS_DLL" LOAD_VARIANT=no-middleware
run "canned, no middleware" canned-bare "$VARIANTS_DLL" LOAD_VARIANT=canned-bot,no-middleware
run "keep 50 activities" keep50 "$VARIANTS_DLL" DirectLine__MaxActivitiesKept=50
run "variants, $other_name" othergc "$VARIANTS_DLL" "$other"

files=("$OUT/plain.json" "$OUT/plain-othergc.json" "$OUT/product.json" "$OUT/variants.json" "$OUT/canned.json"
    "$OUT/bare.json" "$OUT/canned-bare.json" "$OUT/keep50.json" "$OUT/othergc.json")
{
    echo "loadavg after: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
    table "${files[@]}"
    echo
    for file in "${files[@]:2}"; do
        jq -rs '.[0] as $p | .[1] as $d
            | "\($d.label): turns/s / plain req/s = \($d.tps / $p.rps * 1000 | floor / 10)%; server CPU per turn = \($d.cpu.server_us_per_request * 2 | floor) µs (plain request: \($p.cpu.server_us_per_request | floor) µs)"' \
            "$OUT/plain.json" "$file"
    done
    jq -rs '.[0] as $p | .[1] as $d
        | "\($d.label) against \($p.label): turns/s / plain req/s = \($d.tps / $p.rps * 1000 | floor / 10)%"' \
        "$OUT/plain-othergc.json" "$OUT/othergc.json"
} | tee "$OUT/summary.txt"

status=0
for file in "${files[@]}"; do
    [[ "$(failures "$file")" == 0 ]] || status=1
done
echo "Results: $OUT"
exit $status
