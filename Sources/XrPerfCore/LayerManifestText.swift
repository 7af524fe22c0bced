/// The text of xrperf's API layer manifests, for `xrperf install`. The same
/// fields as layers/*.json.in (a test renders both and compares), with an
/// absolute library path so the manifest works wherever the loader finds it.
public enum LayerManifestText {
    public static func render(libraryPath: String, implicit: Bool) -> String {
        var lines = [
            "{",
            "    \"file_format_version\": \"1.0.0\",",
            "    \"api_layer\": {",
            "        \"name\": \"\(XrPerfVersion.layerName)\",",
            "        \"library_path\": \(quoted(libraryPath)),",
            "        \"api_version\": \"1.0\",",
            "        \"implementation_version\": \"\(XrPerfVersion.implementationVersion)\",",
        ]
        lines += [
            "        \"description\": \"xrperf: frame timing, adaptive quality and upscaling for OpenXR apps\",",
            "        \"instance_extensions\": [",
            "            { \"name\": \"XR_META_recommended_layer_resolution\", \"extension_version\": \"1\" },",
            "            { \"name\": \"XR_EXT_performance_settings\", \"extension_version\": \"3\" },",
            "            { \"name\": \"XR_VARJO_quad_views\", \"extension_version\": \"1\" },",
            "            { \"name\": \"XR_VARJO_foveated_rendering\", \"extension_version\": \"2\" }",
        ]
        if implicit {
            lines += [
                "        ],",
                "        \"enable_environment\": \"ENABLE_XRPERF\",",
                "        \"disable_environment\": \"DISABLE_XRPERF\"",
            ]
        } else {
            lines.append("        ]")
        }
        lines += ["    }", "}"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The manifest's file name in explicit.d / implicit.d.
    public static let fileName = "XrApiLayer_xrperf.json"

    /// The Vulkan layer's manifest (layers/VkLayer_xrperf_frame_timing.json.in),
    /// for the Vulkan loader's explicit_layer.d: the OpenXR layer asks for it
    /// on the app's instance, so app GPU time is busy time.
    public static func renderVulkan(libraryPath: String) -> String {
        [
            "{",
            "    \"file_format_version\": \"1.1.2\",",
            "    \"layer\": {",
            "        \"name\": \"\(XrPerfVersion.vulkanLayerName)\",",
            "        \"type\": \"GLOBAL\",",
            "        \"library_path\": \(quoted(libraryPath)),",
            "        \"api_version\": \"1.3.0\",",
            "        \"implementation_version\": \"\(XrPerfVersion.implementationVersion)\",",
            "        \"description\": \"xrperf: times an OpenXR app's own submissions on its session's queue (app GPU busy time)\",",
            "        \"functions\": {",
            "            \"vkNegotiateLoaderLayerInterfaceVersion\": \"xrperf_vkNegotiateLoaderLayerInterfaceVersion\"",
            "        }",
            "    }",
            "}",
        ].joined(separator: "\n") + "\n"
    }

    public static let vulkanFileName = "VkLayer_xrperf_frame_timing.json"

    /// A JSON string literal, escaped like the recordings' strings.
    private static func quoted(_ text: String) -> String {
        var bytes: [UInt8] = []
        JSONLine.appendQuoted(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
