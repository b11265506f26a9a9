import OnomaLexicon
import OnomaText

/// Everything clustering needs from one document, computed on its own: the unit that
/// `onoma dedupe sign` writes one line of per document and that the index stores.
public struct DocumentSignature: Sendable, Hashable {
    public let id: String
    public let lang: String?
    public let date: String?
    /// The text length in characters: the longest document represents a cluster without dates.
    public let length: Int
    public let minHash: [UInt64]
    /// One hash per LSH band of `minHash`.
    public let bandKeys: [UInt64]
    public let fingerprint: Fingerprint

    public init(id: String, lang: String?, date: String?, length: Int, minHash: [UInt64], bandKeys: [UInt64], fingerprint: Fingerprint) {
        self.id = id
        self.lang = lang
        self.date = date
        self.length = length
        self.minHash = minHash
        self.bandKeys = bandKeys
        self.fingerprint = fingerprint
    }
}

/// Makes signatures; stateless from one document to the next, so documents can be signed in
/// any order, on any machine, and give the same bytes.
public final class Signer {
    public let parameters: DedupeParameters
    public let lsh: LSHParameters
    private let extractor: FeatureExtractor

    /// - Parameter index: a lexicon index, so that names in any spelling become one entity id.
    public init(parameters: DedupeParameters, index: LexiconIndex? = nil) throws {
        extractor = try FeatureExtractor(shingleSize: parameters.shingleSize,
                                         minHash: MinHash(permutations: parameters.permutations, seed: parameters.seed), index: index)
        self.parameters = parameters
        lsh = try parameters.lsh()
    }

    /// The lexicon the features were made with (see `FeatureExtractor.lexiconDigest`).
    public var lexiconDigest: String { extractor.lexiconDigest }

    /// The signature of one document. Without `lang`, the language is guessed from the script.
    public func signature(id: String, text: String, lang: String?, date: String?) -> DocumentSignature {
        signature(id: id, utf8: Array(text.utf8), lang: lang, date: date)
    }

    /// The signature of one document whose text is given as its UTF-8 bytes, which must be
    /// valid UTF-8 (`Document.utf8`), and its length in characters when known
    /// (`Document.characterCount`; else `CharacterCount` counts it).
    public func signature(id: String, utf8: [UInt8], lang: String?, date: String?, characterCount: Int? = nil) -> DocumentSignature {
        let language = lang.map(LanguageTag.primary) ?? LanguageGuess.fromScript(String(decoding: utf8, as: UTF8.self))
        let features = extractor.features(ofUTF8: utf8, lang: language)
        return DocumentSignature(id: id, lang: language, date: date, length: characterCount ?? CharacterCount.of(utf8), minHash: features.minHash,
                                 bandKeys: Self.bandKeys(features.minHash, lsh, seed: parameters.seed), fingerprint: features.fingerprint)
    }

    /// One hash per band: the band's index and values (as `FeatureHash.hash` of their
    /// little-endian bytes). Empty documents get no bands.
    static func bandKeys(_ signature: [UInt64], _ lsh: LSHParameters, seed: UInt64) -> [UInt64] {
        guard signature.contains(where: { $0 != .max }) else { return [] }
        precondition(lsh.bands * lsh.rows <= signature.count, "the bands need \(lsh.bands * lsh.rows) values, the signature has \(signature.count)")
        return signature.withUnsafeBufferPointer { signature in
            [UInt64](unsafeUninitializedCapacity: lsh.bands) { keys, initialized in
                for band in 0..<lsh.bands {
                    let values = UnsafeBufferPointer(rebasing: signature[(band * lsh.rows)..<((band + 1) * lsh.rows)])
                    keys[band] = FeatureHash.hash(UInt64(band), then: values, seed: seed)
                }
                initialized = lsh.bands
            }
        }
    }
}
