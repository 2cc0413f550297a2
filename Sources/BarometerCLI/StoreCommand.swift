import ArgumentParser

/// `barometer store`: backing the store up and restoring it, whichever database it is in.
struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Back the store up and restore it, or move studies between SQLite and PostgreSQL.",
        discussion: """
            A SQLite store is backed up through SQLite's backup API: the backup is a SQLite file, \
            and a data directory's barometer.sqlite is a backup too. A PostgreSQL store is \
            exported as JSON Lines (a header naming the schema's migrations and tables, then one \
            row per line), with no need for pg_dump. Either kind restores into either store.

            Examples:
              barometer store backup archive.sqlite --data barometer-data
              barometer store restore archive.sqlite --store postgres://barometer@db.internal/barometer
              barometer store restore barometer-data/barometer.sqlite --study cab --store postgres://barometer@db.internal/barometer
            """,
        subcommands: [StoreBackup.self, StoreRestore.self])
}
