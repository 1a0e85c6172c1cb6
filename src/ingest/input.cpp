// Reading inputs: files, stdin, JSON Lines, PETRARCH XML and TABARI story files into
// DocumentInputs, with size limits, binary detection and UTF-8 repair. See input.h for the contract.
#include "ingest/input.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

#include <pugixml.hpp>
#include <simdjson.h>

#include "text/strings.h"
#include "time/time.h"

namespace attache::ingest {
namespace {

constexpr size_t kBinarySample = 64u << 10;
constexpr char kReplacement[] = "\xEF\xBF\xBD";  // U+FFFD

std::string HumanBytes(uint64_t n) {
  char buf[64];
  if (n >= (1u << 20)) {
    std::snprintf(buf, sizeof buf, "%.1f MiB", static_cast<double>(n) / (1u << 20));
  } else if (n >= 1024) {
    std::snprintf(buf, sizeof buf, "%.1f KiB", static_cast<double>(n) / 1024);
  } else {
    std::snprintf(buf, sizeof buf, "%llu bytes", static_cast<unsigned long long>(n));
  }
  return buf;
}

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Length of the well-formed UTF-8 sequence at `s[i]`, or 0 with `*bad` set to the length
// of the maximal ill-formed subpart to replace (Unicode 15, table 3-7).
size_t WellFormedLength(std::string_view s, size_t i, size_t* bad) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  *bad = 1;
  if (c < 0x80) return 1;
  size_t need;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    need = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;  // no surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;  // C0, C1, F5..FF, or a stray continuation byte
  }
  for (size_t k = 1; k < need; ++k) {
    if (i + k >= s.size()) {
      *bad = k;
      return 0;
    }
    const unsigned char x = b(i + k);
    const unsigned char l = (k == 1) ? lo : 0x80;
    const unsigned char h = (k == 1) ? hi : 0xBF;
    if (x < l || x > h) {
      *bad = k;
      return 0;
    }
  }
  return need;
}

// Cuts `bytes` back so that it does not end inside a multi-byte sequence.
void TrimToCharBoundary(std::string* bytes) {
  size_t n = bytes->size();
  size_t back = 0;
  while (back < 3 && back < n &&
         (static_cast<unsigned char>((*bytes)[n - 1 - back]) & 0xC0) == 0x80) {
    ++back;
  }
  if (back == n) return;
  const unsigned char lead = static_cast<unsigned char>((*bytes)[n - 1 - back]);
  size_t len = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
  if (len > back + 1) bytes->resize(n - 1 - back);
}

// Decodes UTF-16 (after its BOM) to UTF-8; unpaired surrogates become U+FFFD.
std::string DecodeUtf16(std::string_view s, bool big_endian, size_t* invalid) {
  std::string out;
  out.reserve(s.size());
  const auto unit = [&](size_t i) -> uint32_t {
    const auto a = static_cast<unsigned char>(s[i]);
    const auto b = static_cast<unsigned char>(s[i + 1]);
    return big_endian ? (a << 8 | b) : (b << 8 | a);
  };
  size_t i = 0;
  for (; i + 1 < s.size(); i += 2) {
    uint32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF && i + 3 < s.size()) {
      const uint32_t v = unit(i + 2);
      if (v >= 0xDC00 && v <= 0xDFFF) {
        AppendUtf8(0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00), &out);
        i += 2;
        continue;
      }
    }
    if (u >= 0xD800 && u <= 0xDFFF) {
      out += kReplacement;
      *invalid += 2;
      continue;
    }
    AppendUtf8(u, &out);
  }
  if (i < s.size()) {  // odd trailing byte
    out += kReplacement;
    *invalid += 1;
  }
  return out;
}

bool IsBlank(std::string_view s) { return std::all_of(s.begin(), s.end(), text::IsBlank); }

void Diagnose(InputItem* item, std::string code, std::string message) {
  item->diagnostics.push_back({std::move(code), std::move(message)});
}

// Caps a record's text at the document limit, saying so.
void CapText(std::string* text, const ReadOptions& options, InputItem* item) {
  if (text->size() <= options.max_document_bytes) return;
  const size_t full = text->size();
  text->resize(options.max_document_bytes);
  TrimToCharBoundary(text);
  Diagnose(item, "input_truncated",
           "read the first " + HumanBytes(text->size()) + " of " + HumanBytes(full) +
               " of text (limit " + HumanBytes(options.max_document_bytes) +
               " per document); the rest is not coded");
}

void Fail(InputItem* item, std::string code, std::string message) {
  item->error = InputError{std::move(code), std::move(message)};
  item->input.text.clear();
}

// Buffered line reader with a cap on the bytes kept per line.
class LineReader {
 public:
  explicit LineReader(std::FILE* f) : file_(f), buf_(1u << 16) {}

  // Reads the next line without its '\n' (and without a trailing '\r'). Keeps at most
  // `cap` bytes; `*length` gets the full length. False at end of file.
  bool ReadLine(std::string* line, size_t cap, uint64_t* length) {
    line->clear();
    *length = 0;
    bool any = false;
    for (;;) {
      if (pos_ == len_) {
        if (eof_) break;
        len_ = std::fread(buf_.data(), 1, buf_.size(), file_);
        pos_ = 0;
        if (len_ == 0) {
          eof_ = true;
          break;
        }
      }
      any = true;
      const char* start = buf_.data() + pos_;
      const void* nl = std::memchr(start, '\n', len_ - pos_);
      const size_t take = nl ? static_cast<const char*>(nl) - start : len_ - pos_;
      if (line->size() < cap) line->append(start, std::min(take, cap - line->size()));
      *length += take;
      pos_ += take;
      if (nl) {
        ++pos_;
        break;
      }
    }
    if (!any) return false;
    if (*length <= cap && !line->empty() && line->back() == '\r') {
      line->pop_back();
      --*length;
    }
    return true;
  }

