import COpenXR
import Foundation

/// --json: the run summary as one JSON object on standard output, instead of
/// the text lines; every field for every view configuration, so tests need
/// not parse text (docs/loadgen.md lists the fields).
extension RunSummary {
    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let document = Document(
            viewConfiguration: viewConfiguration, foveatedRendering: foveatedRendering.rawValue,
            submittedViews: submittedViews, frames: frames, rendered: renderedFrames, seconds: seconds, fps: meanFps,
            pixelsPerFrame: pixelsPerFrame, meanRenderScale: dynamicResolution ? meanRenderScale : nil,
            performanceNotifications: performanceSettings ? performanceNotifications.map(\.description) : nil,
            actionsSynced: actions ? actionsSynced : nil, views: views.map(View.init))
        // Plain values only: encoding cannot fail.
        let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    private struct Document: Encodable {
        let viewConfiguration: String
        let foveatedRendering: String
        let submittedViews: Int
        let frames: UInt64
        let rendered: UInt64
        let seconds: Double
        let fps: Double
        let pixelsPerFrame: UInt64
        // Left out when nil: present exactly when the option that makes them is given.
        let meanRenderScale: Double?
        let performanceNotifications: [String]?
        let actionsSynced: UInt64?
        let views: [View]
    }

    private struct Size: Encodable {
        let width: Int64
        let height: Int64
    }

    private struct Rect: Encodable {
        let x: Int32
        let y: Int32
        let width: Int32
        let height: Int32
    }

    private struct Fov: Encodable {
        let angleLeft: Float
        let angleRight: Float
        let angleUp: Float
        let angleDown: Float
    }

    private struct View: Encodable {
        let index: Int
        let role: String
        let format: String
        let layout: String
        let swapchain: Int
        let arrayIndex: UInt32
        let imageSize: Size
        let rect: Rect
        let write: String
        let pattern: String
        let fov: Fov?

        init(_ report: ViewReport) {
            index = report.index
            role = report.role.rawValue
            format = report.format
            layout = report.layout
            swapchain = report.swapchain
            arrayIndex = report.arrayIndex
            imageSize = Size(width: Int64(report.imageWidth), height: Int64(report.imageHeight))
            rect = Rect(x: report.rect.offset.x, y: report.rect.offset.y,
                        width: report.rect.extent.width, height: report.rect.extent.height)
            write = report.write
            pattern = report.pattern
            fov = report.fov.map { Fov(angleLeft: $0.angleLeft, angleRight: $0.angleRight, angleUp: $0.angleUp,
                                       angleDown: $0.angleDown) }
        }

        private enum CodingKeys: String, CodingKey {
            case index, role, format, layout, swapchain, arrayIndex, imageSize, rect, write, pattern, fov
        }

        /// `fov` is null, not left out, until a frame located the views.
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(index, forKey: .index)
            try container.encode(role, forKey: .role)
            try container.encode(format, forKey: .format)
            try container.encode(layout, forKey: .layout)
            try container.encode(swapchain, forKey: .swapchain)
            try container.encode(arrayIndex, forKey: .arrayIndex)
            try container.encode(imageSize, forKey: .imageSize)
            try container.encode(rect, forKey: .rect)
            try container.encode(write, forKey: .write)
            try container.encode(pattern, forKey: .pattern)
            try container.encode(fov, forKey: .fov)
        }
    }
}
