// Dispatch anatomy: splits a news dispatch into its header (headline, provider and time
// stamp, update note, byline, dateline), its body and its closing credits, in French and
// English wire styles. Header and credits give document metadata; only the body is coded.
//
//   Rencontre à Istanbul information fournie par Reuters 27/02/2025 à 16:25   <- title, stamp
//   (Actualisé avec fin de la rencontre)                                       <- version note
//   By Jane Doe                                                                 <- byline
//   ISTANBUL, 27 février (Reuters) - Des émissaires ...                        <- dateline, body
//   ...
//   (Reportage Jane Doe à Istanbul, version française Paul Dupont)             <- credits
//
// Every range is a pair of BYTE offsets into the text given, end exclusive. Strings
// (provider, published, version note, credit names) are copies for the record.
//
// Choices:
// - published is ISO 8601 "2025-02-27T16:25"; a zone given in the stamp becomes an offset
//   ("16:25 GMT" -> "2025-02-27T16:25+00:00", "4:25 PM EST" -> "...T16:25-05:00"); a stamp
//   with a date only gives "2025-02-27". With no stamp, a dateline date that names its year
//   ("PARIS, 27 fév 2025 (AFP) -") fills published.
// - The dateline date takes its year from the stamp, else from `published_hint`, by the
//   time stage's rule (time.h); with neither it is "--02-27" (ISO 8601 month-day).
// - A byline ("By Jane Doe", "Par Jane Doe") credits a reporter.
// - Credits that are not persons ("bureau de Reuters à Moscou", "Reuters TV", "Gdansk
//   newsroom") are skipped; "(Avec AFP)" names a source, so it sets provider if none.
// - The words that mark these parts (providers, "Actualisé", "Reporting by", "version
//   française") are wire conventions shared by both languages and live in dispatch.cpp;
//   month names come from ICU through the time stage.
//
// The parser never fails: text it does not recognise is body. It is linear in the text and
// looks at the head and the tail only, so a single enormous line costs one pass.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace attache::ingest {

enum class PartKind : uint8_t {
  kTitle,        // the headline line (with its slug, e.g. "UPDATE 2-")
  kStamp,        // provider and time stamp: "information fournie par Reuters 27/02/2025 à 16:25"
  kVersionNote,  // "(Actualisé avec ...)", parentheses included
  kByline,       // "By Jane Doe"
  kDateline,     // "ISTANBUL, 27 février (Reuters) -", the dash included
  kCredits,      // "(Reportage ...)", "Reporting by ...; Editing by ..."
  kBoilerplate,  // "Our Standards: ...", copyright lines
};

struct ExcludedRange {
  size_t begin = 0;
  size_t end = 0;
  PartKind kind = PartKind::kTitle;
};

struct DispatchCredit {
  std::string name;   // as written: "Jonathan Doe"
  std::string role;   // reporter | editor | translator | writer
  std::string place;  // "Istanbul", or "" when the credit names none
  size_t name_begin = 0, name_end = 0;
  size_t place_begin = 0, place_end = 0;  // equal when there is no place
};

struct DispatchParts {
  // The language whose conventions were applied ("fr", "en"), or "" when no usable hint was
  // given and both were tried: a caller that detects the language later may parse again.
  std::string lang_hint_used;

  bool has_title = false;
  size_t title_begin = 0, title_end = 0;

  std::string provider;  // canonical: "Reuters", "AFP", "AP", "Bloomberg", "dpa", ...
  size_t provider_begin = 0, provider_end = 0;  // its first naming, when it has one

  std::string published;  // ISO 8601, "" when the dispatch has no stamp
  size_t published_begin = 0, published_end = 0;

  bool has_dateline = false;
  size_t dateline_begin = 0, dateline_end = 0;  // the whole prefix, dash included
  std::string dateline_place;                   // "ISTANBUL", "KYIV"
  size_t dateline_place_begin = 0, dateline_place_end = 0;
  std::string dateline_region;  // "Ukraine" in "KYIV, Ukraine (AP) —", else ""
  std::string dateline_date;    // "2025-02-27", "--02-27" (year unknown), or ""
  size_t dateline_date_begin = 0, dateline_date_end = 0;

  std::string version_note;  // without its parentheses
  size_t version_note_begin = 0, version_note_end = 0;

  std::vector<DispatchCredit> credits;

  // The text to code: no header, note, byline, dateline prefix or credits in it.
  size_t body_begin = 0, body_end = 0;
  // Every range left out of coding, sorted and disjoint. Ranges inside the body range
  // (none today) would have to be skipped by the caller too.
  std::vector<ExcludedRange> excluded;
};

// `lang_hint` is "fr", "en" or "" (unknown: both conventions are tried). `published_hint`
// is an ISO date or datetime from outside the text (JSON input), used to give a year to
// the dateline date when the dispatch has no stamp.
DispatchParts ParseDispatch(std::string_view text, std::string_view lang_hint,
                            std::string_view published_hint = {});

}  // namespace attache::ingest
