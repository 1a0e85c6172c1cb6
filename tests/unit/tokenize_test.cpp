// Unit tests for src/text/tokenize: English clitics with straight and typographic apostrophes.
#include "text/tokenize.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace attache::text {
namespace {

std::vector<std::string> Tokens(std::string_view text, bool folded_keys) {
  TokenizerOptions opt;
  std::vector<Token> tokens;
  std::string keys;
  Tokenize(text, 0, static_cast<uint32_t>(text.size()), opt, tokens, keys);
  std::vector<std::string> out;
  for (const Token& t : tokens) {
    if (folded_keys) out.emplace_back(KeyOf(t, keys));
    else out.emplace_back(text.substr(t.begin, t.end - t.begin));
  }
  return out;
}
std::vector<std::string> Words(std::string_view text) { return Tokens(text, false); }
std::vector<std::string> Keys(std::string_view text) { return Tokens(text, true); }

TEST(TokenizeTest, NotCliticSplitsWithEitherApostrophe) {
  auto straight = Words("They didn't agree.");
  auto typographic = Words("They didn\u2019t agree.");
  ASSERT_EQ(straight, (std::vector<std::string>{"They", "did", "n't", "agree", "."}));
  ASSERT_EQ(typographic.size(), straight.size());
  EXPECT_EQ(typographic[1], "did");
  EXPECT_EQ(typographic[2], "n\u2019t");
  EXPECT_EQ(Keys("They didn\u2019t agree."), Keys("They didn't agree."));
}

TEST(TokenizeTest, FrenchNeIsNotSplitBeforeACapital) {
  // "ne" never stands before a capitalised word: "N'Djamena" is one name, while "n'a" and
  // "l'Ukraine" are elisions.
  EXPECT_EQ(Words("N'Djamena n'a pas vu l'Ukraine."),
            (std::vector<std::string>{"N'Djamena", "n'", "a", "pas", "vu", "l'", "Ukraine", "."}));
}

TEST(TokenizeTest, PossessiveSplitsWithEitherApostrophe) {
  EXPECT_EQ(Words("Russia's army"), (std::vector<std::string>{"Russia", "'s", "army"}));
  EXPECT_EQ(Words("Russia\u2019s army"), (std::vector<std::string>{"Russia", "\u2019s", "army"}));
}

}  // namespace
}  // namespace attache::text
