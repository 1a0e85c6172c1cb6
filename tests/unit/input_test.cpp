// Unit tests for src/ingest: reading files, stdin, JSON Lines, PETRARCH XML and TABARI story
// files into DocumentInputs with size limits, binary detection and UTF-8 repair.
#include "ingest/input.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace attache::ingest {
namespace {

namespace fs = std::filesystem;

bool HasDiagnostic(const InputItem& item, const std::string& code) {
  for (const auto& d : item.diagnostics) {
    if (d.code == code) return true;
  }
  return false;
}

// A scratch directory removed at the end of each test.
class InputTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/attache-input-test-XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& bytes) {
    const fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }

  std::vector<InputItem> ReadAll(std::vector<std::string> paths, ReadOptions options = {},
                                 std::FILE* in = stdin) {
    InputReader reader(std::move(paths), options, in);
    std::vector<InputItem> items;
    InputItem item;
    while (reader.Next(&item)) items.push_back(item);
    return items;
  }

  fs::path dir_;
};

TEST(InputPieces, FileStemDropsDirectoriesAndLastExtension) {
  EXPECT_EQ(FileStem("a/b/reuters-fr-2025.txt"), "reuters-fr-2025");
  EXPECT_EQ(FileStem("x.tar.gz"), "x.tar");
  EXPECT_EQ(FileStem("noext"), "noext");
  EXPECT_EQ(FileStem(".hidden"), ".hidden");
  EXPECT_EQ(FileStem("dir/"), "dir");
}

TEST(InputPieces, JsonLinesBySuffix) {
  EXPECT_TRUE(IsJsonLinesPath("a/articles.jsonl"));
  EXPECT_TRUE(IsJsonLinesPath("A.JSONL"));
  EXPECT_FALSE(IsJsonLinesPath("a.json"));
  EXPECT_FALSE(IsJsonLinesPath("jsonl"));
}

TEST(InputPieces, ContentHashIsStableAndDistinguishes) {
  EXPECT_EQ(ContentHashId("abc"), ContentHashId("abc"));
  EXPECT_NE(ContentHashId("abc"), ContentHashId("abd"));
  EXPECT_EQ(ContentHashId("").rfind("doc-", 0), 0u);
  EXPECT_EQ(ContentHashId("").size(), 20u);
}

TEST(InputPieces, RepairUtf8KeepsValidTextUnchanged) {
  std::string out;
  const std::string text = "Réunion à Riyad — « oui » 🙂";
  EXPECT_EQ(RepairUtf8(text, &out), 0u);
  EXPECT_EQ(out, text);
}