  bool error() const { return std::ferror(file_) != 0; }

 private:
  std::FILE* file_;
  std::vector<char> buf_;
  size_t pos_ = 0, len_ = 0;
  bool eof_ = false;
};

// Reads at most `cap` bytes; `*more` tells whether the stream held more.
bool ReadCapped(std::FILE* f, size_t cap, std::string* out, bool* more) {
  out->clear();
  *more = false;
  size_t chunk = std::min<size_t>(cap, 1u << 20);
  while (out->size() < cap) {
    const size_t old = out->size();
    const size_t want = std::min(chunk, cap - old);
    out->resize(old + want);
    const size_t got = std::fread(out->data() + old, 1, want, f);
    out->resize(old + got);
    if (got < want) {
      if (std::ferror(f)) return false;
      return true;  // end of file
    }
    chunk = std::min<size_t>(chunk * 2, 8u << 20);
  }
  const int c = std::fgetc(f);
  if (c != EOF) *more = true;
  return !std::ferror(f);
}

}  // namespace

namespace {

bool EqualsNoCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return (x >= 'A' && x <= 'Z' ? x | 0x20 : x) == (y >= 'A' && y <= 'Z' ? y | 0x20 : y);
         });
}

bool HasSuffixNoCase(std::string_view path, std::string_view suffix) {
  return path.size() >= suffix.size() &&
         EqualsNoCase(path.substr(path.size() - suffix.size()), suffix);
}

}  // namespace

bool IsJsonLinesPath(std::string_view path) { return HasSuffixNoCase(path, ".jsonl"); }

std::string FileStem(std::string_view path) {
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  const size_t slash = path.rfind('/');
  if (slash != std::string_view::npos) path.remove_prefix(slash + 1);
  const size_t dot = path.rfind('.');
  if (dot != std::string_view::npos && dot > 0) path = path.substr(0, dot);
  return std::string(path);
}

std::string ContentHashId(std::string_view bytes) {
  // FNV-1a, 64 bits: stable across platforms and runs, and enough to tell inputs apart.
  uint64_t h = 0xcbf29ce484222325ull;
  for (const char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ull;
  }
  char buf[24];
  std::snprintf(buf, sizeof buf, "doc-%016llx", static_cast<unsigned long long>(h));
  return buf;
}

bool LooksBinary(std::string_view bytes, double max_control_share) {
  const std::string_view sample = bytes.substr(0, kBinarySample);
  if (sample.empty()) return false;
  size_t control = 0;
  for (const char ch : sample) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == 0) return true;
    if ((c < 0x20 && (c < 0x09 || c > 0x0D)) || c == 0x7F) ++control;
  }
  return static_cast<double>(control) > max_control_share * static_cast<double>(sample.size());
}

size_t RepairUtf8(std::string_view in, std::string* out) {
  out->clear();
  if (simdjson::validate_utf8(in.data(), in.size())) {
    out->assign(in);
    return 0;
  }
  out->reserve(in.size() + in.size() / 8);
  size_t invalid = 0;
  size_t i = 0;
  while (i < in.size()) {
    // Copy ASCII runs quickly.
    size_t j = i;
    while (j < in.size() && static_cast<unsigned char>(in[j]) < 0x80) ++j;
    out->append(in.data() + i, j - i);
    i = j;
    if (i >= in.size()) break;
    size_t bad = 0;
    const size_t n = WellFormedLength(in, i, &bad);
    if (n > 0) {
      out->append(in.data() + i, n);
      i += n;
    } else {
      *out += kReplacement;
      invalid += bad;
      i += bad;
    }
  }
  return invalid;
}

bool LooksLikeWindows1252(std::string_view in) {
  bool high = false;
  for (size_t i = 0; i < in.size(); ++i) {
    if (static_cast<unsigned char>(in[i]) < 0x80) continue;
    high = true;
    size_t bad = 0;
    if (WellFormedLength(in, i, &bad) > 1) return false;
  }
  return high;
}

std::string DecodeWindows1252(std::string_view in) {
  // 0x80..0x9F; 0 marks the five bytes Windows-1252 leaves undefined.
  static constexpr uint16_t kHigh[32] = {
      0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
      0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
      0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
  std::string out;
  out.reserve(in.size() + in.size() / 4);
  for (const char ch : in) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x80) {
      out.push_back(ch);
    } else if (c < 0xA0) {
      const uint16_t cp = kHigh[c - 0x80];
      if (cp == 0) {
        out += kReplacement;
      } else {
        AppendUtf8(cp, &out);
      }
    } else {
      AppendUtf8(c, &out);
    }
  }
  return out;
}

