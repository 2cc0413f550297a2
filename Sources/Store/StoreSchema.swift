import Foundation

/// The store's tables, as named migrations. A migration, once released, never changes: a new
/// version of the schema is a new migration appended here.
enum StoreSchema {
    /// Every migration, in order, each in both dialects under one name.
    static let migrations: [StoreMigration] = [
        StoreMigration(name: "v1", sqlite: v1, postgres: v1Postgres),
        StoreMigration(name: "v2-wave-weighting", sqlite: v2, postgres: v2Postgres),
        StoreMigration(name: "v3-polls", sqlite: v3, postgres: v3Postgres),
        StoreMigration(name: "v4-published-polls", sqlite: v4, postgres: v4),
        StoreMigration(name: "v5-catalog-version", sqlite: v5, postgres: v5Postgres),
        StoreMigration(name: "v6-staff-sessions", sqlite: v6, postgres: v6Postgres),
        StoreMigration(name: "v7-named-analyses", sqlite: v7, postgres: v7),
    ]

    /// The first schema: studies, waves, datasets, saved analyses, accounts, API tokens.
    ///
    /// JSON columns hold Barometer's own Codable types (``SurveyCore/LocalizedText``,
    /// ``SurveyCore/DesignSpec``, ``SurveyCore/Codebook``, ``SurveyCore/AnalysisRequest``,
    /// ``SurveyCore/AnalysisResult``) with sorted keys; dates are GRDB's UTC text (TIMESTAMPTZ in PostgreSQL)
    /// (`YYYY-MM-DD HH:MM:SS.SSS`); days are ISO 8601 text, which sorts as time does.
    static func v1(_ db: any StoreSession) throws {
        try db.execute("""
            CREATE TABLE study (
                id        INTEGER PRIMARY KEY,
                slug      TEXT NOT NULL UNIQUE,          -- the study's name in URLs and commands
                title     TEXT NOT NULL,                 -- JSON: {"en": "…", "ru": "…"}
                yaml      TEXT NOT NULL,                 -- its study.yaml, read back with StudyYAML
                simulated INTEGER NOT NULL CHECK (simulated IN (0, 1)),
                createdAt TEXT NOT NULL,
                updatedAt TEXT NOT NULL
            ) STRICT;

            CREATE TABLE wave (
                id             INTEGER PRIMARY KEY,
                studyId        INTEGER NOT NULL REFERENCES study(id) ON DELETE CASCADE,
                waveId         TEXT NOT NULL,             -- the wave's id in study.yaml
                position       INTEGER NOT NULL,          -- its place in the study's order
                label          TEXT NOT NULL,             -- JSON: {"en": "…", …}
                fieldworkStart TEXT NOT NULL,             -- ISO 8601 day
                fieldworkEnd   TEXT NOT NULL,
                mode           TEXT,
                design         TEXT NOT NULL,             -- JSON: DesignSpec
                embargoUntil   TEXT,                      -- ISO 8601 day; not public before it
                respondents    INTEGER NOT NULL CHECK (respondents >= 0),
                UNIQUE (studyId, waveId),
                UNIQUE (studyId, position)
            ) STRICT;

            CREATE TABLE dataset (
                waveRowId      INTEGER PRIMARY KEY REFERENCES wave(id) ON DELETE CASCADE,
                format         INTEGER NOT NULL,          -- DatasetBlobCodec.version
                data           BLOB NOT NULL,             -- DatasetBlobCodec bytes
                dataSHA256     TEXT NOT NULL,             -- hex digest closing the blob
                codebook       TEXT NOT NULL,             -- JSON: Codebook
                codebookSHA256 TEXT NOT NULL              -- hex digest of the codebook's UTF-8
            ) STRICT;

            CREATE TABLE analysis (
                id        TEXT PRIMARY KEY,               -- random, for permalinks
                studySlug TEXT NOT NULL REFERENCES study(slug) ON DELETE CASCADE ON UPDATE CASCADE,
                request   TEXT NOT NULL,                  -- JSON: AnalysisRequest
                result    TEXT NOT NULL,                  -- JSON: AnalysisResult
                createdAt TEXT NOT NULL
            ) STRICT;
            CREATE INDEX analysis_by_study ON analysis(studySlug, createdAt);

            CREATE TABLE account (
                id           INTEGER PRIMARY KEY,
                username     TEXT NOT NULL UNIQUE COLLATE NOCASE,
                passwordHash TEXT NOT NULL,               -- pbkdf2-sha256$ITERATIONS$SALT$KEY
                role         TEXT NOT NULL CHECK (role IN ('admin', 'editor')),
                createdAt    TEXT NOT NULL
            ) STRICT;

            CREATE TABLE apiToken (
                id          INTEGER PRIMARY KEY,
                accountId   INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
                tokenSHA256 TEXT NOT NULL UNIQUE,         -- hex SHA-256 of the token; never the token
                name        TEXT,
                createdAt   TEXT NOT NULL,
                lastUsedAt  TEXT
            ) STRICT;
            CREATE INDEX apiToken_by_account ON apiToken(accountId);
            """)
    }

