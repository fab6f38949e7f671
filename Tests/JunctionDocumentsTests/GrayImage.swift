import Foundation

/// A binary PGM (P5) image with 8-bit samples, as `pdftoppm -gray` writes it.
struct GrayImage {
    struct Failure: Error {
        let reason: String
    }

    let width: Int
    let height: Int
    private let samples: [UInt8]

    init(pgm data: Data) throws {
        let bytes = [UInt8](data)
        // The header is four whitespace-separated fields: "P5", width, height, maximum value.
        var fields: [String] = []
        var index = 0
        while fields.count < 4 {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A { index += 1 }
            let start = index
            while index < bytes.count, bytes[index] != 0x20, bytes[index] != 0x0A { index += 1 }
            guard index < bytes.count else { throw Failure(reason: "truncated header") }
            fields.append(String(decoding: bytes[start..<index], as: UTF8.self))
        }
        guard fields[0] == "P5", let width = Int(fields[1]), let height = Int(fields[2]), fields[3] == "255" else {
            throw Failure(reason: "not an 8-bit binary PGM: \(fields)")
        }
        let pixels = bytes[(index + 1)...]
        guard pixels.count == width * height else { throw Failure(reason: "\(pixels.count) samples for \(width)×\(height)") }
        self.width = width
        self.height = height
        self.samples = Array(pixels)
    }

    /// Which pixels of row `y` are darker than mid-grey.
    func darkPixels(row y: Int) -> [Bool] {
        samples[(y * width)..<((y + 1) * width)].map { $0 < 128 }
    }
}
