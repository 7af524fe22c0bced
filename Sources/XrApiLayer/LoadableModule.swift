// The shared object the OpenXR and Vulkan loaders open: this target holds
// only its link settings (Package.swift: static Swift runtime, version
// script, no undefined symbols), so that the layer's code in XrPerfLayer
// can also be linked into its unit tests, which those settings would break.
@_exported import XrPerfLayer
