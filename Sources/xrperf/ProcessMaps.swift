import Glibc

/// Which file a loaded address belongs to, from /proc/self/maps. Used instead
/// of dladdr(), which Swift's Glibc module does not expose; maps also names
/// the real file (`libopenxr_loader.so.1.0.20`), not the soname link.
enum ProcessMaps {
    static func file(containing address: UnsafeRawPointer) -> String? {
        guard let stream = fopen("/proc/self/maps", "r") else { return nil }
        defer { fclose(stream) }
        let target = UInt(bitPattern: address)
        var line: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(line) }
        while getline(&line, &capacity, stream) > 0, let text = line.map({ String(cString: $0) }) {
            // "start-end perms offset dev inode   path"
            let fields = text.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true)
            guard fields.count == 6 else { continue }
            let range = fields[0].split(separator: "-")
            guard range.count == 2, let start = UInt(range[0], radix: 16), let end = UInt(range[1], radix: 16),
                start <= target, target < end
            else { continue }
            let path = fields[5].trimmingCharacters(in: .whitespacesAndNewlines)
            return path.hasPrefix("/") ? path : nil
        }
        return nil
    }
}
