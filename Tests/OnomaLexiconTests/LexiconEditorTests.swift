import Foundation
import OnomaLexicon
import Testing

@Suite struct LexiconEditorTests {
    static let text = "# people\r\nQ1\tperson\ten\tVolodymyr Zelenskyy\tcanonical\r\n\r\n# places\r\nQ2\tplace\ten\tKyiv\tcanonical\r\nQ2\tplace\ten\tKiev\tblocked\r\nQ3\tplace\ten\tKursk\tcanonical"

    func editor() throws -> (LexiconEditor, String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("onoma-editor-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("lex.tsv").path
        try Data(Self.text.utf8).write(to: URL(fileURLWithPath: path))
        return (LexiconEditor(path: path), path)
    }

    func alias(_ entity: String, _ type: EntityType, _ form: String, role: FormRole = .alias) -> LexiconEntry {
        LexiconEntry(entity: entity, type: type, lang: "en", form: form, role: role)
    }

    @Test func aFormGoesAfterItsEntityAndEveryOtherByteStays() throws {
        var (editor, path) = try editor()
        #expect(editor.add(alias("Q1", .person, "Zelensky")) == .added(path: path, after: 2))
        let bytes = try #require(editor.changedFiles().first?.bytes)
        // CRLF kept, the missing final line break left alone.
        #expect(String(decoding: bytes, as: UTF8.self) == Self.text.replacingOccurrences(
            of: "canonical\r\n\r\n", with: "canonical\r\nQ1\tperson\ten\tZelensky\talias\r\n\r\n"))
    }

    @Test func aNewEntityGoesAtTheEndAfterAFinalLineBreak() throws {
        var (editor, _) = try editor()
        _ = editor.add(alias("Q4", .place, "Odesa", role: .canonical))
        let text = String(decoding: try #require(editor.changedFiles().first?.bytes), as: UTF8.self)
        #expect(text.hasSuffix("Q3\tplace\ten\tKursk\tcanonical\r\nQ4\tplace\ten\tOdesa\tcanonical\r\n"))
    }

    @Test func addingAFormThatIsThereChangesNothing() throws {
        var (editor, path) = try editor()
        #expect(editor.add(alias("Q2", .place, "KYIV")) == .present(path: path, line: 5))
        #expect(editor.changedFiles().isEmpty)
    }

    @Test func conflictsAreRefusedUnlessForced() throws {
        var (editor, _) = try editor()
        // the form is another entity's
        guard case .refused(let other) = editor.add(alias("Q2", .place, "Kursk")) else { Issue.record("not refused"); return }
        #expect(other.contains("already on 'Q3'"))
        // the form is blocked for this entity
        guard case .refused(let blocked) = editor.add(alias("Q2", .place, "Kiev")) else { Issue.record("not refused"); return }
        #expect(blocked.contains("blocked for 'Q2'"))
        // forced: the blocking line is replaced
        _ = editor.add(alias("Q2", .place, "Kiev"), force: true)
        let text = String(decoding: try #require(editor.changedFiles().first?.bytes), as: UTF8.self)
        #expect(!text.contains("Kiev\tblocked") && text.contains("Q2\tplace\ten\tKiev\talias\r\n"))
        #expect(editor.checkResult().filter { $0.severity == .error }.isEmpty)
    }

    @Test func anAliasNeedsAnEntityAndTheRightType() throws {
        var (editor, _) = try editor()
        #expect(editor.add(alias("Q9", .place, "Lviv")) == .refused("entity 'Q9' is not in the lexicon; add its canonical form first (role canonical)"))
        guard case .refused(let type) = editor.add(alias("Q1", .place, "Zelensky")) else { Issue.record("not refused"); return }
        #expect(type.contains("is a person"))
        guard case .refused(let second) = editor.add(alias("Q1", .person, "Zelensky", role: .canonical)) else { Issue.record("not refused"); return }
        #expect(second.contains("already has the canonical form"))
    }

    @Test func appliedSuggestionsAreIdempotentAndStaleOnesRefused() throws {
        var (editor, path) = try editor()
        let base = Suggestion.fingerprint(entity: "Q2", type: .place, canonical: "Kyiv")
        let fresh = Suggestion(entry: alias("Q2", .place, "Kyyiv"), status: .accepted, count: 2, score: 0.9, base: base)
        let stale = Suggestion(entry: alias("Q3", .place, "Kurskk"), status: .accepted, count: 1, score: 0.9, base: base)
        let pending = Suggestion(entry: alias("Q3", .place, "Kursk City"), count: 1, score: 0.9, base: "")
        let results = editor.apply([fresh, stale, pending])
        #expect(results.count == 2)
        #expect(results[0].outcome == .added(path: path, after: 6))
        guard case .refused(let reason) = results[1].outcome else { Issue.record("stale suggestion applied"); return }
        #expect(reason.hasPrefix("no longer fits: entity 'Q3' has changed"))
        try editor.write()
        var again = LexiconEditor(path: path)
        #expect(again.apply([fresh])[0].outcome == .present(path: path, line: 7))
        #expect(again.changedFiles().isEmpty)
    }
}
