import Foundation

/// Reads documents from the inputs every onoma command takes: text files, directories (every
/// `*.txt` below them), JSONL files (one `{"id", "text", "lang"?, "date"?}` per line) and
/// standard input ("-", which is JSONL when its first character is `{` and one text otherwise).
///
///     let reader = DocumentReader(inputs: ["Corpus/"])
///     try reader.read { item in
///         switch item {
///         case .document(let doc): print(doc.id)
///         case .diagnostic(let problem): print(problem)
///         }
///     }
///
/// Documents stream: a JSONL file is read line by line, so memory stays bounded by the longest
/// document. Problems come as diagnostics in input order; the caller decides whether to stop.
public struct DocumentReader: Sendable {
    /// What the reader hands back, in input order.
    public enum Item: Sendable {
        case document(Document)
        case diagnostic(Diagnostic)
    }

    /// Paths as the user gave them; empty means standard input.
    public var inputs: [String]
    /// Replace invalid UTF-8 with U+FFFD (one warning per file) instead of rejecting the file.
    public var lossy: Bool

    public init(inputs: [String], lossy: Bool = false) {
        self.inputs = inputs.isEmpty ? ["-"] : inputs
        self.lossy = lossy
    }

    /// Reads every input in order, calling `body` for each document and each problem. Errors
    /// thrown by `body` stop the reading and propagate.
    public func read(_ body: (Item) throws -> Void) throws {
        for input in inputs {
            if input == "-" {
                try readStandardInput(body)
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
                try body(.diagnostic(Diagnostic(.error, "no such file or directory", path: input)))
                continue
            }
            if isDirectory.boolValue {
                try readDirectory(input, body)
            } else if Self.isJSONL(input) {
                try readJSONL(path: input, body)
            } else {
                try readTextFile(input, skipBinary: false, body)
            }
        }
    }

    static func isJSONL(_ path: String) -> Bool {
        path.hasSuffix(".jsonl") || path.hasSuffix(".ndjson")
    }

    private func readStandardInput(_ body: (Item) throws -> Void) throws {
        let source: ByteSource
        do { source = try ByteSource(path: "-") } catch { return try body(.diagnostic(Self.ioDiagnostic(error))) }
        do {
            guard let first = try source.peekFirstNonSpace() else { return }
            if first == UInt8(ascii: "{") { return try readJSONL(source: source, path: "-", body) }
            try emitText(try source.readAll(), id: "-", path: "-", body)
        } catch let failure as ByteSource.Failure {
            try body(.diagnostic(Self.ioDiagnostic(failure)))
        }
    }

    private func readDirectory(_ root: String, _ body: (Item) throws -> Void) throws {
        guard let walker = FileManager.default.enumerator(atPath: root) else {
            return try body(.diagnostic(Diagnostic(.error, "cannot list directory", path: root)))
        }
        var files: [String] = []
        while let relative = walker.nextObject() as? String {
            if relative.hasSuffix(".txt") { files.append(relative) }
        }
        let prefix = root.hasSuffix("/") ? root : root + "/"
        for relative in files.sorted() {
            var isDirectory: ObjCBool = false
            let path = prefix + relative
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                try readTextFile(path, skipBinary: true, body)
            }
        }
    }

    private func readTextFile(_ path: String, skipBinary: Bool, _ body: (Item) throws -> Void) throws {
        let bytes: [UInt8]
        do { bytes = try ByteSource(path: path).readAll() } catch {
            return try body(.diagnostic(Self.ioDiagnostic(error)))
        }
        if skipBinary, bytes.prefix(8192).contains(0) {
            return try body(.diagnostic(Diagnostic(.warning, "skipped: binary file (contains NUL bytes)", path: path)))
        }
        try emitText(bytes, id: path, path: path, body)
    }

    private func emitText(_ bytes: [UInt8], id: String, path: String, _ body: (Item) throws -> Void) throws {
        let decoded = UTF8Decoding.decode(bytes, lossy: lossy)
        if let offset = decoded.firstInvalidOffset {
            try body(.diagnostic(invalidUTF8(path: path, line: nil, offset: offset)))
        }
        guard let text = decoded.text else { return }
        if text.isEmpty { return }
        try body(.document(Document(id: id, text: text, path: path)))
    }

    private func readJSONL(path: String, _ body: (Item) throws -> Void) throws {
        do {
            try readJSONL(source: try ByteSource(path: path), path: path, body)
        } catch let failure as ByteSource.Failure {
            try body(.diagnostic(Self.ioDiagnostic(failure)))
        }
    }

    private func readJSONL(source: ByteSource, path: String, _ body: (Item) throws -> Void) throws {
        var lineNumber = 0
        var warnedLossy = false
        while let (bytes, offset) = try source.nextLine() {
            lineNumber += 1
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            // The common line, scanned straight from the input buffer: a scan that succeeds
            // has validated every byte (see `JSONLDocument.scan`), so no second pass checks it.
            if let fields = bytes.withUnsafeBytes(JSONLDocument.scan) {
                try body(.document(Document(id: fields.id, body: fields.text, lang: fields.lang, date: fields.date,
                                            path: path, line: lineNumber)))
                continue
            }
            var line = Data(bytes)
            if let bad = UTF8Decoding.firstInvalidOffset(in: bytes) {
                guard lossy else {
                    try body(.diagnostic(invalidUTF8(path: path, line: lineNumber, offset: offset + bad)))
                    continue
                }
                if !warnedLossy {
                    try body(.diagnostic(invalidUTF8(path: path, line: lineNumber, offset: offset + bad)))
                    warnedLossy = true
                }
                line = Data(String(decoding: bytes, as: UTF8.self).utf8)
            }
            switch Self.document(jsonData: line, path: path, line: lineNumber) {
            case .success(let document): try body(.document(document))
            case .failure(let diagnostic): try body(.diagnostic(diagnostic))
            }
        }
    }

    func invalidUTF8(path: String, line: Int?, offset: Int) -> Diagnostic {
        lossy
            ? Diagnostic(.warning, "not valid UTF-8 at byte \(offset); invalid bytes replaced with U+FFFD", path: path, line: line)
            : Diagnostic(.error, "not valid UTF-8 at byte \(offset) (use --lossy to replace invalid bytes with U+FFFD)",
                         path: path, line: line)
    }

    static func ioDiagnostic(_ failure: ByteSource.Failure) -> Diagnostic {
        Diagnostic(.error, "cannot read: \(failure.reason)", path: failure.path)
    }
}
