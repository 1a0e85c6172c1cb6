// Readers for TABARI, PETRARCH and attache user dictionaries. Each reader walks the file a
// line at a time and never throws: a line it does not understand becomes a warning.
#include <algorithm>
#include <cctype>
#include <functional>
#include <sstream>

#include "dict/dictionaries.h"
#include "text/fold.h"
#include "text/strings.h"

namespace attache::dict {
namespace {

using text::Trim;

constexpr bool StartsWith(std::string_view s, std::string_view p) { return s.starts_with(p); }

// Cuts a comment ('#' in PETRARCH, ';' or '#' in TABARI) that is not inside [...].
std::string_view StripComment(std::string_view line, bool tabari) {
  int depth = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (c == '[') ++depth;
    else if (c == ']') depth = std::max(0, depth - 1);
    else if (depth == 0 && (c == '#' || (tabari && c == ';'))) return line.substr(0, i);
  }
  return line;
}

// Splits text into lines, dropping XML-style <!-- ... --> comments (PETRARCH headers) that
// may span lines; other <TAG> lines are returned as they are.
using Line = DictLine;

std::vector<Line> Lines(std::string_view text) {
  std::vector<Line> out;
  size_t pos = 0;
  int n = 0;
  bool in_comment = false;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    ++n;
    pos = nl + 1;
    if (in_comment) {
      size_t end = line.find("-->");
      if (end == std::string_view::npos) continue;
      in_comment = false;
      line = line.substr(end + 3);
    }
    size_t open = line.find("<!");
    if (open != std::string_view::npos && Trim(line.substr(0, open)).empty()) {
      size_t end = line.find("-->", open);
      if (end == std::string_view::npos) {
        in_comment = true;
        continue;
      }
      line = line.substr(end + 3);
    }
    out.push_back({n, line});
    if (nl == text.size()) break;
  }
  return out;
}

// Splits a dictionary phrase into folded words. '_' and ' ' separate words; a trailing '_'
// on a word makes it exact in TABARI files. "N'T" and "'S" are split off as the tokenizer
// does with running text.
struct PhraseWord {
  DictWord word;
  bool joined = false;  // joined to the next word by '_'
};

void FoldWord(std::string_view w, bool exact, bool joined, std::vector<PhraseWord>& out) {
  std::string f = text::Fold(w);
  auto push = [&](std::string s, bool j) {
    if (!s.empty()) out.push_back({{std::move(s), exact}, j});
  };
  if (f.size() > 3 && f.compare(f.size() - 3, 3, "n't") == 0) {
    push(f.substr(0, f.size() - 3), true);
    push("n't", joined);
  } else if (f.size() > 2 && f.compare(f.size() - 2, 2, "'s") == 0) {
    push(f.substr(0, f.size() - 2), true);
    push("'s", joined);
  } else {
    push(std::move(f), joined);
  }
}

std::vector<PhraseWord> SplitPhrase(std::string_view s, bool tabari) {
  std::vector<PhraseWord> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    size_t b = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t' && s[i] != '_') ++i;
    std::string_view w = s.substr(b, i - b);
    bool underscore = i < s.size() && s[i] == '_';
    if (underscore) ++i;
    bool joined = underscore && i < s.size() && s[i] != ' ' && s[i] != '\t';
    bool exact = !tabari || (underscore && !joined);
    if (!w.empty()) FoldWord(w, exact, joined, out);
    else if (underscore && !out.empty()) out.back().word.exact = true;  // "IN_ *"
  }
  return out;
}

std::vector<DictWord> Words(std::string_view s, bool tabari) {
  std::vector<DictWord> out;
  for (auto& pw : SplitPhrase(s, tabari)) out.push_back(std::move(pw.word));
  return out;
}

// Parses "[CODE]", "[CODE <950601]", "[CODE 19950601 - 19990815]", "[~GOV]" blocks.
bool ParseCodeBlock(std::string_view inner, DatedCode& out, std::string& err) {
  inner = Trim(inner);
  size_t sp = 0;
  while (sp < inner.size() && inner[sp] != ' ' && inner[sp] != '\t' && inner[sp] != '<' &&
         inner[sp] != '>')
    ++sp;
  std::string_view code = inner.substr(0, sp);
  std::string_view rest = Trim(inner.substr(sp));
  if (code.empty() || (std::isdigit(static_cast<unsigned char>(code[0])) && code.find('-') != std::string_view::npos &&
                        code.size() >= 13)) {
    err = "code block without a code: [" + std::string(inner) + "]";
    return false;
  }
  size_t s = 0;
  while (s <= code.size()) {
    size_t slash = code.find('/', s);
    if (slash == std::string_view::npos) slash = code.size();
    if (slash > s) out.codes.emplace_back(code.substr(s, slash - s));
    s = slash + 1;
  }
  if (rest.empty()) return true;
  out.dated = true;
  std::string compact;
  for (char c : rest)
    if (c != ' ' && c != '\t') compact += c;
  if (compact[0] == '<') {
    out.to = ParseDictDate(compact.substr(1)) - 1;
    if (out.to < 0) { err = "bad date in [" + std::string(inner) + "]"; return false; }
  } else if (compact[0] == '>') {
    out.from = ParseDictDate(compact.substr(1)) + 1;
    if (out.from <= 1) { err = "bad date in [" + std::string(inner) + "]"; return false; }
  } else {
    size_t dash = compact.find('-');
    if (dash == std::string::npos) { err = "bad date range in [" + std::string(inner) + "]"; return false; }
    out.from = ParseDictDate(compact.substr(0, dash));
    out.to = ParseDictDate(compact.substr(dash + 1));
    if (out.from == 0 || out.to == 0) { err = "bad date range in [" + std::string(inner) + "]"; return false; }
  }
  return true;
}

EventCode ParseEventCode(std::string_view inner) {
  EventCode c;
  inner = Trim(inner);
  size_t colon = inner.find(':');
  auto clean = [](std::string_view s) {
    std::string out;
    for (char ch : Trim(s))
      if (ch != ' ' && ch != '!') out += ch;  // TABARI's "031!" marks a dominant code
    return out;
  };
  c.dominant = inner.find('!') != std::string_view::npos;
  if (colon == std::string_view::npos) {
    c.code = clean(inner);
  } else {
    c.code = clean(inner.substr(0, colon));
    c.paired = clean(inner.substr(colon + 1));
  }
  return c;
}

