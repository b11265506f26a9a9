import OnomaText

/// A lexicon of every country and territory with its name in every ICU locale: what
/// `onoma lexicon import icu-territories` writes.
public enum TerritoryLexicon {
    /// The entries for every region ICU names, one per distinct (region, language, name): a
    /// name several languages share (German and Dutch Marokko) is listed under each of them, so
    /// that a language's inflections and variants find it. Entities that `existing` already has
    /// keep their canonical form there: they get aliases only, and no form `existing` lists for
    /// them in the same language (or under `*`). Other regions get their English name as
    /// canonical. Ids are Wikidata QIDs for sovereign states, else `iso3166:XX`.
    ///
    /// Names that would fail `onoma lexicon check` (ICU's data writes a few with a Greek ε
    /// in a Latin word) are left out and counted in `skipped`.
    ///
    /// - Complexity: O(r·l) ICU look-ups for r regions and l locales (about 250 × 800).
    public static func entries(existing: Lexicon) -> (entries: [LexiconEntry], skipped: Int) {
        var skipped = 0
        let locales = RegionNames.locales.sorted()
        // (entity, primary language or "*", folded form) of every form already listed.
        var known = Set(existing.entries.map { "\($0.entity)\t\(LanguageTag.primary($0.lang))\t\(Folding.caseFold($0.form))" })
        var entries: [LexiconEntry] = []
        for code in RegionNames.codes.sorted() where code.count == 2 {
            let id = TerritoryQIDs.byCode[code] ?? "iso3166:\(code)"
            let hasCanonical = existing.entities[id] != nil
            if !hasCanonical, let english = RegionNames.displayName(of: code, in: "en") {
                entries.append(LexiconEntry(entity: id, type: .place, lang: "en", form: english, role: .canonical))
                known.insert("\(id)\ten\t\(Folding.caseFold(english))")
            }
            for locale in locales {
                guard let name = RegionNames.displayName(of: code, in: locale) else { continue }
                guard LexiconParser.formProblems(name).isEmpty else {
                    skipped += 1
                    continue
                }
                let lang = RegionNames.languageTag(ofLocale: locale)
                // Regional locales (en_GB, fr_CA) mostly repeat their language's name: keep one.
                let folded = Folding.caseFold(name)
                guard !known.contains("\(id)\t*\t\(folded)"),
                      known.insert("\(id)\t\(LanguageTag.primary(lang))\t\(folded)").inserted else { continue }
                entries.append(LexiconEntry(entity: id, type: .place, lang: lang, form: name, role: .alias))
            }
        }
        return (entries, skipped)
    }
}
