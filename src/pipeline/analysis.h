// The per-document working state shared by the stages after tokenisation: tokens with
// their readings and word classes, gazetteer mentions, noun-phrase chunks with their
// resolved actors, places, times, clauses. One Workspace per thread, cleared per document.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/format.h"
#include "text/tokenize.h"

namespace attache::pipeline {

enum WordClass : uint32_t {
  kDet = 1u << 0,
  kPrep = 1u << 1,
  kLocative = 1u << 2,
  kPronMSg = 1u << 3,
  kPronFSg = 1u << 4,
  kPronMPl = 1u << 5,
  kPronFPl = 1u << 6,
  kPronImpers = 1u << 7,
  kRelative = 1u << 8,
  kSubord = 1u << 9,
  kCoord = 1u << 10,
  kNeg = 1u << 11,
  kNeg2 = 1u << 12,
  kReflexive = 1u << 13,
  kAgentPrep = 1u << 14,
  kBetweenPrep = 1u << 15,
  kWithPrep = 1u << 16,
  kAgainstPrep = 1u << 17,
  kAdvSkip = 1u << 18,
  kPossessive = 1u << 19,
  kAttribution = 1u << 20,
  kBilateral = 1u << 21,
  kQuoteVerb = 1u << 22,   // lemma class, set from readings
  kModalPlanned = 1u << 23,
  kModalHypo = 1u << 24,
  kAuxHave = 1u << 25,
  kAuxBe = 1u << 26,
  kEtreVerb = 1u << 27,
  kMemberNoun = 1u << 28,
};
constexpr uint32_t kPronoun = kPronMSg | kPronFSg | kPronMPl | kPronFPl;

struct Tok {
  text::Token t;
  uint16_t pos = 0;        // union of reading POS bits (after narrowing)
  uint32_t feats = 0;      // union of verb reading features
  uint32_t cls = 0;        // WordClass bits
  const lex::Reading* readings = nullptr;
  uint32_t nreadings = 0;
  int32_t mention = -1;    // index into Sentence::mentions
  int32_t phrase = -1;     // index into Sentence::phrases
  int32_t clause = 0;
  bool trigger_noun = false;  // a nominal event trigger: keeps its complements apart
  bool in_quote = false;
  bool in_time = false;    // inside one of Sentence::times (set once by Analyzer::Analyze)
};

// One resolved participant: a person, a group or an institution with its country.
struct ActorRef {
  int32_t b = 0, e = 0;           // token range of the words that name it
  std::string name;               // canonical name when known
  std::string country;            // ISO3 or ""
  std::string sector;             // GOV MIL ... or ""
  std::string code;               // CAMEO actor code
  bool person = false;            // a single human (named or by title)
  bool plural = false;
  bool feminine = false;
  bool anaphoric = false;         // took its country from the discourse
  bool pronoun = false;
  bool valid() const { return !code.empty(); }
};

struct MentionHit {
  int32_t b = 0, e = 0;  // token range
  uint32_t entity = 0;   // chosen entity id
  lex::EntityKind kind = lex::EntityKind::kOrg;
  bool candidate_person = false;  // unknown capitalised run
  std::vector<uint32_t> also;     // further countries of a compound ("russo-américaine")
};

struct Phrase {
  int32_t b = 0, e = 0;   // token range
  int32_t prep = -1;      // token index of the introducing preposition, or -1
  int32_t appos_of = -1;  // phrase this one is in apposition to
  bool is_time = false;
  std::vector<ActorRef> members;  // empty: not an actor
  // A person named or titled but with no country known ("l'avocate Dalila Msaddek"): no
  // actor for events, still a speaker for quotations.
  std::optional<ActorRef> person;
  int32_t head = -1;               // token index of the head noun
};

struct PlaceHit {
  int32_t b = 0, e = 0;
  uint32_t entity = 0;
  bool locative = false;  // introduced by a locative preposition
};

struct TimeHit {
  int32_t b = 0, e = 0;   // token range (approximate: tokens overlapping the bytes)
  uint32_t byte_b = 0, byte_e = 0;
  std::string value, value_future, kind, precision;
  bool partial = false;   // weekday or day-of-month: the future reading differs
};

struct Sentence {
  int index = 0;
  uint32_t b = 0, e = 0;  // bytes in the normalised text
  std::vector<Tok> toks;
  std::vector<MentionHit> mentions;
  std::vector<Phrase> phrases;
  std::vector<PlaceHit> places;
  std::vector<TimeHit> times;
  std::string lang;
  // Readings narrowed to a token's accented form ("affirme" is not "affirmé"); reserved
  // before use and never grown past it, so Tok::readings pointers stay valid.
  std::vector<lex::Reading> own_readings;
};

}  // namespace attache::pipeline