TEST(InputPieces, RepairUtf8ReplacesMaximalSubparts) {
  std::string out;
  // A stray continuation byte, a truncated 3-byte sequence, an overlong form, a surrogate.
  EXPECT_EQ(RepairUtf8("a\x80z", &out), 1u);
  EXPECT_EQ(out, "a\xEF\xBF\xBDz");
  EXPECT_EQ(RepairUtf8("a\xE2\x82z", &out), 2u);  // one U+FFFD for the maximal subpart
  EXPECT_EQ(out, "a\xEF\xBF\xBDz");
  EXPECT_EQ(RepairUtf8("\xC0\xAF", &out), 2u);  // two U+FFFD: C0 is never a lead byte
  EXPECT_EQ(out, "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(RepairUtf8("\xED\xA0\x80", &out), 3u);
  EXPECT_EQ(out, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(RepairUtf8("end\xF0\x9F", &out), 2u);
  EXPECT_EQ(out, "end\xEF\xBF\xBD");
}

TEST(InputPieces, Windows1252IsRecognisedAndDecoded) {
  const std::string latin1 = "D\xE9l\xE9gation \x80 Gen\xE8ve \x93oui\x94";
  EXPECT_TRUE(LooksLikeWindows1252(latin1));
  EXPECT_FALSE(LooksLikeWindows1252("plain ascii"));
  EXPECT_FALSE(LooksLikeWindows1252("caf\xC3\xA9 \xE9"));  // has a UTF-8 sequence
  EXPECT_EQ(DecodeWindows1252(latin1), "Délégation € Genève “oui”");
}

TEST(InputPieces, BinaryDetection) {
  EXPECT_TRUE(LooksBinary(std::string("abc\0def", 7), 0.05));
  EXPECT_TRUE(LooksBinary(std::string(100, '\x01'), 0.05));
  EXPECT_FALSE(LooksBinary("Line one.\r\nLine two.\tTabbed.\f", 0.05));
  EXPECT_FALSE(LooksBinary("", 0.05));
}

TEST(InputPieces, LangTags) {
  EXPECT_EQ(NormaliseLangTag("fr"), "fr");
  EXPECT_EQ(NormaliseLangTag("FR-ca"), "fr");
  EXPECT_EQ(NormaliseLangTag("en_GB"), "en");
  EXPECT_EQ(NormaliseLangTag("french"), std::nullopt);
  EXPECT_EQ(NormaliseLangTag("f"), std::nullopt);
}

TEST(InputPieces, DecodeTextHandlesBomsAndUtf16) {
  {
    InputItem item;
    DecodeText("\xEF\xBB\xBFHello", {}, &item);
    EXPECT_EQ(item.input.text, "Hello");
    EXPECT_FALSE(item.error);
  }
  {
    InputItem item;
    // "Aé" in UTF-16LE with a BOM: NUL bytes, yet text.
    DecodeText(std::string("\xFF\xFE" "A\0\xE9\0", 6), {}, &item);
    EXPECT_FALSE(item.error);
    EXPECT_EQ(item.input.text, "Aé");
    EXPECT_TRUE(HasDiagnostic(item, "utf16_decoded"));
  }
  {
    InputItem item;
    DecodeText(std::string("\xFE\xFF\xD8\x3D\xDE\x42", 6), {}, &item);  // U+1F642 in BE
    EXPECT_EQ(item.input.text, "🙂");
  }
}

TEST(InputPieces, DecodeTextRefusesMostlyInvalidBytes) {
  InputItem item;
  std::string junk;
  for (int i = 0; i < 400; ++i) junk += "\xC3\xFF\xFE\x80";  // high bytes, no NUL
  DecodeText(junk, {}, &item);
  ASSERT_TRUE(item.error);
  EXPECT_EQ(item.error->code, "invalid_utf8");
  EXPECT_TRUE(item.input.text.empty());
}

TEST_F(InputTest, PlainFileUsesItsStemAsId) {
  const std::string p = Write("afp-fr-2025-03-01.txt", "PARIS, 1 mars 2025 (AFP) - Texte.\n");
  const auto items = ReadAll({p});
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].input.id, "afp-fr-2025-03-01");
  EXPECT_EQ(items[0].input.source_uri, p);
  EXPECT_EQ(items[0].input.text, "PARIS, 1 mars 2025 (AFP) - Texte.\n");
  EXPECT_TRUE(items[0].diagnostics.empty());
  EXPECT_FALSE(items[0].error);
}

TEST_F(InputTest, EveryBadInputYieldsOneItemInOrder) {
  const std::string good = Write("good.txt", "Ministers met in Geneva on Monday.");
  const std::string invalid = Write("invalid.txt", "Talks \xC3\x28 in Doha \xA0\xA1 ended. Caf\xC3\xA9.");
  const std::string binary = Write("binary.bin", std::string("\x7F" "ELF\0\0\0\x02\x01", 9));
  const std::string empty = Write("empty.txt", "");
  const std::string missing = (dir_ / "missing.txt").string();
  const auto items = ReadAll({good, invalid, binary, empty, missing});
  ASSERT_EQ(items.size(), 5u);
  EXPECT_EQ(items[0].input.id, "good");
  EXPECT_FALSE(items[0].error);

  EXPECT_EQ(items[1].input.id, "invalid");
  EXPECT_FALSE(items[1].error);
  EXPECT_TRUE(HasDiagnostic(items[1], "invalid_utf8_repaired"));
  EXPECT_NE(items[1].input.text.find("\xEF\xBF\xBD"), std::string::npos);
  EXPECT_NE(items[1].input.text.find("Café"), std::string::npos);

  ASSERT_TRUE(items[2].error);
  EXPECT_EQ(items[2].error->code, "binary_input");

  EXPECT_FALSE(items[3].error);
  EXPECT_TRUE(items[3].empty);
  EXPECT_TRUE(HasDiagnostic(items[3], "empty"));

  ASSERT_TRUE(items[4].error);
  EXPECT_EQ(items[4].error->code, "missing_file");
  EXPECT_EQ(items[4].input.id, "missing");
}

