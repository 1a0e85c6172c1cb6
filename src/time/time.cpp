// Time expressions: calendar arithmetic, the ICU + pack vocabulary, and a left-to-right
// matcher over a small token stream of the sentence. The rules and their order are
// documented in time.h; the pack format at the top of data/lang/<lang>/time.txt.
#include "time/time.h"

#include <unicode/datefmt.h>
#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>
#include <unicode/smpdtfmt.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <mutex>

#include "text/fold.h"
#include "text/strings.h"

namespace attache::timex {

// ---------------------------------------------------------------------------------------
// CivilDate: days-from-civil and back after H. Hinnant's public-domain algorithms.

bool CivilDate::IsLeapYear(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int CivilDate::DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

bool CivilDate::IsValid() const { return d >= 1 && d <= DaysInMonth(y, m); }

int64_t CivilDate::ToDays() const {
  int64_t yy = y - (m <= 2 ? 1 : 0);
  int64_t era = (yy >= 0 ? yy : yy - 399) / 400;
  int64_t yoe = yy - era * 400;
  int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate CivilDate::FromDays(int64_t z) {
  z += 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int dd = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int mm = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  int yy = static_cast<int>(yoe + era * 400 + (mm <= 2 ? 1 : 0));
  return CivilDate{yy, mm, dd};
}

int CivilDate::Weekday() const {
  int64_t r = ToDays() % 7;  // 0 is a Thursday (1970-01-01)
  if (r < 0) r += 7;
  return static_cast<int>((r + 3) % 7) + 1;
}

int CivilDate::DayOfYear() const {
  return static_cast<int>(ToDays() - CivilDate{y, 1, 1}.ToDays()) + 1;
}

CivilDate CivilDate::AddDays(int64_t n) const { return FromDays(ToDays() + n); }

CivilDate CivilDate::AddMonths(int n) const {
  int64_t index = static_cast<int64_t>(y) * 12 + (m - 1) + n;
  int64_t yy = index >= 0 ? index / 12 : -((-index + 11) / 12);
  int mm = static_cast<int>(index - yy * 12) + 1;
  int yi = static_cast<int>(yy);
  return CivilDate{yi, mm, std::min(d, DaysInMonth(yi, mm))};
}

CivilDate CivilDate::AddYears(int n) const { return AddMonths(n * 12); }

std::string CivilDate::Format() const {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

std::string CivilDate::FormatMonth() const {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  return buf;
}

using text::ParseDigits;

std::optional<CivilDate> CivilDate::ParseCompact(std::string_view digits, bool two_digit_year) {
  CivilDate date;
  if (digits.size() == 8) {
    if (!ParseDigits(digits, 0, 4, &date.y) || !ParseDigits(digits, 4, 2, &date.m) ||
        !ParseDigits(digits, 6, 2, &date.d))
      return std::nullopt;
  } else if (two_digit_year && digits.size() == 6) {
    int yy = 0;
    if (!ParseDigits(digits, 0, 2, &yy) || !ParseDigits(digits, 2, 2, &date.m) ||
        !ParseDigits(digits, 4, 2, &date.d))
      return std::nullopt;
    date.y = yy < 30 ? 2000 + yy : 1900 + yy;
  } else {
    return std::nullopt;
  }
  if (!date.IsValid()) return std::nullopt;
  return date;
}

std::optional<CivilDate> CivilDate::ParseIso(std::string_view s) {
  CivilDate date;
  if (!ParseDigits(s, 0, 4, &date.y) || s.size() < 10 || s[4] != '-' || s[7] != '-' ||
      !ParseDigits(s, 5, 2, &date.m) || !ParseDigits(s, 8, 2, &date.d)) {
    return std::nullopt;
  }
  if (s.size() > 10 && s[10] != 'T' && s[10] != 't' && s[10] != ' ') return std::nullopt;
  if (!date.IsValid()) return std::nullopt;
  return date;
}

std::optional<CivilDate> CivilDate::ParsePartial(std::string_view s) {
  CivilDate date{0, 1, 1};
  if (!ParseDigits(s, 0, 4, &date.y)) return std::nullopt;
  if (s.size() >= 7 && s[4] == '-') {
    if (!ParseDigits(s, 5, 2, &date.m)) return std::nullopt;
    if (s.size() >= 10 && s[7] == '-' && !ParseDigits(s, 8, 2, &date.d)) return std::nullopt;
  }
  if (!date.IsValid()) return std::nullopt;  // also a month outside 1..12
  return date;
}

std::string_view KindName(TimeKind kind) {
  switch (kind) {
    case TimeKind::kDate: return "DATE";
    case TimeKind::kTime: return "TIME";
    case TimeKind::kDuration: return "DURATION";
    case TimeKind::kSet: return "SET";
  }
  return "DATE";
}

std::string_view PrecisionName(Precision precision) {
  switch (precision) {
    case Precision::kDay: return "day";
    case Precision::kWeek: return "week";
    case Precision::kMonth: return "month";
    case Precision::kYear: return "year";
    case Precision::kMinute: return "minute";
    case Precision::kNone: return "none";
  }
  return "none";
}

namespace {

// ---------------------------------------------------------------------------------------
// Pack roles: one per [section] of time.txt.

enum Role : uint32_t {
  kRelative = 1u << 0,      // hier = -1d
  kSet = 1u << 1,           // chaque jour = P1D
  kSetLead = 1u << 2,       // chaque + weekday
  kNumber = 1u << 3,        // deux = 2
  kUnit = 1u << 4,          // jours = d
  kAgoBefore = 1u << 5,     // il y a + count unit
  kAgoAfter = 1u << 6,      // count unit + ago
  kAheadBefore = 1u << 7,   // dans + count unit
  kAheadAfter = 1u << 8,    // count unit + from now
  kDurationLead = 1u << 9,  // pendant
  kLastAfter = 1u << 10,    // weekday/month + dernier
  kNextAfter = 1u << 11,    // weekday/month + prochain
  kLastBefore = 1u << 12,   // last + weekday/month
  kNextBefore = 1u << 13,   // next + weekday/month
  kThisBefore = 1u << 14,   // ce + weekday
  kDaypart = 1u << 15,      // weekday/yesterday + soir
  kMonthLead = 1u << 16,    // en + month
  kYearLead = 1u << 17,     // en + year
  kDayLead = 1u << 18,      // le + day
  kDayOf = 1u << 19,        // day + of + month
  kOrdinal = 1u << 20,      // 1er, 18th
  kRange = 1u << 21,        // du 12 au 14
  kTimeLead = 1u << 22,     // à 16 heures
  kHourWord = 1u << 23,     // heures
  kClock = 1u << 24,        // midi = 12:00
  kNotTime = 1u << 25,      // Black Friday
  kSetting = 1u << 26,      // [settings]
  kNightOf = 1u << 27,      // nuit de + weekday + à + next weekday
  kNightTo = 1u << 28,      // nuit de jeudi + à + vendredi
};

struct Section {
  std::string_view name;
  uint32_t role;
};

constexpr Section kSections[] = {
    {"relative", kRelative},        {"set", kSet},
    {"set-lead", kSetLead},         {"number", kNumber},
    {"unit", kUnit},                {"ago-before", kAgoBefore},
    {"ago-after", kAgoAfter},       {"ahead-before", kAheadBefore},
    {"ahead-after", kAheadAfter},   {"duration-lead", kDurationLead},
    {"last-after", kLastAfter},     {"next-after", kNextAfter},
    {"last-before", kLastBefore},   {"next-before", kNextBefore},
    {"this-before", kThisBefore},   {"daypart", kDaypart},
    {"month-lead", kMonthLead},     {"year-lead", kYearLead},
    {"day-lead", kDayLead},         {"day-of", kDayOf},
    {"ordinal", kOrdinal},          {"range", kRange},
    {"time-lead", kTimeLead},       {"hour-word", kHourWord},
    {"clock", kClock},              {"not-time", kNotTime},
    {"settings", kSetting},         {"night-of", kNightOf},
    {"night-to", kNightTo},
};

// ---------------------------------------------------------------------------------------
// The time stage's own token stream. It differs from text::Tokenize on purpose: digits and
// letters are split ("16h25" -> 16 h 25, "1er" -> 1 er) and so are hyphens and dots
// ("mi-janvier", "févr."), because clock and date notation lives inside those words.

enum class TokType : uint8_t { kWord, kNumber, kPunct };

struct Tok {
  uint32_t b = 0, e = 0;  // bytes in the sentence
  uint32_t key = 0;       // folded key in Workspace::keys
  uint32_t key_len = 0;
  TokType type = TokType::kWord;
  bool cap = false;       // first letter upper case
  bool all_caps = false;  // every letter upper case (two or more)
  bool glued = false;     // no space before it
  uint8_t digits = 0;
  int32_t num = -1;       // value of a number of at most 9 digits
  const TimeWords::WordInfo* info = nullptr;
};

struct Workspace {
  std::vector<Tok> toks;
  std::string keys;
};

bool IsAsciiDigit(char32_t cp) { return cp >= '0' && cp <= '9'; }

bool IsDash(char32_t cp) {
  return cp == '-' || cp == U'\u2010' || cp == U'\u2011' || cp == U'\u2012' ||
         cp == U'\u2013' || cp == U'\u2014' || cp == U'\u2212';
}

void Tokenize(std::string_view s, std::vector<Tok>& toks, std::string& keys) {
  toks.clear();
  keys.clear();
  size_t i = 0;
  size_t prev_end = static_cast<size_t>(-1);
  while (i < s.size()) {
    size_t start = i;
    char32_t cp = text::NextCodePoint(s, i);
    if (text::IsSpace(cp)) continue;
    Tok t;
    t.b = static_cast<uint32_t>(start);
    t.glued = prev_end == start;
    t.key = static_cast<uint32_t>(keys.size());
    if (IsAsciiDigit(cp)) {
      t.type = TokType::kNumber;
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
      t.digits = static_cast<uint8_t>(std::min<size_t>(i - start, 255));
      if (i - start <= 9) {
        int32_t v = 0;
        for (size_t k = start; k < i; ++k) v = v * 10 + (s[k] - '0');
        t.num = v;
      }
      keys.append(s.substr(start, i - start));
    } else if (text::IsLetter(cp)) {
      t.type = TokType::kWord;
      t.cap = text::IsUpper(cp);
      int letters = 1, upper = t.cap ? 1 : 0;
      while (i < s.size()) {
        size_t j = i;
        char32_t next = text::NextCodePoint(s, j);
        if (!text::IsLetter(next)) break;
        ++letters;
        if (text::IsUpper(next)) ++upper;
        i = j;
      }
      t.all_caps = letters >= 2 && upper == letters;
      text::FoldAppend(s.substr(start, i - start), keys);
    } else {
      t.type = TokType::kPunct;
      if (IsDash(cp)) {
        keys.push_back('-');
      } else {
        text::FoldAppend(s.substr(start, i - start), keys);
      }
    }
    t.e = static_cast<uint32_t>(i);
    t.key_len = static_cast<uint32_t>(keys.size() - t.key);
    prev_end = i;
    toks.push_back(t);
  }
}

using text::Trim;

bool ParseInt(std::string_view s, int* out) {
  if (s.empty() || s.size() > 9) return false;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *out = v;
  return true;
}

// "d" "w" "m" "y" "h" "min" -> d w m y h n.
char ParseUnit(std::string_view s) {
  if (s == "d" || s == "w" || s == "m" || s == "y" || s == "h") return s[0];
  if (s == "min") return 'n';
  return 0;
}

std::string StrCat3(std::string_view a, std::string_view b, std::string_view c) {
  std::string out;
  out.reserve(a.size() + b.size() + c.size());
  out.append(a).append(b).append(c);
  return out;
}

}  // namespace

// ---------------------------------------------------------------------------------------
// TimeWords

const TimeWords::WordInfo* TimeWords::Find(std::string_view folded) const {
  auto it = words_.find(folded);
  return it == words_.end() ? nullptr : &it->second;
}

int TimeWords::MonthOf(std::string_view word) const {
  std::string key;
  text::FoldAppend(word, key);
  if (!key.empty() && key.back() == '.') key.pop_back();
  const WordInfo* info = Find(key);
  return info ? info->month : 0;
}

int TimeWords::WeekdayOf(std::string_view word) const {
  std::string key;
  text::FoldAppend(word, key);
  if (!key.empty() && key.back() == '.') key.pop_back();
  const WordInfo* info = Find(key);
  return info ? info->weekday : 0;
}

Status TimeWords::AddIcuNames() {
  if (!words_.empty()) return AddIcuNamesUncached();  // only a fresh table matches the cache
  struct Entry {
    std::once_flag once;
    Status status;
    decltype(words_) words;
    bool month_first = false;
  };
  static std::mutex mu;
  static std::unordered_map<std::string, std::unique_ptr<Entry>> cache;
  Entry* entry;
  {
    std::lock_guard<std::mutex> lock(mu);
    auto& slot = cache[lang_];
    if (!slot) slot = std::make_unique<Entry>();
    entry = slot.get();
  }
  std::call_once(entry->once, [&] {
    TimeWords fresh;
    fresh.lang_ = lang_;
    entry->status = fresh.AddIcuNamesUncached();
    entry->words = std::move(fresh.words_);
    entry->month_first = fresh.month_first_;
  });
  words_ = entry->words;
  month_first_ = entry->month_first;
  return entry->status;
}

Status TimeWords::AddIcuNamesUncached() {
  // Every regional variant of the language: en-GB gives "Sept", fr-CA "juill.".
  std::vector<icu::Locale> locales{icu::Locale(lang_.c_str())};
  int32_t count = 0;
  const icu::Locale* available = icu::Locale::getAvailableLocales(count);
  for (int32_t i = 0; i < count; ++i) {
    if (lang_ == available[i].getLanguage() && available[i].getCountry()[0] != '\0') {
      locales.push_back(available[i]);
    }
  }
  // Abbreviations and their truncations that two months share ("jui": juin in fr-MA,
  // and juillet cut short) name neither.
  std::unordered_map<std::string, int> abbreviation_month;
  auto add_abbreviation = [&](const std::string& form, int month) {
    auto [it, inserted] = abbreviation_month.emplace(form, month);
    if (!inserted && it->second != month) it->second = 0;
  };
  for (const icu::Locale& locale : locales) {
    UErrorCode status = U_ZERO_ERROR;
    icu::DateFormatSymbols symbols(locale, status);
    if (U_FAILURE(status)) continue;
    for (auto context : {icu::DateFormatSymbols::FORMAT, icu::DateFormatSymbols::STANDALONE}) {
      for (auto width : {icu::DateFormatSymbols::WIDE, icu::DateFormatSymbols::ABBREVIATED}) {
        const bool wide = width == icu::DateFormatSymbols::WIDE;
        int32_t n = 0;
        const icu::UnicodeString* months = symbols.getMonths(n, context, width);
        for (int32_t k = 0; k < n && k < 12; ++k) {
          std::string utf8, folded;
          months[k].toUTF8String(utf8);
          text::FoldAppend(utf8, folded);
          if (!folded.empty() && folded.back() == '.') folded.pop_back();
          if (folded.empty()) continue;
          if (wide) {
            WordInfo& info = Slot(folded);
            info.month = static_cast<uint8_t>(k + 1);
            info.month_wide = true;
            continue;
          }
          // Wire copy truncates further than CLDR ("fév", "Sep"): derive, down to 3 letters.
          for (size_t len = folded.size(); len >= 3; --len) {
            add_abbreviation(folded.substr(0, len), k + 1);
          }
        }
        const icu::UnicodeString* days = symbols.getWeekdays(n, context, width);
        for (int32_t k = 1; k < n && k <= 7; ++k) {  // ICU: 1 is Sunday
          std::string utf8, folded;
          days[k].toUTF8String(utf8);
          text::FoldAppend(utf8, folded);
          if (!folded.empty() && folded.back() == '.') folded.pop_back();
          if (folded.size() < 2) continue;
          WordInfo& info = Slot(folded);
          info.weekday = static_cast<uint8_t>(k == 1 ? 7 : k - 1);
          info.weekday_wide = info.weekday_wide || wide;
        }
      }
    }
  }
  for (const auto& [form, month] : abbreviation_month) {
    if (month == 0) continue;
    const WordInfo* existing = Find(form);
    if (existing != nullptr && existing->month_wide) continue;
    Slot(form).month = static_cast<uint8_t>(month);
  }
  if (words_.empty()) return Status::Error("time: ICU has no month names for '" + lang_ + "'");

  // Numeric date order from the locale's short date pattern ("M/d/yy" vs "dd/MM/y").
  std::unique_ptr<icu::DateFormat> format(
      icu::DateFormat::createDateInstance(icu::DateFormat::kShort, icu::Locale(lang_.c_str())));
  if (auto* simple = dynamic_cast<icu::SimpleDateFormat*>(format.get())) {
    icu::UnicodeString pattern;
    simple->toPattern(pattern);
    int32_t month_at = pattern.indexOf(u'M'), day_at = pattern.indexOf(u'd');
    month_first_ = month_at >= 0 && day_at >= 0 && month_at < day_at;
  }
  return Status::Ok();
}

Status TimeWords::ParsePack(std::string_view pack_text) {
  uint32_t role = 0;
  int line_no = 0;
  std::vector<Tok> toks;
  std::string keys;
  auto error = [&](std::string_view what) {
    return Status::Error(StrCat3("time.txt:", std::to_string(line_no), ": ") +
                         std::string(what));
  };
  while (!pack_text.empty()) {
    size_t nl = pack_text.find('\n');
    std::string_view line = pack_text.substr(0, nl);
    pack_text = nl == std::string_view::npos ? std::string_view() : pack_text.substr(nl + 1);
    ++line_no;
    line = Trim(line);
    if (line.empty() || line[0] == '#') continue;
    if (line.front() == '[') {
      if (line.back() != ']') return error("unterminated section header");
      std::string_view name = line.substr(1, line.size() - 2);
      role = 0;
      for (const Section& s : kSections) {
        if (s.name == name) role = s.role;
      }
      if (role == 0) return error(StrCat3("unknown section [", name, "]"));
      continue;
    }
    if (role == 0) return error("entry before any [section]");
    size_t eq = line.find('=');
    std::string_view phrase = Trim(line.substr(0, eq));
    std::string_view value = eq == std::string_view::npos ? "" : Trim(line.substr(eq + 1));
    if (phrase.empty()) return error("empty phrase");

    if (role == kSetting) {
      if (phrase == "numeric dates") {
        if (value == "day-first") {
          month_first_ = false;
        } else if (value == "month-first") {
          month_first_ = true;
        } else {
          return error("numeric dates = day-first | month-first");
        }
      } else if (phrase == "lowercase months") {
        if (value != "yes" && value != "no") return error("lowercase months = yes | no");
        lowercase_months_ = value == "yes";
      } else {
        return error(StrCat3("unknown setting '", phrase, "'"));
      }
      continue;
    }

    Phrase p;
    p.role = role;
    switch (role) {
      case kRelative: {
        // [+-]N unit
        std::string_view v = value;
        int sign = 1;
        if (!v.empty() && (v[0] == '+' || v[0] == '-')) {
          sign = v[0] == '-' ? -1 : 1;
          v.remove_prefix(1);
        }
        size_t digits = 0;
        while (digits < v.size() && v[digits] >= '0' && v[digits] <= '9') ++digits;
        int n = 0;
        char unit = ParseUnit(v.substr(digits));
        if (!ParseInt(v.substr(0, digits), &n) || unit == 0 || unit == 'h' || unit == 'n') {
          return error("relative value must look like -1d, +2w, 0m or -1y");
        }
        p.value = sign * n;
        p.unit = unit;
        break;
      }
      case kSet:
        if (value.empty() || (value[0] != 'P' && value[0] != 'X')) {
          return error("set value must be an ISO duration (P1D) or a TIMEX pattern");
        }
        p.text = std::string(value);
        break;
      case kNumber:
        if (!ParseInt(value, &p.value) || p.value <= 0) return error("number = positive integer");
        break;
      case kUnit:
        p.unit = ParseUnit(value);
        if (p.unit == 0) return error("unit = d | w | m | y | h | min");
        break;
      case kClock: {
        int h = 0, m = 0;
        if (value.size() != 5 || value[2] != ':' || !ParseInt(value.substr(0, 2), &h) ||
            !ParseInt(value.substr(3, 2), &m) || h > 23 || m > 59) {
          return error("clock value must be HH:MM");
        }
        p.value = h * 60 + m;
        break;
      }
      default:
        if (!value.empty()) return error("this section takes no value");
        break;
    }
    Tokenize(phrase, toks, keys);
    for (const Tok& t : toks) p.words.emplace_back(keys.substr(t.key, t.key_len));
    if (p.words.empty()) return error("phrase has no words");
    uint32_t index = static_cast<uint32_t>(phrases_.size());
    phrases_.push_back(std::move(p));
    Slot(phrases_.back().words[0]).phrases.push_back(index);
  }
  // Longest first, so the first phrase that matches is the longest.
  for (auto& [key, info] : words_) {
    std::stable_sort(info.phrases.begin(), info.phrases.end(), [&](uint32_t a, uint32_t b) {
      return phrases_[a].words.size() > phrases_[b].words.size();
    });
  }
  return Status::Ok();
}

StatusOr<TimeWords> TimeWords::Build(std::string_view lang, std::string_view pack_text) {
  TimeWords words;
  words.lang_ = std::string(lang);
  if (words.lang_.empty()) return Status::Error("time: empty language");
  Status status = words.AddIcuNames();
  if (!status.ok()) return status;
  status = words.ParsePack(pack_text);
  if (!status.ok()) return status;
  return words;
}

// ---------------------------------------------------------------------------------------
// Resolution against the publication date.

namespace {

struct Choice {
  CivilDate value;
  CivilDate future;
};

CivilDate Monday(const CivilDate& d) { return d.AddDays(-(d.Weekday() - 1)); }

// mod: 0 plain, -1 strictly before ("dernier"), +1 strictly after ("prochain").
Choice ResolveWeekday(int wd, int mod, const CivilDate& pub) {
  int back = (pub.Weekday() - wd + 7) % 7;
  int ahead = (wd - pub.Weekday() + 7) % 7;
  if (mod < 0) {
    CivilDate d = pub.AddDays(-(back == 0 ? 7 : back));
    return {d, d};
  }
  if (mod > 0) {
    CivilDate d = pub.AddDays(ahead == 0 ? 7 : ahead);
    return {d, d};
  }
  return {pub.AddDays(-back), pub.AddDays(ahead)};
}

// A day and month whose year the text leaves out; `wd` (0 if none) prefers years in which
// the date falls on that weekday. Plain (mod 0): the publication year, or the year before
// when that would be more than 183 days ahead (or when the day does not exist then, for
// 29 February); value_future is the first occurrence on or after the publication.
std::optional<Choice> ResolveDayMonth(int d, int m, int wd, int mod, const CivilDate& pub) {
  const int64_t p = pub.ToDays();
  std::vector<CivilDate> candidates;  // ascending
  for (int y = pub.y - 8; y <= pub.y + 8; ++y) {
    CivilDate c{y, m, d};
    if (c.IsValid()) candidates.push_back(c);
  }
  if (wd != 0) {
    std::vector<CivilDate> agreeing;
    for (const CivilDate& c : candidates) {
      if (c.y >= pub.y - 1 && c.y <= pub.y + 1 && c.Weekday() == wd) agreeing.push_back(c);
    }
    if (!agreeing.empty()) candidates.swap(agreeing);
  }
  if (candidates.empty()) return std::nullopt;
  std::optional<CivilDate> before, after, value;
  for (const CivilDate& c : candidates) {
    int64_t cd = c.ToDays();
    if (cd < p) before = c;                   // the latest strictly before
    if (cd > p && !after) after = c;          // the earliest strictly after
  }
  std::optional<CivilDate> on_or_after;
  for (const CivilDate& c : candidates) {
    if (c.ToDays() >= p) {
      on_or_after = c;
      break;
    }
  }
  if (mod < 0) value = before;
  if (mod > 0) value = after;
  if (mod != 0) {
    if (!value) return std::nullopt;
    return Choice{*value, *value};
  }
  for (const CivilDate& c : candidates) {
    if (c.y <= pub.y && c.ToDays() <= p + 183) value = c;  // the latest such
  }
  if (!value) value = candidates.front();
  return Choice{*value, on_or_after ? *on_or_after : *value};
}

// A day of the month alone ("le 18"): this month or an earlier one for the value.
std::optional<Choice> ResolveDayOnly(int d, const CivilDate& pub) {
  const CivilDate first{pub.y, pub.m, 1};
  std::optional<CivilDate> value, future;
  for (int k = 0; k <= 13 && !value; ++k) {
    CivilDate c = first.AddMonths(-k);
    c.d = d;
    if (c.IsValid() && c <= pub) value = c;
  }
  for (int k = 0; k <= 13 && !future; ++k) {
    CivilDate c = first.AddMonths(k);
    c.d = d;
    if (c.IsValid() && c >= pub) future = c;
  }
  if (!value && !future) return std::nullopt;
  if (!value) value = future;
  if (!future) future = value;
  return Choice{*value, *future};
}

Choice ResolveMonth(int m, int mod, const CivilDate& pub) {
  auto at = [&](int y) { return CivilDate{y, m, 1}; };
  if (mod < 0) {
    CivilDate c = at(m < pub.m ? pub.y : pub.y - 1);
    return {c, c};
  }
  if (mod > 0) {
    CivilDate c = at(m > pub.m ? pub.y : pub.y + 1);
    return {c, c};
  }
  return {at(m <= pub.m ? pub.y : pub.y - 1), at(m >= pub.m ? pub.y : pub.y + 1)};
}

std::string YearString(int y) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d", y);
  return buf;
}

// Value of a date `n` units away from the publication: d, w (its Monday), m, y; clock
// units (h, n) stay on the day they land on.
std::pair<std::string, Precision> Shift(const CivilDate& pub, int n, char unit) {
  switch (unit) {
    case 'w': return {Monday(pub.AddDays(7 * static_cast<int64_t>(n))).Format(), Precision::kWeek};
    case 'm': return {pub.AddMonths(n).FormatMonth(), Precision::kMonth};
    case 'y': return {YearString(pub.y + n), Precision::kYear};
    case 'h': {
      int64_t days = n >= 0 ? n / 24 : -((-n + 23) / 24);
      return {pub.AddDays(days).Format(), Precision::kDay};
    }
    case 'n': return {pub.Format(), Precision::kDay};
    default: return {pub.AddDays(n).Format(), Precision::kDay};
  }
}

std::string Duration(int n, char unit) {
  char buf[32];
  switch (unit) {
    case 'h': std::snprintf(buf, sizeof buf, "PT%dH", n); break;
    case 'n': std::snprintf(buf, sizeof buf, "PT%dM", n); break;
    case 'w': std::snprintf(buf, sizeof buf, "P%dW", n); break;
    case 'm': std::snprintf(buf, sizeof buf, "P%dM", n); break;
    case 'y': std::snprintf(buf, sizeof buf, "P%dY", n); break;
    default: std::snprintf(buf, sizeof buf, "P%dD", n); break;
  }
  return buf;
}

// Time zone designators of wire stamps, in minutes east of UTC. Notation rather than
// vocabulary, so it lives here and not in the packs; ambiguous ones (IST, ET alone in
// summer) are left out on purpose.
struct Zone {
  std::string_view name;
  int minutes;
};
constexpr Zone kZones[] = {
    {"gmt", 0},     {"utc", 0},     {"ut", 0},      {"tu", 0},       {"z", 0},
    {"bst", 60},    {"cet", 60},    {"hec", 60},    {"cest", 120},   {"haec", 120},
    {"eet", 120},   {"eest", 180},  {"msk", 180},   {"est", -300},   {"edt", -240},
    {"cst", -360},  {"cdt", -300},  {"mst", -420},  {"mdt", -360},   {"pst", -480},
    {"pdt", -420},  {"jst", 540},   {"kst", 540},   {"aest", 600},   {"aedt", 660},
};

std::string FormatOffset(int minutes) {
  char buf[16];
  int a = minutes < 0 ? -minutes : minutes;
  std::snprintf(buf, sizeof buf, "%c%02d:%02d", minutes < 0 ? '-' : '+', a / 60, a % 60);
  return buf;
}

// ---------------------------------------------------------------------------------------
// The matcher: tries the rules at each token, in a fixed order, left to right.

class Matcher {
 public:
  Matcher(const Workspace& ws, const TimeWords& words, const CivilDate& pub,
          std::vector<TimeExpr>& out)
      : t_(ws.toks), keys_(ws.keys), w_(words), pub_(pub), out_(out),
        n_(ws.toks.size()) {}

  void Run() {
    size_t i = 0;
    while (i < n_) {
      // Every rule starts at a number, a known word or the T of an ISO stamp.
      if (t_[i].type != TokType::kNumber && t_[i].info == nullptr && Key(i) != "t") {
        ++i;
        continue;
      }
      if (Skip(i) || NumericDate(i) || DayMonth(i) || MonthYear(i) || SetExpr(i) ||
          Relative(i) || Ago(i) || MonthModifier(i) || WeekdayExpr(i) || MonthWithLead(i) ||
          YearWithLead(i) || Clock(i) || DurationExpr(i) || DayOnly(i)) {
        i = next_ > i ? next_ : i + 1;
      } else {
        ++i;
      }
    }
  }

 private:
  using WordInfo = TimeWords::WordInfo;
  using Phrase = TimeWords::Phrase;

  std::string_view Key(size_t i) const {
    return std::string_view(keys_).substr(t_[i].key, t_[i].key_len);
  }
  bool Punct(size_t i, char c) const {
    return i < n_ && t_[i].type == TokType::kPunct && t_[i].key_len == 1 && keys_[t_[i].key] == c;
  }
  bool GluedPunct(size_t i, char c) const { return Punct(i, c) && t_[i].glued; }
  bool Number(size_t i) const { return i < n_ && t_[i].type == TokType::kNumber; }
  bool Word(size_t i) const { return i < n_ && t_[i].type == TokType::kWord; }
  const WordInfo* Info(size_t i) const { return i < n_ ? t_[i].info : nullptr; }

  // End of the longest pack phrase with one of `roles` starting at token i, or 0.
  size_t Match(size_t i, uint32_t roles, const Phrase** found = nullptr) const {
    const WordInfo* info = Info(i);
    if (info == nullptr) return 0;
    for (uint32_t index : info->phrases) {
      const Phrase& p = w_.phrases()[index];
      if ((p.role & roles) == 0 || i + p.words.size() > n_) continue;
      bool ok = true;
      for (size_t k = 1; k < p.words.size() && ok; ++k) ok = Key(i + k) == p.words[k];
      if (!ok) continue;
      if (found != nullptr) *found = &p;
      return i + p.words.size();
    }
    return 0;
  }

  bool SentenceInitial(size_t i) const {
    return i == 0 || (t_[i - 1].type == TokType::kPunct && !Punct(i - 1, ',') &&
                      !Punct(i - 1, '\''));
  }
  // A capitalised month inside a French sentence is a name ("Mars", "la mission Mars 2020").
  bool CaseAllowsMonth(size_t i) const {
    return !w_.lowercase_months() || !t_[i].cap || t_[i].all_caps || SentenceInitial(i);
  }
  int MonthAt(size_t i, bool wide_only, bool check_case) const {
    const WordInfo* info = Word(i) ? Info(i) : nullptr;
    if (info == nullptr || info->month == 0 || (wide_only && !info->month_wide)) return 0;
    if (check_case && !CaseAllowsMonth(i)) return 0;
    return info->month;
  }
  // After an abbreviated month or weekday, its dot.
  size_t SkipAbbrevDot(size_t i, bool wide) const {
    return !wide && GluedPunct(i, '.') ? i + 1 : i;
  }
  int WeekdayAt(size_t i, bool wide_only, bool allow_plural = false) const {
    if (!Word(i)) return 0;
    const WordInfo* info = Info(i);
    if ((info == nullptr || info->weekday == 0) && allow_plural) {
      std::string_view k = Key(i);
      if (k.size() > 3 && k.back() == 's') info = w_.Find(k.substr(0, k.size() - 1));
    }
    if (info == nullptr || info->weekday == 0 || (wide_only && !info->weekday_wide)) return 0;
    return info->weekday;
  }

  // A day of the month: 1-2 digits, 1..31, standing alone (not "12h", "12,5", "A12").
  bool DayAt(size_t i, int* day) const {
    if (!Number(i) || t_[i].digits > 2 || t_[i].num < 1 || t_[i].num > 31) return false;
    if (t_[i].glued && i > 0 && t_[i - 1].type != TokType::kPunct) return false;
    size_t k = i + 1;
    if (k < n_ && t_[k].glued) {
      if (t_[k].type == TokType::kNumber) return false;
      if (t_[k].type == TokType::kWord && !Match(k, kOrdinal)) return false;
      if (Punct(k, ':') || Punct(k, '%') || Punct(k, '/')) return false;
      // "12,5", "27.02", and "27-02-2025" (but "12-14 février" is a range).
      const bool number_follows = Number(k + 1) && t_[k + 1].glued;
      if ((Punct(k, ',') || Punct(k, '.')) && number_follows) return false;
      if (Punct(k, '-') && number_follows && k + 2 < n_ && t_[k + 2].glued &&
          (Punct(k + 2, '-') || Punct(k + 2, '/'))) {
        return false;
      }
    }
    *day = t_[i].num;
    return true;
  }
  size_t SkipOrdinal(size_t i) const {
    if (i < n_ && t_[i].glued && Word(i)) {
      if (size_t e = Match(i, kOrdinal)) return e;
    }
    return i;
  }
  // A four-digit year 1000..2999 standing alone.
  bool YearAt(size_t i, int* year) const {
    if (!Number(i) || t_[i].digits != 4 || t_[i].num < 1000 || t_[i].num > 2999) return false;
    if (t_[i].glued && i > 0 && t_[i - 1].type != TokType::kPunct) return false;
    size_t k = i + 1;
    if (k < n_ && t_[k].glued && (t_[k].type != TokType::kPunct || Punct(k, '%'))) return false;
    if (Number(k) && t_[k].digits == 3) return false;  // "2 000" style thousands
    *year = t_[i].num;
    return true;
  }
  // A count: digits or a number word. `article` marks "un", "a", "one": a count only
  // after a lead ("pendant un an"), else an idiom ("un jour", "one day").
  bool CountAt(size_t i, int* count, size_t* end, bool* article) const {
    if (Number(i)) {
      if (t_[i].digits > 6 || t_[i].num <= 0) return false;
      if (t_[i].glued && i > 0 && t_[i - 1].type == TokType::kWord) return false;
      *count = t_[i].num;
      *end = i + 1;
      *article = false;
      return true;
    }
    const Phrase* p = nullptr;
    if (size_t e = Match(i, kNumber, &p)) {
      *count = p->value;
      *end = e;
      *article = p->value == 1;
      return true;
    }
    return false;
  }
  size_t UnitAt(size_t i, char* unit) const {
    const Phrase* p = nullptr;
    size_t e = Match(i, kUnit, &p);
    if (e) *unit = p->unit;
    return e;
  }
  // "dernier" / "prochain" after, or "last" / "next" before; returns the end or 0.
  size_t ModifierAfter(size_t i, int* mod) const {
    const Phrase* p = nullptr;
    size_t e = Match(i, kLastAfter | kNextAfter, &p);
    if (e) *mod = p->role == kLastAfter ? -1 : 1;
    return e;
  }

  void Emit(size_t tb, size_t te, TimeKind kind, Precision precision, std::string value,
            std::string future, bool partial) {
    TimeExpr x;
    x.begin = t_[tb].b;
    x.end = t_[te - 1].e;
    x.kind = kind;
    x.precision = precision;
    x.value = std::move(value);
    x.value_future = future.empty() ? x.value : std::move(future);
    x.weekday_or_partial = partial;
    if (kind == TimeKind::kDate && precision == Precision::kDay) {
      last_day_end_ = te;
      last_day_value_ = x.value;
      last_day_future_ = x.value_future;
      last_day_partial_ = partial;
    }
    out_.push_back(std::move(x));
    next_ = te;
  }
  void EmitDay(size_t tb, size_t te, const Choice& c, bool partial) {
    Emit(tb, te, TimeKind::kDate, Precision::kDay, c.value.Format(), c.future.Format(), partial);
  }

  // --- Rules -----------------------------------------------------------------------------

  // Phrases that look like dates and are not ("Black Friday", "Mardi gras").
  bool Skip(size_t i) {
    size_t e = Match(i, kNotTime);
    if (e) next_ = e;
    return e != 0;
  }

  // 27/02/2025, 27.02.2025, 02/27/2025 (month-first packs), 2025-02-27.
  bool NumericDate(size_t i) {
    if (!Number(i) || i + 4 >= n_) return false;
    if (t_[i].glued && i > 0 && (t_[i - 1].type != TokType::kPunct || Punct(i - 1, '/') ||
                                 Punct(i - 1, '.') || Punct(i - 1, '-'))) {
      return false;
    }
    if (t_[i + 1].type != TokType::kPunct || !t_[i + 1].glued) return false;
    char sep = keys_[t_[i + 1].key];
    if (t_[i + 1].key_len != 1 || (sep != '/' && sep != '.' && sep != '-')) return false;
    if (!Number(i + 2) || !t_[i + 2].glued || !GluedPunct(i + 3, sep) || !Number(i + 4) ||
        !t_[i + 4].glued) {
      return false;
    }
    if (i + 5 < n_ && t_[i + 5].glued &&
        (Number(i + 5) || (GluedPunct(i + 5, sep) && Number(i + 6)))) {
      return false;  // "1.2.3.4", a version or an address
    }
    const Tok &a = t_[i], &b = t_[i + 2], &c = t_[i + 4];
    CivilDate date;
    if (a.digits == 4 && sep != '.' && b.digits <= 2 && c.digits <= 2) {
      date = {a.num, b.num, c.num};
    } else if (a.digits <= 2 && b.digits <= 2 &&
               (c.digits == 4 || (c.digits == 2 && sep == '/'))) {
      int y = c.digits == 4 ? c.num : 2000 + c.num;
      int p = a.num, q = b.num;
      bool month_first = w_.month_first();
      if (p > 12 && q <= 12) month_first = false;
      if (q > 12 && p <= 12) month_first = true;
      date = month_first ? CivilDate{y, p, q} : CivilDate{y, q, p};
    } else {
      return false;
    }
    if (!date.IsValid()) return false;
    EmitDay(i, i + 5, {date, date}, false);
    return true;
  }

  // [weekday[,]] day[ordinal] [of] month [year] [dernier], its ranges ("du 12 au 14
  // février"), and the English order [weekday,] month day[, year].
  bool DayMonth(size_t i) {
    size_t j = i;
    int wd = 0;
    if (int w = WeekdayAt(i, false)) {
      wd = w;
      j = SkipAbbrevDot(i + 1, Info(i)->weekday_wide);
      if (Punct(j, ',')) ++j;
    }
    int d1 = 0, d2 = 0, m = 0, y = 0, mod = 0;
    size_t d1_end = 0, d2_at = 0, k = 0;
    if (DayAt(j, &d1)) {
      d1_end = SkipOrdinal(j + 1);
      k = d1_end;
      if (size_t of = Match(k, kDayOf)) k = of;
      m = MonthAt(k, false, false);
      if (m == 0) {
        size_t r = Match(d1_end, kRange);
        if (!r || !DayAt(r, &d2)) return false;
        d2_at = r;
        k = SkipOrdinal(r + 1);
        if (size_t of = Match(k, kDayOf)) k = of;
        m = MonthAt(k, false, false);
        if (m == 0) return false;
      }
      k = SkipAbbrevDot(k + 1, Info(k)->month_wide);
    } else if ((m = MonthAt(j, false, true)) != 0) {
      k = SkipAbbrevDot(j + 1, Info(j)->month_wide);
      if (!DayAt(k, &d1)) return false;
      d1_end = SkipOrdinal(k + 1);
      j = k;  // the first day starts here for a range's first half
      k = d1_end;
      if (size_t r = Match(k, kRange); r && DayAt(r, &d2)) {
        d2_at = r;
        k = SkipOrdinal(r + 1);
      }
      if (wd == 0 && d2 == 0) j = i;  // span from the month: "Feb. 12"
    } else {
      return false;
    }
    size_t yk = Punct(k, ',') ? k + 1 : k;
    if (YearAt(yk, &y)) {
      k = yk + 1;
    } else if (size_t e = ModifierAfter(k, &mod)) {
      k = e;
    }
    auto resolve = [&](int day, Choice* c, bool* partial) {
      if (y != 0) {
        CivilDate date{y, m, day};
        if (!date.IsValid()) return false;
        *c = {date, date};
        *partial = false;
        return true;
      }
      auto r = ResolveDayMonth(day, m, wd, mod, pub_);
      if (!r) return false;
      *c = *r;
      *partial = mod == 0;
      return true;
    };
    Choice c1, c2;
    bool p1 = false, p2 = false;
    if (!resolve(d1, &c1, &p1)) return false;
    if (d2 != 0) {
      if (!resolve(d2, &c2, &p2)) return false;
      size_t first_begin = wd != 0 ? i : j;
      if (MonthAt(i, false, false) != 0 && wd == 0) first_begin = i;  // "Feb. 12-14"
      EmitDay(first_begin, d1_end, c1, p1);
      EmitDay(d2_at, k, c2, p2);
      return true;
    }
    EmitDay(i, k, c1, p1);
    return true;
  }

  // "février 2024", "Feb. 2024": month precision.
  bool MonthYear(size_t i) {
    int m = MonthAt(i, false, true), y = 0;
    if (m == 0) return false;
    size_t k = SkipAbbrevDot(i + 1, Info(i)->month_wide);
    if (!YearAt(k, &y)) return false;
    CivilDate c{y, m, 1};
    Emit(i, k + 1, TimeKind::kDate, Precision::kMonth, c.FormatMonth(), "", false);
    return true;
  }

  // "chaque jour", "every week", "tous les lundis", "every Monday".
  bool SetExpr(size_t i) {
    const Phrase* p = nullptr;
    if (size_t e = Match(i, kSet, &p)) {
      Emit(i, e, TimeKind::kSet, Precision::kNone, p->text, "", false);
      return true;
    }
    size_t e = Match(i, kSetLead);
    if (!e) return false;
    int wd = WeekdayAt(e, true, true);
    if (wd == 0) return false;
    std::string value = "XXXX-WXX-";
    value.push_back(static_cast<char>('0' + wd));
    Emit(i, e + 1, TimeKind::kSet, Precision::kNone, std::move(value), "", false);
    return true;
  }

  // Pack phrases: "hier", "la semaine dernière", "earlier this month"; "hier soir".
  bool Relative(size_t i) {
    const Phrase* p = nullptr;
    size_t e = Match(i, kRelative, &p);
    if (!e) return false;
    if (p->unit == 'd') {
      if (size_t dp = Match(e, kDaypart)) e = dp;
    }
    auto [value, precision] = Shift(pub_, p->value, p->unit);
    Emit(i, e, TimeKind::kDate, precision, value, "", false);
    return true;
  }

  // "il y a deux jours", "dans trois semaines", "two days ago", "a week from now".
  bool Ago(size_t i) {
    const Phrase* p = nullptr;
    int count = 0, sign = 0;
    size_t end = 0;
    bool article = false;
    char unit = 0;
    if (size_t e = Match(i, kAgoBefore | kAheadBefore, &p)) {
      sign = p->role == kAgoBefore ? -1 : 1;
      if (!CountAt(e, &count, &end, &article)) return false;
      end = UnitAt(end, &unit);
      if (!end) return false;
    } else if (CountAt(i, &count, &end, &article)) {
      end = UnitAt(end, &unit);
      if (!end) return false;
      end = Match(end, kAgoAfter | kAheadAfter, &p);
      if (!end) return false;
      sign = p->role == kAgoAfter ? -1 : 1;
    } else {
      return false;
    }
    auto [value, precision] = Shift(pub_, sign * count, unit);
    Emit(i, end, TimeKind::kDate, precision, value, "", false);
    return true;
  }

  // "janvier dernier", "janvier prochain", "last January", "next March".
  bool MonthModifier(size_t i) {
    int mod = 0, m = 0;
    size_t end = 0;
    const Phrase* p = nullptr;
    if (size_t e = Match(i, kLastBefore | kNextBefore, &p)) {
      m = MonthAt(e, true, true);
      if (m == 0) return false;
      mod = p->role == kLastBefore ? -1 : 1;
      end = e + 1;
    } else if ((m = MonthAt(i, true, true)) != 0) {
      end = ModifierAfter(i + 1, &mod);
      if (!end) return false;
    } else {
      return false;
    }
    Choice c = ResolveMonth(m, mod, pub_);
    Emit(i, end, TimeKind::kDate, Precision::kMonth, c.value.FormatMonth(), "", false);
    return true;
  }

  // "jeudi", "ce lundi", "lundi soir", "mercredi dernier", "last Wednesday", "on Tuesday".
  bool WeekdayExpr(size_t i) {
    size_t j = i;
    int mod = 0;
    const Phrase* p = nullptr;
    if (size_t e = Match(i, kLastBefore | kNextBefore | kThisBefore, &p)) {
      j = e;
      mod = p->role == kLastBefore ? -1 : p->role == kNextBefore ? 1 : 0;
    }
    // "dans la nuit de jeudi à vendredi", "the night of Thursday to Friday": the night
    // ends on, and the wires date it by, the second day.
    if (size_t n0 = Match(i, kNightOf)) {
      int w1 = WeekdayAt(n0, true);
      size_t to = w1 ? Match(n0 + 1, kNightTo) : 0;
      if (to && WeekdayAt(to, true) == w1 % 7 + 1) {
        EmitDay(n0, to + 1, ResolveWeekday(w1 % 7 + 1, 0, pub_), true);
        return true;
      }
    }
    int wd = WeekdayAt(j, true);
    if (wd == 0) return false;
    size_t k = j + 1;
    if (size_t dp = Match(k, kDaypart)) k = dp;
    if (j == i) {
      if (size_t e = ModifierAfter(k, &mod)) k = e;
    }
    Choice c = ResolveWeekday(wd, mod, pub_);
    EmitDay(i, k, c, mod == 0);
    return true;
  }

  // "en janvier", "mi-février", "in January", "in January 2024".
  bool MonthWithLead(size_t i) {
    size_t j = Match(i, kMonthLead);
    if (!j) return false;
    if (GluedPunct(j, '-')) ++j;
    int m = MonthAt(j, true, true), y = 0, mod = 0, day = 0;
    if (m == 0) return false;
    size_t k = j + 1;
    if (DayAt(k, &day)) return false;  // "through March 31": a full date, DayMonth's
    if (YearAt(k, &y)) {
      CivilDate c{y, m, 1};
      Emit(j, k + 1, TimeKind::kDate, Precision::kMonth, c.FormatMonth(), "", false);
      return true;
    }
    if (size_t e = ModifierAfter(k, &mod)) k = e;
    Choice c = ResolveMonth(m, mod, pub_);
    Emit(j, k, TimeKind::kDate, Precision::kMonth, c.value.FormatMonth(),
         c.future.FormatMonth(), mod == 0);
    return true;
  }

  // "en 2022", "depuis 2022", "mi-2022", "in 2022", "entre 2020 et 2022".
  bool YearWithLead(size_t i) {
    size_t j = Match(i, kYearLead);
    if (!j) return false;
    if (GluedPunct(j, '-')) ++j;
    int y = 0, y2 = 0;
    if (!YearAt(j, &y)) return false;
    char unit = 0;
    if (UnitAt(j + 1, &unit)) return false;  // "en 2022 jours" is a count
    Emit(j, j + 1, TimeKind::kDate, Precision::kYear, YearString(y), "", false);
    if (size_t r = Match(j + 1, kRange); r && YearAt(r, &y2)) {
      Emit(r, r + 1, TimeKind::kDate, Precision::kYear, YearString(y2), "", false);
    }
    return true;
  }

  // am/pm after a time: "pm", "p.m.", "PM"; returns the end and sets *pm.
  size_t Meridiem(size_t i, bool* pm) const {
    if (!Word(i)) return 0;
    std::string_view k = Key(i);
    if (k == "am" || k == "pm") {
      *pm = k == "pm";
      return i + 1;
    }
    if ((k == "a" || k == "p") && GluedPunct(i + 1, '.') && Word(i + 2) && t_[i + 2].glued &&
        Key(i + 2) == "m") {
      *pm = k == "p";
      return GluedPunct(i + 3, '.') ? i + 4 : i + 3;
    }
    return 0;
  }
  // A zone after a time: "GMT", "GMT+1", "UTC-05:00", "Z", "+01:00".
  size_t ZoneAt(size_t i, int* minutes) const {
    size_t k = i;
    bool named = false;
    *minutes = 0;
    if (Word(i)) {
      std::string_view key = Key(i);
      for (const Zone& z : kZones) {
        if (z.name != key) continue;
        if (key == "z" && !t_[i].glued) return 0;
        if ((key == "tu" || key == "ut" || key == "est") && !t_[i].all_caps) return 0;
        *minutes = z.minutes;
        named = true;
      }
      if (!named) return 0;
      k = i + 1;
    }
    // A numeric offset, glued to the time or to the zone name.
    if (k < n_ && t_[k].glued && (Punct(k, '+') || Punct(k, '-')) && Number(k + 1) &&
        t_[k + 1].glued) {
      int sign = Punct(k, '-') ? -1 : 1;
      const Tok& h = t_[k + 1];
      int off = 0;
      size_t end = k + 2;
      if (h.digits == 4) {
        off = (h.num / 100) * 60 + h.num % 100;
      } else if (h.digits <= 2) {
        off = h.num * 60;
        if (GluedPunct(end, ':') && Number(end + 1) && t_[end + 1].digits == 2) {
          off += t_[end + 1].num;
          end += 2;
        }
      } else {
        return named ? k : 0;
      }
      if (off > 14 * 60) return named ? k : 0;
      *minutes += sign * off;
      return end;
    }
    return named ? k : 0;
  }

  // "16h25", "à 16 heures", "16:25 GMT", "4:25 p.m.", "à midi", ISO "T16:25:00Z".
  bool Clock(size_t i) {
    size_t j = i;
    bool lead = false;
    if (size_t e = Match(i, kTimeLead)) {
      j = e;
      lead = true;
    } else if (Word(i) && Key(i) == "t" && t_[i].glued && Number(i + 1) && t_[i + 1].glued) {
      j = i + 1;  // the T of an ISO stamp
    }
    int hour = -1, minute = 0;
    size_t k = 0;
    bool need_zone = false;
    const Phrase* p = nullptr;
    if (size_t e = Match(j, kClock, &p)) {
      hour = p->value / 60;
      minute = p->value % 60;
      k = e;
    } else if (Number(j) && t_[j].digits <= 2 && t_[j].num <= 24 &&
               !(t_[j].glued && j > 0 && (t_[j - 1].type == TokType::kNumber ||
                                          Punct(j - 1, ':') || Punct(j - 1, '.')))) {
      hour = t_[j].num;
      k = j + 1;
      bool pm = false;
      auto two_digit_minutes = [&](size_t at) {
        return Number(at) && t_[at].digits == 2 && t_[at].num <= 59;
      };
      if (GluedPunct(k, ':') && two_digit_minutes(k + 1) && t_[k + 1].glued) {
        minute = t_[k + 1].num;
        k += 2;
        if (GluedPunct(k, ':') && two_digit_minutes(k + 1) && t_[k + 1].glued) k += 2;
        if (GluedPunct(k, '.') && Number(k + 1) && t_[k + 1].glued) k += 2;  // fraction
      } else if (Word(k) && Key(k) == "h" && (t_[k].glued || lead || Number(k + 1))) {
        k += 1;
        if (two_digit_minutes(k)) {
          minute = t_[k].num;
          k += 1;
        } else if (!lead && !t_[k - 1].glued) {
          return false;  // "16 h" with neither "à" nor minutes
        }
      } else if (lead && Match(k, kHourWord)) {
        k = Match(k, kHourWord);
        if (two_digit_minutes(k)) {
          minute = t_[k].num;
          k += 1;
        }
      } else if (GluedPunct(k, '.') && two_digit_minutes(k + 1) && t_[k + 1].glued) {
        minute = t_[k + 1].num;
        k += 2;
        need_zone = true;  // "16.25" is a time only with its zone: "16.25 GMT"
      } else if (size_t e = Meridiem(k, &pm); e == 0) {
        return false;
      }
      if (size_t e = Meridiem(k, &pm)) {
        if (hour < 1 || hour > 12) return false;
        hour = pm ? (hour % 12) + 12 : hour % 12;
        k = e;
      }
      if (hour > 23 && !(hour == 24 && minute == 0)) return false;
    } else {
      return false;
    }
    int zone = 0;
    size_t zk = ZoneAt(k, &zone);
    if (need_zone && zk == 0) return false;
    std::string offset;
    if (zk != 0) {
      offset = FormatOffset(zone);
      k = zk;
    }
    if (hour == 24) hour = 0;
    char hm[24];
    std::snprintf(hm, sizeof hm, "T%02d:%02d", hour, minute);
    // The date: a day-precision date ending at most three tokens before, else the
    // publication date.
    std::string date = pub_.Format(), future = date;
    bool partial = true;
    if (last_day_end_ != 0 && last_day_end_ <= j && j - last_day_end_ <= 3) {
      date = last_day_value_;
      future = last_day_future_;
      partial = last_day_partial_;
    }
    size_t begin = lead ? j : i;
    Emit(begin, k, TimeKind::kTime, Precision::kMinute, StrCat3(date, hm, offset),
         StrCat3(future, hm, offset), partial);
    return true;
  }

  // "six heures", "pendant trois jours", "a three-day visit", "for a year".
  bool DurationExpr(size_t i) {
    size_t j = i;
    bool lead = false;
    if (size_t e = Match(i, kDurationLead)) {
      j = e;
      lead = true;
    }
    int count = 0;
    size_t end = 0;
    bool article = false;
    if (!CountAt(j, &count, &end, &article) || (article && !lead)) return false;
    if (GluedPunct(end, '-')) ++end;
    char unit = 0;
    size_t e = UnitAt(end, &unit);
    if (!e) return false;
    Emit(j, e, TimeKind::kDuration, Precision::kNone, Duration(count, unit), "", false);
    return true;
  }

  // "le 18", "du 18", "on the 18th", "du 12 au 18": a day of a month the text leaves out.
  bool DayOnly(size_t i) {
    const Phrase* lead = nullptr;
    size_t j = Match(i, kDayLead, &lead);
    int d1 = 0, d2 = 0;
    if (!j || !DayAt(j, &d1) || t_[j].glued) return false;
    size_t k = SkipOrdinal(j + 1);
    bool ordinal = k != j + 1;
    size_t d2_at = 0, end = k;
    if (size_t r = Match(k, kRange); r && DayAt(r, &d2)) {
      d2_at = r;
      end = SkipOrdinal(r + 1);
    }
    // What follows must not make the number something else: a month (DayMonth's case),
    // a count ("le 18 000"), a unit, a name ("le 18 Brumaire"), or, after an ordinal, a
    // noun ("the 18th century", "le 1er ministre") unless the lead is a full "on the".
    if (end < n_) {
      const Tok& next = t_[end];
      if (next.type == TokType::kNumber || MonthAt(end, false, false) || Match(end, kUnit) ||
          Match(end, kHourWord) || (next.type == TokType::kWord && next.cap) ||
          GluedPunct(end, '%')) {
        return false;
      }
      if (ordinal && next.type == TokType::kWord && lead->words.size() < 2) return false;
    }
    auto c1 = ResolveDayOnly(d1, pub_);
    if (!c1) return false;
    if (d2 != 0) {
      auto c2 = ResolveDayOnly(d2, pub_);
      if (!c2) return false;
      EmitDay(j, k, *c1, true);
      EmitDay(d2_at, end, *c2, true);
      return true;
    }
    EmitDay(j, k, *c1, true);
    return true;
  }

  const std::vector<Tok>& t_;
  const std::string& keys_;
  const TimeWords& w_;
  const CivilDate& pub_;
  std::vector<TimeExpr>& out_;
  const size_t n_;
  size_t next_ = 0;
  // The last day-precision date, for a time of day that follows it.
  size_t last_day_end_ = 0;
  std::string last_day_value_, last_day_future_;
  bool last_day_partial_ = false;
};

}  // namespace

std::vector<TimeExpr> FindTimes(std::string_view sentence, const TimeWords& words,
                                const CivilDate& published) {
  std::vector<TimeExpr> out;
  if (sentence.empty()) return out;
  thread_local Workspace ws;
  Tokenize(sentence, ws.toks, ws.keys);
  for (Tok& t : ws.toks) {
    if (t.type != TokType::kNumber) {
      t.info = words.Find(std::string_view(ws.keys).substr(t.key, t.key_len));
    }
  }
  Matcher(ws, words, published, out).Run();
  return out;
}

}  // namespace attache::timex
