#!/bin/bash
# bench-layer-overhead.sh BUILD_DIR [FRAMES]
#
# Benchmark protocol 2 (shared/BENCHMARK-PROTOCOL.md): the layer's CPU cost per
# frame. The frame-loop driver (Tests/hosts/instance_churn with one instance)
# runs FRAMES empty frames against XrSim's virtual clock (no sleeping, no
# rendering) without the layer and with it, under callgrind (instruction
# counts: repeatable whatever else the machine does) and memcheck (heap
# allocations). Each configuration runs twice, with FEW and FEW+FRAMES frames,
# and the difference is divided by FRAMES so start-up and shutdown cancel out.
# Then the cost per app submission of timing the app's GPU work: the
# submission driver (Tests/hosts/submit_loop) makes 4 vkQueueSubmit calls a
# frame and waits for its queue, without xrperf, with it (app GPU time as
# the begin-to-end span) and with its Vulkan layer on the app's instance
# (busy time: each submission bracketed). Under valgrind lavapipe's own work
# counts too: the bracket's two command buffers run on the CPU there.
set -euo pipefail
out=$1
frames=${2:-2000}
few=100
driver="$out/hosts/instance_churn"
submit_driver="$out/hosts/submit_loop"
submits=4
for tool in valgrind; do command -v $tool >/dev/null || { echo "$tool is missing (make deps)" >&2; exit 2; }; done
for host in "$driver" "$submit_driver"; do [ -x "$host" ] || { echo "missing $host: run make build" >&2; exit 2; }; done

runtime_dir=$(mktemp -d)
chmod 700 "$runtime_dir"
trap 'rm -rf "$runtime_dir"' EXIT
export XDG_RUNTIME_DIR="$runtime_dir" XR_RUNTIME_JSON="$out/manifests/xrsim.json" \
    XR_API_LAYER_PATH="$out/manifests/explicit" XRSIM_CLOCK=virtual XRSIM_LOG_LEVEL=error XRPERF_LOG_LEVEL=error

# The frame loop of the current rows: instance_churn (empty frames) or submit_loop.
loop=churn
host() {  # frames
    if [ "$loop" = churn ]; then echo "$driver" 1 "$1"; else echo "$submit_driver" "$1" "$submits"; fi
}

instructions() {  # frames, then env assignments
    local n=$1; shift
    env "$@" valgrind --tool=callgrind --callgrind-out-file=/dev/null $(host "$n") 2>&1 >/dev/null |
        awk '/Collected/ {print $4}'
}

allocations() {
    local n=$1; shift
    env "$@" valgrind --tool=memcheck $(host "$n") 2>&1 >/dev/null |
        awk '/total heap usage/ {gsub(",", "", $5); print $5}'
}

per_frame() {  # tool, env assignments
    local tool=$1; shift
    local a b
    a=$($tool $few "$@")
    b=$($tool $((few + frames)) "$@")
    echo $(( (b - a) / frames ))
}

printf '%-44s %14s %14s\n' "configuration ($frames frames)" "instr/frame" "allocs/frame"
row() {  # label, env assignments
    local label=$1; shift
    printf '%-44s %14s %14s\n' "$label" "$(per_frame instructions "$@")" "$(per_frame allocations "$@")"
}
row "without xrperf" XR_ENABLE_API_LAYERS=
row "xrperf, telemetry + GPU timing" XR_ENABLE_API_LAYERS=XR_APILAYER_XRPERF_performance
row "xrperf, telemetry, no GPU timing" XR_ENABLE_API_LAYERS=XR_APILAYER_XRPERF_performance XRPERF_GPU_TIMING=off
row "xrperf, telemetry off, no GPU timing" XR_ENABLE_API_LAYERS=XR_APILAYER_XRPERF_performance XRPERF_GPU_TIMING=off XRPERF_TELEMETRY=off
# Protocol 2 asks for the controller on: it decides every frame here (the
# frame divisor is its knob on this frame loop without rendering).
row "xrperf, telemetry + controller, no GPU timing" XR_ENABLE_API_LAYERS=XR_APILAYER_XRPERF_performance XRPERF_GPU_TIMING=off XRPERF_FRAME_DIVISOR=true
row "xrperf, telemetry + recording, no GPU timing" XR_ENABLE_API_LAYERS=XR_APILAYER_XRPERF_performance XRPERF_GPU_TIMING=off XRPERF_RECORD="$runtime_dir/bench.jsonl"

loop=submit
vulkan_layer=(VK_ADD_LAYER_PATH="$out/manifests/vulkan" VK_INSTANCE_LAYERS=VK_LAYER_XRPERF_frame_timing)
printf '\n%-44s %14s %14s\n' "$submits submissions a frame ($frames frames)" "instr/frame" "allocs/frame"
row "without xrperf" XR_ENABLE_API_LAYERS=
row "xrperf, app GPU time as the span" XR_ENABLE_API_LAYERS=XR_APILAYER_XRPERF_performance
row "xrperf + Vulkan layer, busy time" XR_ENABLE_API_LAYERS=XR_APILAYER_XRPERF_performance "${vulkan_layer[@]}"
row "Vulkan layer alone (no OpenXR layer)" XR_ENABLE_API_LAYERS= "${vulkan_layer[@]}"
