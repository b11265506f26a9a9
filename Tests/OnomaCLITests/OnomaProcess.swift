import Foundation
import Testing

/// Runs the built `onoma` binary as a user would, capturing what it prints.
struct OnomaProcess {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The `onoma` binary next to the test bundle (SwiftPM builds it for this test target).
    static let binary: URL = {
        var directory = Bundle.main.bundleURL
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("onoma")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        return Bundle.main.bundleURL.appendingPathComponent("onoma")
    }()

    /// The package root, for the shipped Corpus/.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The lexicon cache of the tests' runs (`ONOMA_CACHE_DIR`), beside the build products
    /// rather than in the user's cache, whose entries the tests would push out.
    static let lexiconCache = packageRoot.appendingPathComponent(".build/test-lexicon-cache").path

    /// This process's environment, with `lexiconCache` and then `extra`.
    static func environment(_ extra: [String: String] = [:]) -> [String: String] {
        ProcessInfo.processInfo.environment.merging(["ONOMA_CACHE_DIR": lexiconCache]) { $1 }.merging(extra) { $1 }
    }

    /// Runs `onoma arguments…` with `stdin` as standard input, in `directory`, with `environment`
    /// added to the tests' `environment()`.
    static func run(_ arguments: [String], stdin: Data = Data(), in directory: URL? = nil, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = Self.environment(environment)
        process.currentDirectoryURL = directory ?? packageRoot
        let input = Pipe(), output = Pipe(), error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Read both pipes concurrently so a full pipe cannot block the child.
        let collected = DispatchGroup()
        nonisolated(unsafe) var out = Data(), err = Data()
        DispatchQueue.global().async(group: collected) { out = output.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: collected) { err = error.fileHandleForReading.readDataToEndOfFile() }
        input.fileHandleForWriting.write(stdin)
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        collected.wait()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: out, as: UTF8.self),
                      stderr: String(decoding: err, as: UTF8.self))
    }

    static func run(_ arguments: [String], stdin: String) throws -> Result {
        try run(arguments, stdin: Data(stdin.utf8))
    }
}

/// A fresh temporary directory, removed when the test ends.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("onoma-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes `bytes` to `name` (subdirectories created) and returns its path.
    @discardableResult
    func write(_ name: String, _ bytes: Data) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try bytes.write(to: file)
        return file.path
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, Data(text.utf8))
    }
}
