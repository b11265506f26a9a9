import OnomaLexicon
import Testing

@Suite struct ImportedNamesTests {
    @Test func jrcNamesJoinsWordsAndMapsTypesAndUnknownLanguage() {
        let text = "# id\ttype\tlang\tname\n1\tP\tu\tAlexander+Vladimirovich+Rutskoy\n1\tP\tru\tАлександр+Руцкой\n2\tO\tu\tEuropean+Commission\nbad line\n"
        let (names, diagnostics) = JRCNames.names(text, path: "jrc.tsv")
        #expect(diagnostics.map(\.description) == ["jrc.tsv:5:1: error: expected 4 tab-separated fields (id, type, language, name), found 1"])
        let (entries, _) = ImportedNames.entries(names, existing: Lexicon(entries: []), path: "jrc.tsv")
        #expect(entries.map(\.tsvLine) == [
            "jrc:1\tperson\t*\tAlexander Vladimirovich Rutskoy\tcanonical",
            "jrc:1\tperson\tru\tАлександр Руцкой\talias",
            "jrc:2\torg\t*\tEuropean Commission\tcanonical",
        ])
    }

    @Test func wikidataCSVWithHeaderQuotesURLsAndAnExistingLexicon() {
        let text = "item,itemLabel,lang,kind\n"
            + "http://www.wikidata.org/entity/Q1899,Kiew,de,alias\n"
            + "http://www.wikidata.org/entity/Q1899,\"Kyiv\",en,label\r\n"
            + "Q100,\"Doe, \"\"Jane\"\"\",en,label\n\n"
        let (names, diagnostics) = WikidataCSV.names(text, path: "w.csv", type: .person)
        #expect(diagnostics.isEmpty)
        let existing = Lexicon(entries: [LexiconEntry(entity: "Q1899", type: .place, lang: "en", form: "Kyiv", role: .canonical)])
        let (entries, _) = ImportedNames.entries(names, existing: existing, path: "w.csv")
        #expect(entries.map(\.tsvLine) == [
            "Q1899\tplace\tde\tKiew\talias",
            "Q100\tperson\ten\tDoe, \"Jane\"\tcanonical",
        ])
    }

    @Test func wikidataCSVWithoutHeaderTakesIdNameLanguage() {
        let (names, _) = WikidataCSV.names("Q42,Douglas Adams,en\nQ42,Дуглас Адамс,ru\n", path: "w.csv", type: .person)
        let (entries, _) = ImportedNames.entries(names, existing: Lexicon(entries: []), path: "w.csv")
        #expect(entries.map(\.role) == [.canonical, .alias])
        #expect(entries.map(\.form) == ["Douglas Adams", "Дуглас Адамс"])
    }
}
