#include "Migrations.h"

#include <iterator>

namespace qujat::sqlite {

using engine::Status;

namespace {

struct Migration {
    int version;
    const char* sql;
};

// Append only: a released migration is never edited, a change is a new entry.
//
// The audit tables have no triggers on purpose: the store never updates or deletes their
// rows (there is no code path that does), and tampering by someone with the file is
// caught by the engine's chain verification, which needs to be able to see it.
const Migration kMigrations[] = {
    {1, R"sql(
CREATE TABLE orgs (
    id        INTEGER PRIMARY KEY,
    code      TEXT NOT NULL UNIQUE CHECK (code <> ''),
    parent_id INTEGER REFERENCES orgs(id),
    level     TEXT NOT NULL CHECK (level IN ('central', 'region', 'district', 'primary')),
    name_kk   TEXT NOT NULL,
    name_ru   TEXT NOT NULL,
    name_en   TEXT NOT NULL,
    path      TEXT NOT NULL
);
CREATE INDEX orgs_by_parent ON orgs(parent_id, code);
CREATE INDEX orgs_by_path ON orgs(path);

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    login         TEXT NOT NULL UNIQUE CHECK (login <> ''),
    display_name  TEXT NOT NULL,
    home_org_id   INTEGER NOT NULL REFERENCES orgs(id),
    email         TEXT NOT NULL,
    password_hash TEXT NOT NULL
);
CREATE INDEX users_by_home_org ON users(home_org_id);

CREATE TABLE role_grants (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users(id),
    role       TEXT NOT NULL CHECK (role <> ''),
    org_id     INTEGER NOT NULL REFERENCES orgs(id),
    scope      TEXT NOT NULL CHECK (scope IN ('org', 'subtree')),
    valid_from INTEGER NOT NULL,
    valid_to   INTEGER CHECK (valid_to IS NULL OR valid_to >= valid_from),
    UNIQUE (user_id, role, org_id, valid_from)
);
CREATE INDEX role_grants_by_org ON role_grants(org_id, role);

CREATE TABLE delegations (
    id           INTEGER PRIMARY KEY,
    from_user_id INTEGER NOT NULL REFERENCES users(id),
    to_user_id   INTEGER NOT NULL REFERENCES users(id),
    role         TEXT NOT NULL CHECK (role <> ''),
    valid_from   INTEGER NOT NULL,
    valid_to     INTEGER NOT NULL CHECK (valid_to >= valid_from)
);
CREATE INDEX delegations_by_to ON delegations(to_user_id, valid_from);
CREATE INDEX delegations_by_from ON delegations(from_user_id);

CREATE TABLE workflows (
    id          TEXT NOT NULL CHECK (id <> ''),
    version     INTEGER NOT NULL CHECK (version >= 0),
    sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
    xml         TEXT NOT NULL,
    source_name TEXT NOT NULL,
    loaded_at   INTEGER NOT NULL,
    PRIMARY KEY (id, version)
);

CREATE TABLE documents (
    id                  INTEGER PRIMARY KEY,
    workflow_id         TEXT NOT NULL,
    workflow_version    INTEGER NOT NULL,
    document_type       TEXT NOT NULL,
    title               TEXT NOT NULL,
    origin_org_code     TEXT NOT NULL,
    author_login        TEXT NOT NULL,
    state               TEXT NOT NULL CHECK (state IN ('in-progress', 'returned', 'completed')),
    current_step        TEXT NOT NULL,
    round               INTEGER NOT NULL CHECK (round >= 0),
    fields              TEXT NOT NULL CHECK (json_valid(fields)),
    registration_number TEXT UNIQUE,
    current_version     INTEGER NOT NULL CHECK (current_version >= 0),
    revision            INTEGER NOT NULL,
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL,
    FOREIGN KEY (workflow_id, workflow_version) REFERENCES workflows(id, version)
);
CREATE INDEX documents_by_workflow ON documents(workflow_id, id);
CREATE INDEX documents_by_state ON documents(state, id);
CREATE INDEX documents_by_origin ON documents(origin_org_code, id);
CREATE INDEX documents_by_author ON documents(author_login, id);

CREATE TABLE versions (
    document_id  INTEGER NOT NULL REFERENCES documents(id),
    number       INTEGER NOT NULL CHECK (number >= 1),
    sha256       TEXT NOT NULL CHECK (length(sha256) = 64),
    size         INTEGER NOT NULL CHECK (size >= 0),
    media_type   TEXT NOT NULL,
    file_name    TEXT NOT NULL,
    author_login TEXT NOT NULL,
    comment      TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    PRIMARY KEY (document_id, number)
) WITHOUT ROWID;

CREATE TABLE tasks (
    id             INTEGER PRIMARY KEY,
    document_id    INTEGER NOT NULL REFERENCES documents(id),
    step_id        TEXT NOT NULL,
    round          INTEGER NOT NULL,
    seat           INTEGER NOT NULL CHECK (seat >= 0),
    role           TEXT NOT NULL,
    org_code       TEXT NOT NULL,
    assignee_login TEXT,
    state          TEXT NOT NULL CHECK (state IN ('waiting', 'open', 'approved', 'rejected', 'superseded')),
    opened_at      INTEGER NOT NULL,
    due_at         INTEGER,
    escalated_from INTEGER REFERENCES tasks(id),
    escalated      INTEGER NOT NULL CHECK (escalated IN (0, 1)),
    closed_at      INTEGER,
    actor_login    TEXT,
    comment        TEXT NOT NULL,
    version_number INTEGER NOT NULL,
    CHECK (assignee_login IS NOT NULL OR role <> '')
);
CREATE INDEX tasks_by_document ON tasks(document_id, id);
CREATE INDEX tasks_by_escalated_from ON tasks(escalated_from) WHERE escalated_from IS NOT NULL;
-- The inbox: named seats, role seats by where the role is held, and deadlines.
CREATE INDEX open_tasks_by_assignee ON tasks(assignee_login, role) WHERE state = 'open';
CREATE INDEX open_tasks_by_role ON tasks(role, org_code) WHERE state = 'open' AND assignee_login IS NULL;
CREATE INDEX open_tasks_by_due ON tasks(due_at) WHERE state = 'open' AND escalated = 0 AND due_at IS NOT NULL;

CREATE TABLE counters (
    key   TEXT PRIMARY KEY,
    value INTEGER NOT NULL CHECK (value >= 1)
) WITHOUT ROWID;

CREATE TABLE audit_events (
    seq       INTEGER PRIMARY KEY,
    time      INTEGER NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    subject   TEXT NOT NULL,
    details   TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL
);
CREATE INDEX audit_events_by_subject ON audit_events(subject, seq);

CREATE TABLE audit_head (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  INTEGER NOT NULL,
    hash TEXT NOT NULL
);
)sql"},
    {2, R"sql(
CREATE TABLE certificate_bindings (
    certificate_sha256 TEXT PRIMARY KEY CHECK (length(certificate_sha256) = 64),
    user_id            INTEGER NOT NULL REFERENCES users(id),
    subject            TEXT NOT NULL,
    registered_at      INTEGER NOT NULL,
    registered_by      TEXT NOT NULL
);
CREATE INDEX certificate_bindings_by_user ON certificate_bindings(user_id, registered_at);

CREATE TABLE signatures (
    id                 INTEGER PRIMARY KEY,
    document_id        INTEGER NOT NULL REFERENCES documents(id),
    version_number     INTEGER NOT NULL,
    task_id            INTEGER NOT NULL REFERENCES tasks(id),
    step_id            TEXT NOT NULL,
    signer_login       TEXT NOT NULL,
    certificate_sha256 TEXT NOT NULL,
    cms_sha256         TEXT NOT NULL CHECK (length(cms_sha256) = 64),
    report             TEXT NOT NULL,
    accepted_at        INTEGER NOT NULL,
    FOREIGN KEY (document_id, version_number) REFERENCES versions(document_id, number)
);
CREATE INDEX signatures_by_document ON signatures(document_id, id);
)sql"},
    {3, R"sql(
CREATE TABLE sessions (
    token_sha256 TEXT PRIMARY KEY CHECK (length(token_sha256) = 64),
    user_id      INTEGER NOT NULL REFERENCES users(id),
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    address      TEXT NOT NULL,
    revoked_at   INTEGER
);
CREATE INDEX sessions_by_user ON sessions(user_id, created_at);
)sql"},
    {4, R"sql(
-- Full-text search; rowid = documents.id. unicode61 folds case for Cyrillic, Kazakh
-- letters included; diacritics are kept (removing them would merge distinct letters).
CREATE VIRTUAL TABLE document_text USING fts5(body, tokenize = 'unicode61 remove_diacritics 0');
)sql"},
    {5, R"sql(
-- The dashboard: a subtree's documents counted by origin and state, with their times, from
-- the index alone; and every open task past its due time, escalated or not.
CREATE INDEX documents_by_origin_state ON documents(origin_org_code, state, created_at, updated_at);
CREATE INDEX open_tasks_by_due_time ON tasks(due_at, document_id) WHERE state = 'open' AND due_at IS NOT NULL;
)sql"},
};

engine::Result<int> userVersion(SqliteConnection& connection) {
    QUJAT_ASSIGN_OR_RETURN(StatementLease statement, connection.prepare("PRAGMA user_version"));
    QUJAT_ASSIGN_OR_RETURN(bool row, statement->step());
    if (!row) return engine::internalError("SQLite: PRAGMA user_version returned no row");
    return static_cast<int>(statement->intAt(0));
}

Status migrateInTransaction(SqliteConnection& connection) {
    QUJAT_ASSIGN_OR_RETURN(int current, userVersion(connection));
    const int latest = latestSchemaVersion();
    if (current > latest)
        return engine::failedPrecondition("database " + connection.path() + " has schema version " +
                                          std::to_string(current) + ", newer than this build of qujat understands (" +
                                          std::to_string(latest) + "); open it with a newer qujat");
    for (const Migration& m : kMigrations) {
        if (m.version <= current) continue;
        Status applied = connection.exec(m.sql);
        if (!applied.isOk())
            return Status(applied.code(), "migration " + std::to_string(m.version) + " failed: " + applied.message());
    }
    // A pragma takes no bound parameters; the value is our own integer.
    if (current != latest) QUJAT_RETURN_IF_ERROR(connection.exec("PRAGMA user_version = " + std::to_string(latest)));
    return Status::ok();
}

}  // namespace

int latestSchemaVersion() { return std::prev(std::end(kMigrations))->version; }

Status migrate(SqliteConnection& connection) {
    QUJAT_RETURN_IF_ERROR(connection.exec("BEGIN IMMEDIATE"));
    Status s = migrateInTransaction(connection);
    if (!s.isOk()) {
        (void)connection.exec("ROLLBACK");
        return s;
    }
    s = connection.exec("COMMIT");
    if (!s.isOk() && connection.inTransaction()) (void)connection.exec("ROLLBACK");
    return s;
}

}  // namespace qujat::sqlite
