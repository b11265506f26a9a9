/// The variant-normalisation rules behind name keys, in the order they run, in the spirit of
/// JRC-Names. Each rule names the phenomenon it normalises; `NameKeyRulesTests` has one test per
/// phenomenon. Keys only ever meet other keys, so a rule may over-merge as long as both sides
/// of a true pair land on the same key: fuzzy scoring separates the rest.
public enum NameKeyRules {
    /// Languages that write the sound y as j (Kijów, Jewgeni, Selenskyj).
    public static let jForY: Set<String> = ["de", "pl", "cs", "sk", "nl", "sv", "no", "nb", "da", "fi", "hr", "sr", "sl", "hu", "et", "lv", "lt"]

    public static let all: [NameKeyRule] = [
        // Apostrophes, soft and hard signs (ʹ ʺ become ' and " in ASCII): Ольга → Ol'ga, Olga.
        NameKeyRule("soft sign and apostrophe", "'", ""),
        NameKeyRule("hard sign", "\"", ""),
        // German and Dutch spellings of Slavic sounds: Selenskyj, Schewtschenko, Tschernihiw.
        NameKeyRule("German tsch", "tsch", "ch"),
        NameKeyRule("German sch", "sch", "sh"),
        NameKeyRule("German initial s for z", "s", "z", left: .wordStart, right: .vowel, languages: ["de"]),
        // Slavic adjective endings: Zelenskyy, Zelenskiy, Zelenskij, Zelensky, Zelenski, Zelenskyi, Selenskyj.
        NameKeyRule("Slavic ending -skyy", "skyy", "ski", right: .wordEnd),
        NameKeyRule("Slavic ending -skyi", "skyi", "ski", right: .wordEnd),
        NameKeyRule("Slavic ending -skiy", "skiy", "ski", right: .wordEnd),
        NameKeyRule("Slavic ending -skij", "skij", "ski", right: .wordEnd),
        NameKeyRule("Slavic ending -skyj", "skyj", "ski", right: .wordEnd),
        NameKeyRule("Slavic ending -skii", "skii", "ski", right: .wordEnd),
        NameKeyRule("Slavic ending -sky", "sky", "ski", right: .wordEnd),
        NameKeyRule("Slavic ending -skaya", "skaya", "ska", right: .wordEnd),
        NameKeyRule("Slavic ending -skaja", "skaja", "ska", right: .wordEnd),
        // Other -iy/-yy/-ij/-yj endings: Oleksiy, Oleksii, Oleksij; Dmitriy, Dmitrij.
        NameKeyRule("ending -iy", "iy", "i", right: .wordEnd),
        NameKeyRule("ending -yy", "yy", "i", right: .wordEnd),
        NameKeyRule("ending -ij", "ij", "i", right: .wordEnd),
        NameKeyRule("ending -yj", "yj", "i", right: .wordEnd),
        NameKeyRule("ending -ii", "ii", "i", right: .wordEnd),
        NameKeyRule("ending -yi", "yi", "i", right: .wordEnd),
        // Iotated vowels written ie, ye, je: Kiev/Kyjew, Yevgeny/Evgeny/Jewgeni.
        NameKeyRule("iotated e written ye", "ye", "e"),
        NameKeyRule("iotated e written ie", "ie", "e"),
        NameKeyRule("iotated e written je", "je", "e", languages: jForY),
        NameKeyRule("iotated u written yu", "yu", "iu"),
        NameKeyRule("iotated u written ju", "ju", "iu", languages: jForY),
        NameKeyRule("iotated a written ya", "ya", "ia"),
        NameKeyRule("iotated a written ja", "ja", "ia", languages: jForY),
        NameKeyRule("iotated o written jo", "jo", "io", languages: jForY),
        // Consonant spellings.
        NameKeyRule("kh for h", "kh", "h"),
        NameKeyRule("ph for f", "ph", "f"),
        NameKeyRule("w for v", "w", "v"),
        NameKeyRule("French ou for u", "ou", "u"),
        NameKeyRule("ck for k", "ck", "k"),
        NameKeyRule("cz for ch", "cz", "ch"),
        NameKeyRule("dzh for j", "dzh", "j"),
        NameKeyRule("zh for j", "zh", "j"),
        NameKeyRule("ts for c", "ts", "c"),
        // Korean epenthetic vowels after a final consonant: jellenseuki → jellenski.
        NameKeyRule("Korean epenthetic eu", "eu", "", left: .consonant, right: .consonantOrEnd, languages: ["ko"]),
        // Japanese epenthetic vowels: zerensuki → zerenski.
        NameKeyRule("Japanese epenthetic u after s", "su", "s", right: .consonant, languages: ["ja"]),
        NameKeyRule("Japanese epenthetic o after t", "to", "t", right: .consonantOrEnd, languages: ["ja"]),
        NameKeyRule("Japanese epenthetic o after d", "do", "d", right: .consonantOrEnd, languages: ["ja"]),
        // y as a vowel: Syrskyi/Sirsky, Kyiv/Kiiv.
        NameKeyRule("y as i", "y", "i"),
    ]
}
