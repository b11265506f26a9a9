import Foundation
import Testing

@Suite struct TranslitCommandTests {
    @Test func ukrainianToLatinUsesBGN() throws {
        let result = try OnomaProcess.run(["translit", "--to", "latin", "--lang", "uk", "Володимир Зеленський"])
        #expect(result.status == 0)
        #expect(result.stdout == "Volodymyr Zelensʹkyy\n")
    }

    @Test func asciiTargetDropsDiacriticsAndModifierLetters() throws {
        let result = try OnomaProcess.run(["translit", "--to", "ascii", "--lang", "uk", "Зеленський", "Київ"])
        #expect(result.stdout == "Zelens'kyy\nKyyiv\n")
    }

    @Test func explicitICUTransformID() throws {
        let result = try OnomaProcess.run(["translit", "--id", "Greek-Latin", "Αθήνα"])
        #expect(result.stdout == "Athḗna\n")
    }

    @Test func unknownTransformIDListsClosestValidIDs() throws {
        let result = try OnomaProcess.run(["translit", "--id", "Russian-Latim/BGN", "x"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("unknown transform id 'Russian-Latim/BGN'; closest: Russian-Latin/BGN"))
    }

    @Test func jsonlFileKeepsIDsAndUsesEachDocumentsLanguage() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("d.jsonl", """
            {"id":"u","text":"Зеленський","lang":"uk"}
            {"id":"r","text":"Зеленский","lang":"ru"}

            """)
        let result = try OnomaProcess.run(["translit", "--file", path])
        #expect(result.status == 0)
        #expect(result.stdout == """
            {"id":"u","text":"Zelensʹkyy","lang":"uk"}
            {"id":"r","text":"Zelenskiy","lang":"ru"}

            """)
    }

    @Test func standardInputTextIsTransliteratedWhole() throws {
        let result = try OnomaProcess.run(["translit", "--lang", "ko"], stdin: "젤렌스키 대통령\n")
        #expect(result.stdout == "jellenseuki daetonglyeong\n")
    }

    @Test func listPrintsICUTransformIDs() throws {
        let result = try OnomaProcess.run(["translit", "--list"])
        let ids = result.stdout.split(separator: "\n")
        #expect(ids.contains("Ukrainian-Latin/BGN"))
        #expect(ids.count > 300)
    }
}
