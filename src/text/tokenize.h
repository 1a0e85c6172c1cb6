// Tokens as byte ranges over the normalised text. French elisions ("l'", "qu'") and
// inversions ("a-t-il", "dit-il") are split; English clitics ("'s", "n't") too; hyphenated
// words ("porte-parole", "Etats-Unis") and abbreviations with their dot ("U.S.", "M.") stay
// whole. The tokenizer writes into caller-owned vectors that are cleared, not freed.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace attache::text {

enum class TokenKind : uint8_t { kWord, kNumber, kPunct, kQuote };

enum TokenFlag : uint16_t {
  kCapitalized = 1u << 0,  // first letter upper case
  kAllCaps = 1u << 1,      // two or more letters, all upper case
  kElided = 1u << 2,       // "l'", "qu'": the token ends in an apostrophe
  kClitic = 1u << 3,       // inverted subject pronoun split off a verb: "-t-il"
  kAbbrev = 1u << 4,       // ends with a dot that belongs to it
  kHyphenated = 1u << 5,
  kOpenQuote = 1u << 6,    // « “ or a straight quote judged opening
  kCloseQuote = 1u << 7,   // » ” or a straight quote judged closing
  kParaStart = 1u << 8,
};

struct Token {
  uint32_t begin = 0;  // byte offsets into the normalised document text
  uint32_t end = 0;
  uint32_t key = 0;    // folded key: offset and length in the workspace key buffer
  uint16_t key_len = 0;
  uint16_t flags = 0;
  TokenKind kind = TokenKind::kWord;
};

// Abbreviations that keep their dot (folded, without the dot: "gen", "st", "u.s").
class AbbreviationSet {
 public:
  void Add(std::string_view folded_without_dot);
  bool Contains(std::string_view folded_without_dot) const;

 private:
  std::vector<std::string> items_;  // sorted
};

struct TokenizerOptions {
  bool french = true;   // elisions and inversions
  bool english = true;  // 's and n't
  const AbbreviationSet* abbreviations = nullptr;
};

// Tokenises text[begin,end) and appends to `tokens`; folded keys are appended to `keys`.
void Tokenize(std::string_view text, uint32_t begin, uint32_t end,
              const TokenizerOptions& options, std::vector<Token>& tokens, std::string& keys);

// The lookup key of a phrase from a data file: the phrase in NFC, tokenised with `options`
// exactly as running text is, its folded token keys joined by single spaces. A key only
// meets the runtime's if `options` are the ones the runtime reads that language with (see
// pack::LanguagePack::Tokenizer).
std::string PhraseKey(std::string_view phrase, const TokenizerOptions& options);

inline std::string_view KeyOf(const Token& t, const std::string& keys) {
  return std::string_view(keys).substr(t.key, t.key_len);
}

}  // namespace attache::text
