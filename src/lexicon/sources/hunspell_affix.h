// A reader for hunspell .aff/.dic pairs that enumerates every surface form a dictionary
// accepts, with the morphological fields of its stem and of the affix that built it. lexc
// uses it to turn hunspell-fr and hunspell-en-us into full-form tables at build time, so the
// runtime never calls hunspell. The `unmunch` tool cannot do this: it does not understand
// `FLAG long` (hunspell-fr) and prints continuation flags as part of the words.
//
// What is modelled: FLAG (char, long, UTF-8, num), PFX/SFX classes with strip, append,
// continuation flags, conditions and morphological fields, cross products, NEEDAFFIX,
// FORBIDDENWORD, ONLYINCOMPOUND. What is not: compounding (COMPOUNDRULE etc.), AF/AM alias
// tables and two-level suffixes; Load() fails on AF/AM so a dictionary update that starts
// using them cannot be expanded silently wrong.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "attache/status.h"

namespace attache::lex::sources {

using AffixFlag = uint32_t;

// One PFX/SFX line.
struct AffixRule {
  std::string strip;                      // removed from the stem (empty for 0)
  std::string append;                     // added to the stem (empty for 0)
  std::vector<AffixFlag> cont;            // continuation flags of the affixed word
  std::vector<std::u32string> condition;  // one set per code point; see Matches()
  std::vector<bool> negated;              // condition element is [^...]
  std::string morph;                      // morphological fields, e.g. "po:ipre po:3sg"
};

struct AffixClass {
  bool prefix = false;
  bool cross = false;  // may combine with an affix of the other side
  std::vector<AffixRule> rules;
};

// One dictionary line: stem, its flags and morphological fields.
struct DicEntry {
  std::string stem;
  std::vector<AffixFlag> flags;
  std::string morph;
};

// One generated surface form.
struct ExpandedForm {
  std::string_view form;
  const DicEntry* entry;
  const AffixRule* prefix;  // nullptr when none
  const AffixRule* suffix;  // nullptr when none
  AffixFlag suffix_flag;    // the suffix class flag (0 when none)
  AffixFlag prefix_flag;    // the prefix class flag (0 when none)
};

class HunspellDictionary {
 public:
  Status Load(const std::string& aff_path, const std::string& dic_path);

  // Parses a flag string of the .dic/.aff ("a0p+()" under FLAG long) into flags.
  std::vector<AffixFlag> ParseFlags(std::string_view text) const;
  AffixFlag Flag(std::string_view one) const;

  // Calls `emit` for every form of every entry. `skip_prefix(rule)` lets the caller drop
  // prefixes it does not want (French elisions "l'", "d'", which the tokenizer splits).
  void Expand(const std::function<bool(const AffixRule&)>& skip_prefix,
              const std::function<void(const ExpandedForm&)>& emit) const;

  const std::vector<DicEntry>& entries() const { return entries_; }
  const AffixClass* Class(AffixFlag f) const {
    auto it = classes_.find(f);
    return it == classes_.end() ? nullptr : &it->second;
  }
  static bool Has(const std::vector<AffixFlag>& flags, AffixFlag f);

 private:
  enum class FlagMode { kChar, kLong, kUtf8, kNum };
  Status ParseAff(const std::string& path);
  Status ParseDic(const std::string& path);
  static bool Matches(const AffixRule& rule, const std::u32string& word, bool prefix);

  FlagMode mode_ = FlagMode::kChar;
  AffixFlag need_affix_ = 0;
  AffixFlag forbidden_ = 0;
  AffixFlag only_in_compound_ = 0;
  std::unordered_map<AffixFlag, AffixClass> classes_;
  std::vector<DicEntry> entries_;
};

// Splits "po:nom is:mas is:sg" into its fields' values ("nom", "mas", "sg") after dropping
// the two-letter key; values keep their order. Fields with keys other than po/is (st:, dp:,
// ds:, al:) are returned through `other` as key:value.
void SplitMorph(std::string_view morph, std::vector<std::string_view>& values,
                std::vector<std::string_view>* other = nullptr);

}  // namespace attache::lex::sources
