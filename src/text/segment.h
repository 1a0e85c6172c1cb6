// Sentences: ICU's filtered sentence iterator per paragraph, plus the fixes wire copy needs
// (titles and initials that ICU breaks after, a closing quote pushed to the next segment,
// over-long sentences cut with a diagnostic).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace attache::text {

struct SentenceRange {
  uint32_t b, e;
};

// Splits normalised UTF-8 text into sentences for one language: ICU's sentence rules and
// CLDR's abbreviations for that language, plus no break after the language pack's title
// abbreviations ("Gen. Smith", "Mme. Durand"). Immutable and shared by threads: each thread
// gets its own ICU iterator, built on first use.
class SentenceSplitter {
 public:
  SentenceSplitter() : SentenceSplitter("", {}) {}
  // `no_break_after`: words as written in the pack, with or without their dot ("gén",
  // "Gen.", "mme"); a break after the capitalised word and its dot ("Gén.") is suppressed.
  // `starters`: folded words that open a sentence (the pack's `sentence.starters`): a dot
  // after a short dotted abbreviation ("U.S.") before one of them ends the sentence.
  SentenceSplitter(std::string_view lang, const std::vector<std::string>& no_break_after,
                   std::vector<std::string> starters = {});

  // Splits text[b, e); `cut` is set when a sentence longer than `max_bytes` was split.
  std::vector<SentenceRange> Split(std::string_view text, uint32_t b, uint32_t e,
                                   size_t max_bytes, bool& cut) const;

 private:
  std::string lang_;
  std::vector<std::string> starters_;    // folded sentence openers
  std::vector<std::string> suppressed_;  // "Gén.", "Mme.": ICU suppression strings (titles as written, capitalised)
  uint64_t id_;                          // names this configuration in the thread caches
};

}  // namespace attache::text
