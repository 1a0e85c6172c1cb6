// User dictionaries loaded at run time (--dict): TABARI and PETRARCH verb, actor, agent and
// discard files, and attache's own readable format, plus a sparse TABARI-style pattern coder
// over the analysed sentence. Loading never fails on odd lines: users keep these files for
// years, so anything not understood becomes a warning with its file and line.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "attache/status.h"
#include "pipeline/analysis.h"

namespace attache {
class Lexicon;
}

namespace attache::dict {

enum class FileKind : uint8_t { kAuto, kVerbs, kActors, kAgents, kDiscards, kAttache };

// First word -> entries, looked up by std::string_view (no copy of the text's word).
struct WordHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using FirstWordIndex = std::unordered_map<std::string, std::vector<uint32_t>, WordHash, std::equal_to<>>;

// The dictionary coder's English function words (data/lang/en/dictcoder.txt), by class: a
// word's classes are bits, looked up once per word of a sentence.
namespace word_class {
enum : uint32_t {
  kPreposition = 1u << 0,        // preposition
  kGenitive = 1u << 1,           // genitive
  kArticle = 1u << 2,            // article
  kDefinite = 1u << 3,           // article.definite
  kIndefinite = 1u << 4,         // article.indefinite
  kNounDeterminer = 1u << 5,     // noun.determiner
  kActorGapBreak = 1u << 6,      // actor.gap.break
  kAgentGap = 1u << 7,           // agent.gap
  kAgentElite = 1u << 8,         // agent.elite
  kAnd = 1u << 9,                // conjunction.and
  kAgentOf = 1u << 10,           // agent.of
  kPair = 1u << 11,              // conjunction.pair
  kCompoundLink = 1u << 12,      // compound.link
  kListSeparator = 1u << 13,     // list.separator
  kClauseConjunction = 1u << 14, // clause.conjunction
  kConjunction = 1u << 15,       // conjunction
  kSubordinator = 1u << 16,      // subordinator
  kModifierStop = 1u << 17,      // modifier.stop
  kModifierCommaStop = 1u << 18, // modifier.comma.stop
  kSubjectAuxiliary = 1u << 19,  // subject.auxiliary
  kModal = 1u << 20,             // modal
  kPassiveBe = 1u << 21,         // passive.be
  kPassiveAgent = 1u << 22,      // passive.agent
  kPrepositionSubject = 1u << 23,// preposition.subject
  kPrepositionHead = 1u << 24,   // preposition.head
  kPronounForward = 1u << 25,    // pronoun.forward
  kPronounDeref = 1u << 26,      // pronoun.deref
  kPronounClauseSubject = 1u << 27,  // pronoun.clause.subject
  kPronounSubject = 1u << 28,    // pronoun.subject
};
}  // namespace word_class

struct CoderWords {
  std::unordered_map<std::string, uint32_t, WordHash, std::equal_to<>> classes;  // word -> bits
  uint32_t Of(std::string_view word) const {
    auto it = classes.find(word);
    return it == classes.end() ? 0 : it->second;
  }
};

struct LoadWarning {
  std::string file;
  int line = 0;
  std::string message;
};

// A word of a dictionary phrase, folded. TABARI matches a word as a stem (prefix) unless it
// ends in '_'; PETRARCH matches whole words.
struct DictWord {
  std::string text;
  bool exact = true;
  // Actor phrases: words written apart ("ITHILEN TELEVISION", "AL GORE") may have words
  // between them in the text ("Ithilen state-run television"); '_' joins. In TABARI files
  // any number (not across punctuation); in PETRARCH files (`narrow`) only modifiers inside
  // the noun phrase: no function words, at most two.
  bool open = false;
  bool narrow = false;
  // TABARI actor words ending in '_' ("LIBYA_") match the word and its plural ("Libyas",
  // "Ithilen government radios"); the possessive "'s" is a word of its own.
  bool noun_endings = false;
};

// A CAMEO code as written in a dictionary: "064", "032:033" (paired: the second code is the
// reciprocal event, target to source), "---" (no event), "###" (discard), "+++" (complex).
struct EventCode {
  std::string code, paired;
  // TABARI "031!": a dominant code. When it codes, its events are the sentence's only ones.
  bool dominant = false;
  bool null() const { return code.empty() || code == "---"; }
  bool discard() const { return code == "###"; }
  bool complex() const { return code == "+++"; }
};

enum class Slot : uint8_t { kWord, kSynset, kVerb, kSource, kTarget, kCompound, kSkip, kAlternatives };

struct PatternElem {
  Slot slot = Slot::kWord;
  DictWord word;
  bool joined = false;   // '_' between this element and the next: no gap allowed
  int synset = -1;
  std::vector<std::vector<PatternElem>> alternatives;  // { A | B C }
};

struct Pattern {
  std::vector<PatternElem> before;  // words before the verb, in reading order
  std::vector<PatternElem> after;   // words after the verb
  bool verb_joined_before = false, verb_joined_after = false;
  EventCode code;
  int literal = 0;                  // words the pattern names: more is more specific
  int letters = 0;                  // their letters (synsets none): breaks ties (TABARI)
  uint32_t file = 0, line = 0;
};

struct VerbBlock {
  std::string name;
  EventCode code;
  std::vector<Pattern> patterns;
  uint32_t file = 0, line = 0;
};

// One inflected form of a verb (possibly several contiguous words, "cordoned off").
struct VerbForm {
  std::vector<DictWord> words;
  uint32_t block = 0;
  EventCode own;  // a code on the verb line itself overrides the block's
  uint32_t file = 0, line = 0;
};

struct DatedCode {
  std::vector<std::string> codes;  // "FRO/BIL/SAM" gives three
  int32_t from = INT32_MIN, to = INT32_MAX;  // YYYYMMDD, inclusive
  bool dated = false;
};

struct ActorEntry {
  std::vector<DictWord> words;
  std::vector<DatedCode> codes;
  uint32_t file = 0, line = 0;
};

struct AgentEntry {
  std::vector<DictWord> words;
  std::string code;     // without the '~'
  bool prefix = false;  // [NGO~]: the agent code goes before the actor's
  uint32_t file = 0, line = 0;
};

struct DiscardEntry {
  std::vector<DictWord> words;
  bool story = false;
  uint32_t file = 0, line = 0;
};

// TABARI <TIME> phrase: "TOMORROW [+1]" shifts the event date by days, "[###]" discards the
// sentence, "[+++]" leaves it uncoded (complex), "[- - -]" no shift; patterns after it
// ("- * AND A WEEK [+8]") refine the code.
struct TimeEntry {
  std::vector<DictWord> words;
  EventCode code;
  std::vector<Pattern> patterns;
  uint32_t file = 0, line = 0;
};

struct Synset {
  std::string name;
  std::vector<std::vector<PatternElem>> members;
};

// TABARI run-time options that change coding (OPTION records of Validate.text).
struct CodingOptions {
  bool require_dyad = true;
  std::string default_source, default_target;  // DEFAULT: SOURCE [X] TARGET [Y]
  int minimum_words = 0;
  enum CodeBy : uint8_t { kClause, kSentence, kAll };
  CodeBy code_by = kClause;     // SET: CODE BY CLAUSE / CODE BY SENTENCE / CODE ALL
  bool convert_agent = false;   // SET: CONVERT AGENT: an agent alone is "~REB", not "---REB"
  bool source_prior = false;    // DEFAULT: SOURCE [X] PRIOR: X when no actor before the verb
  bool target_after = false;    // DEFAULT: TARGET [Y] AFTER: Y when no actor after the verb
  // FORWARD (TABARI): a pronoun with no actor before it in its sentence stands for the first
  // actor of the story's previous sentence (its actor code, without agents). Needs
  // SentenceContext::forward, kept by the caller across the sentences of one story.
  bool forward = false;
  // SET: TIME SHIFT (TABARI; on by default): <TIME> phrases shift, discard or block coding.
  bool time_shift = true;
  // COMPLEX: VERBS[n] CONJ[m] (TABARI): a sentence with n verbs or m conjunctions (outside
  // actor lists) or more, after comma clauses are deleted, is complex and not coded; 0 off.
  int complex_verbs = 0, complex_conjunctions = 0;
  // COMPLEX: ... NOACTPRIOR (TABARI): a verb with no actor before it (and no DEFAULT source)
  // makes the sentence complex; without it the first actor after the verb is the source.
  bool complex_no_actor_prior = false;
  // new_actor_length (PETRARCH; 0, off, by default): when a verb's source or target has no
  // actor, a noun phrase of at most this many words with no actor in it stands for one, as a
  // quoted code of its words ("\"THE MINISTRY OF MAGIC\""); a part of a compound subject with
  // no actor ("Eriador's death and injury toll") is added to the subject's actors. Used with
  // PETRARCH dictionaries only.
  int new_actor_length = 0;
  // COMMA (TABARI) / comma_* (PETRARCH): comma-delimited clauses of these lengths in words are
  // deleted before coding (asides, "..., a senior official said on Saturday."): internal
  // ones between two commas, the terminal one after the last comma, the initial one before
  // the first. A max of 0 turns that kind off; all off by default.
  struct CommaClauses {
    int min = 2, max = 0;    // internal
    int emin = 2, emax = 0;  // terminal
    int bmin = 2, bmax = 0;  // initial
  } comma;
};

// One line of a dictionary file, numbered from 1 (the loader's own use).
struct DictLine {
  int number;
  std::string_view text;
};

class UserDictionaries {
 public:
  // Loads one file; the kind is guessed from its name and content when kAuto. Returns an
  // error only when the file cannot be read; odd lines become warnings().
  Status Load(const std::string& path, FileKind kind = FileKind::kAuto);
  // Loads text already in memory (tests, fuzzing); `name` is used in rule ids.
  void LoadText(std::string_view name, std::string_view text, FileKind kind);

