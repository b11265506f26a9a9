import OnomaText

extension LexiconIndex {
    /// The forms an inflected Cyrillic name is a case of, by the Slavic stems of its words
    /// (Зеленського → Зеленський, Києві → Київ), as the canonicalizer matches them in text:
    /// words separated by spaces, each the stem of a form's word in turn, and forms that accept
    /// a key match from Cyrillic text in `lang` (nil: guessed from the script; when the letters
    /// do not tell Ukrainian from Russian, a form in any language). Empty for a name without
    /// Cyrillic letters.
    func inflectedForms(of name: String, lang: String?) -> [Int32] {
        guard CaseForm.hasCyrillic(name) else { return [] }
        let guessed = lang ?? LanguageGuess.fromScript(name), language = CaseForm.language(of: name, lang: lang)
        var node = UnitTrie.root
        for word in name.split(whereSeparator: \.isWhitespace) {
            let key = CaseForm.stemKey(ofInflected: String(word), lang: language, keys: keys)
            guard let next = stems.child(node, labels.id(key)) else { return [] }
            node = next
        }
        let languageID = self.languageID(language)
        return stems.values(at: node).filter { id in
            let form = traits[Int(id)]
            return form.acceptsKeyMatch(from: .cyrillic) && (guessed == nil || form.acceptsKeyMatch(inLanguage: languageID))
        }
    }
}
