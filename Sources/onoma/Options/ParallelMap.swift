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

/// The items read for one call of a `ParallelMap`, with what was read between them (such as
/// diagnostics), handed on in input order once the items are mapped.
///
///     var block = OrderedBlock(parallel, events: Diagnostic.self)
///     block.append(document)
///     if block.isFull { try block.flush({ document, result in … }, event: { printer.print($0) }) }
struct OrderedBlock<Worker, Item: Sendable, Result, Event> {
    private let map: ParallelMap<Worker, Item, Result>
    private let byteLimit: Int
    private var items: [Item] = []
    /// Everything in input order: nil for the next item, else an event.
    private var order: [Event?] = []
    private var bytes = 0

    /// A block for `map` that is full at its block size or at `byteLimit` bytes of items.
    init(_ map: ParallelMap<Worker, Item, Result>, events: Event.Type, byteLimit: Int = .max) {
        self.map = map
        self.byteLimit = byteLimit
    }

    /// Whether the block should be mapped now.
    var isFull: Bool { items.count >= map.blockSize || bytes >= byteLimit }

    /// Adds an item of `bytes` bytes.
    mutating func append(_ item: Item, bytes: Int = 0) {
        items.append(item)
        order.append(nil)
        self.bytes += bytes
    }

    mutating func append(event: Event) {
        order.append(event)
    }

    /// Maps the items, hands each item with its result and each event to `item` and `event` in
    /// input order, and empties the block.
    mutating func flush(_ item: (Item, Result) throws -> Void, event: (Event) throws -> Void) rethrows {
        let results = map(items)
        var next = 0
        for entry in order {
            if let entry {
                try event(entry)
            } else {
                try item(items[next], results[next])
                next += 1
            }
        }
        items.removeAll(keepingCapacity: true)
        order.removeAll(keepingCapacity: true)
        bytes = 0
    }
}
