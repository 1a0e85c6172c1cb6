// Sentence analysis: morphology lookup, word classes, gazetteer mentions, unknown names,
// noun-phrase chunks, actor resolution with a per-document discourse table (surnames,
// pronouns, anaphoric titles), places. Pure functions of the lexicon, the pack and the
// document context; the event and quote stages read what this leaves in the Sentence.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "lexicon/lexicon.h"
#include "pack/pack.h"
#include "pipeline/analysis.h"

namespace attache::pipeline {

// A discourse referent: someone or something the dispatch has named, for later surnames,
// pronouns and anaphoric titles.
struct Referent {
  ActorRef actor;
  int sentence = 0;
  bool subject = false;
};

struct DocContext {
  std::string_view text;       // normalised document text
  lex::Lang lang = lex::Lang::kFr;
  int32_t date_days = 0;       // publication date, days since epoch
  std::vector<Referent> referents;
  std::string last_state_country;   // country of the last government-like actor
  std::string dateline_country;     // country of the dateline's city, the story's home
  int current_sentence = 0;         // the sentence being analysed or coded
  std::vector<std::string> countries_seen;
  std::string dyad_a, dyad_b;  // the dispatch's main pair of countries
  // Authors of the acts coded so far, most recent last, for "ces critiques", "the raid".
  std::vector<ActorRef> act_authors;
  std::vector<std::string> act_types;  // the PLOVER type of each act in act_authors
  // Every act with both parties of different countries, most recent last (source,
  // target): the last stands for "les deux pays", "the two sides"; the others give the
  // adversary slot its author.
  std::vector<std::pair<ActorRef, ActorRef>> dyads;
  // The date the acts of the last sentence took from their own words, and the pairs of
  // countries they were between: a next sentence with no date that goes on with one of
  // these pairs takes it (event::ShareTimes). `dated_time` points into the previous
  // sentence's `times`: the coder keeps every sentence of the document alive (and the vector
  // of sentences is not resized) until its events are written.
  int dated_sentence = -1;
  const TimeHit* dated_time = nullptr;
  std::vector<std::pair<std::string, std::string>> dated_dyads;
  std::string scratch;         // reused key buffer
};

// Who held an office when: "<country or IGO code>|<role>" -> person entities with dates,
// so "le président français" on a given day names its holder.
using OfficeIndex = std::map<std::string, std::vector<uint32_t>, std::less<>>;

class Analyzer {
 public:
  Analyzer(const Lexicon& lexicon, const pack::LanguagePack& pack)
      : lx_(lexicon), pack_(pack) {}
  // Fills toks' readings and classes, mentions, phrases (with actors) and places.
  void Analyze(Sentence& s, DocContext& ctx) const;
  // Resolves a pronoun or anaphoric reference against the discourse table.
  bool ResolvePronoun(const Tok& tok, DocContext& ctx, ActorRef& out) const;
  std::string_view Key(const Tok& t, const std::string& keys) const;
  const pack::LanguagePack& pack() const { return pack_; }
  const Lexicon& lexicon() const { return lx_; }
  // Lemmas of a token (folded), or the token key when it has no reading.
  bool HasLemma(const Tok& t, std::string_view lemma, uint16_t pos_mask,
                const std::string& keys) const;
  void Remember(const ActorRef& a, int sentence, bool subject, DocContext& ctx) const;

  const std::string* keys = nullptr;  // set by the coder: the workspace key buffer
  const OfficeIndex* offices = nullptr;  // set by the coder; may stay null

 private:
  void Classify(Sentence& s, DocContext& ctx) const;
  void FindMentions(Sentence& s, DocContext& ctx) const;
  // The two words `prev t` begin a multi-word event noun of a frame ("air strikes",
  // "missile attack"): `t` continues the noun phrase even where it could be a verb.
  bool ContinuesEventNoun(const Tok& prev, const Tok& t) const;
  void Chunk(Sentence& s, DocContext& ctx) const;
  void ResolveActors(Sentence& s, DocContext& ctx) const;
  uint32_t ChooseEntity(std::span<const uint32_t> ids, const Sentence& s, int b, int e,
                        DocContext& ctx, bool capitalised, bool sentence_initial,
                        bool common_word) const;
  const Lexicon& lx_;
  const pack::LanguagePack& pack_;
};

std::string ActorCode(std::string_view country, std::string_view sector);

// The length in tokens of the longest phrase of the pack's class `cls` that starts at token
// `j` and spans at most `max_words` tokens (and no further than the sentence), 0 if none:
// "en provenance de" at "en" is 3. The keys are joined in a per-thread buffer.
int PackPhraseAt(const Sentence& s, int j, int max_words, std::string_view cls,
                 const Analyzer& an);

}  // namespace attache::pipeline
