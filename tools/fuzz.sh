#!/bin/bash
# libFuzzer runs of the parsers of untrusted files (docs/reliability.md):
#   tools/fuzz.sh [profile|recording|telemetry-file|all] [SECONDS per target]
#
# Builds the target with -sanitize=fuzzer,address (XRPERF_FUZZ=1 in
# Package.swift) into .build-fuzz, then runs it for SECONDS on a copy of its
# seed corpus, Tests/Fuzz/corpus/<target>: the inputs it finds on the way are
# thrown away unless FUZZ_KEEP=DIR names a folder to keep them in. A crash, a
# timeout (an input slower than 5 s) or an allocation over 2 GiB fails the
# run; the input is kept under build/fuzz/<target>/ and its path printed.
# FUZZ_ARGS adds libFuzzer options (e.g. FUZZ_ARGS=-jobs=2).
set -euo pipefail
which=${1:-all}
seconds=${2:-60}
root=$(cd "$(dirname "$0")/.." && pwd)
scratch=$root/.build-fuzz
swift=${SWIFT:-swift}
# lld: gold floods the log with "cannot export local symbol" for ASan's helpers.
flags=(-c release --scratch-path "$scratch" -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld)

product() {
    case $1 in
        profile) echo FuzzProfile ;;
        recording) echo FuzzRecording ;;
        telemetry-file) echo FuzzTelemetryFile ;;
        *) echo "fuzz.sh: unknown target '$1' (profile, recording, telemetry-file or all)" >&2; exit 64 ;;
    esac
}

case $which in
    all) targets=(profile recording telemetry-file) ;;
    *) product "$which" >/dev/null; targets=("$which") ;;
esac

for target in "${targets[@]}"; do
    XRPERF_FUZZ=1 "$swift" build "${flags[@]}" --product "$(product "$target")"
done
bin=$(XRPERF_FUZZ=1 "$swift" build "${flags[@]}" --show-bin-path)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
for target in "${targets[@]}"; do
    corpus=$work/$target
    artifacts=$root/build/fuzz/$target
    mkdir -p "$corpus" "$artifacts"
    cp "$root/Tests/Fuzz/corpus/$target"/* "$corpus"/
    log=$work/$target.log
    status=0
    started=$SECONDS
    # Leak checking stays off: the Swift runtime's metadata caches are
    # allocated once and never freed, which LeakSanitizer reports per input.
    ASAN_OPTIONS=detect_leaks=0:${ASAN_OPTIONS:-} SWIFT_BACKTRACE=enable=no \
        "$bin/$(product "$target")" "$corpus" -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 \
        -artifact_prefix="$artifacts/" -print_final_stats=1 ${FUZZ_ARGS:-} >"$log" 2>&1 || status=$?
    if [ -n "${FUZZ_KEEP:-}" ]; then
        mkdir -p "$FUZZ_KEEP/$target" && cp "$corpus"/* "$FUZZ_KEEP/$target"/
    fi
    # The last status line has the coverage; the final stats the executions.
    last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    cov=$(sed -n 's/.* cov: \([0-9]*\) ft: \([0-9]*\) corp: \([^ ]*\) .*/coverage \1 edges, \2 features, corpus \3/p' <<<"$last")
    echo "fuzz $target: ${runs:-?} executions in $((SECONDS - started)) s, $cov"
    if [ "$status" != 0 ]; then
        failed=1
        tail -40 "$log" >&2
        echo "fuzz $target: FAILED (libFuzzer exit $status); input kept in:" >&2
        ls -t "$artifacts"/{crash,timeout,oom,leak,slow-unit}-* 2>/dev/null | head -1 >&2 || true
    fi
done
exit $failed