void DecodeText(std::string bytes, const ReadOptions& options, InputItem* item) {
  // Byte order marks: UTF-8's is dropped (it is not text); UTF-16 is decoded. A UTF-32
  // mark (FF FE 00 00) is left alone and ends up as binary input.
  if (bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    bytes.erase(0, 3);
  } else if (bytes.size() >= 2 &&
             ((bytes[0] == '\xFF' && bytes[1] == '\xFE' &&
               !(bytes.size() >= 4 && bytes[2] == '\0' && bytes[3] == '\0')) ||
              (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
    const bool big_endian = bytes[0] == '\xFE';
    size_t invalid = 0;
    bytes = DecodeUtf16(std::string_view(bytes).substr(2), big_endian, &invalid);
    Diagnose(item, "utf16_decoded",
             std::string("the input was UTF-16 ") + (big_endian ? "BE" : "LE") +
                 " with a byte order mark; decoded to UTF-8" +
                 (invalid ? " (" + std::to_string(invalid) +
                                " bytes of unpaired surrogates replaced by U+FFFD)"
                          : ""));
  }

  if (LooksBinary(bytes, options.max_control_share)) {
    Fail(item, "binary_input",
         "binary input: NUL bytes or too many control bytes for text; not coded");
    return;
  }

  std::string text;
  const size_t invalid = RepairUtf8(bytes, &text);
  if (invalid > 0) {
    const double share =
        static_cast<double>(invalid) / static_cast<double>(std::max<size_t>(1, bytes.size()));
    if (LooksLikeWindows1252(bytes) && share <= options.max_invalid_utf8_share) {
      text = DecodeWindows1252(bytes);
      Diagnose(item, "legacy_encoding",
               "not UTF-8 and no UTF-8 multi-byte sequence at all: decoded as "
               "Windows-1252 (Latin-1); offsets count the decoded characters");
    } else if (share > options.max_invalid_utf8_share) {
      Fail(item, "invalid_utf8",
           std::to_string(invalid) + " of " + std::to_string(bytes.size()) +
               " bytes are not valid UTF-8; the input is mostly not UTF-8 text; not coded");
      return;
    } else {
      Diagnose(item, "invalid_utf8_repaired",
               std::to_string(invalid) + " of " + std::to_string(bytes.size()) +
                   " bytes were not valid UTF-8 and were replaced by U+FFFD");
    }
  }
  if (IsBlank(text)) {
    item->empty = true;
    Diagnose(item, "empty", "the input has no text; no events");
  }
  item->input.text = std::move(text);
}

std::optional<std::string> NormaliseLangTag(std::string_view tag) {
  while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
  while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
  if (tag.size() < 2) return std::nullopt;
  if (tag.size() > 2 && tag[2] != '-' && tag[2] != '_') return std::nullopt;
  std::string code;
  for (size_t i = 0; i < 2; ++i) {
    const char c = static_cast<char>(tag[i] | 0x20);
    if (c < 'a' || c > 'z') return std::nullopt;
    code.push_back(c);
  }
  return code;
}

void ParseJsonLine(std::string_view line, std::string_view stem, std::string_view path,
                   int64_t line_number, const ReadOptions& options, InputItem* item) {
  using simdjson::ondemand::json_type;
  thread_local simdjson::ondemand::parser parser;

  item->input = DocumentInput{};
  item->input.id = std::string(stem) + ":" + std::to_string(line_number);
  item->input.source_uri = std::string(path);
  const std::string where = std::string(path) + ":" + std::to_string(line_number);

  // simdjson refuses ill-formed UTF-8 anywhere in the line, so repair first and say so.
  std::string repaired;
  const size_t invalid = RepairUtf8(line, &repaired);
  if (invalid > 0) {
    Diagnose(item, "invalid_utf8_repaired",
             std::to_string(invalid) + " bytes of line " + std::to_string(line_number) +
                 " were not valid UTF-8 and were replaced by U+FFFD");
  }
  simdjson::padded_string padded(repaired);

  const auto bad = [&](std::string what) {
    Fail(item, "bad_json", where + ": " + what);
  };
  simdjson::ondemand::document doc;
  if (auto err = parser.iterate(padded).get(doc)) {
    bad(simdjson::error_message(err));
    return;
  }
  simdjson::ondemand::object obj;
  if (auto err = doc.get_object().get(obj)) {
    bad(std::string("not a JSON object (") + simdjson::error_message(err) + ")");
    return;
  }

  std::optional<std::string> id, text, title, published, lang, source_uri;
  for (auto field : obj) {
    std::string_view key;
    if (auto err = field.unescaped_key().get(key)) {
      bad(simdjson::error_message(err));
      return;
    }
    std::optional<std::string>* slot = nullptr;
    if (key == "id") {
      slot = &id;
    } else if (key == "text") {
      slot = &text;
    } else if (key == "title") {
      slot = &title;
    } else if (key == "published") {
      slot = &published;
    } else if (key == "lang") {
      slot = &lang;
    } else if (key == "source_uri") {
      slot = &source_uri;
    }
    simdjson::ondemand::value value;
    if (auto err = field.value().get(value)) {
      bad(simdjson::error_message(err));
      return;
    }
    json_type type;
    if (auto err = value.type().get(type)) {
      bad(simdjson::error_message(err));
      return;
    }
    if (slot == nullptr) continue;  // unknown fields are allowed; on-demand skips them
    const std::string name(key);
    if (type == json_type::null) {
      slot->reset();
    } else if (type == json_type::string) {
      std::string_view s;
      if (auto err = value.get_string().get(s)) {
        bad(name + ": " + simdjson::error_message(err));
        return;
      }
      *slot = std::string(s);
    } else if (type == json_type::number && name == "id") {
      std::string_view raw = value.raw_json_token();
      while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\t' ||
                              raw.back() == '\r' || raw.back() == '\n')) {
        raw.remove_suffix(1);
      }
      *slot = std::string(raw);
    } else if (name == "text") {
      Fail(item, "missing_text", where + ": \"text\" is not a string");
      return;
    } else {
      Diagnose(item, "jsonl_field_ignored",
               where + ": field \"" + name + "\" is not a string; ignored");
    }
  }
  const char* trailing = nullptr;
  if (doc.current_location().get(trailing) == simdjson::SUCCESS) {
    bad("trailing content after the JSON object");
    return;
  }

  if (id && !id->empty()) item->input.id = *id;
  if (source_uri && !source_uri->empty()) item->input.source_uri = *source_uri;
  item->input.title = title;
  item->input.published = published;
  if (lang && !lang->empty() && *lang != "auto") {
    item->input.lang = NormaliseLangTag(*lang);
    if (!item->input.lang) {
      Diagnose(item, "jsonl_field_ignored",
               where + ": \"lang\" is not an ISO 639-1 tag (\"" + *lang + "\"); detecting");
    }
  }
  if (!text) {
    Fail(item, "missing_text", where + ": no \"text\" field");
    return;
  }
  std::string body = std::move(*text);
  CapText(&body, options, item);
  DecodeText(std::move(body), options, item);
}

