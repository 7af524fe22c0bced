import COpenXR
import XrSimCore

extension InstanceObject {
    /// What xrEnumerateViewConfigurations lists, primary (stereo) first.
    var viewConfigurations: [ViewConfiguration] {
        extensions.contains(.quadViews) ? [.stereo, .quadVarjo] : [.stereo]
    }

    /// `type` as one of this instance's view configurations (spec: any other
    /// is XR_ERROR_VIEW_CONFIGURATION_TYPE_UNSUPPORTED).
    func viewConfiguration(_ type: XrViewConfigurationType) throws(XrSimError) -> ViewConfiguration {
        guard let configuration = ViewConfiguration(rawValue: type.rawValue), viewConfigurations.contains(configuration)
        else { throw .viewConfigurationTypeUnsupported }
        return configuration
    }
}

extension ViewConfiguration {
    var xrType: XrViewConfigurationType { XrViewConfigurationType(rawValue) }
}
