/// What marks a name in scripts without capitals, where `SuggestionMiner` cannot look for
/// capitalised words: titles, on the side of the name where each language puts them, and the
/// words that end a name. News names foreigners this way ("젤렌스키 대통령", "ゼレンスキー大統領",
/// "总统泽连斯基", "الرئيس زيلينسكي", "הנשיא זלנסקי").
enum UncasedNameCues {
    /// Korean titles, written after the name as a word of their own; a particle may follow
    /// ("대통령은"), and compounds end in them ("외무장관", "총사령관").
    static let koreanTitles = [
        "대통령", "총리", "장관", "대변인", "위원장", "사령관", "총장", "의원", "대사", "국왕", "여왕", "왕세자",
        "회장", "총재", "주석", "서기장", "국무위원장", "부통령", "장군", "대령", "감독", "씨", "대표", "총통",
    ]

    /// Korean particles that may follow a title or end a word before a name.
    static let koreanParticles = ["은", "는", "이", "가", "을", "를", "의", "에", "에게", "도", "와", "과", "로", "으로", "께서", "에서", "만"]

    /// Particles after which a word is not the end of a name before a title ("우크라이나의").
    static let koreanCaseEndings = ["은", "는", "을", "를", "의", "에", "에게", "께서", "에서"]

    /// Japanese titles, written right after the name ("ゼレンスキー大統領", "シルスキー氏").
    static let japaneseTitles = [
        "大統領", "首相", "外相", "国防相", "国務長官", "長官", "報道官", "大臣", "氏", "議長", "総裁", "国王",
        "女王", "主席", "総書記", "司令官", "総司令官", "将軍", "大使", "副大統領", "外務大臣", "国防大臣", "監督", "委員長",
    ]

    /// Chinese titles, written right before the name ("总统泽连斯基"), simplified and traditional.
    static let chineseTitles = [
        "总统", "總統", "总理", "總理", "首相", "外长", "外長", "部长", "部長", "国务卿", "國務卿", "发言人",
        "發言人", "主席", "将军", "將軍", "司令", "总司令", "總司令", "大使", "国王", "國王", "女王", "议长",
        "議長", "总书记", "總書記", "秘书长", "秘書長", "副总统", "副總統", "先生", "女士", "教练", "教練",
    ]

    /// Han characters that end a name after a title: particles, conjunctions and the verbs of
    /// reporting ("总统泽连斯基说").
    static let chineseStops: Set<Character> = [
        "的", "了", "在", "是", "和", "与", "與", "及", "说", "說", "表", "称", "稱", "将", "將", "已", "也", "都",
        "就", "对", "對", "向", "于", "於", "为", "為", "被", "把", "等", "曾", "还", "還", "并", "並", "则", "則",
        "周", "週", "今", "昨", "指", "不", "后", "後", "地", "认", "認", "强", "強", "宣", "发", "發",
    ]

    /// Han characters seen this often or more in foreign names (the training data of
    /// `HanModel`) can be part of a name after a title.
    static let hanNameCharacterCount = 7.0

    /// Arabic titles, written before the name ("الرئيس الأوكراني فولوديمير زيلينسكي"); a
    /// conjunction or preposition may be attached in front ("والرئيس").
    static let arabicTitles: Set<String> = [
        "الرئيس", "رئيس", "الوزير", "وزير", "وزيرة", "المتحدث", "المتحدثة", "الجنرال", "السفير", "الملك", "الأمير",
        "السيد", "السيدة", "الشيخ", "المستشار", "القائد", "قائد", "زعيم", "الزعيم", "المدرب", "نائب", "الأمين",
    ]

    /// Arabic words that end a name: particles, prepositions and common verbs.
    static let arabicStops: Set<String> = [
        "إن", "أن", "في", "من", "على", "عن", "إلى", "مع", "قد", "كان", "يوم", "الذي", "التي", "هذا", "هذه",
        "بعد", "قبل", "خلال", "ثم", "لكن", "أو", "و", "قال", "أعلن", "أكد", "لا", "ما", "لم", "لن", "كما", "حيث",
    ]

    /// Hebrew titles, written before the name ("הנשיא זלנסקי"); a conjunction or preposition
    /// may be attached in front ("והנשיא").
    static let hebrewTitles: Set<String> = [
        "הנשיא", "נשיא", "השר", "שר", "שרת", "הגנרל", "הדובר", "דובר", "דוברת", "השגריר", "המלך", "מר", "ראש",
        "המפקד", "מפקד", "המאמן", "סגן",
    ]

    /// Hebrew words that end a name: particles, prepositions and common verbs.
    static let hebrewStops: Set<String> = [
        "כי", "אמר", "אמרה", "הודיע", "של", "על", "את", "עם", "אל", "אשר", "גם", "לא", "כבר", "היום", "ביום", "אך",
    ]

    /// Beginnings of definite words (the article, alone or after a preposition or "and"):
    /// adjectives and nouns after a title, which names are not.
    static let arabicArticles = ["ال", "لل", "بال", "وال", "فال", "كال"]
    static let hebrewArticles = ["ה", "וה", "שה"]

    /// Letters that attach in front of an Arabic or Hebrew word: "and", "with", "to", "the"...
    static let arabicPrefixes = ["و", "ف", "ب", "ل"]
    static let hebrewPrefixes = ["ו", "ש", "ב", "ל", "מ", "כ"]
}
