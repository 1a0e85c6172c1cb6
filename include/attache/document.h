// The document record: what attache says about one dispatch. Mirrors the contract in
// spec/output.md field for field; the JSON writer and the SQLite store read these types.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace attache {

// Offsets everywhere in this header are Unicode code points into the document text as
// read (after decoding, before normalisation), end exclusive.
struct Span {
  std::string text;
  int64_t start = 0;
  int64_t end = 0;
};

struct Actor {
  Span span;                  // the words in the sentence
  std::optional<std::string> name;     // canonical name when resolved
  std::optional<std::string> country;  // ISO 3166-1 alpha-3
  std::optional<std::string> sector;   // GOV MIL ...
  std::string code;           // CAMEO-style actor code
};

struct Place {
  Span span;
  std::string name;
  std::string country;  // ISO3
  std::optional<double> lat, lon;
  std::optional<int64_t> geonameid;
  std::string feature;  // country | admin1 | city | other
  // "text": named in the event's clause (span set); "parties": not named, taken at country
  // level from the parties (the target's country for material acts, else the source's);
  // "dateline": a meeting placed in the dateline's city, the country of one of its parties,
  // or an act of an institution that sits there; "story": an act "on the sidelines of the
  // summit" placed where the dispatch named the gathering (span: that earlier mention).
  std::string basis = "text";
};

struct SentenceRef {
  int index = 0;
  Span span;
};

struct Event {
  std::string id;
  std::optional<std::string> plover;
  std::optional<std::string> plover_mode;
  std::vector<std::string> context;
  std::string cameo;
  int quad = 0;
  double goldstein = 0.0;
  std::optional<Actor> source;
  std::optional<Actor> target;
  bool symmetric = false;
  std::optional<std::string> date;
  std::optional<std::string> date_text;
  std::string date_precision = "published";  // day | month | year | published
  std::optional<Place> location;
  SentenceRef sentence;
  Span trigger;
  std::string modality = "asserted";  // asserted | negated | planned | hypothetical | reported
  std::string rule;
  double confidence = 0.0;
};

struct Quote {
  Span span;
  std::optional<Actor> speaker;
  std::optional<std::string> verb;
  std::optional<std::string> date;
  int sentence_index = 0;
};

struct Mention {
  Span span;
  std::string type;  // PER ORG LOC GPE NORP
  std::optional<std::string> name, country, sector;
};

struct TimeMention {
  Span span;
  std::string value;  // 2025-02-27, 2025-02, P6H
  std::string kind;   // DATE TIME DURATION SET
};

struct Credit {
  std::string name;
  std::string role;  // reporter | editor | translator | writer
  std::optional<std::string> place;
};

struct Diagnostic {
  std::string code;
  std::string message;
};

struct Document {
  std::string id;
  std::optional<std::string> source_uri;
  std::string lang;
  std::optional<std::string> title;
  std::optional<std::string> provider;
  std::optional<std::string> published;  // ISO 8601
  std::optional<std::string> version_note;
  std::vector<Credit> credits;
  std::vector<Event> events;
  std::vector<Quote> quotes;
  std::vector<Mention> mentions;
  std::vector<TimeMention> times;
  std::vector<Diagnostic> diagnostics;
  // Not part of the JSON contract: set when the input could not be coded at all; the
  // writer then emits an error record instead of a document record.
  bool failed = false;
};

// One input as handed to the coder.
struct DocumentInput {
  std::string id;
  std::optional<std::string> source_uri;
  std::string text;                        // raw bytes as read
  std::optional<std::string> title;        // from JSON Lines input
  std::optional<std::string> published;    // ISO date or datetime, overrides the dateline
  std::optional<std::string> lang;         // "fr" | "en" | nullopt for auto
};

}  // namespace attache
