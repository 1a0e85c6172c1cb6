// Unit tests of the evaluation scorer (src/eval/) on small hand-built gold/prediction pairs:
// the text normalisation and sentence test, each matching rule of spec/output.md and
// score.py, quotes and speakers, prediction keys, and Python-compatible rounding.
#include <gtest/gtest.h>

#include "eval/report.h"
#include "eval/scorer.h"
#include "eval/text_match.h"

namespace attache::eval {
namespace {

const char kS1[] = "Des émissaires russes et américains se sont réunis jeudi à Istanbul.";
const char kS2[] = "Moscou a accusé Kiev d'avoir frappé une centrale.";
const char kS3[] = "L'Ukraine n'est pas au menu, a déclaré un porte-parole.";

Json Actor(const char* country) {
  return country ? Json{{"text", "x"}, {"country", country}} : Json{{"text", "x"}, {"country", nullptr}};
}

Json GoldEvent(const char* sentence, const char* src, const char* tgt, const char* cameo,
               const char* plover, bool required = true, bool symmetric = false) {
  return {{"required", required}, {"sentence", sentence}, {"source", Actor(src)},
          {"target", Actor(tgt)}, {"symmetric", symmetric},
          {"plover", plover ? Json(plover) : Json(nullptr)}, {"cameo", cameo},
          {"date", nullptr}, {"location", nullptr}};
}

Json PredEvent(const char* sentence, const char* src, const char* tgt, const char* cameo,
               const char* plover, bool symmetric = false) {
  return {{"sentence", {{"index", 0}, {"text", sentence}}}, {"source", Actor(src)},
          {"target", Actor(tgt)}, {"symmetric", symmetric},
          {"plover", plover ? Json(plover) : Json(nullptr)}, {"cameo", cameo},
          {"date", nullptr}, {"location", nullptr}};
}

Json Gold(Json events, Json forbidden = Json::array(), Json quotes = Json::array()) {
  return {{"format", "attache.gold/1"}, {"lang", "fr"}, {"events", std::move(events)},
          {"forbidden", std::move(forbidden)}, {"quotes", std::move(quotes)}};
}

Json Pred(Json events, Json quotes = Json::array()) {
  return {{"id", "doc"}, {"lang", "fr"}, {"events", std::move(events)}, {"quotes", std::move(quotes)}};
}

TEST(EvalText, NormFoldsQuotesSpacesAndCase) {
  EXPECT_EQ(NormText("  « L’Ukraine\u00a0n’est  pas\tau MENU »  "), "l'ukraine n'est pas au menu");
  EXPECT_EQ(NormText("\"Dit-il\""), "dit-il");
  EXPECT_EQ(NormText(""), "");
  // NFC: a decomposed é equals the composed one.
  EXPECT_EQ(NormText("Re\u0301union"), NormText("Réunion"));
}

TEST(EvalText, WordsAreRunsOfLettersDigitsAndUnderscore) {
  const std::set<std::string> want = {"l", "agenda", "du", "12", "février", "a_b"};
  EXPECT_EQ(WordSet("L'agenda du 12 février, a_b."), want);
}

TEST(EvalText, SameSentenceByContainmentOrJaccard) {
  EXPECT_TRUE(SameSentence(kS1, "Des émissaires russes et américains se sont réunis jeudi"));
  EXPECT_TRUE(SameSentence("a b c d", "a b c x"));      // 3 common / 5 = 0.6
  EXPECT_FALSE(SameSentence("a b c d e", "a b c x"));   // 3 / 6
  EXPECT_FALSE(SameSentence("", kS1));
  EXPECT_FALSE(SameSentence(kS1, "\"  \""));
}

TEST(EvalText, RoundingAndReprFollowPython) {
  EXPECT_EQ(PyFloatRepr(Round3(2.0 / 3.0)), "0.667");
  EXPECT_EQ(PyFloatRepr(Round3(1.0)), "1.0");
  EXPECT_EQ(PyFloatRepr(Round3(0.0)), "0.0");
  EXPECT_EQ(PyFloatRepr(Round3(0.0625)), "0.062");  // ties to even, as round() does
  EXPECT_EQ(PyFloatRepr(Round3(0.81)), "0.81");
}

TEST(EvalMatch, SymmetricReverseMatchesAndMirrorIsNeutral) {
  const Json gold = Gold({GoldEvent(kS1, "RUS", "USA", "044", "CONSULT", true, true)});
  const Json pred = Pred({PredEvent(kS1, "USA", "RUS", "044", "CONSULT", true),
                          PredEvent(kS1, "RUS", "USA", "044", "CONSULT", true)});
  const DocScore d = ScoreDocument("doc", gold, &pred);
  EXPECT_EQ(d.tally.req_hit, 1);
  EXPECT_EQ(d.tally.fp, 0);
}

TEST(EvalMatch, ReverseOfAsymmetricEventIsFalsePositive) {
  const Json gold = Gold({GoldEvent(kS2, "RUS", "UKR", "112", "ACCUSE")});
  const Json pred = Pred({PredEvent(kS2, "UKR", "RUS", "112", "ACCUSE")});
  const DocScore d = ScoreDocument("doc", gold, &pred);
  EXPECT_EQ(d.tally.req_hit, 0);
  EXPECT_EQ(d.tally.fp, 1);
  ASSERT_EQ(d.findings.size(), 2u);
  EXPECT_EQ(d.findings[0].kind, Finding::Kind::kMiss);
  EXPECT_EQ(d.findings[0].sentence, kS2);
  EXPECT_EQ(d.findings[1].kind, Finding::Kind::kFalsePositive);
}

TEST(EvalMatch, OptionalEventsCountNeitherWay) {
  const Json gold = Gold({GoldEvent(kS2, "RUS", "UKR", "112", "ACCUSE", false),
                          GoldEvent(kS1, "RUS", "USA", "044", "CONSULT", false)});
  const Json pred = Pred({PredEvent(kS2, "RUS", "UKR", "112", "ACCUSE")});
  const DocScore d = ScoreDocument("doc", gold, &pred);
  EXPECT_EQ(d.tally.req, 0);
  EXPECT_EQ(d.tally.opt_hit, 1);
  EXPECT_EQ(d.tally.tp, 0);
  EXPECT_EQ(d.tally.fp, 0);
  EXPECT_TRUE(d.findings.empty());
}

TEST(EvalMatch, TypeByCameoRootIncludingCameoAlso) {
  Json ge = GoldEvent(kS2, "RUS", "UKR", "112", nullptr);
  ge["cameo_also"] = {"111", "130"};
  const Json gold = Gold({ge, GoldEvent(kS1, "RUS", "USA", "044", "CONSULT")});
  // 13x by cameo_also; the second pairs by PLOVER type despite another CAMEO root.
  const Json pred = Pred({PredEvent(kS2, "RUS", "UKR", "138", "THREATEN"),
                          PredEvent(kS1, "RUS", "USA", "036", "CONSULT")});
  const DocScore d = ScoreDocument("doc", gold, &pred);
  EXPECT_EQ(d.tally.req_hit, 2);
  EXPECT_EQ(d.tally.cameo_ok, 0);
  EXPECT_EQ(d.tally.fp, 0);
}

TEST(EvalMatch, NullInGoldIsAWildcard) {
  const Json gold = Gold({GoldEvent(kS2, nullptr, "UKR", "112", "ACCUSE"),
                          GoldEvent(kS1, "RUS", nullptr, "044", "CONSULT")});
  const Json pred = Pred({PredEvent(kS2, "RUS", "UKR", "112", "ACCUSE"),
                          PredEvent(kS1, "RUS", "USA", "044", "CONSULT")});
  EXPECT_EQ(ScoreDocument("doc", gold, &pred).tally.req_hit, 2);
  // ... but a null in the prediction does not match a gold country.
  const Json pred2 = Pred({PredEvent(kS2, "RUS", nullptr, "112", "ACCUSE")});
  const Json gold2 = Gold({GoldEvent(kS2, "RUS", "UKR", "112", "ACCUSE")});
  EXPECT_EQ(ScoreDocument("doc", gold2, &pred2).tally.req_hit, 0);
}

TEST(EvalMatch, ForbiddenSentenceIsAlwaysFalsePositive) {
  const Json gold = Gold({GoldEvent(kS3, "USA", nullptr, "010", nullptr)},
                         {{{"sentence_contains", "L’Ukraine n’est pas au menu"}}});
  const Json pred = Pred({PredEvent(kS3, "USA", "UKR", "010", nullptr)});
  const DocScore d = ScoreDocument("doc", gold, &pred);
  EXPECT_EQ(d.tally.req_hit, 1);  // as score.py: it still pairs with the gold event
  EXPECT_EQ(d.tally.fp, 1);
  EXPECT_EQ(d.tally.forbidden, 1);
}

TEST(EvalMatch, GreedyByScoreThenHigherIndices) {
  // Equal scores: the later gold event takes the shared prediction, so both are found.
  const Json gold = Gold({GoldEvent(kS2, "RUS", nullptr, "112", "ACCUSE"),
                          GoldEvent(kS2, "RUS", "UKR", "112", "ACCUSE")});
  const Json pred = Pred({PredEvent(kS2, "RUS", "UKR", "112", "ACCUSE"),
                          PredEvent(kS2, "RUS", "USA", "112", "ACCUSE")});
  EXPECT_EQ(ScoreDocument("doc", gold, &pred).tally.req_hit, 2);
  // The right date outweighs the exact code.
  Json g1 = GoldEvent(kS2, "RUS", "UKR", "112", "ACCUSE");
  g1["date"] = "2025-02-27";
  Json p_code = PredEvent(kS2, "RUS", "UKR", "112", "ACCUSE");
  Json p_date = PredEvent(kS2, "RUS", "UKR", "111", "ACCUSE");
  p_date["date"] = "2025-02-27";
  const Json pred2 = Pred({p_code, p_date});
  const DocScore d = ScoreDocument("doc", Gold({g1}), &pred2);
  EXPECT_EQ(d.tally.date_ok, 1);
  EXPECT_EQ(d.tally.cameo_ok, 0);
}

TEST(EvalMatch, MissingDocumentMissesEverything) {
  const Json gold = Gold({GoldEvent(kS1, "RUS", "USA", "044", "CONSULT")}, Json::array(),
                         {{{"text", "On verra"}, {"speaker", "un porte-parole"}}});
  const DocScore d = ScoreDocument("doc", gold, nullptr);
  EXPECT_TRUE(d.missing_doc);
  EXPECT_EQ(d.tally.req, 1);
  EXPECT_EQ(d.tally.req_hit, 0);
  EXPECT_EQ(d.tally.q_n, 1);
  EXPECT_EQ(d.tally.q_hit, 0);
}

TEST(EvalQuotes, GenericAndNamedSpeakers) {
  const Json quotes = {
      {{"text", "Soit les problèmes sont résolus"}, {"speaker", "un porte-parole"}, {"speaker_country", "USA"}},
      {{"text", "créé des conditions inconfortables"}, {"speaker", "Sergueï Lavrov"}, {"speaker_country", "RUS"}},
      {{"text", "inspiraient certains espoirs"}, {"speaker", "Vladimir Poutine"}},
      {{"text", "Nous verrons"}, {"speaker", "un porte-parole"}, {"speaker_country", "USA"}},
  };
  const Json pred = Pred(Json::array(), {
      {{"text", "Soit les problèmes sont résolus"}, {"speaker", {{"text", "il"}, {"country", "USA"}}}},
      {{"text", "créé des conditions inconfortables"}, {"speaker", {{"text", "Il"}, {"name", "Sergueï Lavrov"}, {"country", "RUS"}}}},
      {{"text", "inspiraient certains espoirs"}, {"speaker", {{"text", "Le président"}, {"country", "RUS"}}}},
      {{"text", "Nous verrons bien"}, {"speaker", {{"text", "un porte-parole"}, {"country", "GBR"}}}},
  });
  const DocScore d = ScoreDocument("doc", Gold(Json::array(), Json::array(), quotes), &pred);
  EXPECT_EQ(d.tally.q_n, 4);
  EXPECT_EQ(d.tally.q_hit, 4);
  EXPECT_EQ(d.tally.q_spk, 2);  // the generic one with the right country, and Lavrov
}

TEST(EvalQuotes, TooLongAQuoteIsNotFound) {
  const Json quotes = {{{"text", "Nous verrons"}, {"speaker", "un porte-parole"}}};
  const Json pred = Pred(Json::array(),
                         {{{"text", "Nous verrons un deux trois quatre cinq six sept huit"}}});
  EXPECT_EQ(ScoreDocument("doc", Gold(Json::array(), Json::array(), quotes), &pred).tally.q_hit, 0);
}

TEST(EvalKeys, PredictionKeyIsTheStemOfIdUriOrFile) {
  EXPECT_EQ(PredictionKey({{"id", "/wire/a-b.txt"}}), "a-b");
  EXPECT_EQ(PredictionKey({{"id", ""}, {"source_uri", "file:///x/y.z.txt"}}), "y.z");
  EXPECT_EQ(PredictionKey({{"doc", {{"file", "seed.txt"}}}}), "seed");
  EXPECT_EQ(PredictionKey({{"id", ".hidden"}}), ".hidden");
  EXPECT_EQ(PredictionKey(Json::object()), "");
}

TEST(EvalReport, PerTypeAndSummaryLine) {
  GoldDoc g{"doc", "doc.gold.json", Gold({GoldEvent(kS1, "RUS", "USA", "044", "CONSULT"),
                                          GoldEvent(kS2, "RUS", "UKR", "112", "ACCUSE")})};
  Predictions preds;
  preds["doc"] = Pred({PredEvent(kS1, "RUS", "USA", "044", "CONSULT"),
                       PredEvent(kS3, "USA", "UKR", "120", "REJECT")});
  const Report r = BuildReport({g}, preds);
  EXPECT_EQ(r.by_type.at("CONSULT").tally.req_hit, 1);
  EXPECT_EQ(r.by_type.at("ACCUSE").tally.req, 1);
  EXPECT_EQ(r.by_type.at("REJECT").tally.fp, 1);
  EXPECT_EQ(r.by_lang.at("fr").tally.req, 2);
  EXPECT_EQ(SummaryLine(r.total),
            "docs=1 missing_docs=0 precision=0.5 recall=0.5 f1=0.5 required=2 hit=1 fp=1 "
            "forbidden=0 date_acc=None loc_acc=None cameo_exact=1.0 quote_recall=None "
            "quote_speaker=None");
}

}  // namespace
}  // namespace attache::eval
