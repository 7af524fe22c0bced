#!/bin/bash
# Soak: xrperf-loadgen through the layer on XrSim's virtual clock for FRAMES
# frames (two threads, telemetry, recording and the controller on, tiny GPU
# load), sampling the process's resident memory (VmRSS) every INTERVAL seconds.
#   tools/soak.sh BIN_DIR [FRAMES=150000] [OUT_DIR=build/soak] [INTERVAL=0.2] [MAX_GROWTH_KB=512]
# BIN_DIR holds libXrApiLayer_xrperf.so, libXrSim.so and xrperf-loadgen.
# Fails when the run fails or when the largest sample of the last quarter
# exceeds the largest of the first quarter after warm-up (the first third of
# the samples: with the controller changing the app's render size every
# frame, resident memory keeps settling for about 30,000 frames, caches of
# the driver for each size) by more than MAX_GROWTH_KB. Writes OUT_DIR/rss.csv and prints
#   soak: frames=F seconds=S samples=N rss_kb start=A end=B max=C warm_max=D last_max=E growth_kb=G
set -euo pipefail
bin=$(cd "${1:?usage: soak.sh BIN_DIR [frames] [out-dir] [interval] [max-growth-kb]}" && pwd)
frames=${2:-150000}
root=$(cd "$(dirname "$0")/.." && pwd)
out=${3:-$root/build/soak}
interval=${4:-0.2}
max_growth_kb=${5:-512}

rm -rf "$out"
mkdir -p "$out/xdg"
chmod 700 "$out" "$out/xdg"
"$root/tools/render-manifest.sh" "$root/layers/XrApiLayer_xrperf.explicit.json.in" \
    "$out/manifests/explicit/XrApiLayer_xrperf.json" "$bin/libXrApiLayer_xrperf.so" 1
"$root/tools/render-manifest.sh" "$root/layers/xrsim_runtime.json.in" "$out/manifests/xrsim.json" "$bin/libXrSim.so" 1
# The layer's Vulkan layer too: the app's submissions are timed through it.
"$root/tools/render-manifest.sh" "$root/layers/VkLayer_xrperf_frame_timing.json.in" \
    "$out/manifests/vulkan/VkLayer_xrperf_frame_timing.json" "$bin/libXrApiLayer_xrperf.so" 1

start=$SECONDS
env -u XR_ENABLE_API_LAYERS -u XRPERF_PROFILE -u XRPERF_TELEMETRY -u XRPERF_LOG_FILE \
    XR_RUNTIME_JSON="$out/manifests/xrsim.json" XR_API_LAYER_PATH="$out/manifests/explicit" \
    VK_ADD_LAYER_PATH="$out/manifests/vulkan" XR_ENABLE_API_LAYERS=XR_APILAYER_XRPERF_performance XRSIM_CLOCK=virtual XRSIM_FRAMES=0 \
    XRSIM_RESOLUTION=64x64 XRPERF_CONTROLLER=on XRPERF_FRAME_DIVISOR=true XRPERF_RECORD="$out/recording.jsonl" \
    XRPERF_LOG_LEVEL=info XDG_RUNTIME_DIR="$out/xdg" XDG_CONFIG_HOME="$out/config" XDG_STATE_HOME="$out/state" \
    "$bin/xrperf-loadgen" --frames "$frames" --gpu-iterations 0 --threads 2 --dynamic-resolution \
    >"$out/loadgen.log" 2>&1 &
pid=$!
echo "unix_seconds,rss_kb" >"$out/rss.csv"
while kill -0 "$pid" 2>/dev/null; do
    rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)
    [ -z "$rss" ] || echo "$(date +%s.%N),$rss" >>"$out/rss.csv"
    sleep "$interval"
done
status=0
wait "$pid" || status=$?
seconds=$((SECONDS - start))
# The controller must really run (it does only when it has a knob to turn:
# here the app's dynamic resolution and the frame divisor), and so must the
# upscaling pass that takes the app's rects back to full size.
if ! grep -q "adaptive quality on" "$out/loadgen.log" || ! grep -q "upscaled to" "$out/loadgen.log"; then
    echo "soak: the controller or the upscaling pass did not run:" >&2
    grep '\[xrperf\]' "$out/loadgen.log" | head -n 20 >&2
    exit 1
fi
if [ "$status" -ne 0 ] || ! grep -q "frames=$frames " "$out/loadgen.log"; then
    echo "soak: loadgen failed (exit $status):" >&2
    tail -n 20 "$out/loadgen.log" >&2
    exit 1
fi

# The recording (~470 bytes a frame) is only checked for completeness, and
# that the Vulkan layer timed the app's submissions (its splice is on the path).
recorded=$(wc -l <"$out/recording.jsonl")
grep -q '"gpu_busy"' "$out/recording.jsonl" || { echo "soak: no frame was timed by the Vulkan layer (gpu_busy)" >&2; exit 1; }
rm -f "$out/recording.jsonl"
[ "$recorded" -gt "$frames" ] || { echo "soak: the recording holds $recorded lines for $frames frames" >&2; exit 1; }

awk -F, -v frames="$frames" -v seconds="$seconds" -v limit="$max_growth_kb" '
    NR > 1 { rss[n++] = $2 }
    END {
        if (n < 8) { print "soak: only " n " RSS samples; run longer or sample more often"; exit 1 }
        warm = int(n / 3); quarter = int((n - warm) / 4)
        for (i = 0; i < n; i++) if (rss[i] > max) max = rss[i]
        for (i = warm; i < warm + quarter; i++) if (rss[i] > warm_max) warm_max = rss[i]
        for (i = n - quarter; i < n; i++) if (rss[i] > last_max) last_max = rss[i]
        growth = last_max - warm_max
        printf "soak: frames=%d seconds=%d samples=%d rss_kb start=%d end=%d max=%d warm_max=%d last_max=%d growth_kb=%d\n",
            frames, seconds, n, rss[0], rss[n - 1], max, warm_max, last_max, growth
        if (growth > limit) { print "soak: resident memory grew by " growth " KB (limit " limit ")"; exit 1 }
    }' "$out/rss.csv"
