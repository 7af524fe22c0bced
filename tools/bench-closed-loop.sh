#!/bin/bash
# bench-closed-loop.sh BUILD_DIR: protocol 4 of the benchmark. xrperf-loadgen
# on XrSim in real time (90 Hz, 256x256 per eye) with a GPU load stepping from
# 70% to 130% of the period and back twice, once with the controller setting
# its render scale (XR_META_recommended_layer_resolution) and once without;
# `xrperf closed-loop` reads both recordings.
set -euo pipefail
out=$1
results="$out/closed-loop"
mkdir -p "$results"
runtime_dir=$(mktemp -d)
chmod 700 "$runtime_dir"
trap 'rm -rf "$runtime_dir"' EXIT
steps=$("$(dirname "$0")/closed-loop-schedule.sh" "$out/bin" "$out/manifests" "$results/load.schedule")
up=${steps#up=}; up=${up%% *}; down=${steps##*down=}
echo "== schedule ($results/load.schedule)"
cat "$results/load.schedule"
for mode in controlled uncontrolled; do
    controller=true
    [ "$mode" = uncontrolled ] && controller=false
    env XDG_RUNTIME_DIR="$runtime_dir" XDG_STATE_HOME="$runtime_dir/state-$mode" \
        XR_RUNTIME_JSON="$out/manifests/xrsim.json" XR_API_LAYER_PATH="$out/manifests/explicit" \
        XR_ENABLE_API_LAYERS=XR_APILAYER_XRPERF_performance XRPERF_CONTROLLER=$controller \
        XRPERF_RECORD="$results/$mode.jsonl" XRSIM_CLOCK=realtime XRSIM_REFRESH_HZ=90 XRSIM_RESOLUTION=256x256 \
        XRSIM_FRAMES=0 \
        "$out/bin/xrperf-loadgen" --frames 900 --dynamic-resolution --schedule "$results/load.schedule" \
        >"$results/$mode.out" 2>"$results/$mode.err"
    echo
    echo "== $mode: $(tail -n 1 "$results/$mode.out")"
    args=()
    for frame in ${up//,/ }; do args+=(--up "$frame"); done
    for frame in ${down//,/ }; do args+=(--down "$frame"); done
    "$out/bin/xrperf" closed-loop "$results/$mode.jsonl" "${args[@]}" | tee "$results/$mode.txt"
    "$out/bin/xrperf" closed-loop "$results/$mode.jsonl" "${args[@]}" --json >"$results/$mode.json"
done
python3 - "$results" <<'PY'
import json, sys
d = sys.argv[1]
c = json.load(open(f"{d}/controlled.json")); u = json.load(open(f"{d}/uncontrolled.json"))
ratio = c["missRate"] / u["missRate"] if u["missRate"] > 0 else float("nan")
print()
print(f"miss rate: controlled {c['missRate']:.2%}, uncontrolled {u['missRate']:.2%}, ratio {ratio:.2f} (target <= 0.33)")
median = c.get("recoveryFramesMedian")
missed = any(s.get("firstMiss") is not None for s in c["up"])
print("recovery median: " + (f"{median:g} frame{'' if median == 1 else 's'}" if median is not None else "never back under budget" if missed else "no miss after a step up") + " (target <= 3)")
print("full quality after the step down: " + ", ".join(
    (f"{s['secondsToFullQuality']:.2f} s" if s.get("secondsToFullQuality") is not None else "never")
    + f" / {s['reversals']} reversals" for s in c["down"]) + " (target <= 2 s)")
print(f"mean render scale: controlled {c['meanRenderScale']:.3f}, uncontrolled {u['meanRenderScale']:.3f}")
PY
"$out/bin/xrperf" plot "$results/controlled.jsonl" --out "$results/controlled.svg" >/dev/null
echo "chart: $results/controlled.svg"
