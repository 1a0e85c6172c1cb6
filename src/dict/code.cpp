// The sparse pattern coder over user dictionaries, after TABARI: actors by longest phrase
// match, agents attached to the actor beside them, compound actors joined by "and" and
// commas, the verb by its forms, then the verb's patterns matched around it with gaps
// allowed (except across '_'), within the clause.
#include <algorithm>
#include <functional>

#include "dict/dictionaries.h"
#include "lexicon/lexicon.h"
#include "text/fold.h"
#include "text/tokenize.h"

namespace attache::dict {
namespace {

struct Word {
  std::string_view key;      // folded: the tokenizer's key, or the coder's own fold
  std::string_view surface;  // the word as written (new actors quote it)
  bool punct = false;
  bool capitalized = false;
  uint32_t cls = 0;  // its word_class bits (CoderWords), looked up once
};

struct Mention {
  int b = 0, e = 0;
  bool agent = false;
  std::vector<std::string> codes;  // actor codes (several for "FRO/BIL/SAM")
  std::string agent_code;
  bool agent_prefix = false;
  bool null = false;               // [---] / [+++]: a name that is not an actor
  bool discard = false;            // [###]
  uint32_t file = 0, line = 0;
};

struct Unit {  // an actor with its agents, or an agent alone
  int b = 0, e = 0;
  std::vector<std::string> codes;
  bool pronoun = false;  // a dereferenced pronoun (TABARI)
};

struct Group {  // units joined by "and" / commas
  int b = 0, e = 0;
  std::vector<int> units;
  bool closed = false;  // the last member came after a conjunction with no comma
};

bool WordMatches(const DictWord& d, std::string_view key) {
  if (d.exact)
    return key == d.text || (d.noun_endings && key.size() == d.text.size() + 1 && key.back() == 's' &&
                             key.compare(0, d.text.size(), d.text) == 0);
  return key.size() >= d.text.size() && key.compare(0, d.text.size(), d.text) == 0;
}

using namespace word_class;

// Candidate entries whose first word matches `key` (exactly, or as a stem no longer than
// `stem_max`, the dictionaries' longest; 0 when they have none).
template <typename Fn>
void ForCandidates(const FirstWordIndex& index, std::string_view key, size_t stem_max, Fn fn) {
  const bool stems = stem_max > 0;
  if (auto it = index.find(key); it != index.end())
    for (uint32_t i : it->second) fn(i);
  // A hyphenated word may start a phrase of several words ("Al-Gore" for AL_GORE).
  if (size_t h = key.find('-'); !stems && h != std::string_view::npos && h > 0 && h + 1 < key.size())
    if (auto it = index.find(key.substr(0, h)); it != index.end())
      for (uint32_t i : it->second) fn(i);
  if (!stems) {
    // Plurals of TABARI exact actor words ("Libyas").
    if (key.size() > 2 && key.back() == 's')
      if (auto it = index.find(key.substr(0, key.size() - 1)); it != index.end())
        for (uint32_t i : it->second) fn(i);
    return;
  }
  for (size_t n = 2; n < key.size() && n <= stem_max; ++n) {
    auto it = index.find(key.substr(0, n));
    if (it != index.end())
      for (uint32_t i : it->second) fn(i);
  }
}

// Every entry of `index` whose first word may match `key` (as PhraseAt matches a phrase's
// first word, these entries never taking a plural): the key or its part before an inner
// hyphen ("al-gore"), each exactly, or a stem the key starts with. Stems are no longer than
// `stem_max` (the index's longest, 0 when it has none), so only prefixes up to that length
// are looked up: a word costs one or two lookups in an index without stems. A superset:
// PhraseAt decides. An entry may be visited twice.
template <typename Fn>
void ForFirstWord(const FirstWordIndex& index, size_t stem_max, std::string_view key, Fn fn) {
  if (index.empty() || key.empty()) return;
  auto visit = [&](std::string_view k) {
    if (auto it = index.find(k); it != index.end())
      for (uint32_t i : it->second) fn(i);
  };
  visit(key);
  size_t h = key.find('-');
  if (h != std::string_view::npos && h > 0 && h + 1 < key.size()) visit(key.substr(0, h));
  else h = 0;
  // The part before a hyphen is a prefix of the key: its own prefixes are among these.
  for (size_t n = 1, top = std::min(stem_max, key.size() - 1); n <= top; ++n)
    if (n != h) visit(key.substr(0, n));
}

// The index of the last of phrase[i..] that the parts of a hyphenated word ("al-gore")
// match one by one, or i when the word has no inner hyphen or the parts do not match.
size_t HyphenParts(const std::vector<DictWord>& phrase, size_t i, std::string_view k) {
  if (k.find('-') == std::string_view::npos || k.front() == '-' || k.back() == '-') return i;
  size_t from = 0, j = i;
  while (true) {
    size_t h = k.find('-', from);
    std::string_view part = k.substr(from, h == std::string_view::npos ? std::string_view::npos : h - from);
    if (j >= phrase.size() || part.empty() || !WordMatches(phrase[j], part)) return i;
    if (h == std::string_view::npos) return j;
    if (phrase[j].open) return i;
    from = h + 1;
    ++j;
  }
}

// Length in words of `phrase` matched contiguously at `p`, or 0.
int PhraseAt(const std::vector<DictWord>& phrase, const std::vector<Word>& w, int p, int end) {
  int q = p;
  for (size_t i = 0; i < phrase.size(); ++i) {
    const DictWord& d = phrase[i];
    if (i > 0 && phrase[i - 1].open) {
      // Up to three words between (quotes and hyphens do not count), never across other
      // punctuation: "Al \"The Weasel\" Gore", "Ithilen state-run television". TABARI
      // actors may have more (WidePhraseAt).
      int words = 0;
      const bool narrow = phrase[i - 1].narrow;
      while (q < end && !WordMatches(d, w[q].key)) {
        bool mark = w[q].key == "\"" || w[q].key == "-" || w[q].key == "'" || w[q].key == "_";
        if (w[q].punct && !mark) return 0;
        if (!w[q].punct && ++words > (narrow ? 2 : 3)) return 0;
        if (narrow && (w[q].cls & (kPreposition | kActorGapBreak)))
          return 0;
        ++q;
      }
    }
    // "Dol_Amroth" in the text: an underscore joins words as it does in the dictionaries.
    if (i > 0 && q + 1 < end && w[q].key == "_") ++q;
    if (q >= end) return 0;
    // A hyphen in the text joins words as an underscore does: "Al-Gore" is AL_GORE.
    if (size_t j = HyphenParts(phrase, i, w[q].key); j > i) {
      i = j;
      ++q;
      continue;
    }
    if (!WordMatches(d, w[q].key)) return 0;
    ++q;
  }
  return q - p;
}

// TABARI actor words written apart may have any number of words between them, verbs and
// conjunctions included ("DURTHANG ORC": "an outpost of Durthang should be set up in areas
// not controlled by rebel Orc forces"), though not punctuation. The positions of the words
// matched go to `at`; false when the phrase does not match so at `p`.
bool WidePhraseAt(const std::vector<DictWord>& phrase, const std::vector<Word>& w, int p, int end,
                  std::vector<int>& at) {
  at.clear();
  int q = p;
  for (size_t i = 0; i < phrase.size(); ++i) {
    const DictWord& d = phrase[i];
    if (i > 0 && phrase[i - 1].open) {
      if (phrase[i - 1].narrow) return false;
      while (q < end && !WordMatches(d, w[q].key)) {
        bool mark = w[q].key == "\"" || w[q].key == "-" || w[q].key == "'" || w[q].key == "_";
        if (w[q].punct && !mark) return false;
        ++q;
      }
    }
    if (q >= end || !WordMatches(d, w[q].key)) return false;
    at.push_back(q++);
  }
  return true;
}

std::string WithAgent(const std::string& actor, const std::string& agent, bool prefix) {
  // A prefix already there is not repeated ("Human rights activists Amnesty International").
  if (prefix) return actor.compare(0, agent.size(), agent) == 0 ? actor : agent + actor;
  // Do not repeat a code the actor already carries ("USAGOV" + "GOV").
  std::string out = actor;
  for (size_t i = 0; i + 3 <= agent.size(); i += 3) {
    std::string part = agent.substr(i, 3);
    bool have = false;
    for (size_t j = 3; j + 3 <= out.size(); j += 3)
      if (out.compare(j, 3, part) == 0) have = true;
    if (!have) out += part;
  }
  if (agent.size() % 3) out += agent.substr(agent.size() - agent.size() % 3);
  return out;
}

const std::vector<std::string>* CodesFor(const ActorEntry& a, int32_t date) {
  const DatedCode* undated = nullptr;
  for (const auto& c : a.codes) {
    if (!c.dated) {
      if (!undated) undated = &c;
      continue;
    }
    if (date != 0 && date >= c.from && date <= c.to) return &c.codes;
  }
  if (undated) return &undated->codes;
  return a.codes.empty() ? nullptr : &a.codes.back().codes;
}

class SentenceCoder {
 public:
  SentenceCoder(const UserDictionaries& d, std::vector<Word> words, const SentenceContext& ctx)
      : d_(d), w_(std::move(words)), ctx_(ctx) {}

  bool Run(std::vector<DictEvent>& out);

 private:
  struct Binding {
    int source = -1, target = -1, compound = -1;  // group indexes
    std::vector<int> skipped;                     // groups passed over by TABARI '^'
  };
  struct Item {
    const PatternElem* e;
    bool join;  // no gap between this item and the next one
  };

