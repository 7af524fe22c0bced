import Testing
import XrPerfCore

@Suite struct ManifestApiLayerTests {
    let good: ManifestJSON = [
        "file_format_version": "1.0.0",
        "api_layer": [
            "name": "XR_APILAYER_XRPERF_performance",
            "library_path": "../lib/libXrApiLayer_xrperf.so",
            "api_version": "1.0",
            "implementation_version": "1",
            "description": "xrperf",
            "enable_environment": "ENABLE_XRPERF",
            "disable_environment": "DISABLE_XRPERF",
        ],
    ]

    @Test func acceptsTheShippedShape() throws {
        let layer = try ManifestApiLayer(json: good, kind: .implicit)
        #expect(layer.name == XrPerfVersion.layerName)
        #expect(layer.enableEnvironment == "ENABLE_XRPERF")
        #expect(layer.warnings.isEmpty)
        #expect(layer.negotiateFunctionName == "xrNegotiateLoaderApiLayerInterface")
    }

    @Test func numericImplementationVersionIsFatal() {
        var json = good
        if case .object(var root) = json, case .object(var layer) = root["api_layer"]! {
            layer["implementation_version"] = 1
            root["api_layer"] = .object(layer)
            json = .object(root)
        }
        #expect(throws: ManifestProblem.expectedStringForTest("api_layer.implementation_version", "a number")) {
            try ManifestApiLayer(json: json, kind: .explicit)
        }
    }

    @Test func implicitNeedsDisableEnvironment() throws {
        let json: ManifestJSON = [
            "file_format_version": "1.0.0",
            "api_layer": ["name": "X", "library_path": "x.so", "api_version": "1.0", "implementation_version": "1"],
        ]
        _ = try ManifestApiLayer(json: json, kind: .explicit)
        #expect(throws: ManifestProblem.self) { try ManifestApiLayer(json: json, kind: .implicit) }
    }

    @Test func rejectsWrongFileFormatAndApiVersion() {
        #expect(throws: ManifestProblem.self) {
            try ManifestApiLayer(json: ["file_format_version": "1.1.0", "api_layer": [:]], kind: .explicit)
        }
        let badAPI: ManifestJSON = [
            "file_format_version": "1.0.0",
            "api_layer": ["name": "X", "library_path": "x.so", "api_version": "2.0", "implementation_version": "1"],
        ]
        #expect(throws: ManifestProblem.self) { try ManifestApiLayer(json: badAPI, kind: .explicit) }
        #expect(throws: ManifestProblem.self) { try ManifestApiLayer(json: "text", kind: .explicit) }
    }

    @Test func nonNumericImplementationVersionWarns() throws {
        let json: ManifestJSON = [
            "file_format_version": "1.0.0",
            "api_layer": ["name": "X", "library_path": "x.so", "api_version": "1.0", "implementation_version": "1a"],
        ]
        let layer = try ManifestApiLayer(json: json, kind: .explicit)
        #expect(layer.warnings.count == 1)
        #expect(layer.warnings.first?.fatal == false)
    }
}

@Suite struct ManifestRuntimeTests {
    @Test func readsLibraryAndRenames() throws {
        let runtime = try ManifestRuntime(json: [
            "file_format_version": "1.0.0",
            "runtime": [
                "name": "XrSim", "library_path": "./libXrSim.so",
                "functions": ["xrNegotiateLoaderRuntimeInterface": "xrsimNegotiate", "bad": 3],
            ],
        ])
        #expect(runtime.name == "XrSim")
        #expect(runtime.negotiateFunctionName == "xrsimNegotiate")
        #expect(runtime.warnings.map(\.field) == ["runtime.functions.bad"])
    }

    @Test func missingLibraryPathIsFatal() {
        #expect(throws: ManifestProblem.self) {
            try ManifestRuntime(json: ["file_format_version": "1.0.0", "runtime": ["name": "X"]])
        }
    }
}

@Suite struct ManifestLibraryPathTests {
    @Test func styles() {
        let bare = ManifestLibraryPath(written: "libfoo.so", manifestPath: "/etc/x.json")
        #expect(bare.style == .dynamicLinkerSearch && bare.fileToCheck == nil)
        let absolute = ManifestLibraryPath(written: "/usr/lib/libfoo.so", manifestPath: "/etc/x.json")
        #expect(absolute.style == .absolute && absolute.resolved == "/usr/lib/libfoo.so")
        let relative = ManifestLibraryPath(written: "../lib/libfoo.so", manifestPath: "/opt/share/x.json")
        #expect(relative.style == .relativeToManifest && relative.resolved == "/opt/share/../lib/libfoo.so")
        #expect(ManifestLibraryPath(written: "./a.so", manifestPath: "/x.json").resolved == "/./a.so")
        #expect(ManifestLibraryPath(written: "./a.so", manifestPath: "x.json").resolved == "./a.so")
    }
}

@Suite struct ManifestImplicitLayerStateTests {
    @Test func enableMustBeSetAndDisableWins() {
        func state(_ env: [String: String]) -> ManifestImplicitLayerState {
            ManifestImplicitLayerState(enableEnvironment: "ENABLE_XRPERF", disableEnvironment: "DISABLE_XRPERF", environment: env)
        }
        #expect(!state([:]).enabled)
        #expect(state(["ENABLE_XRPERF": "1"]).enabled)
        #expect(state(["ENABLE_XRPERF": ""]).enabled, "set but empty still counts as set")
        #expect(state(["ENABLE_XRPERF": "0"]).enabled, "the loader looks at presence, not value")
        #expect(!state(["ENABLE_XRPERF": "1", "DISABLE_XRPERF": "0"]).enabled)
    }

    @Test func withoutEnableVariableItIsOnByDefault() {
        let state = ManifestImplicitLayerState(enableEnvironment: nil, disableEnvironment: "D", environment: [:])
        #expect(state.enabled)
    }
}

extension ManifestProblem {
    static func expectedStringForTest(_ field: String, _ found: String) -> ManifestProblem {
        ManifestProblem(field: field, message: "expected a string, found \(found)")
    }
}
