import COpenXR
import XrPerfCore

/// FrameRecord in the C layout of the shared-memory ring: nil durations
/// become -1 ("not measured") as telemetry.h specifies.
extension XrPerfFrameRecord {
    public init(_ frame: FrameRecord) {
        self.init()
        flags = frame.flags.rawValue
        frameIndex = frame.frameIndex
        predictedDisplayTime = frame.predictedDisplayTime
        predictedDisplayPeriod = frame.displayPeriodNs
        waitCallNs = frame.waitCallNs
        waitReturnNs = frame.waitReturnNs
        beginCallNs = frame.beginCallNs
        endCallNs = frame.endCallNs
        endReturnNs = frame.endReturnNs
        appCpuNs = frame.appCpuNs ?? -1
        simCpuNs = frame.simCpuNs ?? -1
        renderCpuNs = frame.renderCpuNs ?? -1
        appGpuNs = frame.appGpuNs ?? -1
        layerCpuNs = frame.layerCpuNs ?? -1
        layerGpuNs = frame.layerGpuNs ?? -1
        frameIntervalNs = frame.frameIntervalNs ?? -1
        missedFrames = frame.missedFrames
        featureFlags = frame.features.rawValue
        renderScale = frame.knobs.renderScale
        frameDivisor = frame.knobs.frameDivisor
        foveationMode = frame.knobs.foveation.rawValue
        passFilter = frame.knobs.passFilter.rawValue
        forecastGpuNs = frame.decision?.forecastGpuNs ?? -1
        targetNs = frame.decision?.targetNs ?? -1
    }
}
