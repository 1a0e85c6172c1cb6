// The embedded database: documents, events, quotes, mentions, times and errors in SQLite,
// under a versioned schema. One Store is written by one thread.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "attache/document.h"
#include "attache/status.h"

namespace attache {

class Store {
 public:
  // Creates or opens the database and migrates its schema to the current version.
  static StatusOr<std::unique_ptr<Store>> Open(const std::string& path);
  // Opens an existing database for reading only (summaries, searches): never creates,
  // migrates or writes the file. A missing file, a file that is not an attache database
  // and a schema version other than SchemaVersion() are errors. Put, PutError and Begin
  // on a read-only store fail.
  static StatusOr<std::unique_ptr<Store>> OpenReadOnly(const std::string& path);
  ~Store();

  // Replaces any earlier record of the same document id. `record` is the document's JSON
  // line (ToJson) when the caller has already rendered it; empty, the store renders it.
  Status Put(const Document& doc, std::string_view record = {});
  // Records an input that produced an error record.
  Status PutError(const std::string& id, const std::string& source_uri,
                  const std::string& code, const std::string& message);
  // Groups writes; Commit() makes them durable. Writes still pending when the Store is
  // destroyed are rolled back, as with any database connection.
  Status Begin();
  Status Commit();
  // Discards the writes since Begin().
  Status Rollback();

  // The rows of one read-only SQL statement (for summaries and searches, e.g. over the
  // events_fts full-text table), every value as text, NULL as "". `params` bind to ?1,
  // ?2, ... so user input never needs quoting. Statements that write are refused: the
  // store owns its schema.
  struct QueryResult {
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> rows;
  };
  StatusOr<QueryResult> Query(const std::string& sql,
                              const std::vector<std::string>& params = {});

  static int SchemaVersion();

 private:
  struct Impl;
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace attache