// ---------------------------------------------------------------------------------------
// PETRARCH XML and TABARI story files

namespace {

using text::Squash;
constexpr bool IsSpace(char c) { return text::IsBlank(c); }

// One leaf of a parse tree, un-escaped, with how it joins its neighbours.
struct TreeWord {
  std::string text;
  bool glue_before = false;  // no space before it
  bool glue_after = false;   // no space after it
};

TreeWord UnescapeTreeWord(std::string_view w, bool* double_quote_open) {
  static constexpr std::pair<std::string_view, std::string_view> kBrackets[] = {
      {"-LRB-", "("}, {"-RRB-", ")"}, {"-LSB-", "["},
      {"-RSB-", "]"}, {"-LCB-", "{"}, {"-RCB-", "}"}};
  TreeWord t;
  for (const auto& [escaped, plain] : kBrackets) {
    if (EqualsNoCase(w, escaped)) {
      t.text = plain;
      const bool opening = plain == "(" || plain == "[" || plain == "{";
      t.glue_after = opening;
      t.glue_before = !opening;
      return t;
    }
  }
  if (w == "``" || w == "`") {
    t.text = w == "``" ? "\"" : "'";
    t.glue_after = true;
    return t;
  }
  if (w == "''" || w == "'") {
    t.text = w == "''" ? "\"" : "'";
    t.glue_before = true;
    return t;
  }
  if (w == "\"") {  // a quote the parser left undirected: the first opens, the next closes
    t.text = "\"";
    t.glue_after = !*double_quote_open;
    t.glue_before = *double_quote_open;
    *double_quote_open = !*double_quote_open;
    return t;
  }
  t.text.reserve(w.size());
  for (size_t i = 0; i < w.size(); ++i) {
    if (w[i] == '\\' && i + 1 < w.size() && (w[i + 1] == '/' || w[i + 1] == '*')) ++i;
    t.text.push_back(w[i]);
  }
  const bool all_punct = std::all_of(t.text.begin(), t.text.end(), [](char c) {
    return c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == '%';
  });
  // Clitics the treebank tokenization splits off: an apostrophe and letters ("'s", "'ll")
  // and "n't".
  const bool clitic =
      (t.text.size() >= 2 && t.text[0] == '\'' &&
       std::all_of(t.text.begin() + 1, t.text.end(),
                   [](char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; })) ||
      EqualsNoCase(t.text, "n't");
  t.glue_before = all_punct || clitic;
  t.glue_after = t.text == "$";
  return t;
}

}  // namespace

InputFormat FormatForPath(std::string_view path, InputFormat format) {
  if (format != InputFormat::kAuto) return format;
  if (path == "-") return InputFormat::kText;
  if (IsJsonLinesPath(path)) return InputFormat::kJsonLines;
  if (HasSuffixNoCase(path, ".xml")) return InputFormat::kPetrarch;
  if (HasSuffixNoCase(path, ".text")) return InputFormat::kTabari;
  return InputFormat::kText;
}

std::optional<InputFormat> ParseInputFormat(std::string_view name) {
  if (name == "auto") return InputFormat::kAuto;
  if (name == "text") return InputFormat::kText;
  if (name == "jsonl") return InputFormat::kJsonLines;
  if (name == "petrarch") return InputFormat::kPetrarch;
  if (name == "tabari") return InputFormat::kTabari;
  return std::nullopt;
}

std::optional<std::string> CompactDateToIso(std::string_view digits,
                                            bool allow_two_digit_year) {
  auto date = timex::CivilDate::ParseCompact(digits, allow_two_digit_year);
  if (!date) return std::nullopt;
  return date->Format();
}

bool PennTreeText(std::string_view parse, std::string* text, std::string* error) {
  text->clear();
  error->clear();
  struct Bracket {
    size_t at;                  // byte offset of its '('
    std::string_view label;     // empty: none (an unlabelled outer bracket)
    std::string_view word;      // its word, for a (TAG word) bracket
    bool labelled = false;      // the first thing in it was a label
    bool children = false;      // holds brackets
  };
  std::vector<Bracket> open;
  bool tree_done = false, double_quote_open = false, glue_next = true;
  size_t words = 0;
  const auto fail = [&](size_t at, const std::string& what) {
    *error = what + " (at byte " + std::to_string(at) + " of the parse)";
    text->clear();
    return false;
  };
  size_t i = 0;
  while (i < parse.size()) {
    const char c = parse[i];
    if (IsSpace(c)) {
      ++i;
      continue;
    }
    if (c == '(') {
      if (tree_done) return fail(i, "content after the end of the tree");
      if (!open.empty()) {
        Bracket& parent = open.back();
        if (!parent.word.empty()) {
          return fail(i, "a bracket beside the word '" + std::string(parent.word) +
                             "' of (" + std::string(parent.label) + " ...)");
        }
        parent.children = true;
      }
      open.push_back({i, {}, {}, false, false});
      ++i;
      continue;
    }
    if (c == ')') {
      if (open.empty()) return fail(i, "unbalanced parse: ')' closes no bracket");
      const Bracket b = open.back();
      open.pop_back();
      if (b.word.empty() && !b.children) {
        return fail(b.at, b.labelled ? "empty bracket (" + std::string(b.label) + ")"
                                     : std::string("empty bracket ()"));
      }
      if (!b.word.empty() && b.label != "-NONE-") {
        TreeWord w = UnescapeTreeWord(b.word, &double_quote_open);
        if (!glue_next && !w.glue_before) text->push_back(' ');
        *text += w.text;
        glue_next = w.glue_after;
        ++words;
      }
      if (open.empty()) tree_done = true;
      ++i;
      continue;
    }
    size_t j = i;
    while (j < parse.size() && !IsSpace(parse[j]) && parse[j] != '(' && parse[j] != ')') ++j;
    const std::string_view atom = parse.substr(i, j - i);
    if (open.empty()) {
      return fail(i, tree_done ? "content after the end of the tree"
                               : "word '" + std::string(atom) + "' outside any bracket");
    }
    Bracket& b = open.back();
    if (!b.labelled && !b.children) {
      b.label = atom;
      b.labelled = true;
    } else if (b.children || !b.word.empty() || !b.labelled) {
      return fail(i, "word '" + std::string(atom) + "' is not alone in a (TAG word) bracket");
    } else {
      b.word = atom;
    }
    i = j;
  }
  if (!open.empty()) {
    return fail(open.back().at, "unbalanced parse: " + std::to_string(open.size()) +
                                    " bracket" + (open.size() > 1 ? "s" : "") +
                                    " never closed");
  }
  if (!tree_done) return fail(0, "empty parse");
  if (words == 0) return fail(0, "the parse has no words");
  return true;
}

