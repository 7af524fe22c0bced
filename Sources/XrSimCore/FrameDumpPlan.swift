/// One file of a dumped frame: which sub-image it shows and what it is called.
public struct DumpTarget: Equatable, Sendable {
    public var fileName: String
    public var subImage: SubImage

    public init(fileName: String, subImage: SubImage) {
        self.fileName = fileName
        self.subImage = subImage
    }
}

/// The files a validated frame dumps to: one per projection view, one per
/// quad and one per cylinder or equirect layer ("curved"), named by frame index and position in XrFrameEndInfo::layers so a test
/// can find each without listing the directory. Depth sub-images are left out:
/// pixel tests compare colour.
public func dumpTargets(frame: UInt64, layers: [SubmittedLayer]) -> [DumpTarget] {
    var targets: [DumpTarget] = []
    for (index, layer) in layers.enumerated() {
        switch layer {
        case let .projection(_, _, views):
            for (view, projectionView) in (views ?? []).enumerated() {
                targets.append(DumpTarget(fileName: "frame-\(frame)-layer-\(index)-view-\(view).pam",
                                          subImage: projectionView.subImage))
            }
        case let .quad(_, _, _, _, subImage):
            targets.append(DumpTarget(fileName: "frame-\(frame)-layer-\(index)-quad.pam", subImage: subImage))
        case let .curved(_, _, _, _, subImage):
            targets.append(DumpTarget(fileName: "frame-\(frame)-layer-\(index)-curved.pam", subImage: subImage))
        case .null, .unsupported:
            break
        }
    }
    return targets
}

/// The header comments of a dump, so a test knows what it reads without
/// knowing the app: the VkFormat number, the swapchain's size and array size,
/// and the sub-image rectangle and array index.
public func dumpComments(vkFormat: Int64, swapchainWidth: UInt32, swapchainHeight: UInt32, arraySize: UInt32,
                         subImage: SubImage) -> [String] {
    let r = subImage.rect
    return [
        "vkformat \(vkFormat)",
        "swapchain \(swapchainWidth)x\(swapchainHeight) array \(arraySize)",
        "rect \(r.x) \(r.y) \(r.width) \(r.height)",
        "arrayIndex \(subImage.arrayIndex)",
    ]
}