  // The coder's English function words, `class = word, ...` lines (data/lang/en/dictcoder.txt,
  // which Coder::Open takes from the lexicon's packs). An error names the line of a class the
  // coder does not know, or a class the file lacks; nothing is changed then. Without them
  // the coder knows no function word: load them before coding.
  Status LoadWords(std::string_view name, std::string_view text);

  // Sets a coding switch by its PETRARCH configuration name (PETR_config.ini):
  // new_actor_length, require_dyad, comma_min/max/emin/emax/bmin/bmax. False when the name
  // or the value is not understood (nothing is changed then).
  bool SetOption(std::string_view key, std::string_view value);

  const std::vector<LoadWarning>& warnings() const { return warnings_; }
  bool empty() const { return actors_.empty() && verbs_.empty(); }
  size_t actor_count() const { return actors_.size(); }
  size_t agent_count() const { return agents_.size(); }
  size_t verb_form_count() const { return verbs_.size(); }
  size_t pattern_count() const;
  const std::string& file_name(uint32_t f) const { return files_[f]; }

  CodingOptions options;

  // Internals the coder reads.
  std::vector<std::string> files_;
  std::vector<ActorEntry> actors_;
  std::vector<AgentEntry> agents_;
  std::vector<DiscardEntry> discards_;
  std::vector<VerbBlock> blocks_;
  std::vector<VerbForm> verbs_;
  std::vector<Synset> synsets_;
  std::vector<TimeEntry> times_;
  std::vector<std::vector<DictWord>> nouns_, adjectives_;  // TABARI <NOUN>, <ADJECTIVE>
  std::unordered_map<std::string, int> synset_index_;
  // First word -> entries. Stems (inexact first words) are looked up by every prefix.
  FirstWordIndex actor_first_, agent_first_,
      verb_first_, discard_first_;
  // The longest stem among the actor, agent and verb entries' first words (0: no stems):
  // prefixes of a text word longer than it cannot match one.
  size_t stem_max_ = 0;
  // First word -> <NOUN>, <ADJECTIVE> and <TIME> entries (looked up by every candidate
  // first word of a text word, stems included: see the coder's ForFirstWord), and the
  // length of the longest stem (inexact first word) of each, 0 when it has none.
  FirstWordIndex noun_first_, adjective_first_, time_first_;
  size_t noun_stem_max_ = 0, adjective_stem_max_ = 0, time_stem_max_ = 0;
  // A TABARI verbs file was loaded: code after TABARI (first actor of the clause as source,
  // commas do not end clauses); else after PETRARCH.
  bool tabari_ = false;
  CoderWords words_;  // LoadWords

