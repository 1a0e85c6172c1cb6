// Time expressions: finds dates, times of day, durations and sets in one sentence and
// normalises them against the publication date of the dispatch ("jeudi" -> 2025-02-27,
// "le 12 février" -> 2025-02-12, "two days ago", "pendant six heures" -> PT6H).
//
// Words come from two places. Month and weekday names, wide and abbreviated, are taken
// from ICU/CLDR for every regional variant of the language (so "Sept" from en-GB and
// "juill." from fr-CA are known), plus their truncations down to three letters ("fév",
// "févr"); none are typed in. Relative words ("hier", "last week", "il y a", numbers,
// units) come from the language pack file data/lang/<lang>/time.txt, whose format is
// described at its top. Clock notation ("16h25", "4:25 p.m.", "GMT") is code: it is
// typography shared by the languages, not vocabulary.
//
// Resolution rules (all relative to the publication date P):
// - A bare weekday ("jeudi", "on Tuesday"): the latest such day on or before P; its
//   value_future is the first such day on or after P. "mercredi dernier"/"last Wednesday"
//   is strictly before P, "mercredi prochain"/"next Wednesday" strictly after.
// - A day and month without a year ("12 février", "Feb. 12"): that date in P's year,
//   unless it falls more than 183 days after P, then the year before; value_future is the
//   first occurrence on or after P. A weekday in front ("jeudi 27 février") picks the year
//   in which the weekday agrees, when one nearby does.
// - A day alone after "le"/"du"/"the" ("le 18", "on the 18th"): that day of P's month if
//   not after P, else of the previous month (months lacking the day are skipped);
//   value_future is the first such day on or after P.
// - A month alone after "en"/"in" ("en janvier"): the latest such month not after P's
//   month (precision month); value_future the first not before it.
// - Week precision values are the Monday of the week ("la semaine dernière" with P a
//   Thursday 2025-02-27 -> 2025-02-17), so every DATE value starts with a full or partial
//   calendar date. Consumers that only know day/month/year may treat week as day.
// - A time of day takes the date of a date expression just before it ("jeudi à 16h"),
//   else P (and is then marked weekday_or_partial); its value is "YYYY-MM-DDTHH:MM", with
//   "+HH:MM" appended when a zone is given ("16:25 GMT" -> "+00:00").
// - Durations are ISO 8601 with the T designator for clock units ("six heures" -> PT6H,
//   "trois jours" -> P3D, "30 minutes" -> PT30M), so minutes and months stay distinct.
// - Numeric dates are day-first ("27/02/2025") unless the pack says month-first (English:
//   "02/27/2025"); a part above 12 settles the order either way.
//
// TimeWords is built once per language and is immutable afterwards: share it across
// threads. FindTimes keeps a per-thread scratch workspace; it allocates only for results.
#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "attache/status.h"

namespace attache::timex {

// A proleptic Gregorian calendar date. Plain aggregate: CivilDate{2025, 2, 27}.
struct CivilDate {
  int y = 1970;
  int m = 1;
  int d = 1;

  static bool IsLeapYear(int year);
  static int DaysInMonth(int year, int month);  // 0 for a month outside 1..12
  // "2025-02-27", also with a time or zone after it ("2025-02-27T16:25+01:00").
  static std::optional<CivilDate> ParseIso(std::string_view text);
  // A date of year, month or day precision at the start of `text` ("2025", "2025-02",
  // "2025-02-27", "2025-02-27T16:25+01:00"), completed with the first month or day, the
  // way partial dates are placed on the calendar; whatever follows the date is not read.
  static std::optional<CivilDate> ParsePartial(std::string_view text);
  // A compact date "YYYYMMDD", or "YYMMDD" when `two_digit_year` (00-29 are 2000-2029,
  // 30-99 are 1930-1999), as the TABARI and PETRARCH files write them; nothing else.
  static std::optional<CivilDate> ParseCompact(std::string_view digits, bool two_digit_year);
  static CivilDate FromDays(int64_t days_since_epoch);  // 0 is 1970-01-01

