// Reading inputs: files, stdin and JSON Lines into DocumentInputs, with size limits,
// binary detection and UTF-8 repair. See input.h for the contract.
#include "ingest/input.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

#include <simdjson.h>

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

bool IsBlank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  });
}

void Diagnose(InputItem* item, std::string code, std::string message) {
  item->diagnostics.push_back({std::move(code), std::move(message)});
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

bool IsJsonLinesPath(std::string_view path) {
  constexpr std::string_view kSuffix = ".jsonl";
  if (path.size() < kSuffix.size()) return false;
  const std::string_view tail = path.substr(path.size() - kSuffix.size());
  return std::equal(tail.begin(), tail.end(), kSuffix.begin(),
                    [](char a, char b) { return (a | 0x20) == b; });
}

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
  if (body.size() > options.max_document_bytes) {
    const size_t full = body.size();
    body.resize(options.max_document_bytes);
    TrimToCharBoundary(&body);
    Diagnose(item, "input_truncated",
             "read the first " + HumanBytes(body.size()) + " of " + HumanBytes(full) +
                 " of text (limit " + HumanBytes(options.max_document_bytes) +
                 " per document); the rest is not coded");
  }
  DecodeText(std::move(body), options, item);
}

// ---------------------------------------------------------------------------------------

struct InputReader::Impl {
  std::vector<std::string> paths;
  ReadOptions options;
  std::FILE* stdin_stream;
  size_t next_path = 0;

  // The JSON Lines file being streamed, if any.
  std::FILE* jsonl = nullptr;
  std::unique_ptr<LineReader> lines;
  std::string jsonl_path, jsonl_stem;
  int64_t line_number = 0;
  std::string line;

  ~Impl() { CloseJsonl(); }

  void CloseJsonl() {
    if (jsonl != nullptr && jsonl != stdin_stream) std::fclose(jsonl);
    jsonl = nullptr;
    lines.reset();
  }

  // Next article of the open JSON Lines file; false when it is exhausted.
  bool NextJsonl(InputItem* item) {
    for (;;) {
      uint64_t length = 0;
      if (!lines->ReadLine(&line, options.max_jsonl_line_bytes, &length)) {
        const bool failed = lines->error();
        CloseJsonl();
        if (failed) {
          *item = InputItem{};
          item->input.id = jsonl_stem + ":" + std::to_string(line_number + 1);
          item->input.source_uri = jsonl_path;
          Fail(item, "unreadable", jsonl_path + ": read error after line " +
                                       std::to_string(line_number));
          return true;
        }
        return false;
      }
      ++line_number;
      if (IsBlank(line)) continue;  // blank lines hold no article
      *item = InputItem{};
      if (length > options.max_jsonl_line_bytes) {
        item->input.id = jsonl_stem + ":" + std::to_string(line_number);
        item->input.source_uri = jsonl_path;
        Fail(item, "line_too_long",
             jsonl_path + ":" + std::to_string(line_number) + ": line of " +
                 HumanBytes(length) + " exceeds the limit of " +
                 HumanBytes(options.max_jsonl_line_bytes) + "; not coded");
        return true;
      }
      ParseJsonLine(line, jsonl_stem, jsonl_path, line_number, options, item);
      return true;
    }
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
    if (s.jsonl != nullptr) {
      if (s.NextJsonl(item)) return true;
      continue;
    }
    if (s.next_path >= s.paths.size()) return false;
    const std::string& path = s.paths[s.next_path++];
    *item = InputItem{};
    if (path != "-" && IsJsonLinesPath(path)) {
      std::FILE* f = std::fopen(path.c_str(), "rb");
      if (f == nullptr) {
        const int e = errno;
        item->input.id = FileStem(path);
        item->input.source_uri = path;
        Fail(item, e == ENOENT ? "missing_file" : "unreadable",
             path + ": " + std::strerror(e));
        return true;
      }
      struct stat st {};
      if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        std::fclose(f);
        item->input.id = FileStem(path);
        item->input.source_uri = path;
        Fail(item, "unreadable", path + ": is a directory");
        return true;
      }
      s.jsonl = f;
      s.lines = std::make_unique<LineReader>(f);
      s.jsonl_path = path;
      s.jsonl_stem = FileStem(path);
      s.line_number = 0;
      continue;  // an empty JSON Lines file yields no documents
    }
    s.ReadWhole(path, item);
    return true;
  }
}

}  // namespace attache::ingest
