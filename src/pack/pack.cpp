// Parsing of the language pack rule files: grammar classes and event frames.
#include "pack/pack.h"

#include <algorithm>
#include <charconv>

#include "text/fold.h"
#include "text/strings.h"

namespace attache::pack {
namespace {

using text::SplitList;
using text::Trim;

// The grammar classes of words that keep their dot; the second also never ends a sentence.
constexpr std::string_view kAbbreviations = "abbreviation";
constexpr std::string_view kTitleAbbreviations = "abbreviation.title";

// The next non-blank, non-comment line of a rule file, trimmed; false at the end.
bool NextRuleLine(std::string_view text, size_t& pos, int& line_no, std::string_view& line) {
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    line = Trim(text.substr(pos, nl - pos));
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.front() != '#') return true;
  }
  return false;
}

Status LineError(std::string_view path, int line, std::string_view what) {
  return Status::Error(std::string(path) + ":" + std::to_string(line) + ": " + std::string(what));
}

bool ParseSlot(const LanguagePack& pack, std::string_view s, SlotSpec& out) {
  static const std::pair<std::string_view, Slot> kNames[] = {
      {"subject", Slot::kSubject},   {"object", Slot::kObject},
      {"with", Slot::kWith},         {"between", Slot::kBetween},
      {"against", Slot::kAgainst},   {"agent", Slot::kAgent},
      {"gen", Slot::kGenitive},      {"poss", Slot::kPossessor},
      {"place", Slot::kPlace},       {"complement", Slot::kComplement},
      {"bilateral", Slot::kBilateral}, {"domestic", Slot::kDomestic}, {"owner", Slot::kOwner}, {"act", Slot::kAct}, {"adversary", Slot::kAdversary}, {"story", Slot::kStory}};
  if (s.substr(0, 5) == "prep:") {
    out.slot = Slot::kPrep;
    out.prep = pack.FoldWord(s.substr(5));
    return !out.prep.empty();
  }
  for (const auto& [name, slot] : kNames) {
    if (s == name) {
      out.slot = slot;
      return true;
    }
  }
  return false;
}

bool IsPloverType(std::string_view s) {
  static constexpr std::string_view kTypes[] = {
      "AGREE",  "CONSULT", "SUPPORT",  "CONCEDE",  "COOPERATE", "AID",      "RETREAT", "REQUEST",
      "ACCUSE", "REJECT",  "THREATEN", "SANCTION", "PROTEST",   "MOBILIZE", "COERCE",  "ASSAULT"};
  return std::find(std::begin(kTypes), std::end(kTypes), s) != std::end(kTypes);
}

// A CAMEO event code: 3 or 4 digits under a root from 01 to 20.
bool IsCameoCode(std::string_view s) {
  if (s.size() < 3 || s.size() > 4) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  const int root = (s[0] - '0') * 10 + (s[1] - '0');
  return root >= 1 && root <= 20;
}

// What is wrong with a whole frame once all its keys are read, or "".
std::string FrameProblem(const Frame& f) {
  if (f.cameo.empty()) return "has no cameo code";
  if (f.verbs.empty() && f.nouns.empty()) return "has no verbs or nouns";
  if (f.source.empty() && f.source_required) return "has no source slots";
  return "";
}

}  // namespace

text::TokenizerOptions LanguagePack::Tokenizer() const {
  text::TokenizerOptions opt;
  opt.french = lang == "fr";
  opt.english = lang == "en";
  opt.abbreviations = &abbreviations_;
  return opt;
}

std::string LanguagePack::FoldWord(std::string_view word) const {
  if (word.find(' ') == std::string_view::npos) return text::Fold(word);
  return text::PhraseKey(word, Tokenizer());
}

bool LanguagePack::Is(std::string_view cls, std::string_view folded) const {
  auto it = class_index_.find(cls);
  return it != class_index_.end() && it->second.find(folded) != it->second.end();
}

const std::set<std::string, std::less<>>& LanguagePack::Class(std::string_view cls) const {
  static const std::set<std::string, std::less<>> kEmpty;
  auto it = classes_.find(cls);
  return it == classes_.end() ? kEmpty : it->second;
}

