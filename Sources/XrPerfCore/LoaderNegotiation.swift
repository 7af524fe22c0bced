/// Picks the loader interface version and OpenXR API version a layer answers
/// with. Older layers demanded exact equality with the loader and broke on
/// every SDK update; the loader spec only asks for a value inside its range.
public struct LoaderNegotiation: Sendable {
    public struct Offer: Sendable {
        public var minInterfaceVersion: UInt32
        public var maxInterfaceVersion: UInt32
        public var minApiVersion: ApiVersion
        public var maxApiVersion: ApiVersion

        public init(minInterfaceVersion: UInt32, maxInterfaceVersion: UInt32,
                    minApiVersion: ApiVersion, maxApiVersion: ApiVersion) {
            self.minInterfaceVersion = minInterfaceVersion
            self.maxInterfaceVersion = maxInterfaceVersion
            self.minApiVersion = minApiVersion
            self.maxApiVersion = maxApiVersion
        }
    }

    public struct Answer: Equatable, Sendable {
        public var interfaceVersion: UInt32
        public var apiVersion: ApiVersion
    }

    public enum Refusal: Error, Equatable, Sendable {
        case emptyInterfaceRange
        case noCommonInterfaceVersion(loaderMin: UInt32, loaderMax: UInt32)
        case emptyApiRange
        case noCommonApiVersion(loaderMin: ApiVersion, loaderMax: ApiVersion)
    }

    /// Interface versions this layer implements (the loader spec defines 1).
    public var interfaceVersions: ClosedRange<UInt32>
    /// OpenXR API versions this layer implements: from 1.0.0 up to the version
    /// of the headers it was built with. Answering more would claim functions
    /// the layer has never seen.
    public var apiVersions: ClosedRange<ApiVersion>

    public init(interfaceVersions: ClosedRange<UInt32> = 1...1, builtWith headers: ApiVersion) {
        self.interfaceVersions = interfaceVersions
        self.apiVersions = ApiVersion(major: 1, minor: 0, patch: 0)...max(headers, ApiVersion(major: 1, minor: 0, patch: 0))
    }

    /// The highest version both sides accept, for each of the two ranges.
    public func answer(_ offer: Offer) -> Result<Answer, Refusal> {
        guard offer.minInterfaceVersion <= offer.maxInterfaceVersion else { return .failure(.emptyInterfaceRange) }
        let interfaceHigh = min(offer.maxInterfaceVersion, interfaceVersions.upperBound)
        let interfaceLow = max(offer.minInterfaceVersion, interfaceVersions.lowerBound)
        guard interfaceLow <= interfaceHigh else {
            return .failure(.noCommonInterfaceVersion(loaderMin: offer.minInterfaceVersion,
                                                      loaderMax: offer.maxInterfaceVersion))
        }
        guard offer.minApiVersion <= offer.maxApiVersion else { return .failure(.emptyApiRange) }
        let apiHigh = min(offer.maxApiVersion, apiVersions.upperBound)
        let apiLow = max(offer.minApiVersion, apiVersions.lowerBound)
        guard apiLow <= apiHigh else {
            return .failure(.noCommonApiVersion(loaderMin: offer.minApiVersion, loaderMax: offer.maxApiVersion))
        }
        return .success(Answer(interfaceVersion: interfaceHigh, apiVersion: apiHigh))
    }
}
