import COpenXR
import XrSimCore

/// Fills an array output parameter per the two-call idiom.
func writeArray<T>(_ items: [T], capacity: UInt32, countOutput: UnsafeMutablePointer<UInt32>?,
                   buffer: UnsafeMutablePointer<T>?) throws(XrSimError) -> XrResult {
    try writeStructs(count: items.count, capacity: capacity, countOutput: countOutput, buffer: buffer,
                     isValid: { _ in true }, fill: { $0 = items[$1] })
}

/// Fills an array of output structures: every element's `type` is checked
/// (and nothing written) before any is filled, and `fill` must leave `type`
/// and `next` alone.
func writeStructs<S>(count: Int, capacity: UInt32, countOutput: UnsafeMutablePointer<UInt32>?,
                     buffer: UnsafeMutablePointer<S>?, isValid: (S) -> Bool,
                     fill: (inout S, Int) -> Void) throws(XrSimError) -> XrResult {
    switch twoCallDecision(capacity: capacity, count: count, hasCountOutput: countOutput != nil, hasBuffer: buffer != nil) {
    case .invalid:
        throw .validationFailure
    case .reportCountOnly:
        countOutput!.pointee = UInt32(count)
        return XR_SUCCESS
    case .insufficient:
        countOutput!.pointee = UInt32(count)
        throw .sizeInsufficient
    case .write:
        let buffer = buffer!
        for i in 0..<count where !isValid(buffer[i]) { throw .validationFailure }
        countOutput!.pointee = UInt32(count)
        for i in 0..<count { fill(&buffer[i], i) }
        return XR_SUCCESS
    }
}

/// Fills a string output parameter; counts include the terminating null.
func writeString(_ text: String, capacity: UInt32, countOutput: UnsafeMutablePointer<UInt32>?,
                 buffer: UnsafeMutablePointer<CChar>?) throws(XrSimError) -> XrResult {
    let bytes = Array(text.utf8).map { CChar(bitPattern: $0) } + [0]
    return try writeArray(bytes, capacity: capacity, countOutput: countOutput, buffer: buffer)
}
