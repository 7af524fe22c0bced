import COpenXR
import XrPerfCore

extension FrameRecord {
    /// From the C record: -1 (or any negative duration) is "not measured".
    public init(_ raw: XrPerfFrameRecord) {
        func duration(_ value: Int64) -> Int64? { value >= 0 ? value : nil }
        let flags = FrameFlags(rawValue: raw.flags)
        self.init(
            frameIndex: raw.frameIndex, predictedDisplayTime: raw.predictedDisplayTime,
            displayPeriodNs: raw.predictedDisplayPeriod, waitCallNs: raw.waitCallNs, waitReturnNs: raw.waitReturnNs,
            beginCallNs: raw.beginCallNs, endCallNs: raw.endCallNs, endReturnNs: raw.endReturnNs,
            appCpuNs: duration(raw.appCpuNs), simCpuNs: duration(raw.simCpuNs), renderCpuNs: duration(raw.renderCpuNs),
            appGpuNs: flags.contains(.gpuPending) || flags.contains(.gpuUnavailable) ? nil : duration(raw.appGpuNs),
            layerCpuNs: duration(raw.layerCpuNs), layerGpuNs: duration(raw.layerGpuNs),
            frameIntervalNs: duration(raw.frameIntervalNs), missedFrames: raw.missedFrames, flags: flags,
            features: FeatureFlags(rawValue: raw.featureFlags),
            knobs: KnobSettings(renderScale: raw.renderScale, frameDivisor: raw.frameDivisor,
                                foveation: FoveationMode(rawValue: raw.foveationMode) ?? .off,
                                passFilter: PassFilter(rawValue: raw.passFilter) ?? .none))
        if raw.forecastGpuNs >= 0, raw.targetNs > 0 {
            decision = ControllerDecision(forecastGpuNs: raw.forecastGpuNs, targetNs: raw.targetNs)
        }
    }
}
