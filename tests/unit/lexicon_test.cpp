// The gazetteer keys the lexicon compiler writes must be the keys the runtime builds from
// running text of each language: same elision and clitic rules, same abbreviations. A
// small lexicon is built here from a few pack lines and names, and looked up through the
// tokens of real sentences; the full lexicon is checked through the coder.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "attache/coder.h"
#include "lexicon/builder.h"
#include "lexicon/lexicon.h"
#include "pack/pack.h"
#include "text/tokenize.h"
#include "shared_coder.h"

namespace attache {
namespace {

// Entity ids the runtime finds for the words `phrase` of `sentence`, tokenised as `pack`'s
// language is: the keys of the tokens covering the phrase, joined as the engine joins them.
std::vector<uint32_t> Find(const Lexicon& lx, const pack::LanguagePack& pack, lex::Lang lang,
                           const std::string& sentence, const std::string& phrase) {
  const size_t at = sentence.find(phrase);
  EXPECT_NE(at, std::string::npos) << phrase;
  if (at == std::string::npos) return {};
  std::vector<text::Token> tokens;
  std::string keys;
  text::Tokenize(sentence, 0, static_cast<uint32_t>(sentence.size()), pack.Tokenizer(), tokens,
                 keys);
  std::string key;
  for (const text::Token& t : tokens) {
    if (t.begin < at || t.end > at + phrase.size()) continue;
    if (!key.empty()) key.push_back(' ');
    key.append(text::KeyOf(t, keys));
  }
  std::vector<uint32_t> ids;
  for (lex::Lang lg : {lang, lex::Lang::kAny})
    for (uint32_t id : lx.Entities(lg, key)) ids.push_back(id);
  return ids;
}

class SmallLexiconTest : public ::testing::Test {
 protected:
  void SetUp() override {
    builder_.AddPackFile("lang/fr/grammar.txt", "abbreviation = m, st, ste\n");
    builder_.AddPackFile("lang/en/grammar.txt", "abbreviation = mr, St.\n");
    lex::EntitySpec civ;
    civ.kind = lex::EntityKind::kCountry;
    civ.name = "Côte d'Ivoire";
    civ.country = "CIV";
    civ_ = builder_.AddEntity(civ);
    builder_.AddAlias(lex::Lang::kAny, "Côte d\u2019Ivoire", civ_);
    lex::EntitySpec city;
    city.kind = lex::EntityKind::kCity;
    city.name = "St. Catharines";
    city.country = "CAN";
    city_ = builder_.AddEntity(city);
    builder_.AddAlias(lex::Lang::kAny, "St. Catharines", city_);
    lex::EntitySpec title;
    title.kind = lex::EntityKind::kTitle;
    title.name = "chargé d'affaires";
    title_ = builder_.AddEntity(title);
    builder_.AddAlias(lex::Lang::kEn, "chargé d'affaires", title_);
    builder_.AddAlias(lex::Lang::kFr, "chargé d'affaires", title_);
    path_ = ::testing::TempDir() + "lexicon_test_" + std::to_string(getpid()) + ".lex";
    ASSERT_TRUE(builder_.Write(path_).ok());
    auto lx = Lexicon::Open(path_);
    ASSERT_TRUE(lx.ok()) << lx.status().message();
    lexicon_ = std::move(lx.value());
    std::vector<Lexicon::PackFile> files = lexicon_->pack_files();
    ASSERT_TRUE(pack::LoadPack("fr", files, fr_).ok());
    ASSERT_TRUE(pack::LoadPack("en", files, en_).ok());
  }
  void TearDown() override { std::remove(path_.c_str()); }

