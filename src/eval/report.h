// The evaluation report: scores of every gold document, totals, and the same totals per
// language and per PLOVER type, rendered as text for people or as JSON for machines.
//
// The summary line (text) and the top-level keys (JSON) are those of score.py, with the
// same rounding (three decimals, Python's round()), so the two can be compared verbatim.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "eval/scorer.h"

namespace attache::eval {

struct Report {
  std::vector<DocScore> docs;
  Summary total;
  std::map<std::string, Summary> by_lang;
  std::map<std::string, Summary> by_type;  // no quotes: quotes have no event type
};

// The totals of a Summary by the names score.py gives them ("precision", ..., "f1",
// "date_acc", ..., "quote_speaker"), in score.py's order: the one list the summary line,
// the JSON summary and `attache eval --floor KEY=MIN` use.
struct ScoreKey {
  std::string_view name;
  // A rate is absent (None/null) when its denominator is zero; precision, recall and f1
  // are always present.
  bool rate;
  std::optional<double> (*value)(const Summary&);
};
std::span<const ScoreKey> ScoreKeys();
const ScoreKey* FindScoreKey(std::string_view name);  // null for an unknown name

// Scores every gold document against its prediction (paired by name).
Report BuildReport(const std::vector<GoldDoc>& gold, const Predictions& preds);

// score.py's one-line summary: "docs=1 missing_docs=0 precision=1.0 ... quote_speaker=1.0".
std::string SummaryLine(const Summary& s);

// Human-readable: every document with its misses, false positives and wrong attributes,
// each against its sentence; tables per language and per type; the summary line last.
std::string RenderText(const Report& report);

// One JSON object: score.py's summary keys, plus "by_lang", "by_type" and "documents".
std::string RenderJson(const Report& report);

}  // namespace attache::eval
