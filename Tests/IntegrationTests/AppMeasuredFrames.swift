import Foundation
import Testing

/// The layer's recording joined, frame by frame on display time, with what
/// xrperf-loadgen measured of the same frames itself (--frame-log): its
/// threads' own CPU clocks over the same spans, and timestamps around its
/// own GPU work. Agreement is judged against the app, never against the
/// nominal load: on a busy machine both grow together.
struct AppMeasuredFrames {
    struct Pair {
        let app: [String: Any]
        let layer: [String: Any]

        /// The app's value in ms (its log holds nanoseconds).
        func app(_ key: String) -> Double? { (app[key] as? NSNumber).map { $0.doubleValue / 1e6 } }
        func layer(_ key: String) -> Double? { (layer[key] as? NSNumber)?.doubleValue }
    }

    let pairs: [Pair]

    /// The issue's tolerance, 10% or 0.3 ms: the layer reads each thread's
    /// clock a few microseconds after the app does (its hooks run between),
    /// and its timestamps bracket the whole submission where the app's sit
    /// inside its command buffer.
    static func agrees(_ layer: Double, with app: Double) -> Bool {
        abs(layer - app) <= max(0.1 * app, 0.3)
    }

    init(appLog: URL, recording: TelemetryTests.Recording) throws {
        let text = try String(contentsOf: appLog, encoding: .utf8)
        var byDisplayTime: [Int: [String: Any]] = [:]
        for frame in recording.frames {
            if let time = frame["display_time_ns"] as? Int { byDisplayTime[time] = frame }
        }
        var pairs: [Pair] = []
        for line in text.split(separator: "\n") {
            let app = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            if let time = app["display_time_ns"] as? Int, let layer = byDisplayTime[time] {
                pairs.append(Pair(app: app, layer: layer))
            }
        }
        self.pairs = pairs
    }

    /// The pairs, after the first few frames (pipelines built, caches cold).
    var settled: ArraySlice<Pair> { pairs.dropFirst(5) }

    /// Frames where the layer's `layerKey` (ms) disagrees with the app's
    /// `appKey` (ns), as text, and how many were compared.
    func disagreements(app appKey: String, layer layerKey: String) -> (compared: Int, listed: [String]) {
        var compared = 0
        var listed: [String] = []
        for pair in settled {
            guard let app = pair.app(appKey), let layer = pair.layer(layerKey) else { continue }
            compared += 1
            if !Self.agrees(layer, with: app) {
                listed.append("frame \(pair.app["frame"] ?? "?"): app \(appKey) \(app) ms, layer \(layerKey) \(layer) ms")
            }
        }
        return (compared, listed)
    }

    /// Medians in ms of the app's and the layer's value over the settled frames.
    func medians(app appKey: String, layer layerKey: String) -> (app: Double, layer: Double)? {
        let app = settled.compactMap { $0.app(appKey) }.sorted()
        let layer = settled.compactMap { $0.layer(layerKey) }.sorted()
        guard !app.isEmpty, !layer.isEmpty else { return nil }
        return (app[app.count / 2], layer[layer.count / 2])
    }

    /// Checks a per-frame CPU part: at least 95% of the settled frames agree
    /// (one a preemption lands between the two clock reads may not).
    func expectAgreement(app appKey: String, layer layerKey: String, _ context: Comment,
                         sourceLocation: SourceLocation = #_sourceLocation) {
        let (compared, listed) = disagreements(app: appKey, layer: layerKey)
        #expect(compared >= 20, "\(layerKey): only \(compared) frames compared", sourceLocation: sourceLocation)
        #expect(Double(listed.count) <= 0.05 * Double(compared),
                "\(layerKey): \(listed.count) of \(compared) frames off: \(listed.prefix(8))\n\(context)",
                sourceLocation: sourceLocation)
    }

    /// Checks GPU time on the median of the frames' differences, layer −
    /// app, against the app's median: lavapipe runs on the same two cores as
    /// everything else, so single frames scatter, and two medians taken
    /// apart scatter more than the paired difference (beside stress-ng
    /// --cpu 2, medians of 3.90 and 4.42 ms for a paired median of 0.11 ms).
    func expectGpuAgreement(_ context: Comment, sourceLocation: SourceLocation = #_sourceLocation) {
        let differences = settled.compactMap { pair -> Double? in
            guard let app = pair.app("gpu_ns"), let layer = pair.layer("app_gpu_ms") else { return nil }
            return layer - app
        }.sorted()
        guard let (app, layer) = medians(app: "gpu_ns", layer: "app_gpu_ms"), !differences.isEmpty else {
            Issue.record("no GPU times to compare\n\(context)", sourceLocation: sourceLocation)
            return
        }
        let difference = differences[differences.count / 2]
        #expect(Self.agrees(app + difference, with: app),
                "GPU: median difference layer − app \(difference) ms; p50 app \(app) ms, layer \(layer) ms\n\(context)",
                sourceLocation: sourceLocation)
    }
}
