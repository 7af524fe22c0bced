import Foundation
import Testing

/// The layer and XrSim are loaded with dlopen into hosts that know nothing of
/// Swift: only their loaders' entry points exported (the layer's library
/// holds the OpenXR layer and its Vulkan layer), and no Swift shared library
/// needed.
@Suite struct LibraryExportTests {
    static let cases = [
        ("libXrApiLayer_xrperf.so", ["xrNegotiateLoaderApiLayerInterface", "xrperf_vkNegotiateLoaderLayerInterfaceVersion"]),
        ("libXrSim.so", ["xrNegotiateLoaderRuntimeInterface"]),
    ]

    @Test(arguments: cases)
    func exportsOnlyTheEntryPoints(library: String, symbols expected: [String]) throws {
        let artifacts = Artifacts()
        let path = artifacts.build.appendingPathComponent("bin/\(library)")
        try artifacts.require(path)
        let nm = try runProcess("/usr/bin/nm", ["-D", "--defined-only", path.path],
                                environment: ProcessInfo.processInfo.environment)
        #expect(nm.status == 0, Comment(rawValue: nm.stderr))
        let symbols = nm.stdout.split(separator: "\n").compactMap { $0.split(separator: " ").last.map(String.init) }
        #expect(symbols.sorted() == expected.sorted())
    }

    @Test(arguments: cases.map(\.0))
    func needsNoSwiftSharedLibrary(library: String) throws {
        let artifacts = Artifacts()
        let path = artifacts.build.appendingPathComponent("bin/\(library)")
        try artifacts.require(path)
        let ldd = try runProcess("/usr/bin/ldd", [path.path], environment: ProcessInfo.processInfo.environment)
        #expect(ldd.status == 0, Comment(rawValue: ldd.stderr))
        #expect(!ldd.stdout.lowercased().contains("swift"), Comment(rawValue: ldd.stdout))
        #expect(ldd.stdout.contains("libc.so.6"))
    }

    /// Nothing in the layer talks to a network: it imports none of the
    /// socket calls (its telemetry is a shared-memory file, its control a
    /// profile file).
    @Test func theLayerUsesNoSockets() throws {
        let artifacts = Artifacts()
        let path = artifacts.build.appendingPathComponent("bin/libXrApiLayer_xrperf.so")
        try artifacts.require(path)
        let nm = try runProcess("/usr/bin/nm", ["-D", "--undefined-only", path.path],
                                environment: ProcessInfo.processInfo.environment)
        #expect(nm.status == 0, Comment(rawValue: nm.stderr))
        let imported = Set(nm.stdout.split(separator: "\n").compactMap { line in
            line.split(separator: " ").last.map { String($0.split(separator: "@").first ?? $0) }
        })
        #expect(imported.contains("open"), "the import list was not read: \(imported.count) names")
        let network: Set = ["socket", "connect", "bind", "listen", "accept", "accept4", "getaddrinfo", "sendto", "recvfrom"]
        #expect(imported.isDisjoint(with: network), "imports \(imported.intersection(network).sorted())")
    }
}
