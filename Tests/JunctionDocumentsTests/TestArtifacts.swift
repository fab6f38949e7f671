import Foundation

/// Where the tests write the documents they check. The files stay after a run so a person can open them.
enum TestArtifacts {
    static let directory: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("JunctionDocumentsTests", isDirectory: true)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    /// Writes `data` as `name` in the artifacts directory and returns the file's path.
    static func write(_ data: Data, as name: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try data.write(to: url)
        return url.path
    }
}
