// Hunspell .aff/.dic reader and form enumerator (see hunspell_affix.h for what is modelled).
#include "lexicon/sources/hunspell_affix.h"

#include <charconv>
#include <fstream>
#include <sstream>

#include "text/fold.h"
#include "text/strings.h"

namespace attache::lex::sources {
namespace {

std::u32string ToU32(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) out.push_back(text::NextCodePoint(s, i));
  return out;
}

// Parses a condition such as "[^cg]er" into one code-point set per position.
bool ParseCondition(std::string_view text, AffixRule& rule) {
  if (text == ".") return true;
  std::u32string cps = ToU32(text);
  for (size_t i = 0; i < cps.size(); ++i) {
    if (cps[i] == U'[') {
      size_t close = cps.find(U']', i);
      if (close == std::u32string::npos) return false;
      bool neg = i + 1 < close && cps[i + 1] == U'^';
      rule.condition.push_back(cps.substr(i + 1 + (neg ? 1 : 0), close - i - 1 - (neg ? 1 : 0)));
      rule.negated.push_back(neg);
      i = close;
    } else if (cps[i] == U'.') {
      rule.condition.push_back(std::u32string());  // empty negated set: any character
      rule.negated.push_back(true);
    } else {
      rule.condition.push_back(std::u32string(1, cps[i]));
      rule.negated.push_back(false);
    }
  }
  return true;
}

}  // namespace

bool HunspellDictionary::Has(const std::vector<AffixFlag>& flags, AffixFlag f) {
  if (f == 0) return false;
  for (AffixFlag x : flags) {
    if (x == f) return true;
  }
  return false;
}

std::vector<AffixFlag> HunspellDictionary::ParseFlags(std::string_view text) const {
  std::vector<AffixFlag> out;
  switch (mode_) {
    case FlagMode::kChar:
      for (unsigned char c : text) out.push_back(c);
      break;
    case FlagMode::kLong:
      for (size_t i = 0; i + 1 < text.size(); i += 2) {
        out.push_back((static_cast<unsigned char>(text[i]) << 8) |
                      static_cast<unsigned char>(text[i + 1]));
      }
      break;
    case FlagMode::kUtf8:
      for (size_t i = 0; i < text.size();) out.push_back(text::NextCodePoint(text, i));
      break;
    case FlagMode::kNum: {
      size_t i = 0;
      while (i < text.size()) {
        size_t j = text.find(',', i);
        if (j == std::string_view::npos) j = text.size();
        uint32_t v = 0;
        std::from_chars(text.data() + i, text.data() + j, v);
        out.push_back(v);
        i = j + 1;
      }
      break;
    }
  }
  return out;
}

AffixFlag HunspellDictionary::Flag(std::string_view one) const {
  auto v = ParseFlags(one);
  return v.empty() ? 0 : v.front();
}

bool HunspellDictionary::Matches(const AffixRule& rule, const std::u32string& word, bool prefix) {
  const size_t n = rule.condition.size();
  if (n > word.size()) return false;
  const size_t base = prefix ? 0 : word.size() - n;
  for (size_t i = 0; i < n; ++i) {
    const char32_t c = word[base + i];
    const bool in = rule.condition[i].find(c) != std::u32string::npos;
    if (in == rule.negated[i]) return false;
  }
  return true;
}

Status HunspellDictionary::ParseAff(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error("cannot read " + path);
  std::string line;
  int line_no = 0;
  // Remaining rule lines of the class being read.
  int pending = 0;
  AffixFlag current = 0;
  while (std::getline(in, line)) {
    ++line_no;
    std::string_view l = text::Trim(line);
    if (l.empty() || l[0] == '#') continue;
    auto f = text::SplitWords(l);
    if (f.empty()) continue;
    const std::string_view key = f[0];
    if (key == "AF" || key == "AM") {
      return Status::Error(path + ": AF/AM alias tables are not supported by lexc");
    }
    if (key == "FLAG" && f.size() >= 2) {
      if (f[1] == "long")
        mode_ = FlagMode::kLong;
      else if (f[1] == "UTF-8")
        mode_ = FlagMode::kUtf8;
      else if (f[1] == "num")
        mode_ = FlagMode::kNum;
      continue;
    }
    if (key == "NEEDAFFIX" && f.size() >= 2) {
      need_affix_ = Flag(f[1]);
      continue;
    }
    if (key == "FORBIDDENWORD" && f.size() >= 2) {
      forbidden_ = Flag(f[1]);
      continue;
    }
    if (key == "ONLYINCOMPOUND" && f.size() >= 2) {
      only_in_compound_ = Flag(f[1]);
      continue;
    }
    if (key != "PFX" && key != "SFX") continue;
    if (f.size() < 4)
      return Status::Error(path + ":" + std::to_string(line_no) + ": short affix line");
    const AffixFlag flag = Flag(f[1]);
    if (pending == 0 || flag != current) {
      // Class header: PFX flag cross_product count
      AffixClass& c = classes_[flag];
      c.prefix = key == "PFX";
      c.cross = f[2] == "Y";
      int count = 0;
      std::from_chars(f[3].data(), f[3].data() + f[3].size(), count);
      pending = count;
      current = flag;
      continue;
    }
    if (f.size() < 5) {
      return Status::Error(path + ":" + std::to_string(line_no) + ": affix rule without condition");
    }
    AffixRule r;
    if (f[2] != "0") r.strip = std::string(f[2]);
    std::string_view add = f[3];
    size_t slash = add.find('/');
    if (slash != std::string_view::npos) {
      r.cont = ParseFlags(add.substr(slash + 1));
      add = add.substr(0, slash);
    }
    if (add != "0") r.append = std::string(add);
    if (!ParseCondition(f[4], r)) {
      return Status::Error(path + ":" + std::to_string(line_no) + ": bad condition");
    }
    for (size_t i = 5; i < f.size(); ++i) {
      if (!r.morph.empty()) r.morph.push_back(' ');
      r.morph.append(f[i]);
    }
    classes_[flag].rules.push_back(std::move(r));
    --pending;
  }
  return Status::Ok();
}

