/// The frame-time chart of `xrperf plot`: an SVG a person reads without
/// help. Time (s) runs left to right; milliseconds up. Lines for frame
/// interval, app CPU and app GPU time (app CPU's simulation and render
/// thread parts in the same colour, dashed, when recorded); a dashed line
/// for the frame budget;
/// red marks under the plot for late frames; dotted vertical lines where a
/// knob changed. When there are more frames than pixel columns, each column
/// shows the maximum of its frames (so no spike disappears), and the chart
/// says so.
public struct FrameChart: Sendable {
    public var width = 1200
    public var height = 600
    public var title: String
    public var subtitle: String

    let left = 80.0, right = 200.0, top = 70.0, bottom = 90.0

    public init(title: String, subtitle: String = "") {
        self.title = title
        self.subtitle = subtitle
    }

    struct Series: Sendable {
        var name: String
        var color: String
        var value: @Sendable (FrameRecord) -> Int64?
        /// stroke-dasharray; nil draws a solid line.
        var dash: String? = nil

        var dashAttribute: String { dash.map { " stroke-dasharray=\"\($0)\"" } ?? "" }
    }

    static let series: [Series] = [
        Series(name: "frame interval", color: "#1f6fb4", value: { $0.frameIntervalNs }),
        Series(name: "app CPU", color: "#2a9d3a", value: { $0.appCpuNs }),
        Series(name: "sim thread CPU", color: "#2a9d3a", value: { $0.simCpuNs }, dash: "7 3"),
        Series(name: "render thread CPU", color: "#2a9d3a", value: { $0.renderCpuNs }, dash: "2 2"),
        Series(name: "app GPU", color: "#e07b00", value: { $0.appGpuNs }),
    ]
    /// The controller's forecast, drawn dashed when the recording has it.
    static let forecast = Series(name: "forecast GPU", color: "#777777", value: { $0.decision?.forecastGpuNs })
    static let missColor = "#d62728"
    static let knobColor = "#7b3fa0"

    /// More distinct render scales than this: the scale is drawn as a line
    /// (the controller sets it every frame) instead of a mark per change.
    static let scaleLineThreshold = 12

