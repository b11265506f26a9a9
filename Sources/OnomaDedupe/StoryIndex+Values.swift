import GRDB

/// Statements that take many rows of values as bound parameters, `VALUES (?, ?), (?, ?), …`,
/// rather than a statement per row or a JSON array written as text in Swift and parsed again by
/// SQLite. A cached statement per number of rows: all chunks but the last have `rowsPerStatement`.
extension Database {
    /// Rows of bound values per statement (SQLite takes at most 32,766 parameters).
    static let rowsPerStatement = 500

    /// Runs `body` on a statement per chunk of rows of `values`, `columns` values a row, made
    /// from `sql` with `{values}` replaced by the chunk's `VALUES (?, …), …` and its arguments set.
    func forEachValuesChunk<Value: StatementBinding>(_ sql: String, columns: Int, of values: [Value],
                                                     _ body: (Statement) throws -> Void) throws {
        let row = "(" + repeatElement("?", count: columns).joined(separator: ",") + ")"
        func statement(rows: Int) throws -> Statement {
            try cachedStatement(sql: sql.replacingOccurrences(of: "{values}", with: "VALUES " + repeatElement(row, count: rows).joined(separator: ",")))
        }
        var full: Statement?
        var start = 0
        while start < values.count {
            let end = min(start + Self.rowsPerStatement * columns, values.count)
            let rows = (end - start) / columns
            if rows == Self.rowsPerStatement, full == nil { full = try statement(rows: rows) }
            let chunk = rows == Self.rowsPerStatement ? full! : try statement(rows: rows)
            // No arguments through GRDB (its generic StatementArguments cost ~900 instructions a
            // value), then each value bound by GRDB's StatementBinding on the statement handle.
            chunk.setUncheckedArguments(StatementArguments())
            for (index, value) in zip(CInt(1)..., values[start..<end]) {
                let code = ResultCode(rawValue: value.bind(to: chunk.sqliteStatement, at: index))
                guard code == .SQLITE_OK else { throw DatabaseError(resultCode: code, message: "cannot bind value \(index)") }
            }
            try body(chunk)
            start = end
        }
    }
}
