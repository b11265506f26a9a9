import OnomaLexicon
import OnomaText
import Testing
@testable import OnomaDedupe

@Suite struct ClusterReportBuilderTests {
    static let lexicon: LexiconIndex = {
        let parsed = LexiconParser.parse("""
            Q3874799\tperson\ten\tVolodymyr Zelenskyy\tcanonical
            Q3874799\tperson\ten\tZelensky\talias
            Q3874799\tperson\tfr\tVolodymyr Zelensky\talias
            Q3178\tplace\ten\tKursk region\tcanonical
            Q3178\tplace\tfr\trégion de Koursk\talias

            """, path: "fixture.tsv")
        precondition(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)")
        return try! LexiconIndex(lexicon: Lexicon(entries: parsed.entries))
    }()

    static let story = Document(id: "story", text: "Ukrainian President Volodymyr Zelensky said on Saturday that about 3,000 North Korean soldiers were killed or wounded in the Kursk region, where Ukraine launched an incursion in August.", lang: "en", path: "-")
    static let rewrite = Document(id: "rewrite", text: "Ukrainian President Volodymyr Zelensky said Saturday that some 3,000 North Korean soldiers had been killed or wounded in the Kursk region, where Ukraine launched its incursion in August.", lang: "en", path: "-")
    static let french = Document(id: "fr", text: "Le président ukrainien Volodymyr Zelensky a déclaré samedi qu'environ 3000 soldats nord-coréens avaient été tués ou blessés dans la région de Koursk.", lang: "fr", path: "-")
    static let other = Document(id: "bank", text: "The central bank raised interest rates by half a point on Wednesday, citing persistent inflation in services.", lang: "en", path: "-")

    /// The three stories in one cluster represented by "story", the bank alone.
    static let clustering = Clustering(
        assignments: [("story", "story"), ("rewrite", "story"), ("fr", "story"), ("bank", "bank")].map {
            ClusterAssignment(id: $0.0, cluster: $0.1)
        },
        links: [DocumentLink(a: "story", b: "rewrite", similarity: 0.6, relation: .duplicate),
                DocumentLink(a: "story", b: "fr", similarity: 0.3, relation: .translation)],
        skippedBuckets: 0)

    private func report(index: LexiconIndex? = lexicon) throws -> DedupeReport {
        try ClusterReportBuilder(index: index).report([Self.story, Self.rewrite, Self.french, Self.other], Self.clustering)
    }

    private func marked(_ member: ReportMember, _ kind: (Highlight.Kind) -> Bool) -> [String] {
        let bytes = Array(member.text.utf8)
        return member.highlights.filter { kind($0.kind) }.map { String(decoding: bytes[$0.range], as: UTF8.self) }
    }

    @Test func clusterListsItsRepresentativeFirstAndSingletonsApart() throws {
        let report = try report()
        #expect(report.clusters.map { $0.members.map(\.id) } == [["story", "rewrite", "fr"]])
        #expect(report.clusters[0].members.map(\.isRepresentative) == [true, false, false])
        #expect(report.clusters[0].links.count == 2)
        #expect(report.singletons == ["bank"])
        #expect(report.documentCount == 4)
    }

    @Test func runOfWordsAnotherMemberHasIsAPassage() throws {
        let story = try report().clusters[0].members[0]
        #expect(marked(story, { $0 == .passage }) == ["killed or wounded in the Kursk region, where Ukraine launched"])
    }

    @Test func entityTwoMembersMentionIsMarkedWithItsCanonicalId() throws {
        let french = try report().clusters[0].members[2]
        #expect(marked(french, { $0 == .entity(id: "Q3874799", canonical: "Volodymyr Zelenskyy") }) == ["Volodymyr Zelensky"])
        #expect(marked(french, { if case .entity(id: "Q3178", _) = $0 { true } else { false } }) == ["région de Koursk"])
    }

    @Test func numberWrittenDifferentlyIsSharedByItsValue() throws {
        let french = try report().clusters[0].members[2]
        #expect(marked(french, { $0 == .number(value: "3000") }) == ["3000"])
        #expect(try report().clusters[0].sharedEntities.contains(SharedEntity(key: "3000", canonical: nil, isNumber: true, memberCount: 3)))
    }

    @Test func withoutALexiconNoEntityIsMarked() throws {
        let members = try report(index: nil).clusters[0].members
        #expect(members.allSatisfy { $0.highlights.allSatisfy { if case .entity = $0.kind { false } else { true } } })
    }

    @Test func assignmentsThatDoNotMatchTheDocumentsAreAnError() throws {
        #expect(throws: DedupeError.self) { try ClusterReportBuilder().report([Self.story], Self.clustering) }
    }
}
