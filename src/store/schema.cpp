// Schema version 1 of the embedded database. Column names follow the JSON record
// (source_country is event.source.country); offsets are code points, as in the record.
// "start"/"end" become <thing>_start/<thing>_end because END is an SQL keyword.
#include "store/schema.h"

namespace attache::store {
namespace {

constexpr std::string_view kV1 = R"sql(
CREATE TABLE documents (
  id            TEXT PRIMARY KEY,
  source_uri    TEXT,
  lang          TEXT,
  title         TEXT,
  provider      TEXT,
  published     TEXT,
  version_note  TEXT,
  credits       TEXT NOT NULL DEFAULT '[]',  -- JSON array of {name, role, place}
  diagnostics   TEXT NOT NULL DEFAULT '[]',  -- JSON array of {code, message}
  record        TEXT NOT NULL,               -- the whole document record, as --format doc
  coded_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE events (
  id                  INTEGER PRIMARY KEY,  -- row id, also the full-text index key
  doc_id              TEXT NOT NULL,
  event_id            TEXT NOT NULL,
  seq                 INTEGER NOT NULL,     -- position in the record's events array
  sentence_index      INTEGER NOT NULL,
  plover              TEXT,
  plover_mode         TEXT,
  context             TEXT NOT NULL DEFAULT '[]',  -- JSON array of PLOVER contexts
  cameo               TEXT NOT NULL,        -- text: leading zeros matter ("044")
  quad                INTEGER NOT NULL,
  goldstein           REAL NOT NULL,
  source_code         TEXT,
  source_country      TEXT,
  source_sector       TEXT,
  source_text         TEXT,
  source_name         TEXT,
  target_code         TEXT,
  target_country      TEXT,
  target_sector       TEXT,
  target_text         TEXT,
  target_name         TEXT,
  symmetric           INTEGER NOT NULL DEFAULT 0,
  date                TEXT,
  date_text           TEXT,
  date_precision      TEXT NOT NULL,
  location_text       TEXT,
  location_name       TEXT,
  location_country    TEXT,
  location_lat        REAL,
  location_lon        REAL,
  location_geonameid  INTEGER,
  location_feature    TEXT,
  trigger_text        TEXT NOT NULL,
  trigger_start       INTEGER NOT NULL,
  trigger_end         INTEGER NOT NULL,
  sentence_text       TEXT NOT NULL,
  sentence_start      INTEGER NOT NULL,
  sentence_end        INTEGER NOT NULL,
  modality            TEXT NOT NULL,
  rule                TEXT NOT NULL,
  confidence          REAL NOT NULL
);
CREATE INDEX events_doc ON events(doc_id);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_cameo ON events(cameo);
CREATE INDEX events_dyad ON events(source_country, target_country);

-- Word search over the sentences events come from; accents folded so "reunis" finds
-- "réunis". External content: the text lives once, in events.
CREATE VIRTUAL TABLE events_fts USING fts5(
  sentence_text, content = 'events', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2');
CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN
  INSERT INTO events_fts(rowid, sentence_text) VALUES (new.id, new.sentence_text);
END;
CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN
  INSERT INTO events_fts(events_fts, rowid, sentence_text)
    VALUES ('delete', old.id, old.sentence_text);
END;
CREATE TRIGGER events_fts_update AFTER UPDATE OF sentence_text ON events BEGIN
  INSERT INTO events_fts(events_fts, rowid, sentence_text)
    VALUES ('delete', old.id, old.sentence_text);
  INSERT INTO events_fts(rowid, sentence_text) VALUES (new.id, new.sentence_text);
END;

CREATE TABLE quotes (
  id              INTEGER PRIMARY KEY,
  doc_id          TEXT NOT NULL,
  seq             INTEGER NOT NULL,
  text            TEXT NOT NULL,
  text_start      INTEGER NOT NULL,
  text_end        INTEGER NOT NULL,
  speaker_code    TEXT,
  speaker_country TEXT,
  speaker_sector  TEXT,
  speaker_text    TEXT,
  speaker_name    TEXT,
  verb            TEXT,
  date            TEXT,
  sentence_index  INTEGER NOT NULL
);
CREATE INDEX quotes_doc ON quotes(doc_id);

CREATE TABLE mentions (
  id          INTEGER PRIMARY KEY,
  doc_id      TEXT NOT NULL,
  seq         INTEGER NOT NULL,
  text        TEXT NOT NULL,
  text_start  INTEGER NOT NULL,
  text_end    INTEGER NOT NULL,
  type        TEXT NOT NULL,
  name        TEXT,
  country     TEXT,
  sector      TEXT
);
CREATE INDEX mentions_doc ON mentions(doc_id);

CREATE TABLE times (
  id          INTEGER PRIMARY KEY,
  doc_id      TEXT NOT NULL,
  seq         INTEGER NOT NULL,
  text        TEXT NOT NULL,
  text_start  INTEGER NOT NULL,
  text_end    INTEGER NOT NULL,
  value       TEXT NOT NULL,
  kind        TEXT NOT NULL
);
CREATE INDEX times_doc ON times(doc_id);

-- Inputs that produced an error record instead of a document record.
CREATE TABLE errors (
  id          TEXT NOT NULL,
  source_uri  TEXT,
  code        TEXT NOT NULL,
  message     TEXT NOT NULL,
  at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX errors_id ON errors(id);
)sql";

constexpr std::string_view kMigrations[] = {kV1};

}  // namespace

std::span<const std::string_view> Migrations() { return kMigrations; }

}  // namespace attache::store