namespace {

// The character data of an element and its descendants, comments left out.
std::string NodeText(const pugi::xml_node& node) {
  std::string out;
  for (pugi::xml_node n = node.first_child(); n; n = n.next_sibling()) {
    if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
      out += n.value();
    } else if (n.type() == pugi::node_element) {
      out += NodeText(n);
    }
  }
  return out;
}

}  // namespace

void ParsePetrarchSentence(std::string_view xml, std::string_view stem, std::string_view path,
                           int64_t ordinal, int64_t line, const ReadOptions& options,
                           InputItem* item) {
  item->input = DocumentInput{};
  item->input.id = std::string(stem) + ":" + std::to_string(ordinal);
  item->input.source_uri = std::string(path);
  const std::string where = std::string(path) + ":" + std::to_string(line);

  // pugixml is given UTF-8: a Latin-1 record (no multi-byte sequence at all) is decoded,
  // stray ill-formed bytes are replaced, as for a text file.
  std::string repaired;
  const size_t invalid = RepairUtf8(xml, &repaired);
  if (invalid > 0 && LooksLikeWindows1252(xml)) {
    repaired = DecodeWindows1252(xml);
    Diagnose(item, "legacy_encoding",
             where + ": the <Sentence> record is not UTF-8 and holds no UTF-8 multi-byte "
                     "sequence at all: decoded as Windows-1252 (Latin-1)");
  } else if (invalid > 0) {
    Diagnose(item, "invalid_utf8_repaired",
             where + ": " + std::to_string(invalid) +
                 " bytes of the <Sentence> record were not valid UTF-8 and were replaced "
                 "by U+FFFD");
  }
  pugi::xml_document doc;
  const pugi::xml_parse_result parsed = doc.load_buffer(
      repaired.data(), repaired.size(), pugi::parse_default, pugi::encoding_utf8);
  pugi::xml_node sentence = doc.child("Sentence");
  if (sentence) {
    const std::string id = Squash(sentence.attribute("id").value());
    if (!id.empty()) item->input.id = id;
  }
  if (!parsed) {
    Fail(item, "bad_xml",
         where + ": the <Sentence> record is not well-formed XML: " + parsed.description() +
             " (at byte " + std::to_string(parsed.offset) + " of the record)");
    return;
  }
  if (!sentence) {
    Fail(item, "bad_xml", where + ": not a <Sentence> element");
    return;
  }
  if (const pugi::xml_attribute date = sentence.attribute("date")) {
    const std::string value = Squash(date.value());
    auto iso = CompactDateToIso(value, /*allow_two_digit_year=*/false);
    if (!iso) {
      Fail(item, "bad_date",
           where + ": date=\"" + std::string(date.value()) +
               "\" is not a calendar date written YYYYMMDD");
      return;
    }
    item->input.published = std::move(*iso);
  }
  const pugi::xml_node text_node = sentence.child("Text");
  const pugi::xml_node parse_node = sentence.child("Parse");
  std::string text;
  bool from_parse = false;
  if (options.petrarch_text == PetrarchText::kParse) {
    const std::string parse = parse_node ? NodeText(parse_node) : std::string();
    if (!IsBlank(parse)) {
      std::string why;
      if (!PennTreeText(parse, &text, &why)) {
        Fail(item, "bad_parse", where + ": the <Parse> is not a well-formed tree: " + why);
        return;
      }
      from_parse = true;
    } else if (text_node) {
      Diagnose(item, "petrarch_no_parse",
               where + ": no <Parse> in the record; its <Text> is coded instead");
    }
  }
  if (!from_parse) {
    if (!text_node) {
      Fail(item, "missing_text", where + ": the <Sentence> record has no <Text>");
      return;
    }
    text = Squash(NodeText(text_node));
    if (text.empty()) {
      Fail(item, "missing_text", where + ": the <Text> of the record is empty");
      return;
    }
  }
  CapText(&text, options, item);
  DecodeText(std::move(text), options, item);
}

void ParseTabariRecord(std::string_view header, std::string text, std::string_view stem,
                       std::string_view path, int64_t ordinal, int64_t line,
                       const ReadOptions& options, InputItem* item) {
  item->input = DocumentInput{};
  item->input.id = std::string(stem) + ":" + std::to_string(ordinal);
  item->input.source_uri = std::string(path);
  const std::string where = std::string(path) + ":" + std::to_string(line);
  size_t digits = 0;
  while (digits < header.size() && header[digits] >= '0' && header[digits] <= '9') ++digits;
  const std::string id = Squash(header.substr(digits));
  if (!id.empty()) item->input.id = id;
  auto iso = CompactDateToIso(header.substr(0, digits), /*allow_two_digit_year=*/true);
  if (!iso) {
    Fail(item, "bad_date",
         where + ": the record header \"" + Squash(header) +
             "\" does not start with a calendar date written YYMMDD or YYYYMMDD");
    return;
  }
  item->input.published = std::move(*iso);
  text = Squash(text);
  if (text.empty()) {
    Fail(item, "missing_text", where + ": the record has a header but no text");
    return;
  }
  CapText(&text, options, item);
  DecodeText(std::move(text), options, item);
}

