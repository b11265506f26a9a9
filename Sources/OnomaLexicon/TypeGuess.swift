import OnomaText

/// Guesses what a new name is from the words around it and its own last word: titles before a
/// person ("President", "Minister", "General", "spokesman"), place words ("city", "region",
/// "province", "in"), organisation words ("agency", "ministry"; "… Agency", "… Bank").
/// Mostly English, with the commonest German, French, Ukrainian and Russian titles.
///
///     TypeGuess.vote(forContext: "minister")   // (.person, 1)
///     TypeGuess.vote(forHead: "Agency")        // (.org, 2)
public enum TypeGuess {
    /// Words that name a person's role; they are cut off a name and vote for person.
    static let titles: Set<String> = [
        "president", "minister", "prime", "general", "spokesman", "spokeswoman", "spokesperson", "chancellor",
        "secretary", "senator", "governor", "mayor", "commander", "chief", "leader", "ambassador", "mr", "mrs",
        "ms", "dr", "sir", "lady", "lord", "king", "queen", "prince", "princess", "pope", "judge", "colonel",
        "lieutenant", "major", "captain", "sergeant", "admiral", "marshal", "director", "ceo", "chairman",
        "chairwoman", "envoy", "adviser", "advisor", "deputy", "vice", "premier", "representative", "congressman",
        "congresswoman", "coach", "striker", "defender", "midfielder", "goalkeeper", "manager", "head", "founder",
        "präsident", "präsidentin", "ministerin", "kanzler", "kanzlerin", "bundeskanzler", "bundeskanzlerin",
        "ministerpräsident", "ministerpräsidentin", "sprecher", "sprecherin", "chef", "chefin", "herr", "frau",
        "bürgermeister", "bürgermeisterin", "trainer", "président", "présidente", "ministre", "général",
        "porte-parole", "maire", "m", "mme", "président-directeur", "президент", "міністр", "министр",
        "генерал", "прем'єр", "премьер", "речник", "пресс-секретарь", "мэр", "мер", "голова", "глава",
    ]

    /// Endings of compound titles (German Finanzminister, Bundespräsident, Regierungssprecher).
    static let titleEndings = ["minister", "ministerin", "präsident", "präsidentin", "sprecher", "sprecherin", "chef", "chefin",
                               "kanzler", "kanzlerin", "direktor", "direktorin", "leiter", "leiterin", "trainer", "trainerin"]

    /// Whether a case-folded word is a title: listed, or a compound ending in one.
    public static func isTitle(_ word: String) -> Bool {
        titles.contains(word) || titleEndings.contains { word.count > $0.count + 2 && word.hasSuffix($0) }
    }

    /// Words around a name that say it is a place.
    static let placeContext: [String: Double] = [
        "city": 1, "town": 1, "village": 1, "region": 1, "province": 1, "capital": 1, "oblast": 1, "district": 1,
        "county": 1, "state": 0.5, "island": 1, "port": 1, "area": 0.5, "border": 0.5, "in": 0.25, "near": 0.5,
        "from": 0.25, "stadt": 1, "ville": 1, "région": 1, "місто": 1, "області": 1,
        "город": 1, "области": 1, "gemeinde": 1, "commune": 1,
    ]

    /// Words around a name that say it is an organisation.
    static let orgContext: [String: Double] = [
        "agency": 1, "company": 1, "firm": 1, "group": 0.5, "party": 1, "ministry": 1, "organisation": 1,
        "organization": 1, "newspaper": 1, "broadcaster": 1, "club": 1, "team": 0.5, "bank": 1, "union": 0.5,
        "according": 0.25, "partei": 1, "firma": 1, "groupe": 1, "unternehmen": 1, "konzern": 1, "verein": 1, "agentur": 1, "parti": 1,
        "entreprise": 1, "société": 1, "agence": 1, "агентство": 1, "компанія": 1, "компания": 1,
    ]

    /// Last words of names that say what the name is: "Yonhap News Agency", "Kursk Oblast".
    static let heads: [String: EntityType] = [
        "agency": .org, "ministry": .org, "university": .org, "council": .org, "party": .org, "bank": .org,
        "company": .org, "group": .org, "corporation": .org, "corp": .org, "co": .org, "department": .org, "airlines": .org, "inc": .org, "ltd": .org, "gmbh": .org,
        "ag": .org, "commission": .org, "committee": .org, "army": .org, "forces": .org, "institute": .org,
        "association": .org, "federation": .org, "union": .org, "times": .org, "post": .org, "news": .org,
        "service": .org, "office": .org, "court": .org, "parliament": .org, "fc": .org, "club": .org,
        "city": .place, "oblast": .place, "province": .place, "region": .place, "island": .place, "islands": .place,
        "river": .place, "sea": .place, "mountains": .place, "street": .place, "square": .place, "county": .place,
        "district": .place, "valley": .place, "strip": .place, "coast": .place, "hill": .place, "mount": .place, "bay": .place, "lake": .place, "airport": .place, "peninsula": .place,
    ]

    /// The vote of a word next to a name (case-folded): a title votes person, place and
    /// organisation words their type.
    public static func vote(forContext word: String) -> (type: EntityType, weight: Double)? {
        if isTitle(word) { return (.person, 1) }
        if let weight = placeContext[word] { return (.place, weight) }
        if let weight = orgContext[word] { return (.org, weight) }
        return nil
    }

    /// The vote of a name's last word (any case): "Agency" votes organisation with weight 2.
    public static func vote(forHead word: String) -> (type: EntityType, weight: Double)? {
        heads[Folding.caseFold(word)].map { ($0, 2) }
    }

    /// The type with the most votes, or `other` when nothing voted.
    public static func decide(_ votes: [EntityType: Double]) -> EntityType {
        votes.filter { $0.value > 0 }.max { ($0.value, $1.key.rawValue) < ($1.value, $0.key.rawValue) }?.key ?? .other
    }
}
