extension DocumentReader {
    /// What `readLines` hands back, in input order.
    public enum LineItem: Sendable {
        /// A line without its line break, with its 1-based number.
        case line(String, Int)
        case diagnostic(Diagnostic)
    }

    /// Reads each input (a file, or "-" for standard input) line by line, for commands that take
    /// one item per line (names, name pairs). Lines that are not valid UTF-8 are reported and
    /// skipped, or repaired under `lossy`.
    public func readLines(_ body: (LineItem) throws -> Void) throws {
        for input in inputs {
            do {
                let source = try ByteSource(path: input)
                var number = 0
                while let (bytes, offset) = try source.nextLine() {
                    number += 1
                    let decoded = UTF8Decoding.decode(bytes, lossy: lossy)
                    if let bad = decoded.firstInvalidOffset {
                        try body(.diagnostic(invalidUTF8(path: input, line: number, offset: offset + bad)))
                    }
                    if let text = decoded.text { try body(.line(text, number)) }
                }
            } catch let failure as ByteSource.Failure {
                try body(.diagnostic(Self.ioDiagnostic(failure)))
            }
        }
    }
}