namespace {

// Cuts the <Sentence> elements out of a PETRARCH XML stream one at a time, so that a file
// of any size is read in bounded memory and a broken record costs only itself. It knows
// just enough XML to do that: comments, CDATA sections, processing instructions,
// declarations and quoted attribute values are stepped over; each element cut out is then
// parsed on its own by pugixml.
class PetrarchRecordCutter {
 public:
  struct Piece {
    std::string xml;
    int64_t line = 0;           // where its start tag is
    uint64_t bytes = 0;         // its full length (xml holds at most the cap)
    bool unterminated = false;  // no </Sentence> before the next <Sentence> or the end
  };

  PetrarchRecordCutter(std::FILE* f, size_t cap) : file_(f), cap_(cap), buf_(1u << 16) {}

  // The next <Sentence> element; false at the end of the stream.
  bool Next(Piece* out) {
    for (;;) {
      char c;
      if (!Get(&c)) {
        if (!capturing_) return false;
        Emit(out, /*unterminated=*/true);
        return true;
      }
      if (capturing_) Keep(c);
      if (c == '\n') ++line_;
      switch (state_) {
        case kContent:
          if (c == '<') {
            state_ = kMarkup;
            head_.clear();
            markup_line_ = line_;
          }
          break;
        case kMarkup:
          if (Markup(c, out)) return true;
          break;
        case kTag:
          if (quote_ != 0) {
            if (c == quote_) quote_ = 0;
          } else if (c == '"' || c == '\'') {
            quote_ = c;
          } else if (c == '>') {
            state_ = kContent;
            if (TagEnd(last_ == '/', out)) return true;
          }
          break;
        case kComment:
          if (c == '>' && last_ == '-' && last2_ == '-') state_ = kContent;
          break;
        case kCdata:
          if (c == '>' && last_ == ']' && last2_ == ']') state_ = kContent;
          break;
        case kInstruction:
          if (c == '>' && last_ == '?') state_ = kContent;
          break;
        case kDeclaration:
          if (c == '>') state_ = kContent;
          break;
      }
      if (!IsSpace(c) || state_ != kTag) last2_ = last_, last_ = c;
    }
  }

  bool error() const { return std::ferror(file_) != 0; }

 private:
  enum State { kContent, kMarkup, kTag, kComment, kCdata, kInstruction, kDeclaration };

  bool Get(char* c) {
    if (pos_ == len_) {
      if (eof_) return false;
      len_ = std::fread(buf_.data(), 1, buf_.size(), file_);
      pos_ = 0;
      if (len_ == 0) {
        eof_ = true;
        return false;
      }
    }
    *c = buf_[pos_++];
    return true;
  }

  void Keep(char c) {
    ++bytes_;
    if (record_.size() < cap_) record_.push_back(c);
  }

  // A character after '<': decides what the markup is once it can.
  bool Markup(char c, Piece* out) {
    static constexpr std::string_view kCommentOpen = "!--", kCdataStart = "![CDATA[";
    const bool delimiter = IsSpace(c) || c == '>' || (c == '/' && !head_.empty());
    if (delimiter && head_.empty()) {  // a '<' that opens no markup: not XML, let it pass
      state_ = kContent;
      return false;
    }
    if (!delimiter) head_.push_back(c);
    const std::string_view h = head_;
    if (h == kCommentOpen) {
      state_ = kComment;
      last_ = last2_ = 0;
      return false;
    }
    if (h == kCdataStart) {
      state_ = kCdata;
      return false;
    }
    if (h.size() == 1 && h[0] == '?') {
      state_ = kInstruction;
      return false;
    }
    if (!h.empty() && h[0] == '!') {
      const bool may_be_more = kCommentOpen.substr(0, std::min(h.size(), kCommentOpen.size())) == h ||
                               kCdataStart.substr(0, std::min(h.size(), kCdataStart.size())) == h;
      if (!may_be_more || delimiter) state_ = kDeclaration;
      if (state_ == kDeclaration && c == '>') state_ = kContent;
      return false;
    }
    if (!delimiter && head_.size() < 64) return false;
    // The tag's name is known (or too long to be one that matters).
    const bool closing = !h.empty() && h[0] == '/';
    const std::string_view name = closing ? h.substr(1) : h;
    closing_sentence_ = false;
    opening_sentence_ = false;
    if (name == "Sentence") {
      if (closing) {
        closing_sentence_ = capturing_;
      } else {
        opening_sentence_ = true;
        if (capturing_) {
          // The record before never ended: it is given back alone, and this one starts.
          const std::string start = "<" + head_ + (delimiter ? std::string(1, c) : "");
          if (record_.size() >= start.size() && bytes_ <= cap_) {
            record_.resize(record_.size() - start.size());
          }
          bytes_ -= std::min<uint64_t>(bytes_, start.size());
          Emit(out, /*unterminated=*/true);
          StartRecord(start);
          FinishTagStart(c, delimiter);
          return true;
        }
        StartRecord("<" + head_ + (delimiter ? std::string(1, c) : ""));
      }
    }
    FinishTagStart(c, delimiter);
    if (state_ == kContent) return TagEnd(/*self_closing=*/false, out);
    return false;
  }

  void FinishTagStart(char c, bool delimiter) {
    quote_ = 0;
    state_ = (delimiter && c == '>') ? kContent : kTag;
  }

  void StartRecord(const std::string& start) {
    capturing_ = true;
    record_ = start;
    bytes_ = start.size();
    record_line_ = markup_line_;
  }

