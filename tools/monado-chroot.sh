#!/bin/bash
# Builds the Debian 13 ("trixie") root in which the Monado tier of `make test`
# runs: Monado with its null compositor and simulated HMD, hello_xr 1.1, the
# Khronos validation layers and lavapipe. Debian 12 has no Monado package.
#
#   tools/monado-chroot.sh DIR
#
# Cached: a root whose stamp names the same package list is kept as it is.
# The mirror is the one this machine's apt sources already name. Needs root
# and debootstrap; prints why and exits 3 when either is missing.
set -euo pipefail

root=${1:?usage: monado-chroot.sh DIR}
suite=trixie
packages="monado-service libopenxr1-monado libopenxr-loader1 libopenxr-utils openxr-layer-corevalidation
	mesa-vulkan-drivers vulkan-validationlayers libvulkan1"
stamp="$root/.xrperf-chroot"
want="$suite $(echo $packages)"

if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
	exit 0
fi
if [ "$(id -u)" != 0 ]; then
	echo "monado-chroot: not root: debootstrap and chroot need root" >&2
	exit 3
fi
if ! command -v debootstrap >/dev/null; then
	echo "monado-chroot: debootstrap is not installed" >&2
	exit 3
fi

# The first Debian archive URI of this machine's apt sources (deb822 or
# one-line format), so no registry host is written into the project.
mirror() {
	local uri
	uri=$(grep -hs -E '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' | grep -v -- '-security' | head -n1 || true)
	if [ -z "$uri" ]; then
		uri=$(grep -hs -E '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
			| awk '{for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) {print $i; exit}}' | grep -v -- '-security' | head -n1 || true)
	fi
	[ -n "$uri" ] || { echo "monado-chroot: no Debian mirror in /etc/apt/sources*" >&2; exit 3; }
	echo "$uri"
}

uri=$(mirror)
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
started=$SECONDS
echo "monado-chroot: building a $suite root in $root from $uri (about a minute, 0.9 GB)"
rm -rf "$root.partial"
mkdir -p "$(dirname "$root")"
debootstrap --variant=minbase ${keyring:+--keyring=$keyring} "$suite" "$root.partial" "$uri" >"$root.partial.log" 2>&1 || {
	echo "monado-chroot: debootstrap failed; last lines of $root.partial.log:" >&2
	tail -n 20 "$root.partial.log" >&2
	exit 1
}
echo "monado-chroot: base system in $((SECONDS - started)) s; installing Monado, hello_xr, validation layers, lavapipe"
# Recommends stay out: they pull in X and desktop services a headless run never uses.
unshare --mount --propagation private bash -c '
	set -euo pipefail
	root=$1; shift
	mount -t proc proc "$root/proc"
	mount --bind /dev "$root/dev"
	cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
	chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
	chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
	chroot "$root" apt-get clean
' _ "$root.partial" $packages >>"$root.partial.log" 2>&1 || {
	echo "monado-chroot: installing packages failed; last lines of $root.partial.log:" >&2
	tail -n 20 "$root.partial.log" >&2
	exit 1
}
echo "$want" >"$root.partial/.xrperf-chroot"
rm -rf "$root"
mv "$root.partial" "$root"
mv "$root.partial.log" "$root.log"
echo "monado-chroot: ready in $((SECONDS - started)) s"
