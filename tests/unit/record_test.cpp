// Tests of the record sinks: the document record against the spec/output.md contract
// (read back through nlohmann::json), string escaping, and the plover, gdelt and cameo
// projections.
#include "attache/record.h"

#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "record/country_codes.h"
#include "record/json_writer.h"

namespace attache {
namespace {

using nlohmann::json;

Actor MakeActor(std::string text, int64_t start, std::string name, std::string country,
                std::string sector, std::string code) {
  Actor a;
  a.span = {std::move(text), start, start + 10};
  a.name = std::move(name);
  a.country = std::move(country);
  a.sector = std::move(sector);
  a.code = std::move(code);
  return a;
}

// The founding dispatch, reduced: a symmetric third-party meeting in Istanbul, a phone
// call dated by the text, a statement with no PLOVER type and no target, plus a quote, a
// mention and a time.
Document SampleDocument() {
  Document doc;
  doc.id = "reuters-fr-istanbul";
  doc.source_uri = "https://example.org/depeche?id=1&x=\"2\"";
  doc.lang = "fr";
  doc.title = "Rencontre russo-américaine à Istanbul";
  doc.provider = "Reuters";
  doc.published = "2025-02-27T16:25";
  doc.version_note = "Actualisé avec fin de la rencontre";
  doc.credits.push_back({"Jonathan Spicer", "reporter", std::string("Istanbul")});
  doc.credits.push_back({"Sophie Louet", "translator", std::nullopt});

  Event meet;
  meet.id = doc.id + "#e1";
  meet.plover = "CONSULT";
  meet.plover_mode = "third-party";
  meet.context = {"diplomatic"};
  meet.cameo = "044";
  meet.quad = 1;
  meet.goldstein = 1.0;
  meet.source = MakeActor("émissaires russes", 4, "Russia", "RUS", "GOV", "RUSGOV");
  meet.target = MakeActor("américains", 25, "United States", "USA", "GOV", "USAGOV");
  meet.symmetric = true;
  meet.date = "2025-02-27";
  meet.date_text = "jeudi";
  meet.date_precision = "day";
  Place istanbul;
  istanbul.span = {"Istanbul", 60, 68};
  istanbul.name = "Istanbul";
  istanbul.country = "TUR";
  istanbul.lat = 41.0138373;
  istanbul.lon = 28.949659;
  istanbul.geonameid = 745044;
  istanbul.feature = "city";
  meet.location = istanbul;
  meet.sentence.index = 2;
  meet.sentence.span = {"Des émissaires russes et américains se sont réunis jeudi à Istanbul.", 0,
                        68};
  meet.trigger = {"se sont réunis", 36, 50};
  meet.modality = "asserted";
  meet.rule = "fr.se_reunir";
  meet.confidence = 0.9;
  doc.events.push_back(meet);

  Event call;
  call.id = doc.id + "#e2";
  call.plover = "CONSULT";
  call.plover_mode = "phone";
  call.cameo = "041";
  call.quad = 1;
  call.goldstein = 1.0;
  call.source = MakeActor("présidents russe", 120, "Vladimir Poutine", "RUS", "GOV", "RUSGOV");
  call.target = MakeActor("américain", 140, "Donald Trump", "USA", "GOV", "USAGOV");
  call.symmetric = false;
  call.date = "2025-02-12";
  call.date_text = "du 12 février";
  call.date_precision = "day";
  call.sentence.index = 3;
  call.sentence.span = {"Cette rencontre faisait suite à l'échange téléphonique du 12 février.", 70,
                        139};
  call.trigger = {"échange téléphonique", 103, 123};
  call.rule = "fr.echange_telephonique";
  call.confidence = 0.75;
  doc.events.push_back(call);

  Event statement;  // CAMEO 01: no PLOVER type, no target, no own date
  statement.id = doc.id + "#e3";
  statement.cameo = "01";
  statement.quad = 0;
  statement.goldstein = 0.0;
  statement.source = MakeActor("TASS", 200, "TASS", "RUS", "MED", "RUSMED");
  statement.sentence.index = 5;
  statement.sentence.span = {"Les discussions ont duré six heures, selon TASS.", 180, 228};
  statement.trigger = {"selon", 215, 220};
  statement.modality = "reported";
  statement.rule = "fr.selon";
  statement.confidence = 0.5;
  doc.events.push_back(statement);

  Quote q;
  q.span = {"Nous avons fait un pas", 300, 322};
  q.speaker = MakeActor("Lavrov", 330, "Sergueï Lavrov", "RUS", "GOV", "RUSGOV");
  q.verb = "a déclaré";
  q.date = "2025-02-27";
  q.sentence_index = 7;
  doc.quotes.push_back(q);
  Quote anonymous;
  anonymous.span = {"rien", 400, 404};
  anonymous.sentence_index = 8;
  doc.quotes.push_back(anonymous);

  Mention m;
  m.span = {"Istanbul", 60, 68};
  m.type = "GPE";
  m.name = "Istanbul";
  m.country = "TUR";
  doc.mentions.push_back(m);
  TimeMention t;
  t.span = {"jeudi", 51, 56};
  t.value = "2025-02-27";
  t.kind = "DATE";
  doc.times.push_back(t);
  doc.diagnostics.push_back({"sentence_too_long", "sentence 9 split at 4096 bytes"});
  return doc;
}

std::set<std::string> Keys(const json& object) {
  std::set<std::string> keys;
  for (auto it = object.begin(); it != object.end(); ++it) keys.insert(it.key());
  return keys;
}

// Every key the contract lists must be there; extra keys are allowed.
void ExpectHasKeys(const json& object, const std::vector<std::string>& expected,
                   const std::string& what) {
  ASSERT_TRUE(object.is_object()) << what << ": " << object.dump();
  const std::set<std::string> keys = Keys(object);
  for (const std::string& k : expected) {
    EXPECT_TRUE(keys.count(k)) << what << " lacks \"" << k << "\": " << object.dump();
  }
}

const std::vector<std::string> kActorKeys = {"text",    "start",  "end", "name",
                                             "country", "sector", "code"};

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> fields;
  size_t start = 0;
  for (;;) {
    const size_t tab = line.find('\t', start);
    fields.push_back(
        line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  return fields;
}

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// --- document record ---------------------------------------------------------------

TEST(DocumentJson, EveryContractFieldIsPresent) {
  const std::string line = ToJson(SampleDocument());
  EXPECT_EQ(line.find('\n'), std::string::npos) << "one record, one line";
  const json doc = json::parse(line);
  ExpectHasKeys(doc,
                {"id", "source_uri", "lang", "title", "provider", "published", "version_note",
                 "credits", "events", "quotes", "mentions", "times", "diagnostics"},
                "document");
  EXPECT_EQ(doc["id"], "reuters-fr-istanbul");
  EXPECT_EQ(doc["source_uri"], "https://example.org/depeche?id=1&x=\"2\"");
  EXPECT_EQ(doc["title"], "Rencontre russo-américaine à Istanbul");
  EXPECT_EQ(doc["published"], "2025-02-27T16:25");
  EXPECT_TRUE(doc["error"].is_null());

  ASSERT_EQ(doc["credits"].size(), 2u);
  ExpectHasKeys(doc["credits"][0], {"name", "role", "place"}, "credit");
  EXPECT_EQ(doc["credits"][0]["place"], "Istanbul");
  EXPECT_TRUE(doc["credits"][1]["place"].is_null());
  EXPECT_EQ(doc["credits"][1]["role"], "translator");

  ASSERT_EQ(doc["events"].size(), 3u);
  const json& e = doc["events"][0];
  ExpectHasKeys(e,
                {"id", "plover", "plover_mode", "context", "cameo", "quad", "goldstein", "source",
                 "target", "symmetric", "date", "date_text", "date_precision", "location",
                 "sentence", "trigger", "modality", "rule", "confidence"},
                "event");
  EXPECT_EQ(e["id"], "reuters-fr-istanbul#e1");
  EXPECT_EQ(e["plover"], "CONSULT");
  EXPECT_EQ(e["plover_mode"], "third-party");
  EXPECT_EQ(e["context"], json::array({"diplomatic"}));
  ASSERT_TRUE(e["cameo"].is_string()) << "CAMEO codes are strings, never ints";
  EXPECT_EQ(e["cameo"], "044");
  EXPECT_EQ(e["quad"], 1);
  EXPECT_TRUE(e["quad"].is_number_integer());
  EXPECT_DOUBLE_EQ(e["goldstein"].get<double>(), 1.0);
  EXPECT_TRUE(e["goldstein"].is_number_float());
  EXPECT_EQ(e["symmetric"], true);
  EXPECT_EQ(e["date"], "2025-02-27");
  EXPECT_EQ(e["date_text"], "jeudi");
  EXPECT_EQ(e["date_precision"], "day");
  EXPECT_EQ(e["modality"], "asserted");
  EXPECT_EQ(e["rule"], "fr.se_reunir");
  EXPECT_TRUE(e["confidence"].is_number_float());
  EXPECT_DOUBLE_EQ(e["confidence"].get<double>(), 0.9);

  ExpectHasKeys(e["source"], kActorKeys, "source");
  EXPECT_EQ(e["source"]["text"], "émissaires russes");
  EXPECT_TRUE(e["source"]["start"].is_number_integer());
  EXPECT_EQ(e["source"]["start"], 4);
  EXPECT_EQ(e["source"]["end"], 14);
  EXPECT_EQ(e["source"]["country"], "RUS");
  EXPECT_EQ(e["source"]["sector"], "GOV");
  EXPECT_EQ(e["source"]["code"], "RUSGOV");
  EXPECT_EQ(e["target"]["code"], "USAGOV");

  const json& loc = e["location"];
  ExpectHasKeys(loc,
                {"text", "start", "end", "name", "country", "lat", "lon", "geonameid", "feature"},
                "place");
  EXPECT_EQ(loc["country"], "TUR");
  EXPECT_EQ(loc["geonameid"], 745044);
  EXPECT_TRUE(loc["geonameid"].is_number_integer());
  EXPECT_DOUBLE_EQ(loc["lat"].get<double>(), 41.01384) << "5 decimals";
  EXPECT_DOUBLE_EQ(loc["lon"].get<double>(), 28.94966);
  EXPECT_EQ(loc["feature"], "city");

  ExpectHasKeys(e["sentence"], {"index", "text", "start", "end"}, "sentence");
  EXPECT_EQ(e["sentence"]["index"], 2);
  EXPECT_EQ(e["sentence"]["end"], 68);
  ExpectHasKeys(e["trigger"], {"text", "start", "end"}, "trigger");
  EXPECT_EQ(e["trigger"]["text"], "se sont réunis");
  EXPECT_EQ(e["trigger"]["start"], 36);

  ASSERT_EQ(doc["quotes"].size(), 2u);
  const json& q = doc["quotes"][0];
  ExpectHasKeys(q, {"text", "start", "end", "speaker", "verb", "date", "sentence_index"}, "quote");
  ExpectHasKeys(q["speaker"], kActorKeys, "speaker");
  EXPECT_EQ(q["speaker"]["name"], "Sergueï Lavrov");
  EXPECT_EQ(q["verb"], "a déclaré");
  EXPECT_EQ(q["sentence_index"], 7);

  ASSERT_EQ(doc["mentions"].size(), 1u);
  ExpectHasKeys(doc["mentions"][0], {"text", "start", "end", "type", "name", "country", "sector"},
                "mention");
  EXPECT_EQ(doc["mentions"][0]["type"], "GPE");
  EXPECT_TRUE(doc["mentions"][0]["sector"].is_null());

  ASSERT_EQ(doc["times"].size(), 1u);
  ExpectHasKeys(doc["times"][0], {"text", "start", "end", "value", "kind"}, "time");
  EXPECT_EQ(doc["times"][0]["value"], "2025-02-27");
  EXPECT_EQ(doc["times"][0]["kind"], "DATE");

  ASSERT_EQ(doc["diagnostics"].size(), 1u);
  EXPECT_EQ(doc["diagnostics"][0]["code"], "sentence_too_long");
}

TEST(DocumentJson, AbsentValuesAreNullNeverOmitted) {
  const json doc = json::parse(ToJson(SampleDocument()));
  const json& statement = doc["events"][2];
  for (const char* key : {"plover", "plover_mode", "target", "date", "date_text", "location"}) {
    ASSERT_TRUE(statement.contains(key)) << key;
    EXPECT_TRUE(statement[key].is_null()) << key << ": " << statement[key].dump();
  }
  EXPECT_EQ(statement["cameo"], "01");
  EXPECT_EQ(statement["date_precision"], "published");
  EXPECT_EQ(statement["context"], json::array());
  const json& anonymous = doc["quotes"][1];
  for (const char* key : {"speaker", "verb", "date"}) {
    ASSERT_TRUE(anonymous.contains(key)) << key;
    EXPECT_TRUE(anonymous[key].is_null()) << key;
  }

  Document bare;
  bare.id = "x";
  bare.lang = "en";
  const json b = json::parse(ToJson(bare));
  for (const char* key : {"source_uri", "title", "provider", "published", "version_note"}) {
    ASSERT_TRUE(b.contains(key)) << key;
    EXPECT_TRUE(b[key].is_null()) << key;
  }
  for (const char* key : {"credits", "events", "quotes", "mentions", "times", "diagnostics"}) {
    EXPECT_EQ(b[key], json::array()) << key;
  }

  Document partial = SampleDocument();
  partial.events[0].source->name.reset();
  partial.events[0].source->country.reset();
  partial.events[0].location->lat.reset();
  partial.events[0].location->geonameid.reset();
  const json p = json::parse(ToJson(partial));
  EXPECT_TRUE(p["events"][0]["source"]["name"].is_null());
  EXPECT_TRUE(p["events"][0]["source"]["country"].is_null());
  EXPECT_TRUE(p["events"][0]["location"]["lat"].is_null());
  EXPECT_TRUE(p["events"][0]["location"]["geonameid"].is_null());
  EXPECT_DOUBLE_EQ(p["events"][0]["location"]["lon"].get<double>(), 28.94966);
}

TEST(DocumentJson, NonFiniteNumbersBecomeNull) {
  Document doc = SampleDocument();
  doc.events[0].confidence = std::nan("");
  doc.events[0].location->lat = INFINITY;
  const json j = json::parse(ToJson(doc));
  EXPECT_TRUE(j["events"][0]["confidence"].is_null());
  EXPECT_TRUE(j["events"][0]["location"]["lat"].is_null());
}

// --- escaping --------------------------------------------------------------------

std::string Escaped(std::string_view s) {
  std::string out;
  record::AppendJsonString(&out, s);
  return out;
}

TEST(JsonEscaping, RoundTripsQuotesBackslashesControlsAndNonAscii) {
  const std::string tricky =
      "il a dit \"non\" \\ C:\\temp\n\ttab\r\b\f\x01\x1f\x7f é ü Ş 中文 😀 "
      "\xE2\x80\xA8 end";
  const std::string escaped = Escaped(tricky);
  EXPECT_EQ(json::parse(escaped).get<std::string>(), tricky);
  EXPECT_NE(escaped.find("\\\"non\\\""), std::string::npos);
  EXPECT_NE(escaped.find("C:\\\\temp"), std::string::npos);
  EXPECT_NE(escaped.find("\\n\\ttab\\r\\b\\f\\u0001\\u001f"), std::string::npos);
  EXPECT_NE(escaped.find("\\u2028"), std::string::npos) << "JS line separator escaped";
  EXPECT_NE(escaped.find("é ü Ş 中文 😀"), std::string::npos) << "UTF-8 passes through";
  for (unsigned char c : escaped) EXPECT_GE(c, 0x20) << "no raw control byte";
}

TEST(JsonEscaping, InvalidUtf8BecomesReplacementCharacters) {
  // Expected values follow the Unicode "maximal subpart" practice (same as Python's
  // bytes.decode("utf-8", "replace")).
  const std::string fffd = "\xEF\xBF\xBD";
  struct Case {
    std::string in, out;
  } cases[] = {
      {"a\xC3(b", "a" + fffd + "(b"},
      {"\xED\xA0\x80", fffd + fffd + fffd},             // surrogate
      {"x\xE2\x82", "x" + fffd},                        // truncated at the end
      {"\xC0\xAF", fffd + fffd},                        // overlong
      {"\xF4\x90\x80\x80", fffd + fffd + fffd + fffd},  // above U+10FFFF
      {"\xF0\x9F\x98 ok", fffd + " ok"},
      {"\xFF", fffd},
      {"caf\xC3\xA9", "café"},
  };
  for (const Case& c : cases) {
    const std::string escaped = Escaped(c.in);
    EXPECT_EQ(escaped, "\"" + c.out + "\"");
    EXPECT_EQ(json::parse(escaped).get<std::string>(), c.out);
  }
  Document doc = SampleDocument();
  doc.title = "bad \xC3 title";
  EXPECT_EQ(json::parse(ToJson(doc))["title"], "bad " + fffd + " title");
}

TEST(JsonEscaping, TsvFieldsLoseTabsAndNewlines) {
  std::string out;
  record::AppendTsvField(&out, "a\tb\nc\r\x01 d\xFF é");
  EXPECT_EQ(out, "a b c   d\xEF\xBF\xBD é");  // \r, \x01 and the space
}

TEST(Numbers, DecimalsAreTrimmedButStayFloats) {
  auto fmt = [](double v, int d) {
    std::string s;
    EXPECT_TRUE(record::AppendDecimal(&s, v, d));
    return s;
  };
  EXPECT_EQ(fmt(41.0138373, 5), "41.01384");
  EXPECT_EQ(fmt(0.85, 3), "0.85");
  EXPECT_EQ(fmt(1.0, 3), "1.0");
  EXPECT_EQ(fmt(-7.2, 2), "-7.2");
  EXPECT_EQ(fmt(-0.000001, 3), "0.0");
  EXPECT_EQ(fmt(1e20, 2), "100000000000000000000.0");
  std::string s;
  EXPECT_FALSE(record::AppendDecimal(&s, std::nan(""), 2));
  EXPECT_TRUE(s.empty());
}

// --- error record ----------------------------------------------------------------

TEST(ErrorRecord, HasTheDocumentShapePlusError) {
  const json r = json::parse(
      ErrorRecordJson("scan-01", "in/scan-01.pdf", "binary_input", "not text: \"%PDF\""));
  EXPECT_EQ(r["id"], "scan-01");
  EXPECT_EQ(r["source_uri"], "in/scan-01.pdf");
  EXPECT_EQ(r["error"]["code"], "binary_input");
  EXPECT_EQ(r["error"]["message"], "not text: \"%PDF\"");
  for (const char* key : {"events", "quotes", "mentions", "times", "credits"}) {
    EXPECT_EQ(r[key], json::array()) << key;
  }
  ASSERT_EQ(r["diagnostics"].size(), 1u);
  EXPECT_EQ(r["diagnostics"][0]["code"], "binary_input");
  EXPECT_EQ(r["diagnostics"][0]["message"], "not text: \"%PDF\"");
  EXPECT_TRUE(r["lang"].is_null());
  EXPECT_TRUE(json::parse(ErrorRecordJson("a", "", "c", "m"))["source_uri"].is_null());
}

TEST(ErrorRecord, FailedDocumentRendersAsErrorAndProjectsNothing) {
  Document doc = SampleDocument();
  doc.failed = true;
  doc.diagnostics = {{"unreadable", "cannot decode input"}};
  const json r = json::parse(ToJson(doc));
  EXPECT_EQ(r["error"]["code"], "unreadable");
  EXPECT_EQ(r["events"], json::array());
  EXPECT_EQ(Render(doc, OutputFormat::kPlover), "");
  EXPECT_EQ(Render(doc, OutputFormat::kGdelt), "");
  EXPECT_EQ(Render(doc, OutputFormat::kCameo), "");
}

TEST(Render, DocFormatIsOneLineWithNewline) {
  const Document doc = SampleDocument();
  const std::string out = Render(doc, OutputFormat::kDoc);
  ASSERT_FALSE(out.empty());
  EXPECT_EQ(out.back(), '\n');
  EXPECT_EQ(out.find('\n'), out.size() - 1);
  EXPECT_EQ(out, ToJson(doc) + "\n");
  EXPECT_EQ(Render(doc, OutputFormat::kGdelt), ToGdeltLines(doc));
}

// --- PLOVER ----------------------------------------------------------------------

TEST(Plover, OneRecordPerTypedEventWithPloverFields) {
  const std::vector<std::string> lines = SplitLines(ToPloverLines(SampleDocument()));
  ASSERT_EQ(lines.size(), 2u) << "the CAMEO 01 statement has no PLOVER type";
  const json meet = json::parse(lines[0]);
  ExpectHasKeys(
      meet,
      {"id", "date", "actor", "recipient", "event", "mode", "context", "event_loc", "event_text",
       "quad_code", "event_scale", "cite_info", "coder", "modality", "rule", "symmetric"},
      "plover");
  EXPECT_EQ(meet["id"], "reuters-fr-istanbul#e1");
  EXPECT_EQ(meet["date"], "2025-02-27");
  EXPECT_EQ(meet["event"], json::array({"CONSULT"}));
  EXPECT_EQ(meet["mode"], json::array({"third-party"}));
  EXPECT_EQ(meet["context"], json::array({"diplomatic"}));
  EXPECT_EQ(meet["quad_code"], 1);
  EXPECT_DOUBLE_EQ(meet["event_scale"].get<double>(), 1.0);
  EXPECT_EQ(meet["coder"], "attache");
  EXPECT_EQ(meet["rule"], "fr.se_reunir");
  // Symmetric: one record, both parties as actors, nobody as recipient.
  EXPECT_EQ(meet["symmetric"], true);
  ASSERT_EQ(meet["actor"].size(), 2u);
  EXPECT_EQ(meet["recipient"], json::array());
  ExpectHasKeys(meet["actor"][0], {"code", "sector", "entity_text", "country"}, "entity");
  EXPECT_EQ(meet["actor"][0]["code"], "RUS");
  EXPECT_EQ(meet["actor"][0]["sector"], "GOV");
  EXPECT_EQ(meet["actor"][0]["entity_text"], "émissaires russes");
  EXPECT_EQ(meet["actor"][1]["code"], "USA");
  const json& loc = meet["event_loc"];
  EXPECT_EQ(loc["extracted_place"], "Istanbul");
  EXPECT_EQ(loc["resolved_place"], "Istanbul");
  EXPECT_EQ(loc["city"], "Istanbul");
  EXPECT_EQ(loc["country_code"], "TUR");
  EXPECT_EQ(loc["geonameid"], 745044);
  EXPECT_EQ(loc["feature_class"], "P");
  EXPECT_EQ(loc["resolution"], 4);
  EXPECT_DOUBLE_EQ(loc["lat"].get<double>(), 41.01384);
  EXPECT_EQ(meet["event_text"],
            "Des émissaires russes et américains se sont réunis jeudi à Istanbul.");
  const json& cite = meet["cite_info"];
  EXPECT_EQ(cite["url"], "https://example.org/depeche?id=1&x=\"2\"");
  EXPECT_EQ(cite["title"], "Rencontre russo-américaine à Istanbul");
  EXPECT_EQ(cite["language"], "fr");
  EXPECT_EQ(cite["publication"], "Reuters");

  const json call = json::parse(lines[1]);
  EXPECT_EQ(call["symmetric"], false);
  ASSERT_EQ(call["actor"].size(), 1u);
  ASSERT_EQ(call["recipient"].size(), 1u);
  EXPECT_EQ(call["actor"][0]["identifier_text"], "Vladimir Poutine");
  EXPECT_EQ(call["recipient"][0]["code"], "USA");
  EXPECT_EQ(call["date"], "2025-02-12");
  EXPECT_EQ(call["mode"], json::array({"phone"}));
  EXPECT_TRUE(call["event_loc"].is_null());
}

TEST(Plover, DateFallsBackToPublishedAndIgoCodeToActorHead) {
  Document doc = SampleDocument();
  doc.events[0].date.reset();
  doc.events[0].symmetric = false;
  doc.events[0].target = MakeActor("l'Otan", 5, "NATO", "", "", "IGONAT");
  doc.events[0].target->country.reset();
  doc.events[0].target->sector.reset();
  const json meet = json::parse(SplitLines(ToPloverLines(doc))[0]);
  EXPECT_EQ(meet["date"], "2025-02-27");
  EXPECT_EQ(meet["recipient"][0]["code"], "IGO");
  EXPECT_TRUE(meet["recipient"][0]["country"].is_null());
  EXPECT_EQ(meet["recipient"][0]["actor_code"], "IGONAT");
}

// --- GDELT -----------------------------------------------------------------------

TEST(Gdelt, SixtyOneColumnsWithStringCodes) {
  const Document doc = SampleDocument();
  const std::string out = ToGdeltLines(doc);
  const std::vector<std::string> lines = SplitLines(out);
  ASSERT_EQ(lines.size(), 3u) << "every event, the symmetric one once";
  for (const std::string& line : lines) {
    EXPECT_EQ(SplitTabs(line).size(), 61u) << line;
  }
  const std::vector<std::string> c = SplitTabs(lines[0]);
  EXPECT_FALSE(c[0].empty());
  EXPECT_EQ(c[0].find_first_not_of("0123456789"), std::string::npos);
  EXPECT_EQ(c[1], "20250227");   // SQLDATE
  EXPECT_EQ(c[2], "202502");     // MonthYear
  EXPECT_EQ(c[3], "2025");       // Year
  EXPECT_EQ(c[4], "2025.1589");  // FractionDate: day 58 of 365
  EXPECT_EQ(c[5], "RUSGOV");     // Actor1Code
  EXPECT_EQ(c[6], "Russia");     // Actor1Name
  EXPECT_EQ(c[7], "RUS");        // Actor1CountryCode
  EXPECT_EQ(c[12], "GOV");       // Actor1Type1Code
  EXPECT_EQ(c[15], "USAGOV");    // Actor2Code
  EXPECT_EQ(c[17], "USA");       // Actor2CountryCode
  EXPECT_EQ(c[22], "GOV");       // Actor2Type1Code
  EXPECT_EQ(c[25], "1");         // IsRootEvent: earliest event sentence
  EXPECT_EQ(c[26], "044");       // EventCode, leading zero kept
  EXPECT_EQ(c[27], "044");       // EventBaseCode
  EXPECT_EQ(c[28], "04");        // EventRootCode
  EXPECT_EQ(c[29], "1");         // QuadClass
  EXPECT_EQ(c[30], "1.0");       // GoldsteinScale
  EXPECT_EQ(c[31], "1");
  EXPECT_EQ(c[32], "1");
  EXPECT_EQ(c[33], "1");
  EXPECT_EQ(c[34], "");   // AvgTone: not computed
  EXPECT_EQ(c[35], "0");  // Actor1Geo_Type: no actor geography
  EXPECT_EQ(c[43], "0");  // Actor2Geo_Type
  EXPECT_EQ(c[51], "4");  // ActionGeo_Type: world city
  EXPECT_EQ(c[52], "Istanbul");
  EXPECT_EQ(c[53], "TR");  // ISO alpha-2 (GDELT would say FIPS "TU")
  EXPECT_EQ(c[56], "41.01384");
  EXPECT_EQ(c[57], "28.94966");
  EXPECT_EQ(c[58], "745044");          // FeatureID = geonameid
  EXPECT_EQ(c[59], "20250227162500");  // DATEADDED
  EXPECT_EQ(c[60], "https://example.org/depeche?id=1&x=\"2\"");

  const std::vector<std::string> call = SplitTabs(lines[1]);
  EXPECT_EQ(call[1], "20250212");
  EXPECT_EQ(call[25], "0");
  EXPECT_EQ(call[26], "041");
  EXPECT_EQ(call[35], "0");
  EXPECT_EQ(call[51], "0") << "no location";
  EXPECT_NE(call[0], c[0]) << "distinct GLOBALEVENTIDs";

  const std::vector<std::string> statement = SplitTabs(lines[2]);
  EXPECT_EQ(statement[1], "20250227") << "no event date: publication date";
  EXPECT_EQ(statement[15], "") << "no target: empty Actor2 block";
  EXPECT_EQ(statement[26], "010") << "two-digit root padded";
  EXPECT_EQ(statement[27], "010");
  EXPECT_EQ(statement[28], "01");
  EXPECT_EQ(statement[29], "1") << "quad 0 falls back to GDELT's root grouping";
  EXPECT_EQ(statement[30], "0.0");

  EXPECT_EQ(ToGdeltLines(doc), out) << "GLOBALEVENTID is stable";
}

TEST(Gdelt, DateAddedIsUtcAndCountryGeographyUsesIso2) {
  Document doc = SampleDocument();
  doc.published = "2025-03-01T00:30:15+01:00";
  doc.events[0].location->feature = "country";
  doc.events[0].location->name = "Turquie";
  doc.events[0].location->geonameid.reset();
  doc.events[0].target->name = "Etats\tUnis";
  doc.source_uri.reset();
  const std::vector<std::string> c = SplitTabs(SplitLines(ToGdeltLines(doc))[0]);
  ASSERT_EQ(c.size(), 61u);
  EXPECT_EQ(c[59], "20250228233015");
  EXPECT_EQ(c[16], "Etats Unis") << "tabs inside a field would shift columns";
  EXPECT_EQ(c[51], "1");
  EXPECT_EQ(c[52], "Turquie");
  EXPECT_EQ(c[53], "TR");
  EXPECT_EQ(c[54], "TR");
  EXPECT_EQ(c[58], "TR") << "country-level FeatureID is the country code, as in GDELT";
  EXPECT_EQ(c[60], "");

  doc.published = "2025-02-27T16:25Z";
  EXPECT_EQ(SplitTabs(SplitLines(ToGdeltLines(doc))[0])[59], "20250227162500");
  doc.published = "2025-02-27";
  EXPECT_EQ(SplitTabs(SplitLines(ToGdeltLines(doc))[0])[59], "20250227000000");
  doc.published.reset();
  EXPECT_EQ(SplitTabs(SplitLines(ToGdeltLines(doc))[0])[59], "");
}

TEST(Gdelt, UsGeographyTypes) {
  Document doc = SampleDocument();
  doc.events[0].location->country = "USA";
  doc.events[0].location->feature = "city";
  EXPECT_EQ(SplitTabs(SplitLines(ToGdeltLines(doc))[0])[51], "3");
  doc.events[0].location->feature = "admin1";
  EXPECT_EQ(SplitTabs(SplitLines(ToGdeltLines(doc))[0])[51], "2");
  doc.events[0].location->country = "FRA";
  EXPECT_EQ(SplitTabs(SplitLines(ToGdeltLines(doc))[0])[51], "5");
  EXPECT_EQ(SplitTabs(SplitLines(ToGdeltLines(doc))[0])[53], "FR");
}

TEST(CountryCodes, Iso3ToIso2) {
  EXPECT_EQ(record::Iso3ToIso2("TUR"), "TR");
  EXPECT_EQ(record::Iso3ToIso2("usa"), "US");
  EXPECT_EQ(record::Iso3ToIso2("ABW"), "AW");  // first entry
  EXPECT_EQ(record::Iso3ToIso2("ZWE"), "ZW");  // last entry
  EXPECT_EQ(record::Iso3ToIso2("KOS"), "XK");
  EXPECT_EQ(record::Iso3ToIso2("IGO"), "");
  EXPECT_EQ(record::Iso3ToIso2("TU"), "");
}

// --- CAMEO -----------------------------------------------------------------------

TEST(Cameo, TabariLines) {
  Document doc = SampleDocument();
  EXPECT_EQ(ToCameoLines(doc),
            "20250227\tRUSGOV\tUSAGOV\t044\n"
            "20250212\tRUSGOV\tUSAGOV\t041\n"
            "20250227\tRUSMED\t---\t01\n");
  doc.events.resize(1);
  doc.events[0].source->code.clear();
  doc.events[0].date.reset();
  doc.published.reset();
  EXPECT_EQ(ToCameoLines(doc), "00000000\tRUS\tUSAGOV\t044\n");
}

}  // namespace
}  // namespace attache
