/// Why a model file was refused.
public enum TaggerModelError: Error, Equatable, Sendable {
    /// The bundled model is missing from the module's resources.
    case resourceMissing
    /// The file could not be read.
    case unreadable(String)
    /// Not a tagger model (wrong magic bytes).
    case notAModel
    case unsupportedVersion(UInt32)
    /// Trained with other feature functions than this build computes: retrain.
    case featureSchemaMismatch(model: UInt32, code: UInt32)
    case invalidLabels
    /// Shorter than its header says, or with bytes left over.
    case truncated
    /// Bytes changed after writing.
    case checksumMismatch
}

/// The binary model format (little-endian):
///
///     magic "EGNT"              4 bytes
///     version                   u32 (1: 8-bit weights; 2: weight width below)
///     feature schema            u32 (FeatureExtractor.schemaVersion)
///     tag count L               u32
///     tag names                 L × (u8 length, UTF-8 bytes), zero-padded to a multiple of 4
///     transitions               f32 × L×L, then start f32 × L, end f32 × L
///     weight scale              f32
///     weight bytes W            u32 (version 2 only: 2 = i16; 4 = f32 steps, a measuring aid)
///     slot count S              u32
///     records                   S × stride bytes (`WeightTable`: 24-bit fingerprint, L × i8 (version 1)
///                               or L × W-byte weights (version 2), padding),
///                               zero-padded to a multiple of 8
///     checksum                  u64: FNV-1a of every byte before it
///
/// The records are the in-memory layout of `WeightTable`, so loading is a bounds check, a checksum pass and
/// one bulk copy: no per-entry parsing. An 8-bit table is written as version 1, byte for byte as before; wider
/// weights need version 2, which builds that only know version 1 refuse (`unsupportedVersion(2)`).
package enum ModelFile {
    package static let magic: [UInt8] = Array("EGNT".utf8)
    /// The newest version this build reads and writes (it reads every version from 1).
    package static let version: UInt32 = 2

    package static func encode(_ model: TaggerModel) -> [UInt8] {
        var out = Writer()
        out.bytes.append(contentsOf: magic)
        out.u32(model.table.weightBytes == 1 ? 1 : 2)
        out.u32(FeatureExtractor.schemaVersion)
        out.u32(UInt32(model.tagSet.count))
        for name in model.tagSet.names {
            out.bytes.append(UInt8(name.utf8.count))
            out.bytes.append(contentsOf: name.utf8)
        }
        out.pad(to: 4)
        for value in model.transitions + model.start + model.end { out.f32(value) }
        out.f32(model.table.scale)
        if model.table.weightBytes != 1 { out.u32(UInt32(model.table.weightBytes)) }
        out.u32(UInt32(model.table.slotCount))
        out.bytes.append(contentsOf: model.table.records)
        out.pad(to: 8)
        out.u64(FNV1a64.hash(out.bytes))
        return out.bytes
    }

    package static func decode(_ bytes: [UInt8]) throws(TaggerModelError) -> TaggerModel {
        guard bytes.count >= 24 else { throw bytes.starts(with: magic) || bytes.count < 4 ? .truncated : .notAModel }
        guard bytes.starts(with: magic) else { throw .notAModel }
        var reader = Reader(bytes: bytes, offset: 4)
        let version = try reader.u32()
        guard version >= 1 && version <= Self.version else { throw .unsupportedVersion(version) }
        let schema = try reader.u32()
        guard schema == FeatureExtractor.schemaVersion else {
            throw .featureSchemaMismatch(model: schema, code: FeatureExtractor.schemaVersion)
        }
        // The checksum is checked before the body is trusted: a flipped bit in a count could otherwise make
        // the reader allocate absurd amounts.
        let body = bytes.count - 8
        guard body >= reader.offset, body % 8 == 0 else { throw .truncated }
        var checkReader = Reader(bytes: bytes, offset: body)
        let stored = try checkReader.u64()
        guard FNV1a64.hash(bytes[0..<body]) == stored else { throw .checksumMismatch }

        let tagCount = Int(try reader.u32())
        guard tagCount > 0 && tagCount <= 64 else { throw .invalidLabels }
        var names: [String] = []
        for _ in 0..<tagCount {
            let length = Int(try reader.u8())
            names.append(String(decoding: try reader.take(length), as: UTF8.self))
        }
        guard let tagSet = TagSet(names: names), tagSet.count == tagCount else { throw .invalidLabels }
        reader.align(to: 4)
        var floats: [Float] = []
        for _ in 0..<(tagCount * tagCount + 2 * tagCount) { floats.append(try reader.f32()) }
        let transitions = Array(floats[0..<(tagCount * tagCount)])
        let start = Array(floats[(tagCount * tagCount)..<(tagCount * tagCount + tagCount)])
        let end = Array(floats[(tagCount * tagCount + tagCount)...])
        let scale = try reader.f32()
        guard scale.isFinite && scale > 0 else { throw .truncated }
        let weightBytes = version == 1 ? 1 : Int(try reader.u32())
        guard [1, 2, 4].contains(weightBytes) else { throw .truncated }
        let slotCount = Int(try reader.u32())
        guard slotCount > 0 else { throw .truncated }
        let records = Array(try reader.take(slotCount * WeightTable.stride(labelCount: tagCount, weightBytes: weightBytes)))
        reader.align(to: 8)
        guard reader.offset == body else { throw .truncated }
        let table = WeightTable(
            labelCount: tagCount, scale: scale, slotCount: slotCount, records: records, weightBytes: weightBytes)
        return TaggerModel(tagSet: tagSet, table: table, transitions: transitions, start: start, end: end)
    }

    private struct Writer {
        var bytes: [UInt8] = []
        mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
        mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
        mutating func f32(_ v: Float) { u32(v.bitPattern) }
        mutating func pad(to alignment: Int) {
            while bytes.count % alignment != 0 { bytes.append(0) }
        }
    }

    private struct Reader {
        let bytes: [UInt8]
        var offset: Int

        mutating func take(_ count: Int) throws(TaggerModelError) -> ArraySlice<UInt8> {
            guard count >= 0, count <= bytes.count - offset else { throw .truncated }
            defer { offset += count }
            return bytes[offset..<(offset + count)]
        }
        mutating func u8() throws(TaggerModelError) -> UInt8 { try take(1).first! }
        mutating func u32() throws(TaggerModelError) -> UInt32 {
            try take(4).reversed().reduce(0) { $0 << 8 | UInt32($1) }
        }
        mutating func u64() throws(TaggerModelError) -> UInt64 {
            try take(8).reversed().reduce(0) { $0 << 8 | UInt64($1) }
        }
        mutating func f32() throws(TaggerModelError) -> Float { Float(bitPattern: try u32()) }
        mutating func align(to alignment: Int) {
            offset = (offset + alignment - 1) / alignment * alignment
        }
    }
}
