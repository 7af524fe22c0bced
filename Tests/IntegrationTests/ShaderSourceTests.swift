import Foundation
import Testing

/// The committed SPIR-V of every shader (xrperf-loadgen's load and the
/// layer's passes) is what glslangValidator makes of the GLSL beside it
/// (tools/compile-shaders.sh writes both). Fails, never skips, without
/// glslangValidator: `make deps` installs it.
@Suite struct ShaderSourceTests {
    /// (target folder under Sources, shader name)
    static let shaders = [
        "xrperf-loadgen/LoadPattern", "XrPerfVulkan/UpscaleRGBA8", "XrPerfVulkan/UpscaleRGBA16F",
    ]

    @Test func everyShaderIsListed() throws {
        let sources = Artifacts().root.appendingPathComponent("Sources")
        var found: [String] = []
        for target in ["xrperf-loadgen", "XrPerfVulkan"] {
            let folder = sources.appendingPathComponent("\(target)/Shaders")
            for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".comp") {
                found.append("\(target)/\(file.dropLast(5))")
            }
        }
        #expect(found.sorted() == Self.shaders.sorted())
    }

    static func glslangValidator() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return (path.split(separator: ":").map(String.init) + ["/usr/bin"])
            .map { "\($0)/glslangValidator" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The `0x........` words of a file written by tools/compile-shaders.sh.
    static func committedWords(_ swift: String) -> [UInt32] {
        guard let start = swift.range(of: "[UInt32] = [") else { return [] }
        return swift[start.upperBound...].split(whereSeparator: { " ,\n]}".contains($0) })
            .filter { $0.hasPrefix("0x") }
            .compactMap { UInt32($0.dropFirst(2), radix: 16) }
    }

    @Test(arguments: shaders)
    func committedSpirvMatchesTheSource(shader: String) throws {
        let target = String(shader.split(separator: "/")[0])
        let name = String(shader.split(separator: "/")[1])
        let compiler = try #require(Self.glslangValidator(),
                                    "glslangValidator not found: install glslang-tools (make deps)")
        let sources = Artifacts().root.appendingPathComponent("Sources/\(target)")
        let source = sources.appendingPathComponent("Shaders/\(name).comp")
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString).spv")
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try runProcess(compiler, ["-V", "--quiet", "-o", output.path, source.path],
                                    environment: ProcessInfo.processInfo.environment, timeout: 60)
        #expect(result.status == 0, Comment(rawValue: result.combined))
        let binary = try Data(contentsOf: output)
        let compiled = binary.withUnsafeBytes { bytes in
            (0..<bytes.count / 4).map { UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self)) }
        }
        let committed = Self.committedWords(
            try String(contentsOf: sources.appendingPathComponent("\(name)SPIRV.swift"), encoding: .utf8))
        #expect(compiled.count > 5 && compiled.first == 0x0723_0203, "not SPIR-V: \(compiled.prefix(2))")
        #expect(committed == compiled,
                "Sources/\(target)/\(name)SPIRV.swift is stale (\(committed.count) words, source gives \(compiled.count)): run tools/compile-shaders.sh")
    }
}
