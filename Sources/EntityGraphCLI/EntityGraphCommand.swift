import ArgumentParser

/// `entity-graph`: news articles in, one entity-relationship graph out.
struct EntityGraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entity-graph",
        abstract: "Extract people, organisations, countries, places and meetings from news articles into one graph.",
        discussion: """
            Exit codes: 0 success, 1 some documents could not be read (the others were processed), \
            2 usage error, an unreadable or malformed input graph (convert, merge), or an output could not be written.
            """,
        version: Version.current,
        subcommands: [Extract.self, List.self, Convert.self, Merge.self],
        defaultSubcommand: nil)
}

/// Runs the command with the project's exit codes: ArgumentParser's usage errors become 2, not 64.
@main
enum Main {
    static func main() {
        do {
            var command = try EntityGraphCommand.parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            EntityGraphCommand.exit(withError: exit)
        } catch let error as CLIError {
            printError("error: \(error)")
            EntityGraphCommand.exit(withError: ExitCode(2))
        } catch {
            let code = EntityGraphCommand.exitCode(for: error)
            if code == .success {
                EntityGraphCommand.exit(withError: error)   // --help, --version
            }
            let message = EntityGraphCommand.fullMessage(for: error)
            if code == .validationFailure {
                printError(message)
                EntityGraphCommand.exit(withError: ExitCode(2))
            }
            if !message.isEmpty { printError("error: " + message) }
            EntityGraphCommand.exit(withError: ExitCode(2))
        }
    }
}
