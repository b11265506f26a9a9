import Foundation

extension DocumentReader {
    /// A JSONL line that is not a document: the error, and the line's "id" when it still has a
    /// readable one (a line with an id but no "text", say).
    public struct LineFailure: Error, Sendable {
        public let diagnostic: Diagnostic
        public let id: String?
    }

    /// One line of a JSONL input read on its own, by the rules `read(_:)` applies to each line
    /// (for streaming filters that answer every input line with one output line).
    ///
    ///     DocumentReader.document(jsonLine: #"{"id":"a","text":"Kyiv"}"#, path: "-", line: 1)   // .success
    public static func document(jsonLine: String, path: String, line: Int) -> Result<Document, LineFailure> {
        let data = Data(jsonLine.utf8)
        return document(jsonData: data, path: path, line: line).mapError { LineFailure(diagnostic: $0, id: Self.id(in: data)) }
    }

    /// The document on one JSONL line, or the error at its place.
    static func document(jsonData: Data, path: String, line: Int) -> Result<Document, Diagnostic> {
        switch JSONLDocument.parse(jsonData) {
        case .success(let fields):
            .success(Document(id: fields.id, body: fields.text, lang: fields.lang, date: fields.date, path: path, line: line))
        case .failure(let problem):
            .failure(Diagnostic(.error, problem.message, path: path, line: line, column: problem.column))
        }
    }

    /// The "id" of a JSON object line that is not a valid document, as a string or an integer.
    private static func id(in line: Data) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: line) as? [String: Any] else { return nil }
        if let id = object["id"] as? String { return id }
        return (object["id"] as? Int).map(String.init)
    }
}
