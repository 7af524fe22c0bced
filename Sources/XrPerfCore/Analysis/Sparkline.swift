/// One-line charts for terminals: each value becomes one of ▁▂▃▄▅▆▇█ scaled
/// against `maximum` (values above it show as █, nil as a space).
public enum Sparkline {
    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    public static func render(_ values: [Double?], maximum: Double) -> String {
        guard maximum > 0 else { return String(repeating: " ", count: values.count) }
        return String(values.map { value -> Character in
            guard let value, value.isFinite else { return " " }
            let level = Int((max(0, value) / maximum * Double(levels.count)).rounded(.up)) - 1
            return levels[min(levels.count - 1, max(0, level))]
        })
    }

    /// `values` reduced to `width` columns by taking the maximum of each
    /// column's values (the slow frames are the ones to see).
    public static func columns(_ values: [Double?], width: Int) -> [Double?] {
        guard width > 0, values.count > width else { return values }
        return (0..<width).map { column in
            let start = column * values.count / width
            let end = max(start + 1, (column + 1) * values.count / width)
            return values[start..<end].compactMap { $0 }.max()
        }
    }
}

/// Round tick values for chart axes.
public enum AxisTicks {
    /// Multiples of 1, 2 or 5 x 10^k covering 0...maximum with at most
    /// `maxTicks` + 1 ticks; the last tick is >= maximum.
    public static func ticks(upTo maximum: Double, maxTicks: Int = 8) -> [Double] {
        guard maximum > 0, maximum.isFinite else { return [0, 1] }
        var base = 1e-6
        while true {
            for factor in [1.0, 2.0, 5.0] {
                let step = base * factor
                let count = (maximum / step - 1e-9).rounded(.up)
                if count <= Double(maxTicks) {
                    return (0...max(1, Int(count))).map { Double($0) * step }
                }
            }
            base *= 10
        }
    }

    /// Decimals needed to print ticks of this step without noise.
    public static func places(forStep step: Double) -> Int {
        var places = 0
        var scaled = step
        while places < 6 && (scaled - scaled.rounded()).magnitude > 1e-6 {
            scaled *= 10
            places += 1
        }
        return places
    }
}
