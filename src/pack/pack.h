// A language pack at run time: the grammar word classes and the event frames of one
// language, parsed once from the pack text stored in the lexicon and then immutable.
#pragma once

#include <map>
#include <unordered_map>
#include <unordered_set>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "attache/status.h"
#include "lexicon/lexicon.h"
#include "text/segment.h"
#include "text/tokenize.h"

namespace attache::pack {

// Where a frame takes an actor from.
enum class Slot {
  kSubject,    // the clause subject (the passive agent when the verb is passive)
  kObject,     // the first bare noun phrase after the verb group
  kWith,       // "avec X", "with X"
  kBetween,    // "entre X et Y": both participants
  kAgainst,    // "contre X", "against X"
  kAgent,      // "par X", "by X"
  kGenitive,   // "de X" / "of X" right after a nominal trigger
  kPossessor,  // "X's visit", "sa visite"
  kPlace,      // the country of the event's location ("s'est rendu à Ankara")
  kPrep,       // a named preposition: prep:vers
  kComplement, // the first actor of the complement clause ("a estimé que X ...")
  kBilateral,  // "bilatéral": the partner of the source in the dispatch's main dyad
  kOwner,      // whose is the object: "les frappes israéliennes", "India's action",
               // "les tactiques de Pékin" (criticism is aimed at the act's author)
  kAct,        // an act named by a definite object ("a rejeté ces critiques", "condemned
               // the raid"): its author, from the acts the dispatch told before
  kDomestic,   // the country where it happened (the place's, else the source's): protests
               // and repression are aimed at a state's own authorities or people
  kStory,      // the story's country (the dateline's) when it is not the source's own:
               // an organisation "urged all parties to exercise restraint"
  kAdversary,  // the author of the last act told against the source: "Moscow would
               // respond" answers whoever acted against Moscow
};

struct SlotSpec {
  Slot slot;
  std::string prep;  // for kPrep: the folded preposition
};

struct VerbTrigger {
  std::string lemma;          // folded
  bool reflexive_only = false;
  std::string particle;       // English phrasal particle ("off", "out"), folded, or ""
};

struct Frame {
  std::string id;  // "fr.consult.meet"
  std::string file;
  int line = 0;    // of the [id] line in `file`
  std::vector<VerbTrigger> verbs;
  std::vector<std::vector<std::string>> nouns;  // folded lemma sequences
  std::vector<SlotSpec> source, target;
  bool mutual = false;
  bool target_required = false;
  bool target_foreign = false;  // a target of the source's own country is passed over
  bool future_only = false;     // tense = future: the verb in the future or conditional
  bool names_act = false;       // names-act = yes: the act it names ("a qualifié les
                                // manœuvres de provocation") is its content, no new event
  bool at_source = false;       // location = source: with no place named, the act took
                                // place in the source's country (a summons, an expulsion)
  bool source_required = true;
  std::string plover;   // "" for CAMEO-only codes (01x, 02x)
  std::string mode;     // fixed mode, or "by-place"
  std::string cameo;
  std::vector<std::string> context;
  std::vector<std::string> cues;      // folded lemmas one of which must occur in the clause
  bool cue_in_sentence = false;       // cue-scope = sentence: the complement counts too
  std::vector<std::string> excludes;  // folded lemmas that veto the frame in the clause
  std::vector<std::string> object_heads;  // folded lemmas the object head must be one of
  double confidence = 0.8;
};

class LanguagePack {
 public:
  std::string lang;
  // Word classes, folded: "determiner" -> {"le", "la", ...}. Multi-word entries are kept
  // with single spaces between folded tokens.
  bool Is(std::string_view cls, std::string_view folded) const;
  const std::set<std::string, std::less<>>& Class(std::string_view cls) const;
  std::vector<Frame> frames;
  // Index: folded verb lemma -> frame indices; first folded noun lemma -> frame indices.
  std::multimap<std::string, size_t, std::less<>> by_verb, by_noun;
  std::string time_text;      // the pack's time words file, for the time stage
  std::string selftest_text;  // the pack's self-test sentences, run when the coder opens

  // How text in this language is tokenised: French elisions and inversions or English
  // clitics, and the grammar's abbreviations (classes `abbreviation` and
  // `abbreviation.title`: the words that keep their dot). The runtime reads text with these
  // options and the lexicon compiler keys phrases with them, so the two always agree. The
  // options point into this pack.
  text::TokenizerOptions Tokenizer() const;
  // How text in this language is cut into sentences: no break after the grammar's
  // `abbreviation.title` words (titles before a name: "Gen. Smith", "Mme. Durand").
  const text::SentenceSplitter& Splitter() const { return splitter_; }
  // Folds a pack word the way the runtime folds the same words in running text: a single
  // word as is ("l'", "qu'" keep their apostrophe, as the tokenizer's elided tokens do), a
  // phrase through Tokenizer() (text::PhraseKey).
  std::string FoldWord(std::string_view word) const;

  // Load the grammar before the frames: frame words are folded with its abbreviations.
  Status AddGrammar(std::string_view path, std::string_view text);
  Status AddFrames(std::string_view path, std::string_view text);
  void Index();

 private:
  // Hashes std::string and std::string_view alike, so lookups take views without a copy.
  struct ViewHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
  };
  using WordSet = std::unordered_set<std::string, ViewHash, std::equal_to<>>;
  std::map<std::string, std::set<std::string, std::less<>>, std::less<>> classes_;
  // The same classes hashed, for Is(), which the engine calls several times per token.
  std::unordered_map<std::string, WordSet, ViewHash, std::equal_to<>> class_index_;
  text::AbbreviationSet abbreviations_;  // folded, without the dot
  std::vector<std::string> title_abbreviations_;  // as written: the splitter needs accents
  text::SentenceSplitter splitter_;
};

// Builds the pack of language `lang` ("fr", "en") from the rule files under "lang/<lang>/"
// (paths as stored in the lexicon, relative to data/): grammar.txt first, then frames/*.txt,
// time.txt and selftest.txt, then the index. The coder loads its packs this way and the
// lexicon compiler does the same, so a malformed frame or grammar line fails the build with
// the same "path:line: what" message the coder would give.
Status LoadPack(std::string_view lang, std::span<const Lexicon::PackFile> files,
                LanguagePack& pack);

}  // namespace attache::pack
