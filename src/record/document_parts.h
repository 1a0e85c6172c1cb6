#pragma once
// Pieces of the document record written the same way wherever they appear: in the
// document line, in the projections and in the database's JSON columns.

#include <string>
#include <vector>

#include "attache/document.h"
#include "record/json_writer.h"

namespace attache::record {

// Decimals: 5 for coordinates (about a metre), 3 for confidences, 2 for Goldstein values
// (the scale has one decimal; two leave room for averaged values).
inline constexpr int kLatLonDecimals = 5;
inline constexpr int kConfidenceDecimals = 3;
inline constexpr int kGoldsteinDecimals = 2;

// "text", "start", "end" of a span, inside an object the caller opened.
void WriteSpanFields(JsonWriter& w, const Span& span);
void WriteStringArray(JsonWriter& w, const std::vector<std::string>& items);
void WriteCredits(JsonWriter& w, const std::vector<Credit>& credits);
void WriteDiagnostics(JsonWriter& w, const std::vector<Diagnostic>& diagnostics);

}  // namespace attache::record
