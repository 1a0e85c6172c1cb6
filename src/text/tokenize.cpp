// The tokenizer: a single forward scan over code points, no allocation beyond the reused
// output vectors.
#include "text/tokenize.h"

#include <algorithm>

#include "text/fold.h"
#include "text/normalize.h"

namespace attache::text {
namespace {

bool IsApostrophe(char32_t cp) { return cp == '\'' || cp == U'\u2019' || cp == U'\u02BC'; }
bool IsHyphen(char32_t cp) { return cp == '-' || cp == U'\u2010' || cp == U'\u2011'; }
bool IsQuoteChar(char32_t cp) {
  return cp == '"' || cp == U'«' || cp == U'»' || cp == U'“' || cp == U'”' || cp == U'„' ||
         cp == U'‹' || cp == U'›';
}
bool IsWordChar(char32_t cp) { return IsLetter(cp) || IsDigit(cp); }

// Byte offset where the code point ending just before byte `i` starts (i > 0).
size_t PrevCodePointStart(std::string_view s, size_t i) {
  do --i;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80);
  return i;
}

// French elided function words: the part before the apostrophe, folded.
bool IsElisionPrefix(std::string_view folded) {
  static constexpr std::string_view kPrefixes[] = {"l", "d", "j", "m", "n", "s", "t", "c",
                                                   "qu", "jusqu", "lorsqu", "puisqu",
                                                   "quoiqu", "presqu", "quelqu"};
  for (auto p : kPrefixes)
    if (folded == p) return true;
  return false;
}

// Inverted subject pronouns after a verb: "a-t-il", "dit-elle", "estime-t-on".
bool IsInversionPronoun(std::string_view folded) {
  static constexpr std::string_view kPron[] = {"il", "elle", "ils", "elles", "on", "je",
                                               "nous", "vous", "tu", "t-il", "t-elle",
                                               "t-on", "t-ils", "t-elles"};
  for (auto p : kPron)
    if (folded == p) return true;
  return false;
}

struct Emitter {
  std::string_view text;
  std::vector<Token>& tokens;
  std::string& keys;
  void Emit(uint32_t b, uint32_t e, TokenKind kind, uint16_t flags) {
    Token t;
    t.begin = b;
    t.end = e;
    t.kind = kind;
    t.flags = flags;
    t.key = static_cast<uint32_t>(keys.size());
    FoldAppend(text.substr(b, e - b), keys);
    t.key_len = static_cast<uint16_t>(std::min<size_t>(keys.size() - t.key, 0xFFFF));
    tokens.push_back(t);
  }
  // For split-off pieces whose key differs from their text ("-t-il" -> "il").
  void EmitWithKey(uint32_t b, uint32_t e, TokenKind kind, uint16_t flags, std::string_view key) {
    Token t;
    t.begin = b;
    t.end = e;
    t.kind = kind;
    t.flags = flags;
    t.key = static_cast<uint32_t>(keys.size());
    keys.append(key);
    t.key_len = static_cast<uint16_t>(key.size());
    tokens.push_back(t);
  }
};

uint16_t CaseFlags(std::string_view word) {
  size_t i = 0;
  int letters = 0, upper = 0;
  bool first_upper = false;
  bool first = true;
  while (i < word.size()) {
    char32_t cp = NextCodePoint(word, i);
    if (!IsLetter(cp)) continue;
    ++letters;
    bool up = IsUpper(cp);
    if (up) ++upper;
    if (first) first_upper = up;
    first = false;
  }
  uint16_t f = 0;
  if (first_upper) f |= kCapitalized;
  if (letters >= 2 && upper == letters) f |= kAllCaps;
  return f;
}

}  // namespace

void AbbreviationSet::Add(std::string_view folded) {
  auto it = std::lower_bound(items_.begin(), items_.end(), folded);
  if (it == items_.end() || *it != folded) items_.insert(it, std::string(folded));
}

bool AbbreviationSet::Contains(std::string_view folded) const {
  return std::binary_search(items_.begin(), items_.end(), folded);
}

