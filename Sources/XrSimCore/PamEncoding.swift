/// Netpbm's PAM (P7) with four 8-bit channels: a format with an explicit,
/// extensible text header, so dumps carry comments saying where they came from
/// and any test can read them without an image library.
public enum PamEncoding {
    /// The header up to and including ENDHDR. Comment lines are cut at the
    /// first line break so that a comment can never end the header early.
    public static func header(width: Int, height: Int, comments: [String]) -> String {
        var text = "P7\nWIDTH \(width)\nHEIGHT \(height)\nDEPTH 4\nMAXVAL 255\nTUPLTYPE RGB_ALPHA\n"
        for comment in comments {
            let line = comment.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            text += "# \(line)\n"
        }
        return text + "ENDHDR\n"
    }

    /// A whole file: header, then rows top to bottom of RGBA texels.
    /// Nil when `rgba` is not exactly width x height x 4 bytes.
    public static func encode(width: Int, height: Int, comments: [String], rgba: [UInt8]) -> [UInt8]? {
        guard width > 0, height > 0, rgba.count == width * height * 4 else { return nil }
        return Array(header(width: width, height: height, comments: comments).utf8) + rgba
    }
}
