import Foundation
import Testing
import XrPerfCore

/// The committed SPIR-V of every shader (xrperf-loadgen's load and the
/// layer's passes) is what glslangValidator makes of the GLSL beside it
/// (tools/compile-shaders.sh writes both). Fails, never skips, without
/// glslangValidator: `make deps` installs it.
@Suite struct ShaderSourceTests {
    /// (target folder under Sources, shader file)
    static let shaders = [
        "xrperf-loadgen/LoadPattern.comp", "XrPerfVulkan/Inset.comp", "XrPerfVulkan/Upscale.comp",
        "XrPerfVulkan/UpscaleFragment.frag", "XrPerfVulkan/UpscaleTriangle.vert", "XrPerfVulkan/InsetFragment.frag",
    ]

    @Test func everyShaderIsListed() throws {
        let sources = Artifacts().root.appendingPathComponent("Sources")
        var found: [String] = []
        for target in ["xrperf-loadgen", "XrPerfVulkan"] {
            let folder = sources.appendingPathComponent("\(target)/Shaders")
            for file in try FileManager.default.contentsOfDirectory(atPath: folder.path)
            where [".comp", ".vert", ".frag"].contains(where: file.hasSuffix) {
                found.append("\(target)/\(file)")
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

    /// glslangValidator's SPIR-V of `source`, as words.
    static func compile(_ source: URL, including directory: URL? = nil) throws -> [UInt32] {
        let compiler = try #require(glslangValidator(), "glslangValidator not found: install glslang-tools (make deps)")
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("shader-\(UUID().uuidString).spv")
        defer { try? FileManager.default.removeItem(at: output) }
        let include = directory.map { ["-I\($0.path)"] } ?? []
        let result = try runProcess(compiler, ["-V", "--quiet"] + include + ["-o", output.path, source.path],
                                    environment: ProcessInfo.processInfo.environment, timeout: 60)
        #expect(result.status == 0, Comment(rawValue: result.combined))
        let binary = try Data(contentsOf: output)
        let words = binary.withUnsafeBytes { bytes in
            (0..<bytes.count / 4).map { UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self)) }
        }
        #expect(words.count > 5 && words.first == 0x0723_0203, "not SPIR-V: \(words.prefix(2))")
        return words
    }

    @Test(arguments: shaders)
    func committedSpirvMatchesTheSource(shader: String) throws {
        let target = String(shader.split(separator: "/")[0])
        let file = String(shader.split(separator: "/")[1])
        let name = String(file.split(separator: ".")[0])
        let sources = Artifacts().root.appendingPathComponent("Sources/\(target)")
        let compiled = try Self.compile(sources.appendingPathComponent("Shaders/\(file)"))
        let committed = Self.committedWords(
            try String(contentsOf: sources.appendingPathComponent("\(name)SPIRV.swift"), encoding: .utf8))
        #expect(committed == compiled,
                "Sources/\(target)/\(name)SPIRV.swift is stale (\(committed.count) words, source gives \(compiled.count)): run tools/compile-shaders.sh")
    }

    /// The rgba16f pipeline of each layer pass is the committed rgba8 module
    /// with its storage format patched (SPIRVStorageFormat): exactly what the
    /// compiler makes of the shader written for rgba16f.
    @Test(arguments: ["Upscale", "Inset"])
    func theRgba16fPatchIsWhatTheCompilerMakes(shader: String) throws {
        let shaders = Artifacts().root.appendingPathComponent("Sources/XrPerfVulkan/Shaders")
        let wrapper = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(shader.lowercased())-rgba16f-\(UUID().uuidString).comp")
        defer { try? FileManager.default.removeItem(at: wrapper) }
        try Data("""
            #version 450
            #extension GL_GOOGLE_include_directive : require
            #define OUTPUT_FORMAT rgba16f
            #include "\(shader).glsl"

            """.utf8).write(to: wrapper)
        let compiled = try Self.compile(wrapper, including: shaders)
        let committed = Self.committedWords(try String(
            contentsOf: shaders.deletingLastPathComponent().appendingPathComponent("\(shader)SPIRV.swift"), encoding: .utf8))
        let patched = try #require(SPIRVStorageFormat.patched(committed, to: SPIRVStorageFormat.rgba16f))
        #expect(patched != committed)
        #expect(patched == compiled)
    }
}
