/// A dedupe setting or input that cannot work, with what to change.
public struct DedupeError: Error, CustomStringConvertible, Sendable {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
