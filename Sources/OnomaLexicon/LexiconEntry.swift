import OnomaText

/// What kind of thing an entity is.
public enum EntityType: String, Sendable, CaseIterable, Hashable {
    case person, place, org, other
}

/// How a form relates to its entity.
public enum FormRole: String, Sendable, CaseIterable, Hashable {
    /// The entity's display name: exactly one per entity.
    case canonical
    /// Another name, spelling or transliteration of the entity.
    case alias
    /// A form that must never resolve to this entity (e.g. "Georgia" for the US state).
    case blocked
}

/// One line of a lexicon file: `id  type  lang  form  role  [more columns…]`.
///
///     Q3874799	person	uk	Володимир Зеленський	alias
public struct LexiconEntry: Hashable, Sendable {
    /// The stable entity id (the Wikidata QID where one exists).
    public var entity: String
    public var type: EntityType
    /// A BCP 47 tag, or "*" for a form used in every language.
    public var lang: String
    /// The name form, in NFC.
    public var form: String
    public var role: FormRole
    /// Columns after the fifth, kept as written.
    public var extra: [String]
    /// Where the line is: file and 1-based line.
    public var path: String
    public var line: Int

    public init(entity: String, type: EntityType, lang: String, form: String, role: FormRole,
                extra: [String] = [], path: String = "", line: Int = 0) {
        self.entity = entity
        self.type = type
        self.lang = lang
        self.form = form
        self.role = role
        self.extra = extra
        self.path = path
        self.line = line
    }
}

extension LexiconEntry {
    /// The entry as a lexicon file line, without a line break: the five columns, then any extra.
    public var tsvLine: String {
        ([entity, type.rawValue, lang, form, role.rawValue] + extra).joined(separator: "\t")
    }

    /// Where the line is, for messages: "path:line".
    var place: String { "\(path):\(line)" }
}