TEST_F(InputTest, DirectoryIsAnErrorNotACrash) {
  const auto items = ReadAll({dir_.string()});
  ASSERT_EQ(items.size(), 1u);
  ASSERT_TRUE(items[0].error);
  EXPECT_EQ(items[0].error->code, "unreadable");
}

TEST_F(InputTest, LatinOneFileIsDecoded) {
  const std::string p = Write("latin1.txt", "Le ministre fran\xE7\x61is a d\xE9\x63lar\xE9.");
  const auto items = ReadAll({p});
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].input.text, "Le ministre français a déclaré.");
  EXPECT_TRUE(HasDiagnostic(items[0], "legacy_encoding"));
}

TEST_F(InputTest, LargeFileIsCutAtACharacterBoundaryWithADiagnostic) {
  // 'é' is two bytes; a limit of 1001 bytes falls inside one of them.
  std::string big;
  for (int i = 0; i < 2000; ++i) big += "é";
  const std::string p = Write("big.txt", big);
  ReadOptions options;
  options.max_document_bytes = 1001;
  const auto items = ReadAll({p}, options);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_FALSE(items[0].error);
  EXPECT_EQ(items[0].input.text.size(), 1000u);
  EXPECT_TRUE(HasDiagnostic(items[0], "input_truncated"));
  EXPECT_FALSE(HasDiagnostic(items[0], "invalid_utf8_repaired"));
}

TEST_F(InputTest, StdinGetsAContentHashId) {
  const std::string p = Write("stdin.txt", "Texte venu de l'entrée standard.");
  std::FILE* in = std::fopen(p.c_str(), "rb");
  ASSERT_NE(in, nullptr);
  const auto items = ReadAll({"-"}, {}, in);
  std::fclose(in);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].input.id, ContentHashId("Texte venu de l'entrée standard."));
  EXPECT_FALSE(items[0].input.source_uri.has_value());
  EXPECT_EQ(items[0].input.text, "Texte venu de l'entrée standard.");
}

TEST_F(InputTest, JsonLinesOneItemPerArticleAndBadLinesContinue) {
  const std::string p = Write(
      "feed.jsonl",
      "{\"id\":\"a1\",\"title\":\"T\",\"text\":\"Paris a convoqué l'ambassadeur.\","
      "\"published\":\"2025-03-01T10:00\",\"lang\":\"fr-FR\",\"source_uri\":\"https://x/1\"}\n"
      "\n"
      "{\"text\":\"No id here.\",\"extra\":{\"nested\":[1,2]}}\r\n"
      "{not json}\n"
      "{\"id\":7,\"title\":null}\n"
      "[1,2,3]\n"
      "{\"id\":\"t\",\"text\":\"x\"} trailing\n"
      "{\"id\":\"bad-utf8\",\"text\":\"caf\xC3 ok\",\"lang\":3}\n"
      "{\"text\":\"last line, no newline\"}");
  const auto items = ReadAll({p});
  ASSERT_EQ(items.size(), 8u);

  EXPECT_EQ(items[0].input.id, "a1");
  EXPECT_EQ(items[0].input.title, "T");
  EXPECT_EQ(items[0].input.published, "2025-03-01T10:00");
  EXPECT_EQ(items[0].input.lang, "fr");
  EXPECT_EQ(items[0].input.source_uri, "https://x/1");
  EXPECT_EQ(items[0].input.text, "Paris a convoqué l'ambassadeur.");

  EXPECT_EQ(items[1].input.id, "feed:3");  // the blank line 2 is skipped, not renumbered
  EXPECT_EQ(items[1].input.source_uri, p);
  EXPECT_EQ(items[1].input.text, "No id here.");
  EXPECT_FALSE(items[1].error);

  ASSERT_TRUE(items[2].error);
  EXPECT_EQ(items[2].error->code, "bad_json");
  EXPECT_EQ(items[2].input.id, "feed:4");

  ASSERT_TRUE(items[3].error);
  EXPECT_EQ(items[3].error->code, "missing_text");
  EXPECT_EQ(items[3].input.id, "7");

  ASSERT_TRUE(items[4].error);
  EXPECT_EQ(items[4].error->code, "bad_json");

  ASSERT_TRUE(items[5].error);
  EXPECT_EQ(items[5].error->code, "bad_json");

  EXPECT_FALSE(items[6].error);
  EXPECT_EQ(items[6].input.text, "caf\xEF\xBF\xBD ok");
  EXPECT_TRUE(HasDiagnostic(items[6], "invalid_utf8_repaired"));
  EXPECT_TRUE(HasDiagnostic(items[6], "jsonl_field_ignored"));

  EXPECT_EQ(items[7].input.id, "feed:9");
  EXPECT_EQ(items[7].input.text, "last line, no newline");
}

