/// What the manifest search needs to know about the filesystem, and nothing
/// more, so the search rules run in unit tests against an in-memory tree.
public protocol OpenXRSearchFileSystem {
    /// What is at `path`, following symbolic links (as `std::filesystem::exists`
    /// and `is_regular_file` do in the loader): a dangling link is `.missing`.
    func kind(ofPath path: String) -> OpenXRSearchFileKind
    /// The names (not paths) in a directory, or nil when it cannot be listed.
    func entries(ofDirectory path: String) -> [String]?
}

/// The few kinds of filesystem object the loader distinguishes.
public enum OpenXRSearchFileKind: String, Sendable, Codable {
    case missing
    case regularFile
    case directory
    case other
}
