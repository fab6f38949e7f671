import Foundation

/// Lays numbered objects out as a PDF 1.4 file: header, objects, cross-reference table with exact byte offsets,
/// trailer, `startxref` and `%%EOF`.
enum PDFFileAssembler {
    /// `objects[i]` is the body of object number `i + 1` (generation 0); `root` and `info` are object numbers.
    static func assemble(objects: [String], root: Int, info: Int) -> Data {
        // The comment of four bytes above 127 marks the file as binary for transfer tools.
        var file: [UInt8] = Array("%PDF-1.4\n%".utf8) + [0xE2, 0xE3, 0xCF, 0xD3] + Array("\n".utf8)
        var offsets: [Int] = []
        for (index, body) in objects.enumerated() {
            offsets.append(file.count)
            file += Array("\(index + 1) 0 obj\n\(body)\nendobj\n".utf8)
        }
        let crossReferenceOffset = file.count
        var tail = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets {
            tail += String(format: "%010ld 00000 n \n", offset)
        }
        tail += "trailer\n<< /Size \(objects.count + 1) /Root \(root) 0 R /Info \(info) 0 R >>\n"
        tail += "startxref\n\(crossReferenceOffset)\n%%EOF\n"
        file += Array(tail.utf8)
        return Data(file)
    }
}