 private:
  void LoadVerbs(uint32_t file, const std::vector<DictLine>& lines);
  void LoadActors(uint32_t file, const std::vector<DictLine>& lines);
  void LoadAgents(uint32_t file, const std::vector<DictLine>& lines);
  void LoadDiscards(uint32_t file, const std::vector<DictLine>& lines);
  void LoadAttache(uint32_t file, const std::vector<DictLine>& lines);
  void Warn(uint32_t file, int line, std::string message);
  uint32_t AddFile(std::string_view name);
  void AddVerbForms(uint32_t file, int line, uint32_t block, std::string_view spec, bool tabari);
  bool ParsePattern(uint32_t file, int line, std::string_view body, bool tabari, Pattern& out);
  std::vector<PatternElem> ParseElems(uint32_t file, int line, std::string_view text, bool tabari);
  int SynsetId(std::string_view name);
  // Append an entry (nothing when `words` is empty) and index it by its first word.
  void AddActor(uint32_t file, int line, std::vector<DictWord> words, std::vector<DatedCode> codes);
  void AddAgent(uint32_t file, int line, std::vector<DictWord> words, std::string code, bool prefix);
  void AddDiscard(uint32_t file, int line, std::vector<DictWord> words, bool story);
  template <class Entry>
  void Index(const std::vector<Entry>& entries,
             FirstWordIndex& first);

