import Foundation

/// The text of a PDF as `pdftotext` (poppler-utils) reads it; throws when poppler cannot read the file.
func pdfText(_ data: Data) throws -> String {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("junction-\(UUID().uuidString).pdf")
    try data.write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let output = Pipe()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["pdftotext", "-layout", file.path, "-"]
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let text = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw PDFUnreadable(status: process.terminationStatus) }
    return String(decoding: text, as: UTF8.self)
}

/// pdftotext refused a document.
struct PDFUnreadable: Error { var status: Int32 }
