// Scoring coded documents against gold records (`attache.gold/1`, shared/spec/output.md).
//
// The rules are those of the spec and of the project's independent scorer
// (shared/tools/score.py), reimplemented here so that both give identical numbers:
//  - a predicted event and a gold event can pair when they come from the same sentence
//    (containment or word Jaccard >= 0.6 after normalisation), have the same type (the gold
//    PLOVER type, or the CAMEO root of the gold code or of any `cameo_also` code) and a
//    compatible dyad (source and target countries; a null in gold matches anything; either
//    order when gold or prediction is symmetric);
//  - pairs are taken greedily by score: 10 for a required gold event, 1 for the pair, 0.5
//    for the right date, 0.25 for the exact CAMEO code; ties go to the higher gold index,
//    then the higher predicted index (score.py sorts its (score, gold, pred) tuples in
//    reverse);
//  - recall counts required gold events; precision counts every predicted event that pairs
//    with nothing, except the reverse-direction copy of a paired symmetric event, which is
//    neutral; a predicted event from a forbidden sentence is always a false positive;
//  - date, location and CAMEO exactness are measured on the paired required events;
//  - a gold quote is found by the first predicted quote holding at least 80% of its words
//    (and not more than twice as many plus five); its speaker is right when a name word is
//    shared (any speaker passes for a generic gold speaker, "un porte-parole") and the
//    country agrees when gold gives one.
// Beyond score.py, every count is also kept per PLOVER type, and misses and false
// positives are listed with their sentences.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "attache/status.h"

namespace attache::eval {

using Json = nlohmann::json;

// One gold file: NAME.gold.json (or NAME.json) in the gold directory.
struct GoldDoc {
  std::string name;  // NAME, the key predictions are paired by
  std::string path;
  Json gold;
};

// The gold files of `dir`, sorted by file name (as score.py lists them).
StatusOr<std::vector<GoldDoc>> ReadGoldDir(const std::string& dir);

// The key a predicted document is paired by: the stem of its "id", else "source_uri",
// else "file" (also looked up under "doc"). Empty when it has none.
std::string PredictionKey(const Json& doc);

// Predicted documents by key; a later document with the same key replaces an earlier one.
using Predictions = std::map<std::string, Json>;

// Reads JSON Lines predictions (the document record of spec/output.md).
StatusOr<Predictions> ReadPredictions(const std::string& path);

// Additive counts (the field names of score.py).
struct Tally {
  long req = 0, req_hit = 0, tp = 0, fp = 0, opt_hit = 0;
  long date_n = 0, date_ok = 0, loc_n = 0, loc_ok = 0, cameo_ok = 0, forbidden = 0;
  long q_n = 0, q_hit = 0, q_spk = 0;
  void Add(const Tally& o);
};

// Something the scorer wants a reader to look at, listed against its sentence.
struct Finding {
  enum class Kind { kMiss, kFalsePositive, kForbidden, kQuoteMiss, kWrongSpeaker,
                    kWrongCameo, kWrongDate, kWrongLocation };
  Kind kind;
  std::string type;      // PLOVER type label (TypeLabel) of the event, empty for quotes
  std::string what;      // "CONSULT 044 RUS->USA", the quote's words, ...
  std::string expected;  // for wrong cameo/date/location/speaker: the gold value
  std::string got;       // ... and the predicted one
  std::string sentence;  // the sentence (gold or predicted)
};

const char* KindName(Finding::Kind kind);

struct DocScore {
  std::string name;
  std::string lang;  // gold "lang", else the prediction's, else "?"
  bool missing_doc = false;
  Tally tally;
  std::map<std::string, Tally> by_type;  // by TypeLabel: gold type for hits and misses,
                                         // predicted type for false positives
  std::vector<Finding> findings;
};

// The type an event is counted under: its PLOVER type, else "CAMEO <root>" (CAMEO roots
// without a PLOVER type, such as 01 public statements).
std::string TypeLabel(const Json& event);

// Scores one document; `pred` is null when no prediction was paired with the gold.
DocScore ScoreDocument(const std::string& name, const Json& gold, const Json* pred);

// Totals over documents, and the derived rates.
struct Summary {
  long docs = 0, missing_docs = 0;
  Tally tally;
  double precision = 0, recall = 0, f1 = 0;
  // Rates are absent (null) when their denominator is zero.
  std::optional<double> date_acc, loc_acc, cameo_exact, quote_recall, quote_speaker;
};

// Derives the rates from `t` (unrounded).
Summary Summarize(const Tally& t, long docs, long missing_docs);

}  // namespace attache::eval