  lex::Builder builder_;
  uint32_t civ_ = 0, city_ = 0, title_ = 0;
  std::string path_;
  std::unique_ptr<Lexicon> lexicon_;
  pack::LanguagePack fr_, en_;
};

TEST_F(SmallLexiconTest, ElidedNameIsFoundInEitherLanguage) {
  EXPECT_EQ(Find(*lexicon_, en_, lex::Lang::kEn, "Talks opened in Côte d'Ivoire on Monday.",
                 "Côte d'Ivoire"),
            std::vector<uint32_t>{civ_});
  EXPECT_EQ(Find(*lexicon_, fr_, lex::Lang::kFr, "Les pourparlers ont commencé en Côte d'Ivoire.",
                 "Côte d'Ivoire"),
            std::vector<uint32_t>{civ_});
  // The French key ("cote d' ivoire") is not an English one, nor the reverse.
  EXPECT_TRUE(lexicon_->Entities(lex::Lang::kEn, "cote d' ivoire").empty());
  EXPECT_TRUE(lexicon_->Entities(lex::Lang::kFr, "cote d'ivoire").empty());
}

TEST_F(SmallLexiconTest, AbbreviatedNameIsFoundWithThePacksAbbreviations) {
  EXPECT_EQ(Find(*lexicon_, en_, lex::Lang::kEn, "The mayor of St. Catharines said so.",
                 "St. Catharines"),
            std::vector<uint32_t>{city_});
  EXPECT_EQ(Find(*lexicon_, fr_, lex::Lang::kFr, "Le maire de St. Catharines l'a dit.",
                 "St. Catharines"),
            std::vector<uint32_t>{city_});
}

TEST_F(SmallLexiconTest, LanguageAliasIsKeyedWithItsLanguagesRules) {
  EXPECT_EQ(Find(*lexicon_, en_, lex::Lang::kEn, "The chargé d'affaires was summoned.",
                 "chargé d'affaires"),
            std::vector<uint32_t>{title_});
  EXPECT_EQ(Find(*lexicon_, fr_, lex::Lang::kFr, "Le chargé d'affaires a été convoqué.",
                 "chargé d'affaires"),
            std::vector<uint32_t>{title_});
}

TEST(LanguagePackTest, PhrasesAreFoldedWithTheLanguagesTokenizer) {
  pack::LanguagePack fr, en;
  fr.lang = "fr";
  en.lang = "en";
  ASSERT_TRUE(fr.AddGrammar("lang/fr/grammar.txt", "x = chargé d'affaires\nabbreviation = st\n").ok());
  ASSERT_TRUE(en.AddGrammar("lang/en/grammar.txt", "x = chargé d'affaires, St. Louis\nabbreviation = st\n").ok());
  EXPECT_TRUE(fr.Is("x", "charge d' affaires"));
  EXPECT_TRUE(en.Is("x", "charge d'affaires"));
  // The abbreviation class applies to lines above it too.
  EXPECT_TRUE(en.Is("x", "st louis"));
}

// Frames are checked by one parser, pack::LoadPack, which the coder and lexc both run: a bad
// frame is refused with its file and line, by the builder too.
constexpr std::string_view kGoodFrame =
    "[meet]\nverbs = meet\nsource = subject\ntarget = object\nplover = CONSULT\ncameo = 040\n";

Status LoadFrames(std::string_view frames) {
  std::vector<Lexicon::PackFile> files = {{"lang/en/grammar.txt", "determiner = the\n"},
                                          {"lang/en/frames/test.txt", frames}};
  pack::LanguagePack en;
  return pack::LoadPack("en", files, en);
}

TEST(FrameCheckTest, GoodFrameLoads) { EXPECT_TRUE(LoadFrames(kGoodFrame).ok()); }

TEST(FrameCheckTest, BadFramesNameFileLineAndProblem) {
  const std::pair<std::string, std::string> cases[] = {
      {std::string(kGoodFrame) + "colour = blue\n", "lang/en/frames/test.txt:7: unknown key `colour`"},
      {"# c\n\n[a]\nverbs = meet\nsource = subject\nplover = CONSULT\n",
       "lang/en/frames/test.txt:3: frame en.a has no cameo code"},
      {"[a]\nverbs = meet\nsource = subject\nplover = CONSULT\ncameo = 4x\n",
       "lang/en/frames/test.txt:5: cameo: `4x` is not a CAMEO event code"},
      {"[a]\nverbs = meet\nsource = subject\nplover = CONSULTS\ncameo = 040\n",
       "lang/en/frames/test.txt:4: plover: `CONSULTS` is not one of the 16 PLOVER types"},
      {"[a]\nverbs = meet\nplover = CONSULT\ncameo = 040\n",
       "lang/en/frames/test.txt:1: frame en.a has no source slots"},
      {"[a]\nsource = subject\ncameo = 040\n", "lang/en/frames/test.txt:1: frame en.a has no verbs or nouns"},
      {"[a]\nverbs = meet\nsource = subject, nearby\ncameo = 040\n",
       "lang/en/frames/test.txt:3: unknown slot `nearby`"},
      {"[a]\nverbs = meet\nsource = subject\ncameo = 040\nconfidence = high\n",
       "lang/en/frames/test.txt:5: confidence: expected a number from 0 to 1"},
      {"[a]\nverbs = meet\nsource = subject\ncameo = 040\nmutual = ys\n",
       "lang/en/frames/test.txt:5: mutual: `yes` or `no`, not `ys`"},
  };
  for (const auto& [frames, want] : cases) {
    Status st = LoadFrames(frames);
    ASSERT_FALSE(st.ok()) << frames;
    EXPECT_EQ(st.message().substr(0, want.size()), want) << st.message();
  }
}

TEST(FrameCheckTest, BuilderRefusesABadFrame) {
  lex::Builder builder;
  builder.AddPackFile("lang/fr/grammar.txt", "determiner = le\n");
  builder.AddPackFile("lang/fr/frames/test.txt", "[a]\nverbes = rencontrer\n");
  Status st = builder.CheckPacks();
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.message(), "lang/fr/frames/test.txt:2: unknown key `verbes`");
  const std::string path = ::testing::TempDir() + "lexicon_test_bad_" + std::to_string(getpid());
  EXPECT_FALSE(builder.Write(path).ok());
  std::remove(path.c_str());
}

// The full lexicon, through the coder: the names are mentions with their country.
using attache::test_support::SharedCoder;

bool HasMention(const Document& d, const std::string& words, const std::string& country) {
  return std::any_of(d.mentions.begin(), d.mentions.end(), [&](const Mention& m) {
    return m.span.text == words && m.country == country;
  });
}

Document Code(const std::string& lang, const std::string& text) {
  DocumentInput in;
  in.id = "t";
  in.lang = lang;
  in.published = "2025-03-14";
  in.text = text;
  return SharedCoder()->Code(in);
}

TEST(LexiconNamesTest, EnglishCoteDIvoireAndStNames) {
  ASSERT_NE(SharedCoder(), nullptr);
  Document d = Code("en",
                    "Ministers from Côte d'Ivoire met their Ghanaian counterparts on Friday. "
                    "The talks later moved to St. Catharines.");
  EXPECT_TRUE(HasMention(d, "Côte d'Ivoire", "CIV"));
  EXPECT_TRUE(HasMention(d, "St. Catharines", "CAN"));
}

TEST(LexiconNamesTest, FrenchCoteDIvoire) {
  ASSERT_NE(SharedCoder(), nullptr);
  Document d = Code("fr",
                    "Des ministres de Côte d'Ivoire ont rencontré vendredi leurs homologues "
                    "ghanéens, puis se sont rendus à St. Catharines.");
  EXPECT_TRUE(HasMention(d, "Côte d'Ivoire", "CIV"));
  EXPECT_TRUE(HasMention(d, "St. Catharines", "CAN"));
}

}  // namespace
}  // namespace attache
