import OnomaText

/// One proposed lexicon line and the evidence for it: a line of a suggestions file.
///
///     Q1899	place	en	Kiev	alias	pending	12	0.87	5f3a…	Corpus/a.txt	…the road to Kiev…	Corpus/b.txt	…	# Kyiv
///
/// The five lexicon columns come first, so the file is a lexicon (`onoma lexicon check` reads
/// it); then `status` (pending, accepted, rejected), `count` (mentions seen), `score` (the
/// fuzzy score for a variant, the share of the group's mentions for a new entity's form),
/// `base` (the fingerprint of the entity the suggestion was made against) and up to two
/// examples, each a document id and a sentence. A comment after `#` names the entity. Each
/// known entity that gets variants is introduced by its canonical line with status `known`.
public struct Suggestion: Hashable, Sendable {
    public enum Status: String, Sendable, CaseIterable {
        case pending, accepted, rejected
        /// A known entity's canonical form as the lexicon has it, for context (and so that the
        /// file passes `onoma lexicon check`); never applied.
        case known
    }

    /// A sentence the form was seen in, and its document.
    public struct Example: Hashable, Sendable {
        public var document: String
        public var sentence: String

        public init(document: String, sentence: String) {
            self.document = document
            self.sentence = sentence
        }
    }

    /// The proposed lexicon line (its `extra` is ignored: the columns below replace it).
    public var entry: LexiconEntry
    public var status: Status
    public var count: Int
    public var score: Double
    /// `Suggestion.fingerprint` of the entity when the suggestion was made.
    public var base: String
    public var examples: [Example]
    /// What the trailing comment says (the entity's canonical form, or the proposal it is in).
    public var note: String

    public init(entry: LexiconEntry, status: Status = .pending, count: Int, score: Double, base: String,
                examples: [Example] = [], note: String = "") {
        self.entry = entry
        self.status = status
        self.count = count
        self.score = score
        self.base = base
        self.examples = examples
        self.note = note
    }

    /// The columns after the five lexicon columns, in order.
    public static let extraColumns = ["status", "count", "score", "base", "document1", "example1", "document2", "example2"]

    /// Identifies an entity as a suggestion sees it: its id, type and canonical form. Apply
    /// compares it with the entity as it is then; a difference means the suggestion was made
    /// against another version of the entity.
    public static func fingerprint(entity: String, type: EntityType, canonical: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "\(entity)\t\(type.rawValue)\t\(Folding.caseFold(canonical))".utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The suggestion as a line of a suggestions file, without a line break.
    public var line: String {
        var fields = [entry.entity, entry.type.rawValue, entry.lang, entry.form, entry.role.rawValue,
                      status.rawValue, String(count), ScoreText.format(score), base]
        for example in examples.prefix(2) { fields += [Self.escape(example.document), Self.escape(example.sentence)] }
        let line = fields.joined(separator: "\t")
        return note.isEmpty ? line : line + "\t# " + note.replacingOccurrences(of: "\n", with: " ")
    }

    /// Reads a suggestion from a parsed lexicon entry (its extra columns) and the line's comment.
    /// A line with only the five lexicon columns is a pending suggestion without evidence.
    public init(entry: LexiconEntry, comment: String) throws(Diagnostic) {
        let extra = entry.extra
        func column(_ index: Int) -> String? { index < extra.count && !extra[index].isEmpty ? extra[index] : nil }
        func problem(_ message: String) -> Diagnostic { Diagnostic(.error, message, path: entry.path, line: entry.line) }
        var plain = entry
        plain.extra = []
        self.entry = plain
        guard let status = Status(rawValue: column(0) ?? "pending") else {
            throw problem("unknown status '\(extra[0])'; expected one of \(Status.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self.status = status
        guard let count = Int(column(1) ?? "0"), let score = Double(column(2) ?? "0") else {
            throw problem("count and score must be numbers, got '\(extra[1])' and '\(extra.count > 2 ? extra[2] : "")'")
        }
        self.count = count
        self.score = score
        base = column(3) ?? ""
        examples = stride(from: 4, to: min(extra.count, 8), by: 2).compactMap { index in
            let sentence = index + 1 < extra.count ? extra[index + 1] : ""
            return extra[index].isEmpty && sentence.isEmpty ? nil : Example(document: Self.unescape(extra[index]), sentence: Self.unescape(sentence))
        }
        note = comment
    }

    /// Example text as one field: backslash, TAB, line breaks and `#` (which would start a
    /// comment) written as `\\`, `\t`, `\n`, `\r`, `\x23`.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "#": out += "\\x23"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func unescape(_ text: String) -> String {
        guard text.contains("\\") else { return text }
        var out = ""
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "\\", let next = scalars.next() else {
                out.unicodeScalars.append(scalar)
                continue
            }
            switch next {
            case "t": out += "\t"
            case "n": out += "\n"
            case "r": out += "\r"
            case "x":
                let hex = [scalars.next(), scalars.next()].compactMap { $0 }.map(Character.init)
                out += UInt8(String(hex), radix: 16).map { String(UnicodeScalar($0)) } ?? "\\x" + String(hex)
            default: out.unicodeScalars.append(next)
            }
        }
        return out
    }
}
