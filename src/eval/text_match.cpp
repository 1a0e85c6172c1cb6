#include "eval/text_match.h"

#include "text/fold.h"

#include <charconv>
#include <cstdio>
#include <cstdlib>

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace attache::eval {
namespace {

// Python's str.isspace(): ASCII \t\n\v\f\r, 0x1C-0x1F and space; otherwise bidirectional
// class WS, B or S, or general category Zs.
bool IsPySpace(UChar32 c) {
  if (c < 128) return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
  const UCharDirection d = u_charDirection(c);
  return d == U_WHITE_SPACE_NEUTRAL || d == U_BLOCK_SEPARATOR || d == U_SEGMENT_SEPARATOR ||
         u_charType(c) == U_SPACE_SEPARATOR;
}

// Python's `\w` for str patterns: str.isalnum() (a letter category, or any numeric type)
// or the underscore.
bool IsPyWord(UChar32 c) {
  if (c == '_') return true;
  switch (u_charType(c)) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
      return true;
    default:
      break;
  }
  return u_getIntPropertyValue(c, UCHAR_NUMERIC_TYPE) != U_NT_NONE;
}

// score.py's QUOTES translation table.
UChar32 FoldQuote(UChar32 c) {
  switch (c) {
    case 0x00AB:  // «
    case 0x00BB:  // »
    case 0x201C:  // “
    case 0x201D:  // ”
    case 0x201E:  // „
      return '"';
    case 0x2019:  // ’
    case 0x2018:  // ‘
      return '\'';
    case 0x00A0:
    case 0x202F:
      return ' ';
    default:
      return c;
  }
}

}  // namespace

std::string NormText(std::string_view s) {
  if (s.empty()) return {};
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  if (nfc != nullptr && U_SUCCESS(status)) {
    icu::UnicodeString n = nfc->normalize(u, status);
    if (U_SUCCESS(status)) u = n;
  }
  // translate(QUOTES), then lower() (full, locale-free case mapping, as Python does).
  icu::UnicodeString folded;
  for (int32_t i = 0; i < u.length();) {
    const UChar32 c = u.char32At(i);
    folded.append(FoldQuote(c));
    i += U16_LENGTH(c);
  }
  folded.toLower(icu::Locale::getRoot());
  // re.sub(r'\s+', ' ', s), then strip(' "').
  std::string out;
  out.reserve(s.size());
  bool in_space = false;
  for (int32_t i = 0; i < folded.length();) {
    const UChar32 c = folded.char32At(i);
    i += U16_LENGTH(c);
    if (IsPySpace(c)) {
      if (!in_space) out.push_back(' ');
      in_space = true;
    } else {
      text::AppendUtf8(static_cast<char32_t>(c), out);
      in_space = false;
    }
  }
  size_t b = 0, e = out.size();
  while (b < e && (out[b] == ' ' || out[b] == '"')) ++b;
  while (e > b && (out[e - 1] == ' ' || out[e - 1] == '"')) --e;
  return out.substr(b, e - b);
}

std::set<std::string> WordSet(std::string_view s) {
  std::set<std::string> words;
  const std::string n = NormText(s);
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(n.data(), static_cast<int32_t>(n.size())));
  std::string word;
  for (int32_t i = 0; i < u.length();) {
    const UChar32 c = u.char32At(i);
    i += U16_LENGTH(c);
    if (IsPyWord(c)) {
      text::AppendUtf8(static_cast<char32_t>(c), word);
    } else if (!word.empty()) {
      words.insert(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.insert(std::move(word));
  return words;
}

NormSentence PrepareSentence(std::string_view s) {
  NormSentence r;
  r.norm = NormText(s);
  r.words = WordSet(r.norm);
  return r;
}

bool SameSentence(std::string_view gold, std::string_view pred) {
  return SameSentence(PrepareSentence(gold), PrepareSentence(pred));
}

bool SameSentence(const NormSentence& gold, const NormSentence& pred) {
  const std::string& g = gold.norm;
  const std::string& p = pred.norm;
  if (g.empty() || p.empty()) return false;
  // Substring tests on UTF-8 bytes equal Python's on code points (UTF-8 is self-synchronising).
  if (p.find(g) != std::string::npos || g.find(p) != std::string::npos) return true;
  const std::set<std::string>& a = gold.words;
  const std::set<std::string>& b = pred.words;
  size_t common = 0;
  for (const auto& w : a) common += b.count(w);
  const size_t all = a.size() + b.size() - common;
  // The same double arithmetic as Python's len(a & b) / max(1, len(a | b)) >= 0.6.
  return static_cast<double>(common) / static_cast<double>(all > 0 ? all : 1) >= 0.6;
}

std::string FirstCodePoints(std::string_view s, size_t n) {
  size_t count = 0, i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (count == n) break;
      ++count;
    }
  }
  return std::string(s.substr(0, i));
}

double Round3(double x) {
  // printf rounds the exact binary value correctly (ties to even), as Python's round() does.
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.3f", x);
  return std::strtod(buf, nullptr);
}

std::string PyFloatRepr(double x) {
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, x);
  std::string s(buf, res.ptr);
  if (s.find_first_of(".e") == std::string::npos && s != "inf" && s != "-inf" && s != "nan") {
    s += ".0";
  }
  return s;
}

}  // namespace attache::eval
