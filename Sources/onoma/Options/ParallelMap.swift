import Dispatch
import Synchronization

/// Maps items on several threads, each with a worker of its own (tokenizers and
/// canonicalizers are not thread-safe), and returns the results in input order.
///
///     let lengths = try ParallelMap(jobs: 2, workers: { try Tokenizer() }) { tokenizer, text in tokenizer.tokenize(text).count }
///     lengths(["a b", "c"])   // [2, 1]
final class ParallelMap<Worker, Item: Sendable, Result> {
    private let slots: [WorkerSlot<Worker, Result>]
    private let transform: @Sendable (Worker, Item) -> Result

    init(jobs: Int, workers makeWorker: () throws -> Worker, _ transform: @escaping @Sendable (Worker, Item) -> Result) rethrows {
        slots = try (0..<max(1, jobs)).map { _ in WorkerSlot(try makeWorker()) }
        self.transform = transform
    }

    /// How many items a caller that maps in blocks gathers for one call: 64 per thread, enough
    /// to keep every thread busy, few enough to keep memory bounded; 1 on one thread, so that
    /// each result comes as soon as its item is read.
    var blockSize: Int { slots.count == 1 ? 1 : 64 * slots.count }

    /// The results of the transform over `items`, in order; the threads take items in turn.
    func callAsFunction(_ items: [Item]) -> [Result] {
        let next = Atomic<Int>(0), slots = slots, transform = transform
        DispatchQueue.concurrentPerform(iterations: slots.count) { thread in
            let slot = slots[thread]
            slot.results.removeAll(keepingCapacity: true)
            while true {
                let position = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard position < items.count else { break }
                slot.results.append((position, transform(slot.worker, items[position])))
            }
        }
        var ordered = [Result?](repeating: nil, count: items.count)
        for slot in slots {
            for (position, result) in slot.results { ordered[position] = result }
        }
        return ordered.map { $0! }
    }
}

/// One thread's worker and the results it computed in the current call. A slot is used by
/// one thread at a time: the mapping thread during a call, the caller's between calls.
private final class WorkerSlot<Worker, Result>: @unchecked Sendable {
    let worker: Worker
    var results: [(Int, Result)] = []

    init(_ worker: Worker) {
        self.worker = worker
    }
}
