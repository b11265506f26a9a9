/// One input document: a text file, a JSONL line or standard input.
public struct Document: Sendable, Hashable {
    /// The JSONL "id", or the path of a text file ("-" for standard input).
    public var id: String
    public var text: String
    /// BCP 47 language tag, when the input gives one.
    public var lang: String?
    /// Publication date as given (ISO 8601 is expected), when the input gives one.
    public var date: String?
    /// Where the document came from: its file and, for JSONL, its line.
    public var path: String
    public var line: Int?

    public init(id: String, text: String, lang: String? = nil, date: String? = nil, path: String, line: Int? = nil) {
        self.id = id
        self.text = text
        self.lang = lang
        self.date = date
        self.path = path
        self.line = line
    }
}
