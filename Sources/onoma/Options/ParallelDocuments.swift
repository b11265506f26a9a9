import ArgumentParser
import Dispatch
import Foundation
import OnomaText
import Synchronization

/// `--jobs`: how many threads process documents.
struct JobOptions: ParsableArguments {
    @Option(name: [.customShort("j"), .long], help: "Threads that process documents (default: one per core). The output is the same for any number.")
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
    }

    /// The number of threads: --jobs, else the number of active cores.
    var count: Int { jobs ?? ProcessInfo.processInfo.activeProcessorCount }
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
                                         map: @Sendable (Worker, Document) -> Result, _ body: (Document, Result) throws -> Void) throws {
        guard jobs > 1 else {
            let worker = try makeWorker()
            return try forEachDocument(printer) { try body($0, map(worker, $0)) }
        }
        let slots = try (0..<jobs).map { _ in WorkerSlot<Worker, Result>(try makeWorker()) }
        // The block: documents and diagnostics in input order, and its documents apart.
        var items: [DocumentReader.Item] = [], documents: [Document] = [], bytes = 0
        func flush() throws {
            let results = Self.map(documents, on: slots, map)
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
                if documents.count >= 64 * jobs || bytes >= 1 << 24 { try flush() }
            case .diagnostic(let diagnostic):
                if strict && diagnostic.severity == .error {
                    try flush()
                    throw ExitCode.failure
                }
            }
        }
        try flush()
    }

    /// The results of `map` over `documents`, in order, computed on one thread per slot.
    private static func map<Worker, Result>(_ documents: [Document], on slots: [WorkerSlot<Worker, Result>],
                                            _ map: @Sendable (Worker, Document) -> Result) -> [Result] {
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: slots.count) { thread in
            let slot = slots[thread]
            slot.results.removeAll(keepingCapacity: true)
            while true {
                let position = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard position < documents.count else { break }
                slot.results.append((position, map(slot.worker, documents[position])))
            }
        }
        var ordered = [Result?](repeating: nil, count: documents.count)
        for slot in slots {
            for (position, result) in slot.results { ordered[position] = result }
        }
        return ordered.map { $0! }
    }
}

/// One thread's worker and the results it computed in the current block. A slot is used by
/// one thread at a time: the block's thread while mapping, the reading thread between blocks.
private final class WorkerSlot<Worker, Result>: @unchecked Sendable {
    let worker: Worker
    var results: [(Int, Result)] = []

    init(_ worker: Worker) {
        self.worker = worker
    }
}