  std::vector<LoadWarning> warnings_;
};

// One event found by the dictionaries in one sentence.
struct DictEvent {
  std::string source, target, cameo;
  std::string rule;             // dict:<file>:<line>
  int trig_b = 0, trig_e = 0;   // token range of the verb
  int src_b = -1, src_e = -1, tgt_b = -1, tgt_e = -1;  // token ranges of the actors
  int date_shift = 0;           // days, from a TABARI <TIME> phrase ("tomorrow": +1)
};

struct SentenceContext {
  int32_t date = 0;  // YYYYMMDD of the dispatch, 0 when unknown (undated codes then)
  const Lexicon* lexicon = nullptr;  // optional: verb lemmas from the readings
  std::string* why = nullptr;        // optional: a short trace of the decision
  // optional, in/out, for CodingOptions::forward: the actor carried to the next sentence of
  // the story. Clear it when a new story starts.
  std::string* forward = nullptr;
  // optional: the tokenizer's folded keys that the sentence's tokens point into
  // (text::Token::key); without them the coder folds the words itself.
  const std::string* keys = nullptr;
};

// Codes one analysed sentence with the user dictionaries; appends to `out`. `text` is the
// document text the token offsets point into. Returns false when a discard matched.
bool CodeSentence(const UserDictionaries& dicts, const pipeline::Sentence& sentence,
                  std::string_view text, const SentenceContext& context,
                  std::vector<DictEvent>& out);

// Codes a bare sentence (tokenised here, no lexicon): for tests and tools.
bool CodeText(const UserDictionaries& dicts, std::string_view sentence,
              const SentenceContext& context, std::vector<DictEvent>& out);

// "950601" or "19950601" -> 19950601; 0 when not a date. Two-digit years below 30 are 20xx.
int32_t ParseDictDate(std::string_view s);

}  // namespace attache::dict
