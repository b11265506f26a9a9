import Foundation
import Testing

@Suite struct DedupeClusterCommandTests {
    static let translations = """
        {"id":"de","text":"Der ukrainische Präsident Wolodymyr Selenskyj sagte am Samstag, dass etwa 3000 nordkoreanische Soldaten in der Region Kursk getötet oder verwundet worden seien, wo die Ukraine im August eingedrungen war. Auch Mattersburg und Burgenland.","lang":"de"}
        {"id":"fr","text":"Le président ukrainien Volodymyr Zelensky a déclaré samedi qu'environ 3000 soldats nord-coréens avaient été tués ou blessés dans la région de Koursk, où l'Ukraine a lancé une incursion en août. Aussi Mattersburg et Burgenland.","lang":"fr"}

        """

    /// Runs `onoma dedupe options` and `onoma dedupe sign | onoma dedupe cluster options` on
    /// `documents` and expects the same output, diagnostics and exit status; sign gets the
    /// signature options among `options`.
    private func expectSignThenClusterEqualsDedupe(_ documents: String, _ options: [String], signOptions: [String] = []) throws {
        let dedupe = try OnomaProcess.run(["dedupe"] + options, stdin: documents)
        let signed = try OnomaProcess.run(["dedupe", "sign"] + signOptions, stdin: documents)
        let clustered = try OnomaProcess.run(["dedupe", "cluster"] + options, stdin: signed.stdout)
        #expect(clustered.stdout == dedupe.stdout)
        #expect(clustered.stderr == dedupe.stderr)
        #expect(clustered.status == dedupe.status)
    }

    @Test func signThenClusterGivesTheClustersOfDedupeOnCorpusArticlesTheirCopiesAndTranslations() throws {
        let documents = try PerturbedCopies.jsonl(PerturbedCopies.corpus(), copies: 3) + Self.translations
        let dedupe = try OnomaProcess.run(["dedupe", "--cross-lingual"], stdin: documents)
        // The copies join their articles (five articles, some of one story, and the two translations).
        #expect(Set(dedupe.stdout.split(separator: "\n").map { $0.split(separator: "\"")[7] }).count < 7)
        try expectSignThenClusterEqualsDedupe(documents, ["--cross-lingual", "--pairs"])
        try expectSignThenClusterEqualsDedupe(documents, ["--format", "tsv", "--threshold", "0.5"], signOptions: ["--threshold", "0.5"])
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: PerturbedCopies.wmt21.path), "needs ../shared/dev/dedup/wmt21-de-fr.jsonl"))
    func signThenClusterGivesTheClustersOfDedupeOnGermanAndFrenchNews() throws {
        let documents = try PerturbedCopies.jsonl(PerturbedCopies.wmt21(first: 120), copies: 1)
        try expectSignThenClusterEqualsDedupe(documents, ["--cross-lingual", "--pairs"])
    }

    @Test func badLinesAndRepeatedIdsAreReportedAsDedupeReportsThem() throws {
        let documents = Self.translations + "{\"id\":\"de\",\"text\":\"again\"}\n{\"id\":\"x\"}\nnot json\n"
        try expectSignThenClusterEqualsDedupe(documents, [])
    }

    @Test func recordsSignedWithOtherOptionsAreRefused() throws {
        let signed = try OnomaProcess.run(["dedupe", "sign", "--permutations", "64"], stdin: Self.translations)
        let result = try OnomaProcess.run(["dedupe", "cluster"], stdin: signed.stdout)
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == "-:1: error: the signature was made with permutations 64, not 128, and bands 21, not 32, and rows 3, not 4; sign and cluster with the same options\n")
    }
}
