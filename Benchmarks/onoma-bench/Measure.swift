import Foundation

/// One benchmarked operation over `bytes` of input. `run` returns a checksum so that the work
/// cannot be optimised away.
struct Stage {
    var name: String
    var bytes: Int
    /// The stage this one is compared with, by throughput; nil for a peer itself.
    var peer: String?
    var run: () -> Int
}

/// One row of the results table.
struct Row {
    var stage: String
    var bytes: Int
    var seconds: Double
    var peer: String?

    var throughput: Double { Double(bytes) / 1_000_000 / seconds }
}

/// Runs each stage once (the warm-up, whose time is returned as `first`), then `repeats` rounds
/// of all stages in turn, keeping each stage's best time. Interleaving keeps the ratios fair
/// when other processes load the machine.
func measure(_ stages: [Stage], repeats: Int) -> [(first: Double, best: Double)] {
    var times = stages.map { (first: seconds($0.run), best: Double.infinity) }
    for _ in 0..<repeats {
        for i in stages.indices { times[i].best = min(times[i].best, seconds(stages[i].run)) }
    }
    return times
}

/// CPU seconds `body` takes on this thread: unlike wall time, not inflated when other processes
/// share the cores.
private func seconds(_ body: () -> Int) -> Double {
    let start = cpuSeconds(CLOCK_THREAD_CPUTIME_ID)
    checksum &+= body()
    return cpuSeconds(CLOCK_THREAD_CPUTIME_ID) - start
}

/// CPU seconds used so far by this thread (CLOCK_THREAD_CPUTIME_ID) or this process, all
/// threads (CLOCK_PROCESS_CPUTIME_ID).
func cpuSeconds(_ clock: clockid_t) -> Double {
    var time = timespec()
    clock_gettime(clock, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
}

nonisolated(unsafe) private var checksum = 0

func printTable(_ rows: [Row]) {
    let width = rows.map(\.stage.count).max() ?? 0
    func pad(_ s: String, _ n: Int, left: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, n - s.count))
        return left ? s + fill : fill + s
    }
    print(pad("stage", width, left: true), pad("MB", 6), pad("s", 7), pad("MB/s", 7), "  ratio to peer")
    for row in rows {
        var ratio = "(peer)"
        if let peer = row.peer, let base = rows.first(where: { $0.stage == peer }) {
            let r = row.throughput / base.throughput
            ratio = String(format: r < 10 ? "%.2f" : "%.0f", r) + " x " + peer
        }
        print(pad(row.stage, width, left: true), pad(String(format: "%.1f", Double(row.bytes) / 1_000_000), 6),
              pad(String(format: "%.3f", row.seconds), 7), pad(String(format: "%.1f", row.throughput), 7),
              " ", ratio)
    }
}

/// Peak resident set size (VmHWM in /proc/self/status), or nil where /proc is absent.
func peakRSS() -> String? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
    return status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
        .map { $0.dropFirst("VmHWM:".count).trimmingCharacters(in: .whitespaces) }
}
