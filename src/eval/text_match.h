// Text comparison for evaluation: the normalisation and tokenisation that decide whether a
// predicted event comes from the same sentence as a gold event, and whether a quote was
// found. They reproduce, character for character, what the project's independent scorer
// (shared/tools/score.py) does in Python, so that both give the same numbers:
//   norm:  NFC, typographic quotes and no-break spaces folded, str.lower(), runs of
//          Python whitespace collapsed to one space, spaces and '"' stripped at both ends;
//   toks:  the set of maximal runs of Python `\w` characters (letters, numbers, '_').
#pragma once

#include <set>
#include <string>
#include <string_view>

namespace attache::eval {

// The normalised form of `s` (UTF-8 in, UTF-8 out).
std::string NormText(std::string_view s);

// The set of word tokens of NormText(s).
std::set<std::string> WordSet(std::string_view s);

// Same sentence: after NormText, one contains the other, or the word sets have a Jaccard
// index of at least 0.6. Empty texts never match.
bool SameSentence(std::string_view gold, std::string_view pred);

// A sentence made ready for SameSentence once, when it is compared with many others: its
// NormText and the WordSet of that.
struct NormSentence {
  std::string norm;
  std::set<std::string> words;
};
NormSentence PrepareSentence(std::string_view s);
bool SameSentence(const NormSentence& gold, const NormSentence& pred);

// The first `n` code points of `s`.
std::string FirstCodePoints(std::string_view s, size_t n);

// Python's round(x, 3): the double nearest to the correctly rounded decimal.
double Round3(double x);

// Python's repr() of a float ("1.0", "0.667").
std::string PyFloatRepr(double x);

}  // namespace attache::eval
