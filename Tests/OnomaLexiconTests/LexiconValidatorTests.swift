import OnomaText
import Testing
@testable import OnomaLexicon

@Suite struct LexiconValidatorTests {
    private func validate(_ text: String) -> [String] {
        let parsed = LexiconParser.parse(text, path: "t.tsv")
        return (parsed.diagnostics + LexiconValidator.validate(parsed.entries)).map(\.description)
    }

    @Test func entityWithoutCanonicalFormIsAnError() {
        #expect(validate("Q1\tplace\ten\tKyiv\talias\n") == [
            "t.tsv:1:1: error: entity 'Q1' has no canonical form; mark one of its forms 'canonical'",
        ])
    }

    @Test func entityWithTwoCanonicalFormsIsAnError() {
        #expect(validate("Q1\tplace\ten\tKyiv\tcanonical\nQ1\tplace\ten\tKiev\tcanonical\n") == [
            "t.tsv:2:1: error: entity 'Q1' has a second canonical form 'Kiev' (the first is 'Kyiv' at t.tsv:1); make one of them an alias",
        ])
    }

    @Test func entityWithTwoTypesIsAnError() {
        #expect(validate("Q1\tplace\ten\tKyiv\tcanonical\nQ1\torg\ten\tKiev\talias\n") == [
            "t.tsv:2:1: error: entity 'Q1' has type 'org' here but 'place' at t.tsv:1",
        ])
    }

    @Test func duplicateFormIsAWarning() {
        // Case folding makes KYIV the same form as Kyiv.
        #expect(validate("Q1\tplace\ten\tKyiv\tcanonical\nQ1\tplace\ten\tKYIV\talias\n") == [
            "t.tsv:2:1: warning: duplicate form 'KYIV' for 'Q1' (already at t.tsv:1)",
        ])
    }

    @Test func formBlockedAndAllowedForOneEntityIsAnError() {
        #expect(validate("Q1\tplace\ten\tGeorgia\tcanonical\nQ1\tplace\ten\tGeorgia\tblocked\n") == [
            "t.tsv:2:1: error: form 'Georgia' is both blocked and allowed for 'Q1' (see t.tsv:1)",
        ])
    }

    @Test func sameFormOnTwoEntitiesIsAnAmbiguityWarning() {
        #expect(validate("Q230\tplace\ten\tGeorgia\tcanonical\nQ1428\tplace\ten\tGeorgia\tcanonical\n") == [
            "t.tsv:2:1: warning: ambiguous form 'Georgia': also on 'Q230' (t.tsv:1); canon resolves it from context",
        ])
    }

    @Test func blockedFormIsNotAnAmbiguity() {
        #expect(validate("Q230\tplace\ten\tGeorgia\tcanonical\nQ1428\tplace\ten\tGeorgia (U.S. state)\tcanonical\nQ1428\tplace\ten\tGeorgia\tblocked\n").isEmpty)
    }

    @Test func confusableFormsOnDifferentEntitiesAreAWarning() {
        // Whole-script confusable: Cyrillic "КОТ" looks like Latin "KOT".
        #expect(validate("Q1\tother\ten\tKOT\tcanonical\nQ2\tother\tru\tКОТ\tcanonical\n") == [
            "t.tsv:2:1: warning: form 'КОТ' looks like 'KOT' of 'Q1' (t.tsv:1): confusable characters",
        ])
    }
}
