// Sentence segmentation over UTF-8 through UText, so boundaries come back as byte offsets.
#include "text/segment.h"

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <algorithm>
#include <atomic>
#include <memory>

#include "text/fold.h"

namespace attache::text {
namespace {

std::unique_ptr<icu::BreakIterator> MakeIterator(const std::string& lang,
                                                 const std::vector<std::string>& suppressed) {
  UErrorCode st = U_ZERO_ERROR;
  icu::Locale loc(lang.c_str());
  std::unique_ptr<icu::BreakIterator> base(icu::BreakIterator::createSentenceInstance(loc, st));
  if (U_FAILURE(st)) return nullptr;
  std::unique_ptr<icu::FilteredBreakIteratorBuilder> fb(
      icu::FilteredBreakIteratorBuilder::createInstance(loc, st));
  if (U_FAILURE(st) || !fb) return base;
  // The pack's titles that CLDR's list lacks.
  for (const std::string& a : suppressed) {
    fb->suppressBreakAfter(icu::UnicodeString::fromUTF8(a), st);
    st = U_ZERO_ERROR;  // already in CLDR's list: not an error worth stopping for
  }
  icu::BreakIterator* wrapped = fb->wrapIteratorWithFilter(base.release(), st);
  return std::unique_ptr<icu::BreakIterator>(wrapped);
}

// This thread's iterator for a splitter configuration. A thread keeps the few it used last
// (a process normally has one per language): least recently used out first, a hit moves to
// the back.
icu::BreakIterator* Iterator(uint64_t id, const std::string& lang,
                             const std::vector<std::string>& suppressed) {
  struct Entry {
    uint64_t id;
    std::unique_ptr<icu::BreakIterator> it;
  };
  thread_local std::vector<Entry> cache;
  for (size_t i = 0; i < cache.size(); ++i)
    if (cache[i].id == id) {
      if (i + 1 != cache.size()) std::rotate(cache.begin() + i, cache.begin() + i + 1, cache.end());
      return cache.back().it.get();
    }
  constexpr size_t kKept = 8;
  if (cache.size() >= kKept) cache.erase(cache.begin());
  cache.push_back({id, MakeIterator(lang, suppressed)});
  return cache.back().it.get();
}

std::string Utf8(const icu::UnicodeString& u) {
  std::string out;
  u.toUTF8String(out);
  return out;
}

// A byte that can end a sentence: . ! ? : " ) or the last byte of » ” … (UTF-8).
bool IsFinalByte(unsigned char c) {
  return c == '.' || c == '!' || c == '?' || c == ':' || c == '"' || c == ')' ||
         c == 0xBB /* » */ || c == 0x9D /* ” */ || c == 0xA6 /* … */;
}

std::string_view LastWord(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  size_t p = s.find_last_of(" \t(\"");
  return p == std::string_view::npos ? s : s.substr(p + 1);
}

std::string_view FirstWord(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  size_t j = s.find_first_of(" \t,;", i);
  return s.substr(i, j == std::string_view::npos ? std::string_view::npos : j - i);
}

// Should the segment `next` be glued to `prev`?
// `starters`: folded words that open a sentence (the pack's `sentence.starters`); one ending
// in an apostrophe ("l'") opens the word it is elided onto.
bool ShouldMerge(std::string_view prev, std::string_view next,
                 const std::vector<std::string>& starters) {
  std::string_view nw = FirstWord(next);
  if (nw.empty()) return true;
  size_t k = 0;
  char32_t first = NextCodePoint(nw, k);
  // A closing quote pushed to the next segment: "» , a dit le porte-parole".
  if (first == U'»' || first == U'”') return true;
  if (first == '"' && (nw.size() == 1 || nw[1] == ',')) return true;
  // Lower case after a break: the break was an abbreviation.
  if (IsLetter(first) && !IsUpper(first)) return true;
  if (first == ',' || first == ';' || first == ')') return true;
  std::string_view lw = LastWord(prev);
  if (lw.size() >= 2 && lw.back() == '.') {
    std::string_view body = lw.substr(0, lw.size() - 1);
    // Initials: "J.-Y.", "U.S.", "J.".
    size_t letters = 0;
    bool dots = body.find('.') != std::string_view::npos;
    for (size_t q = 0; q < body.size();) {
      char32_t c = NextCodePoint(body, q);
      if (IsLetter(c)) ++letters;
    }
    std::string folded = Fold(nw);
    bool starter = false;
    for (const std::string& s : starters) {
      if (folded == s || (!s.empty() && s.back() == '\'' && folded.rfind(s, 0) == 0)) starter = true;
    }
    if (letters == 1 && IsUpper(body.empty() ? 0 : body[0])) return true;  // "J." "M."
    // A short capitalised abbreviation before a number: "on Oct. 7", "Sept. 11", "No. 10",
    // "Art. 49" (a sentence rarely opens with a figure after such a word).
    if (!dots && letters >= 2 && letters <= 4 && letters == body.size() && IsUpper(body[0]) &&
        first >= '0' && first <= '9')
      return true;
    if (dots && letters <= 4 && !starter) return true;                    // "U.S. President"
  }
  return false;
}

}  // namespace

SentenceSplitter::SentenceSplitter(std::string_view lang,
                                   const std::vector<std::string>& no_break_after,
                                   std::vector<std::string> starters)
    : lang_(lang), starters_(std::move(starters)) {
  static std::atomic<uint64_t> next_id{1};
  id_ = next_id.fetch_add(1);
  for (const std::string& w : no_break_after) {
    icu::UnicodeString lower = icu::UnicodeString::fromUTF8(w);
    if (lower.endsWith(icu::UnicodeString(u"."))) lower.truncate(lower.length() - 1);
    if (lower.isEmpty()) continue;
    lower.toLower(icu::Locale(lang_.c_str()));
    icu::UnicodeString cap = lower;
    const UChar32 first = cap.char32At(0);
    cap.replace(0, U16_LENGTH(first), static_cast<UChar32>(u_toupper(first)));
    // Capitalised only: a title before a name is ("Gen. Smith", "Mme. Durand"), while a
    // lower-case "m." or "mm." may be a unit ending a sentence ("a couru 100 m.").
    suppressed_.push_back(Utf8(cap) + ".");
  }
}

std::vector<SentenceRange> SentenceSplitter::Split(std::string_view text, uint32_t b, uint32_t e,
                                                   size_t max_bytes, bool& cut) const {
  std::vector<SentenceRange> out;
  icu::BreakIterator* it = Iterator(id_, lang_, suppressed_);
  uint32_t para = b;
  while (para < e) {
    // A paragraph ends at a newline after sentence-final punctuation or a blank line; a
    // newline inside a sentence (hard-wrapped copy) is a space.
    size_t nl = para;
    while (true) {
      nl = text.find('\n', nl);
      if (nl == std::string_view::npos || nl >= e) break;
      size_t q = nl;
      while (q > para && (text[q - 1] == ' ' || text[q - 1] == '\r' || text[q - 1] == '\t')) --q;
      char last = q > para ? text[q - 1] : '.';
      bool blank_next = nl + 1 < e && (text[nl + 1] == '\n' || text[nl + 1] == '\r');
      bool final_punct = IsFinalByte(static_cast<unsigned char>(last));
      if (final_punct || blank_next || q == para) break;
      ++nl;
    }
    uint32_t pe = nl == std::string_view::npos || nl > e ? e : static_cast<uint32_t>(nl);
    // Skip blank paragraphs.
    uint32_t s0 = para;
    while (s0 < pe && (text[s0] == ' ' || text[s0] == '\t' || text[s0] == '\r')) ++s0;
    if (s0 < pe) {
      std::vector<SentenceRange> segs;
      if (it != nullptr && pe - s0 < (1u << 24)) {
        UErrorCode st = U_ZERO_ERROR;
        UText* ut = utext_openUTF8(nullptr, text.data() + s0, pe - s0, &st);
        it->setText(ut, st);
        int32_t start = it->first();
        for (int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next())
          segs.push_back({s0 + static_cast<uint32_t>(start), s0 + static_cast<uint32_t>(end)});
        utext_close(ut);
      } else {
        segs.push_back({s0, pe});
      }
      auto ends_open = [&](const SentenceRange& r) {
        // ICU breaks at every newline; a segment that ends without a terminator ended at a
        // hard wrap inside the sentence.
        uint32_t q = r.e;
        while (q > r.b && (text[q - 1] == ' ' || text[q - 1] == '\n' || text[q - 1] == '\r' || text[q - 1] == '\t')) --q;
        if (q == r.b) return false;
        return !IsFinalByte(static_cast<unsigned char>(text[q - 1]));
      };
      for (const auto& sg : segs) {
        if (!out.empty() && out.back().e >= para && out.back().b >= s0 &&
            (ends_open(out.back()) ||
             ShouldMerge(text.substr(out.back().b, out.back().e - out.back().b),
                         text.substr(sg.b, sg.e - sg.b), starters_))) {
          out.back().e = sg.e;
        } else {
          out.push_back(sg);
        }
      }
    }
    para = pe + 1;
  }
  // Trim and cut over-long sentences at a space near the limit.
  std::vector<SentenceRange> fin;
  for (auto sg : out) {
    while (sg.b < sg.e && (text[sg.b] == ' ' || text[sg.b] == '\t' || text[sg.b] == '\r')) ++sg.b;
    while (sg.e > sg.b && (text[sg.e - 1] == ' ' || text[sg.e - 1] == '\t' || text[sg.e - 1] == '\r' || text[sg.e - 1] == '\n')) --sg.e;
    if (sg.e <= sg.b) continue;
    while (sg.e - sg.b > max_bytes) {
      cut = true;
      uint32_t lim = sg.b + static_cast<uint32_t>(max_bytes);
      uint32_t at = lim;
      while (at > sg.b + max_bytes / 2 && text[at] != ' ' && text[at] != ',') --at;
      if (at <= sg.b + max_bytes / 2) {
        at = lim;
        while (at > sg.b && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
      }
      fin.push_back({sg.b, at});
      sg.b = at;
      while (sg.b < sg.e && (text[sg.b] == ' ' || text[sg.b] == ',')) ++sg.b;
    }
    if (sg.e > sg.b) fin.push_back(sg);
  }
  return fin;
}

}  // namespace attache::text
