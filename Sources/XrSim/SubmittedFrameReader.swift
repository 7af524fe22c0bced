import COpenXR
import XrSimCore

/// Turns the C structures of XrFrameEndInfo into the plain values XrSimCore
/// validates. Reads no further than the validator will look: at most one layer
/// past the limit, and projection views only when their count is right.
/// The cylinder and equirect layer types whose extension the app enabled;
/// any other type is unsupported.
struct CurvedLayerTypes {
    var cylinder = false
    var equirect = false
    var equirect2 = false

    func contains(_ type: XrStructureType) -> Bool {
        switch type {
        case XR_TYPE_COMPOSITION_LAYER_CYLINDER_KHR: cylinder
        case XR_TYPE_COMPOSITION_LAYER_EQUIRECT_KHR: equirect
        case XR_TYPE_COMPOSITION_LAYER_EQUIRECT2_KHR: equirect2
        default: false
        }
    }
}

func readSubmittedFrame(_ info: XrFrameEndInfo, maxLayers: Int, viewCount: Int, readDepth: Bool,
                        curvedTypes: CurvedLayerTypes = CurvedLayerTypes()) throws(XrSimError) -> SubmittedFrame {
    var layers: [SubmittedLayer] = []
    let count = Int(info.layerCount)
    if count > 0 {
        let pointers = try required(info.layers)
        for i in 0..<min(count, maxLayers + 1) {
            layers.append(readLayer(pointers[i], viewCount: viewCount, readDepth: readDepth, curvedTypes: curvedTypes))
        }
        if count > maxLayers + 1 { layers += Array(repeating: .null, count: count - maxLayers - 1) }
    }
    return SubmittedFrame(displayTime: info.displayTime, blendMode: Int32(bitPattern: info.environmentBlendMode.rawValue), layers: layers)
}

private func readLayer(_ pointer: UnsafePointer<XrCompositionLayerBaseHeader>?, viewCount: Int, readDepth: Bool,
                       curvedTypes: CurvedLayerTypes) -> SubmittedLayer {
    guard let header = pointer else { return .null }
    let raw = UnsafeRawPointer(header)
    switch header.pointee.type {
    case XR_TYPE_COMPOSITION_LAYER_PROJECTION:
        let layer = raw.assumingMemoryBound(to: XrCompositionLayerProjection.self).pointee
        var views: [ProjectionView]? = nil
        if Int(layer.viewCount) != viewCount {
            views = []
        } else if let array = layer.views {
            views = (0..<viewCount).map { readView(array[$0], readDepth: readDepth) }
        }
        return .projection(space: handleID(layer.space), flags: layer.layerFlags, views: views)
    case XR_TYPE_COMPOSITION_LAYER_QUAD:
        let layer = raw.assumingMemoryBound(to: XrCompositionLayerQuad.self).pointee
        return .quad(space: handleID(layer.space), flags: layer.layerFlags, eyeVisibility: Int32(bitPattern: layer.eyeVisibility.rawValue),
                     pose: pose(layer.pose), subImage: subImage(layer.subImage))
    case XR_TYPE_COMPOSITION_LAYER_CYLINDER_KHR where curvedTypes.contains(header.pointee.type):
        let layer = raw.assumingMemoryBound(to: XrCompositionLayerCylinderKHR.self).pointee
        return .curved(space: handleID(layer.space), flags: layer.layerFlags, eyeVisibility: Int32(bitPattern: layer.eyeVisibility.rawValue),
                       pose: pose(layer.pose), subImage: subImage(layer.subImage))
    case XR_TYPE_COMPOSITION_LAYER_EQUIRECT_KHR where curvedTypes.contains(header.pointee.type):
        let layer = raw.assumingMemoryBound(to: XrCompositionLayerEquirectKHR.self).pointee
        return .curved(space: handleID(layer.space), flags: layer.layerFlags, eyeVisibility: Int32(bitPattern: layer.eyeVisibility.rawValue),
                       pose: pose(layer.pose), subImage: subImage(layer.subImage))
    case XR_TYPE_COMPOSITION_LAYER_EQUIRECT2_KHR where curvedTypes.contains(header.pointee.type):
        let layer = raw.assumingMemoryBound(to: XrCompositionLayerEquirect2KHR.self).pointee
        return .curved(space: handleID(layer.space), flags: layer.layerFlags, eyeVisibility: Int32(bitPattern: layer.eyeVisibility.rawValue),
                       pose: pose(layer.pose), subImage: subImage(layer.subImage))
    default:
        return .unsupported(type: Int32(bitPattern: header.pointee.type.rawValue))
    }
}

private func readView(_ view: XrCompositionLayerProjectionView, readDepth: Bool) -> ProjectionView {
    var depth: DepthInfo? = nil
    if readDepth, let raw = findInChain(view.next, XR_TYPE_COMPOSITION_LAYER_DEPTH_INFO_KHR) {
        let d = raw.assumingMemoryBound(to: XrCompositionLayerDepthInfoKHR.self).pointee
        depth = DepthInfo(subImage: subImage(d.subImage), minDepth: d.minDepth, maxDepth: d.maxDepth, nearZ: d.nearZ, farZ: d.farZ)
    }
    return ProjectionView(hasValidType: view.type == XR_TYPE_COMPOSITION_LAYER_PROJECTION_VIEW,
                          pose: pose(view.pose), subImage: subImage(view.subImage), depth: depth)
}

private func subImage(_ s: XrSwapchainSubImage) -> SubImage {
    SubImage(swapchain: handleID(s.swapchain),
             rect: ImageRect(x: s.imageRect.offset.x, y: s.imageRect.offset.y,
                             width: s.imageRect.extent.width, height: s.imageRect.extent.height),
             arrayIndex: s.imageArrayIndex)
}

func pose(_ p: XrPosef) -> Pose {
    Pose(orientation: Quat(p.orientation.x, p.orientation.y, p.orientation.z, p.orientation.w),
         position: Vec3(p.position.x, p.position.y, p.position.z))
}

func xrPose(_ p: Pose) -> XrPosef {
    XrPosef(orientation: XrQuaternionf(x: p.orientation.x, y: p.orientation.y, z: p.orientation.z, w: p.orientation.w),
            position: XrVector3f(x: p.position.x, y: p.position.y, z: p.position.z))
}
