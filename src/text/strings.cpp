// Helpers for reading data files (strings.h).
#include "text/strings.h"

#include <fstream>
#include <sstream>

namespace attache::text {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsBlank(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsBlank(s.back())) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> SplitFields(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    const size_t at = s.find(sep, start);
    if (at == std::string_view::npos) {
      out.push_back(Trim(s.substr(start)));
      return out;
    }
    out.push_back(Trim(s.substr(start, at - start)));
    start = at + 1;
  }
}

std::vector<std::string_view> SplitList(std::string_view s, char sep) {
  std::vector<std::string_view> out = SplitFields(s, sep);
  std::erase_if(out, [](std::string_view item) { return item.empty(); });
  return out;
}

std::vector<std::string_view> SplitWords(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && IsBlank(s[i])) ++i;
    size_t j = i;
    while (j < s.size() && !IsBlank(s[j])) ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

std::string Squash(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (const char c : s) {
    if (IsBlank(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

bool ParseDigits(std::string_view s, size_t at, size_t count, int* out) {
  if (at + count > s.size()) return false;
  int v = 0;
  for (size_t i = at; i < at + count; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

StatusOr<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error("cannot read " + path);
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return Status::Error("read failed: " + path);
  return buf.str();
}

}  // namespace attache::text
