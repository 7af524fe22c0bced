#!/bin/bash
# demo.sh BUILD_DIR SECONDS: hello_xr (Vulkan2) on XrSim in real time, through
# the real loader with xrperf enabled, then what the layer saw.
set -euo pipefail
out=$1 seconds=$2
hz=${XRSIM_REFRESH_HZ:-90}
frames=$((seconds * hz))
runtime_dir=$(mktemp -d)
chmod 700 "$runtime_dir"
log="$runtime_dir/demo.log"
results="$out/demo"
mkdir -p "$results"
recording="$results/hello_xr.jsonl"
trap 'rm -rf "$runtime_dir"' EXIT

echo "== hello_xr -g Vulkan2 on XrSim (${XRSIM_RESOLUTION:-512x512} per eye, ${hz} Hz, ${frames} frames) with xrperf"
# hello_xr runs until its stdin gives a byte or EOF; XrSim ends the session
# after XRSIM_FRAMES frames. The sleeping writer only guards against a hang:
# its EOF stops hello_xr if the runtime never ends the session.
mkfifo "$runtime_dir/stdin"
sleep $((seconds + 60)) >"$runtime_dir/stdin" &
feeder=$!
set +e
env \
    XDG_RUNTIME_DIR="$runtime_dir" \
    XR_RUNTIME_JSON="$out/manifests/xrsim.json" \
    XR_API_LAYER_PATH="$out/manifests/explicit" \
    XR_ENABLE_API_LAYERS=XR_APILAYER_XRPERF_performance \
    XRSIM_CLOCK=realtime XRSIM_FRAMES="$frames" XRSIM_REFRESH_HZ="$hz" \
    XRSIM_RESOLUTION="${XRSIM_RESOLUTION:-512x512}" XRSIM_LOG_LEVEL=info \
    XRPERF_LOG_LEVEL=info XRPERF_RECORD="$recording" \
    hello_xr -g Vulkan2 <"$runtime_dir/stdin" >"$log" 2>"$log.stderr"
status=$?
kill $feeder 2>/dev/null || true
set -e
echo "== what xrperf saw"
# The layer and XrSim log to stderr, hello_xr to stdout: kept apart so that
# lines never interleave.
grep -E '^\[xrperf\]' "$log.stderr" || echo "(the layer logged nothing: was it loaded?)"
echo "== what XrSim counted"
grep -E '^\[xrsim\] session ended' "$log.stderr" || true
if [ $status -ne 0 ]; then
    echo "hello_xr exited with status $status; its last lines:" >&2
    tail -n 30 "$log" "$log.stderr" >&2
    exit $status
fi

echo "== xrperf report $recording"
"$out/bin/xrperf" report "$recording"
"$out/bin/xrperf" plot "$recording" --out "$results/hello_xr.svg" >/dev/null

# xrperf-loadgen: a GPU load that steps from 70% to 130% of the period and
# back (measured on this machine), once with the controller setting its
# render scale through XR_META_recommended_layer_resolution, once without.
schedule="$results/load.schedule"
"$(dirname "$0")/closed-loop-schedule.sh" "$out/bin" "$out/manifests" "$schedule" "$hz" >/dev/null
for mode in controlled uncontrolled; do
    controller=true
    [ "$mode" = uncontrolled ] && controller=false
    echo
    echo "== xrperf-loadgen on XrSim (256x256 per eye, ${hz} Hz, GPU load 70% -> 130% -> 70% of the period), controller $controller"
    env \
        XDG_RUNTIME_DIR="$runtime_dir" XDG_STATE_HOME="$runtime_dir/state-$mode" \
        XR_RUNTIME_JSON="$out/manifests/xrsim.json" \
        XR_API_LAYER_PATH="$out/manifests/explicit" \
        XR_ENABLE_API_LAYERS=XR_APILAYER_XRPERF_performance XRPERF_CONTROLLER=$controller \
        XRSIM_CLOCK=realtime XRSIM_FRAMES=0 XRSIM_REFRESH_HZ="$hz" XRSIM_RESOLUTION=256x256 \
        XRPERF_RECORD="$results/loadgen-$mode.jsonl" \
        "$out/bin/xrperf-loadgen" --frames 540 --dynamic-resolution --schedule "$schedule"
    echo "== xrperf report $results/loadgen-$mode.jsonl"
    "$out/bin/xrperf" report "$results/loadgen-$mode.jsonl"
    echo "== xrperf closed-loop (load up at frame 180, down at 360)"
    "$out/bin/xrperf" closed-loop "$results/loadgen-$mode.jsonl" --up 180 --down 360
done
"$out/bin/xrperf" plot "$results/loadgen-controlled.jsonl" --out "$results/loadgen-controlled.svg" >/dev/null
echo
echo "frame-time charts: $results/hello_xr.svg $results/loadgen-controlled.svg"
