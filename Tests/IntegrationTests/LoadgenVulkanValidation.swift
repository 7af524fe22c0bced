import Foundation
import Testing

/// Khronos' Vulkan validation layer with synchronization validation, for a
/// loadgen run: a settings folder of its own, the variables that enable it,
/// and the check that it reported nothing.
struct LoadgenVulkanValidation {
    let settings: URL

    init() throws {
        settings = FileManager.default.temporaryDirectory.appendingPathComponent("loadgen-vk-settings-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: settings, withIntermediateDirectories: true)
        try """
            khronos_validation.enables = VK_VALIDATION_FEATURE_ENABLE_SYNCHRONIZATION_VALIDATION_EXT
            khronos_validation.report_flags = error,warn
            """.write(to: settings.appendingPathComponent("vk_layer_settings.txt"), atomically: true, encoding: .utf8)
    }

    var environment: [String: String] {
        ["VK_INSTANCE_LAYERS": "VK_LAYER_KHRONOS_validation", "VK_LAYER_SETTINGS_PATH": settings.path]
    }

    /// Expects no validation message in a run's output.
    static func expectClean(_ output: String, _ context: Comment,
                            sourceLocation: SourceLocation = #_sourceLocation) {
        for marker in ["VUID-", "Validation Error", "Validation Warning"] {
            #expect(!output.contains(marker), context, sourceLocation: sourceLocation)
        }
    }

    func cleanUp() { try? FileManager.default.removeItem(at: settings) }
}
