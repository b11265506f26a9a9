import Dispatch
import Synchronization

/// Runs `body` on all cores over `count` items cut into contiguous chunks (at most 64, of at
/// least `minimumChunk` items unless there are fewer) and returns the chunks' results in order.
///
///     let lengths = concurrentChunks(count: words.count, minimumChunk: 1024) { range in words[range].map(\.count) }
func concurrentChunks<T: Sendable>(count: Int, minimumChunk: Int, _ body: @Sendable (Range<Int>) -> T) -> [T] {
    let chunks = max(1, min(64, count / minimumChunk))
    let parts = Mutex<[Int: T]>([:])
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
        let part = body((chunk * count / chunks)..<((chunk + 1) * count / chunks))
        parts.withLock { $0[chunk] = part }
    }
    return parts.withLock { parts in (0..<chunks).map { parts[$0]! } }
}
