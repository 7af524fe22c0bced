/// One compiled shader serves every storage format the upscaling pass
/// writes: a storage image's format is a single operand of its OpTypeImage
/// instruction, so the rgba16f pipeline is the rgba8 SPIR-V with that word
/// changed, instead of a second committed copy of the whole module.
/// (ShaderSourceTests checks the result against glslangValidator's.)
public enum SPIRVStorageFormat {
    /// SPIR-V `ImageFormat` values.
    public static let rgba16f: UInt32 = 2
    public static let rgba8: UInt32 = 4

    static let opTypeImage: UInt32 = 25
    /// Header words before the first instruction.
    static let headerWords = 5

    /// `words` with every storage image (OpTypeImage with Sampled = 2) set
    /// to `format`; nil when the module is malformed or has none.
    public static func patched(_ words: [UInt32], to format: UInt32) -> [UInt32]? {
        guard words.count > headerWords, words[0] == 0x0723_0203 else { return nil }
        var result = words
        var changed = 0
        var index = headerWords
        while index < result.count {
            let wordCount = Int(result[index] >> 16)
            guard wordCount > 0, index + wordCount <= result.count else { return nil }
            // OpTypeImage: result, sampled type, dim, depth, arrayed, MS, sampled, format.
            if result[index] & 0xFFFF == opTypeImage, wordCount >= 9, result[index + 7] == 2 {
                result[index + 8] = format
                changed += 1
            }
            index += wordCount
        }
        return changed > 0 ? result : nil
    }
}
