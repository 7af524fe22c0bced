/// The facts behind a check, one typed shape per check. Encoded as the bare
/// facts object (no tag): the check's `name` tells readers which shape it is.
enum DoctorCheckData: Codable {
    case loader(LoaderFacts)
    case runtime(RuntimeFacts)
    case layers(LayerFacts)
    case vulkan(VulkanFacts)

    var checkName: String {
        switch self {
        case .loader: "loader"
        case .runtime: "runtime"
        case .layers: "layers"
        case .vulkan: "vulkan"
        }
    }

    /// Indented lines under the check's verdict in text output.
    var textLines: [String] {
        switch self {
        case .loader(let facts): facts.textLines
        case .runtime(let facts): facts.textLines
        case .layers(let facts): facts.textLines
        case .vulkan(let facts): facts.textLines
        }
    }

    init(checkName: String, from decoder: any Decoder) throws {
        switch checkName {
        case "loader": self = .loader(try LoaderFacts(from: decoder))
        case "runtime": self = .runtime(try RuntimeFacts(from: decoder))
        case "layers": self = .layers(try LayerFacts(from: decoder))
        case "vulkan": self = .vulkan(try VulkanFacts(from: decoder))
        default:
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "unknown doctor check \(checkName)"))
        }
    }

    init(from decoder: any Decoder) throws {
        throw DecodingError.dataCorrupted(
            .init(codingPath: decoder.codingPath, debugDescription: "decode DoctorCheckData through DoctorCheck"))
    }

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .loader(let facts): try facts.encode(to: encoder)
        case .runtime(let facts): try facts.encode(to: encoder)
        case .layers(let facts): try facts.encode(to: encoder)
        case .vulkan(let facts): try facts.encode(to: encoder)
        }
    }
}