void Tokenize(std::string_view text, uint32_t begin, uint32_t end, const TokenizerOptions& opt,
              std::vector<Token>& tokens, std::string& keys) {
  Emitter out{text, tokens, keys};
  std::string scratch;  // small; reused by the thread through SSO or one growth
  size_t i = begin;
  bool para_start = true;
  while (i < end) {
    size_t start = i;
    char32_t cp = NextCodePoint(text, i);
    if (cp == '\n') {
      para_start = true;
      continue;
    }
    if (IsSpace(cp)) continue;
    uint16_t pflag = para_start ? kParaStart : 0;
    para_start = false;

    if (IsDigit(cp)) {
      // Numbers with internal separators: 27/02/2025, 16:25, 16h25, 1,5, 2025-02-27.
      size_t j = i;
      while (j < end) {
        size_t k = j;
        char32_t c = NextCodePoint(text, k);
        if (IsDigit(c)) {
          j = k;
          continue;
        }
        if ((c == '/' || c == ':' || c == '.' || c == ',' || c == '-' || c == 'h') && k < end) {
          size_t m = k;
          char32_t n = NextCodePoint(text, m);
          if (IsDigit(n)) {
            j = m;
            continue;
          }
        }
        break;
      }
      // A digit run glued to letters ("18e", "2nd", "G20") stays one word.
      size_t k = j;
      bool letters = false;
      while (k < end) {
        size_t m = k;
        char32_t c = NextCodePoint(text, m);
        if (!IsLetter(c)) break;
        letters = true;
        k = m;
      }
      out.Emit(start, letters ? k : j, letters ? TokenKind::kWord : TokenKind::kNumber, pflag);
      i = letters ? k : j;
      continue;
    }

    if (!IsLetter(cp)) {
      if (IsQuoteChar(cp)) {
        uint16_t f = pflag;
        if (cp == U'«' || cp == U'“' || cp == U'„' || cp == U'‹') f |= kOpenQuote;
        if (cp == U'»' || cp == U'”' || cp == U'›') f |= kCloseQuote;
        out.Emit(start, i, TokenKind::kQuote, f);
      } else {
        // "..." and "…" stay one token; everything else is one code point.
        if (cp == '.') {
          while (i < end && text[i] == '.') ++i;
        }
        out.Emit(start, i, TokenKind::kPunct, pflag);
      }
      continue;
    }

    // A word: letters, digits, marks, internal hyphens, apostrophes and dots.
    size_t j = i;
    size_t word_end = i;
    while (j < end) {
      size_t k = j;
      char32_t c = NextCodePoint(text, k);
      if (IsWordChar(c)) {
        j = k;
        word_end = k;
        continue;
      }
      if ((IsHyphen(c) || IsApostrophe(c) || c == '.') && k < end) {
        size_t m = k;
        char32_t n = NextCodePoint(text, m);
        if (IsWordChar(n)) {
          j = k;
          continue;
        }
        // "J.-Y.": dot then hyphen then letter.
        if (c == '.' && IsHyphen(n) && m < end) {
          size_t q = m;
          if (IsLetter(NextCodePoint(text, q))) {
            j = m;
            continue;
          }
        }
      }
      break;
    }
    i = word_end;
    std::string_view word = text.substr(start, word_end - start);

    // French elision at the start: l'Ukraine, qu'il, jusqu'à.
    if (opt.french) {
      size_t a = 0;
      while (a < word.size()) {
        size_t prev = a;
        char32_t c = NextCodePoint(word, a);
        if (IsApostrophe(c)) {
          scratch.clear();
          FoldAppend(word.substr(0, prev), scratch);
          // "ne" never stands before a capitalised word: "N'Djamena" is a name.
          size_t peek = a;
          const bool name = scratch == "n" && a < word.size() && IsUpper(NextCodePoint(word, peek));
          if (IsElisionPrefix(scratch) && a < word.size() && !name) {
            out.Emit(start, static_cast<uint32_t>(start + a), TokenKind::kWord, pflag | kElided);
            pflag = 0;
            start += a;
            word = word.substr(a);
            a = 0;
            continue;
          }
          break;
        }
        if (!IsLetter(c)) break;
      }
    }

    // English clitics at the end: Russia's, didn't. Walk code points back from the end so a
    // typographic apostrophe (3 bytes) counts like a straight one. A word never ends in an
    // apostrophe (the scan above keeps one only before a word character).
    size_t clitic_at = std::string_view::npos;
    if (opt.english && word.size() > 2) {
      size_t last = PrevCodePointStart(word, word.size());
      char32_t c_last = static_cast<unsigned char>(word[last]) | 0x20;  // ASCII case fold
      if (last > 0 && (c_last == 't' || c_last == 's')) {
        size_t ap = PrevCodePointStart(word, last);
        size_t q = ap;
        if (IsApostrophe(NextCodePoint(word, q)) && ap > 0) {
          if (c_last == 's') {
            clitic_at = ap;  // Russia's, Russia’s
          } else {
            size_t n_at = PrevCodePointStart(word, ap);
            if (n_at > 0 && (static_cast<unsigned char>(word[n_at]) | 0x20) == 'n') clitic_at = n_at;  // didn't, didn’t
          }
        }
      }
    }

    // French inversion at the end: a-t-il, dit-elle, estime-t-on.
    size_t inversion_at = std::string_view::npos;
    if (opt.french) {
      size_t h = word.size();
      for (int hops = 0; hops < 2; ++hops) {
        size_t p = word.rfind('-', h - 1);
        if (p == std::string_view::npos || p == 0) break;
        scratch.clear();
        FoldAppend(word.substr(p + 1), scratch);
        if (IsInversionPronoun(scratch)) inversion_at = p;
        h = p;
        if (h == 0) break;
      }
    }

    // Abbreviation dot: "M.", "Gen.", "U.S.", "J.-Y.", "févr.".
    size_t after = i;
    bool abbrev = false;
    if (after < end && text[after] == '.') {
      scratch.clear();
      FoldAppend(word, scratch);
      bool initials = word.find('.') != std::string_view::npos;  // U.S, J.-Y
      size_t letters = 0;
      for (size_t q = 0; q < word.size();) {
        if (IsLetter(NextCodePoint(word, q))) ++letters;
      }
      bool single_upper = letters == 1 && (CaseFlags(word) & kCapitalized);
      if (initials || single_upper ||
          (opt.abbreviations != nullptr && opt.abbreviations->Contains(scratch))) {
        abbrev = true;
      }
    }

    if (inversion_at != std::string_view::npos && clitic_at == std::string_view::npos) {
      uint32_t vb = static_cast<uint32_t>(start), ve = static_cast<uint32_t>(start + inversion_at);
      out.Emit(vb, ve, TokenKind::kWord, pflag | CaseFlags(word.substr(0, inversion_at)));
      scratch.clear();
      FoldAppend(word.substr(inversion_at + 1), scratch);
      std::string_view key = scratch;
      if (key.substr(0, 2) == "t-") key.remove_prefix(2);
      out.EmitWithKey(ve, static_cast<uint32_t>(start + word.size()), TokenKind::kWord, kClitic,
                      key);
      continue;
    }
    if (clitic_at != std::string_view::npos) {
      out.Emit(static_cast<uint32_t>(start), static_cast<uint32_t>(start + clitic_at),
               TokenKind::kWord, pflag | CaseFlags(word.substr(0, clitic_at)));
      out.Emit(static_cast<uint32_t>(start + clitic_at), static_cast<uint32_t>(start + word.size()),
               TokenKind::kWord, 0);
      continue;
    }
    uint16_t flags = pflag | CaseFlags(word);
    if (word.find('-') != std::string_view::npos) flags |= kHyphenated;
    if (abbrev) {
      flags |= kAbbrev;
      ++i;  // the dot belongs to the token
      // Key without the trailing dot so "Gen." and "Gen" meet.
      out.Emit(static_cast<uint32_t>(start), static_cast<uint32_t>(i - 1), TokenKind::kWord, flags);
      tokens.back().end = static_cast<uint32_t>(i);
      continue;
    }
    out.Emit(static_cast<uint32_t>(start), static_cast<uint32_t>(start + word.size()),
             TokenKind::kWord, flags);
  }
}

std::string PhraseKey(std::string_view phrase, const TokenizerOptions& options) {
  const std::string nfc = Nfc(phrase);
  std::vector<Token> tokens;
  std::string keys;
  Tokenize(nfc, 0, static_cast<uint32_t>(nfc.size()), options, tokens, keys);
  std::string out;
  for (const Token& t : tokens) {
    if (!out.empty()) out.push_back(' ');
    out.append(KeyOf(t, keys));
  }
  return out;
}

}  // namespace attache::text
