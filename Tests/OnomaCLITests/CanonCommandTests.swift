import Foundation
import Testing

@Suite struct CanonCommandTests {
    static let lexicon = """
        # fixture
        Q3874799\tperson\ten\tVolodymyr Zelenskyy\tcanonical
        Q3874799\tperson\ten\tZelensky\talias
        Q3874799\tperson\tuk\tЗеленський\talias
        Q1899\tplace\ten\tKyiv\tcanonical
        Q1899\tplace\ten\tKiev\talias

        """

    @Test func jsonlGivesMentionsWithByteOffsetsEntitiesAndMethods() throws {
        let dir = try TemporaryDirectory()
        let lexicon = try dir.write("names.tsv", Self.lexicon)
        let result = try OnomaProcess.run(["canon", "--lexicon", lexicon], stdin: #"{"id":"d1","text":"Зеленського in Kiev","lang":"uk"}"# + "\n")
        #expect(result.status == 0)
        #expect(result.stdout == #"{"id":"d1","mentions":[{"start":0,"end":22,"text":"Зеленського","entity":"Q3874799","canonical":"Volodymyr Zelenskyy","type":"person","score":0.9,"method":"normalized"},{"start":26,"end":30,"text":"Kiev","entity":"Q1899","canonical":"Kyiv","type":"place","score":1,"method":"exact"}]}"# + "\n")
    }

    @Test func textFormatRewritesNamesToCanonicalForms() throws {
        let dir = try TemporaryDirectory()
        let lexicon = try dir.write("names.tsv", Self.lexicon)
        let result = try OnomaProcess.run(["canon", "--lexicon", lexicon, "--format", "text"], stdin: "Zelensky visited Kiev.\n")
        #expect(result.stdout == "Volodymyr Zelenskyy visited Kyiv.\n")
    }

    @Test func tsvFormatAndMinScore() throws {
        let dir = try TemporaryDirectory()
        let lexicon = try dir.write("names.tsv", Self.lexicon)
        let result = try OnomaProcess.run(["canon", "--lexicon", lexicon, "--format", "tsv", "--min-score", "0.95"],
                                          stdin: "Zelenskiy and Zelensky\n")
        #expect(result.stdout == """
            id\tstart\tend\ttext\tentity\tcanonical\ttype\tscore\tmethod
            -\t0\t9\tZelenskiy\tQ3874799\tVolodymyr Zelenskyy\tperson\t0.95\tnormalized
            -\t14\t22\tZelensky\tQ3874799\tVolodymyr Zelenskyy\tperson\t1\texact

            """)
    }

    @Test func lexiconErrorsStopCanonWithTheirPlace() throws {
        let dir = try TemporaryDirectory()
        let lexicon = try dir.write("bad.tsv", "Q1\tplace\ten\tKyiv\n")
        let result = try OnomaProcess.run(["canon", "--lexicon", lexicon], stdin: "Kyiv\n")
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("\(lexicon):1:1: error: expected 5 tab-separated fields"))
    }

    @Test func shippedLexiconCanonicalizesTheCorpus() throws {
        let result = try OnomaProcess.run(["canon", "Corpus/"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 5)
        #expect(lines[0].contains(#""text":"Volodymyr Zelensky","entity":"Q3874799","canonical":"Volodymyr Zelenskyy""#))
    }
}

@Suite struct ResolveAndMatchCommandTests {
    @Test func resolveGivesOneLinePerQueryInOrder() throws {
        let result = try OnomaProcess.run(["resolve", "--top", "1", "Сирський", "Kiev", "Nobody Atall"])
        #expect(result.status == 0)
        #expect(result.stdout == """
            {"query":"Сирський","candidates":[{"entity":"onoma:oleksandr-syrskyi","canonical":"Oleksandr Syrskyi","score":1,"method":"exact"}]}
            {"query":"Kiev","candidates":[{"entity":"Q1899","canonical":"Kyiv","score":1,"method":"exact"}]}
            {"query":"Nobody Atall","candidates":[]}

            """)
    }

    @Test func resolveFindsAnUnlistedHebrewSpellingByTheLetterModel() throws {
        let result = try OnomaProcess.run(["resolve", "--top", "1", "דונלד טראמפ"])
        #expect(result.stdout.contains("\"entity\":\"Q22686\""))
        #expect(result.stdout.contains("\"method\":\"fuzzy\""))
    }

    @Test func resolveExplainAddsTheLetterModelsEvidence() throws {
        let result = try OnomaProcess.run(["resolve", "--explain", "--top", "1", "דונלד טראמפ", "Kiev"])
        let lines = result.stdout.split(separator: "\n").map { String($0) }
        #expect(lines.count == 2)
        #expect(lines[0].contains(#""method":"fuzzy","raw":"#))
        #expect(lines[0].contains(#","model":{"name":"he","beta":"#))
        #expect(lines[0].contains(#""scored":[{"entity":"Q22686""#))
        #expect(lines[1] == #"{"query":"Kiev","candidates":[{"entity":"Q1899","canonical":"Kyiv","score":1,"method":"exact"}]}"#)
    }

    @Test func resolveReadsNamesFromAFile() throws {
        let dir = try TemporaryDirectory()
        let names = try dir.write("names.txt", "젤렌스키\n\nSirsky\n")
        let result = try OnomaProcess.run(["resolve", "--names", names, "--top", "1"])
        #expect(result.stdout.split(separator: "\n").map { $0.contains("\"candidates\":[{") } == [true, true])
    }

    @Test func resolveRejectsMalformedLanguage() throws {
        let result = try OnomaProcess.run(["resolve", "--lang", "ukrainian", "x"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--lang 'ukrainian' is not a BCP 47 language tag"))
    }

    @Test func matchScoresAPair() throws {
        let result = try OnomaProcess.run(["match", "Zelensky", "Зеленський"])
        #expect(result.stdout == "0.95\t1\tnormalized\tZelensky\tЗеленський\n")
    }

    @Test func matchJudgesAPairOfScriptsByTheLetterModel() throws {
        let result = try OnomaProcess.run(["match", "--pairs", "-"], stdin: "젤렌스키\tZelensky\nزيلينسكي\tZelensky\n젤렌스키\tSyrskyi\n")
        let verdicts = result.stdout.split(separator: "\n").map { $0.split(separator: "\t")[1] }
        #expect(verdicts == ["1", "1", "0"])
    }

    @Test func matchReadsASlavicCaseFormAsTheSameName() throws {
        let result = try OnomaProcess.run(["match", "--pairs", "-"], stdin: "Зеленського\tЗеленський\nВолодимира Зеленського\tВолодимир Зеленський\nКиєві\tКиїв\nЗеленського\tСирський\n")
        let lines = result.stdout.split(separator: "\n").map { $0.split(separator: "\t").prefix(3).joined(separator: " ") }
        #expect(lines == ["0.9 1 normalized", "0.9 1 normalized", "0.9 1 normalized", lines[3]])
        #expect(lines[3].hasSuffix(" 0 fuzzy"))
    }

    @Test func matchRefusesATextAsANameWithItsLine() throws {
        let dir = try TemporaryDirectory()
        let pairs = try dir.write("pairs.tsv", "Kiev\tKyiv\n\(String(repeating: "a", count: 20_000))\tb\nPutin\tBiden\n")
        let result = try OnomaProcess.run(["match", "--pairs", pairs])
        #expect(result.status == 1)
        #expect(result.stdout.split(separator: "\n").map { $0.split(separator: "\t")[3] } == ["Kiev", "Putin"])
        #expect(result.stderr.contains("pairs.tsv:2: error: a name of 20000 bytes is longer than the 16384 that match compares"))
    }

    @Test func matchPairsFileKeepsInputOrderAndIgnoresExtraColumns() throws {
        let dir = try TemporaryDirectory()
        let pairs = try dir.write("pairs.tsv", "Kiev\tKyiv\tgold=1\nPutin\tBiden\n")
        let result = try OnomaProcess.run(["match", "--pairs", pairs])
        let verdicts = result.stdout.split(separator: "\n").map { $0.split(separator: "\t")[1] }
        #expect(verdicts == ["1", "0"])
    }
}

@Suite struct LexiconCommandTests {
    @Test func checkReportsEveryProblemWithItsPlaceAndFails() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("l.tsv", "Q1\tplace\ten\tKyiv\tcanonical\nQ2\tcity\ten\tKy\u{456}v\talias\n")
        let result = try OnomaProcess.run(["lexicon", "check", path])
        #expect(result.status == 1)
        #expect(result.stderr == """
            \(path):2:4: error: unknown type 'city'; expected one of person, place, org, other
            \(path):2:14: error: form 'Ky\u{456}v' mixes scripts: '\u{456}' (Cyrillic) inside a Latin word
            \(path): 1 forms of 1 entities; 2 errors, 0 warnings

            """)
    }

    @Test func shippedLexiconsHaveNoErrors() throws {
        let result = try OnomaProcess.run(["lexicon", "check", "Lexicons"])
        #expect(result.status == 0)
        #expect(!result.stderr.contains("error:"))
    }

    @Test func importedTerritoriesMatchTheShippedFile() throws {
        // Lexicons/territories.tsv is generated; regenerating it must give the same file.
        let result = try OnomaProcess.run(["lexicon", "import", "icu-territories", "--lexicon", "Lexicons/places.tsv"])
        #expect(result.status == 0)
        let shipped = try String(contentsOf: OnomaProcess.packageRoot.appendingPathComponent("Lexicons/territories.tsv"), encoding: .utf8)
        #expect(result.stdout == shipped)
    }
}
