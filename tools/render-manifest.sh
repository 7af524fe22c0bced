#!/bin/sh
# Fill a manifest template: render-manifest.sh TEMPLATE OUTPUT LIBRARY_PATH VERSION_NUMBER
# The loader resolves relative library paths against the manifest's folder;
# writing an absolute path keeps generated manifests valid wherever they are read from.
set -eu
template=$1 output=$2 library=$3 version=$4
case $library in
    /*) ;;
    *) echo "render-manifest: library path must be absolute: $library" >&2; exit 2 ;;
esac
mkdir -p "$(dirname "$output")"
sed -e "s|@LIBRARY_PATH@|$library|g" -e "s|@VERSION_NUMBER@|$version|g" "$template" > "$output.tmp"
mv "$output.tmp" "$output"
