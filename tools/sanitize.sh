#!/bin/bash
# Integration runs of the layer and XrSim built with a sanitizer, through the
# real loader:   tools/sanitize.sh thread|address [FRAMES] [OUT_DIR]
#
# Builds the layer, XrSim and xrperf-loadgen with `swift build --sanitize=`
# (XRPERF_SANITIZE=1 in Package.swift) into .build-tsan / .build-asan, then
# runs loadgen single- and two-threaded (telemetry and recording on; again
# with upscaling at render scale 0.5; pipelined with a render thread that
# idles; the layer's Vulkan layer timing the app's submissions throughout), three loadgens at once, hello_xr and
# instance_churn (instances and sessions one after another in one process).
# hello_xr and the C host are not instrumented: the toolchain's shared
# sanitizer runtime is preloaded into them. Reports not matched by
# Tests/sanitizers/tsan.supp fail the run, as do leaks allocated outside the
# modules in Tests/sanitizers/leak-allocators.txt; all is left in OUT_DIR.
set -euo pipefail
kind=${1:?usage: sanitize.sh thread|address [frames] [out-dir]}
frames=${2:-300}
root=$(cd "$(dirname "$0")/.." && pwd)
case $kind in
    thread) short=tsan ;;
    address) short=asan ;;
    *) echo "sanitize.sh: kind must be thread or address" >&2; exit 64 ;;
esac
out=${3:-$root/build/sanitize-$short}
scratch=$root/.build-$short
swift=${SWIFT:-swift}

for product in XrApiLayer_xrperf XrSim xrperf-loadgen; do
    XRPERF_SANITIZE=1 "$swift" build --scratch-path "$scratch" --sanitize="$kind" --product "$product"
done
bin=$(XRPERF_SANITIZE=1 "$swift" build --scratch-path "$scratch" --sanitize="$kind" --show-bin-path)
toolchain=$(dirname "$(dirname "$(readlink -f "$(command -v swiftc)")")")
runtime=$(find "$toolchain/lib" -name "libclang_rt.$short-x86_64.so" | head -n 1)
[ -n "$runtime" ] || { echo "sanitize.sh: no libclang_rt.$short-x86_64.so under $toolchain/lib" >&2; exit 1; }
# The toolchain's TSan runtime intercepts libdispatch and needs it loaded too.
preload=$runtime
if nm -D "$runtime" | grep ' U _dispatch' >/dev/null; then preload="$preload $toolchain/lib/swift/linux/libdispatch.so"; fi

rm -rf "$out"
mkdir -p "$out/manifests" "$out/hosts"
chmod 700 "$out"
"$root/tools/render-manifest.sh" "$root/layers/XrApiLayer_xrperf.explicit.json.in" \
    "$out/manifests/explicit/XrApiLayer_xrperf.json" "$bin/libXrApiLayer_xrperf.so" 1
"$root/tools/render-manifest.sh" "$root/layers/xrsim_runtime.json.in" "$out/manifests/xrsim.json" "$bin/libXrSim.so" 1
# The layer's Vulkan layer too: the app's submissions are timed through it.
"$root/tools/render-manifest.sh" "$root/layers/VkLayer_xrperf_frame_timing.json.in" \
    "$out/manifests/vulkan/VkLayer_xrperf_frame_timing.json" "$bin/libXrApiLayer_xrperf.so" 1
gcc -std=c11 -O1 -g -I"$root/include" -o "$out/hosts/instance_churn" "$root/Tests/hosts/instance_churn.c" \
    -lopenxr_loader -lvulkan

if [ "$kind" = thread ]; then
    options="halt_on_error=0 exitcode=66 second_deadlock_stack=1 suppressions=$root/Tests/sanitizers/tsan.supp"
    options_var=TSAN_OPTIONS
else
    # Leaks are judged below by who allocated them; exitcode=0 leaves that to
    # the report check while a memory error still aborts with its own status.
    options="detect_leaks=1 exitcode=0 detect_odr_violation=0"
    options_var=ASAN_OPTIONS
fi

runtime_dir=$out/xdg
mkdir -p "$runtime_dir"
chmod 700 "$runtime_dir"
# The caller's own OpenXR setup never leaks in; recordings go to OUT_DIR.
base_env=(env -u XR_ENABLE_API_LAYERS -u XR_API_LAYER_PATH -u XRPERF_PROFILE -u XRPERF_TELEMETRY
    XR_RUNTIME_JSON="$out/manifests/xrsim.json" XR_API_LAYER_PATH="$out/manifests/explicit"
    VK_ADD_LAYER_PATH="$out/manifests/vulkan" XR_ENABLE_API_LAYERS=XR_APILAYER_XRPERF_performance XRSIM_CLOCK=virtual XRSIM_RESOLUTION=128x128
    XRPERF_LOG_LEVEL=info XDG_RUNTIME_DIR="$runtime_dir" XDG_CONFIG_HOME="$out/config" XDG_STATE_HOME="$out/state")

