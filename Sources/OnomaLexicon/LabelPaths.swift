/// Label paths, each with a value, stored flat: the stem paths of a lexicon's Cyrillic forms,
/// written down while labels are interned and inserted into their trie afterwards.
struct LabelPaths: Sendable {
    private var labels: [Int32] = []
    private var ends: [Int] = []
    private var values: [Int32] = []

    /// Adds every path that takes one label from each unit's `options`, in order, the last
    /// unit's options varying fastest (a Ukrainian stem may alternate: Київ/Києв), all with
    /// `value`; none when the units before the last already make more than 64 combinations.
    mutating func appendCombinations(_ options: [[Int32]], value: Int32) {
        var count = 1
        for (unit, unitOptions) in options.enumerated() {
            count *= unitOptions.count
            if count > 64 && unit < options.count - 1 { return }
        }
        var choice = [Int](repeating: 0, count: options.count)
        for _ in 0..<count {
            for (unit, index) in choice.enumerated() { labels.append(options[unit][index]) }
            ends.append(labels.count)
            values.append(value)
            var unit = options.count - 1
            while unit >= 0 {
                choice[unit] += 1
                if choice[unit] < options[unit].count { break }
                choice[unit] = 0
                unit -= 1
            }
        }
    }

    /// Calls `body` with each path and its value, in the order they were added.
    func forEach(_ body: (ArraySlice<Int32>, Int32) -> Void) {
        var start = 0
        for (end, value) in zip(ends, values) {
            body(labels[start..<end], value)
            start = end
        }
    }
}
