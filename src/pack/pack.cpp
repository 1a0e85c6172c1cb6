// Parsing of the language pack rule files: grammar classes and event frames.
#include "pack/pack.h"

#include <sstream>

#include "lexicon/builder.h"
#include "text/fold.h"

namespace attache::pack {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> SplitList(std::string_view s) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == ',') {
      std::string_view item = Trim(s.substr(start, i - start));
      if (!item.empty()) out.push_back(item);
      start = i + 1;
    }
  }
  return out;
}

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

bool ParseSlot(std::string_view s, SlotSpec& out) {
  static const std::pair<std::string_view, Slot> kNames[] = {
      {"subject", Slot::kSubject},   {"object", Slot::kObject},
      {"with", Slot::kWith},         {"between", Slot::kBetween},
      {"against", Slot::kAgainst},   {"agent", Slot::kAgent},
      {"gen", Slot::kGenitive},      {"poss", Slot::kPossessor},
      {"place", Slot::kPlace},       {"complement", Slot::kComplement},
      {"bilateral", Slot::kBilateral}, {"domestic", Slot::kDomestic}, {"owner", Slot::kOwner}, {"act", Slot::kAct}, {"adversary", Slot::kAdversary}, {"story", Slot::kStory}};
  if (s.substr(0, 5) == "prep:") {
    out.slot = Slot::kPrep;
    out.prep = FoldWord(s.substr(5));
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

}  // namespace

std::string FoldWord(std::string_view word) {
  // A single word is folded as is ("l'", "qu'", "s'" keep their apostrophe, as the
  // tokenizer's elided tokens do); a phrase is tokenised like running text.
  if (word.find(' ') == std::string_view::npos) return text::Fold(word);
  return lex::PhraseKey(word);
}

bool LanguagePack::Is(std::string_view cls, std::string_view folded) const {
  auto it = classes_.find(cls);
  return it != classes_.end() && it->second.count(folded) > 0;
}

const std::set<std::string, std::less<>>& LanguagePack::Class(std::string_view cls) const {
  static const std::set<std::string, std::less<>> kEmpty;
  auto it = classes_.find(cls);
  return it == classes_.end() ? kEmpty : it->second;
}

Status LanguagePack::AddGrammar(std::string_view path, std::string_view text) {
  int line_no = 0;
  size_t pos = 0;
  std::string_view line;
  while (NextRuleLine(text, pos, line_no, line)) {
    size_t eq = line.find('=');
    if (eq == std::string_view::npos) return LineError(path, line_no, "expected `class = words`");
    std::string cls(Trim(line.substr(0, eq)));
    auto& set = classes_[cls];
    for (auto w : SplitList(line.substr(eq + 1))) set.insert(FoldWord(w));
  }
  return Status::Ok();
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
        std::string folded = FoldWord(w);
        std::istringstream in(folded);
        std::string tok;
        while (in >> tok) seq.push_back(tok);
        if (!seq.empty()) cur->nouns.push_back(std::move(seq));
      }
    } else if (key == "source" || key == "target") {
      auto& dst = key == "source" ? cur->source : cur->target;
      for (auto w : SplitList(val)) {
        SlotSpec s;
        if (!ParseSlot(w, s)) return LineError(path, line_no, "unknown slot `" + std::string(w) + "`");
        dst.push_back(s);
      }
    } else if (key == "mutual") {
      cur->mutual = val == "yes";
    } else if (key == "target-required") {
      cur->target_required = val == "yes";
    } else if (key == "tense") {
      if (val != "future")
        return LineError(path, line_no, "tense: only `future` is known, not `" + std::string(val) + "`");
      cur->future_only = true;
    } else if (key == "names-act") {
      cur->names_act = val == "yes";
    } else if (key == "location") {
      if (val != "source")
        return LineError(path, line_no, "location: only `source` is known, not `" + std::string(val) + "`");
      cur->at_source = true;
    } else if (key == "target-foreign") {
      cur->target_foreign = val == "yes";
    } else if (key == "source-required") {
      cur->source_required = val != "no";
    } else if (key == "plover") {
      cur->plover = val == "none" ? "" : std::string(val);
    } else if (key == "mode") {
      cur->mode = std::string(val);
    } else if (key == "cameo") {
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
      cur->confidence = std::stod(std::string(val));
    } else {
      return LineError(path, line_no, "unknown key `" + std::string(key) + "`");
    }
  }
  for (const Frame& f : frames) {
    if (f.cameo.empty()) return Status::Error(f.file + ": frame " + f.id + " has no cameo code");
    if (f.verbs.empty() && f.nouns.empty())
      return Status::Error(f.file + ": frame " + f.id + " has no verbs or nouns");
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

}  // namespace attache::pack