  // The end of a tag: a record ends at </Sentence> or at a self-closing <Sentence/>.
  bool TagEnd(bool self_closing, Piece* out) {
    if (capturing_ && (closing_sentence_ || (opening_sentence_ && self_closing))) {
      closing_sentence_ = opening_sentence_ = false;
      Emit(out, /*unterminated=*/false);
      return true;
    }
    closing_sentence_ = opening_sentence_ = false;
    return false;
  }

  void Emit(Piece* out, bool unterminated) {
    out->xml = std::move(record_);
    out->line = record_line_;
    out->bytes = bytes_;
    out->unterminated = unterminated;
    record_.clear();
    bytes_ = 0;
    capturing_ = false;
  }

  std::FILE* file_;
  size_t cap_;
  std::vector<char> buf_;
  size_t pos_ = 0, len_ = 0;
  bool eof_ = false;
  State state_ = kContent;
  std::string head_;  // the markup after '<', up to the end of the tag's name
  char quote_ = 0, last_ = 0, last2_ = 0;
  bool capturing_ = false, closing_sentence_ = false, opening_sentence_ = false;
  std::string record_;
  uint64_t bytes_ = 0;
  int64_t line_ = 1, markup_line_ = 1, record_line_ = 1;
};

}  // namespace

// ---------------------------------------------------------------------------------------

struct InputReader::Impl {
  std::vector<std::string> paths;
  ReadOptions options;
  std::FILE* stdin_stream;
  size_t next_path = 0;

  // The file of many documents being streamed, if any (JSON Lines, PETRARCH, TABARI).
  std::FILE* stream = nullptr;
  InputFormat kind = InputFormat::kText;
  std::unique_ptr<LineReader> lines;
  std::unique_ptr<PetrarchRecordCutter> sentences;
  std::string stream_path, stream_stem;
  bool stream_is_stdin = false;  // its documents then have no source_uri, as a text on stdin
  int64_t line_number = 0;
  int64_t records = 0;  // records found so far in the stream
  std::string line;

  ~Impl() { CloseStream(); }

  void CloseStream() {
    if (stream != nullptr && stream != stdin_stream) std::fclose(stream);
    stream = nullptr;
    lines.reset();
    sentences.reset();
  }

  // An error item for the stream itself (not for one of its records).
  void StreamError(InputItem* item, std::string code, std::string message) {
    *item = InputItem{};
    // JSON Lines documents are named by their line, the others by their rank in the file.
    const int64_t next = kind == InputFormat::kJsonLines ? line_number + 1 : records + 1;
    item->input.id = stream_stem + ":" + std::to_string(next);
    item->input.source_uri = stream_path;
    Fail(item, std::move(code), std::move(message));
  }

  // At the end of a stream: a read error, or a PETRARCH or TABARI file without a single
  // record (most likely not in that format at all), is an error record; true if so.
  bool EndOfStream(InputItem* item, bool failed) {
    const char* format = kind == InputFormat::kPetrarch ? "PETRARCH XML <Sentence>"
                                                        : "TABARI \"YYMMDD ID\"";
    const bool none = kind != InputFormat::kJsonLines && records == 0 && !failed;
    CloseStream();
    if (failed) {
      StreamError(item, "unreadable",
                  stream_path + ": read error after line " + std::to_string(line_number));
      return true;
    }
    if (none) {
      StreamError(item, "no_records", stream_path + ": no " + std::string(format) +
                                          " record found; is it in that format?");
      return true;
    }
    return false;
  }

  // Next document of the open stream; false when it is exhausted.
  bool NextInStream(InputItem* item) {
    const bool from_stdin = stream_is_stdin;
    bool got;
    switch (kind) {
      case InputFormat::kPetrarch:
        got = NextPetrarch(item);
        break;
      case InputFormat::kTabari:
        got = NextTabari(item);
        break;
      default:
        got = NextJsonl(item);
        break;
    }
    if (got && from_stdin && item->input.source_uri == stream_path) {
      item->input.source_uri.reset();
    }
    return got;
  }

  bool NextJsonl(InputItem* item) {
    for (;;) {
      uint64_t length = 0;
      if (!lines->ReadLine(&line, options.max_jsonl_line_bytes, &length)) {
        return EndOfStream(item, lines->error());
      }
      ++line_number;
      if (IsBlank(line)) continue;  // blank lines hold no article
      ++records;
      *item = InputItem{};
      if (length > options.max_jsonl_line_bytes)
        return FailTooLong(item, line_number, "line_too_long",
                           stream_path + ":" + std::to_string(line_number) + ": line", length,
                           options.max_jsonl_line_bytes);
      ParseJsonLine(line, stream_stem, stream_path, line_number, options, item);
      return true;
    }
  }

  // The error record of a record (a JSON line, a PETRARCH <Sentence>, a TABARI story) larger
  // than its limit: it is not coded, the next record is read as usual.
  bool FailTooLong(InputItem* item, int64_t number, const char* code, const std::string& what,
                   uint64_t size, uint64_t limit) {
    item->input.id = stream_stem + ":" + std::to_string(number);
    item->input.source_uri = stream_path;
    Fail(item, code,
         what + " of " + HumanBytes(size) + " exceeds the limit of " + HumanBytes(limit) +
             "; not coded");
    return true;
  }

  bool NextPetrarch(InputItem* item) {
    PetrarchRecordCutter::Piece piece;
    if (!sentences->Next(&piece)) return EndOfStream(item, sentences->error());
    ++records;
    *item = InputItem{};
    const std::string where = stream_path + ":" + std::to_string(piece.line);
    if (piece.bytes > options.max_record_bytes)
      return FailTooLong(item, records, "record_too_long", where + ": <Sentence> record",
                         piece.bytes, options.max_record_bytes);
    ParsePetrarchSentence(piece.xml, stream_stem, stream_path, records, piece.line, options,
                          item);
    if (piece.unterminated && !item->error) {
      Fail(item, "bad_xml", where + ": the <Sentence> record has no </Sentence> end tag");
    }
    return true;
  }

