/// pandoc stamps the members of an ODT it writes with the clock (it reads
/// `SOURCE_DATE_EPOCH` for DOCX, not for ODT), so two runs on the same sources would give
/// different files. This rewrites the date and time fields of every member, in the local
/// headers and in the central directory, to one fixed value; nothing else is touched, and
/// an archive that does not parse as expected is returned unchanged.
enum ZipTimestamps {
    /// 1 January 2020, 00:00, in MS-DOS format.
    static let date: UInt16 = (40 << 9) | (1 << 5) | 1
    static let time: UInt16 = 0

    static func normalized(_ archive: [UInt8]) -> [UInt8] {
        var bytes = archive
        guard let end = endOfCentralDirectory(bytes) else { return archive }
        let count = Int(read16(bytes, end + 10))
        var offset = Int(read32(bytes, end + 16))
        for _ in 0..<count {
            guard offset + 46 <= bytes.count, read32(bytes, offset) == 0x0201_4B50 else { return archive }
            write16(&bytes, offset + 12, time)
            write16(&bytes, offset + 14, date)
            let local = Int(read32(bytes, offset + 42))
            guard local + 30 <= bytes.count, read32(bytes, local) == 0x0403_4B50 else { return archive }
            write16(&bytes, local + 10, time)
            write16(&bytes, local + 12, date)
            offset +=
                46 + Int(read16(bytes, offset + 28)) + Int(read16(bytes, offset + 30)) + Int(read16(bytes, offset + 32))
        }
        return bytes
    }

    /// The end-of-central-directory record, searched backwards past a possible comment.
    private static func endOfCentralDirectory(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 22 else { return nil }
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        var index = bytes.count - 22
        while index >= lowest {
            if read32(bytes, index) == 0x0605_4B50 { return index }
            index -= 1
        }
        return nil
    }

    private static func read16(_ b: [UInt8], _ i: Int) -> UInt16 { UInt16(b[i]) | UInt16(b[i + 1]) << 8 }

    private static func read32(_ b: [UInt8], _ i: Int) -> UInt32 {
        UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
    }

    private static func write16(_ b: inout [UInt8], _ i: Int, _ value: UInt16) {
        b[i] = UInt8(value & 0xFF)
        b[i + 1] = UInt8(value >> 8)
    }
}
