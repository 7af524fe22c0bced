/// What the layer learned across sessions: per app and platform, the render
/// scale and frame divisor sessions could sustain. The layer reads it at
/// session start and merges each finished session into it; `xrperf tune`
/// shows and resets it. Pure values: file access is the caller's.
public struct LearnedState: Sendable, Equatable {
    public static let formatVersion = 1
    /// Beyond this, the least recently updated entries are evicted.
    public static let maximumEntries = 256
    public static let maximumFileBytes = 1 << 20
    /// Sessions shorter than this teach nothing: the controller has barely
    /// settled after start-up (300 frames is 2.5 s at 120 Hz, 5 s at 60 Hz).
    public static let minimumFrames = 300
    /// Longest application or platform name kept, in UTF-8 bytes. Runtime,
    /// system and GPU names are at most 128 + 256 + 256 bytes in OpenXR and
    /// Vulkan but real ones are far shorter; the bound keeps the file bounded.
    public static let maximumNameBytes = 512
    public static let renderScaleRange: ClosedRange<Double> = 0.1...2
    public static let frameDivisorRange: ClosedRange<Int> = 1...4

    public var entries: [LearnedKey: LearnedSettings]

    public init() {
        entries = [:]
    }

    public init(entries: [LearnedKey: LearnedSettings]) {
        self.entries = entries
    }

    /// What a new session of this app on this platform should start from, if known.
    public func settings(for key: LearnedKey) -> LearnedSettings? {
        entries[key]
    }

    /// The entries in file order (application, then platform).
    public var sortedEntries: [(key: LearnedKey, settings: LearnedSettings)] {
        entries.sorted { $0.key < $1.key }.map { (key: $0.key, settings: $0.value) }
    }

    /// Merges a finished session. `renderScale` and `frameDivisor` are what it
    /// could sustain (clamped to their ranges).
    ///
    /// The rule: what was known weighs half its `weight`, the new session its
    /// frame count. The render scale becomes the weighted mean (rounded to
    /// 0.001), the frame divisor the weighted mean rounded to the nearest
    /// whole divisor, a tie rounded toward the new session's. The new weight is the
    /// sum of both. So every session counts by its length, and each later
    /// session halves what the earlier ones count: after a run of equal
    /// sessions the newest carries half of the result, the one before a
    /// quarter, and so on. An app or driver update therefore shows within a
    /// few sessions, while one short odd session moves the values little.
    ///
    /// Ignored: sessions under `minimumFrames`, a non-finite scale, names
    /// longer than `maximumNameBytes`. Beyond `maximumEntries` (or
    /// `maximumFileBytes` encoded) the least recently updated other entries
    /// are evicted.
    public mutating func record(
        _ key: LearnedKey, renderScale: Double, frameDivisor: Int, frames: Int, atRealtimeNs: Int64
    ) {
        guard frames >= Self.minimumFrames, renderScale.isFinite,
            key.application.utf8.count <= Self.maximumNameBytes, key.platform.utf8.count <= Self.maximumNameBytes
        else { return }
        let scale = min(max(renderScale, Self.renderScaleRange.lowerBound), Self.renderScaleRange.upperBound)
        let divisor = min(max(frameDivisor, Self.frameDivisorRange.lowerBound), Self.frameDivisorRange.upperBound)
        let now = max(atRealtimeNs, 0)
        guard let known = entries[key] else {
            entries[key] = LearnedSettings(
                renderScale: Self.rounded(scale), frameDivisor: divisor, sessions: 1, frames: frames, updatedRealtimeNs: now)
            evict(keeping: key)
            return
        }
        let past = Double(known.weight / 2)
        let recent = Double(frames)
        let total = past + recent
        let meanDivisor = (past * Double(known.frameDivisor) + recent * Double(divisor)) / total
        let isTie = meanDivisor - meanDivisor.rounded(.down) == 0.5
        let towardNew: FloatingPointRoundingRule = Double(divisor) > meanDivisor ? .up : .down
        let blendedDivisor = Int(meanDivisor.rounded(isTie ? towardNew : .toNearestOrAwayFromZero))
        entries[key] = LearnedSettings(
            renderScale: Self.rounded((past * known.renderScale + recent * scale) / total),
            frameDivisor: min(max(blendedDivisor, Self.frameDivisorRange.lowerBound), Self.frameDivisorRange.upperBound),
            sessions: Self.saturatingSum(known.sessions, 1),
            frames: Self.saturatingSum(known.frames, frames),
            updatedRealtimeNs: now,
            weight: Self.saturatingSum(known.weight / 2, frames))
        evict(keeping: key)
    }

    /// Removes the entries of `application` on every platform; nil removes all.
    /// Returns how many were removed.
    @discardableResult
    public mutating func remove(application: String?) -> Int {
        let before = entries.count
        if let application {
            entries = entries.filter { $0.key.application != application }
        } else {
            entries.removeAll()
        }
        return before - entries.count
    }

    /// Least recently updated first; ties by key so the result never depends
    /// on dictionary order.
    private mutating func evict(keeping kept: LearnedKey) {
        guard entries.count > Self.maximumEntries || encodedByteCountBound > Self.maximumFileBytes else { return }
        var size = encoded().count
        guard entries.count > Self.maximumEntries || size > Self.maximumFileBytes else { return }
        let oldestFirst = entries.filter { $0.key != kept }.sorted {
            ($0.value.updatedRealtimeNs, $0.key) < ($1.value.updatedRealtimeNs, $1.key)
        }
        for (key, settings) in oldestFirst {
            guard entries.count > Self.maximumEntries || size > Self.maximumFileBytes else { break }
            size -= Self.encodedEntry(key, settings).count + Self.entryFramingBytes
            entries[key] = nil
        }
    }

    /// Never less than the encoded size, and cheap: escaping makes a name byte at most
    /// 6 bytes and the rest of a line is under 256. Saves encoding the whole
    /// file on each record while it is far from the limit.
    private var encodedByteCountBound: Int {
        entries.keys.reduce(64) { $0 + 256 + 6 * ($1.application.utf8.count + $1.platform.utf8.count) }
    }

    private static func rounded(_ scale: Double) -> Double {
        let value = (scale * 1000).rounded() / 1000
        return min(max(value, renderScaleRange.lowerBound), renderScaleRange.upperBound)
    }

    private static func saturatingSum(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : sum
    }
}
