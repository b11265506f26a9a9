/// What a person needs to review a clustering: each cluster's members side by side, with the
/// passages and the entities and numbers they share marked in their texts.
///
///     let report = try ClusterReportBuilder(index: lexiconIndex).report(documents, clustering)
///     report.clusters[0].members[0].highlights   // [.passage 0..<212, .entity "Q3874799" 20..<38, …]
public struct DedupeReport: Sendable {
    /// Clusters of two documents or more, the largest first (ties by cluster id). With an
    /// index, members from earlier batches are not in the report (their texts are not stored):
    /// a cluster may show one member, and links to documents that are not members.
    public let clusters: [ClusterReport]
    /// The ids of documents that are their cluster's only member, in input order.
    public let singletons: [String]
    public let documentCount: Int
}

/// One cluster: its members (the representative first, then in input order), the links that
/// joined them and the entities that two members or more mention.
public struct ClusterReport: Sendable {
    public let cluster: String
    public let members: [ReportMember]
    /// Links between members: duplicates and translations, with their similarity.
    public let links: [DocumentLink]
    /// Entities and numbers found in two members or more, most widely shared first.
    public let sharedEntities: [SharedEntity]
}

/// A member of a cluster with the marked parts of its text.
public struct ReportMember: Sendable {
    public let id: String
    /// The language given or guessed from the script, when known.
    public let lang: String?
    public let date: String?
    public let text: String
    public let isRepresentative: Bool
    /// Marked parts of `text`, sorted by start; passages may overlap entities and numbers,
    /// which never overlap each other.
    public let highlights: [Highlight]
}

/// A marked part of a member's text, in UTF-8 byte offsets.
public struct Highlight: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A run of words that another member of the cluster has too (a shared passage).
        case passage
        /// A mention of an entity that another member mentions too (its canonical id and name).
        case entity(id: String, canonical: String?)
        /// A number whose value another member has too (in canonical decimal form).
        case number(value: String)
    }

    public let range: Range<Int>
    public let kind: Kind
}

/// An entity or number that several members of a cluster share.
public struct SharedEntity: Sendable, Hashable {
    /// The entity id ("Q3874799"), or the number's value ("3000") for numbers.
    public let key: String
    /// The canonical name, for entities.
    public let canonical: String?
    public let isNumber: Bool
    /// How many members have it.
    public let memberCount: Int
}