TEST_F(InputTest, JsonLinesOverlongLineIsAnErrorAndReadingGoesOn) {
  const std::string p =
      Write("long.jsonl", "{\"text\":\"" + std::string(5000, 'a') + "\"}\n{\"text\":\"ok\"}\n");
  ReadOptions options;
  options.max_jsonl_line_bytes = 1000;
  const auto items = ReadAll({p}, options);
  ASSERT_EQ(items.size(), 2u);
  ASSERT_TRUE(items[0].error);
  EXPECT_EQ(items[0].error->code, "line_too_long");
  EXPECT_EQ(items[1].input.text, "ok");
}

TEST_F(InputTest, MissingJsonLinesFileIsOneError) {
  const auto items = ReadAll({(dir_ / "nope.jsonl").string()});
  ASSERT_EQ(items.size(), 1u);
  ASSERT_TRUE(items[0].error);
  EXPECT_EQ(items[0].error->code, "missing_file");
  EXPECT_EQ(items[0].input.id, "nope");
}

// ------------------------------------------------------------- PETRARCH XML and TABARI

TEST(InputPieces, FormatBySuffixUnlessForced) {
  EXPECT_EQ(FormatForPath("a/b.xml", InputFormat::kAuto), InputFormat::kPetrarch);
  EXPECT_EQ(FormatForPath("B.XML", InputFormat::kAuto), InputFormat::kPetrarch);
  EXPECT_EQ(FormatForPath("stories.text", InputFormat::kAuto), InputFormat::kTabari);
  EXPECT_EQ(FormatForPath("story.txt", InputFormat::kAuto), InputFormat::kText);
  EXPECT_EQ(FormatForPath("feed.jsonl", InputFormat::kAuto), InputFormat::kJsonLines);
  EXPECT_EQ(FormatForPath("-", InputFormat::kAuto), InputFormat::kText);
  EXPECT_EQ(FormatForPath("-", InputFormat::kTabari), InputFormat::kTabari);
  EXPECT_EQ(FormatForPath("a.xml", InputFormat::kText), InputFormat::kText);
  EXPECT_EQ(ParseInputFormat("petrarch"), InputFormat::kPetrarch);
  EXPECT_EQ(ParseInputFormat("tabari"), InputFormat::kTabari);
  EXPECT_FALSE(ParseInputFormat("xml"));
}

