// Unit tests for src/ingest: reading files, stdin and JSON Lines into DocumentInputs with
// size limits, binary detection and UTF-8 repair.
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

}  // namespace
}  // namespace attache::ingest