  bool IsValid() const;
  int64_t ToDays() const;  // days since 1970-01-01
  int Weekday() const;     // ISO 8601: 1 Monday ... 7 Sunday
  int DayOfYear() const;   // 1 for 1 January ... 366
  CivilDate AddDays(int64_t n) const;
  CivilDate AddMonths(int n) const;  // the day is clamped to the target month's length
  CivilDate AddYears(int n) const;   // 29 February becomes 28 in a common year
  std::string Format() const;        // "2025-02-27"
  std::string FormatMonth() const;   // "2025-02"

  friend bool operator==(const CivilDate&, const CivilDate&) = default;
  friend auto operator<=>(const CivilDate&, const CivilDate&) = default;
};

enum class TimeKind : uint8_t { kDate, kTime, kDuration, kSet };
// kNone for durations and sets; kMinute for times of day.
enum class Precision : uint8_t { kDay, kWeek, kMonth, kYear, kMinute, kNone };

std::string_view KindName(TimeKind kind);            // "DATE" "TIME" "DURATION" "SET"
std::string_view PrecisionName(Precision precision);  // "day" "week" ... "none"

struct TimeExpr {
  size_t begin = 0;  // byte offsets into the sentence, end exclusive; a leading
  size_t end = 0;    // preposition ("le", "en", "on", "pendant") is not included
  TimeKind kind = TimeKind::kDate;
  Precision precision = Precision::kDay;
  std::string value;         // "2025-02-27", "2025-02", "2025", "PT6H", "2025-02-27T16:25"
  std::string value_future;  // the reading for a clause in the future tense; equals value
                             // when the words fix the date whatever the tense
  // The value was chosen among several by the rules above (weekday, year-less date, day
  // alone, bare month, time without a date): the caller may prefer value_future by tense.
  bool weekday_or_partial = false;
};

// The time vocabulary of one language: ICU month and weekday names plus the pack words.
class TimeWords {
 public:
  // `lang` is "fr" or "en" (any ICU language works for the names); `pack_text` is the
  // content of data/lang/<lang>/time.txt, or empty for names and clock notation only.
  static StatusOr<TimeWords> Build(std::string_view lang, std::string_view pack_text);

  const std::string& lang() const { return lang_; }
  // The month (1..12) or ISO weekday (1..7) a single word names, any case or accents, a
  // trailing dot allowed ("févr.", "SEPT", "Thursday"); 0 when it names none.
  int MonthOf(std::string_view word) const;
  int WeekdayOf(std::string_view word) const;

  // Implementation detail, public only so the matcher in time.cpp can read it.
  struct WordInfo {
    uint8_t month = 0;            // 1..12
    bool month_wide = false;      // a full name ("février"), usable with "en"/"in" alone
    uint8_t weekday = 0;          // 1..7
    bool weekday_wide = false;    // a full name; abbreviations only open a full date
    std::vector<uint32_t> phrases;  // pack phrases starting with this word, longest first
  };
  struct Phrase {
    std::vector<std::string> words;  // folded tokens
    uint32_t role = 0;               // one bit of the Role enum in time.cpp
    int value = 0;                   // number, offset, or clock minutes
    char unit = 0;                   // d w m y h n(minutes)
    std::string text;                // set value ("P1D") or zone offset
  };
  const WordInfo* Find(std::string_view folded) const;
  const std::vector<Phrase>& phrases() const { return phrases_; }
  bool month_first() const { return month_first_; }
  bool lowercase_months() const { return lowercase_months_; }

 private:
  struct KeyHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  WordInfo& Slot(const std::string& folded) { return words_[folded]; }
  // ICU month and weekday names into a fresh table; cached per language (the coder and the
  // ingest dispatcher both build one, and walking every regional locale is slow).
  Status AddIcuNames();
  Status AddIcuNamesUncached();
  Status ParsePack(std::string_view pack_text);

  std::string lang_;
  std::unordered_map<std::string, WordInfo, KeyHash, std::equal_to<>> words_;
  std::vector<Phrase> phrases_;
  bool month_first_ = false;      // numeric dates "02/27/2025"
  bool lowercase_months_ = false;  // a capitalised month inside a sentence is a name
};

// All time expressions in `sentence`, in text order, without overlaps.
std::vector<TimeExpr> FindTimes(std::string_view sentence, const TimeWords& words,
                                const CivilDate& published);

}  // namespace attache::timex
