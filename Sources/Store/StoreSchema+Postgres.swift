import Foundation

/// The same migrations in PostgreSQL's dialect, under the same names: identities for SQLite's
/// INTEGER PRIMARY KEY, BYTEA for BLOB, BOOLEAN for 0/1, TIMESTAMPTZ for GRDB's time text, and
/// byte-order (`"C"`) collation on the texts the store sorts, so that both order rows alike.
/// Days stay ISO 8601 text in both. Like SQLite's, a released migration never changes.
extension StoreSchema {
    static func v1Postgres(_ db: any StoreSession) throws {
        try run(db, [
            """
            CREATE TABLE study (
                id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                slug      TEXT COLLATE "C" NOT NULL UNIQUE,
                title     TEXT NOT NULL,
                yaml      TEXT NOT NULL,
                simulated BOOLEAN NOT NULL,
                createdAt TIMESTAMPTZ NOT NULL,
                updatedAt TIMESTAMPTZ NOT NULL
            )
            """,
            """
            CREATE TABLE wave (
                id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                studyId        BIGINT NOT NULL REFERENCES study(id) ON DELETE CASCADE,
                waveId         TEXT COLLATE "C" NOT NULL,
                position       BIGINT NOT NULL,
                label          TEXT NOT NULL,
                fieldworkStart TEXT COLLATE "C" NOT NULL,
                fieldworkEnd   TEXT COLLATE "C" NOT NULL,
                mode           TEXT,
                design         TEXT NOT NULL,
                embargoUntil   TEXT COLLATE "C",
                respondents    BIGINT NOT NULL CHECK (respondents >= 0),
                UNIQUE (studyId, waveId),
                UNIQUE (studyId, position)
            )
            """,
            """
            CREATE TABLE dataset (
                waveRowId      BIGINT PRIMARY KEY REFERENCES wave(id) ON DELETE CASCADE,
                format         BIGINT NOT NULL,
                data           BYTEA NOT NULL,
                dataSHA256     TEXT NOT NULL,
                codebook       TEXT NOT NULL,
                codebookSHA256 TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE analysis (
                id        TEXT COLLATE "C" PRIMARY KEY,
                studySlug TEXT COLLATE "C" NOT NULL REFERENCES study(slug) ON DELETE CASCADE ON UPDATE CASCADE,
                request   TEXT NOT NULL,
                result    TEXT NOT NULL,
                createdAt TIMESTAMPTZ NOT NULL,
                seq       BIGINT GENERATED ALWAYS AS IDENTITY   -- insertion order, SQLite's rowid
            )
            """,
            "CREATE INDEX analysis_by_study ON analysis(studySlug, createdAt)",
            """
            CREATE TABLE account (
                id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                username     TEXT COLLATE "C" NOT NULL,
                passwordHash TEXT NOT NULL,
                role         TEXT NOT NULL CHECK (role IN ('admin', 'editor')),
                createdAt    TIMESTAMPTZ NOT NULL
            )
            """,
            // Unique ignoring case, as SQLite's COLLATE NOCASE (user names are ASCII).
            "CREATE UNIQUE INDEX account_username ON account (lower(username))",
            """
            CREATE TABLE apiToken (
                id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                accountId   BIGINT NOT NULL REFERENCES account(id) ON DELETE CASCADE,
                tokenSHA256 TEXT NOT NULL UNIQUE,
                name        TEXT,
                createdAt   TIMESTAMPTZ NOT NULL,
                lastUsedAt  TIMESTAMPTZ
            )
            """,
            "CREATE INDEX apiToken_by_account ON apiToken(accountId)",
        ])
    }

    static func v2Postgres(_ db: any StoreSession) throws {
        try run(db, [
            """
            CREATE TABLE waveWeighting (
                waveRowId BIGINT PRIMARY KEY REFERENCES wave(id) ON DELETE CASCADE,
                spec      TEXT NOT NULL
            )
            """,
        ])
    }

    static func v3Postgres(_ db: any StoreSession) throws {
        try run(db, [
            """
            CREATE TABLE poll (
                id         TEXT COLLATE "C" PRIMARY KEY,
                pollster   TEXT COLLATE "C" NOT NULL,
                question   TEXT COLLATE "C" NOT NULL,
                fieldStart TEXT COLLATE "C" NOT NULL,
                fieldEnd   TEXT COLLATE "C" NOT NULL,
                poll       TEXT NOT NULL,
                importedAt TIMESTAMPTZ NOT NULL
            )
            """,
            "CREATE INDEX poll_by_question ON poll(question, fieldStart)",
        ])
    }

    static func v5Postgres(_ db: any StoreSession) throws {
        try run(db, [
            """
            CREATE TABLE catalog (
                id      BIGINT PRIMARY KEY CHECK (id = 1),
                version BIGINT NOT NULL CHECK (version >= 1)
            )
            """,
            "INSERT INTO catalog (id, version) VALUES (1, 1)",
        ])
    }

    static func v6Postgres(_ db: any StoreSession) throws {
        try run(db, [
            """
            CREATE TABLE staffSession (
                id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                accountId     BIGINT NOT NULL REFERENCES account(id) ON DELETE CASCADE,
                sessionSHA256 TEXT NOT NULL UNIQUE,
                createdAt     TIMESTAMPTZ NOT NULL,
                lastSeenAt    TIMESTAMPTZ NOT NULL
            )
            """,
            "CREATE INDEX staffSession_by_account ON staffSession(accountId)",
            """
            CREATE TABLE signInFailure (
                username       TEXT PRIMARY KEY,
                failures       BIGINT NOT NULL CHECK (failures >= 0),
                firstFailureAt TIMESTAMPTZ NOT NULL,
                lockedUntil    TIMESTAMPTZ
            )
            """,
        ])
    }

    /// PostgreSQL runs one statement per extended-protocol query.
    private static func run(_ db: any StoreSession, _ statements: [String]) throws {
        for statement in statements { try db.execute(statement) }
    }
}