  bool FindDiscards();
  bool DeleteCommaClauses();
  bool Analyse();  // mentions, verbs, units, groups; false when an actor discards the sentence
  void FindMentions();
  void BuildUnits();
  void BuildGroups();
  void FindClauses();
  int GroupStartingAt(int p) const;
  bool ModifierComma(int p) const;
  void SubjectPhrase(int cb, int p, int& b, int& e) const;
  void ObjectPhrase(int ve, int ce, int& b, int& e) const;
  void NewActors(int b, int e, std::vector<std::string>& out) const;
  int GroupEndingAt(int p) const;
  bool MatchSeq(const std::vector<Item>& seq, size_t k, int pos, bool adjacent, int dir, Binding& b, int lo, int hi);
  // Does `pat` match around its anchor: its words before ending at `before_end`, its words
  // after starting at `after_begin`, within words [lo, hi]? (Verb and time patterns alike.)
  bool MatchesAround(const Pattern& pat, int before_end, int after_begin, Binding& b, int lo, int hi) {
    if (!pat.before.empty() && !MatchSeq(Sequence(pat.before, -1, seq_before_), 0, before_end,
                                         pat.verb_joined_before, -1, b, lo, hi))
      return false;
    return MatchSeq(Sequence(pat.after, +1, seq_after_), 0, after_begin, pat.verb_joined_after, +1, b,
                    lo, hi);
  }
  // A pattern's elements as the items matched in direction `dir`, written into `out`, a
  // buffer the caller reuses: the patterns tried for every verb then cost no allocation once
  // the buffers have grown.
  const std::vector<Item>& Sequence(const std::vector<PatternElem>& v, int dir, std::vector<Item>& out) const;
  // Whether word q is of one of the word classes in `mask` (data/lang/en/dictcoder.txt).
  bool Is(int q, uint32_t mask) const { return (w_[q].cls & mask) != 0; }
  void Trace(std::string_view s) {
    if (ctx_.why) *ctx_.why += s;
  }