Status LanguagePack::AddGrammar(std::string_view path, std::string_view text) {
  // Two passes: the abbreviations first, since they change how the other classes' phrases
  // are tokenised ("St. Louis").
  struct Entry {
    std::string_view cls, words;
  };
  std::vector<Entry> entries;
  int line_no = 0;
  size_t pos = 0;
  std::string_view line;
  while (NextRuleLine(text, pos, line_no, line)) {
    size_t eq = line.find('=');
    if (eq == std::string_view::npos) return LineError(path, line_no, "expected `class = words`");
    std::string_view cls = Trim(line.substr(0, eq));
    if (cls.empty()) return LineError(path, line_no, "a class name is missing before `=`");
    entries.push_back({cls, line.substr(eq + 1)});
  }
  std::vector<std::string> starters;
  for (const Entry& e : entries) {
    if (e.cls == "sentence.starters")
      for (auto w : SplitList(e.words)) starters.push_back(text::Fold(w));
    const bool title = e.cls == kTitleAbbreviations;
    if (e.cls != kAbbreviations && !title) continue;
    for (auto w : SplitList(e.words)) {
      std::string folded = text::Fold(w);
      if (!folded.empty() && folded.back() == '.') folded.pop_back();  // "St." as "st"
      if (!folded.empty()) abbreviations_.Add(folded);
      if (title) title_abbreviations_.emplace_back(w);
    }
  }
  splitter_ = text::SentenceSplitter(lang, title_abbreviations_, std::move(starters));
  for (const Entry& e : entries) {
    auto& set = classes_[std::string(e.cls)];
    auto& index = class_index_[std::string(e.cls)];
    for (auto w : SplitList(e.words)) {
      std::string folded = FoldWord(w);
      index.insert(folded);
      set.insert(std::move(folded));
    }
  }
  return Status::Ok();
}

// The frame keys that switch a flag on or off, and the flag each sets.
static bool Frame::*SwitchOf(std::string_view key) {
  static constexpr std::pair<std::string_view, bool Frame::*> kSwitches[] = {
      {"mutual", &Frame::mutual},
      {"target-required", &Frame::target_required},
      {"names-act", &Frame::names_act},
      {"target-foreign", &Frame::target_foreign},
      {"source-required", &Frame::source_required},
  };
  for (const auto& [name, flag] : kSwitches)
    if (key == name) return flag;
  return nullptr;
}

