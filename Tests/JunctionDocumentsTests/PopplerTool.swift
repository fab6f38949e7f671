import Foundation

/// Runs a poppler-utils command (pdftotext, pdfinfo, pdftoppm) and returns what it printed.
enum PopplerTool {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// What a tool printed: standard output, and standard error where poppler reports any syntax problem it met.
    struct Output {
        let standardOutput: String
        let standardError: String
    }

    static func run(_ tool: String, _ arguments: [String]) throws -> Output {
        let errorFile = TestArtifacts.directory.appendingPathComponent("\(tool)-\(UUID().uuidString).stderr")
        try Data().write(to: errorFile)
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let errorHandle = try FileHandle(forWritingTo: errorFile)
        let output = Pipe()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        process.standardOutput = output
        process.standardError = errorHandle
        try process.run()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try errorHandle.close()
        let errors = String(decoding: try Data(contentsOf: errorFile), as: UTF8.self)
        if process.terminationStatus == 127 {
            throw Failure(description: "\(tool) is missing: install poppler-utils (apt-get install -y poppler-utils)")
        }
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(tool) \(arguments.joined(separator: " ")) exited \(process.terminationStatus): \(errors)")
        }
        return Output(standardOutput: String(decoding: printed, as: UTF8.self), standardError: errors)
    }
}
