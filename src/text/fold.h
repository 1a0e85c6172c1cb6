// Case and accent folding shared by the lexicon compiler and the runtime: the key under
// which a token or a phrase is looked up. "États-Unis", "ETATS-UNIS" and "Etats-Unis" fold to
// "etats-unis"; typographic apostrophes and hyphens become ASCII; "œ" becomes "oe".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace attache::text {

// Appends the folded form of `in` (valid UTF-8) to `out`. Allocation-free once `out` has
// capacity: the runtime calls this once per token into a reused buffer.
void FoldAppend(std::string_view in, std::string& out);

inline std::string Fold(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  FoldAppend(in, out);
  return out;
}

// A 16-bit hash of the case-folded form with its accents kept: folding for lookup merges
// "affirmé" with "affirme", and this tells their readings apart again.
uint16_t FormHash(std::string_view form);

// Decodes one code point at `i` (advancing it); U+FFFD on a bad sequence.
char32_t NextCodePoint(std::string_view s, size_t& i);
void AppendUtf8(char32_t cp, std::string& out);

bool IsLetter(char32_t cp);
bool IsUpper(char32_t cp);
bool IsDigit(char32_t cp);
bool IsSpace(char32_t cp);

}  // namespace attache::text
