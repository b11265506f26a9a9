import ArgumentParser
import OnomaDedupe
import OnomaLexicon

/// The options that shape signatures, shared by `onoma dedupe`, `dedupe sign` and
/// `dedupe cluster`: signatures made with other values are not comparable.
struct DedupeFeatureOptions: ParsableArguments {
    @Option(help: "Estimated Jaccard similarity of shingles from which documents are duplicates.")
    var threshold: Double = 0.35

    @Option(name: .customLong("lexicon"), help: ArgumentHelp("A lexicon (file, directory or compiled), so that names in any spelling count as one entity.", valueName: "PATH"))
    var lexiconPath: String?

    @Option(help: "MinHash permutations.")
    var permutations = 128

    @Option(help: "LSH bands (with --rows; by default derived from the threshold).")
    var bands: Int?

    @Option(help: "LSH rows per band (with --bands).")
    var rows: Int?

    @Option(help: "Characters per shingle.")
    var shingleSize = 5

    /// The parameters these options give (the translation threshold at its default).
    var parameters: DedupeParameters {
        var parameters = DedupeParameters()
        parameters.threshold = threshold
        parameters.permutations = permutations
        parameters.bands = bands
        parameters.rows = rows
        parameters.shingleSize = shingleSize
        return parameters
    }

    func validate() throws {
        guard threshold > 0, threshold < 1 else { throw ValidationError("--threshold must be between 0 and 1, got \(threshold)") }
        guard permutations >= 1 else { throw ValidationError("--permutations must be at least 1") }
        do { _ = try parameters.lsh() } catch { throw ValidationError("\(error)") }
    }

    /// The lexicon index of --lexicon, loaded (errors printed, exit 1), or nil without one.
    func loadLexicon(_ printer: DiagnosticPrinter) throws -> LexiconIndex? {
        try lexiconPath.map { try LexiconOptions.loadIndex(path: $0, printer) }
    }

    /// The `FeatureExtractor.lexiconDigest` of --lexicon (loaded, not indexed), or "none" without one.
    func lexiconDigest(_ printer: DiagnosticPrinter) throws -> String {
        try lexiconPath.map { FeatureExtractor.lexiconDigest(of: try LexiconOptions.lexicon(path: $0, printer)) } ?? "none"
    }
}

/// The options of clustering signatures, shared by `onoma dedupe` and `dedupe cluster`.
struct DedupeClusterOptions: ParsableArguments {
    @Flag(help: "Also link translations across languages (entities, numbers, rare names).")
    var crossLingual = false

    @Option(help: "Fingerprint similarity from which documents in different languages are translations.")
    var translationThreshold: Double = 0.15

    @Flag(help: "Also print the links between documents.")
    var pairs = false

    @Flag(help: "Accept documents that repeat an id (the later one is a separate document).")
    var allowDuplicateIds = false

    func validate() throws {
        guard translationThreshold > 0, translationThreshold <= 1 else {
            throw ValidationError("--translation-threshold must be between 0 and 1, got \(translationThreshold)")
        }
    }

    /// `features`' parameters with this translation threshold.
    func parameters(_ features: DedupeFeatureOptions) -> DedupeParameters {
        var parameters = features.parameters
        parameters.translationThreshold = translationThreshold
        return parameters
    }
}
