// Unit tests for src/text/segment: the sentence splitter takes the titles it must not break
// after from the language pack (grammar class `abbreviation.title`), not from a list of its
// own.
#include "text/segment.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "pack/pack.h"

namespace attache::text {
namespace {

std::vector<std::string> Sentences(const SentenceSplitter& splitter, std::string_view text) {
  bool cut = false;
  std::vector<std::string> out;
  for (const SentenceRange& r :
       splitter.Split(text, 0, static_cast<uint32_t>(text.size()), 4096, cut))
    out.emplace_back(text.substr(r.b, r.e - r.b));
  return out;
}

TEST(SegmentTest, NoBreakAfterThePacksTitles) {
  const std::string text = "Gen. Smith met Adm. Jones. They left.";
  EXPECT_EQ(Sentences(SentenceSplitter("en", {"gen", "Adm."}), text),
            (std::vector<std::string>{"Gen. Smith met Adm. Jones.", "They left."}));
  // Without them in the list, ICU breaks after "Gen." (CLDR's English list lacks it).
  EXPECT_GT(Sentences(SentenceSplitter("en", {}), text).size(), 2u);
}

TEST(SegmentTest, AccentedTitleIsMatchedAsWritten) {
  const std::string text = "Le Gén. Dupont est venu. Il est reparti.";
  EXPECT_EQ(Sentences(SentenceSplitter("fr", {"gén"}), text),
            (std::vector<std::string>{"Le Gén. Dupont est venu.", "Il est reparti."}));
}

TEST(SegmentTest, OtherAbbreviationsStillEndSentences) {
  // "Inc." keeps its dot in tokens but may end a sentence: it is not a title.
  const std::string text = "He works for Acme Inc. The company said so.";
  EXPECT_EQ(Sentences(SentenceSplitter("en", {"gen"}), text),
            (std::vector<std::string>{"He works for Acme Inc.", "The company said so."}));
}

TEST(SegmentTest, NoBreakBetweenAShortAbbreviationAndAFigure) {
  const std::string text =
      "Its fighters attacked on Oct. 7 and again on Sept. 12. Talks resumed in Oct. Officials "
      "met.";
  EXPECT_EQ(Sentences(SentenceSplitter("en", {}), text),
            (std::vector<std::string>{"Its fighters attacked on Oct. 7 and again on Sept. 12.",
                                      "Talks resumed in Oct.", "Officials met."}));
}

TEST(SegmentTest, LanguagePackBuildsItsSplitterFromTheGrammar) {
  pack::LanguagePack en;
  en.lang = "en";
  ASSERT_TRUE(en.AddGrammar("lang/en/grammar.txt",
                            "abbreviation.title = sen\nabbreviation = inc\n").ok());
  EXPECT_EQ(Sentences(en.Splitter(), "Sen. Smith spoke. Acme Inc. The end."),
            (std::vector<std::string>{"Sen. Smith spoke.", "Acme Inc.", "The end."}));
  // Both classes keep their dot in tokens.
  EXPECT_TRUE(en.Tokenizer().abbreviations->Contains("sen"));
  EXPECT_TRUE(en.Tokenizer().abbreviations->Contains("inc"));
}

}  // namespace
}  // namespace attache::text