// The last [...] on a line and the text before it.
bool SplitTrailingCode(std::string_view line, std::string_view& head, std::string_view& code) {
  line = Trim(line);
  if (line.empty() || line.back() != ']') return false;
  size_t open = line.rfind('[');
  if (open == std::string_view::npos) return false;
  head = Trim(line.substr(0, open));
  code = line.substr(open + 1, line.size() - open - 2);
  return true;
}

// Regular English forms of a verb (PETRARCH's make_verb_forms, plus doubled consonants).
std::vector<std::string> RegularForms(const std::string& v) {
  std::vector<std::string> out{v};
  if (v.size() < 2) return out;
  char last = v.back();
  char prev = v[v.size() - 2];
  auto vowel = [](char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; };
  if (last == 'e') {
    out.push_back(v + "s");
    out.push_back(v + "d");
    out.push_back(v.substr(0, v.size() - 1) + "ing");
  } else if (last == 'y' && !vowel(prev)) {
    std::string stem = v.substr(0, v.size() - 1);
    out.push_back(stem + "ies");
    out.push_back(stem + "ied");
    out.push_back(v + "ing");
  } else {
    bool sibilant = last == 's' || last == 'x' || last == 'z' ||
                    (last == 'h' && (prev == 's' || prev == 'c'));
    out.push_back(v + (sibilant ? "es" : "s"));
    out.push_back(v + "ed");
    out.push_back(v + "ing");
    if (!vowel(last) && vowel(prev) && last != 'w' && last != 'y' && last != 'x' &&
        (v.size() < 3 || !vowel(v[v.size() - 3]))) {
      out.push_back(v + last + "ed");
      out.push_back(v + last + "ing");
    }
  }
  return out;
}

std::vector<std::string> Plurals(const std::string& w) {
  std::vector<std::string> out;
  if (w.empty()) return out;
  char last = w.back();
  if (w.size() > 3 && w.compare(w.size() - 3, 3, "man") == 0) out.push_back(w.substr(0, w.size() - 3) + "men");
  if (last == 'y' && w.size() > 1 && std::string_view("aeiou").find(w[w.size() - 2]) == std::string_view::npos)
    out.push_back(w.substr(0, w.size() - 1) + "ies");
  else if (last == 's' || last == 'x' || last == 'z' || last == 'h')
    out.push_back(w + "es");
  else
    out.push_back(w + "s");
  return out;
}

// A TABARI file: some line holds both a ';' comment and a '[' code.
bool LooksTabari(const std::vector<Line>& lines) {
  for (const auto& l : lines)
    if (l.text.find(';') != std::string_view::npos && l.text.find('[') != std::string_view::npos)
      return true;
  return false;
}

}  // namespace

int32_t ParseDictDate(std::string_view s) {
  s = Trim(s);
  for (char c : s)
    if (c < '0' || c > '9') return 0;
  if (s.size() == 6) {
    int yy = (s[0] - '0') * 10 + (s[1] - '0');
    int32_t rest = std::atoi(std::string(s.substr(2)).c_str());
    return (yy < 30 ? 2000 + yy : 1900 + yy) * 10000 + rest;
  }
  if (s.size() == 8) return std::atoi(std::string(s).c_str());
  return 0;
}

namespace {

// The classes of data/lang/en/dictcoder.txt and their bits.
struct WordClassName {
  std::string_view name;
  uint32_t bit;
};
constexpr WordClassName kWordClasses[] = {
    {"preposition", word_class::kPreposition},
    {"genitive", word_class::kGenitive},
    {"article", word_class::kArticle},
    {"article.definite", word_class::kDefinite},
    {"article.indefinite", word_class::kIndefinite},
    {"noun.determiner", word_class::kNounDeterminer},
    {"actor.gap.break", word_class::kActorGapBreak},
    {"agent.gap", word_class::kAgentGap},
    {"agent.elite", word_class::kAgentElite},
    {"conjunction.and", word_class::kAnd},
    {"agent.of", word_class::kAgentOf},
    {"conjunction.pair", word_class::kPair},
    {"compound.link", word_class::kCompoundLink},
    {"list.separator", word_class::kListSeparator},
    {"clause.conjunction", word_class::kClauseConjunction},
    {"conjunction", word_class::kConjunction},
    {"subordinator", word_class::kSubordinator},
    {"modifier.stop", word_class::kModifierStop},
    {"modifier.comma.stop", word_class::kModifierCommaStop},
    {"subject.auxiliary", word_class::kSubjectAuxiliary},
    {"modal", word_class::kModal},
    {"passive.be", word_class::kPassiveBe},
    {"passive.agent", word_class::kPassiveAgent},
    {"preposition.subject", word_class::kPrepositionSubject},
    {"preposition.head", word_class::kPrepositionHead},
    {"pronoun.forward", word_class::kPronounForward},
    {"pronoun.deref", word_class::kPronounDeref},
    {"pronoun.clause.subject", word_class::kPronounClauseSubject},
    {"pronoun.subject", word_class::kPronounSubject},
};

}  // namespace

