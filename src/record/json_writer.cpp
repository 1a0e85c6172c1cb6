// Text escapers and number formatting for the record sinks. The escapers copy runs of
// plain bytes in one append and only slow down on bytes that need a decision, which keeps
// long sentence texts cheap to write.
#include "record/json_writer.h"

#include <fmt/format.h>

#include <cmath>
#include <iterator>

namespace attache::record {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Checks the UTF-8 sequence that starts with the non-ASCII byte at p[0]. Returns its
// length (2-4) when well formed, else 0 with *bad set to the length of the maximal
// ill-formed subpart (the Unicode recommendation for U+FFFD substitution, also what
// Python and ICU do): a truncated sequence is replaced once, not byte by byte.
int CheckSequence(const unsigned char* p, size_t n, size_t* bad) {
  const unsigned char b = p[0];
  int len;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (b >= 0xC2 && b <= 0xDF) {
    len = 2;
  } else if (b >= 0xE0 && b <= 0xEF) {
    len = 3;
    if (b == 0xE0) lo = 0xA0;  // no overlongs
    if (b == 0xED) hi = 0x9F;  // no surrogates
  } else if (b >= 0xF0 && b <= 0xF4) {
    len = 4;
    if (b == 0xF0) lo = 0x90;  // no overlongs
    if (b == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
  } else {
    *bad = 1;  // stray continuation byte, C0/C1, F5-FF
    return 0;
  }
  for (int i = 1; i < len; ++i) {
    const unsigned char c = (static_cast<size_t>(i) < n) ? p[i] : 0;
    const bool ok = (i == 1) ? (c >= lo && c <= hi) : (c >= 0x80 && c <= 0xBF);
    if (static_cast<size_t>(i) >= n || !ok) {
      *bad = static_cast<size_t>(i);
      return 0;
    }
  }
  return len;
}

}  // namespace

void AppendJsonString(std::string* out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  out->reserve(out->size() + n + 2);
  out->push_back('"');
  size_t run = 0;  // start of the pending run of bytes copied verbatim
  size_t i = 0;
  while (i < n) {
    const unsigned char c = p[i];
    if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      size_t bad = 0;
      const int len = CheckSequence(p + i, n - i, &bad);
      if (len == 3 && c == 0xE2 && p[i + 1] == 0x80 && (p[i + 2] == 0xA8 || p[i + 2] == 0xA9)) {
        out->append(s.data() + run, i - run);
        out->append(p[i + 2] == 0xA8 ? "\\u2028" : "\\u2029");
        i += 3;
        run = i;
      } else if (len > 0) {
        i += static_cast<size_t>(len);
      } else {
        out->append(s.data() + run, i - run);
        out->append(kReplacement);
        i += bad;
        run = i;
      }
      continue;
    }
    out->append(s.data() + run, i - run);
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      case '\b':
        out->append("\\b");
        break;
      case '\f':
        out->append("\\f");
        break;
      default: {
        const char esc[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
        out->append(esc, 6);
      }
    }
    ++i;
    run = i;
  }
  out->append(s.data() + run, n - run);
  out->push_back('"');
}

void AppendTsvField(std::string* out, std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t run = 0;
  size_t i = 0;
  while (i < n) {
    const unsigned char c = p[i];
    if (c >= 0x20 && c != 0x7F && c < 0x80) {
      ++i;
      continue;
    }
    out->append(s.data() + run, i - run);
    if (c >= 0x80) {
      size_t bad = 0;
      const int len = CheckSequence(p + i, n - i, &bad);
      if (len > 0) {
        out->append(s.data() + i, static_cast<size_t>(len));
        i += static_cast<size_t>(len);
      } else {
        out->append(kReplacement);
        i += bad;
      }
    } else {
      out->push_back(' ');
      ++i;
    }
    run = i;
  }
  out->append(s.data() + run, n - run);
}

bool AppendDecimal(std::string* out, double v, int max_decimals) {
  if (!std::isfinite(v)) return false;
  if (max_decimals < 1) max_decimals = 1;
  fmt::memory_buffer buf;  // fixed notation of 1e300 is long; no silent truncation
  fmt::format_to(std::back_inserter(buf), "{:.{}f}", v, max_decimals);
  size_t len = buf.size();
  // Trim trailing zeros but keep one digit after the point.
  while (len > 2 && buf[len - 1] == '0' && buf[len - 2] != '.') --len;
  std::string_view text(buf.data(), len);
  if (text.size() >= 2 && text[0] == '-' &&
      text.find_first_not_of("-0.") == std::string_view::npos) {
    text.remove_prefix(1);  // "-0.0" from tiny negatives reads as a sign error downstream
  }
  out->append(text);
  return true;
}

void JsonWriter::Int(int64_t v) {
  Separate();
  fmt::format_to(std::back_inserter(*out_), "{}", v);
  need_comma_ = true;
}

void JsonWriter::Double(double v, int max_decimals) {
  Separate();
  if (!AppendDecimal(out_, v, max_decimals)) out_->append("null");
  need_comma_ = true;
}

}  // namespace attache::record