Status HunspellDictionary::ParseDic(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error("cannot read " + path);
  std::string line;
  bool first = true;
  while (std::getline(in, line)) {
    std::string_view l = text::Trim(line);
    if (first) {  // the first line is the entry count
      first = false;
      continue;
    }
    if (l.empty() || l[0] == '#') continue;
    // The stem ends at the first unescaped '/', space or tab; morphology follows the space.
    size_t end = l.find_first_of(" \t");
    std::string_view word = end == std::string_view::npos ? l : l.substr(0, end);
    DicEntry e;
    size_t slash = word.find('/');
    // A stem that is just "/" or starts with it has no flags.
    if (slash != std::string_view::npos && slash > 0) {
      e.flags = ParseFlags(word.substr(slash + 1));
      word = word.substr(0, slash);
    }
    e.stem = std::string(word);
    if (end != std::string_view::npos) {
      std::string_view rest = l.substr(end);
      while (!rest.empty() && (rest[0] == ' ' || rest[0] == '\t')) rest.remove_prefix(1);
      e.morph = std::string(rest);
    }
    entries_.push_back(std::move(e));
  }
  return Status::Ok();
}

Status HunspellDictionary::Load(const std::string& aff_path, const std::string& dic_path) {
  Status s = ParseAff(aff_path);
  if (!s.ok()) return s;
  return ParseDic(dic_path);
}

void HunspellDictionary::Expand(const std::function<bool(const AffixRule&)>& skip_prefix,
                                const std::function<void(const ExpandedForm&)>& emit) const {
  std::string buf;
  std::string buf2;
  for (const DicEntry& e : entries_) {
    if (Has(e.flags, forbidden_) || Has(e.flags, only_in_compound_)) continue;
    const std::u32string stem32 = ToU32(e.stem);
    if (!Has(e.flags, need_affix_)) emit({e.stem, &e, nullptr, nullptr, 0, 0});

    // Suffixes on the stem. A suffix whose continuation carries NEEDAFFIX yields no word
    // on its own.
    auto apply_suffix = [&](const std::u32string& w32, const std::string& w, const AffixRule* pre,
                            AffixFlag pre_flag, const std::vector<AffixFlag>& flags,
                            bool only_cross) {
      for (AffixFlag fl : flags) {
        const AffixClass* c = Class(fl);
        if (c == nullptr || c->prefix) continue;
        if (only_cross && !c->cross) continue;
        for (const AffixRule& r : c->rules) {
          if (!Matches(r, w32, false)) continue;
          if (r.strip.size() > w.size() ||
              w.compare(w.size() - r.strip.size(), r.strip.size(), r.strip) != 0) {
            continue;
          }
          if (Has(r.cont, need_affix_)) continue;
          buf2.assign(w, 0, w.size() - r.strip.size());
          buf2.append(r.append);
          emit({buf2, &e, pre, &r, fl, pre_flag});
        }
      }
    };
    apply_suffix(stem32, e.stem, nullptr, 0, e.flags, false);

    // Prefixes, alone and (cross product) with the stem's suffixes or with the prefix
    // rule's own continuation suffixes.
    for (AffixFlag fl : e.flags) {
      const AffixClass* c = Class(fl);
      if (c == nullptr || !c->prefix) continue;
      for (const AffixRule& r : c->rules) {
        if (skip_prefix && skip_prefix(r)) continue;
        if (!Matches(r, stem32, true)) continue;
        if (r.strip.size() > e.stem.size() || e.stem.compare(0, r.strip.size(), r.strip) != 0) {
          continue;
        }
        buf.assign(r.append);
        buf.append(e.stem, r.strip.size());
        const bool need = Has(r.cont, need_affix_) || Has(e.flags, need_affix_);
        if (!need) emit({buf, &e, &r, nullptr, 0, fl});
        const std::u32string w32 = ToU32(buf);
        const std::string w = buf;
        if (c->cross) apply_suffix(w32, w, &r, fl, e.flags, true);
        apply_suffix(w32, w, &r, fl, r.cont, false);
      }
    }
  }
}

void SplitMorph(std::string_view morph, std::vector<std::string_view>& values,
                std::vector<std::string_view>* other) {
  for (std::string_view f : text::SplitWords(morph)) {
    if (f.size() > 3 && f[2] == ':') {
      const std::string_view k = f.substr(0, 2);
      if (k == "po" || k == "is") {
        values.push_back(f.substr(3));
      } else if (other != nullptr) {
        other->push_back(f);
      }
    }
  }
}

}  // namespace attache::lex::sources
