import CICU

/// A failed ICU call: the ICU status and what onoma was doing.
///
///     ICUError(status: 1, context: "opening word break iterator for 'xx'")
///     // "ICU error U_ILLEGAL_ARGUMENT_ERROR while opening word break iterator for 'xx'"
public struct ICUError: Error, CustomStringConvertible, Sendable {
    /// The raw ICU `UErrorCode`.
    public let status: Int32
    /// What was being done, e.g. "opening transliterator 'Any-Latin'".
    public let context: String

    public var description: String {
        "ICU error \(String(cString: onoma_u_error_name(status))) while \(context)"
    }

    /// Throws when `status` is an ICU failure (a positive value).
    static func check(_ status: Int32, _ context: @autoclosure () -> String) throws(ICUError) {
        if status > 0 { throw ICUError(status: status, context: context()) }
    }
}
