// NFC with an offset map: the common case (already NFC) costs one quick check.
#include "text/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/bytestream.h>

#include <algorithm>

#include "text/fold.h"

namespace attache::text {

std::string Nfc(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return std::string(s);
  const icu::StringPiece piece(s.data(), static_cast<int32_t>(s.size()));
  if (nfc->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return std::string(s);
  status = U_ZERO_ERROR;
  std::string out;
  icu::StringByteSink<std::string> sink(&out);
  nfc->normalizeUTF8(0, piece, sink, nullptr, status);
  return U_SUCCESS(status) ? out : std::string(s);
}

void OffsetMap::Build(std::string_view input, std::string& out) {
  points_.clear();
  UErrorCode st = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(st);
  if (U_SUCCESS(st) && nfc->isNormalizedUTF8(icu::StringPiece(input.data(), input.size()), st) &&
      U_SUCCESS(st)) {
    out.assign(input);
    // Checkpoints every 256 bytes keep ToInput() short: it is called for every span written.
    int64_t cp = 0;
    for (size_t j = 0; j < out.size(); ++j) {
      if ((j & 255) == 0 && (static_cast<unsigned char>(out[j]) & 0xC0) != 0x80)
        points_.push_back({static_cast<uint32_t>(j), cp, false});
      if ((static_cast<unsigned char>(out[j]) & 0xC0) != 0x80) ++cp;
    }
    if (points_.empty()) points_.push_back({0, 0, false});
    norm_ = out;
    return;
  }
  // Walk the input in runs that start at a normalisation boundary; copy unchanged runs,
  // normalise the others.
  out.clear();
  out.reserve(input.size());
  size_t i = 0;
  int64_t cp = 0;
  while (i < input.size()) {
    size_t run_start = i;
    int64_t run_cp = cp;
    size_t k = i;
    NextCodePoint(input, k);  // the run starts with at least one code point
    i = k;
    ++cp;
    while (i < input.size()) {
      size_t m = i;
      char32_t d = NextCodePoint(input, m);
      if (nfc->hasBoundaryBefore(static_cast<UChar32>(d))) break;
      i = m;
      ++cp;
    }
    std::string_view run = input.substr(run_start, i - run_start);
    std::string norm;
    icu::StringByteSink<std::string> sink(&norm);
    UErrorCode s2 = U_ZERO_ERROR;
    nfc->normalizeUTF8(0, icu::StringPiece(run.data(), run.size()), sink, nullptr, s2);
    if (U_FAILURE(s2)) norm.assign(run);
    bool changed = norm != run;
    if (points_.empty() || changed || points_.back().changed)
      points_.push_back({static_cast<uint32_t>(out.size()), run_cp, changed});
    out += norm;
  }
  if (points_.empty()) points_.push_back({0, 0, false});
  norm_ = out;
}

int64_t OffsetMap::ToInput(uint32_t b) const {
  auto it = std::upper_bound(points_.begin(), points_.end(), b,
                             [](uint32_t x, const Point& p) { return x < p.norm_byte; });
  if (it == points_.begin()) return 0;
  --it;
  if (it->changed) return it->input_cp;
  // Count code points from the checkpoint: the text in between is identical.
  int64_t cp = it->input_cp;
  for (uint32_t j = it->norm_byte; j < b && j < norm_.size(); ++j)
    if ((static_cast<unsigned char>(norm_[j]) & 0xC0) != 0x80) ++cp;
  return cp;
}

}  // namespace attache::text
