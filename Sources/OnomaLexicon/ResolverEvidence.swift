extension Resolver {
    /// What the letter model of a name's script made of the name: the terms of the posterior and
    /// every candidate that competed in it. `onoma resolve --explain` prints it;
    /// `scripts/names/fit_posterior.py` refits the posterior's constants from it.
    public struct Evidence: Hashable, Sendable {
        /// One lexicon entity the model scored.
        public struct Scored: Hashable, Sendable {
            public let entity: String
            public let canonical: String
            /// The length-normalised likelihood ratio of the entity's best spelling.
            public let raw: Double
            /// The posterior probability that the entity is the person named.
            public let posterior: Double
            /// Whether a Latin-script form of the entity has the name's key: the candidate then
            /// passes at `keyAgreementAcceptance`.
            public let keyAgrees: Bool
            /// Whether a Latin-script form of the entity spells the name's reading (its pinyin,
            /// or a romanisation of a Korean name): the candidate then passes whatever the
            /// posterior.
            public let spelled: Bool
        }

        /// The model's calibration (ru, ar, he, ko, ja, zh; zh-han for the Han character model).
        public let model: String
        /// The posterior's sharpness and "someone else" score: exp(beta·raw) /
        /// (exp(beta·background) + Σ exp(beta·raw')).
        public let beta: Double, background: Double
        /// The English spellings of the name's transliteration the background allows for
        /// (`NameAmbiguity`; 1 when the model has no table or it does not list it).
        public let spellings: Int
        /// The competitors, best raw score first.
        public let scored: [Scored]
    }
}
