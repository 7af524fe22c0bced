/// Fixed-point text of numbers for reports, SVG labels and recommendations,
/// without Foundation's formatters.
public enum NumberText {
    /// `value` with exactly `places` decimals ("2.50"); "-" for non-finite values.
    public static func fixed(_ value: Double, places: Int) -> String {
        guard value.isFinite else { return "-" }
        var scale = 1.0
        for _ in 0..<max(0, places) { scale *= 10 }
        let scaled = (value.magnitude * scale).rounded()
        guard scaled < 9e18 else { return String(value) }
        let units = UInt64(scaled)
        let divisor = UInt64(scale)
        let sign = value < 0 && units != 0 ? "-" : ""
        guard places > 0 else { return sign + String(units) }
        let fraction = String(units % divisor)
        return sign + String(units / divisor) + "." + String(repeating: "0", count: places - fraction.count) + fraction
    }

    /// A share (0...1) as a percentage with `places` decimals: "12.5%".
    public static func percent(_ share: Double, places: Int = 1) -> String {
        fixed(share * 100, places: places) + "%"
    }

    /// Milliseconds with two decimals: "11.11 ms"; "n/a" when nil.
    public static func milliseconds(_ value: Double?, places: Int = 2) -> String {
        guard let value else { return "n/a" }
        return fixed(value, places: places) + " ms"
    }
}

/// The few transcendental functions the statistics need, in plain Swift
/// (XrPerfCore imports no C library).
public enum Numerics {
    /// e^x, accurate to about 1e-15 relative: x = k ln2 + r with |r| <= ln2/2,
    /// e^r by its Taylor series, scaled by 2^k.
    public static func exp(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x > 709.7 { return .infinity }
        if x < -745 { return 0 }
        let ln2 = 0.693_147_180_559_945_309_417_232
        let k = (x / ln2).rounded()
        let r = x - k * ln2
        var term = 1.0
        var sum = 1.0
        for n in 1...20 {
            term *= r / Double(n)
            sum += term
            if term.magnitude < 1e-17 * sum { break }
        }
        var result = sum
        var exponent = Int(k)
        // Scale in steps so that 2^exponent never overflows on the way.
        while exponent > 1000 { result *= Double(sign: .plus, exponent: 1000, significand: 1); exponent -= 1000 }
        while exponent < -1000 { result *= Double(sign: .plus, exponent: -1000, significand: 1); exponent += 1000 }
        return result * Double(sign: .plus, exponent: exponent, significand: 1)
    }

    /// The complementary error function, Chebyshev fit with fractional error
    /// below 1.2e-7 everywhere (Numerical Recipes' erfcc).
    public static func erfc(_ x: Double) -> Double {
        let z = x.magnitude
        let t = 1 / (1 + 0.5 * z)
        var poly = 0.170_872_77
        for c in [-0.822_152_23, 1.488_515_87, -1.135_203_98, 0.278_868_07, -0.186_288_06,
                  0.096_784_18, 0.374_091_96, 1.000_023_68, -1.265_512_23] {
            poly = c + t * poly
        }
        let answer = t * exp(-z * z + poly)
        return x >= 0 ? answer : 2 - answer
    }

    /// P(Z > z) for a standard normal Z.
    public static func normalUpperTail(_ z: Double) -> Double {
        0.5 * erfc(z / 2.0.squareRoot())
    }
}
