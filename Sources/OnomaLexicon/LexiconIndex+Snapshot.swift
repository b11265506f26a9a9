import OnomaText

extension LexiconIndex {
    /// Writes the lexicon's entries and every table of the index (see `LexiconSnapshot`).
    /// Texts that repeat (entity ids, languages, paths) are written once, with positions.
    func encode(into writer: inout SnapshotWriter) {
        // The entries' columns, gathered in one pass over them.
        let entries = lexicon.entries
        var ordinals: [Int32] = [], types: [UInt8] = [], tags: [String] = [], forms: [String] = [], roles: [UInt8] = [],
            extraCounts: [Int32] = [], extras: [String] = [], paths: [String] = [], lines: [Int64] = []
        ordinals.reserveCapacity(entries.count)
        // An entity's forms are usually adjacent: the previous entry's entity is checked first.
        var last: (id: String, ordinal: Int32)?
        for entry in entries {
            if let last, last.id == entry.entity {
                ordinals.append(last.ordinal)
            } else {
                let ordinal = entityOrdinals[entry.entity]!
                ordinals.append(ordinal)
                last = (entry.entity, ordinal)
            }
            types.append(UInt8(EntityType.allCases.firstIndex(of: entry.type)!))
            tags.append(entry.lang)
            forms.append(entry.form)
            roles.append(UInt8(FormRole.allCases.firstIndex(of: entry.role)!))
            extraCounts.append(Int32(entry.extra.count))
            extras += entry.extra
            paths.append(entry.path)
            lines.append(Int64(entry.line))
        }
        writer.strings(entityIDs)
        writer.array(ordinals)
        writer.array(types)
        Self.encodeInterned(tags, into: &writer)
        writer.strings(forms)
        writer.array(roles)
        writer.array(extraCounts)
        writer.strings(extras)
        Self.encodeInterned(paths, into: &writer)
        writer.array(lines)

        writer.array(entities.map { $0 == nil ? UInt8(0) : 1 })
        writer.array(entities.map { UInt8(EntityType.allCases.firstIndex(of: $0?.type ?? .other)!) })
        writer.strings(entities.map { $0?.canonical ?? "" })

        labels.encode(into: &writer)
        writer.strings(formKeys.map(\.key))
        writer.strings(formKeys.map(\.skeleton))
        writer.array(formEntries)
        writer.array(traits.map(\.entity))
        writer.array(traits.map { UInt8(FormRole.allCases.firstIndex(of: $0.role)!) })
        writer.array(traits.map(\.language))
        writer.array(traits.map(\.script.rawValue))
        writer.array(traits.map { $0.needsCapital ? UInt8(1) : 0 })
        var languages = [String](repeating: "", count: languageIDs.count)
        for (language, id) in languageIDs { languages[Int(id)] = language }
        writer.strings(languages)
        for trie in [exact, normalized, stems] { trie.encode(into: &writer) }
        bySkeleton.encode(into: &writer)
        byPrefix.encode(into: &writer)
        writer.integer(Int64(maximumUnits))
        writer.array(lowercaseStarts.sorted())
    }

