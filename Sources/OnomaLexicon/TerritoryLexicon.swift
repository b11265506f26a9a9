import OnomaText

/// A lexicon of every country and territory with its name in every ICU locale: what
/// `onoma lexicon import icu-territories` writes.
public enum TerritoryLexicon {
    /// The entries for every region ICU names, one per distinct (region, language, name).
    /// Entities that `existing` already has keep their canonical form there: they get aliases
    /// only, and no form `existing` lists for them again. Other regions get their English name
    /// as canonical. Ids are Wikidata QIDs for sovereign states, else `iso3166:XX`.
    ///
    /// Names that would fail `onoma lexicon check` (ICU's data writes a few with a Greek ε
    /// in a Latin word) are left out and counted in `skipped`.
    ///
    /// - Complexity: O(r·l) ICU look-ups for r regions and l locales (about 250 × 800).
    public static func entries(existing: Lexicon) -> (entries: [LexiconEntry], skipped: Int) {
        var skipped = 0
        let locales = RegionNames.locales.sorted()
        var known = Set(existing.entries.map { "\($0.entity)\t\(Folding.caseFold($0.form))" })
        var entries: [LexiconEntry] = []
        for code in RegionNames.codes.sorted() where code.count == 2 {
            let id = TerritoryQIDs.byCode[code] ?? "iso3166:\(code)"
            let hasCanonical = existing.entities[id] != nil
            if !hasCanonical, let english = RegionNames.displayName(of: code, in: "en") {
                entries.append(LexiconEntry(entity: id, type: .place, lang: "en", form: english, role: .canonical))
                known.insert("\(id)\t\(Folding.caseFold(english))")
            }
            var seenInLanguage = Set<String>()
            for locale in locales {
                guard let name = RegionNames.displayName(of: code, in: locale) else { continue }
                guard LexiconParser.formProblems(name).isEmpty else {
                    skipped += 1
                    continue
                }
                let lang = RegionNames.languageTag(ofLocale: locale)
                let primary = LanguageTag.primary(lang)
                // Regional locales (en_GB, fr_CA) mostly repeat their language's name: keep one.
                guard seenInLanguage.insert("\(primary)\t\(name)").inserted else { continue }
                guard known.insert("\(id)\t\(Folding.caseFold(name))").inserted else { continue }
                entries.append(LexiconEntry(entity: id, type: .place, lang: lang, form: name, role: .alias))
            }
        }
        return (entries, skipped)
    }
}
