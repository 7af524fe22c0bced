# xrperf — build, test, demo and install.
#   make demo      install what is missing, build, run hello_xr on XrSim through xrperf
#   make test      install what is missing, build, run every test
#   make install   PREFIX=/usr/local (default) or PREFIX=$HOME/.local for a user install
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := build

PREFIX ?= /usr/local
CONFIG ?= release
DEMO_SECONDS ?= 5
ROOT := $(abspath .)
OUT := $(ROOT)/build
SWIFT ?= swift

# Debian packages: headers and loader, hello_xr, Khronos' validation layers,
# Vulkan with Mesa's software rasterizer (lavapipe), shader tools, valgrind.
DEBIAN_PACKAGES := libopenxr-dev libopenxr-loader1 libopenxr-utils openxr-layer-corevalidation \
	openxr-layer-apidump libvulkan-dev mesa-vulkan-drivers vulkan-tools vulkan-validationlayers \
	glslang-tools spirv-tools valgrind gcc pkg-config tmux debootstrap

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build layer manifests hosts test unit-test integration-test host-test demo install uninstall clean bench-layer

deps:
	@missing=$$(for p in $(DEBIAN_PACKAGES); do \
		dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing Debian packages:" $$missing; \
		$(SUDO) apt-get update -qq; \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

BIN = $(shell $(SWIFT) build -c $(CONFIG) --show-bin-path)

build: deps
	$(SWIFT) build -c $(CONFIG) --product XrApiLayer_xrperf
	$(SWIFT) build -c $(CONFIG) --product XrSim
	$(SWIFT) build -c $(CONFIG) --product xrperf
	$(SWIFT) build -c $(CONFIG) --product xrperf-loadgen
	$(SWIFT) build -c $(CONFIG) --product xrperf-passbench
	$(MAKE) --no-print-directory manifests hosts BIN_DIR="$(BIN)"

# Manifests pointing at this checkout's build, so that
#   XR_API_LAYER_PATH=build/manifests/explicit XR_ENABLE_API_LAYERS=XR_APILAYER_XRPERF_performance
# and XR_RUNTIME_JSON=build/manifests/xrsim.json work without installing.
manifests:
	@test -n "$(BIN_DIR)" || { echo "manifests: BIN_DIR not set (use make build)" >&2; exit 2; }
	tools/render-manifest.sh layers/XrApiLayer_xrperf.explicit.json.in $(OUT)/manifests/explicit/XrApiLayer_xrperf.json $(BIN_DIR)/libXrApiLayer_xrperf.so 1
	tools/render-manifest.sh layers/XrApiLayer_xrperf.implicit.json.in $(OUT)/manifests/implicit/XrApiLayer_xrperf.json $(BIN_DIR)/libXrApiLayer_xrperf.so 1
	tools/render-manifest.sh layers/xrsim_runtime.json.in $(OUT)/manifests/xrsim.json $(BIN_DIR)/libXrSim.so 1
	tools/render-manifest.sh layers/VkLayer_xrperf_frame_timing.json.in $(OUT)/manifests/vulkan/VkLayer_xrperf_frame_timing.json $(BIN_DIR)/libXrApiLayer_xrperf.so 1
	ln -sfn $(BIN_DIR) $(OUT)/bin

HOST_CFLAGS := -std=c11 -O1 -g -Wall -Wextra -Werror -Wno-missing-field-initializers -I$(ROOT)/include
HOST_LIBS := -lopenxr_loader -lvulkan
HOSTS := $(patsubst Tests/hosts/%.c,$(OUT)/hosts/%,$(wildcard Tests/hosts/*.c))

hosts: $(HOSTS)

$(OUT)/hosts/%: Tests/hosts/%.c $(wildcard Tests/hosts/*.h)
	@mkdir -p $(dir $@)
	gcc $(HOST_CFLAGS) -o $@ $< $(HOST_LIBS)

# The Monado tier (Tests/IntegrationTests/MonadoTests.swift) runs apps on
# Debian 13's Monado in a chroot: built here once (about a minute, 0.9 GB)
# and kept in build/monado-root. Without root it cannot be built; the tier's
# tests then say so by name when they are skipped.
.PHONY: monado-chroot
monado-chroot: deps
	@tools/monado-chroot.sh $(OUT)/monado-root || { rc=$$?; [ $$rc = 3 ] && echo "monado-chroot: skipped, the Monado tier will not run"; [ $$rc = 3 ]; }

# Serial: on two cores, timing tests (loadgen's GPU scaling, compare on real
# recordings) would otherwise share the CPU with lavapipe runs of other suites.
test: build monado-chroot
	$(SWIFT) test --no-parallel
	$(MAKE) --no-print-directory reliability-test
	$(MAKE) --no-print-directory fuzz-smoke

# Bounded sanitizer runs and a 100,000-frame soak (docs/reliability.md):
# TSan and ASan builds in .build-tsan / .build-asan, a few minutes on 2 cores.
# Longer runs: make sanitize SANITIZE_FRAMES=..., make soak SOAK_FRAMES=...
SANITIZE_FRAMES ?= 3000
SOAK_FRAMES ?= 1000000
.PHONY: reliability-test sanitize soak
reliability-test:
	tools/sanitize.sh thread 200
	tools/sanitize.sh address 60
	tools/soak.sh $(OUT)/bin 150000

sanitize: build
	tools/sanitize.sh thread $(SANITIZE_FRAMES)
	tools/sanitize.sh address $(SANITIZE_FRAMES)

soak: build
	tools/soak.sh $(OUT)/bin $(SOAK_FRAMES) $(OUT)/soak 1

demo: build
	@tools/demo.sh $(OUT) $(DEMO_SECONDS)

install: build
	install -Dm755 $(OUT)/bin/libXrApiLayer_xrperf.so $(DESTDIR)$(PREFIX)/lib/libXrApiLayer_xrperf.so
	install -Dm755 $(OUT)/bin/xrperf $(DESTDIR)$(PREFIX)/bin/xrperf
	tools/render-manifest.sh layers/XrApiLayer_xrperf.explicit.json.in \
		$(DESTDIR)$(PREFIX)/share/openxr/1/api_layers/explicit.d/XrApiLayer_xrperf.json $(PREFIX)/lib/libXrApiLayer_xrperf.so 1
	tools/render-manifest.sh layers/XrApiLayer_xrperf.implicit.json.in \
		$(DESTDIR)$(PREFIX)/share/openxr/1/api_layers/implicit.d/XrApiLayer_xrperf.json $(PREFIX)/lib/libXrApiLayer_xrperf.so 1
	tools/render-manifest.sh layers/VkLayer_xrperf_frame_timing.json.in \
		$(DESTDIR)$(PREFIX)/share/vulkan/explicit_layer.d/VkLayer_xrperf_frame_timing.json $(PREFIX)/lib/libXrApiLayer_xrperf.so 1
	@echo "installed into $(DESTDIR)$(PREFIX); run 'xrperf doctor' to check"

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/lib/libXrApiLayer_xrperf.so $(DESTDIR)$(PREFIX)/bin/xrperf \
		$(DESTDIR)$(PREFIX)/share/openxr/1/api_layers/explicit.d/XrApiLayer_xrperf.json \
		$(DESTDIR)$(PREFIX)/share/openxr/1/api_layers/implicit.d/XrApiLayer_xrperf.json \
		$(DESTDIR)$(PREFIX)/share/vulkan/explicit_layer.d/VkLayer_xrperf_frame_timing.json

clean:
	rm -rf $(OUT) .build

# Benchmark protocol 2: the layer's instructions and heap allocations per frame.
bench-layer: build
	tools/bench-layer-overhead.sh $(OUT) 2000

# Benchmark protocol 4 (closed loop): xrperf-loadgen on XrSim in real time,
# GPU load stepping from 70% to 130% of the period and back twice, with and
# without the controller; results in $(OUT)/closed-loop (docs/performance.md).
.PHONY: bench-closed-loop
bench-closed-loop: build
	tools/bench-closed-loop.sh $(OUT)

# What quad views save (docs/foveation.md): loadgen's app GPU time in stereo
# at full density against quad views at the default densities, 2064x2208
# per eye; results in $(OUT)/foveation (docs/performance.md).
.PHONY: bench-foveation
bench-foveation: build
	tools/bench-foveation.sh $(OUT)

# Benchmark protocol 3: GPU time of the upscaling passes against a linear
# vkCmdBlitImage, interleaved in one process (docs/performance.md). Own build
# folder; the full size takes minutes on lavapipe. PASSBENCH_ARGS adds options.
.PHONY: bench-passes
bench-passes:
	$(SWIFT) build --scratch-path .build-bench -c release --product xrperf-passbench
	@runtime_dir=$$(mktemp -d) && chmod 700 "$$runtime_dir" && trap 'rm -rf "$$runtime_dir"' EXIT && \
	bin=$$($(SWIFT) build --scratch-path .build-bench -c release --show-bin-path) && \
	XDG_RUNTIME_DIR="$$runtime_dir" "$$bin/xrperf-passbench" --size 256x256 --format unorm --format srgb $(PASSBENCH_ARGS) && \
	XDG_RUNTIME_DIR="$$runtime_dir" "$$bin/xrperf-passbench" --size 2064x2208 --format unorm --format srgb $(PASSBENCH_ARGS)

# Controller benchmark table (docs/controller.md): every synthetic trace at
# load 1.0 and 1.3, delay 1 and 2, through every controller.
.PHONY: controller-bench bench
controller-bench:
	$(SWIFT) build -c release --product xrperf
	$(shell $(SWIFT) build -c release --show-bin-path)/xrperf simulate --suite

# Cost of the controller per frame (ordo-one/benchmark, own build folder);
# the GPU passes have their own target, bench-passes (protocol 3):
# wall clock and mallocs per observe+decide in steady state (the Malloc row
# must be all 0). Not part of `make test`: the first build takes minutes.
bench:
	XRPERF_BENCHMARKS=1 $(SWIFT) package --scratch-path .build-bench --allow-writing-to-package-directory \
		benchmark --target ControllerBenchmarks --no-progress

# libFuzzer runs of the parsers of untrusted files (tools/fuzz.sh,
# docs/reliability.md), built in .build-fuzz: fuzz-smoke is the bounded run of
# `make test` (25 s per target); fuzz runs FUZZ_SECONDS per target.
.PHONY: fuzz fuzz-smoke
FUZZ_SECONDS ?= 600
fuzz: deps
	tools/fuzz.sh all $(FUZZ_SECONDS)

fuzz-smoke: deps
	tools/fuzz.sh all 25
