import ArgumentParser
import Dispatch
import Foundation
import OnomaText
import Synchronization

/// `--jobs`: how many threads process the input.
struct JobOptions: ParsableArguments {
    @Option(name: [.customShort("j"), .long], help: """
        Threads that process the input (default: one per core; 1 when standard input is a \
        terminal, so that each result comes as soon as its line is typed). The output is the \
        same for any number.
        """)
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
    }

    /// The number of threads for `inputs` (paths, "-" for standard input; none is standard
    /// input): --jobs, else 1 when a person types the input, else the number of active cores.
    /// Several threads work in blocks, which would hold back the answer to a typed line.
    func count(for inputs: [String]) -> Int {
        count(typed: (inputs.isEmpty || inputs.contains("-")) && isatty(0) != 0)
    }

    /// The number of threads: --jobs, else 1 for `typed` input, else the number of active cores.
    func count(typed: Bool) -> Int {
        jobs ?? (typed ? 1 : ProcessInfo.processInfo.activeProcessorCount)
    }
}

extension InputOptions {
    /// Reads every document on the calling thread, maps it with `map` on `jobs` threads, and
    /// hands each document and its result to `body` in input order, with the reader's
    /// diagnostics printed in their place among them.
    ///
    /// Each thread has a worker of its own from `makeWorker` (tokenizers and canonicalizers are
    /// not thread-safe). Documents are mapped in blocks of at most 64 per thread or 16 MB of
    /// text, so memory stays bounded; with one job each document is mapped as it is read.
    /// Documents read before a `--strict` stop still reach `body`.
    func forEachDocument<Worker, Result>(_ printer: DiagnosticPrinter, jobs: Int, workers makeWorker: () throws -> Worker,
                                         map: @escaping @Sendable (Worker, Document) -> Result, _ body: (Document, Result) throws -> Void) throws {
        guard jobs > 1 else {
            let worker = try makeWorker()
            return try forEachDocument(printer) { try body($0, map(worker, $0)) }
        }
        let parallel = try ParallelMap(jobs: jobs, workers: makeWorker, map)
        // The block: documents and diagnostics in input order, and its documents apart.
        var items: [DocumentReader.Item] = [], documents: [Document] = [], bytes = 0
        func flush() throws {
            let results = parallel(documents)
            var next = 0
            for item in items {
                switch item {
                case .document(let document):
                    try body(document, results[next])
                    next += 1
                case .diagnostic(let diagnostic):
                    printer.print(diagnostic)
                }
            }
            items.removeAll(keepingCapacity: true)
            documents.removeAll(keepingCapacity: true)
            bytes = 0
        }
        try reader.read { item in
            items.append(item)
            switch item {
            case .document(let document):
                documents.append(document)
                bytes += document.text.utf8.count
                if documents.count >= parallel.blockSize || bytes >= 1 << 24 { try flush() }
            case .diagnostic(let diagnostic):
                if strict && diagnostic.severity == .error {
                    try flush()
                    throw ExitCode.failure
                }
            }
        }
        try flush()
    }
}

/// Maps items on several threads, each with a worker of its own (tokenizers and
/// canonicalizers are not thread-safe), and returns the results in input order.
///
///     let lengths = try ParallelMap(jobs: 2, workers: { Tokenizer() }) { tokenizer, text in tokenizer.tokenize(text).count }
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
