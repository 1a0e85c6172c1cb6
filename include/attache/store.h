// The embedded database: documents, events, quotes, mentions, times and errors in SQLite,
// under a versioned schema. One Store is written by one thread.
#pragma once

#include <memory>
#include <string>

#include "attache/document.h"
#include "attache/status.h"

namespace attache {

class Store {
 public:
  // Creates or opens the database and migrates its schema to the current version.
  static StatusOr<std::unique_ptr<Store>> Open(const std::string& path);
  ~Store();

  // Replaces any earlier record of the same document id.
  Status Put(const Document& doc);
  // Records an input that produced an error record.
  Status PutError(const std::string& id, const std::string& source_uri,
                  const std::string& code, const std::string& message);
  // Groups writes; Commit() makes them durable.
  Status Begin();
  Status Commit();

  static int SchemaVersion();

 private:
  struct Impl;
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace attache
