/// A bench run that cannot go on (or whose checks failed), with what to tell the user.
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