    /// An index read back from what `encode(into:)` wrote, checked so that every position
    /// points inside its table.
    static func decode(from reader: inout SnapshotReader, keys: NameKeyMaker) throws(LexiconSnapshot.Failure) -> LexiconIndex {
        let entityIDs = try reader.strings()
        let entryEntities = try reader.positions(Int32.self, below: entityIDs.count, of: "entry entities")
        let entryTypes = try reader.positions(UInt8.self, below: EntityType.allCases.count, of: "entry types")
        let languageTags = try decodeInterned(from: &reader, of: "entry languages")
        let forms = try reader.strings()
        let roles = try reader.positions(UInt8.self, below: FormRole.allCases.count, of: "entry roles")
        let extraCounts = try reader.array(Int32.self)
        let extras = try reader.strings()
        let paths = try decodeInterned(from: &reader, of: "entry paths")
        let lines = try reader.array(Int64.self)
        let count = forms.count
        guard [entryEntities.count, entryTypes.count, languageTags.count, roles.count, extraCounts.count, paths.count, lines.count]
                .allSatisfy({ $0 == count }),
              extraCounts.allSatisfy({ $0 >= 0 }), extraCounts.reduce(0, { $0 + Int($1) }) == extras.count
        else { throw .damaged("entry columns differ in length") }
        var entries: [LexiconEntry] = []
        entries.reserveCapacity(count)
        var extraStart = 0
        for i in 0..<count {
            let extraEnd = extraStart + Int(extraCounts[i])
            entries.append(LexiconEntry(entity: entityIDs[Int(entryEntities[i])], type: EntityType.allCases[Int(entryTypes[i])],
                                        lang: languageTags[i], form: forms[i], role: FormRole.allCases[Int(roles[i])],
                                        extra: Array(extras[extraStart..<extraEnd]), path: paths[i], line: Int(lines[i])))
            extraStart = extraEnd
        }

        let hasEntity = try reader.positions(UInt8.self, below: 2, of: "entity flags")
        let entityTypes = try reader.positions(UInt8.self, below: EntityType.allCases.count, of: "entity types")
        let canonicals = try reader.strings()
        guard hasEntity.count == entityIDs.count, entityTypes.count == entityIDs.count, canonicals.count == entityIDs.count
        else { throw .damaged("entity columns differ in length") }
        let entities = entityIDs.indices.map { i in
            hasEntity[i] == 0 ? nil : Lexicon.Entity(id: entityIDs[i], type: EntityType.allCases[Int(entityTypes[i])], canonical: canonicals[i])
        }
        var entityByID: [String: Lexicon.Entity] = [:]
        entityByID.reserveCapacity(entities.count)
        for entity in entities { if let entity { entityByID[entity.id] = entity } }

        let labels = try LabelTable(decoding: &reader)
        let keyTexts = try reader.strings(), skeletons = try reader.strings()
        let formEntries = try reader.positions(Int32.self, below: count, of: "form entries")
        let traitEntities = try reader.positions(Int32.self, below: entityIDs.count, of: "form entities")
        let traitRoles = try reader.positions(UInt8.self, below: FormRole.allCases.count, of: "form roles")
        let traitLanguages = try reader.array(Int32.self)
        let traitScripts = try reader.array(Int32.self)
        let needsCapital = try reader.positions(UInt8.self, below: 2, of: "capital flags")
        let languages = try reader.strings()
        let formCount = formEntries.count
        guard [keyTexts.count, skeletons.count, traitEntities.count, traitRoles.count, traitLanguages.count, traitScripts.count,
               needsCapital.count].allSatisfy({ $0 == formCount }),
              traitLanguages.allSatisfy({ (0..<Int32(languages.count)).contains($0) })
        else { throw .damaged("form columns differ in length") }
        let formKeys = (0..<formCount).map { NameKey(key: keyTexts[$0], skeleton: skeletons[$0]) }
        let traits = (0..<formCount).map { i in
            Traits(entity: traitEntities[i], role: FormRole.allCases[Int(traitRoles[i])], language: traitLanguages[i],
                   script: Script(rawValue: traitScripts[i]), needsCapital: needsCapital[i] == 1)
        }
        var languageIDs: [String: Int32] = [:]
        for (id, language) in languages.enumerated() { languageIDs[language] = Int32(id) }
        let exact = try UnitTrie(decoding: &reader, labels: labels)
        let normalized = try UnitTrie(decoding: &reader, labels: labels)
        let stems = try UnitTrie(decoding: &reader, labels: labels)
        let bySkeleton = try KeyBuckets(decoding: &reader)
        let byPrefix = try KeyBuckets(decoding: &reader)
        let maximumUnits = try reader.integer(Int64.self)
        let lowercaseStarts = try reader.array(Int32.self)
        for buckets in [bySkeleton, byPrefix] {
            guard buckets.allValues(below: Int32(formCount)) else { throw .damaged("blocking buckets hold unknown forms") }
        }
        for trie in [exact, normalized, stems] {
            guard trie.allValues(below: Int32(formCount)) else { throw .damaged("tries hold unknown forms") }
        }
        guard languageIDs.count == languages.count, (1...Int64(Int32.max)).contains(maximumUnits) else { throw .damaged("index sizes out of range") }
        return LexiconIndex(lexicon: Lexicon(entries: entries, entities: entityByID), keys: keys, labels: labels,
                            formKeys: formKeys, formEntries: formEntries, traits: traits, languageIDs: languageIDs,
                            exact: exact, normalized: normalized, stems: stems, bySkeleton: bySkeleton, byPrefix: byPrefix,
                            maximumUnits: Int(maximumUnits), lowercaseStarts: Set(lowercaseStarts),
                            entityIDs: entityIDs, entities: entities)
    }

    /// Writes `values` as a table of the distinct ones and each value's position in it.
    private static func encodeInterned(_ values: [String], into writer: inout SnapshotWriter) {
        var positions: [String: Int32] = [:], table: [String] = []
        // Runs of one value (a file's path, a language) are looked up once.
        var last: (value: String, position: Int32)?
        let indices = values.map { value in
            if let last, last.value == value { return last.position }
            let position = positions[value] ?? {
                let position = Int32(table.count)
                positions[value] = position
                table.append(value)
                return position
            }()
            last = (value, position)
            return position
        }
        writer.strings(table)
        writer.array(indices)
    }

    private static func decodeInterned(from reader: inout SnapshotReader, of what: String) throws(LexiconSnapshot.Failure) -> [String] {
        let table = try reader.strings()
        return try reader.positions(Int32.self, below: table.count, of: what).map { table[Int($0)] }
    }
}
