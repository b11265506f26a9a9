import Testing
@testable import OnomaDedupe

@Suite struct ClustererTests {
    private func signatures(_ documents: [(id: String, text: String, lang: String?, date: String?)]) throws -> [DocumentSignature] {
        let signer = try Signer(parameters: DedupeParameters())
        return documents.map { signer.signature(id: $0.id, text: $0.text, lang: $0.lang, date: $0.date) }
    }

    static let story = "Ukrainian President Volodymyr Zelensky said on Saturday that about 3,000 North Korean soldiers were killed or wounded in the Kursk region, where Ukraine launched an incursion in August."
    static let rewrite = "Ukrainian President Volodymyr Zelensky said Saturday that some 3,000 North Korean soldiers had been killed or wounded in Russia's Kursk region, where Ukraine launched its incursion in August."
    static let other = "The central bank raised interest rates by half a point on Wednesday, citing persistent inflation in services and a tight labour market that shows few signs of easing."

    @Test func rewriteOfAStoryIsADuplicate() throws {
        let result = Clusterer(parameters: DedupeParameters()).cluster(try signatures([
            ("a", Self.story, "en", nil), ("b", Self.rewrite, "en", nil), ("c", Self.other, "en", nil),
        ]), crossLingual: false)
        #expect(result.assignments.map(\.cluster) == ["b", "b", "c"])
        #expect(result.links.map(\.relation) == [.duplicate])
    }

    @Test func earliestDatedDocumentRepresentsItsCluster() throws {
        let result = Clusterer(parameters: DedupeParameters()).cluster(try signatures([
            ("late", Self.story, "en", "2024-12-29"), ("early", Self.rewrite, "en", "2024-12-28"),
        ]), crossLingual: false)
        #expect(result.assignments.map(\.representative) == ["early", "early"])
    }

    @Test func clusterIdsDoNotDependOnInputOrder() throws {
        let forward = Clusterer(parameters: DedupeParameters()).cluster(try signatures([
            ("a", Self.story, "en", nil), ("b", Self.rewrite, "en", nil),
        ]), crossLingual: false)
        let backward = Clusterer(parameters: DedupeParameters()).cluster(try signatures([
            ("b", Self.rewrite, "en", nil), ("a", Self.story, "en", nil),
        ]), crossLingual: false)
        #expect(Set(forward.assignments.map(\.cluster)) == Set(backward.assignments.map(\.cluster)))
    }

    @Test func emptyAndOneWordDocumentsStayAlone() throws {
        let result = Clusterer(parameters: DedupeParameters()).cluster(try signatures([
            ("e1", "", "en", nil), ("e2", "", "en", nil), ("w1", "Kyiv", "en", nil), ("w2", "Kyiv", "en", nil),
        ]), crossLingual: false)
        #expect(result.assignments.map(\.cluster)[0...1] == ["e1", "e2"])
        // Two identical one-word texts are duplicates of each other.
        #expect(result.assignments[2].cluster == result.assignments[3].cluster)
    }

    @Test func translationIsLinkedAcrossLanguagesOnlyWhenAskedFor() throws {
        let german = "Der ukrainische Präsident Wolodymyr Selenskyj sagte am Samstag, dass etwa 3000 nordkoreanische Soldaten in der Region Kursk getötet oder verwundet worden seien, wo die Ukraine im August eingedrungen war. Auch Mattersburg und Burgenland."
        let french = "Le président ukrainien Volodymyr Zelensky a déclaré samedi qu'environ 3000 soldats nord-coréens avaient été tués ou blessés dans la région de Koursk, où l'Ukraine a lancé une incursion en août. Aussi Mattersburg et Burgenland."
        let docs = try signatures([("de", german, "de", nil), ("fr", french, "fr", nil), ("x", Self.other, "en", nil)])
        #expect(Clusterer(parameters: DedupeParameters()).cluster(docs, crossLingual: false).links.isEmpty)
        let linked = Clusterer(parameters: DedupeParameters()).cluster(docs, crossLingual: true)
        #expect(linked.links.map(\.relation) == [.translation])
        #expect(linked.assignments[0].cluster == linked.assignments[1].cluster)
        #expect(linked.assignments[2].cluster == "x")
    }
}
