import OnomaText

/// One line of `onoma dedupe sign` output: the signature of the document on the matching input
/// line, or why that line could not be signed. `SignatureLineFormat` writes and reads them.
public enum SignatureRecord: Sendable, Hashable {
    case signature(DocumentSignature)
    case error(SigningError)
}

/// An input line that gave no signature: its document id when it could still be read, and where
/// and why it failed (`diagnostic` is an error with the input's path and the line number).
public struct SigningError: Sendable, Hashable {
    public let id: String?
    public let diagnostic: Diagnostic

    public init(id: String?, diagnostic: Diagnostic) {
        self.id = id
        self.diagnostic = diagnostic
    }
}