TEST(InputPieces, CompactDates) {
  EXPECT_EQ(CompactDateToIso("20250128", false), "2025-01-28");
  EXPECT_EQ(CompactDateToIso("250128", true), "2025-01-28");
  EXPECT_EQ(CompactDateToIso("950101", true), "1995-01-01");
  EXPECT_EQ(CompactDateToIso("290101", true), "2029-01-01");
  EXPECT_EQ(CompactDateToIso("300101", true), "1930-01-01");
  EXPECT_EQ(CompactDateToIso("20240229", false), "2024-02-29");
  EXPECT_FALSE(CompactDateToIso("250128", false));
  EXPECT_FALSE(CompactDateToIso("20250229", false));
  EXPECT_FALSE(CompactDateToIso("20251301", false));
  EXPECT_FALSE(CompactDateToIso("20250431", false));
  EXPECT_FALSE(CompactDateToIso("2025012", false));
  EXPECT_FALSE(CompactDateToIso("2025-01-28", false));
  EXPECT_FALSE(CompactDateToIso("", true));
}

TEST(InputPieces, PennTreeWordsAreRunningText) {
  std::string text, why;
  ASSERT_TRUE(PennTreeText(
      "(ROOT (S (NP (NNP Paris) (POS 's)) (NP (NN envoy)) (VP (VBD did) (RB n't) (VP (VB come)"
      " (PP (-LRB- -LRB-) (NP (CD 3) (NNS days)) (-RRB- -RRB-)) (, ,) (S (`` ``) (NP (PRP it))"
      " (VP (VBD was) (ADJP (JJ late/early))) ('' '')) (NP (-NONE- *T*-1)) (NP ($ $) (CD 5)"
      " (NN A\\/B)) (. .)))))",
      &text, &why))
      << why;
  EXPECT_EQ(text, "Paris's envoy didn't come (3 days), \"it was late/early\" $5 A/B.");
  // An unlabelled outer bracket, as some parsers write.
  ASSERT_TRUE(PennTreeText("( (S (NP (NNP Rome)) (VP (VBD spoke))) )", &text, &why)) << why;
  EXPECT_EQ(text, "Rome spoke");
}

TEST(InputPieces, MalformedPennTreesAreRefused) {
  std::string text, why;
  for (const char* bad : {
           "(ROOT (S (NP (NNP Rome)) (VP (VBD spoke)))",     // one bracket never closed
           "(ROOT (S (NP (NNP Rome))) (VP (VBD spoke))))",   // one ')' too many
           "(ROOT (S (NP (NNP Rome)) ()))",                  // empty bracket
           "(ROOT (S (NP (NNP Rome)) (VP (VBD))))",          // a tag without its word
           "(ROOT (S (NP Rome (NNP Paris))))",               // a word beside a bracket
           "(ROOT (NP (NNP Rome) (NNP Paris))) (S)",         // content after the tree
           "Rome (ROOT (NP (NNP Rome)))",                    // a word outside any bracket
           "(ROOT (NP (NN a b)))",                           // two words in one leaf
           "   ",                                            // nothing
           "(ROOT (NP (-NONE- *)))",                         // no words
       }) {
    EXPECT_FALSE(PennTreeText(bad, &text, &why)) << bad;
    EXPECT_FALSE(why.empty()) << bad;
    EXPECT_TRUE(text.empty()) << bad;
  }
  EXPECT_FALSE(PennTreeText("(ROOT (S (NP (NNP Rome)) (VP (VBD spoke)))", &text, &why));
  EXPECT_NE(why.find("never closed"), std::string::npos) << why;
}

constexpr char kPetrarchFile[] = R"(<?xml version="1.0" encoding="utf-8"?>
<Sentences>
<!-- a comment holding <Sentence date="20250101" id="ghost"> is not a record -->
<Sentence date="20250128" id="P-1" source="wire" sentence="true">
<Text>
France recalled its ambassador
to Iran &amp; Iraq.
</Text>
<Parse>
(ROOT (S (NP (NNP France)) (VP (VBD recalled) (NP (PRP$ its) (NN envoy))
  (PP (TO to) (NP (NNP Iran) (CC &amp;) (NNP Iraq)))) (. .)))
