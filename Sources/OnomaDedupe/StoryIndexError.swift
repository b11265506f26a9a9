/// A persistent index that cannot be opened, read or written: its path as given, and what
/// went wrong with what to do about it.
///
///     StoryIndexError(path: "news.db", message: "the index was built with permutations 128, not 64; …")
///     // "news.db: the index was built with permutations 128, not 64; …"
public struct StoryIndexError: Error, CustomStringConvertible, Sendable {
    public let path: String
    public let message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}
