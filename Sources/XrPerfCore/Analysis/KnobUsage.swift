/// Which knob settings frames ran with, and where they changed.
public struct KnobUsage: Sendable, Equatable, Codable {
    /// One combination of settings. Render scale is rounded to 3 decimals so
    /// float noise does not split a setting.
    public struct Setting: Sendable, Hashable, Codable {
        public var renderScale: Double
        public var frameDivisor: UInt32
        public var foveation: String
        /// The upscaling pass's filter; nil without a pass.
        public var passFilter: String?

        public init(_ knobs: KnobSettings) {
            renderScale = (Double(knobs.renderScale) * 1000).rounded() / 1000
            frameDivisor = knobs.frameDivisor
            foveation = knobs.foveation.name
            passFilter = knobs.passFilter == .none ? nil : knobs.passFilter.name
        }

        /// "scale 0.85, divisor 1, foveation off" (", filter edge" with a pass).
        public var text: String {
            "scale \(NumberText.fixed(renderScale, places: 2)), divisor \(frameDivisor), foveation \(foveation)"
                + (passFilter.map { ", filter \($0)" } ?? "")
        }
    }

    public struct Entry: Sendable, Equatable, Codable {
        public var setting: Setting
        public var frames: Int
        public var share: Double
    }

    public struct Change: Sendable, Equatable, Codable {
        /// The frame index of the first frame with the new setting.
        public var frame: UInt64
        /// Its position in the analysed frames (0-based).
        public var position: Int
        public var from: Setting
        public var to: Setting
    }

    /// Most used first; ties in order of first use.
    public var histogram: [Entry]
    public var changes: [Change]
    /// The setting of the last frame.
    public var current: Setting?

    public init(frames: [FrameRecord]) {
        var order: [Setting] = []
        var counts: [Setting: Int] = [:]
        var changes: [Change] = []
        var previous: Setting?
        for (position, frame) in frames.enumerated() {
            let setting = Setting(frame.knobs)
            if counts[setting] == nil { order.append(setting) }
            counts[setting, default: 0] += 1
            if let previous, previous != setting {
                changes.append(Change(frame: frame.frameIndex, position: position, from: previous, to: setting))
            }
            previous = setting
        }
        let total = max(1, frames.count)
        let entries = order.map { Entry(setting: $0, frames: counts[$0]!, share: Double(counts[$0]!) / Double(total)) }
        // Stable: the first-use order breaks ties.
        histogram = entries.enumerated().sorted { a, b in
            a.element.frames != b.element.frames ? a.element.frames > b.element.frames : a.offset < b.offset
        }.map(\.element)
        self.changes = changes
        current = previous
    }
}
