// swift-tools-version:6.1
import Foundation
import PackageDescription

/// Absolute paths: the linker does not run in the package directory.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path

/// A self-contained shared object for dlopen() by the OpenXR loader into any
/// host: the Swift runtime linked in statically, only the symbols of the
/// version script exported, and no undefined symbol left for the host to fill.
/// `nodelete`: a statically linked Swift runtime cannot be unloaded cleanly
/// (its metadata caches would leak on every dlclose, and loaders that unload
/// libraries between instances would pay that each time).
func loadableModule(versionScript: String) -> [LinkerSetting] {
    [
        .unsafeFlags([
            "-static-stdlib",
            "-use-ld=lld",
            "-Xlinker", "--version-script=\(root)/\(versionScript)",
        ] + noUndefinedSymbols + [
            "-Xlinker", "-z", "-Xlinker", "nodelete",
        ])
    ]
}

/// XRPERF_SANITIZE=1 (`make sanitize`, with `--sanitize=thread|address`):
/// swiftc links a sanitizer runtime into executables only, so the libraries
/// keep `__tsan_*` / `__asan_*` undefined for the runtime preloaded into the
/// host (LD_PRELOAD); `-z defs` would refuse that. The static Swift runtime
/// stays: the sanitizers work with it (docs/reliability.md).
let noUndefinedSymbols: [String] =
    ProcessInfo.processInfo.environment["XRPERF_SANITIZE"] == "1" ? [] : ["-Xlinker", "-z", "-Xlinker", "defs"]

/// Sanitizer builds see the layer's locks as pthread mutexes
/// (Sources/XrPerfLayer/SanitizerMutex.swift says why).
let sanitizerLocks: [SwiftSetting] =
    ProcessInfo.processInfo.environment["XRPERF_SANITIZE"] == "1" ? [.define("XRPERF_SANITIZE")] : []

/// The sanitizer runtime linked into xrperf-loadgen exports only part of its
/// interface (not `__tsan_external_write`, which the libraries' static Swift
/// runtime calls); exporting everything lets the libraries the loader opens
/// bind to it.
let exportSanitizerRuntime: [LinkerSetting] =
    ProcessInfo.processInfo.environment["XRPERF_SANITIZE"] == "1" ? [.unsafeFlags(["-Xlinker", "--export-dynamic"])] : []

let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6)
]

/// Code on the app's frame path: dynamic exclusivity checks cost a runtime
/// call per class-property access, and the layer's state is reached only
/// under its own locks or from the thread the OpenXR spec assigns.
let framePath: [SwiftSetting] = strict + [
    .unsafeFlags(["-enforce-exclusivity=unchecked"])
] + sanitizerLocks

