/// A failure an OpenXR entry point reports. Raw values equal the `XrResult`
/// codes of the OpenXR 1.0 headers so the C side converts without a table.
public enum XrSimError: Int32, Error, Sendable {
    case validationFailure = -1
    case runtimeFailure = -2
    case outOfMemory = -3
    case apiVersionUnsupported = -4
    case initializationFailed = -6
    case functionUnsupported = -7
    case featureUnsupported = -8
    case extensionNotPresent = -9
    case limitReached = -10
    case sizeInsufficient = -11
    case handleInvalid = -12
    case sessionRunning = -14
    case sessionNotRunning = -16
    case systemInvalid = -18
    case pathInvalid = -19
    case pathCountExceeded = -20
    case pathFormatInvalid = -21
    case pathUnsupported = -22
    case layerInvalid = -23
    case layerLimitExceeded = -24
    case swapchainRectInvalid = -25
    case swapchainFormatUnsupported = -26
    case actionTypeMismatch = -27
    case sessionNotReady = -28
    case sessionNotStopping = -29
    case timeInvalid = -30
    case referenceSpaceUnsupported = -31
    case formFactorUnsupported = -34
    case apiLayerNotPresent = -36
    case callOrderInvalid = -37
    case graphicsDeviceInvalid = -38
    case poseInvalid = -39
    case indexOutOfRange = -40
    case viewConfigurationTypeUnsupported = -41
    case environmentBlendModeUnsupported = -42
    case nameDuplicated = -44
    case nameInvalid = -45
    case actionSetNotAttached = -46
    case actionSetsAlreadyAttached = -47
    case localizedNameDuplicated = -48
    case localizedNameInvalid = -49
    case graphicsRequirementsCallMissing = -50
    /// XR_FB_display_refresh_rate: a rate not in the enumerated list.
    case displayRefreshRateUnsupported = -1000101000
}

/// Non-error outcomes ("qualified successes") of the OpenXR 1.0 headers.
public enum XrSimSuccess: Int32, Sendable {
    case success = 0
    case timeoutExpired = 1
    case eventUnavailable = 4
    case spaceBoundsUnavailable = 7
    case sessionNotFocused = 8
    case frameDiscarded = 9
}

/// How xrResultToString names a value the runtime has no name for (spec 2.9,
/// "Result codes": XR_UNKNOWN_SUCCESS_<n> / XR_UNKNOWN_FAILURE_<n>).
public func resultString(_ value: Int32) -> String {
    if let name = resultName(value) { return name.description }
    return value >= 0 ? "XR_UNKNOWN_SUCCESS_\(value)" : "XR_UNKNOWN_FAILURE_\(value)"
}

/// xrStructureTypeToString's answer, XR_UNKNOWN_STRUCTURE_TYPE_<n> when unnamed.
public func structureTypeString(_ value: Int32) -> String {
    if let name = structureTypeName(value) { return name.description }
    return "XR_UNKNOWN_STRUCTURE_TYPE_\(value)"
}
