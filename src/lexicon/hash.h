// The hash used by the lexicon's open-addressing tables, shared by writer and reader:
// FNV-1a over a language byte followed by the key bytes.
#pragma once

#include <cstdint>
#include <string_view>

namespace attache::lex {

inline uint64_t KeyHash(uint8_t lang, std::string_view key) {
  uint64_t h = 1469598103934665603ull;
  h ^= lang;
  h *= 1099511628211ull;
  for (unsigned char c : key) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h ^ (h >> 29);
}

}  // namespace attache::lex
