/// A problem found in the input, with its place: printed as `path:line:column: severity: message`.
///
///     Diagnostic(.error, "not valid UTF-8 at byte 1042", path: "Corpus/a.txt")
///     // "Corpus/a.txt: error: not valid UTF-8 at byte 1042"
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible, Error {
    public enum Severity: String, Sendable, Comparable {
        case note, warning, error

        public static func < (a: Severity, b: Severity) -> Bool {
            let order: [Severity] = [.note, .warning, .error]
            return order.firstIndex(of: a)! < order.firstIndex(of: b)!
        }
    }

    public var severity: Severity
    public var message: String
    /// The file as the user named it; nil for a problem with no file.
    public var path: String?
    /// 1-based line, when the problem has one.
    public var line: Int?
    /// 1-based column in Unicode scalars, when the problem has one.
    public var column: Int?

    public init(_ severity: Severity, _ message: String, path: String? = nil, line: Int? = nil, column: Int? = nil) {
        self.severity = severity
        self.message = message
        self.path = path
        self.line = line
        self.column = column
    }

    /// `path:line:column: severity: message`, leaving out the parts it does not have.
    public var description: String {
        var place = ""
        if let path {
            place = path
            if let line {
                place += ":\(line)"
                if let column { place += ":\(column)" }
            }
            place += ": "
        }
        return "\(place)\(severity.rawValue): \(message)"
    }
}