  // TABARI: records are separated by blank lines; the first line of each is its header.
  // Between records, lines starting with '#' are comments; in a record's text, /* ... */
  // is a comment (it may span lines but ends with the record).
  bool NextTabari(InputItem* item) {
    std::string header, text;
    int64_t header_line = 0;
    uint64_t bytes = 0;
    bool in_record = false, in_comment = false;
    for (;;) {
      uint64_t length = 0;
      const bool got = lines->ReadLine(&line, options.max_record_bytes, &length);
      if (got) ++line_number;
      if (!got || IsBlank(line)) {
        if (!in_record) {
          if (got) continue;
          return EndOfStream(item, lines->error());
        }
        ++records;
        *item = InputItem{};
        if (bytes > options.max_record_bytes)
          return FailTooLong(item, records, "record_too_long",
                             stream_path + ":" + std::to_string(header_line) + ": record", bytes,
                             options.max_record_bytes);
        ParseTabariRecord(header, std::move(text), stream_stem, stream_path, records,
                          header_line, options, item);
        return true;
      }
      bytes += length + 1;
      if (!in_record) {
        if (line[0] == '#') continue;
        in_record = true;
        header = line;
        header_line = line_number;
        continue;
      }
      if (bytes > options.max_record_bytes) continue;  // refused when the record ends
      std::string_view rest = line;
      while (!rest.empty()) {
        if (in_comment) {
          const size_t end = rest.find("*/");
          if (end == std::string_view::npos) break;
          in_comment = false;
          rest.remove_prefix(end + 2);
          continue;
        }
        const size_t start = rest.find("/*");
        text.append(rest.substr(0, start));
        text.push_back(' ');
        if (start == std::string_view::npos) break;
        in_comment = true;
        rest.remove_prefix(start + 2);
      }
    }
  }

  bool OpenStream(const std::string& path, InputFormat format, InputItem* item) {
    const bool is_stdin = path == "-";
    std::FILE* f = is_stdin ? stdin_stream : std::fopen(path.c_str(), "rb");
    if (f == nullptr) {
      const int e = errno;
      item->input.id = FileStem(path);
      item->input.source_uri = path;
      Fail(item, e == ENOENT ? "missing_file" : "unreadable", path + ": " + std::strerror(e));
      return false;
    }
    struct stat st {};
    if (!is_stdin && fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
      std::fclose(f);
      item->input.id = FileStem(path);
      item->input.source_uri = path;
      Fail(item, "unreadable", path + ": is a directory");
      return false;
    }
    stream = f;
    kind = format;
    if (format == InputFormat::kPetrarch) {
      sentences = std::make_unique<PetrarchRecordCutter>(f, options.max_record_bytes);
    } else {
      lines = std::make_unique<LineReader>(f);
    }
    stream_is_stdin = is_stdin;
    stream_path = is_stdin ? "stdin" : path;
    stream_stem = is_stdin ? "stdin" : FileStem(path);
    line_number = 0;
    records = 0;
    return true;
  }

  void ReadWhole(const std::string& path, InputItem* item) {
    const bool is_stdin = path == "-";
    std::FILE* f = is_stdin ? stdin_stream : std::fopen(path.c_str(), "rb");
    item->input.id = FileStem(path);
    if (!is_stdin) item->input.source_uri = path;
    if (f == nullptr) {
      const int e = errno;
      Fail(item, e == ENOENT ? "missing_file" : "unreadable",
           path + ": " + std::strerror(e));
      return;
    }
    struct stat st {};
    const bool have_stat = fstat(fileno(f), &st) == 0;
    if (have_stat && S_ISDIR(st.st_mode)) {
      if (!is_stdin) std::fclose(f);
      Fail(item, "unreadable", path + ": is a directory");
      return;
    }
    std::string bytes;
    bool more = false;
    const bool ok = ReadCapped(f, options.max_document_bytes, &bytes, &more);
    const int e = errno;
    if (!is_stdin) std::fclose(f);
    if (!ok) {
      Fail(item, "unreadable", path + ": read error: " + std::strerror(e));
      return;
    }
    if (is_stdin) item->input.id = ContentHashId(bytes);
    if (more) {
      TrimToCharBoundary(&bytes);
      const bool sized = have_stat && S_ISREG(st.st_mode);
      Diagnose(item, "input_truncated",
               "read the first " + HumanBytes(bytes.size()) + " of " +
                   (sized ? HumanBytes(static_cast<uint64_t>(st.st_size))
                          : std::string("more than ") +
                                HumanBytes(options.max_document_bytes)) +
                   " (limit " + HumanBytes(options.max_document_bytes) +
                   " per document); the rest is not coded");
    }
    DecodeText(std::move(bytes), options, item);
  }
};

InputReader::InputReader(std::vector<std::string> paths, ReadOptions options,
                         std::FILE* stdin_stream)
    : impl_(std::make_unique<Impl>()) {
  impl_->paths = std::move(paths);
  impl_->options = options;
  impl_->stdin_stream = stdin_stream;
}

InputReader::~InputReader() = default;

bool InputReader::Next(InputItem* item) {
  Impl& s = *impl_;
  for (;;) {
    if (s.stream != nullptr) {
      if (s.NextInStream(item)) return true;
      continue;
    }
    if (s.next_path >= s.paths.size()) return false;
    const std::string& path = s.paths[s.next_path++];
    *item = InputItem{};
    const InputFormat format = FormatForPath(path, s.options.format);
    if (format == InputFormat::kText) {
      s.ReadWhole(path, item);
      return true;
    }
    if (!s.OpenStream(path, format, item)) return true;
    // An empty JSON Lines file yields no documents; an empty PETRARCH or TABARI file one
    // error record (see EndOfStream).
  }
}

}  // namespace attache::ingest