# Mesa's lavapipe keeps a little state it never frees (excused in
# Tests/sanitizers/leak-allocators.txt), but the Vulkan loader unloads it
# with the app's last VkInstance, and LeakSanitizer cannot name the module of
# a block allocated by code no longer mapped: a 128-byte block "from
# <unknown module>" then failed every loadgen run. Preloaded, lavapipe stays
# mapped until exit and its leaks keep its name.
keep_icd=""
if [ "$kind" = address ]; then keep_icd=$(ls /usr/lib/*/libvulkan_lvp.so 2>/dev/null | head -n1 || true); fi

failures=0
# run NAME PRELOAD(yes|no) EXTRA_ENV... -- COMMAND...
run() {
    local name=$1 preload_it=$2
    shift 2
    local extra=()
    while [ "$1" != -- ]; do extra+=("$1"); shift; done
    shift
    local command=(timeout 900) preloads=""
    # Only into the program: `timeout` itself must not load the runtime.
    [ "$preload_it" = no ] || preloads=$preload
    [ -z "$keep_icd" ] || preloads="$preloads $keep_icd"
    [ -z "$preloads" ] || command+=(env "LD_PRELOAD=${preloads# }")
    local start=$SECONDS status=0
    "${base_env[@]}" "${extra[@]}" XRPERF_RECORD="$out/$name-%p-%s.jsonl" \
        "$options_var=$options log_path=$out/$name.report" "${command[@]}" "$@" >"$out/$name.log" 2>&1 || status=$?
    report_result "$name" "$status" $((SECONDS - start))
}

report_result() {
    local name=$1 status=$2 seconds=$3 reports
    reports=$(find "$out" -maxdepth 1 -name "$name.report*" | sort)
    # A report holding only leaks allocated by the loader or Mesa passes.
    if [ -n "$reports" ] && ! grep -q -E "ERROR: AddressSanitizer|WARNING: ThreadSanitizer" $reports &&
        awk -v ALLOWED="$root/Tests/sanitizers/leak-allocators.txt" -f "$root/tools/sanitizer-leaks.awk" $reports >/dev/null; then
        for report in $reports; do mv "$report" "${report/.report/.foreign-leaks}"; done
        reports=""
    fi
    if [ "$status" -ne 0 ] || [ -n "$reports" ]; then
        echo "FAIL $name (exit $status, ${seconds}s): $out/$name.log" $reports
        [ -z "$reports" ] || grep -h -A30 -m3 -E "WARNING|ERROR: AddressSanitizer" $reports | head -n 80
        [ -z "$reports" ] || awk -v ALLOWED="$root/Tests/sanitizers/leak-allocators.txt" \
            -f "$root/tools/sanitizer-leaks.awk" $reports | head -n 40 || true
        tail -n 5 "$out/$name.log"
        failures=$((failures + 1))
    else
        echo "ok   $name (${seconds}s) $(grep -h -o 'frames=[0-9]* rendered=[0-9]*' "$out/$name.log" | tr '\n' ' ')"
    fi
}

loadgen=("$bin/xrperf-loadgen" --frames "$frames" --gpu-iterations 0)
run loadgen-1-thread no XRSIM_FRAMES=0 -- "${loadgen[@]}" --threads 1
run loadgen-2-threads no XRSIM_FRAMES=0 -- "${loadgen[@]}" --threads 2
run loadgen-pipelined-idle no XRSIM_FRAMES=0 -- "${loadgen[@]}" --pipelined --sim-cpu-ms 0.2 --render-cpu-ms 0.2 \
    --render-idle-ms 0.5
run loadgen-2-threads-upscale no XRSIM_FRAMES=0 XRPERF_RENDER_SCALE=0.5 -- "${loadgen[@]}" --threads 2
run loadgen-1-thread-upscale no XRSIM_FRAMES=0 XRPERF_RENDER_SCALE=0.5 -- "${loadgen[@]}" --threads 1 --swapchain-layout array
# Quad views with the focus following a scripted gaze: the layer's gaze
# action joins the app's actions, synced on the render thread.
run loadgen-2-threads-quad-gaze no XRSIM_FRAMES=0 XRPERF_FOVEATION=gaze XRSIM_EXTENSIONS=XR_EXT_eye_gaze_interaction \
    XRSIM_GAZE=0:10:5,20:-10:0 -- "${loadgen[@]}" --threads 2 --quad-views --foveated --actions
# The controller driving the app's render scale (META queries on the render
# thread, decisions in xrWaitFrame on the main one) with the divisor allowed.
run loadgen-2-threads-adaptive no XRSIM_FRAMES=0 XRPERF_FRAME_DIVISOR=true -- "${loadgen[@]}" --threads 2 --dynamic-resolution
# XrSim ends the session (STOPPING while a frame may be in flight on the render thread).
run loadgen-2-threads-runtime-ends no XRSIM_FRAMES="$frames" -- "$bin/xrperf-loadgen" --gpu-iterations 0 --threads 2

# Several processes at once, sharing one telemetry directory: the Debian
# loader (1.0.20) refuses a second live XrInstance in one process.
pids=()
for i in 1 2 3; do
    extra=(XRSIM_FRAMES=0)
    [ "$i" -ne 3 ] || extra+=(XRPERF_RENDER_SCALE=0.5)
    ( run "concurrent-$i" no "${extra[@]}" -- "${loadgen[@]}" --threads $(( i == 2 ? 1 : 2 )); exit "$failures" ) &
    pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid" || failures=$((failures + 1)); done

run instance-churn yes XRSIM_FRAMES=0 -- "$out/hosts/instance_churn" 10 5

# hello_xr quits when its stdin closes: hold a pipe open for it.
exec {stdin_fd}< <(sleep 1000)
holder=$!
run hello_xr yes XRSIM_FRAMES="$frames" -- /usr/bin/hello_xr -g Vulkan2 <&"$stdin_fd"
exec {stdin_fd}<&-
kill "$holder" 2>/dev/null || true

if [ "$failures" -ne 0 ]; then
    echo "sanitize.sh ($kind): $failures failed; logs and reports in $out" >&2
    exit 1
fi
echo "sanitize.sh ($kind): every run clean; logs in $out"
