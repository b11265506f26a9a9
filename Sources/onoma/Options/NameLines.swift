import OnomaText

/// Names given as arguments or one per line in a file (or standard input), for `resolve` and
/// `match`.
enum NameLines {
    /// Where a line came from.
    struct Location {
        let path: String
        let line: Int
    }

    /// Calls `body` with each argument, or each non-empty line of `file` ("-" is standard
    /// input). Invalid UTF-8 is reported with its line and the line skipped.
    static func forEach(arguments: [String], file: String?, _ printer: DiagnosticPrinter,
                        _ body: (String, Location) throws -> Void) throws {
        guard let file else {
            for (index, argument) in arguments.enumerated() { try body(argument, Location(path: "argument", line: index + 1)) }
            return
        }
        try DocumentReader(inputs: [file]).readLines { item in
            switch item {
            case .line(let text, let number):
                if !text.isEmpty { try body(text, Location(path: file, line: number)) }
            case .diagnostic(let diagnostic):
                printer.print(diagnostic)
            }
        }
    }
}