let package = Package(
    name: "xrperf",
    products: [
        .library(name: "XrApiLayer_xrperf", type: .dynamic, targets: ["XrApiLayer"]),
        .library(name: "XrSim", type: .dynamic, targets: ["XrSim"]),
        .executable(name: "xrperf", targets: ["xrperf"]),
        .executable(name: "xrperf-loadgen", targets: ["xrperf-loadgen"]),
        .executable(name: "xrperf-passbench", targets: ["xrperf-passbench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
    ],
    targets: [
        .systemLibrary(name: "COpenXR", path: "Sources/COpenXR"),
        .target(name: "XrPerfCore", swiftSettings: strict),
        // The files xrperf writes and reads (telemetry ring, frame record,
        // learned state), for the layer, the CLI and the fuzzers alike; no
        // Foundation, which the layer cannot link.
        .target(name: "XrPerfFormats", dependencies: ["COpenXR", "XrPerfCore"], swiftSettings: framePath),
        // Recordings read back, with Foundation's JSON decoder: the CLI and
        // the fuzzers (the layer only writes them, through XrPerfCore).
        .target(name: "XrPerfRecordingFile", dependencies: ["XrPerfCore"], swiftSettings: strict),
        .target(name: "XrPerfLayer", dependencies: ["COpenXR", "XrPerfCore", "XrPerfFormats", "XrPerfVulkan"],
                swiftSettings: framePath),
        .target(
            name: "XrApiLayer",
            dependencies: ["XrPerfLayer"],
            exclude: ["exports.map"],
            swiftSettings: strict,
            linkerSettings: loadableModule(versionScript: "Sources/XrApiLayer/exports.map")
        ),
        .target(name: "XrPerfVulkan", dependencies: ["COpenXR", "XrPerfCore"], exclude: ["Shaders"], swiftSettings: framePath),
        .target(name: "XrSimCore", swiftSettings: strict),
        .target(
            name: "XrSim",
            dependencies: ["COpenXR", "XrSimCore"],
            exclude: ["exports.map"],
            swiftSettings: strict,
            linkerSettings: loadableModule(versionScript: "Sources/XrSim/exports.map") + [
                .linkedLibrary("vulkan")
            ]
        ),
        .executableTarget(
            name: "xrperf",
            dependencies: [
                "COpenXR",
                "XrPerfCore",
                "XrPerfFormats",
                "XrPerfRecordingFile",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "xrperf-loadgen",
            dependencies: [
                "COpenXR",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["Shaders"],
            swiftSettings: strict,
            linkerSettings: [.linkedLibrary("openxr_loader"), .linkedLibrary("vulkan")] + exportSanitizerRuntime
        ),
        // Benchmark protocol 3 for the layer's GPU passes; links libvulkan,
        // which the layer never does (it must load into non-Vulkan apps).
        .executableTarget(
            name: "xrperf-passbench",
            dependencies: [
                "COpenXR",
                "XrPerfCore",
                "XrPerfVulkan",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict,
            linkerSettings: [.linkedLibrary("vulkan")]
        ),
        .testTarget(name: "XrPerfCoreTests", dependencies: ["XrPerfCore"], swiftSettings: strict),
        .testTarget(name: "XrSimCoreTests", dependencies: ["XrSimCore"], swiftSettings: strict),
        // The layer's glue (frame composer, decision stamping, session
        // lifecycle) against a fake next link, without a runtime.
        .testTarget(name: "XrPerfLayerTests", dependencies: ["XrPerfLayer", "XrPerfCore"], swiftSettings: strict),
        .testTarget(name: "IntegrationTests", dependencies: ["XrPerfCore"], swiftSettings: strict),
    ]
)

// Controller benchmarks (ordo-one/benchmark): only with XRPERF_BENCHMARKS set
// (`make bench`), so `swift build` and `swift test` never resolve or build them.
if ProcessInfo.processInfo.environment["XRPERF_BENCHMARKS"] != nil {
    package.dependencies.append(
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]))
    package.targets.append(
        .executableTarget(
            name: "ControllerBenchmarks",
            dependencies: ["XrPerfCore", .product(name: "Benchmark", package: "benchmark")],
            path: "Benchmarks/ControllerBenchmarks",
            swiftSettings: strict,
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ))
}

// libFuzzer targets (docs/reliability.md): only with XRPERF_FUZZ set
// (tools/fuzz.sh, `make fuzz`), built in their own scratch path with
// -sanitize=fuzzer,address, which must never reach the normal build, and each
// defines LLVMFuzzerTestOneInput, which only one executable per build may.
if ProcessInfo.processInfo.environment["XRPERF_FUZZ"] != nil {
    func fuzzTarget(_ name: String, _ dependencies: [Target.Dependency]) -> Target {
        .executableTarget(name: name, dependencies: ["FuzzDriver", "XrPerfCore"] + dependencies, swiftSettings: strict)
    }
    package.targets += [
        .systemLibrary(name: "FuzzDriver", path: "Sources/FuzzDriver"),
        fuzzTarget("FuzzProfile", []),
        fuzzTarget("FuzzRecording", ["XrPerfRecordingFile"]),
        fuzzTarget("FuzzTelemetryFile", ["COpenXR", "XrPerfFormats"]),
    ]
    package.products += ["FuzzProfile", "FuzzRecording", "FuzzTelemetryFile"].map {
        .executable(name: $0, targets: [$0])
    }
}
