import COpenXR
import Foundation

/// One view as the run summary reports it: where it renders (fixed at setup)
/// and the field of view of the last successful xrLocateViews, from which a
/// test can work out where a focus view lands inside its peripheral view.
struct ViewReport {
    let index: Int
    let role: ViewRole
    let format: String
    let layout: String
    let swapchain: Int
    let arrayIndex: UInt32
    let imageWidth: UInt32
    let imageHeight: UInt32
    /// The full submitted imageRect (at render scale 1).
    let rect: XrRect2Di
    let write: String
    let pattern: String
    /// nil until a frame located its views.
    var fov: XrFovf?

    /// `eye=<i> format=... pattern=<name>`: unchanged for stereo so that
    /// readers of earlier versions keep working; with quad views the role
    /// and field of view are added.
    func textLine(quad: Bool) -> String {
        let role = quad ? " role=\(self.role.rawValue)" : ""
        let fov = quad ? " fov=\(fovText)" : ""
        return "eye=\(index)\(role) format=\(format) layout=\(layout) swapchain=\(swapchain) "
            + "array_index=\(arrayIndex) image_size=\(imageWidth)x\(imageHeight) "
            + "rect_offset=\(rect.offset.x),\(rect.offset.y) rect_size=\(rect.extent.width)x\(rect.extent.height) "
            + "write=\(write) pattern=\(pattern)\(fov)"
    }

    /// angleLeft,angleRight,angleUp,angleDown in radians, or "none".
    private var fovText: String {
        guard let fov else { return "none" }
        return [fov.angleLeft, fov.angleRight, fov.angleUp, fov.angleDown]
            .map { String(format: "%.6f", Double($0)) }.joined(separator: ",")
    }
}
