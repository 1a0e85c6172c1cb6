// NFC normalisation with a map from byte offsets in the normalised text back to code-point
// offsets in the text as read, so every span in the output points at the input.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace attache::text {

// `s` (valid UTF-8) in NFC; already-normalised text (the common case) is copied after a
// quick check. For words and phrases read from data files, not for running text (which
// goes through OffsetMap to keep its offsets).
std::string Nfc(std::string_view s);

class OffsetMap {
 public:
  // Normalises `input` (valid UTF-8) to NFC into `out` and records the mapping.
  void Build(std::string_view input, std::string& out);
  // Code-point offset in the input of the normalised byte offset `b`.
  int64_t ToInput(uint32_t b) const;

 private:
  // Checkpoints: (normalised byte, input code point); between two checkpoints the text was
  // unchanged, so code points advance one for one with the normalised text's code points.
  struct Point {
    uint32_t norm_byte;
    int64_t input_cp;
    bool changed;  // the segment starting here was rewritten by normalisation
  };
  std::vector<Point> points_;
  std::string_view norm_;
};

}  // namespace attache::text
