#!/bin/bash
# bench-foveation.sh BUILD_DIR [RESOLUTION] [FRAMES]: what quad views save.
# xrperf-loadgen (GPU cost proportional to the pixels it renders) on XrSim,
# through xrperf, once in stereo at full density and once in quad views at
# the default densities (periphery 0.5, focus 1.0 over 0.4 of each axis,
# fixed focus); app GPU time from the layer's recordings, median of the
# frames after the first 10. Prints both, their ratio and the pixel ratio,
# and the layer's own GPU time (the composite) of the quad run.
set -euo pipefail
out=$1
resolution=${2:-2064x2208}
frames=${3:-60}
iterations=${GPU_ITERATIONS:-40}
results="$out/foveation"
mkdir -p "$results"
runtime_dir=$(mktemp -d)
chmod 700 "$runtime_dir"
trap 'rm -rf "$runtime_dir"' EXIT
for mode in stereo quad; do
    args=(--frames "$frames" --gpu-iterations "$iterations")
    foveation=off
    if [ "$mode" = quad ]; then args+=(--quad-views); foveation=fixed; fi
    echo "== $mode: xrperf-loadgen ${args[*]} at $resolution per eye" >&2
    env XDG_RUNTIME_DIR="$runtime_dir" XDG_STATE_HOME="$runtime_dir/state" \
        XR_RUNTIME_JSON="$out/manifests/xrsim.json" XR_API_LAYER_PATH="$out/manifests/explicit" \
        XR_ENABLE_API_LAYERS=XR_APILAYER_XRPERF_performance XRPERF_FOVEATION=$foveation XRPERF_CONTROLLER=false \
        XRPERF_RECORD="$results/$mode.jsonl" XRSIM_CLOCK=virtual XRSIM_FRAMES=0 XRSIM_RESOLUTION="$resolution" \
        "$out/bin/xrperf-loadgen" "${args[@]}" >"$results/$mode.out" 2>"$results/$mode.err"
    tail -n 1 "$results/$mode.out" >&2
done
python3 - "$results" <<'PY'
import json, statistics, sys
d = sys.argv[1]
def frames(mode):
    rows = [json.loads(line) for line in open(f"{d}/{mode}.jsonl")]
    return [r for r in rows if r.get("type", "frame") == "frame" and "app_gpu_ms" in r][10:]
def median(rows, key):
    values = [r[key] for r in rows if r.get(key) is not None and r[key] >= 0]
    return statistics.median(values) if values else float("nan")
def pixels(mode):
    line = open(f"{d}/{mode}.out").read().strip().splitlines()[-1]
    return int(line.split("pixels_per_frame=")[1].split()[0])
s, q = frames("stereo"), frames("quad")
gs, gq = median(s, "app_gpu_ms"), median(q, "app_gpu_ms")
print(f"frames measured: stereo {len(s)}, quad {len(q)}")
print(f"pixels per frame: stereo {pixels('stereo')}, quad {pixels('quad')}, ratio {pixels('quad') / pixels('stereo'):.3f}")
print(f"app GPU median: stereo {gs:.2f} ms, quad {gq:.2f} ms, ratio {gq / gs:.3f}")
print(f"layer GPU median (quad composite): {median(q, 'layer_gpu_ms'):.2f} ms")
PY
