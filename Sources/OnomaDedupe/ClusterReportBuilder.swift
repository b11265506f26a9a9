import OnomaLexicon
import OnomaText

/// Builds a `DedupeReport` from the documents and their clustering: finds, in each cluster, the
/// runs of words two members share (passages) and the entities and numbers two members or more
/// have. One builder per thread: it owns a tokenizer and, with a lexicon, a canonicalizer.
public final class ClusterReportBuilder {
    /// How many consecutive words two members must share to mark a passage.
    public let passageWords: Int
    private let tokenizer: Tokenizer
    private let canonicalizer: Canonicalizer?

    /// - Parameters:
    ///   - index: a lexicon index, so that entity mentions are marked with their canonical ids
    ///     (the same index the clustering used, so that the ids agree).
    ///   - passageWords: the shortest shared run of words marked as a passage.
    public init(index: LexiconIndex? = nil, passageWords: Int = 6) throws {
        guard passageWords >= 1 else { throw DedupeError("a passage needs at least one word, got \(passageWords)") }
        self.passageWords = passageWords
        tokenizer = try Tokenizer()
        canonicalizer = try index.map { try Canonicalizer(index: $0) }
    }

    /// The report of `clustering`, whose assignments are the documents' in the same order.
    ///
    /// - Complexity: O(n) in the total text length, plus canonicalization.
    public func report(_ documents: [Document], _ clustering: Clustering) throws(DedupeError) -> DedupeReport {
        guard documents.count == clustering.assignments.count else {
            throw DedupeError("the report needs one cluster assignment per document, got \(clustering.assignments.count) for \(documents.count) documents")
        }
        var positions: [String: [Int]] = [:]
        for (position, assignment) in clustering.assignments.enumerated() { positions[assignment.cluster, default: []].append(position) }
        var linksByCluster: [String: [DocumentLink]] = [:]
        let clusterOf = Dictionary(clustering.assignments.map { ($0.id, $0.cluster) }, uniquingKeysWith: { first, _ in first })
        for link in clustering.links {
            guard let cluster = clusterOf[link.a] ?? clusterOf[link.b] else { continue }
            linksByCluster[cluster, default: []].append(link)
        }
        var clusters: [ClusterReport] = [], singletons: [String] = []
        for (position, assignment) in clustering.assignments.enumerated() {
            let members = positions[assignment.cluster]!
            // With an index, a cluster may have one member in this input and others in earlier batches.
            if members.count == 1 && assignment.cluster == assignment.id { singletons.append(assignment.id); continue }
            guard members[0] == position else { continue }
            clusters.append(cluster(assignment.cluster, members.map { (documents[$0], clustering.assignments[$0]) },
                                    links: linksByCluster[assignment.cluster] ?? []))
        }
        clusters.sort { ($1.members.count, $0.cluster) < ($0.members.count, $1.cluster) }
        return DedupeReport(clusters: clusters, singletons: singletons, documentCount: documents.count)
    }

    /// What one member's text has: word runs (as hashes, with their byte ranges), entity
    /// mentions and numbers.
    private struct Analysis {
        var runs: [(hash: UInt64, range: Range<Int>)] = []
        var entities: [(id: String, canonical: String?, range: Range<Int>)] = []
        var numbers: [(value: String, range: Range<Int>)] = []
    }

    private func cluster(_ cluster: String, _ members: [(Document, ClusterAssignment)], links: [DocumentLink]) -> ClusterReport {
        let ordered = members.filter { $0.1.id == $0.1.representative } + members.filter { $0.1.id != $0.1.representative }
        let languages = ordered.map { document, _ in document.lang.map(LanguageTag.primary) ?? LanguageGuess.fromScript(document.text) }
        let analyses = zip(ordered, languages).map { member, lang in analyse(member.0.text, lang: lang) }
        // How many members have each run, entity and number.
        var runCount: [UInt64: Int] = [:], entityCount: [String: Int] = [:], numberCount: [String: Int] = [:]
        var canonical: [String: String] = [:]
        for analysis in analyses {
            for hash in Set(analysis.runs.map(\.hash)) { runCount[hash, default: 0] += 1 }
            for id in Set(analysis.entities.map(\.id)) { entityCount[id, default: 0] += 1 }
            for value in Set(analysis.numbers.map(\.value)) { numberCount[value, default: 0] += 1 }
            for entity in analysis.entities { canonical[entity.id] = canonical[entity.id] ?? entity.canonical }
        }
        let reportMembers = zip(zip(ordered, languages), analyses).map { member, analysis in
            let (document, assignment) = member.0
            var highlights = Self.merged(analysis.runs.filter { runCount[$0.hash]! > 1 }.map(\.range)).map { Highlight(range: $0, kind: .passage) }
            highlights += analysis.entities.filter { entityCount[$0.id]! > 1 }.map { Highlight(range: $0.range, kind: .entity(id: $0.id, canonical: $0.canonical)) }
            highlights += analysis.numbers.filter { numberCount[$0.value]! > 1 }.map { Highlight(range: $0.range, kind: .number(value: $0.value)) }
            highlights.sort { $0.range.lowerBound < $1.range.lowerBound }
            return ReportMember(id: document.id, lang: member.1, date: document.date, text: document.text,
                                isRepresentative: assignment.id == assignment.representative, highlights: highlights)
        }
        var shared = entityCount.filter { $0.value > 1 }.map { SharedEntity(key: $0.key, canonical: canonical[$0.key], isNumber: false, memberCount: $0.value) }
        shared += numberCount.filter { $0.value > 1 }.map { SharedEntity(key: $0.key, canonical: nil, isNumber: true, memberCount: $0.value) }
        shared.sort { ($1.memberCount, $0.isNumber ? 1 : 0, $0.key) < ($0.memberCount, $1.isNumber ? 1 : 0, $1.key) }
        return ClusterReport(cluster: cluster, members: reportMembers, links: links, sharedEntities: shared)
    }

    private func analyse(_ text: String, lang: String?) -> Analysis {
        var analysis = Analysis()
        let tokens = tokenizer.tokenize(text)
        let words = tokens.filter(\.isWordLike)
        let keys = words.map { Array(Folding.matchKey($0.nameText).utf8) }
        if words.count >= passageWords {
            for start in 0...(words.count - passageWords) {
                var bytes: [UInt8] = []
                for key in keys[start..<(start + passageWords)] { bytes += key + [0x20] }
                analysis.runs.append((FeatureHash.hash(bytes), words[start].range.lowerBound..<words[start + passageWords - 1].range.upperBound))
            }
        }
        let mentions = canonicalizer?.mentions(in: text, segments: tokens.map(\.segment), lang: lang) ?? []
        for mention in mentions {
            if let id = mention.entity { analysis.entities.append((id, mention.canonical, mention.range)) }
        }
        // Numbers inside a mention ("Boeing 737") stay part of the mention.
        for number in NumberValue.values(in: tokens, of: text, lang: lang) where Fingerprint.isInformative(number.value) {
            guard !mentions.contains(where: { $0.range.overlaps(number.range) }) else { continue }
            analysis.numbers.append((Fingerprint.canonical(number.value), number.range))
        }
        return analysis
    }

    /// Overlapping or touching ranges joined, sorted.
    private static func merged(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = result.last, range.lowerBound <= last.upperBound {
                result[result.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                result.append(range)
            }
        }
        return result
    }
}
