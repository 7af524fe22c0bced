extension PixelRect {
    /// The pixels in both rects; nil when they share none.
    public func intersection(_ other: PixelRect) -> PixelRect? {
        let left = max(Int64(x), Int64(other.x))
        let top = max(Int64(y), Int64(other.y))
        let right = min(Int64(x) + Int64(width), Int64(other.x) + Int64(other.width))
        let bottom = min(Int64(y) + Int64(height), Int64(other.y) + Int64(other.height))
        guard right > left, bottom > top else { return nil }
        return PixelRect(x: Int32(left), y: Int32(top), width: Int32(right - left), height: Int32(bottom - top))
    }
}
