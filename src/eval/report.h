// The evaluation report: scores of every gold document, totals, and the same totals per
// language and per PLOVER type, rendered as text for people or as JSON for machines.
//
// The summary line (text) and the top-level keys (JSON) are those of score.py, with the
// same rounding (three decimals, Python's round()), so the two can be compared verbatim.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "eval/scorer.h"

namespace attache::eval {

struct Report {
  std::vector<DocScore> docs;
  Summary total;
  std::map<std::string, Summary> by_lang;
  std::map<std::string, Summary> by_type;  // no quotes: quotes have no event type
};

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
