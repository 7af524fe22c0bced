/// The order in which the layer drops optional extensions when the runtime
/// refuses an instance with XR_ERROR_EXTENSION_NOT_PRESENT: the error does
/// not say which one it lacks, so every way of dropping some of them is
/// tried, fewest dropped first (keeping as much native support as the
/// runtime has), earlier candidates dropped before later ones at equal
/// count. A handful of candidates at most, so the search stays small.
public enum ExtensionFallback {
    /// Index sets of `count` candidates to drop, in the order to try them;
    /// the empty set (the first attempt) is not included.
    public static func dropOrder(count: Int) -> [[Int]] {
        guard count > 0, count <= 8 else { return count > 8 ? [Array(0..<count)] : [] }
        var subsets: [[Int]] = []
        for mask in 1..<(1 << count) {
            subsets.append((0..<count).filter { mask & (1 << $0) != 0 })
        }
        return subsets.sorted { left, right in
            left.count != right.count ? left.count < right.count : left.lexicographicallyPrecedes(right)
        }
    }
}