    /// Weighting applied to a wave when it is analysed (study.yaml `weighting:`), stored with
    /// its targets read and keyed by code, so that the server calibrates exactly as the command
    /// line does on the study folder.
    static func v2(_ db: any StoreSession) throws {
        try db.execute("""
            CREATE TABLE waveWeighting (
                waveRowId INTEGER PRIMARY KEY REFERENCES wave(id) ON DELETE CASCADE,
                spec      TEXT NOT NULL                  -- JSON: WeightingSpec, targets keyed by code
            ) STRICT;
            """)
    }

    /// Published polls (the poll database): one row per poll, its id derived from what
    /// identifies it (pollster, fieldwork, question, population, sample size), so that
    /// importing the same file again replaces rather than duplicates.
    static func v3(_ db: any StoreSession) throws {
        try db.execute("""
            CREATE TABLE poll (
                id         TEXT PRIMARY KEY,             -- 12 hex digits of the SHA-256 of its identity
                pollster   TEXT NOT NULL,
                question   TEXT NOT NULL,
                fieldStart TEXT NOT NULL,                -- ISO 8601 day
                fieldEnd   TEXT NOT NULL,
                poll       TEXT NOT NULL,                -- JSON: Poll
                importedAt TEXT NOT NULL
            ) STRICT;
            CREATE INDEX poll_by_question ON poll(question, fieldStart);
            """)
    }

    /// The published polls of ``PublishedPolls``, so that a new poll database (and one made
    /// before them) starts from the polls of the project's sources. A poll the user already
    /// stored with the same identity is kept as it is.
    static func v4(_ db: any StoreSession) throws {
        try BarometerStore.insert(try PublishedPolls.all(), into: db, at: Date(), replacing: false)
    }

    /// The catalog's version: one number that every change to studies, waves or their data
    /// raises in the same transaction, so that a server (or several sharing a database) learns
    /// with one cheap read whether what it holds in memory is still current.
    static func v5(_ db: any StoreSession) throws {
        try db.execute("""
            CREATE TABLE catalog (
                id      INTEGER PRIMARY KEY CHECK (id = 1),
                version INTEGER NOT NULL CHECK (version >= 1)
            ) STRICT;
            INSERT INTO catalog (id, version) VALUES (1, 1);
            """)
    }

    /// The explorer's staff sessions and the record of failed sign-ins, in the store so that
    /// several servers on one database share them: signing out, or a lockout, holds on all.
    /// A session is kept only as the SHA-256 of its cookie. Neither table is part of a backup:
    /// a restored store starts with nobody signed in and nobody locked out.
    static func v6(_ db: any StoreSession) throws {
        try db.execute("""
            CREATE TABLE staffSession (
                id            INTEGER PRIMARY KEY,
                accountId     INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
                sessionSHA256 TEXT NOT NULL UNIQUE,       -- hex SHA-256 of the cookie's value; never the value
                createdAt     TEXT NOT NULL,
                lastSeenAt    TEXT NOT NULL
            ) STRICT;
            CREATE INDEX staffSession_by_account ON staffSession(accountId);

            CREATE TABLE signInFailure (
                username       TEXT PRIMARY KEY,          -- lower-cased, whether or not such an account exists
                failures       INTEGER NOT NULL CHECK (failures >= 0),
                firstFailureAt TEXT NOT NULL,             -- start of the current window of failures
                lockedUntil    TEXT
            ) STRICT;
            """)
    }

    /// Analyses an analyst saves from the explorer: a name, who saved it (the user name, kept
    /// when the account goes) and the path of the live view. Older analyses have none of them.
    static func v7(_ db: any StoreSession) throws {
        for column in ["name", "savedBy", "viewPath"] {
            try db.execute("ALTER TABLE analysis ADD COLUMN \(column) TEXT")
        }
    }
}