    public func svg(frames: [FrameRecord]) -> String {
        let plotWidth = Double(width) - left - right
        let plotHeight = Double(height) - top - bottom
        let start = frames.first?.waitReturnNs ?? 0
        let seconds = frames.map { Double($0.waitReturnNs - start) / 1e9 }
        let span = max(seconds.last ?? 0, 1e-3)
        let xTicks = AxisTicks.ticks(upTo: span, maxTicks: 10)
        let xMax = xTicks.last!
        let budgetNs = FrameStatistics.median(frames.compactMap(\.budgetNs))
        let budgetMs = budgetNs.map { Double($0) / 1e6 }

        // The y range: everything plotted up to 4 budgets (a missed frame's
        // interval of 2-3 budgets stays visible; a rare huge spike is clipped
        // rather than flattening the rest), at least 1.25 budgets. Without a
        // budget: the 99.5th percentile.
        let allValues = Self.series.flatMap { series in frames.compactMap(series.value).map { Double($0) / 1e6 } }
            .sorted()
        let yTop: Double
        if let budgetMs {
            yTop = max(min(allValues.last ?? 0, budgetMs * 4), budgetMs * 1.25) * 1.05
        } else {
            yTop = (Percentile.of(sorted: allValues, 0.995) ?? 1) * 1.1
        }
        let yTicks = AxisTicks.ticks(upTo: max(yTop, 0.1), maxTicks: 8)
        let yMax = yTicks.last!
        let yPlaces = AxisTicks.places(forStep: yTicks[1] - yTicks[0])
        let xPlaces = AxisTicks.places(forStep: xTicks[1] - xTicks[0])

        func x(_ t: Double) -> Double { left + t / xMax * plotWidth }
        func y(_ ms: Double) -> Double { top + plotHeight - min(ms, yMax) / yMax * plotHeight }
        func f(_ v: Double) -> String { NumberText.fixed(v, places: 1) }

        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" \
            viewBox="0 0 \(width) \(height)" font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="13">

            """
        out += "<title>\(Self.escaped(title))</title>\n"
        out += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
        out += "<text x=\"\(f(left))\" y=\"28\" font-size=\"18\" font-weight=\"bold\">\(Self.escaped(title))</text>\n"
        if !subtitle.isEmpty {
            out += "<text x=\"\(f(left))\" y=\"50\" fill=\"#444\">\(Self.escaped(subtitle))</text>\n"
        }

        // Grid and axes.
        out += "<g stroke=\"#e3e3e3\" stroke-width=\"1\">\n"
        for tick in yTicks { out += "<line x1=\"\(f(left))\" y1=\"\(f(y(tick)))\" x2=\"\(f(left + plotWidth))\" y2=\"\(f(y(tick)))\"/>\n" }
        for tick in xTicks { out += "<line x1=\"\(f(x(tick)))\" y1=\"\(f(top))\" x2=\"\(f(x(tick)))\" y2=\"\(f(top + plotHeight))\"/>\n" }
        out += "</g>\n"
        out += "<rect x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(plotWidth))\" height=\"\(f(plotHeight))\" fill=\"none\" stroke=\"#333\"/>\n"
        out += "<g fill=\"#333\">\n"
        for tick in yTicks {
            out += "<text x=\"\(f(left - 8))\" y=\"\(f(y(tick) + 4))\" text-anchor=\"end\">\(NumberText.fixed(tick, places: yPlaces))</text>\n"
        }
        for tick in xTicks {
            out += "<text x=\"\(f(x(tick)))\" y=\"\(f(top + plotHeight + 34))\" text-anchor=\"middle\">\(NumberText.fixed(tick, places: xPlaces))</text>\n"
        }
        out += "<text x=\"\(f(left + plotWidth / 2))\" y=\"\(f(top + plotHeight + 58))\" text-anchor=\"middle\">time since first frame (s)</text>\n"
        out += "<text transform=\"translate(22 \(f(top + plotHeight / 2))) rotate(-90)\" text-anchor=\"middle\">frame time (ms)</text>\n"
        out += "</g>\n"

        // Series, reduced to one point per pixel column when dense.
        let columns = Int(plotWidth)
        let perColumn = frames.count > columns * 2 ? (frames.count + columns - 1) / columns : 1
        out += "<g fill=\"none\" stroke-width=\"1.4\" stroke-linejoin=\"round\">\n"
        for series in Self.series {
            let points = Self.points(frames: frames, seconds: seconds, perColumn: perColumn, value: series.value)
            guard !points.isEmpty else { continue }
            var path = ""
            var pen = false
            for point in points {
                guard let ms = point.ms else { pen = false; continue }
                path += (pen ? " L" : (path.isEmpty ? "M" : " M")) + "\(f(x(point.t))) \(f(y(ms)))"
                pen = true
            }
            out += "<path d=\"\(path)\" stroke=\"\(series.color)\"\(series.dashAttribute)/>\n"
        }
        out += "</g>\n"

        // Values above the top of the chart.
        let clipped = frames.indices.filter { index in
            Self.series.contains { series in series.value(frames[index]).map { Double($0) / 1e6 > yMax } ?? false }
        }
        out += Self.marks(at: clipped.map { x(seconds[$0]) }, minimumGap: 3, group: "fill=\"#333\"") { mx in
            "<path d=\"M\(f(mx - 3)) \(f(top + 6)) L\(f(mx)) \(f(top)) L\(f(mx + 3)) \(f(top + 6)) Z\"/>"
        }

        // The frame budget.
        if let budgetMs {
            out += "<line x1=\"\(f(left))\" y1=\"\(f(y(budgetMs)))\" x2=\"\(f(left + plotWidth))\" y2=\"\(f(y(budgetMs)))\" stroke=\"#000\" stroke-width=\"1.2\" stroke-dasharray=\"6 4\"/>\n"
        }

        // Late frames: a red tick under the plot area per frame.
        let late = frames.indices.filter { frames[$0].isLate }
        out += Self.marks(at: late.map { x(seconds[$0]) }, minimumGap: 2,
                          group: "stroke=\"\(Self.missColor)\" stroke-width=\"2\"") { mx in
            "<line x1=\"\(f(mx))\" y1=\"\(f(top + plotHeight + 4))\" x2=\"\(f(mx))\" y2=\"\(f(top + plotHeight + 16))\"/>"
        }

        // The controller's forecast.
        let forecastPoints = Self.points(frames: frames, seconds: seconds, perColumn: perColumn, value: Self.forecast.value)
        if forecastPoints.contains(where: { $0.ms != nil }) {
            var path = ""
            var pen = false
            for point in forecastPoints {
                guard let ms = point.ms else { pen = false; continue }
                path += (pen ? " L" : (path.isEmpty ? "M" : " M")) + "\(f(x(point.t))) \(f(y(ms)))"
                pen = true
            }
            out += "<path d=\"\(path)\" fill=\"none\" stroke=\"\(Self.forecast.color)\" stroke-width=\"1.2\" stroke-dasharray=\"4 3\"/>\n"
        }

        // Knob changes: a continuously set render scale as a line (0 at the
        // bottom of the plot, 1 at the top), the other changes as marks.
        let knobs = KnobUsage(frames: frames)
        let scaleLine = Set(frames.map { KnobUsage.Setting($0.knobs).renderScale }).count > Self.scaleLineThreshold
        if scaleLine {
            let topScale = max(1, frames.map { Double($0.knobs.renderScale) }.max() ?? 1)
            var path = ""
            for index in stride(from: 0, to: frames.count, by: max(perColumn, 1)) {
                let scaleY = top + plotHeight - Double(frames[index].knobs.renderScale) / topScale * plotHeight
                path += (path.isEmpty ? "M" : " L") + "\(f(x(seconds[index]))) \(f(scaleY))"
            }
            out += "<path d=\"\(path)\" fill=\"none\" stroke=\"\(Self.knobColor)\" stroke-width=\"1.2\" opacity=\"0.8\"/>\n"
        }
        let markedChanges = knobs.changes.filter { change in
            !scaleLine || change.from.frameDivisor != change.to.frameDivisor || change.from.foveation != change.to.foveation
        }
        for change in markedChanges {
            let cx = x(seconds[change.position])
            out += "<line x1=\"\(f(cx))\" y1=\"\(f(top))\" x2=\"\(f(cx))\" y2=\"\(f(top + plotHeight))\" stroke=\"\(Self.knobColor)\" stroke-width=\"1.2\" stroke-dasharray=\"2 3\"/>\n"
            out += "<text transform=\"translate(\(f(cx + 4)) \(f(top + 12))) rotate(90)\" fill=\"\(Self.knobColor)\" font-size=\"11\">\(Self.escaped(Self.changeText(change)))</text>\n"
        }

        // Legend.
        let legendX = left + plotWidth + 20
        var legendY = top + 10
        out += "<g>\n"
        for series in Self.series where frames.contains(where: { series.value($0) != nil }) {
            out += "<line x1=\"\(f(legendX))\" y1=\"\(f(legendY))\" x2=\"\(f(legendX + 24))\" y2=\"\(f(legendY))\" stroke=\"\(series.color)\" stroke-width=\"2.5\"\(series.dashAttribute)/>\n"
            out += "<text x=\"\(f(legendX + 32))\" y=\"\(f(legendY + 4))\">\(series.name)</text>\n"
            legendY += 22
        }
        if let budgetMs {
            out += "<line x1=\"\(f(legendX))\" y1=\"\(f(legendY))\" x2=\"\(f(legendX + 24))\" y2=\"\(f(legendY))\" stroke=\"#000\" stroke-width=\"1.2\" stroke-dasharray=\"6 4\"/>\n"
            out += "<text x=\"\(f(legendX + 32))\" y=\"\(f(legendY + 4))\">budget \(NumberText.fixed(budgetMs, places: 2)) ms</text>\n"
            legendY += 22
        }
        out += "<line x1=\"\(f(legendX + 12))\" y1=\"\(f(legendY - 6))\" x2=\"\(f(legendX + 12))\" y2=\"\(f(legendY + 6))\" stroke=\"\(Self.missColor)\" stroke-width=\"2\"/>\n"
        out += "<text x=\"\(f(legendX + 32))\" y=\"\(f(legendY + 4))\">late frame (\(late.count))</text>\n"
        legendY += 22
        if forecastPoints.contains(where: { $0.ms != nil }) {
            out += "<line x1=\"\(f(legendX))\" y1=\"\(f(legendY))\" x2=\"\(f(legendX + 24))\" y2=\"\(f(legendY))\" stroke=\"\(Self.forecast.color)\" stroke-width=\"1.2\" stroke-dasharray=\"4 3\"/>\n"
            out += "<text x=\"\(f(legendX + 32))\" y=\"\(f(legendY + 4))\">\(Self.forecast.name)</text>\n"
            legendY += 22
        }
        if scaleLine {
            out += "<line x1=\"\(f(legendX))\" y1=\"\(f(legendY))\" x2=\"\(f(legendX + 24))\" y2=\"\(f(legendY))\" stroke=\"\(Self.knobColor)\" stroke-width=\"2\"/>\n"
            out += "<text x=\"\(f(legendX + 32))\" y=\"\(f(legendY + 4))\">render scale 0-1</text>\n"
            legendY += 22
        }
        if !markedChanges.isEmpty {
            out += "<line x1=\"\(f(legendX + 12))\" y1=\"\(f(legendY - 8))\" x2=\"\(f(legendX + 12))\" y2=\"\(f(legendY + 8))\" stroke=\"\(Self.knobColor)\" stroke-width=\"1.2\" stroke-dasharray=\"2 3\"/>\n"
            out += "<text x=\"\(f(legendX + 32))\" y=\"\(f(legendY + 4))\">knob change (\(markedChanges.count))</text>\n"
            legendY += 22
        }
        if !clipped.isEmpty {
            out += "<path d=\"M\(f(legendX + 9)) \(f(legendY + 3)) L\(f(legendX + 12)) \(f(legendY - 3)) L\(f(legendX + 15)) \(f(legendY + 3)) Z\" fill=\"#333\"/>\n"
            out += "<text x=\"\(f(legendX + 32))\" y=\"\(f(legendY + 4))\">above \(NumberText.fixed(yMax, places: yPlaces)) ms</text>\n"
            legendY += 22
        }
        if perColumn > 1 {
            out += "<text x=\"\(f(legendX))\" y=\"\(f(legendY + 10))\" fill=\"#555\" font-size=\"11\">each point: slowest of</text>\n"
            out += "<text x=\"\(f(legendX))\" y=\"\(f(legendY + 24))\" fill=\"#555\" font-size=\"11\">\(perColumn) consecutive frames</text>\n"
        }
        if let current = knobs.current {
            let lines = ["knobs at the end:", "render scale \(NumberText.fixed(current.renderScale, places: 2))",
                         "frame divisor \(current.frameDivisor)", "foveation \(current.foveation)"]
            for (index, line) in lines.enumerated() {
                let lineY = top + plotHeight - Double(lines.count - 1 - index) * 14 - 4
                out += "<text x=\"\(f(legendX))\" y=\"\(f(lineY))\" fill=\"#555\" font-size=\"11\">\(Self.escaped(line))</text>\n"
            }
        }
        out += "</g>\n</svg>\n"
        return out
    }

    /// One mark per x position in a group, skipping marks closer than
    /// `minimumGap` pixels to the previous one (they would overlap anyway).
    static func marks(at xs: [Double], minimumGap: Double, group: String, _ mark: (Double) -> String) -> String {
        guard !xs.isEmpty else { return "" }
        var out = "<g \(group)>\n"
        var lastX = -Double.infinity
        for x in xs where x - lastX >= minimumGap {
            lastX = x
            out += mark(x) + "\n"
        }
        return out + "</g>\n"
    }

    struct Point {
        var t: Double
        var ms: Double?
    }

    /// One point per frame, or per group of `perColumn` frames (the group's
    /// maximum, at its first frame's time).
    static func points(frames: [FrameRecord], seconds: [Double], perColumn: Int,
                       value: (FrameRecord) -> Int64?) -> [Point] {
        guard frames.contains(where: { value($0) != nil }) else { return [] }
        var points: [Point] = []
        points.reserveCapacity(frames.count / perColumn + 1)
        var index = 0
        while index < frames.count {
            let end = min(frames.count, index + perColumn)
            let worst = frames[index..<end].compactMap(value).max()
            points.append(Point(t: seconds[index], ms: worst.map { Double($0) / 1e6 }))
            index = end
        }
        return points
    }

    static func changeText(_ change: KnobUsage.Change) -> String {
        var parts: [String] = []
        if change.from.renderScale != change.to.renderScale {
            parts.append("scale \(NumberText.fixed(change.to.renderScale, places: 2))")
        }
        if change.from.frameDivisor != change.to.frameDivisor { parts.append("divisor \(change.to.frameDivisor)") }
        if change.from.foveation != change.to.foveation { parts.append("foveation \(change.to.foveation)") }
        return parts.joined(separator: ", ")
    }

    /// Text for XML content and attribute values.
    public static func escaped(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default:
                if let ascii = character.asciiValue, ascii < 0x20, ascii != 0x09 { continue }
                out.append(character)
            }
        }
        return out
    }
}