Status LanguagePack::AddFrames(std::string_view path, std::string_view text) {
  int line_no = 0;
  size_t pos = 0;
  Frame* cur = nullptr;
  std::string_view line;
  while (NextRuleLine(text, pos, line_no, line)) {
    if (line.front() == '[') {
      if (line.back() != ']') return LineError(path, line_no, "unclosed [frame id]");
      frames.emplace_back();
      cur = &frames.back();
      cur->id = lang + "." + std::string(Trim(line.substr(1, line.size() - 2)));
      cur->file = std::string(path);
      cur->line = line_no;
      continue;
    }
    if (cur == nullptr) return LineError(path, line_no, "a key before any [frame id]");
    size_t eq = line.find('=');
    if (eq == std::string_view::npos) return LineError(path, line_no, "expected `key = value`");
    std::string_view key = Trim(line.substr(0, eq));
    std::string_view val = Trim(line.substr(eq + 1));
    if (key == "verbs") {
      for (auto w : SplitList(val)) {
        VerbTrigger v;
        std::string_view word = w;
        if (word.size() > 5 && word.substr(word.size() - 5) == ":refl") {
          v.reflexive_only = true;
          word.remove_suffix(5);
        }
        size_t sp = word.find(' ');
        if (sp != std::string_view::npos) {
          v.particle = FoldWord(word.substr(sp + 1));
          word = word.substr(0, sp);
        }
        v.lemma = FoldWord(word);
        cur->verbs.push_back(std::move(v));
      }
    } else if (key == "nouns") {
      for (auto w : SplitList(val)) {
        std::vector<std::string> seq;
        const std::string folded = FoldWord(w);
        for (std::string_view tok : text::SplitWords(folded)) seq.emplace_back(tok);
        if (!seq.empty()) cur->nouns.push_back(std::move(seq));
      }
    } else if (key == "source" || key == "target") {
      auto& dst = key == "source" ? cur->source : cur->target;
      for (auto w : SplitList(val)) {
        SlotSpec s;
        if (!ParseSlot(*this, w, s)) return LineError(path, line_no, "unknown slot `" + std::string(w) + "`");
        dst.push_back(s);
      }
    } else if (bool Frame::*flag = SwitchOf(key)) {
      // Switches: `yes` or `no`, nothing else (a typo must not silently read as `no`).
      if (val != "yes" && val != "no")
        return LineError(path, line_no, std::string(key) + ": `yes` or `no`, not `" + std::string(val) + "`");
      cur->*flag = val == "yes";
    } else if (key == "tense") {
      if (val != "future")
        return LineError(path, line_no, "tense: only `future` is known, not `" + std::string(val) + "`");
      cur->future_only = true;
    } else if (key == "location") {
      if (val != "source")
        return LineError(path, line_no, "location: only `source` is known, not `" + std::string(val) + "`");
      cur->at_source = true;
    } else if (key == "plover") {
      if (val != "none" && !IsPloverType(val))
        return LineError(path, line_no, "plover: `" + std::string(val) + "` is not one of the 16 PLOVER types, nor `none`");
      cur->plover = val == "none" ? "" : std::string(val);
    } else if (key == "mode") {
      cur->mode = std::string(val);
    } else if (key == "cameo") {
      if (!IsCameoCode(val))
        return LineError(path, line_no, "cameo: `" + std::string(val) + "` is not a CAMEO event code (3 or 4 digits, root 01 to 20)");
      cur->cameo = std::string(val);
    } else if (key == "context") {
      for (auto w : SplitList(val)) cur->context.emplace_back(w);
    } else if (key == "cue") {
      for (auto w : SplitList(val)) cur->cues.push_back(FoldWord(w));
    } else if (key == "cue-scope") {
      cur->cue_in_sentence = val == "sentence";
    } else if (key == "exclude") {
      for (auto w : SplitList(val)) cur->excludes.push_back(FoldWord(w));
    } else if (key == "object") {
      for (auto w : SplitList(val)) cur->object_heads.push_back(FoldWord(w));
    } else if (key == "confidence") {
      double c = 0;
      auto [end, ec] = std::from_chars(val.data(), val.data() + val.size(), c);
      if (ec != std::errc() || end != val.data() + val.size() || c < 0 || c > 1)
        return LineError(path, line_no, "confidence: expected a number from 0 to 1, not `" + std::string(val) + "`");
      cur->confidence = c;
    } else {
      return LineError(path, line_no, "unknown key `" + std::string(key) + "`");
    }
  }
  for (const Frame& f : frames) {
    if (f.file != path) continue;
    std::string problem = FrameProblem(f);
    if (!problem.empty()) return LineError(path, f.line, "frame " + f.id + " " + problem);
  }
  return Status::Ok();
}

void LanguagePack::Index() {
  by_verb.clear();
  by_noun.clear();
  for (size_t i = 0; i < frames.size(); ++i) {
    for (const auto& v : frames[i].verbs) by_verb.emplace(v.lemma, i);
    for (const auto& n : frames[i].nouns) by_noun.emplace(n.front(), i);
  }
}

Status LoadPack(std::string_view lang, std::span<const Lexicon::PackFile> files,
                LanguagePack& pack) {
  pack.lang = std::string(lang);
  const std::string prefix = "lang/" + pack.lang + "/";
  auto rest_of = [&](std::string_view path) {
    return path.substr(0, prefix.size()) == prefix ? path.substr(prefix.size()) : std::string_view();
  };
  for (const auto& f : files) {
    if (rest_of(f.path) != "grammar.txt") continue;
    Status st = pack.AddGrammar(f.path, f.text);
    if (!st.ok()) return st;
  }
  for (const auto& f : files) {
    std::string_view rest = rest_of(f.path);
    if (rest.substr(0, 7) == "frames/") {
      Status st = pack.AddFrames(f.path, f.text);
      if (!st.ok()) return st;
    } else if (rest == "time.txt") {
      pack.time_text = std::string(f.text);
    } else if (rest == "selftest.txt") {
      pack.selftest_text = std::string(f.text);
    }
  }
  pack.Index();
  return Status::Ok();
}

}  // namespace attache::pack
