#!/bin/bash
# Runs one app on Monado inside the chroot that tools/monado-chroot.sh built:
# monado-service with the null compositor and the simulated HMD, then the app
# through the real loader with xrperf's layer from this checkout's build.
#
#   tools/monado-run.sh ROOT BIN_DIR OUT_DIR SECONDS [NAME=VALUE ...] -- APP [ARG ...]
#
# The app gets a byte on stdin after SECONDS (hello_xr's way to quit) and the
# NAME=VALUE environment. Inside the chroot, BIN_DIR is /opt/xrperf, OUT_DIR
# is /out (what the app writes there stays), the explicit manifest of the
# layer lies in /out/layers and that of its Vulkan layer in /out/vulkan
# (VK_ADD_LAYER_PATH, as an installed xrperf is found). OUT_DIR receives app.log, monado.log and rc (the
# app's exit status). The build's Swift executables (xrperf-loadgen, xrperf)
# link the toolchain's Swift runtime by an absolute RUNPATH: those directories
# are mounted read-only at the same place inside, so they run there as built.
# Mounts live in a private namespace: nothing outlives it.
set -euo pipefail

root=${1:?usage: monado-run.sh ROOT BIN_DIR OUT_DIR SECONDS [NAME=VALUE ...] -- APP [ARG ...]}
bin=$2 out=$3 seconds=$4
shift 4
vars=()
while [ $# -gt 0 ] && [ "$1" != -- ]; do vars+=("$1"); shift; done
[ "${1:-}" = -- ] && shift
[ $# -gt 0 ] || { echo "monado-run: no app given" >&2; exit 2; }
[ -f "$root/.xrperf-chroot" ] || { echo "monado-run: $root is not a built chroot (tools/monado-chroot.sh)" >&2; exit 2; }
[ -f "$bin/libXrApiLayer_xrperf.so" ] || { echo "monado-run: no layer in $bin (make build)" >&2; exit 2; }
mkdir -p "$out/layers"
here=$(cd "$(dirname "$0")" && pwd)
"$here/render-manifest.sh" "$here/../layers/XrApiLayer_xrperf.explicit.json.in" "$out/layers/XrApiLayer_xrperf.json" \
	/opt/xrperf/libXrApiLayer_xrperf.so 1 >/dev/null
"$here/render-manifest.sh" "$here/../layers/VkLayer_xrperf_frame_timing.json.in" \
	"$out/vulkan/VkLayer_xrperf_frame_timing.json" /opt/xrperf/libXrApiLayer_xrperf.so 1 >/dev/null
mkdir -p "$root/opt/xrperf" "$root/out"
runtime_dirs=()
if [ -f "$bin/xrperf-loadgen" ] && command -v readelf >/dev/null; then
	runpath=$(readelf -d "$bin/xrperf-loadgen" | sed -n 's/.*R\(UN\)\?PATH.*\[\(.*\)\]/\2/p')
	IFS=: read -ra entries <<<"$runpath"
	for dir in "${entries[@]}"; do
		case $dir in /*) [ -d "$dir" ] && runtime_dirs+=("$dir") ;; esac
	done
fi

exec unshare --mount --propagation private bash -s -- "$root" "$bin" "$out" "$seconds" "${runtime_dirs[*]:-}" "${vars[@]}" -- "$@" <<'INNER'
set -euo pipefail
root=$1 bin=$2 out=$3 seconds=$4 runtime_dirs=$5
shift 5
vars=()
while [ "$1" != -- ]; do vars+=("$1"); shift; done
shift
mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
mount -t tmpfs -o mode=1777 tmpfs "$root/tmp"
mount --bind -o ro "$bin" "$root/opt/xrperf"
mount --bind "$out" "$root/out"
for dir in $runtime_dirs; do
	mkdir -p "$root$dir"
	mount --bind -o ro "$dir" "$root$dir"
done

chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root bash -s -- "$seconds" "${vars[@]}" -- "$@" <<'CHROOT'
set -uo pipefail
seconds=$1
shift
vars=()
while [ "$1" != -- ]; do vars+=("$1"); shift; done
shift
export XDG_RUNTIME_DIR=/tmp/xdg
mkdir -m 700 "$XDG_RUNTIME_DIR"
# monado-service epolls stdin and quits at its end: hold a pipe open.
mkfifo /tmp/monado-stdin
XRT_COMPOSITOR_NULL=1 SIMULATED_ENABLE=1 monado-service </tmp/monado-stdin >/out/monado.log 2>&1 &
monado=$!
exec 3>/tmp/monado-stdin
for _ in $(seq 200); do
	[ -S "$XDG_RUNTIME_DIR/monado_comp_ipc" ] && break
	kill -0 "$monado" 2>/dev/null || break
	sleep 0.05
done
if [ ! -S "$XDG_RUNTIME_DIR/monado_comp_ipc" ]; then
	echo "monado-run: monado-service did not start; see monado.log" >&2
	echo 125 >/out/rc
	exit 1
fi
# The app's stdin: one byte after SECONDS, or nothing if it ends first. The
# feeder waits in a bash builtin, so killing it leaves no child behind.
mkfifo /tmp/app-stdin /tmp/never
( exec 4<>/tmp/never; read -r -t "$seconds" -u 4 || true; echo ) >/tmp/app-stdin &
feeder=$!
env XR_API_LAYER_PATH=/out/layers:/usr/share/openxr/1/api_layers/explicit.d VK_ADD_LAYER_PATH=/out/vulkan \
	"${vars[@]}" timeout --kill-after=10 $((seconds + 120)) "$@" </tmp/app-stdin >/out/app.log 2>&1
echo $? >/out/rc
kill "$feeder" 2>/dev/null
exec 3>&-
kill "$monado" 2>/dev/null
wait "$monado" 2>/dev/null
exit 0
CHROOT
INNER