  const UserDictionaries& d_;
  std::vector<Word> w_;
  const SentenceContext& ctx_;
  std::vector<Mention> mentions_;
  std::vector<int> covered_;  // word -> mention or -1
  std::vector<int> wide_at_;  // scratch: the words of an actor written apart (TABARI)
  std::vector<Unit> units_;
  std::vector<Group> groups_;
  std::vector<std::pair<int, int>> clauses_;
  std::vector<char> verb_at_, noun_at_;
  // TABARI <NOUN>/<ADJECTIVE> phrases: where one starts and where one ends (its last word).
  std::vector<char> noun_end_, adj_at_, adj_end_;
  std::vector<char> adj_one_;  // an adjective phrase matches exactly the one word there
  // Verb forms found at each word: verb_forms_[verb_form_at_[p] .. verb_form_at_[p + 1]),
  // as (form, length in words).
  std::vector<std::pair<uint32_t, int>> verb_forms_;
  std::vector<uint32_t> verb_form_at_;
  std::vector<Item> seq_before_, seq_after_;  // pattern sequences being matched (reused)
  bool discard_ = false;
};

bool SentenceCoder::FindDiscards() {
  int n = static_cast<int>(w_.size());
  for (int p = 0; p < n; ++p) {
    bool hit = false;
    ForCandidates(d_.discard_first_, w_[p].key, false, [&](uint32_t i) {
      if (!hit && PhraseAt(d_.discards_[i].words, w_, p, n) > 0) {
        hit = true;
        Trace("discard " + d_.file_name(d_.discards_[i].file) + ":" + std::to_string(d_.discards_[i].line) + "; ");
      }
    });
    if (hit) return true;
  }
  return false;
}

void SentenceCoder::FindMentions() {
  int n = static_cast<int>(w_.size());
  covered_.assign(n, -1);
  for (int p = 0; p < n;) {
    if (w_[p].punct || covered_[p] >= 0) {  // covered: a later word of an actor written apart
      ++p;
      continue;
    }
    int best = 0;
    int best_actor = -1, best_agent = -1;
    ForCandidates(d_.actor_first_, w_[p].key, d_.stem_max_, [&](uint32_t i) {
      int len = PhraseAt(d_.actors_[i].words, w_, p, n);
      if (len > best) {
        best = len;
        best_actor = static_cast<int>(i);
      }
    });
    ForCandidates(d_.agent_first_, w_[p].key, d_.stem_max_, [&](uint32_t i) {
      int len = PhraseAt(d_.agents_[i].words, w_, p, n);
      if (len > best) {
        best = len;
        best_agent = static_cast<int>(i);
        best_actor = -1;
      }
    });
    // TABARI: an actor whose words lie further apart is named at its first words; the words
    // between stay free (a verb or a conjunction there keeps its role) and its later words
    // are no actor of their own.
    std::vector<int> tail;
    if (best > 0 && best_actor >= 0 && d_.tabari_ &&
        best > static_cast<int>(d_.actors_[best_actor].words.size()) &&
        WidePhraseAt(d_.actors_[best_actor].words, w_, p, n, wide_at_) && wide_at_.back() == p + best - 1) {
      tail = wide_at_;
      best = 1;
      while (best < static_cast<int>(tail.size()) && tail[best] == p + best) ++best;
      tail.erase(tail.begin(), tail.begin() + best);
    } else if (best == 0 && d_.tabari_) {
      size_t most = 0;
      ForCandidates(d_.actor_first_, w_[p].key, d_.stem_max_, [&](uint32_t i) {
        if (d_.actors_[i].words.size() > most && WidePhraseAt(d_.actors_[i].words, w_, p, n, wide_at_)) {
          most = d_.actors_[i].words.size();
          best_actor = static_cast<int>(i);
          tail = wide_at_;
        }
      });
      if (best_actor >= 0) {
        best = 1;
        while (best < static_cast<int>(tail.size()) && tail[best] == p + best) ++best;
        tail.erase(tail.begin(), tail.begin() + best);
      }
    }
    if (best == 0) {
      ++p;
      continue;
    }
    Mention m;
    m.b = p;
    m.e = p + best;
    if (best_actor >= 0) {
      const ActorEntry& a = d_.actors_[best_actor];
      const auto* codes = CodesFor(a, ctx_.date);
      if (codes) m.codes = *codes;
      for (const auto& c : m.codes) {
        if (c == "###") m.discard = true;
        if (c == "---" || c == "+++") m.null = true;
      }
      m.file = a.file;
      m.line = a.line;
    } else {
      const AgentEntry& g = d_.agents_[best_agent];
      m.agent = true;
      m.agent_code = g.code;
      m.agent_prefix = g.prefix;
      m.file = g.file;
      m.line = g.line;
    }
    for (int q = m.b; q < m.e; ++q) covered_[q] = static_cast<int>(mentions_.size());
    for (int q : tail) covered_[q] = static_cast<int>(mentions_.size());
    mentions_.push_back(std::move(m));
    p += best;
  }
}

void SentenceCoder::BuildUnits() {
  // Each actor mention is a unit; agents attach to the actor beside them.
  std::vector<int> unit_of(mentions_.size(), -1);
  for (size_t i = 0; i < mentions_.size(); ++i) {
    const Mention& m = mentions_[i];
    if (m.agent || m.null) continue;
    unit_of[i] = static_cast<int>(units_.size());
    units_.push_back({m.b, m.e, m.codes});
  }
  auto plain_gap = [&](int a, int b, int max_words) {
    int n = 0;
    for (int q = a; q < b; ++q) {
      if (covered_[q] >= 0) return false;
      if (w_[q].punct) return false;
      if (!Is(q, kAgentGap)) ++n;
    }
    return n <= max_words;
  };
  std::vector<char> done(mentions_.size(), 0);
  for (size_t i = 0; i < mentions_.size(); ++i) {
    const Mention& g = mentions_[i];
    if (!g.agent || done[i]) continue;
    // Agents joined by "and"/"or"/"," share their actors: "lawmakers and officials in
    // Fornost and Gondor", "Danish media and government" (each agent gives its own code).
    std::vector<size_t> chain{i};
    for (size_t k = i + 1; k < mentions_.size() && mentions_[k].agent; ++k) {
      int from = mentions_[chain.back()].e, to = mentions_[k].b;
      bool link = to > from;
      for (int q = from; q < to && link; ++q) link = w_[q].key == "," || Is(q, kPair);
      if (!link) break;
      chain.push_back(k);
    }
    const Mention& chain_last = mentions_[chain.back()];
    std::vector<int> targets;
    // (a) an actor just before: "Gondor's main opposition group", "Calenardhon government".
    bool across_and = false, bare_modifier = false;
    for (int j = static_cast<int>(i) - 1; j >= 0; --j) {
      const Mention& a = mentions_[j];
      if (a.agent) {
        if (a.e == g.b || plain_gap(a.e, g.b, 0)) continue;  // "world government activists"
        break;
      }
      if (unit_of[j] >= 0 && plain_gap(a.e, g.b, d_.tabari_ ? 0 : 3)) {
        targets.push_back(unit_of[j]);
        bare_modifier = a.e == g.b && (a.b == 0 || !Is(a.b - 1, kArticle));
        for (int q = a.e; q < g.b; ++q) across_and = across_and || Is(q, kAnd);
      }
      break;
    }
    // (b) "of/in/from + actor(s)": "ambassadors of Arnor, Osgiliath and Gondor". It wins over
    // an actor before that an "and" separates: "Ithilen and the government of Gondor".
    std::vector<int> after;
    if (chain_last.e < static_cast<int>(w_.size()) && Is(chain_last.e, kAgentOf)) {
      int q = chain_last.e + 1;
      if (q < static_cast<int>(w_.size()) && Is(q, kDefinite)) ++q;
      if (q < static_cast<int>(w_.size()) && covered_[q] >= 0 && unit_of[covered_[q]] >= 0) {
        int u = unit_of[covered_[q]];
        after.push_back(u);
        // the rest of a compound list; TABARI gives the agent to the first member only
        // ("The ambassadors of Arnor, Osgiliath and Gondor" -> ARNGOV, OSG, GON).
        int end = units_[u].e;
        for (size_t k = u + 1; k < units_.size() && !d_.tabari_; ++k) {
          bool joined = true;
          for (int r = end; r < units_[k].b; ++r)
            if (w_[r].key != "," && !Is(r, kCompoundLink)) joined = false;
          if (!joined) break;
          after.push_back(static_cast<int>(k));
          end = units_[k].e;
        }
      }
    }
    if (targets.empty() || (across_and && !after.empty())) targets = after;
    // Only a following "of/in + actor", or an actor adjective with no determiner before it,
    // is shared by a list of agents: PETRARCH codes "Danish media and government" as DNKMED
    // and DNKGOV (one flat noun phrase in its parse) but "The Danish media and government"
    // as DNKMED and ---GOV (the determiner's phrase ends at the first noun).
    bool shared = !after.empty() && targets == after;
    if (!d_.tabari_ && bare_modifier && !across_and && targets.size() == 1 && after.empty()) shared = true;
    if (!shared) chain.resize(1);
    const size_t last_i = chain.back();
    const Mention& last = mentions_[last_i];
    // (c) an actor just after: "MSF Arnor".
    if (targets.empty() && last_i + 1 < mentions_.size() && !mentions_[last_i + 1].agent &&
        unit_of[last_i + 1] >= 0 && plain_gap(last.e, mentions_[last_i + 1].b, 0))
      targets.push_back(unit_of[last_i + 1]);
    for (size_t k : chain) done[k] = 1;
    // "former" before the agent or its actor makes it an elite: "former Gondor prosecutors".
    std::vector<std::pair<std::string, bool>> agent_codes;
    for (size_t k : chain) agent_codes.push_back({mentions_[k].agent_code, mentions_[k].agent_prefix});
    auto former_at = [&](int q) { return q >= 0 && Is(q, kAgentElite); };
    if (former_at(g.b - 1) ||
        (targets.size() == 1 && units_[targets[0]].b < g.b && former_at(units_[targets[0]].b - 1))) {
      for (auto& ac : agent_codes) ac = {"ELI", false};
    }
    const std::string& agent_code = agent_codes[0].first;
    const bool agent_prefix = agent_codes[0].second;
    if (targets.empty()) {
      // An agent alone: "---REB" (PETRARCH), or "~REB" when the TABARI option CONVERT AGENT is
      // on; without it TABARI does not take an agent alone for an actor.
      if (d_.tabari_ && !d_.options.convert_agent) continue;
      std::string none = d_.options.convert_agent ? "~" : "---";
      Unit u{g.b, g.e, {agent_prefix ? agent_code + none : none + agent_code}};
      units_.push_back(std::move(u));
      continue;
    }
    // A name right after the agent is the agent's holder: "Bree President Romendacil".
    if (last_i + 1 < mentions_.size() && !mentions_[last_i + 1].agent && mentions_[last_i + 1].b == last.e &&
        unit_of[last_i + 1] >= 0 &&
        std::find(targets.begin(), targets.end(), unit_of[last_i + 1]) == targets.end()) {
      Unit& holder = units_[unit_of[last_i + 1]];
      holder.codes.clear();
      holder.b = holder.e = -1;
    }
    for (int t : targets) {
      std::vector<std::string> codes;
      for (const auto& c : units_[t].codes)
        for (const auto& [ac, pre] : agent_codes) {
          std::string x = WithAgent(c, ac, pre);
          if (std::find(codes.begin(), codes.end(), x) == codes.end()) codes.push_back(std::move(x));
        }
      units_[t].codes = std::move(codes);
      if (targets.size() == 1) {
        units_[t].b = std::min(units_[t].b, g.b);
        units_[t].e = std::max(units_[t].e, last.e);
      }
    }
  }
  std::erase_if(units_, [](const Unit& u) { return u.codes.empty(); });
  std::sort(units_.begin(), units_.end(), [](const Unit& a, const Unit& b) { return a.b < b.b; });
  // TABARI dereferences a subject or object pronoun, and "their", to the sentence's first
  // actor (with the actors compounded with it): "Elrond urged Bree ... and Gondor asked him"
  // -> ELF; "The ambassadors of Arnor, Osgiliath and Gondor presented their credentials"
  // makes the compound its own target, as TABARI does.
  // FORWARD: pronouns before the sentence's first actor stand for the actor carried over
  // from the story's previous sentence ("Fornost ... appealed. He has also asked Gondor").
  if (d_.tabari_ && d_.options.forward && ctx_.forward && !ctx_.forward->empty()) {
    int first = units_.empty() ? static_cast<int>(w_.size()) : units_[0].b;
    std::vector<Unit> added;
    for (int p = 0; p < first; ++p)
      if (covered_[p] < 0 && Is(p, kPronounForward))
        added.push_back({p, p + 1, {*ctx_.forward}, true});
    for (auto& u : added) units_.push_back(std::move(u));
    std::stable_sort(units_.begin(), units_.end(), [](const Unit& a, const Unit& b) { return a.b < b.b; });
  }
  if (d_.tabari_ && !units_.empty() && !units_[0].pronoun) {
    size_t first_end = 1;
    while (first_end < units_.size()) {
      bool joined = true;
      for (int q = units_[first_end - 1].e; q < units_[first_end].b; ++q)
        if (w_[q].key != "," && !Is(q, kCompoundLink)) joined = false;
      if (!joined) break;
      ++first_end;
    }
    std::vector<Unit> added;
    for (int p = units_[first_end - 1].e; p < static_cast<int>(w_.size()); ++p) {
      if (covered_[p] >= 0 || !Is(p, kPronounDeref)) continue;
      for (size_t k = 0; k < first_end; ++k) {
        Unit u = units_[k];
        u.b = p;
        u.e = p + 1;
        u.pronoun = true;
        added.push_back(std::move(u));
      }
    }
    for (auto& u : added) units_.push_back(std::move(u));
    std::stable_sort(units_.begin(), units_.end(), [](const Unit& a, const Unit& b) { return a.b < b.b; });
  }
}

void SentenceCoder::BuildGroups() {
  for (size_t i = 0; i < units_.size(); ++i) {
    bool join = false;
    if (!groups_.empty()) {
      int last = groups_.back().e;
      join = last <= units_[i].b;
      if (i > 0 && units_[i].b == units_[i - 1].b) {  // a pronoun standing for a compound
        groups_.back().units.push_back(static_cast<int>(i));
        continue;
      }
      bool seen_sep = false, only_adjectives = last < units_[i].b;
      int extra = 0, pre = 0;
      for (int q = last; q < units_[i].b; ++q) only_adjectives = only_adjectives && adj_at_[q] && covered_[q] < 0;
      for (int q = last; q < units_[i].b && join; ++q) {
        if (w_[q].key == "," || Is(q, kListSeparator)) seen_sep = true;
        else if (Is(q, kDefinite) || w_[q].key.empty()) continue;  // "" a deleted comma clause
        // A subordinating word opens a clause: "Elrond, ..., that Calimehtar attacked".
        else if (Is(q, kSubordinator))
          join = false;
        else if (seen_sep && !w_[q].punct && covered_[q] < 0 && !verb_at_[q] && ++extra <= 2) continue;
        // PETRARCH: noun phrases that each hold an actor, joined by "and", make a compound
        // ("Ithilen's sheep and goats of Gondor"; TABARI does not).
        else if (!seen_sep && !d_.tabari_ && !w_[q].punct && covered_[q] < 0 && !verb_at_[q] &&
                 !Is(q, kPreposition) && ++pre <= 2)
          continue;
        else join = false;
      }
      // PETRARCH: in a compound, an actor after a member with only modifiers between them
      // ("Calenardhon and the evil Arnor awful Gondor") is in that member's noun phrase,
      // which the member's actor names (outside a compound the words between may be a verb
      // the dictionaries do not know: "Mordor will be hosting Osgiliath").
      if (!d_.tabari_ && !seen_sep && last < units_[i].b && groups_.back().units.size() > 1) {
        bool modifiers = true;
        for (int q = last; q < units_[i].b && modifiers; ++q)
          modifiers = !w_[q].punct && covered_[q] < 0 && !verb_at_[q] && !Is(q, kPreposition | kModifierStop);
        if (modifiers) {
          groups_.back().e = units_[i].e;
          continue;
        }
      }
      // TABARI: within a compound, members may follow each other with only adjectives
      // between them ("Calenardhon and the evil Arnor awful Gondor"), or a possessive
      // ("toward Gondor and Arnor's Elrond": GON, ARN and ELF).
      bool in_compound = groups_.back().units.size() > 1;
      bool possessive = units_[i].b == last + 1 && w_[last].key == "'s";
      // Words before the separator join only noun phrases joined by a conjunction, never
      // across a comma ("imports of Russian aluminium, foreign ministers said").
      if (pre > 0)
        for (int q = last; q < units_[i].b; ++q) join = join && w_[q].key != ",";
      // PETRARCH: a list closed by a conjunction ("Calenardhon and Gondor") takes no member
      // after a comma: ", and Gondor and Dagolath" is another list.
      if (!d_.tabari_ && in_compound && groups_.back().closed)
        for (int q = last; q < units_[i].b; ++q) join = join && w_[q].key != ",";
      join = (join && seen_sep) ||
             (last <= units_[i].b && (only_adjectives || possessive) && in_compound && d_.tabari_);
      if (join) {
        bool comma = false, conj = false;
        for (int q = last; q < units_[i].b; ++q) {
          comma = comma || w_[q].key == ",";
          conj = conj || Is(q, kListSeparator);
        }
        groups_.back().closed = conj && !comma;
      }
    }
    if (join) {
      groups_.back().units.push_back(static_cast<int>(i));
      groups_.back().e = std::max(groups_.back().e, units_[i].e);
    } else {
      groups_.push_back({units_[i].b, units_[i].e, {static_cast<int>(i)}});
    }
  }
}

void SentenceCoder::FindClauses() {
  // A new clause at "and"/"or"/"but"/";" that does not join two actors ("Secretary General
  // might affirm or allow an attack": "affirm" and "allow" are coded apart).
  int n = static_cast<int>(w_.size());
  int start = 0;
  for (int p = 0; p < n; ++p) {
    std::string_view k = w_[p].key;
    if (!(Is(p, kClauseConjunction) || k == ";" || (k == "," && !d_.tabari_))) continue;
    const bool conj = Is(p, kPair);
    bool inside_group = false;
    for (const auto& g : groups_)
      if (p >= g.b && p < g.e) inside_group = true;
    bool before_actor = p + 1 < n && covered_[p + 1] >= 0;
    // TABARI: a conjunction between two adjectives or two nouns of its lists joins words,
    // not clauses or actors ("Ithilen's awful and evil minister", "Ithilen's sheep and
    // goats of Gondor"): the sentence's first actor stays the source.
    if (conj && d_.tabari_ && p > 0 && p + 1 < n && (adj_end_[p - 1] || noun_end_[p - 1])) {
      // "sheep and evil awful goats": adjectives may come before the second noun.
      int q = p + 1;
      if (noun_end_[p - 1])
        while (q + 1 < n && adj_at_[q] && !noun_at_[q]) ++q;
      if ((adj_end_[p - 1] && adj_at_[p + 1]) || (noun_end_[p - 1] && noun_at_[q])) continue;
    }
    // PETRARCH: "and" before an actor rarely starts a clause without a parse to tell; TABARI
    // ends the clause there ("... to chill out and Gondor asked him").
    if (inside_group || ((conj || k == ",") && before_actor && !d_.tabari_)) continue;
    if (k == "," && !d_.tabari_ && ModifierComma(p)) continue;
    // PETRARCH: an "and" with no verb before it in the clause joins noun phrases, not
    // clauses ("Eriador's death and injury toll has risen", "was heavily and unjustly
    // criticized"): the words on both sides belong to the one verb that follows.
    if (conj && !d_.tabari_ &&
        std::none_of(verb_at_.begin() + start, verb_at_.begin() + p, [](char v) { return v != 0; }))
      continue;
    clauses_.push_back({start, p});
    start = p + 1;
  }
  clauses_.push_back({start, n});
}

// PETRARCH: a comma between plain lower-case words lists modifiers of one noun ("restore
// complete, full diplomatic ties with Gondor"); it neither ends a clause nor delimits one.
bool SentenceCoder::ModifierComma(int p) const {
  auto plain = [&](int q) {
    return q >= 0 && q < static_cast<int>(w_.size()) && !w_[q].punct && covered_[q] < 0 && !verb_at_[q] &&
           !w_[q].capitalized && !w_[q].surface.empty() && !(w_[q].surface[0] >= 'A' && w_[q].surface[0] <= 'Z') &&
           !(w_[q].surface[0] >= '0' && w_[q].surface[0] <= '9') && !Is(q, kPreposition | kModifierCommaStop);
  };
  // "complete, full diplomatic ties": the words after the comma go on as a noun phrase
  // ("terms, including the ..." is no list of modifiers).
  return plain(p - 1) && plain(p + 1) && plain(p + 2);
}

int SentenceCoder::GroupStartingAt(int p) const {
  for (size_t i = 0; i < groups_.size(); ++i)
    if (groups_[i].b == p) return static_cast<int>(i);
  return -1;
}
int SentenceCoder::GroupEndingAt(int p) const {
  for (size_t i = 0; i < groups_.size(); ++i)
    if (groups_[i].e == p + 1) return static_cast<int>(i);
  return -1;
}

// The noun phrase before a verb, past its auxiliaries ("Gryffindor's head Minerva
// McGonagall [has] left"), back to punctuation, another verb, a preposition other than
// "of", a subordinator or the clause start: [b, e), empty when b == e.
void SentenceCoder::SubjectPhrase(int cb, int p, int& b, int& e) const {
  int q = p - 1;
  while (q >= cb && !w_[q].punct && covered_[q] < 0 && Is(q, kSubjectAuxiliary))
    --q;
  e = q + 1;
  while (q >= cb && (!w_[q].punct || w_[q].key == "'s") && !verb_at_[q] &&
         (Is(q, kGenitive) || !Is(q, kPreposition)) && !Is(q, kSubordinator))
    --q;
  b = q + 1;
}

// The noun phrase after a verb, past one preposition ("left for [the Ministry of Magic] on
// Wednesday"), with its "of" complements, up to punctuation, a verb, "and"/"or" or
// another preposition: [b, e).
void SentenceCoder::ObjectPhrase(int ve, int ce, int& b, int& e) const {
  int q = ve;
  if (q < ce && Is(q, kPreposition) && !Is(q, kGenitive)) ++q;
  b = q;
  while (q < ce && !w_[q].punct && !verb_at_[q] && !Is(q, kClauseConjunction) &&
         (Is(q, kGenitive) || !Is(q, kPreposition)))
    ++q;
  // A phrase does not end in "of".
  while (q > b && Is(q - 1, kGenitive)) --q;
  e = q;
}

// PETRARCH new_actor_length: each part of [b, e) between "and"/"or" that names no actor or
// agent, of 1 to CodingOptions::new_actor_length words, is a new actor: its words upper-cased
// and quoted, without possessive marks ("Gryffindor's head Minerva McGonagall" ->
// "\"GRYFFINDOR HEAD MINERVA MCGONAGALL\"").
void SentenceCoder::NewActors(int b, int e, std::vector<std::string>& out) const {
  const int max = d_.options.new_actor_length;
  for (int q = b; q < e;) {
    int r = q;
    while (r < e && !Is(r, kPair)) ++r;
    int words = 0;
    bool named = false;
    for (int k = q; k < r; ++k) {
      named = named || covered_[k] >= 0;
      words += !w_[k].punct && w_[k].key != "'s";
    }
    if (!named && words > 0 && words <= max) {
      std::string code = "\"";
      for (int k = q; k < r; ++k) {
        if (w_[k].punct || w_[k].key == "'s") continue;
        if (code.size() > 1) code += ' ';
        for (char c : w_[k].surface) code += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
      }
      code += '"';
      if (std::find(out.begin(), out.end(), code) == out.end()) out.push_back(std::move(code));
    }
    q = r + 1;
  }
}

const std::vector<SentenceCoder::Item>& SentenceCoder::Sequence(const std::vector<PatternElem>& v, int dir,
                                                                std::vector<Item>& out) const {
  out.clear();
  if (dir > 0) {
    for (const auto& e : v) out.push_back({&e, e.joined});
  } else {
    for (size_t i = v.size(); i-- > 0;) out.push_back({&v[i], i > 0 && v[i - 1].joined});
  }
  return out;
}

// Matches seq[k..] starting at word `pos` going in `dir`, within [lo, hi).
bool SentenceCoder::MatchSeq(const std::vector<Item>& seq, size_t k, int pos, bool adjacent, int dir,
                             Binding& b, int lo, int hi) {
  if (k == seq.size()) return true;
  const PatternElem& e = *seq[k].e;
  for (int p = pos; p >= lo && p < hi; p += dir) {
    if (adjacent && p != pos) break;
    switch (e.slot) {
      case Slot::kWord:
        if (!w_[p].punct && WordMatches(e.word, w_[p].key) &&
            MatchSeq(seq, k + 1, p + dir, seq[k].join, dir, b, lo, hi))
          return true;
        break;
      case Slot::kSynset:
      case Slot::kAlternatives: {
        const auto& members = e.slot == Slot::kSynset ? d_.synsets_[e.synset].members : e.alternatives;
        for (const auto& m : members) {
          std::vector<Item> next;  // one per level: the recursion below still reads it
          Sequence(m, dir, next);
          const size_t mn = next.size();
          // A member's words keep their own connectors ("AUSTRIAN FLORIN" allows "austrian
          // gold florin", "SWISS_FRANC" does not). TABARI checks the '_' written after a synset
          // ("&NEGATVAUXVRB_EVER") only when the member is a single word: after "REALLY_DID_NOT"
          // the member's own last connector (none) applies.
          // PETRARCH synset members are contiguous phrases.
          bool multi = d_.tabari_ && e.slot == Slot::kSynset && mn > 1;
          bool contiguous = !d_.tabari_ && e.slot == Slot::kSynset;
          for (size_t i = 0; i < mn; ++i) {
            bool last = i + 1 == mn;
            bool join = last ? seq[k].join : (contiguous || next[i].join);
            if (last && multi && dir > 0) join = false;
            next[i].join = join;
          }
          next.insert(next.end(), seq.begin() + k + 1, seq.end());
          Binding saved = b;
          bool enter_adjacent = adjacent && !(multi && dir < 0);
          // The member's first word scans onwards from `pos` itself.
          if (MatchSeq(next, 0, pos, enter_adjacent, dir, b, lo, hi)) return true;
          b = saved;
        }
        return false;
      }
      case Slot::kSource:
      case Slot::kTarget:
      case Slot::kCompound: {
        int g = dir > 0 ? GroupStartingAt(p) : GroupEndingAt(p);
        // '%' needs a real compound: several actors ("Gondor and Osgiliath").
        if (g >= 0 && e.slot == Slot::kCompound && groups_[g].units.size() < 2) g = -1;
        if (g >= 0) {
          Binding saved = b;
          if (e.slot == Slot::kSource) b.source = g;
          else if (e.slot == Slot::kTarget) b.target = g;
          else b.compound = g;
          int next = dir > 0 ? groups_[g].e : groups_[g].b - 1;
          if (MatchSeq(seq, k + 1, next, seq[k].join, dir, b, lo, hi)) return true;
          b = saved;
        }
        break;
      }
      case Slot::kSkip: {
        if (d_.tabari_) {
          // TABARI '^' passes over one actor (a whole compound), with words allowed before it.
          int g = dir > 0 ? GroupStartingAt(p) : GroupEndingAt(p);
          if (g < 0) break;
          b.skipped.push_back(g);
          if (MatchSeq(seq, k + 1, dir > 0 ? groups_[g].e : groups_[g].b - 1, seq[k].join, dir, b, lo, hi))
            return true;
          b.skipped.pop_back();
          break;
        }
        // PETRARCH '^' passes over a phrase: an actor, a word, a determiner with the actor or
        // word after it, a preposition with its object ("warned at the Gondor of the Prince
        // of Dol Amroth": '* AT ^ +' passes over "the Gondor"; "celebrate Tabaski with
        // Eriador next week at Cirith Ungol": '* TABASKI ^ $' over "with Eriador").
        int at = p;
        if (dir > 0 && Is(at, kPreposition) && at + 1 < hi && !w_[at + 1].punct) ++at;
        if (dir > 0 && Is(at, kArticle) && at + 1 < hi && !w_[at + 1].punct) ++at;
        int next = at + dir;
        if (covered_[at] >= 0) {
          const Mention& m = mentions_[covered_[at]];
          next = dir > 0 ? m.e : m.b - 1;
        }
        if (MatchSeq(seq, k + 1, next, seq[k].join, dir, b, lo, hi)) return true;
        break;
      }
      case Slot::kVerb:
        break;
    }
  }
  return false;
}

bool SentenceCoder::Analyse() {
  mentions_.clear();
  units_.clear();
  groups_.clear();
  clauses_.clear();
  FindMentions();
  int n = static_cast<int>(w_.size());
  verb_at_.assign(n, 0);
  noun_at_.assign(n, 0);
  noun_end_.assign(n, 0);
  adj_at_.assign(n, 0);
  adj_end_.assign(n, 0);
  adj_one_.assign(n, 0);
  for (int p = 0; p < n; ++p) {
    ForFirstWord(d_.noun_first_, d_.noun_stem_max_, w_[p].key, [&](uint32_t i) {  // TABARI <NOUN>: never a verb
      if (int len = PhraseAt(d_.nouns_[i], w_, p, n); len > 0) noun_at_[p] = noun_end_[p + len - 1] = 1;
    });
    ForFirstWord(d_.adjective_first_, d_.adjective_stem_max_, w_[p].key, [&](uint32_t i) {
      int len = PhraseAt(d_.adjectives_[i], w_, p, n);
      if (len > 0) adj_at_[p] = adj_end_[p + len - 1] = 1;
      if (len == 1) adj_one_[p] = 1;
    });
  }
  // Verb forms at each word, with their lengths to the sentence's end, looked up once: a
  // clause sees those that end inside it (a form runs the same words whatever the end).
  verb_forms_.clear();
  verb_form_at_.assign(n + 1, 0);
  for (int p = 0; p < n; ++p) {
    verb_form_at_[p] = static_cast<uint32_t>(verb_forms_.size());
    if (covered_[p] >= 0 || w_[p].punct || noun_at_[p]) continue;
    ForCandidates(d_.verb_first_, w_[p].key, d_.stem_max_, [&](uint32_t i) {
      if (int len = PhraseAt(d_.verbs_[i].words, w_, p, n); len > 0) {
        verb_at_[p] = 1;
        verb_forms_.push_back({i, len});
      }
    });
  }
  verb_form_at_[n] = static_cast<uint32_t>(verb_forms_.size());
  for (const auto& m : mentions_)
    if (m.discard) {
      Trace("actor discard code; ");
      return false;
    }
  BuildUnits();
  BuildGroups();
  return true;
}

bool SentenceCoder::DeleteCommaClauses() {
  const auto& c = d_.options.comma;
  if (c.max <= 0 && c.emax <= 0 && c.bmax <= 0) return false;
  int n = static_cast<int>(w_.size());
  // The terminal clause runs to the final stop: a sentence without one has none.
  int end = n;
  bool stop = false;
  while (end > 0 && w_[end - 1].punct && w_[end - 1].key != ",") {
    const std::string_view k = w_[end - 1].key;
    stop = stop || k == "." || k == "!" || k == "?";
    --end;
  }
  std::vector<int> commas;
  for (int p = 0; p < end; ++p)
    if (w_[p].key == "," && (d_.tabari_ || !ModifierComma(p))) commas.push_back(p);
  if (commas.empty()) return false;
  auto words = [&](int b, int e) {
    int k = 0;
    for (int q = b; q < e; ++q) k += !w_[q].punct && w_[q].key != "'s";
    return k;
  };
  // A clause that continues an actor list is no aside: after its comma only "and", "the"
  // and adjectives (TABARI <ADJECTIVE>) come before the next member, and the list closes
  // with a conjunction ("Evil Mordor, the awful Fornost, and good Gondor"; "Calenardhon and
  // Gondor, and Ithilen and Dagolath"; not "..., the Osgiliath newspaper said").
  auto list_piece = [&](int b) {
    for (const auto& g : groups_) {
      if (!(b - 1 > g.b && b - 1 < g.e)) continue;
      int next = -1;
      for (int u : g.units)
        if (units_[u].b >= b) {
          next = units_[u].b;
          break;
        }
      if (next < 0) continue;
      bool ok = true;
      for (int q = b; q < next && ok; ++q) {
        if (Is(q, kListSeparator | kDefinite)) continue;
        // PETRARCH has no adjective list: the words the compound took in are its own.
        if (!d_.tabari_ && !w_[q].punct) continue;
        ok = adj_one_[q];  // an adjective of one word (a match of one word never looks further)
      }
      bool closes = false;
      for (int q = b; q < g.e; ++q) closes = closes || Is(q, kListSeparator);
      if (ok && closes) return true;
    }
    return false;
  };
  std::vector<std::pair<int, int>> drop;
  auto consider = [&](int b, int e, int lo, int hi) {
    if (b > 0 && list_piece(b)) return false;
    int k = words(b, e);
    if (hi > 0 && k >= lo && k <= hi) {
      drop.push_back({b, e});
      return true;
    }
    return false;
  };
  // The initial clause is no aside either when it is the first member of such a list.
  if (!list_piece(commas.front() + 1)) consider(0, commas.front(), c.bmin, c.bmax);
  // Internal clauses from left to right; a deleted one takes both its commas with it, and
  // the terminal clause starts at the last comma left ("X's minister, in remarks published
  // on Monday, urged ..." keeps its verb).
  size_t i = 0;
  int last = -1;
  while (i < commas.size()) {
    if (i + 1 < commas.size() && consider(commas[i] + 1, commas[i + 1], c.min, c.max)) {
      i += 2;
      continue;
    }
    last = commas[i];
    ++i;
  }
  // PETRARCH deletes clauses of its parse: the terminal clause after the sentence's last
  // comma is one even when that comma closed a deleted internal clause ("with Dagolath, its
  // biggest trading partner, officials said."), unless it opens with the verb it predicates.
  if (!d_.tabari_ && !commas.empty() && last != commas.back() && commas.back() + 1 < end &&
      !verb_at_[commas.back() + 1])
    last = commas.back();
  if (last >= 0 && stop) consider(last + 1, end, c.emin, c.emax);
  // Deleted words stay as blanks so that token positions keep pointing into the sentence.
  for (const auto& [b, e] : drop) {
    Trace("comma clause deleted; ");
    for (int q = b; q < e; ++q) {
      w_[q].key = {};
      w_[q].punct = true;
      w_[q].cls = 0;
    }
  }
  return !drop.empty();
}

bool SentenceCoder::Run(std::vector<DictEvent>& out) {
  const size_t first_event = out.size();  // events before this sentence's are not its own
  if (FindDiscards()) return false;
  int n = static_cast<int>(w_.size());
  int n_words = 0;
  for (const auto& w : w_) n_words += !w.punct && w.key != "'s";  // "Gondor's" is one word
  if (!Analyse()) return false;
  // The first actor named here is what a later sentence's pronoun may stand for.
  std::string forward_next;
  for (const auto& m : mentions_)
    if (!m.agent && !m.null && !m.discard && !m.codes.empty()) {
      forward_next = m.codes[0];
      break;
    }
  struct SetForward {
    std::string* slot;
    std::string value;
    ~SetForward() {
      if (slot && !value.empty()) *slot = value;
    }
  } set_forward{d_.options.forward ? ctx_.forward : nullptr, forward_next};
  if (d_.options.minimum_words > 0 && n_words < d_.options.minimum_words) {
    Trace("too few words; ");
    return true;
  }
  // TABARI <TIME> phrases: the first one in the sentence (its longest pattern) decides.
  int date_shift = 0;
  if (d_.options.time_shift && !d_.times_.empty()) {
    for (int p = 0; p < n; ++p) {
      // The first time entry (in file order) that matches at p.
      uint32_t first = UINT32_MAX;
      int len = 0;
      ForFirstWord(d_.time_first_, d_.time_stem_max_, w_[p].key, [&](uint32_t i) {
        if (i >= first) return;
        if (int l = PhraseAt(d_.times_[i].words, w_, p, n); l > 0) first = i, len = l;
      });
      if (first == UINT32_MAX) continue;
      {
        const TimeEntry& te = d_.times_[first];
        EventCode code = te.code;
        const Pattern* chosen = nullptr;
        for (const auto& pat : te.patterns) {
          if (chosen && pat.literal <= chosen->literal) continue;
          Binding b;
          if (!MatchesAround(pat, p - 1, p + len, b, 0, n)) continue;
          chosen = &pat;
        }
        if (chosen) code = chosen->code;
        if (ctx_.why) Trace("time phrase '" + std::string(w_[p].key) + "' " + code.code + "; ");
        if (code.discard()) return false;
        if (code.complex()) return true;
        if (!code.null()) date_shift = std::atoi(code.code.c_str());
      }
      break;
    }
  }
  // Comma clauses go once the compounds are known (their commas are not clause marks); the
  // rest is read again without them.
  if (DeleteCommaClauses() && !Analyse()) return false;
  FindClauses();
  if (d_.options.complex_verbs > 0 || d_.options.complex_conjunctions > 0) {
    int verbs = 0, conjunctions = 0;
    for (int p = 0; p < n; ++p) {
      if (verb_at_[p] && !(p > 0 && Is(p - 1, kArticle)) &&
          !(p + 1 < n && w_[p + 1].key == "'s"))
        ++verbs;
      if (Is(p, kConjunction)) {
        bool in_list = false;
        for (const auto& g : groups_) in_list = in_list || (p > g.b && p < g.e);
        conjunctions += !in_list;
      }
    }
    if ((d_.options.complex_verbs > 0 && verbs >= d_.options.complex_verbs) ||
        (d_.options.complex_conjunctions > 0 && conjunctions >= d_.options.complex_conjunctions)) {
      Trace("complex: " + std::to_string(verbs) + " verbs, " + std::to_string(conjunctions) + " conjunctions; ");
      return true;
    }
  }
  bool dominant_hit = false;
  for (const auto& [cb, ce] : clauses_) {
    auto code_verb = [&](int p, bool may_defer) -> int {
      if (covered_[p] >= 0 || w_[p].punct || noun_at_[p]) return 0;
      // Longest verb form at p.
      int best = 0;
      std::vector<uint32_t> forms;
      for (uint32_t k = verb_form_at_[p]; k < verb_form_at_[p + 1]; ++k) {
        const auto [i, len] = verb_forms_[k];
        if (p + len > ce) continue;
        if (len > best) {
          best = len;
          forms.clear();
        }
        if (len == best) forms.push_back(i);
      }
      if (best == 0) return 0;
      // PETRARCH: a modal before another verb is that verb's auxiliary, not a verb of its
      // own ("it should have acted against Libya": the parse's verb is "acted").
      if (!d_.tabari_ && Is(p, kModal))
        for (int q = p + best; q < ce && q <= p + best + 2 && !w_[q].punct; ++q)
          if (verb_at_[q]) return 0;
      // A determiner or possessive before it makes it a noun ("an attack", "its resumption").
      // Such a noun still codes through a pattern that names the words before it.
      bool noun_like = (p > 0 && Is(p - 1, kNounDeterminer)) ||
                       (p > cb && w_[p].capitalized && p > 0 && !w_[p - 1].punct);
      // An article cancels a verb whatever its patterns ("in an accord with": PETRARCH's
      // parse makes it a noun, TABARI's patterns do the same). TABARI: possessives do not
      // ("Eriador's death toll has risen", "its resumption of ties").
      if (p > 0 && Is(p - 1, kArticle)) return 0;
      if (d_.tabari_) noun_like = p > cb && w_[p].capitalized && p > 0 && !w_[p - 1].punct;
      // PETRARCH: an actor after an indefinite article or a hanging prefix is a modifier,
      // and the word after it the noun it modifies ("an anti- Gondor parade", "a Mordor
      // attack"): no verb. An agent is a noun itself ("a security official said").
      if (!d_.tabari_ && p > 0 && covered_[p - 1] >= 0 && !mentions_[covered_[p - 1]].agent) {
        int q = mentions_[covered_[p - 1]].b - 1;
        bool prefix = false;
        for (; q >= cb && !w_[q].key.empty() && w_[q].key.back() == '-'; --q) prefix = prefix || w_[q].key.size() > 1;
        if (prefix || (q >= cb && Is(q, kIndefinite))) return 0;
      }
      int ve = p + best;
      // "donate's": a word with a possessive is a noun.
      if (ve < n && w_[ve].key == "'s") return 0;
      std::vector<uint32_t> blocks;
      EventCode code;
      for (uint32_t f : forms) {
        const VerbForm& vf = d_.verbs_[f];
        if (std::find(blocks.begin(), blocks.end(), vf.block) == blocks.end()) blocks.push_back(vf.block);
        if (code.code.empty() && !vf.own.code.empty()) code = vf.own;
      }
      if (code.code.empty())
        for (uint32_t bl : blocks)
          if (!d_.blocks_[bl].code.null()) {
            code = d_.blocks_[bl].code;
            break;
          }
      if (code.code.empty()) code = d_.blocks_[blocks[0]].code;
      // Patterns: the most specific that matches; earlier wins ties.
      const Pattern* chosen = nullptr;
      Binding bind;
      uint32_t rule_file = d_.verbs_[forms[0]].file, rule_line = d_.verbs_[forms[0]].line;
      for (uint32_t bl : blocks)
        for (const auto& pat : d_.blocks_[bl].patterns) {
          // TABARI breaks ties by the letters named (a synset names none): "* DOLLAR" over
          // "* &CURRENCY", "* RESISTANCE TO THE INVADING" over "* RESIST {TO THE END | ...}".
          if (chosen && pat.literal <= chosen->literal &&
              !(d_.tabari_ && pat.literal == chosen->literal && pat.letters > chosen->letters))
            continue;
          // PETRARCH has no complex sentences: a "[+++]" pattern is passed over and the
          // next one that matches, or the verb's own code, applies ("restore fxll ties").
          if (!d_.tabari_ && pat.code.complex()) continue;
          Binding b;
          if (!MatchesAround(pat, p - 1, ve, b, cb, ce)) continue;
          chosen = &pat;
          bind = b;
        }
      if (noun_like && (!chosen || chosen->before.empty())) return 0;
      if (chosen) {
        code = chosen->code;
        rule_file = chosen->file;
        rule_line = chosen->line;
      }
      if (ctx_.why)
        Trace("verb '" + std::string(w_[p].key) + "' code " + code.code +
              (chosen ? " by pattern line " + std::to_string(rule_line) : "") + "; ");
      if (code.discard()) {
        Trace("verb discard; ");
        out.clear();
        return 3;
      }
      // A verb whose code ends in '?' ("SAID [023?]") gives way to a later verb of the clause,
      // whose patterns may name it ("- SAID WOULD * NOW"); it codes only when none follows.
      if (!code.code.empty() && code.code.back() == '?') {
        code.code.pop_back();
        if (may_defer) {
          for (int q = ve; q < ce; ++q)
            if (verb_at_[q] && covered_[q] < 0) {
              Trace("deferred; ");
              return 2;
            }
        }
      }
      // TABARI "[+++]": the sentence is complex and is not coded at all.
      if (code.complex() && d_.tabari_) {
        Trace("complex; ");
        out.clear();
        return 3;
      }
      if (code.null() || code.complex()) return 0;
      // Source and target groups.
      std::vector<std::string> src, tgt;
      bool symmetric = false;
      // A compound named after the verb ("- * WITH % [031]": "Eriador agrees with the
      // Philippines and France") is the target of the actor before the verb, when there is
      // one, in PETRARCH (TABARI codes the compound on itself); a compound before the verb
      // ("- % *") acts on itself.
      if (!d_.tabari_ && bind.compound >= 0 && groups_[bind.compound].b >= ve && bind.source < 0) {
        for (int g = static_cast<int>(groups_.size()) - 1; g >= 0; --g)
          if (groups_[g].e <= p && groups_[g].b >= cb) {
            bind.source = g;
            break;
          }
        if (bind.source >= 0) {
          bind.target = bind.compound;
          bind.compound = -1;
        }
      }
      if (bind.compound >= 0) {
        symmetric = true;
      } else {
        bool source_given = bind.source >= 0, target_given = bind.target >= 0;
        auto usable = [&](int g) {
          return std::find(bind.skipped.begin(), bind.skipped.end(), g) == bind.skipped.end();
        };
        if (bind.source < 0) {
          // TABARI takes the clause's first actor; PETRARCH's parse gives the nearest subject.
          // Suite emulation (TABARI): in a clause after the first, an actor that looks like the
          // object of a preposition is passed over, and the verb's source is then an earlier
          // clause's. TABARI's documentation states no such rule; it reproduces one record,
          // Validate.text DEBUG-12 ("Gondor launched a new bombing and shelling offensive
          // against besieged Osgiliath during the night following daylight raids in which Arnor
          // spokesmen said ...": GON ARN, not OSG ARN). Its bounds come from records and runs,
          // not from TABARI: "the"/"a"/"an" and at most one other word between the preposition
          // and the actor (DEBUG-12 needs one, "besieged"; no suite record needs the limit of
          // one, which keeps the rule narrow on news text: any number codes both suites alike);
          // not after "of" (COMPOUND-19, "Ithilen's sheep and pigs of Gondor warned": GON) nor
          // after "with" (no suite record: "..., with Britain's prime minister saying" keeps its
          // speaker in a development-set run with TABARI's actor files, doc/DICTIONARIES.md).
          // The prepositions are the classes `preposition` and `preposition.subject`
          // of data/lang/en/dictcoder.txt. See doc/DICTIONARIES.md, "Peer suites".
          if (d_.tabari_) {
            bool earlier = false;
            for (int g = 0; g < static_cast<int>(groups_.size()) && !earlier; ++g)
              earlier = groups_[g].e <= cb && g != bind.target && usable(g);
            auto prep_object = [&](int g) {
              int q = groups_[g].b - 1, plain = 0;
              while (q >= cb && !w_[q].punct && covered_[q] < 0 && !Is(q, kPreposition) && !verb_at_[q] &&
                     (Is(q, kArticle) || ++plain <= 1))
                --q;
              return q >= cb && Is(q, kPreposition) && !Is(q, kPrepositionSubject);
            };
            for (int g = 0; g < static_cast<int>(groups_.size()); ++g)
              if (groups_[g].e <= p && groups_[g].b >= cb && g != bind.target && usable(g)) {
                if (earlier && prep_object(g)) continue;
                bind.source = g;
                break;
              }
          } else {
            for (int g = static_cast<int>(groups_.size()) - 1; g >= 0; --g)
              if (groups_[g].e <= p && groups_[g].b >= cb && g != bind.target && usable(g)) {
                bind.source = g;
                break;
              }
            // An actor in a prepositional phrase belongs to the noun before it: the subject
            // is the actor that heads the phrase ("Gollum centre of a diplomatic row between
            // Radagast the Brown called on Gondor" -> Gollum), when no verb comes between.
            while (bind.source > 0) {
              const Group& sg = groups_[bind.source];
              int q = sg.b - 1;
              while (q >= cb && Is(q, kDefinite)) --q;
              if (q < cb || !Is(q, kPrepositionHead)) break;
              int prev = bind.source - 1;
              if (prev == bind.target || groups_[prev].b < cb || !usable(prev)) break;
              bool verb_between = false;
              for (int r = groups_[prev].e; r < sg.b; ++r) verb_between = verb_between || verb_at_[r] || w_[r].punct;
              if (verb_between) break;
              bind.source = prev;
            }
          }
          // Else an actor of an earlier clause, unless (PETRARCH) a pronoun is this one's
          // subject ("..., he said government proposed ...").
          bool no_carry = false;
          for (int q = cb; q < p && !d_.tabari_; ++q)
            no_carry = no_carry || Is(q, kPronounClauseSubject);
          // TABARI carries a source into a clause without one from an earlier clause's event
          // ("Gondor accepts that ... might affirm an attack by ... or assail Arnor": GON
          // ARN). With no event before it, a clause naming two actors after its verb codes
          // them as its source and target (below: "Gondor alleged and acknowledged that ...
          // an attack by Osgiliath soldiers allowed in south Ithilen": OSGMIL ITH).
          // The general behaviour is TABARI's for a verb with no actor before it (the first
          // actor after it is the source, the next the target: applied below). When it wins
          // over the carried source is suite emulation, each half of the condition set by
          // records of Validate.text: COMPLEX-05 needs the rule; without "no event before"
          // COMPLEX-C08 loses its carried NGO source; without "two actors after the verb"
          // COMPOUND-22 and DEBUG-12 lose their events.
          if (d_.tabari_ && !target_given && out.size() == first_event &&
              !(d_.options.source_prior && !d_.options.default_source.empty())) {
            int after_verb = 0;
            for (int g = 0; g < static_cast<int>(groups_.size()); ++g)
              after_verb += groups_[g].b >= ve && groups_[g].b < ce && usable(g);
            no_carry = after_verb >= 2;
          }
          if (bind.source < 0 && !no_carry)
            for (int g = 0; g < static_cast<int>(groups_.size()); ++g)
              if (groups_[g].e <= p && g != bind.target && usable(g)) {
                bind.source = g;
                break;
              }
        }
        if (bind.target < 0)
          for (int g = 0; g < static_cast<int>(groups_.size()); ++g)
            if (groups_[g].b >= ve && groups_[g].b < ce && g != bind.source && usable(g)) {
              bind.target = g;
              break;
            }
        // TABARI without DEFAULT ... PRIOR (and without NOACTPRIOR, or with a DEFAULT source):
        // with no actor before the verb, the first actor after it is the source and the next
        // one the target.
        // COMPLEX: NOACTPRIOR: with no actor before the verb (and no DEFAULT source) the
        // sentence is complex and not coded ("Rebuked by Eriador, ..., Osgiliath is ...").
        bool actor_before = false;
        for (int g = 0; g < static_cast<int>(groups_.size()); ++g)
          actor_before = actor_before || (groups_[g].e <= p && g != bind.target && usable(g));
        if (d_.tabari_ && !actor_before && !target_given && d_.options.complex_no_actor_prior &&
            d_.options.default_source.empty()) {
          Trace("complex: no actor before the verb; ");
          out.clear();
          return 3;
        }
        if (d_.tabari_ && bind.source < 0 && !target_given &&
            !(d_.options.source_prior && !d_.options.default_source.empty())) {
          bind.source = bind.target;
          bind.target = -1;
          if (bind.source >= 0)
            for (int g = bind.source + 1; g < static_cast<int>(groups_.size()); ++g)
              if (groups_[g].b < ce && usable(g)) {
                bind.target = g;
                break;
              }
        }
        // TABARI, a pattern that names only the target ("+ WAS * DEAD"): with no other actor
        // before the verb, the first one after it is the source.
        if (d_.tabari_ && bind.source < 0 && target_given &&
            !(d_.options.source_prior && !d_.options.default_source.empty()))
          for (int g = 0; g < static_cast<int>(groups_.size()); ++g)
            if (groups_[g].b >= ve && groups_[g].b < ce && g != bind.target && usable(g)) {
              bind.source = g;
              break;
            }
        // TABARI: with no actor after the verb, an actor between the source and the verb is
        // the target ("then it requested that Elrond assist"), unless DEFAULT ... AFTER. An
        // actor written apart whose later words are in the clause is in it ("Mordor was
        // reported ... near Durthang and an Orc leader said ...": DURTHANG ORC).
        auto tail_in_clause = [&](int g) {
          for (int q = cb; q < p; ++q)
            if (covered_[q] >= 0 && q >= mentions_[covered_[q]].e && mentions_[covered_[q]].b >= groups_[g].b &&
                mentions_[covered_[q]].b < groups_[g].e)
              return true;
          return false;
        };
        if (d_.tabari_ && bind.target < 0 && bind.source >= 0 &&
            !(d_.options.target_after && !d_.options.default_target.empty()))
          for (int g = bind.source + 1; g < static_cast<int>(groups_.size()); ++g)
            if ((groups_[g].b >= cb || tail_in_clause(g)) && groups_[g].e <= p &&
                groups_[g].b >= groups_[bind.source].e && usable(g)) {
              bool comma = false;
              for (int q = groups_[g].e; q < p; ++q) comma = comma || w_[q].punct;
              if (!comma) bind.target = g;
              break;
            }
        // Passive voice: "Eriador was opposed by Osgiliath" swaps the roles.
        if (!source_given && !target_given) {
          bool be = false;
          for (int q = p - 1; q >= cb && q >= p - 4; --q) {
            if (covered_[q] >= 0 || w_[q].punct) break;
            if (Is(q, kPassiveBe)) {
              be = true;
              break;
            }
          }
          int by_group = -1;
          if (be)
            for (int q = ve; q < ce && q < ve + 4; ++q)
              if (Is(q, kPassiveAgent)) {
                by_group = GroupStartingAt(q + 1);
                if (by_group < 0 && q + 2 < n && Is(q + 1, kDefinite)) by_group = GroupStartingAt(q + 2);
                break;
              }
          if (by_group >= 0) {
            int subject = bind.source;
            bind.source = by_group;
            bind.target = subject;
          }
        }
      }
      auto codes_of = [&](int g) {
        std::vector<std::string> c;
        for (int u : groups_[g].units)
          for (const auto& x : units_[u].codes) c.push_back(x);
        return c;
      };
      DictEvent proto;
      proto.rule = "dict:" + d_.file_name(rule_file) + ":" + std::to_string(rule_line);
      proto.trig_b = p;
      proto.trig_e = ve;
      auto emit = [&](const std::string& s, const std::string& t, const std::string& c, int sg, int tg) {
        DictEvent ev = proto;
        ev.source = s;
        ev.target = t;
        ev.cameo = c;
        ev.date_shift = date_shift;
        if (sg >= 0) { ev.src_b = groups_[sg].b; ev.src_e = groups_[sg].e; }
        if (tg >= 0) { ev.tgt_b = groups_[tg].b; ev.tgt_e = groups_[tg].e; }
        for (const auto& o : out)
          if (o.source == ev.source && o.target == ev.target && o.cameo == ev.cameo) return;
        out.push_back(std::move(ev));
      };
      if (symmetric) {
        auto all = codes_of(bind.compound);
        for (size_t i = 0; i < all.size(); ++i)
          for (size_t j = i + 1; j < all.size(); ++j) {
            emit(all[i], all[j], code.code, bind.compound, bind.compound);
            emit(all[j], all[i], code.paired.empty() ? code.code : code.paired, bind.compound, bind.compound);
          }
        return 1;
      }
      // A pronoun target that would make the source act on itself ("Elrond urged Bree to
      // assist him") stands for the last other actor before it.
      // With none, a subject pronoun is the subject of what follows and the next actor of the
      // clause is the target ("cast doubt that it carried out an attack by Osgiliath soldiers").
      if (d_.tabari_ && bind.source >= 0 && bind.target >= 0 &&
          units_[groups_[bind.target].units[0]].pronoun && codes_of(bind.target) == codes_of(bind.source)) {
        int other = -1;
        for (int g = bind.target - 1; g >= 0 && other < 0; --g)
          if (g != bind.source && !units_[groups_[g].units[0]].pronoun && codes_of(g) != codes_of(bind.source)) other = g;
        const bool subject = Is(groups_[bind.target].b, kPronounSubject);
        for (int g = bind.target + 1; subject && g < static_cast<int>(groups_.size()) && other < 0 && groups_[g].b < ce; ++g)
          if (!units_[groups_[g].units[0]].pronoun && codes_of(g) != codes_of(bind.source) &&
              std::find(bind.skipped.begin(), bind.skipped.end(), g) == bind.skipped.end())
            other = g;
        if (other >= 0) bind.target = other;
      }
      if (bind.source >= 0) src = codes_of(bind.source);
      if (bind.target >= 0) tgt = codes_of(bind.target);
      // PETRARCH new_actor_length: a short noun phrase with no actor fills an empty slot,
      // and a part of a compound subject with no actor joins the subject's actors
      // ("Eriador's death and injury toll has risen" -> ERI and "INJURY TOLL").
      if (!d_.tabari_ && d_.options.new_actor_length > 0 && bind.compound < 0) {
        int sb, se;
        SubjectPhrase(cb, p, sb, se);
        if (bind.source < 0 || (groups_[bind.source].b >= sb && groups_[bind.source].e <= se))
          NewActors(sb, se, src);
        if (bind.target < 0) {
          int ob, oe;
          ObjectPhrase(ve, ce, ob, oe);
          NewActors(ob, oe, tgt);
        }
      }
      // TABARI: with no target (and no DEFAULT ... AFTER target) a compound source codes its
      // first member against the others ("Bree and Arnor are about to restore ties").
      if (d_.tabari_ && tgt.empty() && bind.source >= 0 && groups_[bind.source].units.size() > 1 &&
          (groups_[bind.source].b >= ve ||
           !(d_.options.target_after && !d_.options.default_target.empty()))) {
        const auto& us = groups_[bind.source].units;
        src = units_[us[0]].codes;
        for (size_t k = 1; k < us.size(); ++k)
          for (const auto& x : units_[us[k]].codes) tgt.push_back(x);
      }
      if (src.empty() && !d_.options.default_source.empty()) src.push_back(d_.options.default_source);
      if (tgt.empty() && !d_.options.default_target.empty()) tgt.push_back(d_.options.default_target);
      if (!d_.options.require_dyad) {
        if (src.empty()) src.push_back("---");
        if (tgt.empty()) tgt.push_back("---");
      }
      if (src.empty() || tgt.empty()) {
        Trace("no dyad; ");
        return 1;  // the clause's verb is coded, even without an event
      }
      size_t before = out.size();
      for (const auto& s : src)
        for (const auto& t : tgt) {
          if (s == t) continue;
          emit(s, t, code.code, bind.source, bind.target);
          if (!code.paired.empty() && code.paired != "---") emit(t, s, code.paired, bind.target, bind.source);
        }
      // A dominant code ("ATTEND [031!]") makes its events the sentence's only ones.
      if (code.dominant && out.size() > before) {
        out.erase(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(before));
        dominant_hit = true;
      }
      return 1;
    };
    int deferred = -1;
    bool coded = false;
    for (int p = cb; p < ce && !coded; ++p) {
      int r = code_verb(p, deferred < 0);
      if (r == 3) return false;
      if (dominant_hit) return true;
      if (r == 2 && deferred < 0) deferred = p;
      // CODE ALL (TABARI): every verb of the clause is coded.
      if (r == 1) coded = d_.options.code_by != CodingOptions::kAll;
    }
    if (!coded && deferred >= 0 && code_verb(deferred, false) == 3) return false;
    if (dominant_hit) return true;
    // CODE BY SENTENCE (TABARI): the first clause with an event is the sentence's only one.
    if (d_.options.code_by == CodingOptions::kSentence && !out.empty()) break;
  }
  return true;
}

// A hanging hyphen stays on its word ("an anti- Gondor parade" reads "anti-", as TABARI
// patterns write it); the hyphen token itself is punctuation.
bool HangingHyphen(const text::Token& t, const text::Token* next, const text::Token* after, std::string_view text) {
  return t.kind != text::TokenKind::kPunct && next && next->begin == t.end && next->end == t.end + 1 &&
         text[t.end] == '-' && (!after || after->begin > t.end + 1);
}

// The words of tokens tok(0) .. tok(count - 1). Their keys are views into `keys`, the
// tokenizer's folded keys, when given; else into `own`, which the words fold into (once per
// sentence, not per word). A word keeping a hanging hyphen views its key and the hyphen's
// when they lie side by side in `keys` (the tokenizer appends them in order).
template <typename TokAt>
std::vector<Word> WordsOf(size_t count, TokAt tok, std::string_view text, const std::string* keys,
                          std::string& own, const CoderWords& classes) {
  std::vector<Word> out(count);
  // In a sentence written all in capitals, capitals say nothing about nouns.
  bool lower = false;
  for (size_t i = 0; i < count && !lower; ++i)
    for (uint32_t c = tok(i).begin; c < tok(i).end && !lower; ++c)
      if (text[c] >= 'a' && text[c] <= 'z') lower = true;
  // Keys first as (buffer, offset, length); views once `own` no longer grows.
  struct Span {
    bool mine;
    size_t at, len;
  };
  std::vector<Span> spans(count);
  own.clear();
  for (size_t i = 0; i < count; ++i) {
    const text::Token& t = tok(i);
    const text::Token* next = i + 1 < count ? &tok(i + 1) : nullptr;
    const bool hyphen = HangingHyphen(t, next, i + 2 < count ? &tok(i + 2) : nullptr, text);
    // An abbreviation's key leaves out its dot ("T." is "t"); dictionaries write it ("RUFUS
    // T. FIREFLY", "K.U."), so the word keeps it.
    const bool abbreviation = (t.flags & text::kAbbrev) != 0 && t.end > t.begin && text[t.end - 1] == '.';
    if (keys && t.key + t.key_len <= keys->size() && abbreviation) {
      spans[i] = {true, own.size(), t.key_len + 1u + (hyphen ? 1u : 0u)};
      own.append(*keys, t.key, t.key_len);
      own += '.';
      if (hyphen) own += '-';
      continue;
    }
    if (keys && t.key + t.key_len <= keys->size()) {
      if (!hyphen) {
        spans[i] = {false, t.key, t.key_len};
        continue;
      }
      if (next->key == t.key + t.key_len && next->key_len == 1 && (*keys)[next->key] == '-') {
        spans[i] = {false, t.key, t.key_len + 1u};
        continue;
      }
      spans[i] = {true, own.size(), t.key_len + 1u};
      own.append(*keys, t.key, t.key_len);
      own += '-';
      continue;
    }
    size_t at = own.size();
    text::FoldAppend(text.substr(t.begin, t.end - t.begin), own);
    if (hyphen) own += '-';
    spans[i] = {true, at, own.size() - at};
  }
  for (size_t i = 0; i < count; ++i) {
    const text::Token& t = tok(i);
    Word& w = out[i];
    w.key = std::string_view(spans[i].mine ? own : *keys).substr(spans[i].at, spans[i].len);
    w.surface = text.substr(t.begin, t.end - t.begin);
    w.punct = t.kind == text::TokenKind::kPunct || t.kind == text::TokenKind::kQuote;
    w.capitalized = lower && (t.flags & text::kCapitalized) != 0;
    w.cls = classes.Of(w.key);
  }
  return out;
}

}  // namespace

bool CodeSentence(const UserDictionaries& dicts, const pipeline::Sentence& sentence,
                  std::string_view text, const SentenceContext& context,
                  std::vector<DictEvent>& out) {
  if (dicts.empty()) return true;
  std::string own;
  auto tok = [&](size_t i) -> const text::Token& { return sentence.toks[i].t; };
  SentenceCoder c(dicts, WordsOf(sentence.toks.size(), tok, text, context.keys, own, dicts.words_), context);
  // Run() may clear what it found (a discard, a complex sentence): code apart, then append.
  // Words map 1:1 to the sentence's tokens, so the ranges are token indexes already.
  std::vector<DictEvent> mine;
  bool ok = c.Run(mine);
  for (auto& e : mine) out.push_back(std::move(e));
  return ok;
}

bool CodeText(const UserDictionaries& dicts, std::string_view sentence,
              const SentenceContext& context, std::vector<DictEvent>& out) {
  std::vector<text::Token> toks;
  std::string keys, own;
  text::TokenizerOptions opt;
  opt.french = false;
  opt.english = true;
  text::Tokenize(sentence, 0, static_cast<uint32_t>(sentence.size()), opt, toks, keys);
  auto tok = [&](size_t i) -> const text::Token& { return toks[i]; };
  SentenceCoder c(dicts, WordsOf(toks.size(), tok, sentence, &keys, own, dicts.words_), context);
  return c.Run(out);
}

}  // namespace attache::dict
