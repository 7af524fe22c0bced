#!/bin/bash
# closed-loop-schedule.sh BIN_DIR MANIFEST_DIR OUT_FILE [HZ] [RESOLUTION]
# Writes an xrperf-loadgen schedule whose GPU load steps from 70% to 130% of
# the display period and back, twice (protocol 4 of the benchmark), measured
# on this machine: a short run without the controller measures what one
# compute iteration costs at full size, and the iteration counts follow.
# Prints "up=<frames> down=<frames>" for `xrperf closed-loop`.
set -euo pipefail
bin=$1 manifests=$2 out=$3 hz=${4:-90} resolution=${5:-256x256}
runtime_dir=$(mktemp -d)
chmod 700 "$runtime_dir"
trap 'rm -rf "$runtime_dir"' EXIT
probe="$runtime_dir/probe.jsonl"
env XDG_RUNTIME_DIR="$runtime_dir" XDG_STATE_HOME="$runtime_dir/state" \
    XR_RUNTIME_JSON="$manifests/xrsim.json" XR_API_LAYER_PATH="$manifests/explicit" \
    XR_ENABLE_API_LAYERS=XR_APILAYER_XRPERF_performance XRPERF_CONTROLLER=false XRPERF_RECORD="$probe" \
    XRSIM_CLOCK=realtime XRSIM_REFRESH_HZ="$hz" XRSIM_RESOLUTION="$resolution" XRSIM_FRAMES=0 \
    "$bin/xrperf-loadgen" --frames 150 --gpu-iterations 200 >/dev/null 2>&1
# The lower quartile of app GPU time after warm-up: other work only ever
# slows lavapipe down, so the faster frames are the truer cost.
ms_per_iteration=$(python3 - "$probe" <<'PY'
import json, sys
gpu = sorted(f["app_gpu_ms"] for f in map(json.loads, open(sys.argv[1]))
             if f.get("type") == "frame" and f.get("app_gpu_ms") is not None and f["frame"] >= 30)
print(max(gpu[len(gpu) // 4] / 200, 1e-4))
PY
)
read -r light heavy < <(python3 -c "p=1000/$hz; m=$ms_per_iteration; print(max(1,round(0.7*p/m)), max(2,round(1.3*p/m)))")
{
    echo "# protocol 4: 70% / 130% of the ${hz} Hz period at ${resolution}, measured $(date -u +%FT%TZ)"
    echo "# (${ms_per_iteration} ms per iteration at full size)"
    echo "frame 0 gpu-iterations $light"
    echo "frame 180 gpu-iterations $heavy"
    echo "frame 360 gpu-iterations $light"
    echo "frame 540 gpu-iterations $heavy"
    echo "frame 720 gpu-iterations $light"
} >"$out"
echo "up=180,540 down=360,720"
