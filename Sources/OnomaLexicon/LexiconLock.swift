#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An advisory lock that serialises the writers of one lexicon: `flock` on the file
/// `.onoma-lexicon.lock` in the lexicon's directory (the directory itself for a directory
/// lexicon, the file's directory for a one-file lexicon), so that `Lexicons/` and
/// `Lexicons/people.tsv` share one lock. The lock ends when the value is released or the process
/// dies, so a killed writer never leaves it held.
///
///     let lock = try LexiconLock(lexicon: "Lexicons")   // waits for other writers
///     // read, check, write
///     lock.release()
public final class LexiconLock {
    public static let fileName = ".onoma-lexicon.lock"

    /// The lock file's path.
    public let path: String
    private var descriptor: Int32

    /// Takes the lock, waiting while another process holds it.
    public init(lexicon: String) throws {
        path = Self.lockPath(forLexicon: lexicon)
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw AtomicFile.Failure(path: path, operation: "open the lock file", code: errno) }
        while flock(descriptor, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            let code = errno
            close(descriptor)
            throw AtomicFile.Failure(path: path, operation: "lock", code: code)
        }
    }

    deinit { release() }

    /// Releases the lock (also done when the value goes away).
    public func release() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }

    /// Where the lock file of the lexicon at `path` lives.
    public static func lockPath(forLexicon path: String) -> String {
        var status = stat()
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        let isDirectory = stat(trimmed, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
        return (isDirectory ? trimmed : AtomicFile.directory(of: trimmed)) + "/" + fileName
    }
}
