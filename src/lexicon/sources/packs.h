// Language packs and world entity lists for lexc: every data/lang/<code>/**.txt and
// data/world/**.txt file goes into the lexicon verbatim (the runtime parses its own rule
// files), and files under an `entities/` folder are also read here as entity lists:
//
//   KIND | NAME; NAME; ... | key=value key="value with spaces" flag ...
//
// (format and examples in doc/LEXICON.md).
#pragma once

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "attache/status.h"
#include "lexicon/builder.h"
#include "lexicon/sources/forms.h"

namespace attache::lex::sources {

struct PackCounts {
  size_t files = 0;
  size_t entity_files = 0;
  std::map<std::string, size_t> entities_by_kind;  // "title" -> 120
  size_t aliases = 0;
  size_t inflected_aliases = 0;  // aliases made by inflecting titles and demonyms
};

// Parses one entity-list line. Exposed for tests and for error messages; `lang` is the
// pack's language (kAny for data/world). On success appends the entity (and its surname
// copy) to the builder. `alpha3_codes`, when not empty, validates country=.
struct EntityListContext {
  Lang lang = Lang::kAny;
  const InflectionIndex* inflections = nullptr;                          // may be null (--no-forms)
  const std::unordered_map<std::string, std::string>* alpha3 = nullptr;  // alpha-2 -> alpha-3
};
Status ParseEntityLine(std::string_view line, const EntityListContext& ctx, Builder& builder,
                       PackCounts* counts);

// Walks `data_dir` (sorted, so builds are reproducible). All errors are reported together,
// one "path:line: message" per line.
Status AddPacks(const std::string& data_dir, const EntityListContext& world_ctx, Builder& builder,
                PackCounts* counts);

// Days since 1970-01-01 of "YYYY", "YYYY-MM" or "YYYY-MM-DD"; an incomplete date means its
// first day, or its last day when `end` is set. False when malformed.
bool ParseDay(std::string_view text, bool end, int32_t* days);

}  // namespace attache::lex::sources
