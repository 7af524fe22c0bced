import Testing
@testable import XrPerfCore

@Suite struct PlotChartTests {
    @Test func ticksAreRoundAndCoverTheRange() {
        #expect(AxisTicks.ticks(upTo: 23.7, maxTicks: 8) == [0, 5, 10, 15, 20, 25])
        #expect(AxisTicks.ticks(upTo: 10, maxTicks: 10) == Array(0...10).map(Double.init))
        #expect(AxisTicks.ticks(upTo: 0.37, maxTicks: 8).last! >= 0.37)
        #expect(AxisTicks.ticks(upTo: 37.3, maxTicks: 10) == [0, 5, 10, 15, 20, 25, 30, 35, 40])
        #expect(AxisTicks.ticks(upTo: 0) == [0, 1])
        #expect(AxisTicks.places(forStep: 5) == 0)
        #expect(AxisTicks.places(forStep: 0.2) == 1)
        #expect(AxisTicks.places(forStep: 0.05) == 2)
    }

    @Test func sparklineLevelsAndColumns() {
        #expect(Sparkline.render([0, 1, 4, 8, 20, nil], maximum: 8) == "▁▁▄██ ")
        #expect(Sparkline.render([1, 2], maximum: 0) == "  ")
        #expect(Sparkline.columns([1, 5, 2, 2, nil, nil], width: 3) == [5, 2, nil])
        #expect(Sparkline.columns([1, 2], width: 5) == [1, 2])
    }

    func chart(_ frames: [FrameRecord]) -> String {
        FrameChart(title: "app <&> \"x\"", subtitle: "sub").svg(frames: frames)
    }

    @Test func chartHasAxesLegendBudgetAndSeries() {
        let svg = chart(SyntheticFrames.make(count: 300))
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.hasSuffix("</svg>\n"))
        #expect(svg.contains("app &lt;&amp;&gt; &quot;x&quot;"))
        #expect(svg.contains(">time since first frame (s)</text>"))
        #expect(svg.contains(">frame time (ms)</text>"))
        #expect(svg.contains(">budget 11.11 ms</text>"))
        #expect(svg.contains("stroke-dasharray=\"6 4\""))
        for name in ["frame interval", "app CPU", "app GPU"] { #expect(svg.contains(">\(name)</text>")) }
        #expect(svg.components(separatedBy: "<path d=\"M").count - 1 == 3)
        #expect(svg.contains(">late frame (0)</text>"))
        #expect(!svg.contains("knob change"))
        #expect(!svg.contains("each point"))
        // Balanced: every opened element closed (no stray '<' from text).
        #expect(svg.components(separatedBy: "<text").count == svg.components(separatedBy: "</text>").count)
    }

    @Test func lateFramesKnobChangesAndClippedSpikes() {
        var frames = SyntheticFrames.make(count: 200, late: { $0 == 50 || $0 == 150 }, scale: { $0 < 100 ? 1 : 0.8 })
        frames[120].appGpuNs = 500_000_000
        let svg = chart(frames)
        #expect(svg.contains(">late frame (2)</text>"))
        #expect(svg.contains(">knob change (1)</text>"))
        #expect(svg.contains(">scale 0.80</text>"))
        #expect(svg.contains(">above "))
        #expect(svg.contains(">render scale 0.80</text>"))
    }

    @Test func denseRecordingsKeepTheSlowestFramePerColumn() {
        let frames = SyntheticFrames.make(count: 20_000, gpuMs: { $0 == 10_001 ? 9.5 : 5 })
        let svg = chart(frames)
        #expect(svg.contains("each point: slowest of"))
        let points = FrameChart.points(frames: frames, seconds: frames.map { Double($0.waitReturnNs) / 1e9 },
                                       perColumn: 21, value: { $0.appGpuNs })
        #expect(points.count == (20_000 + 20) / 21)
        #expect(points.contains { $0.ms == 9.5 })
    }

    @Test func missingSeriesIsLeftOut() {
        let svg = chart(SyntheticFrames.make(count: 10, gpuMs: { _ in nil }))
        #expect(!svg.contains(">app GPU</text>"))
        #expect(svg.components(separatedBy: "<path d=\"M").count - 1 == 2)
        #expect(chart([]).contains("</svg>"))
    }
}

@Suite struct ControllerChartAndSummaryTests {
    /// A run whose render scale the controller set every frame, with its
    /// decisions: the chart draws the scale as one line and the forecast,
    /// not a mark per change; the report summarises the plan.
    static func frames() -> [FrameRecord] {
        (0..<200).map { index in
            var frame = FrameRecord(frameIndex: UInt64(index), displayPeriodNs: 11_111_111,
                                    waitReturnNs: Int64(index) * 11_111_111, appGpuNs: 8_000_000 + Int64(index % 7) * 100_000,
                                    frameIntervalNs: 11_111_111,
                                    knobs: KnobSettings(renderScale: 0.6 + Float(index % 40) / 100))
            frame.decision = ControllerDecision(forecastGpuNs: 8_000_000, targetNs: 10_000_000)
            return frame
        }
    }

    @Test func aContinuousScaleIsALineAndTheForecastIsDrawn() {
        let svg = FrameChart(title: "t").svg(frames: Self.frames())
        #expect(svg.contains("render scale 0-1"))
        #expect(svg.contains("forecast GPU"))
        #expect(!svg.contains("knob change"))
    }

    @Test func theReportSummarisesThePlan() throws {
        let summary = try #require(ControllerSummary(frames: Self.frames()))
        #expect(summary.frames == 200 && summary.targetMs == 10)
        #expect(summary.overTarget == 0)
        #expect(try #require(summary.forecastErrorP90) < 0.1)
        #expect(ControllerSummary(frames: [FrameRecord()]) == nil)
        let report = try #require(RecordingReport(file: "f", session: nil, complete: true, declaredFrames: nil,
                                                  droppedFrames: 0, warnings: [], frames: Self.frames()))
        #expect(report.controller != nil && report.lastSettingStatistics == nil)
        #expect(report.recommendations.first?.id == "controller")
    }
}