</Parse>
</Sentence>
<Sentence date="2025-01-28" id="P-2"><Text>Bad date.</Text></Sentence>
<Sentence date="20250129" id="P-3"><Parse>(ROOT (S (NP (NNP Rome))))</Parse></Sentence>
<Sentence date="20250130" id="P-4"><Text>Rome protested.</Text>
<Parse>(ROOT (S (NP (NNP Rome)) (VP (VBD protested)) (. .))</Parse></Sentence>
<Sentence date="20250131" id="P-5"><Text>Madrid <b>never</b> ends
<Sentence date="20250201"><Text>Berlin spoke.</Text></Sentence>
<Sentence id="P-7" date="20250202"><Text>Lisbon answered.</Text></Sentence>
</Sentences>
)";

TEST_F(InputTest, PetrarchXmlOneItemPerSentenceFromText) {
  const std::string p = Write("batch.xml", kPetrarchFile);
  const auto items = ReadAll({p});
  ASSERT_EQ(items.size(), 7u);
  EXPECT_EQ(items[0].input.id, "P-1");
  EXPECT_EQ(items[0].input.published, "2025-01-28");
  EXPECT_EQ(items[0].input.source_uri, p);
  EXPECT_EQ(items[0].input.text, "France recalled its ambassador to Iran & Iraq.");
  EXPECT_FALSE(items[0].error);

  ASSERT_TRUE(items[1].error);
  EXPECT_EQ(items[1].error->code, "bad_date");
  EXPECT_EQ(items[1].input.id, "P-2");
  EXPECT_NE(items[1].error->message.find("batch.xml:14"), std::string::npos)
      << items[1].error->message;

  ASSERT_TRUE(items[2].error);  // no <Text>, and the text is what is coded
  EXPECT_EQ(items[2].error->code, "missing_text");

  EXPECT_FALSE(items[3].error);  // the malformed parse is not what is coded
  EXPECT_EQ(items[3].input.text, "Rome protested.");

  ASSERT_TRUE(items[4].error);  // never closed: cut at the next <Sentence>
  EXPECT_EQ(items[4].error->code, "bad_xml");
  EXPECT_EQ(items[4].input.id, "P-5");

  EXPECT_EQ(items[5].input.id, "batch:6");  // no id attribute: the file's stem and rank
  EXPECT_EQ(items[5].input.text, "Berlin spoke.");
  EXPECT_EQ(items[6].input.id, "P-7");
  EXPECT_EQ(items[6].input.published, "2025-02-02");
}

TEST_F(InputTest, PetrarchXmlFromTheParse) {
  const std::string p = Write("batch.xml", kPetrarchFile);
  ReadOptions options;
  options.petrarch_text = PetrarchText::kParse;
  const auto items = ReadAll({p}, options);
  ASSERT_EQ(items.size(), 7u);
  EXPECT_EQ(items[0].input.text, "France recalled its envoy to Iran & Iraq.");
  EXPECT_FALSE(items[2].error);
  EXPECT_EQ(items[2].input.text, "Rome");
  ASSERT_TRUE(items[3].error);
  EXPECT_EQ(items[3].error->code, "bad_parse");
  EXPECT_EQ(items[3].input.id, "P-4");
  // No <Parse>: the <Text> is coded, and the record says so.
  EXPECT_FALSE(items[5].error);
  EXPECT_EQ(items[5].input.text, "Berlin spoke.");
  EXPECT_TRUE(HasDiagnostic(items[5], "petrarch_no_parse"));
}

TEST_F(InputTest, LatinOneRecordsAreDecoded) {
  auto items = ReadAll({Write("l1.xml",
                              "<Sentences><Sentence id=\"f\" date=\"20250101\"><Text>Le "
                              "ministre fran\xE7\x61is a parl\xE9.</Text></Sentence></Sentences>")});
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].input.text, "Le ministre français a parlé.");
  EXPECT_TRUE(HasDiagnostic(items[0], "legacy_encoding"));
  items = ReadAll({Write("l1.text", "250101 f\nLe ministre fran\xE7\x61is a parl\xE9.\n")});
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].input.text, "Le ministre français a parlé.");
  EXPECT_TRUE(HasDiagnostic(items[0], "legacy_encoding"));
}

