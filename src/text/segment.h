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

// Splits text[b, e) (normalised UTF-8) into sentences. `lang` selects ICU's rules and
// abbreviation list; `cut` is set when a sentence longer than `max_bytes` was split.
std::vector<SentenceRange> SplitSentences(std::string_view text, uint32_t b, uint32_t e,
                                          std::string_view lang, size_t max_bytes, bool& cut);

}  // namespace attache::text
