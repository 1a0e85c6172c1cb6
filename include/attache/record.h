// Serialisations of the document record: the JSON Lines document record of
// spec/output.md, the error record, and the projections (plover, gdelt, cameo).
#pragma once

#include <string>

#include "attache/document.h"

namespace attache {

enum class OutputFormat { kDoc, kPlover, kGdelt, kCameo };

// One JSON object on one line (no trailing newline), every contract field present,
// absent values as null.
std::string ToJson(const Document& doc);

// The record written when an input could not be coded at all (unreadable file, binary
// content, ...): {"id", "source_uri", "error": {"code","message"}, "diagnostics": [...]}.
std::string ErrorRecordJson(const std::string& id, const std::string& source_uri,
                            const std::string& code, const std::string& message);

// Zero or more lines (each ending in '\n') for the projection formats.
std::string ToPloverLines(const Document& doc);
std::string ToGdeltLines(const Document& doc);
std::string ToCameoLines(const Document& doc);

// The text written for `doc` in `format`: for kDoc the ToJson line plus '\n', so every
// format yields whole lines. A failed document gives its error record in kDoc and no
// lines in the projections.
std::string Render(const Document& doc, OutputFormat format);

}  // namespace attache