TEST_F(InputTest, PetrarchXmlWithoutRecordsIsOneErrorAndOverlongRecordsAreRefused) {
  const std::string empty = Write("empty.xml", "<Sentences>\n</Sentences>\n");
  auto items = ReadAll({empty});
  ASSERT_EQ(items.size(), 1u);
  ASSERT_TRUE(items[0].error);
  EXPECT_EQ(items[0].error->code, "no_records");

  const std::string p = Write(
      "long.xml", "<Sentences><Sentence id=\"a\" date=\"20250101\"><Text>" +
                      std::string(5000, 'a') +
                      "</Text></Sentence><Sentence id=\"b\"><Text>ok</Text></Sentence>"
                      "</Sentences>");
  ReadOptions options;
  options.max_record_bytes = 1000;
  items = ReadAll({p}, options);
  ASSERT_EQ(items.size(), 2u);
  ASSERT_TRUE(items[0].error);
  EXPECT_EQ(items[0].error->code, "record_too_long");
  EXPECT_EQ(items[1].input.id, "b");
  EXPECT_EQ(items[1].input.text, "ok");
}

constexpr char kTabariFile[] =
    "# a comment line between records\n"
    "\n"
    "250128 T-01\n"
    "France recalled its ambassador \n"
    "to Iran on Tuesday. /* a comment\n"
    "that spans lines */ Paris said so.\n"
    "\n"
    "\n"
    "2501281 T-02\n"
    "A header whose date has seven digits.\n"
    "\n"
    "20250130   T-03   extra\n"
    "Rome protested./*{ ROM / ITA / 111 }*/\n"
    "\n"
    "250131 T-04\n"
    "/* only a comment */\n"
    "\n"
    "250230 T-05\n"
    "The thirtieth of February.\n"
    "\n"
    "250201\n"
    "Madrid answered.";

TEST_F(InputTest, TabariRecordsOneItemEachAndBadOnesAlone) {
  const std::string p = Write("stories.text", kTabariFile);
  const auto items = ReadAll({p});
  ASSERT_EQ(items.size(), 6u);
  EXPECT_EQ(items[0].input.id, "T-01");
  EXPECT_EQ(items[0].input.published, "2025-01-28");
  EXPECT_EQ(items[0].input.text, "France recalled its ambassador to Iran on Tuesday. Paris said so.");
  EXPECT_FALSE(items[0].error);

  ASSERT_TRUE(items[1].error);
  EXPECT_EQ(items[1].error->code, "bad_date");
  EXPECT_EQ(items[1].input.id, "T-02");
  EXPECT_NE(items[1].error->message.find("stories.text:9"), std::string::npos)
      << items[1].error->message;

  EXPECT_EQ(items[2].input.id, "T-03 extra");
  EXPECT_EQ(items[2].input.published, "2025-01-30");
  EXPECT_EQ(items[2].input.text, "Rome protested.");

  ASSERT_TRUE(items[3].error);
  EXPECT_EQ(items[3].error->code, "missing_text");
  ASSERT_TRUE(items[4].error);
  EXPECT_EQ(items[4].error->code, "bad_date");

  EXPECT_EQ(items[5].input.id, "stories:6");  // no id in the header
  EXPECT_EQ(items[5].input.text, "Madrid answered.");
}

TEST_F(InputTest, TabariFromStdinWhenForcedAndEmptyFileIsOneError) {
  const std::string p = Write("in.txt", "250128 S-1\nBerlin spoke.\n");
  std::FILE* in = std::fopen(p.c_str(), "rb");
  ASSERT_NE(in, nullptr);
  ReadOptions options;
  options.format = InputFormat::kTabari;
  auto items = ReadAll({"-"}, options, in);
  std::fclose(in);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].input.id, "S-1");
  EXPECT_EQ(items[0].input.text, "Berlin spoke.");
  EXPECT_FALSE(items[0].input.source_uri.has_value());

  items = ReadAll({Write("none.text", "# only comments\n\n")});
  ASSERT_EQ(items.size(), 1u);
  ASSERT_TRUE(items[0].error);
  EXPECT_EQ(items[0].error->code, "no_records");
}

}  // namespace
}  // namespace attache::ingest
