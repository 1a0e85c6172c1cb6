// A small append-only JSON writer and the text escapers the record sinks share (JSON
// strings, tab-separated fields). Everything appends into one caller-owned std::string so
// a whole record is built with a handful of reallocations.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace attache::record {

// The coder's name and version as written into provenance fields and printed by
// `attache --version` (keep in step with project(VERSION) in CMakeLists.txt).
inline constexpr std::string_view kCoderVersion = "0.1.0";
inline constexpr std::string_view kCoderName = "attache";

// Appends `s` as a quoted JSON string. Quotes, backslashes and control characters are
// escaped (\n \r \t \b \f, others as \u00XX); U+2028/U+2029 are escaped too so the
// output is also valid JavaScript. Valid UTF-8 passes through unchanged; each ill-formed
// subsequence becomes U+FFFD, so the output is always valid UTF-8 whatever comes in.
void AppendJsonString(std::string* out, std::string_view s);

// Appends `s` as one field of a tab-separated line: tabs, newlines and other control
// characters become spaces (they would split the row), ill-formed UTF-8 becomes U+FFFD.
void AppendTsvField(std::string* out, std::string_view s);

// Appends `v` with at most `max_decimals` decimals, trailing zeros trimmed but at least one
// kept ("1.0", "0.85", "41.01384") so typed readers still see a float. Returns false and
// appends nothing when `v` is not finite (JSON has no NaN).
bool AppendDecimal(std::string* out, double v, int max_decimals);

// Streaming JSON writer. It only tracks whether a separator is due, so it cannot check
// nesting; its callers (the record writers here and the store's JSON columns) are tested
// by parsing what they write.
class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(out) {}

  void BeginObject() {
    Separate();
    out_->push_back('{');
    need_comma_ = false;
  }
  void EndObject() {
    out_->push_back('}');
    need_comma_ = true;
  }
  void BeginArray() {
    Separate();
    out_->push_back('[');
    need_comma_ = false;
  }
  void EndArray() {
    out_->push_back(']');
    need_comma_ = true;
  }

  // Object keys are string literals of the record code: plain ASCII, nothing to escape.
  void Key(std::string_view key) {
    Separate();
    out_->push_back('"');
    out_->append(key);
    out_->append("\":");
    need_comma_ = false;
  }

  void String(std::string_view s) {
    Separate();
    AppendJsonString(out_, s);
    need_comma_ = true;
  }
  void Null() {
    Separate();
    out_->append("null");
    need_comma_ = true;
  }
  void Bool(bool b) {
    Separate();
    out_->append(b ? "true" : "false");
    need_comma_ = true;
  }
  void Int(int64_t v);
  // Non-finite values are written as null.
  void Double(double v, int max_decimals);

  void String(const std::string& s) { String(std::string_view(s)); }
  void String(const char* s) { String(std::string_view(s)); }
  void String(const std::optional<std::string>& s) {
    if (s)
      String(std::string_view(*s));
    else
      Null();
  }
  void Double(const std::optional<double>& v, int max_decimals) {
    if (v)
      Double(*v, max_decimals);
    else
      Null();
  }
  void Int(const std::optional<int64_t>& v) {
    if (v)
      Int(*v);
    else
      Null();
  }

  // Key-value shorthands; they keep the record writers readable.
  template <typename T>
  void Field(std::string_view key, const T& value) {
    Key(key);
    Value(value);
  }
  void Field(std::string_view key, const char* value) {
    Key(key);
    String(std::string_view(value));
  }

 private:
  void Separate() {
    if (need_comma_) out_->push_back(',');
  }
  void Value(std::string_view s) { String(s); }
  void Value(const std::string& s) { String(std::string_view(s)); }
  void Value(const std::optional<std::string>& s) { String(s); }
  void Value(bool b) { Bool(b); }
  void Value(int v) { Int(static_cast<int64_t>(v)); }
  void Value(int64_t v) { Int(v); }
  void Value(const std::optional<int64_t>& v) { Int(v); }

  std::string* out_;
  bool need_comma_ = false;
};

}  // namespace attache::record
