// The coder: an immutable, thread-safe object built once from a compiled lexicon.
// code() may be called concurrently from many threads; each call uses its own workspace.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "attache/document.h"
#include "attache/status.h"

namespace attache {

class Lexicon;

struct CoderOptions {
  std::string forced_lang;          // "", "fr", "en": "" means detect
  std::string default_published;   // ISO date used when a document gives none
  size_t max_document_bytes = 8u << 20;   // larger inputs are cut with a diagnostic
  size_t max_sentence_bytes = 4096;       // longer sentences are split with a diagnostic
  std::vector<std::string> user_dictionaries;  // --dict files (issue 3)
};

class Coder {
 public:
  // Loads (mmaps) the lexicon at `lexicon_path` and checks its self-tests.
  static StatusOr<std::unique_ptr<Coder>> Open(const std::string& lexicon_path,
                                               const CoderOptions& options);
  ~Coder();
  Coder(const Coder&) = delete;
  Coder& operator=(const Coder&) = delete;

  // Never throws; problems in the data become diagnostics in the record.
  Document Code(const DocumentInput& input) const;

  const Lexicon& lexicon() const;
  // Problems met while loading (odd lines in user dictionaries), for the caller to show.
  const std::vector<std::string>& warnings() const;

 private:
  struct Impl;
  explicit Coder(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Where the lexicon is looked for when no path is given: $ATTACHE_LEXICON, then
// attache.lex beside the executable, then ../share/attache/attache.lex.
std::string DefaultLexiconPath(const char* argv0);

}  // namespace attache
