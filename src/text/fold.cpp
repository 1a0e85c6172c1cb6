// Folding: ICU simple case folding plus removal of combining marks after canonical
// decomposition, precomputed for Latin letters so the hot path is a table lookup.
#include "text/fold.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>
#include <mutex>

namespace attache::text {
namespace {

constexpr char32_t kTableSize = 0x0250;  // Latin-1, Latin Extended-A and -B

// For each code point below kTableSize, its folded replacement as up to 3 ASCII/UTF-8 bytes
// packed in a small string (most are one byte).
struct FoldTable {
  std::array<std::string, kTableSize> repl;
  FoldTable() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    for (char32_t cp = 0; cp < kTableSize; ++cp) repl[cp] = FoldOne(cp, nfd);
  }
  static std::string FoldOne(char32_t cp, const icu::Normalizer2* nfd) {
    std::string out;
    if (cp == U'œ' || cp == U'Œ') return "oe";
    if (cp == U'æ' || cp == U'Æ') return "ae";
    if (cp == U'ß') return "ss";
    char32_t folded = u_foldCase(cp, U_FOLD_CASE_DEFAULT);
    icu::UnicodeString dec;
    if (nfd != nullptr && nfd->getDecomposition(folded, dec) && dec.length() > 0) {
      for (int32_t i = 0; i < dec.length();) {
        UChar32 c = dec.char32At(i);
        i += U16_LENGTH(c);
        if (u_charType(c) == U_NON_SPACING_MARK) continue;
        AppendUtf8(u_foldCase(c, U_FOLD_CASE_DEFAULT), out);
      }
      return out;
    }
    if (u_charType(folded) == U_NON_SPACING_MARK) return out;
    AppendUtf8(folded, out);
    return out;
  }
};

const FoldTable& Table() {
  static const FoldTable table;
  return table;
}

}  // namespace

char32_t NextCodePoint(std::string_view s, size_t& i) {
  UChar32 c;
  int32_t idx = static_cast<int32_t>(i);
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), idx, static_cast<int32_t>(s.size()), c);
  i = static_cast<size_t>(idx);
  return c < 0 ? U'\uFFFD' : static_cast<char32_t>(c);
}

void AppendUtf8(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

void FoldAppend(std::string_view in, std::string& out) {
  const FoldTable& table = Table();
  for (size_t i = 0; i < in.size();) {
    unsigned char b = static_cast<unsigned char>(in[i]);
    if (b < 0x80) {
      out.push_back(static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b));
      ++i;
      continue;
    }
    char32_t cp = NextCodePoint(in, i);
    if (cp < kTableSize) {
      out += table.repl[cp];
      continue;
    }
    switch (cp) {
      case U'\u2019': case U'\u2018': case U'\u02BC': case U'\u2032': out.push_back('\''); continue;
      case U'\u2010': case U'\u2011': out.push_back('-'); continue;
      case U'\u00A0': case U'\u202F': case U'\u2009': out.push_back(' '); continue;
      default: break;
    }
    if (u_charType(cp) == U_NON_SPACING_MARK) continue;
    AppendUtf8(u_foldCase(cp, U_FOLD_CASE_DEFAULT), out);
  }
}

uint16_t FormHash(std::string_view form) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < form.size();) {
    char32_t cp = NextCodePoint(form, i);
    if (cp == U'\u2019' || cp == U'\u02BC') cp = '\'';
    cp = static_cast<char32_t>(u_foldCase(static_cast<UChar32>(cp), U_FOLD_CASE_DEFAULT));
    h = (h ^ static_cast<uint32_t>(cp)) * 16777619u;
  }
  return static_cast<uint16_t>(h ^ (h >> 16));
}

bool IsLetter(char32_t cp) {
  if (cp < 0x80) return (cp | 32) >= 'a' && (cp | 32) <= 'z';
  return u_isalpha(cp) || u_charType(cp) == U_NON_SPACING_MARK;
}
bool IsUpper(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  return u_isupper(cp) || u_istitle(cp);
}
bool IsDigit(char32_t cp) { return cp < 0x80 ? (cp >= '0' && cp <= '9') : u_isdigit(cp); }
bool IsSpace(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 || cp == 0x202F ||
         cp == 0x2009 || cp == 0x2007 || cp == 0x200B || cp == 0xFEFF || cp == 0x3000 ||
         (cp > 0x7F && u_isspace(cp));
}

}  // namespace attache::text
