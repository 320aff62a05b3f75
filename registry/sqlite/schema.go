package sqlite

// migration is one step of the schema. Its statements run in one
// transaction together with the row that records it in schema_migrations.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations is the schema, oldest first. Open applies the ones a database
// has not seen yet, in order, each exactly once.
//
// To change the schema, APPEND a migration whose version is the last one
// plus one (a new table for api keys, the audit trail, …). Never edit,
// renumber or remove a migration that has been committed: databases in the
// field have already applied it. Several statements may share one migration;
// separate them with semicolons.
//
// Times are INTEGER unix milliseconds, UTC, so they sort and compare as
// numbers.
var migrations = []migration{
	{1, "records", `
-- The indexed fields of every record; the body lives in record_bodies so
-- that scans of this table stay small.
CREATE TABLE records (
	rid        INTEGER PRIMARY KEY,
	kind       TEXT    NOT NULL,
	id         TEXT    NOT NULL,
	area       TEXT    NOT NULL,
	status     TEXT    NOT NULL,
	version    INTEGER NOT NULL,
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL,
	name       TEXT    NOT NULL,
	name_fold  TEXT    NOT NULL, -- lower-cased name, for NameContains
	identity   TEXT    NOT NULL DEFAULT '',
	idem_key   TEXT    NOT NULL DEFAULT '',
	idem_hash  TEXT    NOT NULL DEFAULT '',
	filters    TEXT    NOT NULL DEFAULT '{}', -- JSON object, as stored
	refs       TEXT    NOT NULL DEFAULT '[]'  -- JSON array, as stored
);
CREATE UNIQUE INDEX records_kind_id ON records (kind, id);
CREATE UNIQUE INDEX records_identity ON records (kind, identity) WHERE identity <> '';
CREATE UNIQUE INDEX records_idem_key ON records (kind, idem_key) WHERE idem_key <> '';
-- Newest-first walks; name_fold rides along so a name search reads the
-- index, not the rows.
CREATE INDEX records_newest ON records (kind, created_at, id, name_fold);
CREATE INDEX records_area ON records (kind, area, created_at, id, name_fold);
CREATE INDEX records_status ON records (kind, status, created_at, id, name_fold);

CREATE TABLE record_bodies (
	rid  INTEGER PRIMARY KEY REFERENCES records (rid) ON DELETE CASCADE,
	body BLOB NOT NULL
);

-- One row per indexed filter field of a record (Document.Filters), with
-- the record's sort key so a filter can drive a newest-first walk.
CREATE TABLE record_filters (
	rid        INTEGER NOT NULL REFERENCES records (rid) ON DELETE CASCADE,
	key        TEXT    NOT NULL,
	value      TEXT    NOT NULL,
	kind       TEXT    NOT NULL,
	created_at INTEGER NOT NULL,
	id         TEXT    NOT NULL,
	PRIMARY KEY (rid, key)
) WITHOUT ROWID;
CREATE INDEX record_filters_value ON record_filters (kind, key, value, created_at, id);

-- One row per id a record points at (Document.Refs).
CREATE TABLE record_refs (
	rid        INTEGER NOT NULL REFERENCES records (rid) ON DELETE CASCADE,
	ref        TEXT    NOT NULL,
	kind       TEXT    NOT NULL,
	created_at INTEGER NOT NULL,
	id         TEXT    NOT NULL,
	PRIMARY KEY (rid, ref)
) WITHOUT ROWID;
CREATE INDEX record_refs_ref ON record_refs (kind, ref, created_at, id);
`},
	{2, "outbox", `
-- Domain events written in the same transaction as the record change;
-- seq is the publication order.
CREATE TABLE outbox (
	seq       INTEGER PRIMARY KEY AUTOINCREMENT,
	event_id  TEXT    NOT NULL UNIQUE,
	type      TEXT    NOT NULL,
	kind      TEXT    NOT NULL,
	record_id TEXT    NOT NULL,
	version   INTEGER NOT NULL,
	time      INTEGER NOT NULL,
	data      BLOB    NOT NULL
);
`},
	{3, "security", `
-- API keys: the secret's SHA-256 only, never the secret.
CREATE TABLE api_keys (
	id         TEXT    PRIMARY KEY,
	name       TEXT    NOT NULL,
	role       TEXT    NOT NULL,
	area       TEXT    NOT NULL DEFAULT '',
	enclave_id TEXT    NOT NULL DEFAULT '',
	hash       TEXT    NOT NULL UNIQUE,
	prefix     TEXT    NOT NULL,
	created_at INTEGER NOT NULL,
	expires_at INTEGER, -- NULL: never
	revoked_at INTEGER, -- NULL: not revoked
	created_by TEXT    NOT NULL
);

-- The hash-chained audit trail; seq is assigned by Append, gap-free.
CREATE TABLE audit_log (
	seq            INTEGER PRIMARY KEY,
	id             TEXT    NOT NULL UNIQUE,
	time           INTEGER NOT NULL,
	key_id         TEXT    NOT NULL,
	key_name       TEXT    NOT NULL,
	role           TEXT    NOT NULL,
	action         TEXT    NOT NULL,
	kind           TEXT    NOT NULL,
	record_id      TEXT    NOT NULL,
	version_before INTEGER NOT NULL,
	version_after  INTEGER NOT NULL,
	fields         TEXT    NOT NULL, -- JSON array of field names
	request_id     TEXT    NOT NULL,
	client_ip      TEXT    NOT NULL,
	prev_hash      TEXT    NOT NULL,
	hash           TEXT    NOT NULL
);
CREATE INDEX audit_log_record ON audit_log (record_id, seq);
CREATE INDEX audit_log_key ON audit_log (key_id, seq);
CREATE INDEX audit_log_time ON audit_log (time);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- The chain head: the last appended entry's seq and hash, one row.
CREATE TABLE audit_head (
	one  INTEGER PRIMARY KEY CHECK (one = 1),
	seq  INTEGER NOT NULL,
	hash TEXT    NOT NULL
);
`},
	{4, "covering list indexes", `
-- The newest-first walks also carry area and status, so every condition
-- on records is checked on the index and rows are read for the page only.
DROP INDEX records_newest;
DROP INDEX records_area;
DROP INDEX records_status;
CREATE INDEX records_newest ON records (kind, created_at, id, area, status, name_fold);
CREATE INDEX records_area ON records (kind, area, created_at, id, status, name_fold);
CREATE INDEX records_status ON records (kind, status, created_at, id, area, name_fold);
`},
	{5, "filter tags", `
-- Every filter of a record as "|key=value|…|" (with %, | and = escaped as
-- %25, %7C, %3D), carried by the list indexes so that filters are checked
-- on the index; record_filters stays the index for rare values.
ALTER TABLE records ADD COLUMN filter_tags TEXT NOT NULL DEFAULT '';
UPDATE records SET filter_tags = coalesce((
	SELECT '|' || group_concat(
		replace(replace(replace(key, '%', '%25'), '|', '%7C'), '=', '%3D') || '=' ||
		replace(replace(replace(value, '%', '%25'), '|', '%7C'), '=', '%3D'), '|') || '|'
	FROM json_each(records.filters)), '');
DROP INDEX records_newest;
DROP INDEX records_area;
DROP INDEX records_status;
CREATE INDEX records_newest ON records (kind, created_at, id, area, status, name_fold, filter_tags);
CREATE INDEX records_area ON records (kind, area, created_at, id, status, name_fold, filter_tags);
CREATE INDEX records_status ON records (kind, status, created_at, id, area, name_fold, filter_tags);
`},
	{6, "name index", `
-- A narrow newest-first walk for name searches with no other condition:
-- a miss reads every entry, so fewer bytes per entry is what counts.
CREATE INDEX records_names ON records (kind, created_at, id, name_fold);
`},
}
