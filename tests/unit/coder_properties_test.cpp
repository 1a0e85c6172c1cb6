// Properties of the coder that hold for any input: spans point at the words they claim
// (code-point offsets into the text as read, also when the input is not NFC), coding is
// deterministic, and a document with no text gives a record with no events.
#include <gtest/gtest.h>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "attache/coder.h"
#include "attache/record.h"
#include "shared_coder.h"

namespace attache {
namespace {

using attache::test_support::SharedCoder;

// Python-style slicing by code points.
std::string Slice(const std::string& text, int64_t start, int64_t end) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  int32_t b = u.moveIndex32(0, static_cast<int32_t>(start));
  int32_t e = u.moveIndex32(0, static_cast<int32_t>(end));
  std::string out;
  u.tempSubStringBetween(b, e).toUTF8String(out);
  return out;
}

std::string Nfc(const std::string& s) {
  UErrorCode st = U_ZERO_ERROR;
  icu::UnicodeString n = icu::Normalizer2::getNFCInstance(st)->normalize(icu::UnicodeString::fromUTF8(s), st);
  std::string out;
  n.toUTF8String(out);
  return out;
}

std::string Nfd(const std::string& s) {
  UErrorCode st = U_ZERO_ERROR;
  icu::UnicodeString n = icu::Normalizer2::getNFDInstance(st)->normalize(icu::UnicodeString::fromUTF8(s), st);
  std::string out;
  n.toUTF8String(out);
  return out;
}

const char* kFrench =
    "Moscou expulse deux diplomates français information fournie par Reuters 14/03/2025 à 10:02\n"
    "MOSCOU, 14 mars (Reuters) - La Russie a expulsé vendredi deux diplomates français, a "
    "annoncé le ministère russe des Affaires étrangères, en représailles à une mesure "
    "similaire prise par Paris la semaine dernière.\n"
    "« Nous répondrons toujours de manière symétrique », a déclaré la porte-parole du "
    "ministère, Maria Zakharova. Elle a ajouté que l'ambassadeur de France avait été convoqué.\n"
    "Le président Emmanuel Macron s'est entretenu jeudi au téléphone avec le chancelier "
    "allemand à propos de l'Ukraine.\n";

const char* kEnglish =
    "ANKARA, March 3 (Reuters) - Turkish Foreign Minister Hakan Fidan met his Iranian "
    "counterpart in Ankara on Monday and said the talks were \"constructive and frank\".\n"
    "Iran's foreign minister said Tehran would not accept new conditions, Iranian state "
    "media reported.\n";

void CheckSpans(const std::string& input, const Document& doc, bool exact) {
  auto check = [&](const Span& sp, const char* what) {
    if (sp.text.empty()) return;  // inferred locations carry no words
    ASSERT_LE(0, sp.start) << what;
    ASSERT_LE(sp.start, sp.end) << what;
    std::string got = Slice(input, sp.start, sp.end);
    if (exact) {
      EXPECT_EQ(got, sp.text) << what << " [" << sp.start << "," << sp.end << ")";
    } else {
      EXPECT_EQ(Nfc(got), sp.text) << what << " [" << sp.start << "," << sp.end << ")";
    }
  };
  for (const auto& e : doc.events) {
    check(e.sentence.span, "sentence");
    check(e.trigger, "trigger");
    if (e.source) check(e.source->span, "source");
    if (e.target) check(e.target->span, "target");
    if (e.location) check(e.location->span, "location");
  }
  for (const auto& q : doc.quotes) {
    check(q.span, "quote");
    if (q.speaker) check(q.speaker->span, "speaker");
  }
  for (const auto& m : doc.mentions) check(m.span, "mention");
  for (const auto& t : doc.times) check(t.span, "time");
}

TEST(CoderProperties, SpansPointAtTheirWords) {
  auto& coder = SharedCoder();
  ASSERT_TRUE(coder) << "set ATTACHE_LEXICON to a built lexicon";
  for (const char* text : {kFrench, kEnglish}) {
    DocumentInput in;
    in.id = "spans";
    in.text = text;
    Document doc = coder->Code(in);
    EXPECT_FALSE(doc.events.empty()) << text;
    EXPECT_FALSE(doc.mentions.empty());
    CheckSpans(in.text, doc, /*exact=*/true);
  }
}

TEST(CoderProperties, OffsetsCountInputCodePointsWhenTheInputIsNotNfc) {
  auto& coder = SharedCoder();
  ASSERT_TRUE(coder);
  DocumentInput nfc, nfd;
  nfc.id = nfd.id = "nfd";
  nfc.text = kFrench;
  nfd.text = Nfd(kFrench);
  ASSERT_NE(nfc.text.size(), nfd.text.size()) << "the sample must contain accents";
  Document a = coder->Code(nfc);
  Document b = coder->Code(nfd);
  // Same coding whatever the normalisation form of the input...
  ASSERT_EQ(a.events.size(), b.events.size());
  for (size_t i = 0; i < a.events.size(); ++i) {
    EXPECT_EQ(a.events[i].cameo, b.events[i].cameo);
    EXPECT_EQ(a.events[i].trigger.text, b.events[i].trigger.text);
  }
  // ...and offsets that point into the decomposed text as read.
  CheckSpans(nfd.text, b, /*exact=*/false);
}

TEST(CoderProperties, CodingIsDeterministic) {
  auto& coder = SharedCoder();
  ASSERT_TRUE(coder);
  DocumentInput in;
  in.id = "same";
  in.text = kFrench;
  std::string first = ToJson(coder->Code(in));
  for (int i = 0; i < 3; ++i) EXPECT_EQ(first, ToJson(coder->Code(in)));
}

TEST(CoderProperties, EmptyTextGivesARecordWithoutEvents) {
  auto& coder = SharedCoder();
  ASSERT_TRUE(coder);
  DocumentInput in;
  in.id = "empty";
  Document doc = coder->Code(in);
  EXPECT_EQ(doc.id, "empty");
  EXPECT_TRUE(doc.events.empty());
  EXPECT_TRUE(doc.quotes.empty());
}

}  // namespace
}  // namespace attache
