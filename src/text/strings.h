// Small string and file helpers for the readers of data files (language packs, entity
// lists, hunspell and GeoNames sources, dictionaries). One copy, so every reader treats
// blanks and line ends the same way: a file saved with CRLF line ends reads like one with
// LF. Not for running text, which goes through normalize/segment/tokenize.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "attache/status.h"

namespace attache::text {

// A blank between or around fields: space, tab, CR, LF, form feed or vertical tab.
constexpr bool IsBlank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

// `s` with each run of blanks made one space, and none at either end.
std::string Squash(std::string_view s);

// `s` without leading and trailing blanks.
std::string_view Trim(std::string_view s);

// The fields of `s` between `sep`s, each trimmed; empty fields are kept, so "a||b" has three
// and a column count can be checked ("base | past | participle").
std::vector<std::string_view> SplitFields(std::string_view s, char sep);

// The items of a list ("a, b, c"): fields split at `sep`, trimmed, empty ones dropped.
std::vector<std::string_view> SplitList(std::string_view s, char sep = ',');

// The words of `s` separated by runs of blanks.
std::vector<std::string_view> SplitWords(std::string_view s);

// `count` ASCII digits of `s` at `at` as a number in `*out`; false (and `*out` untouched) if
// `s` is too short there or any of them is not a digit.
bool ParseDigits(std::string_view s, size_t at, size_t count, int* out);

// The whole file, bytes as they are; an error names the file.
StatusOr<std::string> ReadFile(const std::string& path);

}  // namespace attache::text
