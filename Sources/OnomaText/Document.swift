/// One input document: a text file, a JSONL line or standard input.
public struct Document: Sendable, Hashable {
    /// The JSONL "id", or the path of a text file ("-" for standard input).
    public var id: String
    /// The text. A JSONL line's text is kept as the UTF-8 bytes its reader validated and
    /// becomes a `String` when asked for: `onoma dedupe` reads only `utf8`, so its texts are
    /// not validated a second time (making a `String` validates its bytes).
    public var text: String {
        get { body.string }
        set { body = .string(newValue) }
    }
    /// BCP 47 language tag, when the input gives one.
    public var lang: String?
    /// Publication date as given (ISO 8601 is expected), when the input gives one.
    public var date: String?
    /// Where the document came from: its file and, for JSONL, its line.
    public var path: String
    public var line: Int?
    private var body: Body

    /// The text as a `String`, or as UTF-8 bytes known to be valid (with their length in
    /// characters when the reader counted it).
    enum Body: Sendable {
        case string(String)
        case utf8([UInt8], characters: Int?)

        var string: String {
            switch self {
            case .string(let text): text
            case .utf8(let bytes, _): String(decoding: bytes, as: UTF8.self)
            }
        }
    }

    public init(id: String, text: String, lang: String? = nil, date: String? = nil, path: String, line: Int? = nil) {
        self.init(id: id, body: .string(text), lang: lang, date: date, path: path, line: line)
    }

    init(id: String, body: Body, lang: String?, date: String?, path: String, line: Int?) {
        self.id = id
        self.body = body
        self.lang = lang
        self.date = date
        self.path = path
        self.line = line
    }

    /// The text's UTF-8 bytes.
    public var utf8: [UInt8] {
        switch body {
        case .string(let text): Array(text.utf8)
        case .utf8(let bytes, _): bytes
        }
    }

    /// The length of the text in UTF-8 bytes.
    public var utf8Count: Int {
        switch body {
        case .string(let text): text.utf8.count
        case .utf8(let bytes, _): bytes.count
        }
    }

    /// The length of the text in characters, as `text.count`: counted by the JSONL reader as
    /// it validated the text, else by `CharacterCount`.
    public var characterCount: Int {
        switch body {
        case .string(let text): CharacterCount.of(Array(text.utf8))
        case .utf8(let bytes, let characters): characters ?? CharacterCount.of(bytes)
        }
    }

    public static func == (a: Document, b: Document) -> Bool {
        a.id == b.id && a.text == b.text && a.lang == b.lang && a.date == b.date && a.path == b.path && a.line == b.line
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(text)
        hasher.combine(lang)
        hasher.combine(date)
        hasher.combine(path)
        hasher.combine(line)
    }
}