Status UserDictionaries::LoadWords(std::string_view name, std::string_view text) {
  CoderWords out;
  uint32_t seen = 0;
  for (const Line& l : Lines(text)) {
    std::string_view line = l.text;
    if (size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    line = Trim(line);
    if (line.empty()) continue;
    const std::string where = std::string(name) + ":" + std::to_string(l.number) + ": ";
    size_t eq = line.find('=');
    if (eq == std::string_view::npos) return Status::Error(where + "expected `class = word, word, ...`");
    std::string_view cls = Trim(line.substr(0, eq));
    uint32_t bit = 0;
    for (const auto& c : kWordClasses)
      if (c.name == cls) bit = c.bit;
    if (bit == 0) return Status::Error(where + "unknown word class `" + std::string(cls) + "`");
    seen |= bit;
    for (std::string_view word : text::SplitList(line.substr(eq + 1)))
      out.classes[std::string(word)] |= bit;
  }
  for (const auto& c : kWordClasses)
    if (!(seen & c.bit)) return Status::Error(std::string(name) + ": word class `" + std::string(c.name) + "` missing");
  words_ = std::move(out);
  return Status::Ok();
}

void UserDictionaries::Warn(uint32_t file, int line, std::string message) {
  if (warnings_.size() < 10000) warnings_.push_back({files_[file], line, std::move(message)});
}

uint32_t UserDictionaries::AddFile(std::string_view name) {
  std::string base(name);
  size_t slash = base.find_last_of('/');
  if (slash != std::string::npos) base = base.substr(slash + 1);
  files_.push_back(base);
  return static_cast<uint32_t>(files_.size() - 1);
}

size_t UserDictionaries::pattern_count() const {
  size_t n = 0;
  for (const auto& b : blocks_) n += b.patterns.size();
  return n;
}

int UserDictionaries::SynsetId(std::string_view name) {
  std::string key = text::Fold(name);
  while (!key.empty() && key.back() == '_') key.pop_back();
  auto it = synset_index_.find(key);
  if (it != synset_index_.end()) return it->second;
  synsets_.push_back({key, {}});
  int id = static_cast<int>(synsets_.size() - 1);
  synset_index_.emplace(key, id);
  return id;
}

Status UserDictionaries::Load(const std::string& path, FileKind kind) {
  StatusOr<std::string> read = text::ReadFile(path);
  if (!read.ok()) return Status::Error("dictionary: " + read.status().message());
  std::string body = std::move(*read);
  if (kind == FileKind::kAuto) {
    std::string lower = text::Fold(path);
    if (lower.find(".verbs") != std::string::npos || lower.find("cameo.") != std::string::npos ||
        lower.find("verb") != std::string::npos)
      kind = FileKind::kVerbs;
    else if (lower.find("agent") != std::string::npos)
      kind = FileKind::kAgents;
    else if (lower.find("discard") != std::string::npos)
      kind = FileKind::kDiscards;
    else if (lower.find("actor") != std::string::npos)
      kind = FileKind::kActors;
    else
      kind = FileKind::kAttache;
  }
  LoadText(path, body, kind);
  return Status::Ok();
}

void UserDictionaries::LoadText(std::string_view name, std::string_view text, FileKind kind) {
  uint32_t f = AddFile(name);
  const std::vector<Line> lines = Lines(text);
  // attache's own format can hold everything; it is recognised by its first real line.
  if (kind != FileKind::kAttache) {
    for (const auto& l : lines) {
      std::string_view t = Trim(l.text);
      if (t.empty() || t[0] == '#') continue;
      if (StartsWith(t, "actor |") || StartsWith(t, "agent |") || StartsWith(t, "discard |") ||
          StartsWith(t, "synset |") || StartsWith(t, "option |") || StartsWith(t, "[verb."))
        kind = FileKind::kAttache;
      break;
    }
  }
  switch (kind) {
    case FileKind::kVerbs: LoadVerbs(f, lines); break;
    case FileKind::kAgents: LoadAgents(f, lines); break;
    case FileKind::kDiscards: LoadDiscards(f, lines); break;
    case FileKind::kAttache: LoadAttache(f, lines); break;
    default: LoadActors(f, lines); break;
  }
}

// Indexes the last of `entries` by its first word.
template <class Entry>
void UserDictionaries::Index(const std::vector<Entry>& entries,
                             FirstWordIndex& first) {
  const auto& w = entries.back().words;
  if (w.empty()) return;
  if (!w[0].exact) stem_max_ = std::max(stem_max_, w[0].text.size());
  first[w[0].text].push_back(static_cast<uint32_t>(entries.size() - 1));
}

void UserDictionaries::AddActor(uint32_t f, int line, std::vector<DictWord> words,
                                std::vector<DatedCode> codes) {
  if (words.empty()) return;
  ActorEntry e;
  e.words = std::move(words);
  e.codes = std::move(codes);
  e.file = f;
  e.line = static_cast<uint32_t>(line);
  actors_.push_back(std::move(e));
  Index(actors_, actor_first_);
}

void UserDictionaries::AddAgent(uint32_t f, int line, std::vector<DictWord> words, std::string code,
                                bool prefix) {
  if (words.empty()) return;
  AgentEntry e;
  e.words = std::move(words);
  e.code = std::move(code);
  e.prefix = prefix;
  e.file = f;
  e.line = static_cast<uint32_t>(line);
  agents_.push_back(std::move(e));
  Index(agents_, agent_first_);
}

// Discards never raise stem_max_: their first words are looked up exactly.
void UserDictionaries::AddDiscard(uint32_t f, int line, std::vector<DictWord> words, bool story) {
  if (words.empty()) return;
  DiscardEntry d;
  d.words = std::move(words);
  d.story = story;
  d.file = f;
  d.line = static_cast<uint32_t>(line);
  discards_.push_back(std::move(d));
  discard_first_[discards_.back().words[0].text].push_back(static_cast<uint32_t>(discards_.size() - 1));
}

// ---------------------------------------------------------------------------------- actors
void UserDictionaries::LoadActors(uint32_t f, const std::vector<Line>& lines) {
  const bool tabari = LooksTabari(lines);
  std::vector<std::pair<std::string, int>> names;
  std::vector<DatedCode> codes;
  int group_line = 0;
  int section = 0;  // 1 <NOUN>, 2 <ADJECTIVE>, 3 another section
  auto flush = [&]() {
    if (names.empty()) return;
    if (codes.empty()) {
      Warn(f, group_line, "actor '" + names[0].first + "' has no code: ignored");
    } else {
      for (const auto& [n, line] : names) {
        std::vector<DictWord> words;
        // "MOUSE=": that word only, not even a plural ("LIBYA_" takes "Libyas").
        bool only = !n.empty() && n.back() == '=';
        auto pws = SplitPhrase(only ? n.substr(0, n.size() - 1) + "_" : n, tabari);
        for (size_t k = 0; k < pws.size(); ++k) {
          words.push_back(std::move(pws[k].word));
          words.back().open = k + 1 < pws.size() && !pws[k].joined;
          words.back().narrow = !tabari;
          words.back().noun_endings = tabari && words.back().exact && !only;
        }
        AddActor(f, line, std::move(words), codes);
      }
    }
    names.clear();
    codes.clear();
  };
  auto take_codes = [&](std::string_view rest, int line) {
    size_t p = 0;
    while ((p = rest.find('[', p)) != std::string_view::npos) {
      size_t e = rest.find(']', p);
      if (e == std::string_view::npos) {
        Warn(f, line, "unclosed '['");
        return;
      }
      DatedCode dc;
      std::string err;
      if (ParseCodeBlock(rest.substr(p + 1, e - p - 1), dc, err)) codes.push_back(std::move(dc));
      else Warn(f, line, err);
      p = e + 1;
    }
  };
  for (const auto& l : lines) {
    std::string_view raw = l.text;
    std::string_view t = Trim(StripComment(raw, tabari));
    if (t.empty()) continue;
    if (t[0] == '<') {
      // TABARI <NOUN>/<ADJECTIVE> lists: nouns are never read as verbs ("LEADER"); adjectives
      // may stand inside a compound actor ("Ithilen's awful and evil minister").
      std::string tag = text::Fold(t);
      if (tag == "<noun>") section = 1;
      else if (tag == "<adjective>") section = 2;
      else if (t.size() > 1 && t[1] != '/') {
        section = 3;
        Warn(f, l.number, "section " + std::string(t) + " is not used by attache: skipped");
      } else {
        section = 0;
      }
      continue;
    }
    if (section == 1 || section == 2) {
      auto words = Words(std::string(t.substr(0, t.find_first_of(" \t["))), tabari);
      if (words.empty()) continue;
      auto& list = section == 1 ? nouns_ : adjectives_;
      (section == 1 ? noun_first_ : adjective_first_)[words[0].text].push_back(static_cast<uint32_t>(list.size()));
      size_t& stem_max = section == 1 ? noun_stem_max_ : adjective_stem_max_;
      if (!words[0].exact) stem_max = std::max(stem_max, words[0].text.size());
      list.push_back(std::move(words));
      continue;
    }
    if (section == 3) continue;
    bool indented = raw[0] == ' ' || raw[0] == '\t';
    if (t[0] == '[') {
      if (names.empty()) Warn(f, l.number, "date restriction with no actor above it");
      take_codes(t, l.number);
      continue;
    }
    if (indented && t[0] != '+') {
      Warn(f, l.number, "indented line is not a code block: " + std::string(t));
      continue;
    }
    if (t[0] == '+') {
      if (names.empty()) {
        Warn(f, l.number, "synonym with no actor above it");
        continue;
      }
      std::string_view rest = t.substr(1);
      size_t br = rest.find('[');
      names.emplace_back(std::string(Trim(rest.substr(0, br))), l.number);
      if (br != std::string_view::npos) take_codes(rest.substr(br), l.number);
      continue;
    }
    flush();
    group_line = l.number;
    size_t br = t.find('[');
    std::string name(Trim(t.substr(0, br)));
    if (name.empty()) {
      Warn(f, l.number, "line not understood: " + std::string(t));
      continue;
    }
    names.emplace_back(name, l.number);
    if (br != std::string_view::npos) take_codes(t.substr(br), l.number);
  }
  flush();
}

// ---------------------------------------------------------------------------------- agents
void UserDictionaries::LoadAgents(uint32_t f, const std::vector<Line>& lines) {
  const bool tabari = LooksTabari(lines);
  std::vector<std::pair<std::string, std::vector<std::string>>> subst;
  for (const auto& l : lines) {
    std::string_view t = Trim(StripComment(l.text, tabari));
    if (t.empty() || t[0] == '<') continue;
    // "!MINST! = MINISTER, MINISTRY" defines a set; "!MINST!_OF_SILLY_WALKS [~GOV]" uses one.
    size_t eq = t.find('=');
    size_t close = t.size() > 1 ? t.find('!', 1) : std::string_view::npos;
    bool defines = t[0] == '!' && eq != std::string_view::npos && close != std::string_view::npos &&
                   close < eq && Trim(t.substr(close + 1, eq - close - 1)).empty();
    if (t[0] == '!' && !defines && t.find('[') == std::string_view::npos) {
      Warn(f, l.number, "substitution set not understood: " + std::string(t));
      continue;
    }
    if (defines) {
      std::vector<std::string> items;
      std::string_view list = t.substr(eq + 1);
      size_t s = 0;
      while (s <= list.size()) {
        size_t c = list.find(',', s);
        if (c == std::string_view::npos) c = list.size();
        std::string_view it = Trim(list.substr(s, c - s));
        if (!it.empty()) items.emplace_back(it);
        s = c + 1;
      }
      subst.emplace_back(std::string(t.substr(0, close + 1)), std::move(items));
      continue;
    }
    std::string_view head, code;
    if (!SplitTrailingCode(t, head, code)) {
      Warn(f, l.number, "agent without [code]: " + std::string(t));
      continue;
    }
    std::string c;
    for (char ch : code)
      if (ch != ' ' && ch != '\t') c += ch;
    bool prefix = !c.empty() && c.back() == '~';
    if (c.find('~') == std::string::npos) {
      Warn(f, l.number, "agent code without '~': [" + c + "]");
      continue;
    }
    c.erase(std::remove(c.begin(), c.end(), '~'), c.end());
    std::string phrase(head);
    std::vector<std::string> plurals;
    bool explicit_plural = false;
    size_t ob = phrase.find('{');
    if (ob != std::string::npos) {
      size_t cb = phrase.find('}', ob);
      std::string inner = phrase.substr(ob + 1, cb == std::string::npos ? std::string::npos : cb - ob - 1);
      explicit_plural = true;
      std::istringstream is(inner);
      std::string p;
      while (is >> p) plurals.push_back(p);
      phrase = std::string(Trim(phrase.substr(0, ob)));
    }
    // Expand !SET! markers.
    std::vector<std::string> phrases{phrase};
    for (const auto& [marker, items] : subst) {
      std::vector<std::string> next;
      for (const auto& p : phrases) {
        size_t at = p.find(marker);
        if (at == std::string::npos) {
          next.push_back(p);
          continue;
        }
        for (const auto& it : items) next.push_back(p.substr(0, at) + it + p.substr(at + marker.size()));
      }
      phrases = std::move(next);
    }
    for (const auto& p : phrases)
      if (p.find('!') != std::string::npos) Warn(f, l.number, "unknown substitution set in " + p);
    auto add = [&](const std::string& p) { AddAgent(f, l.number, Words(p, tabari), c, prefix); };
    for (const auto& p : phrases) {
      add(p);
      if (!explicit_plural) {
        auto words = Words(p, tabari);
        if (words.empty()) continue;
        for (const auto& pl : Plurals(words.back().text)) {
          std::string q;
          for (size_t i = 0; i + 1 < words.size(); ++i) q += words[i].text + (words[i].exact || !tabari ? "_ " : " ");
          add(q + pl + (words.back().exact && tabari ? "_" : ""));
        }
      }
    }
    for (const auto& p : plurals) add(p);
  }
}

// -------------------------------------------------------------------------------- discards
void UserDictionaries::LoadDiscards(uint32_t f, const std::vector<Line>& lines) {
  for (const auto& l : lines) {
    std::string_view t = Trim(StripComment(l.text, false));
    if (t.empty() || t[0] == '<') continue;
    bool story = t[0] == '+';
    if (story) t = Trim(t.substr(1));
    AddDiscard(f, l.number, Words(t, false), story);
  }
}

// ----------------------------------------------------------------------------------- verbs
std::vector<PatternElem> UserDictionaries::ParseElems(uint32_t f, int line, std::string_view s,
                                                      bool tabari) {
  std::vector<PatternElem> out;
  size_t i = 0;
  auto push_marker = [&](Slot slot, bool joined) {
    PatternElem e;
    e.slot = slot;
    e.joined = joined;
    out.push_back(std::move(e));
  };
  while (i < s.size()) {
    char c = s[i];
    if (c == ' ' || c == '\t' || c == '(' || c == ')') {
      ++i;
      continue;
    }
    if (c == '{' ) {
      size_t close = s.find('}', i);
      if (close == std::string_view::npos) close = s.size();
      std::string_view inner = s.substr(i + 1, close - i - 1);
      i = close + 1;
      bool joined = i < s.size() && s[i] == '_';
      if (joined) ++i;
      if (inner.find('|') != std::string_view::npos) {
        PatternElem alt;
        alt.slot = Slot::kAlternatives;
        alt.joined = joined;
        size_t p = 0;
        while (p <= inner.size()) {
          size_t bar = inner.find('|', p);
          if (bar == std::string_view::npos) bar = inner.size();
          auto elems = ParseElems(f, line, Trim(inner.substr(p, bar - p)), tabari);
          if (!elems.empty()) alt.alternatives.push_back(std::move(elems));
          p = bar + 1;
        }
        out.push_back(std::move(alt));
      } else {
        // PETRARCH head-last noun phrase: its words in order.
        auto elems = ParseElems(f, line, inner, tabari);
        if (!elems.empty()) elems.back().joined = joined;
        for (auto& e : elems) out.push_back(std::move(e));
      }
      continue;
    }
    size_t b = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t' && s[i] != '(' && s[i] != ')' && s[i] != '{') ++i;
    std::string_view tok = s.substr(b, i - b);
    // A token may hold several '_'-joined parts: "IN_AND_*_OUT_AGAIN", "NEW_&TIETYPES_RELATIONS".
    size_t p = 0;
    while (p < tok.size()) {
      size_t u = tok.find('_', p);
      size_t end = u == std::string_view::npos ? tok.size() : u;
      std::string_view part = tok.substr(p, end - p);
      bool has_us = u != std::string_view::npos;
      // "APPLY_{ GENEVA | INTERNATIONAL }": a '_' before '{' joins the word to the set.
      bool joined = has_us && (u + 1 < tok.size() || (i < s.size() && s[i] == '{'));
      p = has_us ? u + 1 : tok.size();
      // TABARI "REAL~_PLEASANT": '~' keeps the word a stem although '_' follows it.
      bool tilde = !part.empty() && part.back() == '~';
      if (tilde) part.remove_suffix(1);
      if (part.empty()) {
        if (has_us && !out.empty() && !joined) out.back().word.exact = true;
        continue;
      }
      if (part == "*") push_marker(Slot::kVerb, joined);
      else if (part == "$") push_marker(Slot::kSource, joined);
      else if (part == "+") push_marker(Slot::kTarget, joined);
      else if (part == "%") push_marker(Slot::kCompound, joined);
      else if (part == "^") push_marker(Slot::kSkip, joined);
      else if (part[0] == '&') {
        PatternElem e;
        e.slot = Slot::kSynset;
        e.synset = SynsetId(part.substr(1));
        e.joined = joined;
        out.push_back(std::move(e));
      } else if (part[0] == '@' || part[0] == '<' || part[0] == '~') {
        Warn(f, line, "pattern element '" + std::string(part) + "' is not supported: ignored");
      } else {
        std::vector<PhraseWord> words;
        // TABARI: a word followed by '_' matches that word only, joined or not ("IN_*" is
        // no match for "into", "NOTED_WOULD" none for "notedown"); '~_' keeps the stem.
        bool exact = !tabari || (has_us && !tilde);
        FoldWord(part, exact, joined, words);
        for (auto& w : words) {
          PatternElem e;
          e.slot = Slot::kWord;
          e.word = w.word;
          e.joined = w.joined;
          out.push_back(std::move(e));
        }
      }
    }
  }
  return out;
}

bool UserDictionaries::ParsePattern(uint32_t f, int line, std::string_view body, bool tabari,
                                    Pattern& out) {
  std::string_view head, code;
  if (!SplitTrailingCode(body, head, code)) {
    Warn(f, line, "pattern without [code]: " + std::string(Trim(body)));
    return false;
  }
  auto elems = ParseElems(f, line, head, tabari);
  int star = -1;
  for (size_t i = 0; i < elems.size(); ++i)
    if (elems[i].slot == Slot::kVerb) {
      if (star >= 0) {
        Warn(f, line, "pattern with two '*': " + std::string(Trim(body)));
        return false;
      }
      star = static_cast<int>(i);
    }
  if (star < 0) {
    Warn(f, line, "pattern without '*': " + std::string(Trim(body)));
    return false;
  }
  out.before.assign(elems.begin(), elems.begin() + star);
  out.after.assign(elems.begin() + star + 1, elems.end());
  out.verb_joined_before = !out.before.empty() && out.before.back().joined;
  out.verb_joined_after = elems[star].joined;
  out.code = ParseEventCode(code);
  std::function<int(const std::vector<PatternElem>&)> count = [&](const std::vector<PatternElem>& v) {
    int n = 0;
    for (const auto& e : v) {
      if (e.slot == Slot::kWord || e.slot == Slot::kSynset) ++n;
      if (e.slot == Slot::kSource || e.slot == Slot::kTarget || e.slot == Slot::kCompound) ++n;
      if (e.slot == Slot::kAlternatives && !e.alternatives.empty()) n += count(e.alternatives[0]);
    }
    return n;
  };
  out.literal = count(out.before) + count(out.after);
  std::function<int(const std::vector<PatternElem>&)> letters = [&](const std::vector<PatternElem>& v) {
    int n = 0;
    for (const auto& e : v) {
      if (e.slot == Slot::kWord) n += static_cast<int>(e.word.text.size());
      if (e.slot == Slot::kAlternatives && !e.alternatives.empty()) n += letters(e.alternatives[0]);
    }
    return n;
  };
  out.letters = letters(out.before) + letters(out.after);
  out.file = f;
  out.line = static_cast<uint32_t>(line);
  return true;
}

void UserDictionaries::AddVerbForms(uint32_t f, int line, uint32_t block, std::string_view spec,
                                    bool tabari) {
  // spec: "BREAK { BROKE BROKEN }", "+CORDON_OFF {+CORDONED_OFF ...}", "WIRE_+TAP", "DOWNPLAY [014]"
  EventCode own;
  std::string_view head = spec, code;
  if (SplitTrailingCode(spec, head, code)) own = ParseEventCode(code);
  std::string_view irregular;
  size_t ob = head.find('{');
  if (ob != std::string_view::npos) {
    size_t cb = head.find('}', ob);
    irregular = head.substr(ob + 1, (cb == std::string_view::npos ? head.size() : cb) - ob - 1);
    head = Trim(head.substr(0, ob));
  }
  auto add_form = [&](std::string_view phrase, bool inflect) {
    // The inflected word is marked '+' in multi-word verbs; else the first word.
    std::string p(phrase);
    int verb_word = 0;
    {
      std::string cleaned;
      int idx = 0;
      for (size_t i = 0; i < p.size(); ++i) {
        if (p[i] == '+') {
          verb_word = idx;
          continue;
        }
        if ((p[i] == '_' || p[i] == ' ') && i + 1 < p.size() && p[i + 1] != '_' && p[i + 1] != ' ' &&
            !cleaned.empty() && cleaned.back() != ' ')
          ++idx;
        cleaned += p[i] == '_' ? ' ' : p[i];
      }
      // TABARI: "BREAK_" means exact; keep the trailing underscore meaning.
      p = tabari && !phrase.empty() && phrase.back() == '_' ? std::string(Trim(cleaned)) + "_"
                                                           : std::string(Trim(cleaned));
    }
    std::vector<DictWord> words = Words(p, tabari);
    if (words.empty()) return;
    // In PETRARCH files (and TABARI's '_' verbs) the words are contiguous; all exact there.
    std::vector<std::vector<DictWord>> variants{words};
    if (inflect && verb_word < static_cast<int>(words.size())) {
      auto forms = RegularForms(words[verb_word].text);
      // TABARI also accepts the endings -ES and -EN on a verb ("departes", "departen").
      if (tabari && words[verb_word].exact) {
        const std::string& v = words[verb_word].text;
        for (const char* e : {"es", "en"})
          if (v.back() != 'e') forms.push_back(v + e);
      }
      for (const auto& form : forms) {
        if (form == words[verb_word].text) continue;
        auto w = words;
        w[verb_word].text = form;
        variants.push_back(std::move(w));
      }
    }
    for (auto& v : variants) {
      VerbForm vf;
      vf.words = std::move(v);
      vf.block = block;
      vf.own = own;
      vf.file = f;
      vf.line = static_cast<uint32_t>(line);
      if (!vf.words[0].exact) stem_max_ = std::max(stem_max_, vf.words[0].text.size());
      verbs_.push_back(std::move(vf));
      verb_first_[verbs_.back().words[0].text].push_back(static_cast<uint32_t>(verbs_.size() - 1));
    }
  };
  // TABARI "BAN=": that word only, no endings.
  if (tabari && !head.empty() && head.back() == '=') add_form(std::string(head.substr(0, head.size() - 1)) + "_", false);
  else add_form(head, true);
  std::istringstream is{std::string(irregular)};
  std::string w;
  while (is >> w) add_form(w, false);
}

void UserDictionaries::LoadVerbs(uint32_t f, const std::vector<Line>& lines) {
  bool petrarch = false;
  for (const auto& l : lines)
    if (StartsWith(Trim(l.text), "---") && Trim(l.text).size() > 6) {
      petrarch = true;
      break;
    }
  bool tabari = !petrarch;
  if (tabari) tabari_ = true;
  int cur_block = -1;
  int cur_synset = -1;
  bool last_was_verb = false;  // TABARI: "{ forms }" on the line after a verb
  enum { kNone, kSynsets, kTime, kSkipSection } section = kNone;
  for (const auto& l : lines) {
    std::string_view t = Trim(StripComment(l.text, tabari));
    if (t.empty()) continue;
    if (t[0] == '<') {
      std::string tag = text::Fold(t);
      if (tag == "<synsets>") section = kSynsets;
      else if (tag == "<time>") section = kTime;
      else if (tag[1] == '/') section = kNone;
      else {
        section = kSkipSection;
        Warn(f, l.number, "section " + std::string(t) + " is not supported: skipped");
      }
      continue;
    }
    if (section == kSkipSection) continue;
    if (section == kTime) {
      if (t[0] == '-') {
        Pattern p;
        if (times_.empty()) Warn(f, l.number, "time pattern before any time phrase");
        else if (ParsePattern(f, l.number, t.substr(1), tabari, p)) times_.back().patterns.push_back(std::move(p));
        continue;
      }
      std::string_view head, code;
      if (!SplitTrailingCode(t, head, code)) {
        Warn(f, l.number, "time phrase without [code]: " + std::string(t));
        continue;
      }
      TimeEntry te;
      te.words = Words(head, tabari);
      te.code = ParseEventCode(code);
      te.file = f;
      te.line = static_cast<uint32_t>(l.number);
      if (te.words.empty()) continue;
      time_first_[te.words[0].text].push_back(static_cast<uint32_t>(times_.size()));
      if (!te.words[0].exact) time_stem_max_ = std::max(time_stem_max_, te.words[0].text.size());
      times_.push_back(std::move(te));
      continue;
    }
    if (t[0] == '&') {
      std::string_view name = Trim(t.substr(1));
      size_t sp = name.find_first_of(" \t");
      if (sp != std::string_view::npos) name = name.substr(0, sp);
      cur_synset = SynsetId(name);
      last_was_verb = false;
      continue;
    }
    if (t[0] == '+' && cur_synset >= 0 && (section == kSynsets || petrarch || cur_block < 0)) {
      auto elems = ParseElems(f, l.number, t.substr(1), tabari);
      if (!elems.empty()) synsets_[cur_synset].members.push_back(std::move(elems));
      continue;
    }
    if (t[0] == '~') {
      Warn(f, l.number, "transformation '~' is not supported: ignored");
      continue;
    }
    if (t[0] == '-' && t.size() > 3 && t[1] == '-' && t[2] == '-') {
      // --- NAME [code] ---
      std::string_view inner = Trim(t.substr(3));
      if (inner.size() >= 3 && inner.substr(inner.size() - 3) == "---") inner = Trim(inner.substr(0, inner.size() - 3));
      if (inner.empty() || inner.find_first_not_of('#') == std::string_view::npos) continue;  // "#######" banners
      VerbBlock b;
      size_t br = inner.find('[');
      b.name = std::string(Trim(inner.substr(0, br)));
      if (br != std::string_view::npos) {
        size_t cb = inner.find(']', br);
        b.code = ParseEventCode(inner.substr(br + 1, (cb == std::string_view::npos ? inner.size() : cb) - br - 1));
        if (cb != std::string_view::npos && inner.find('[', cb) != std::string_view::npos)
          Warn(f, l.number, "verb block with several codes: the first is used");
      } else {
        Warn(f, l.number, "verb block without [code]");
      }
      b.file = f;
      b.line = static_cast<uint32_t>(l.number);
      blocks_.push_back(std::move(b));
      cur_block = static_cast<int>(blocks_.size() - 1);
      cur_synset = -1;
      continue;
    }
    if (t[0] == '-') {
      if (cur_block < 0) {
        Warn(f, l.number, "pattern before any verb");
        continue;
      }
      Pattern p;
      if (ParsePattern(f, l.number, t.substr(1), tabari, p)) blocks_[cur_block].patterns.push_back(std::move(p));
      last_was_verb = false;
      continue;
    }
    if (t[0] == '{' && tabari) {
      if (!last_was_verb || cur_block < 0) {
        Warn(f, l.number, "irregular forms with no verb above them");
        continue;
      }
      std::string_view inner = t.substr(1);
      size_t cb = inner.find('}');
      inner = inner.substr(0, cb);
      std::istringstream is{std::string(inner)};
      std::string w;
      while (is >> w) AddVerbForms(f, l.number, static_cast<uint32_t>(cur_block), w, true);
      continue;
    }
    cur_synset = -1;
    if (petrarch) {
      if (cur_block < 0) {
        Warn(f, l.number, "verb before any '--- VERB [code] ---' block");
        continue;
      }
      std::string_view spec = t;
      if (spec[0] == '+') spec = spec.substr(1);
      // PETRARCH generates the regular forms of every verb; its words are whole words.
      AddVerbForms(f, l.number, static_cast<uint32_t>(cur_block), spec, false);
      continue;
    }
    // TABARI: "VERB [code]" or "VERB WORDS [code]" (the words after the first are a pattern).
    std::string_view head, code;
    if (!SplitTrailingCode(t, head, code)) {
      Warn(f, l.number, "line not understood: " + std::string(t));
      continue;
    }
    std::string h(head);
    size_t sp = h.find_first_of(" \t");
    std::string verb = sp == std::string::npos ? h : h.substr(0, sp);  // "BAN=": no endings
    if (!h.empty() && h.back() == '=') h.pop_back();
    std::string rest = sp == std::string::npos ? "" : std::string(Trim(std::string_view(h).substr(sp)));
    VerbBlock b;
    b.name = h;
    b.file = f;
    b.line = static_cast<uint32_t>(l.number);
    if (rest.empty()) {
      b.code = ParseEventCode(code);
    } else {
      b.code.code = "---";
      Pattern p;
      if (ParsePattern(f, l.number, "* " + rest + " [" + std::string(code) + "]", tabari, p))
        b.patterns.push_back(std::move(p));
    }
    blocks_.push_back(std::move(b));
    cur_block = static_cast<int>(blocks_.size() - 1);
    AddVerbForms(f, l.number, static_cast<uint32_t>(cur_block), verb, true);
    last_was_verb = true;
  }
}

// PETRARCH's configuration switches that change coding, by their PETR_config.ini names.
bool UserDictionaries::SetOption(std::string_view key, std::string_view value) {
  std::string v(value);
  for (char& c : v) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (key == "require_dyad") {
    if (v != "true" && v != "false") return false;
    options.require_dyad = v == "true";
    return true;
  }
  if (v.empty() || !std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
  const int n = std::atoi(v.c_str());
  auto& c = options.comma;
  if (key == "new_actor_length") options.new_actor_length = n;
  else if (key == "comma_min") c.min = n;
  else if (key == "comma_max") c.max = n;
  else if (key == "comma_emin") c.emin = n;
  else if (key == "comma_emax") c.emax = n;
  else if (key == "comma_bmin") c.bmin = n;
  else if (key == "comma_bmax") c.bmax = n;
  else return false;
  return true;
}

// ------------------------------------------------------------------- attache's own format
// Lines:  actor | NAME; NAME | code=GON [from=YYYY-MM-DD] [to=YYYY-MM-DD]
//         agent | NAME; NAME | code=~GOV   (or code=NGO~)
//         discard | PHRASE [| story]
//         synset | NAME | member; member
//         option | new_actor_length=4; require_dyad=false; comma_max=8   (SetOption)
// Frames: [verb.ID] with cameo = CODE, verbs = forms..., pattern = TABARI pattern [CODE]
void UserDictionaries::LoadAttache(uint32_t f, const std::vector<Line>& lines) {
  auto split = [](std::string_view s, char sep) {
    std::vector<std::string_view> out;
    size_t p = 0;
    while (p <= s.size()) {
      size_t c = s.find(sep, p);
      if (c == std::string_view::npos) c = s.size();
      std::string_view it = Trim(s.substr(p, c - p));
      if (!it.empty()) out.push_back(it);
      p = c + 1;
    }
    return out;
  };
  auto iso = [](std::string_view d) -> int32_t {
    std::string digits;
    for (char c : d)
      if (c >= '0' && c <= '9') digits += c;
    return digits.size() == 8 ? std::atoi(digits.c_str()) : 0;
  };
  int cur_block = -1;
  for (const auto& l : lines) {
    std::string_view t = Trim(l.text);
    if (t.empty() || t[0] == '#') continue;
    if (t[0] == '[') {
      size_t cb = t.find(']');
      VerbBlock b;
      b.name = std::string(t.substr(1, cb == std::string_view::npos ? t.size() - 1 : cb - 1));
      b.code.code = "---";
      b.file = f;
      b.line = static_cast<uint32_t>(l.number);
      blocks_.push_back(std::move(b));
      cur_block = static_cast<int>(blocks_.size() - 1);
      continue;
    }
    size_t bar = t.find('|');
    size_t eq = t.find('=');
    if (bar == std::string_view::npos && eq != std::string_view::npos && cur_block >= 0) {
      std::string key(Trim(t.substr(0, eq)));
      std::string_view value = Trim(t.substr(eq + 1));
      if (key == "cameo") {
        blocks_[cur_block].code = ParseEventCode(value);
      } else if (key == "verbs") {
        for (auto v : split(value, ','))
          AddVerbForms(f, l.number, static_cast<uint32_t>(cur_block), v, false);
      } else if (key == "pattern") {
        Pattern p;
        std::string body(value);
        if (body.find('[') == std::string::npos) body += " [" + blocks_[cur_block].code.code + "]";
        if (ParsePattern(f, l.number, body, false, p)) blocks_[cur_block].patterns.push_back(std::move(p));
      } else {
        Warn(f, l.number, "unknown key '" + key + "' in [" + blocks_[cur_block].name + "]: ignored");
      }
      continue;
    }
    if (bar == std::string_view::npos) {
      Warn(f, l.number, "line not understood: " + std::string(t));
      continue;
    }
    auto fields = split(t, '|');
    std::string kind = fields.empty() ? "" : std::string(fields[0]);
    if (fields.size() < 2) {
      Warn(f, l.number, "line not understood: " + std::string(t));
      continue;
    }
    std::vector<std::string_view> names = split(fields[1], ';');
    std::unordered_map<std::string, std::string> kv;
    for (size_t i = 2; i < fields.size(); ++i)
      for (auto item : split(fields[i], ' ')) {
        size_t e = item.find('=');
        if (e == std::string_view::npos) kv[std::string(item)] = "";
        else kv[std::string(item.substr(0, e))] = std::string(item.substr(e + 1));
      }
    if (kind == "actor") {
      DatedCode dc;
      std::string codes = kv["code"];
      for (auto c : split(codes, '/')) dc.codes.emplace_back(c);
      if (dc.codes.empty()) {
        Warn(f, l.number, "actor without code=");
        continue;
      }
      if (kv.count("from")) { dc.from = iso(kv["from"]); dc.dated = true; }
      if (kv.count("to")) { dc.to = iso(kv["to"]); dc.dated = true; }
      for (auto n : names) {
        // Same name on several lines: one actor with several dated codes.
        auto words = Words(n, false);
        bool merged = false;
        for (uint32_t idx : actor_first_[words.empty() ? "" : words[0].text]) {
          auto& a = actors_[idx];
          if (a.file == f && a.words.size() == words.size() &&
              std::equal(a.words.begin(), a.words.end(), words.begin(),
                         [](const DictWord& x, const DictWord& y) { return x.text == y.text; })) {
            a.codes.push_back(dc);
            merged = true;
          }
        }
        if (merged) continue;
        AddActor(f, l.number, std::move(words), {dc});
      }
    } else if (kind == "agent") {
      std::string c = kv["code"];
      if (c.find('~') == std::string::npos) {
        Warn(f, l.number, "agent code needs '~' (code=~GOV or code=NGO~)");
        continue;
      }
      bool prefix = c.back() == '~';
      c.erase(std::remove(c.begin(), c.end(), '~'), c.end());
      for (auto n : names) AddAgent(f, l.number, Words(n, false), c, prefix);
    } else if (kind == "discard") {
      const bool story = kv.count("story") > 0;
      for (auto n : names) AddDiscard(f, l.number, Words(n, false), story);
    } else if (kind == "synset") {
      int id = SynsetId(fields[1]);
      if (fields.size() > 2)
        for (auto m : split(fields[2], ';')) {
          auto elems = ParseElems(f, l.number, m, false);
          if (!elems.empty()) synsets_[id].members.push_back(std::move(elems));
        }
    } else if (kind == "option") {
      for (auto n : names) {
        size_t e = n.find('=');
        if (e == std::string_view::npos || !SetOption(Trim(n.substr(0, e)), Trim(n.substr(e + 1))))
          Warn(f, l.number, "option not understood: " + std::string(n));
      }
    } else {
      Warn(f, l.number, "unknown kind '" + kind + "': ignored");
    }
  }
}

}  // namespace attache::dict
