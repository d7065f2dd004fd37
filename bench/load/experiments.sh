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
# says otherwise. ONLY="plain canned ..." runs some of them (names as in the list of results:
# plain plain-othergc product variants canned bare canned-bare keep50 othergc).
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

if [[ "$(product_gc)" == DOTNET_gcServer=1 ]]; then other=DOTNET_gcServer=0 other_name="workstation GC"; else other=DOTNET_gcServer=1 other_name="server GC"; fi
ONLY=${ONLY:-plain plain-othergc product variants canned bare canned-bare keep50 othergc}
files=()
# experiment <file> <label> plain|<dll> [NAME=value...]: runs it when ONLY names it.
experiment() {
    local file=$1 label=$2 host=$3
    shift 3
    [[ " $ONLY " == *" $file "* ]] || return 0
    echo "== $label"
    if [[ "$host" == plain ]]; then
        measure_plain "$label" "$OUT/$file" "$@"
    else
        measure_directline "$label" "$OUT/$file" "$host" "$@"
    fi
    files+=("$OUT/$file.json")
}
experiment plain "plain" plain
experiment plain-othergc "plain, $other_name" plain "$other"
experiment product "product" "$WEB_DLL"
experiment variants "variants host" "$VARIANTS_DLL"
experiment canned "canned bot" "$VARIANTS_DLL" LOAD_VARIANT=canned-bot
experiment bare "no middleware" "$VARIANTS_DLL" LOAD_VARIANT=no-middleware
experiment canned-bare "canned, no middleware" "$VARIANTS_DLL" LOAD_VARIANT=canned-bot,no-middleware
experiment keep50 "keep 50 activities" "$VARIANTS_DLL" DirectLine__MaxActivitiesKept=50
experiment othergc "variants, $other_name" "$VARIANTS_DLL" "$other"

{
    echo "loadavg after: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
    table "${files[@]}"
    echo
    for file in "${files[@]}"; do
        [[ -f "$OUT/plain.json" && "$(jq .turns "$file")" != 0 ]] || continue
        jq -rs '.[0] as $p | .[1] as $d
            | "\($d.label): turns/s / plain req/s = \($d.tps / $p.rps * 1000 | floor / 10)%; server CPU per turn = \($d.cpu.server_us_per_request * 2 | floor) µs (plain request: \($p.cpu.server_us_per_request | floor) µs)"' \
            "$OUT/plain.json" "$file"
    done
    if [[ -f "$OUT/plain-othergc.json" && -f "$OUT/othergc.json" ]]; then
        jq -rs '.[0] as $p | .[1] as $d
            | "\($d.label) against \($p.label): turns/s / plain req/s = \($d.tps / $p.rps * 1000 | floor / 10)%"' \
            "$OUT/plain-othergc.json" "$OUT/othergc.json"
    fi
} | tee "$OUT/summary.txt"

status=0
for file in "${files[@]}"; do
    [[ "$(failures "$file")" == 0 ]] || status=1
done
echo "Results: $OUT"
exit $status
