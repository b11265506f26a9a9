/// A name found in a document and the entity it refers to.
public struct Mention: Hashable, Sendable {
    /// How the mention matched its lexicon form.
    public enum Method: String, Sendable {
        /// The form as listed, up to case.
        case exact
        /// The same name key: another transliteration or spelling, or an inflected form.
        case normalized
        /// A close key among the forms with the same skeleton: a misspelling or an unlisted
        /// transliteration.
        case fuzzy
    }

    /// UTF-8 byte offsets of the mention in the document text.
    public let range: Range<Int>
    public let text: String
    /// The entity, or nil when the form fits several and the document does not decide.
    public let entity: String?
    public let canonical: String?
    public let type: EntityType?
    /// Confidence in 0...1: 1 for exact, 0.95 for normalized keys, 0.9 for inflected forms,
    /// the key similarity for fuzzy matches; lower when context decided an ambiguity.
    public let score: Double
    public let method: Method
    /// The entities the form fits when it is ambiguous, else just `entity`.
    public let candidates: [String]

    public var isAmbiguous: Bool { entity == nil }
}
