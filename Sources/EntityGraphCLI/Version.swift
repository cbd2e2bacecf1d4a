/// The version `entity-graph --version` prints: the one place it is spelled. Semantic versioning; below 1.0 the
/// export contract may still change between minor versions (see README, Export contract).
enum Version {
    static let current = "0.1.0"
}
