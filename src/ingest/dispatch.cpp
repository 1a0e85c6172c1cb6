// Dispatch anatomy: a head-to-body scan (title, stamp, notes, byline, dateline) and a
// tail-to-body scan (credits, boilerplate). Dates and times inside stamps and datelines are
// read by the time stage with ICU month names only, so both share one date grammar.
#include "ingest/dispatch.h"

#include <algorithm>
#include <optional>

#include "text/fold.h"
#include "time/time.h"

namespace attache::ingest {
namespace {

constexpr size_t kNpos = std::string_view::npos;
constexpr size_t kMaxTitleBytes = 400;
constexpr size_t kMaxDatelineBytes = 200;
constexpr size_t kMaxParenBytes = 2000;  // a credits or note group longer than this is text

// ---------------------------------------------------------------------------------------
// Wire conventions. Forms are folded (lower case, no accents) unless `exact` is set, in
// which case they must appear as written: "AP" and "PA" are also ordinary words.

struct ProviderForm {
  std::string_view form;
  std::string_view canonical;
  bool exact;
};

constexpr ProviderForm kProviders[] = {
    {"thomson reuters", "Reuters", false},    {"reuters", "Reuters", false},
    {"agence france-presse", "AFP", false},   {"agence france presse", "AFP", false},
    {"AFP", "AFP", true},                     {"the associated press", "AP", false},
    {"associated press", "AP", false},        {"AP", "AP", true},
    {"bloomberg news", "Bloomberg", false},   {"bloomberg", "Bloomberg", false},
    {"deutsche presse-agentur", "dpa", false}, {"dpa", "dpa", false},
    {"ANSA", "ANSA", true},                   {"agencia efe", "EFE", false},
    {"EFE", "EFE", true},                     {"xinhua", "Xinhua", false},
    {"chine nouvelle", "Xinhua", false},      {"TASS", "TASS", true},
    {"ria novosti", "RIA Novosti", false},    {"interfax", "Interfax", false},
    {"kyodo", "Kyodo", false},                {"yonhap", "Yonhap", false},
    {"anadolu", "Anadolu", false},            {"UPI", "UPI", true},
    {"belga", "Belga", false},                {"keystone-ats", "ATS", false},
    {"ATS", "ATS", true},                     {"APA", "APA", true},
    {"europa press", "Europa Press", false},  {"PA Media", "PA Media", true},
    {"AAP", "AAP", true},                     {"IRNA", "IRNA", true},
    {"ukrinform", "Ukrinform", false},        {"PAP", "PAP", true},
    {"sputnik", "Sputnik", false},            {"jiji", "Jiji", false},
    {"WAFA", "WAFA", true},                   {"CNN", "CNN", true},
    {"BBC", "BBC", true},
};

// First words of an update note: "(Actualisé avec ...)", "(Updates with ...)".
constexpr std::string_view kNoteWords[] = {
    "actualise",   "actualisation", "mise a jour", "mis a jour",  "corrige",
    "correction",  "repete",        "nouvelle version", "ajoute", "ajout",
    "complete",    "reecrit",       "recadre",     "refonte",     "updates",
    "update",      "adds",          "recasts",     "corrects",    "correcting",
    "refiles",     "refiling",      "repeats",     "rewrites",    "writes through",
    "changes",     "fixes",         "removes",     "replaces",    "deletes",
    "inserts",     "clarifies",     "tops",        "new throughout", "amends",
};

// Title slugs: "UPDATE 2-Russia ...", "EXCLUSIVE-...". Matched as written (upper case).
constexpr std::string_view kSlugs[] = {
    "UPDATE", "EXCLUSIVE", "REFILE", "RPT", "CORRECTED", "CORRECTION", "WRAPUP", "ANALYSIS",
    "FACTBOX", "INSIGHT", "EXPLAINER", "TIMELINE", "PREVIEW", "FOCUS", "COLUMN",
    "BREAKINGVIEWS", "GRAPHIC", "POLL", "INTERVIEW", "SPECIAL REPORT", "FEATURE", "BRIEF",
    "ACTUALISATION", "EXCLUSIF", "ENTRETIEN", "ANALYSE", "REPORTAGE", "CHRONOLOGIE",
    "ECLAIRAGE", "ÉCLAIRAGE", "PORTRAIT", "URGENT", "LEAD", "FLASH",
};

// Words that introduce a time stamp.
constexpr std::string_view kStampMarkers[] = {
    "information fournie par", "publie le", "publie", "mis a jour le", "mis a jour",
    "mise a jour le", "mise a jour", "actualise le", "published on", "published",
    "last updated", "updated on", "updated", "posted on", "posted",
};

enum class Role : uint8_t { kReporter, kEditor, kTranslator, kWriter };

std::string_view RoleName(Role r) {
  switch (r) {
    case Role::kReporter: return "reporter";
    case Role::kEditor: return "editor";
    case Role::kTranslator: return "translator";
    case Role::kWriter: return "writer";
  }
  return "reporter";
}

struct CreditWord {
  std::string_view form;
  Role role;
  bool weak;  // also ordinary words: credits only when persons or providers follow
};

// Longest first where one is a prefix of another.
constexpr CreditWord kCreditWords[] = {
    {"additional reporting by", Role::kReporter, false},
    {"additional reporting", Role::kReporter, false},
    {"reporting by", Role::kReporter, false},
    {"reported by", Role::kReporter, false},
    {"reporting", Role::kReporter, false},
    {"reportage de", Role::kReporter, false},
    {"reportage", Role::kReporter, false},
    {"avec la contribution de", Role::kReporter, false},
    {"contribution de", Role::kReporter, false},
    {"writing by", Role::kWriter, false},
    {"written by", Role::kWriter, false},
    {"redige par", Role::kWriter, false},
    {"redaction", Role::kWriter, false},
    {"compiled by", Role::kWriter, false},
    {"compile par", Role::kWriter, false},
    {"ecrit par", Role::kWriter, false},
    {"editing by", Role::kEditor, false},
    {"edited by", Role::kEditor, false},
    {"editing", Role::kEditor, false},
    {"edite par", Role::kEditor, false},
    {"edition", Role::kEditor, false},
    {"relu par", Role::kEditor, false},
    {"version francaise", Role::kTranslator, false},
    {"version anglaise", Role::kTranslator, false},
    {"french version", Role::kTranslator, false},
    {"traduit par", Role::kTranslator, false},
    {"traduction", Role::kTranslator, false},
    {"translated by", Role::kTranslator, false},
    {"translation by", Role::kTranslator, false},
    {"avec", Role::kReporter, true},
    {"par", Role::kReporter, true},
    {"by", Role::kReporter, true},
};

// Name particles that may be lower case inside a person's name.
constexpr std::string_view kParticles[] = {"de", "du", "des", "da", "di", "del", "della",
                                           "van", "von", "der", "den", "le", "la", "bin",
                                           "ben", "al", "el", "y", "ibn", "dos", "do"};

// Words that make a credit a desk rather than a person.
constexpr std::string_view kNonPersonWords[] = {
    "bureau", "bureaux", "newsroom", "staff", "desk", "team", "equipe", "redaction",
    "service", "tv", "television", "correspondents", "correspondants", "agencies",
    "agences", "reporters", "journalists", "journalistes", "newsdesk", "wires", "pool",
};

// Prepositions between a credited name and its place: "X à Istanbul", "X in Kyiv".
constexpr std::string_view kPlacePreps[] = {" à ", " in ", " en ", " au ", " aux ",
                                            " depuis ", " from "};

// ---------------------------------------------------------------------------------------
// Text helpers.

bool IsWordCp(char32_t cp) { return text::IsLetter(cp) || text::IsDigit(cp); }

char32_t CpAt(std::string_view t, size_t pos) {
  size_t i = pos;
  return pos < t.size() ? text::NextCodePoint(t, i) : 0;
}

// Start of the code point before `pos`.
size_t PrevStart(std::string_view t, size_t pos) {
  if (pos == 0) return 0;
  size_t i = pos - 1;
  while (i > 0 && (static_cast<unsigned char>(t[i]) & 0xC0) == 0x80) --i;
  return i;
}

// Skips spaces without crossing a line end.
size_t SkipInline(std::string_view t, size_t pos, size_t limit) {
  while (pos < limit) {
    if (t[pos] == '\n') break;
    size_t j = pos;
    if (!text::IsSpace(text::NextCodePoint(t, j))) break;
    pos = j;
  }
  return pos;
}

size_t SkipSpace(std::string_view t, size_t pos, size_t limit) {
  while (pos < limit) {
    size_t j = pos;
    if (!text::IsSpace(text::NextCodePoint(t, j))) break;
    pos = j;
  }
  return pos;
}

// Moves `end` back over spaces (and line ends), not below `begin`.
size_t TrimBack(std::string_view t, size_t begin, size_t end) {
  while (end > begin) {
    size_t p = PrevStart(t, end);
    if (p < begin || !text::IsSpace(CpAt(t, p))) break;
    end = p;
  }
  return end;
}

// The end of the line holding `pos`: the '\n' or the text end.
size_t LineEnd(std::string_view t, size_t pos) {
  size_t nl = t.find('\n', pos);
  return nl == kNpos ? t.size() : nl;
}

// If t[pos, limit) begins with text that folds to `kw` (spaces in `kw` match any run of
// spaces), returns the end of the match; kNpos otherwise. A `kw` ending in a letter must
// end a word.
size_t MatchFolded(std::string_view t, size_t pos, size_t limit, std::string_view kw) {
  thread_local std::string scratch;
  size_t i = pos, k = 0;
  while (k < kw.size()) {
    if (i >= limit) return kNpos;
    if (kw[k] == ' ') {
      size_t j = SkipInline(t, i, limit);
      if (j == i) return kNpos;
      i = j;
      ++k;
      continue;
    }
    size_t j = i;
    text::NextCodePoint(t, j);
    scratch.clear();
    text::FoldAppend(t.substr(i, j - i), scratch);
    if (scratch.empty() || kw.compare(k, scratch.size(), scratch) != 0) return kNpos;
    k += scratch.size();
    i = j;
  }
  char last = kw.back();
  bool word_end = (last >= 'a' && last <= 'z') || (last >= '0' && last <= '9');
  if (word_end && i < limit && IsWordCp(CpAt(t, i))) return kNpos;
  return i;
}

// Exact (case-sensitive) match at a word end.
size_t MatchExact(std::string_view t, size_t pos, size_t limit, std::string_view kw) {
  if (pos + kw.size() > limit || t.compare(pos, kw.size(), kw) != 0) return kNpos;
  size_t e = pos + kw.size();
  if (e < limit && IsWordCp(CpAt(t, e))) return kNpos;
  return e;
}

struct ProviderHit {
  size_t end = kNpos;
  std::string_view canonical;
};

ProviderHit MatchProvider(std::string_view t, size_t pos, size_t limit) {
  if (pos > 0 && IsWordCp(CpAt(t, PrevStart(t, pos)))) return {};
  for (const ProviderForm& p : kProviders) {
    size_t e = p.exact ? MatchExact(t, pos, limit, p.form) : MatchFolded(t, pos, limit, p.form);
    if (e != kNpos) return {e, p.canonical};
  }
  return {};
}

// The first provider named in t[begin, end), at a word start.
ProviderHit FindProvider(std::string_view t, size_t begin, size_t end, size_t* at) {
  for (size_t i = begin; i < end;) {
    size_t j = i;
    char32_t cp = text::NextCodePoint(t, j);
    if (IsWordCp(cp) && (i == begin || !IsWordCp(CpAt(t, PrevStart(t, i))))) {
      ProviderHit h = MatchProvider(t, i, end);
      if (h.end != kNpos) {
        *at = i;
        return h;
      }
    }
    i = j;
  }
  return {};
}

bool IsDashCp(char32_t cp) {
  return cp == '-' || cp == U'\u2013' || cp == U'\u2014' || cp == U'\u2015' || cp == U'\u2012';
}

// The '(' matching the ')' at `close`, searching back to `floor`; kNpos if none.
size_t MatchOpen(std::string_view t, size_t close, size_t floor) {
  int depth = 0;
  for (size_t i = close + 1; i-- > floor;) {
    if (t[i] == ')') ++depth;
    if (t[i] == '(' && --depth == 0) return i;
  }
  return kNpos;
}

// The ')' matching the '(' at `open`, within `limit`; kNpos if none.
size_t MatchClose(std::string_view t, size_t open, size_t limit) {
  int depth = 0;
  for (size_t i = open; i < limit; ++i) {
    if (t[i] == '(') ++depth;
    if (t[i] == ')' && --depth == 0) return i;
  }
  return kNpos;
}

std::optional<timex::TimeWords> BuildCalendar(std::string_view lang) {
  // ICU names and clock notation only: stamps and datelines need no relative words.
  auto words = timex::TimeWords::Build(lang, "");
  if (!words.ok()) return std::nullopt;
  return std::move(words.value());
}

const timex::TimeWords* CalendarWords(std::string_view lang) {
  static const std::optional<timex::TimeWords> fr = BuildCalendar("fr");
  static const std::optional<timex::TimeWords> en = BuildCalendar("en");
  const std::optional<timex::TimeWords>& words = lang == "en" ? en : fr;
  return words ? &*words : nullptr;
}

// ---------------------------------------------------------------------------------------
// The parser.

class Parser {
 public:
  Parser(std::string_view text, std::string_view lang_hint, std::string_view published_hint,
         DispatchParts& out)
      : t_(text), n_(text.size()), out_(out) {
    if (lang_hint == "fr" || lang_hint == "en") {
      out_.lang_hint_used = std::string(lang_hint);
      langs_[0] = lang_hint;
      langs_[1] = lang_hint == "fr" ? "en" : "fr";
    }
    if (auto d = timex::CivilDate::ParseIso(published_hint)) {
      pub_ = *d;  // a stamp in the text replaces it
      have_pub_ = true;
    }
  }

  void Run() {
    size_t cur = 0;
    if (t_.substr(0, 3) == "\xEF\xBB\xBF") cur = 3;
    cur = SkipSpace(t_, cur, n_);
    cur = Title(cur);
    for (int guard = 0; guard < 16; ++guard) {
      cur = SkipSpace(t_, cur, n_);
      size_t next = Note(cur);
      if (next == kNpos) next = Byline(cur);
      if (next == kNpos) next = StampLine(cur);
      if (next == kNpos) next = ProviderLine(cur);
      if (next == kNpos) break;
      cur = next;
    }
    cur = SkipSpace(t_, cur, n_);
    size_t body = Dateline(cur);
    out_.body_begin = body == kNpos ? cur : SkipSpace(t_, body, n_);
    out_.body_end = Tail(out_.body_begin);
    if (out_.body_end < out_.body_begin) out_.body_end = out_.body_begin;
    out_.body_end = TrimBack(t_, out_.body_begin, out_.body_end);
    if (out_.published.empty() && !dateline_year_date_.empty()) {
      out_.published = dateline_year_date_;
      out_.published_begin = out_.dateline_date_begin;
      out_.published_end = out_.dateline_date_end;
    }
    MergeDuplicateCredits();
    std::sort(out_.excluded.begin(), out_.excluded.end(),
              [](const ExcludedRange& a, const ExcludedRange& b) { return a.begin < b.begin; });
  }

 private:
  std::string Copy(size_t b, size_t e) const { return std::string(t_.substr(b, e - b)); }

  // A byline and the closing credits often name the same reporter: keep the first, with
  // the place a later mention gives.
  void MergeDuplicateCredits() {
    std::vector<DispatchCredit> merged;
    for (DispatchCredit& c : out_.credits) {
      DispatchCredit* same = nullptr;
      for (DispatchCredit& m : merged) {
        if (m.name == c.name && m.role == c.role) same = &m;
      }
      if (same == nullptr) {
        merged.push_back(std::move(c));
      } else if (same->place.empty() && !c.place.empty()) {
        same->place = c.place;
        same->place_begin = c.place_begin;
        same->place_end = c.place_end;
      }
    }
    out_.credits = std::move(merged);
  }
  void Exclude(size_t b, size_t e, PartKind kind) {
    if (e > b) out_.excluded.push_back({b, e, kind});
  }
  void SetProvider(std::string_view canonical, size_t b, size_t e) {
    if (!out_.provider.empty()) return;
    out_.provider = std::string(canonical);
    out_.provider_begin = b;
    out_.provider_end = e;
  }
  // End of the line's content: before "\r\n" or "\n".
  size_t ContentEnd(size_t pos) const { return TrimBack(t_, pos, LineEnd(t_, pos)); }

  // --- Dates ---------------------------------------------------------------------------

  // A date with its year and an optional time of day starting at `pos` (leading spaces
  // allowed), read by the time stage; sets the ISO value and the end of the words.
  bool DateTime(size_t pos, size_t limit, std::string* iso, size_t* begin, size_t* end) const {
    pos = SkipInline(t_, pos, limit);
    if (!StartsDateLike(pos, limit)) return false;
    size_t stop = std::min(limit, pos + 120);
    std::string_view window = t_.substr(pos, stop - pos);
    for (std::string_view lang : langs_) {
      const timex::TimeWords* words = CalendarWords(lang);
      if (words == nullptr) continue;
      auto found = timex::FindTimes(window, *words, timex::CivilDate{2000, 1, 1});
      if (found.empty() || found[0].begin != 0) continue;
      std::string date, time;
      size_t last = 0;
      for (size_t k = 0; k < found.size(); ++k) {
        const timex::TimeExpr& e = found[k];
        if (k > 0 && e.begin - last > 6) break;
        if (e.kind == timex::TimeKind::kDate && e.precision == timex::Precision::kDay &&
            !e.weekday_or_partial && date.empty()) {
          date = e.value;
        } else if (e.kind == timex::TimeKind::kTime && time.empty()) {
          time = e.value.substr(e.value.find('T'));
        } else {
          break;
        }
        last = e.end;
      }
      if (date.empty()) continue;
      *iso = date + time;
      *begin = pos;
      *end = pos + last;
      return true;
    }
    return false;
  }

  // Whether a date or a time can start at `pos`: a digit, or a month or weekday name.
  // Saves running the time stage at every word of a headline.
  bool StartsDateLike(size_t pos, size_t limit) const {
    if (pos >= limit) return false;
    if (t_[pos] >= '0' && t_[pos] <= '9') return true;
    size_t e = pos;
    while (e < limit && e - pos < 24) {
      size_t j = e;
      if (!text::IsLetter(text::NextCodePoint(t_, j))) break;
      e = j;
    }
    if (e == pos) return false;
    std::string_view word = t_.substr(pos, e - pos);
    for (std::string_view lang : langs_) {
      const timex::TimeWords* words = CalendarWords(lang);
      if (words != nullptr && (words->MonthOf(word) != 0 || words->WeekdayOf(word) != 0)) {
        return true;
      }
    }
    return false;
  }

  // A day and month (year optional) covering exactly t[b, e), for a dateline.
  bool DatelineDate(size_t b, size_t e, std::string* value, bool* has_year) const {
    std::string_view seg = t_.substr(b, e - b);
    timex::CivilDate pub = have_pub_ ? pub_ : timex::CivilDate{2000, 6, 30};
    for (std::string_view lang : langs_) {
      const timex::TimeWords* words = CalendarWords(lang);
      if (words == nullptr) continue;
      auto found = timex::FindTimes(seg, *words, pub);
      if (found.size() != 1 || found[0].begin != 0 || found[0].end != seg.size() ||
          found[0].kind != timex::TimeKind::kDate || found[0].precision != timex::Precision::kDay) {
        continue;
      }
      *has_year = !found[0].weekday_or_partial;
      *value = found[0].value;
      if (!*has_year && !have_pub_) *value = "--" + value->substr(5);
      return true;
    }
    return false;
  }

  // --- Header ----------------------------------------------------------------------------

  // "provider/marker words + date [time]" at `pos`, read without recording anything.
  struct StampHit {
    size_t end = kNpos;
    bool marker = false;
    std::string iso;
    size_t date_b = 0, date_e = 0;
    std::string_view provider;
    size_t provider_b = 0, provider_e = 0;
  };
  bool ReadStamp(size_t pos, size_t limit, bool need_marker, StampHit* hit) const {
    size_t p = pos;
    for (int guard = 0; guard < 4; ++guard) {
      p = SkipInline(t_, p, limit);
      bool moved = false;
      for (std::string_view m : kStampMarkers) {
        size_t e = MatchFolded(t_, p, limit, m);
        if (e != kNpos) {
          p = e;
          hit->marker = moved = true;
          break;
        }
      }
      if (!moved && hit->provider.empty()) {
        ProviderHit h = MatchProvider(t_, p, limit);
        if (h.end != kNpos) {
          hit->provider_b = p;
          hit->provider_e = h.end;
          hit->provider = h.canonical;
          p = h.end;
          hit->marker = moved = true;
        }
      }
      if (!moved && p < limit && (t_[p] == '|' || t_[p] == ',' || IsDashCp(CpAt(t_, p)))) {
        size_t j = p;
        text::NextCodePoint(t_, j);
        p = j;
        moved = true;
      }
      if (!moved) break;
    }
    if (need_marker && !hit->marker) return false;
    if (!DateTime(p, limit, &hit->iso, &hit->date_b, &hit->date_e)) return false;
    hit->end = hit->date_e;
    return true;
  }
  void Commit(const StampHit& hit) {
    if (out_.published.empty()) {
      out_.published = hit.iso;
      out_.published_begin = hit.date_b;
      out_.published_end = hit.date_e;
      if (auto d = timex::CivilDate::ParseIso(hit.iso)) {
        pub_ = *d;
        have_pub_ = true;
      }
    }
    if (!hit.provider.empty()) SetProvider(hit.provider, hit.provider_b, hit.provider_e);
  }

  // The first line as a headline, with its slug, its trailing stamp or provider.
  size_t Title(size_t cur) {
    size_t line_end = LineEnd(t_, cur);
    size_t content_end = TrimBack(t_, cur, line_end);
    if (cur >= content_end) return cur;
    if (t_[cur] == '(' || Dateline(cur, /*probe=*/true) != kNpos || Byline(cur, true) != kNpos ||
        StampLine(cur, true) != kNpos) {
      return cur;
    }
    // A stamp inside the line: the headline is what comes before it. Without marker
    // words ("information fournie par", "Publié le", a provider) the stamp needs a time
    // and must end the line, since headlines may end with a date.
    size_t scan_end = std::min(content_end, cur + kMaxTitleBytes);
    for (size_t i = cur + 1; i < scan_end;) {
      size_t j = i;
      char32_t cp = text::NextCodePoint(t_, j);
      if (IsWordCp(cp) && text::IsSpace(CpAt(t_, PrevStart(t_, i)))) {
        StampHit hit;
        if (ReadStamp(i, content_end, /*need_marker=*/false, &hit)) {
          size_t after = SkipInline(t_, hit.end, content_end);
          bool ends_line = after == content_end;
          bool header_follows = after < content_end &&
                                (t_[after] == '(' || Dateline(after, true) != kNpos);
          bool plain_ok = hit.iso.find('T') != std::string::npos && ends_line;
          if ((hit.marker && (ends_line || header_follows)) || plain_ok) {
            SetTitle(cur, i);
            Commit(hit);
            Exclude(i, hit.end, PartKind::kStamp);
            return hit.end;
          }
        }
      }
      i = j;
    }
    // No stamp: a headline is a short line of its own, without closing punctuation,
    // followed by more text.
    if (line_end >= n_ || SkipSpace(t_, line_end, n_) >= n_) return cur;
    if (content_end - cur > kMaxTitleBytes) return cur;
    char32_t first = CpAt(t_, cur);
    if (text::IsLetter(first) && !text::IsUpper(first)) return cur;
    size_t last_at = PrevStart(t_, content_end);
    char32_t last = CpAt(t_, last_at);
    if (last == '.' || last == ';' || last == ',' || last == ':') return cur;
    if (last == '"' || last == U'\u201D' || last == U'\u00BB') {
      size_t before = TrimBack(t_, cur, last_at);
      char32_t b = before > cur ? CpAt(t_, PrevStart(t_, before)) : 0;
      if (b == '.' || b == ',') return cur;
    }
    SetTitle(cur, content_end);
    return line_end;
  }

  void SetTitle(size_t line_begin, size_t end) {
    size_t b = line_begin;
    // Slugs: "UPDATE 2-", "EXCLUSIVE-", possibly several.
    for (bool again = true; again;) {
      again = false;
      for (std::string_view slug : kSlugs) {
        if (t_.compare(b, slug.size(), slug) != 0) continue;
        size_t p = b + slug.size();
        while (p < end && t_[p] == ' ') ++p;
        while (p < end && t_[p] >= '0' && t_[p] <= '9') ++p;
        while (p < end && t_[p] == ' ') ++p;
        if (p < end && (t_[p] == '-' || t_[p] == ':')) {
          size_t q = SkipInline(t_, p + 1, end);
          if (q < end) {
            b = q;
            again = true;
          }
        }
        break;
      }
    }
    // A trailing "(Reuters)", "| Reuters", "- AFP".
    size_t e = TrimBack(t_, b, end);
    if (e > b && t_[e - 1] == ')') {
      size_t open = MatchOpen(t_, e - 1, b);
      if (open != kNpos && open > b) {
        size_t inner = SkipInline(t_, open + 1, e - 1);
        ProviderHit h = MatchProvider(t_, inner, e - 1);
        if (h.end != kNpos && TrimBack(t_, inner, e - 1) == h.end) {
          SetProvider(h.canonical, inner, h.end);
          e = TrimBack(t_, b, open);
        }
      }
    } else {
      for (size_t i = e; i-- > b && e - i < 48;) {
        char c = t_[i];
        bool sep = c == '|' || c == '-' || (static_cast<unsigned char>(c) == 0xE2 &&
                                            IsDashCp(CpAt(t_, i)));
        if (!sep || i == b || t_[i - 1] != ' ') continue;
        size_t j = i;
        text::NextCodePoint(t_, j);
        size_t name = SkipInline(t_, j, e);
        if (name == j) continue;
        ProviderHit h = MatchProvider(t_, name, e);
        if (h.end == e) {
          SetProvider(h.canonical, name, h.end);
          e = TrimBack(t_, b, i);
        }
        break;
      }
    }
    while (e > b) {
      char32_t c = CpAt(t_, PrevStart(t_, e));
      if (c != '|' && c != ',' && !IsDashCp(c)) break;
      e = TrimBack(t_, b, PrevStart(t_, e));
    }
    if (e <= b) return;
    out_.has_title = true;
    out_.title_begin = b;
    out_.title_end = e;
    Exclude(line_begin, TrimBack(t_, line_begin, end), PartKind::kTitle);
  }

  // "(Actualisé avec ...)", "(Updates with ...)".
  size_t Note(size_t cur) {
    if (cur >= n_ || t_[cur] != '(') return kNpos;
    size_t close = MatchClose(t_, cur, std::min(n_, cur + kMaxParenBytes));
    if (close == kNpos) return kNpos;
    size_t p = SkipInline(t_, cur + 1, close);
    bool note = false;
    for (std::string_view w : kNoteWords) {
      if (MatchFolded(t_, p, close, w) != kNpos) {
        note = true;
        break;
      }
    }
    if (!note) return kNpos;
    if (out_.version_note.empty()) {
      size_t e = TrimBack(t_, p, close);
      out_.version_note = Copy(p, e);
      out_.version_note_begin = p;
      out_.version_note_end = e;
    }
    Exclude(cur, close + 1, PartKind::kVersionNote);
    return close + 1;
  }

  // "By Jane Doe", "Par Jane Doe, AFP", "By JANE DOE Associated Press".
  size_t Byline(size_t cur, bool probe = false) {
    size_t content_end = ContentEnd(cur);
    if (content_end <= cur || content_end - cur > 200) return kNpos;
    size_t p = MatchFolded(t_, cur, content_end, "by");
    if (p == kNpos) p = MatchFolded(t_, cur, content_end, "par");
    if (p == kNpos) return kNpos;
    p = SkipInline(t_, p, content_end);
    std::vector<DispatchCredit> found;
    if (!Names(p, content_end, Role::kReporter, /*strict=*/true, &found, probe)) return kNpos;
    if (probe) return content_end;
    for (auto& c : found) out_.credits.push_back(std::move(c));
    Exclude(cur, content_end, PartKind::kByline);
    return content_end;
  }

  // A line that is only a stamp: "Publié le 27/02/2025 à 16h25", "Feb 27, 2025 4:25 PM".
  size_t StampLine(size_t cur, bool probe = false) {
    size_t content_end = ContentEnd(cur);
    if (content_end <= cur || content_end - cur > 200) return kNpos;
    StampHit hit;
    if (!ReadStamp(cur, content_end, false, &hit) ||
        SkipInline(t_, hit.end, content_end) != content_end) {
      return kNpos;
    }
    if (probe) return content_end;
    Commit(hit);
    Exclude(cur, content_end, PartKind::kStamp);
    return content_end;
  }

  // A line naming only the provider: "Reuters", "(AFP)".
  size_t ProviderLine(size_t cur) {
    size_t content_end = ContentEnd(cur);
    size_t p = cur;
    bool paren = p < content_end && t_[p] == '(';
    if (paren) ++p;
    ProviderHit h = MatchProvider(t_, p, content_end);
    if (h.end == kNpos) return kNpos;
    size_t e = h.end;
    if (paren) {
      if (e >= content_end || t_[e] != ')') return kNpos;
      ++e;
    }
    if (e != content_end) return kNpos;
    SetProvider(h.canonical, p, h.end);
    Exclude(cur, content_end, PartKind::kStamp);
    return content_end;
  }

  // "ISTANBUL, 27 février (Reuters) -", "KYIV, Ukraine (AP) —", "(Bloomberg) --",
  // "NIAMEY -". Returns where the body starts, or kNpos.
  size_t Dateline(size_t cur, bool probe = false) {
    if (cur >= n_) return kNpos;
    size_t limit = std::min(ContentEnd(cur), cur + kMaxDatelineBytes);
    // The provider in parentheses, then the dash.
    size_t open = kNpos, close = kNpos, dash = kNpos, body = kNpos;
    for (size_t i = cur; i < limit; ++i) {
      if (t_[i] == '(') {
        open = i;
        close = MatchClose(t_, i, limit);
        break;
      }
    }
    bool known_provider = false;
    const bool paren = open != kNpos && close != kNpos;
    ProviderHit hit;
    if (paren) {
      size_t p = SkipInline(t_, open + 1, close);
      hit = MatchProvider(t_, p, close);
      size_t inner_end = TrimBack(t_, p, close);
      if (hit.end != kNpos) {
        known_provider = inner_end - hit.end <= 30;
      } else if (inner_end <= p || inner_end - p > 40 || !text::IsUpper(CpAt(t_, p))) {
        return kNpos;
      }
      dash = SkipInline(t_, close + 1, limit);
    } else {
      // No provider: the place must be in capitals and a spaced dash must follow.
      for (size_t i = cur; i + 1 < limit; ++i) {
        if (t_[i] == ' ' && IsDashCp(CpAt(t_, i + 1))) {
          dash = i + 1;
          break;
        }
      }
      if (dash == kNpos) return kNpos;
      open = TrimBack(t_, cur, dash);
    }
    if (dash >= limit || !IsDashCp(CpAt(t_, dash))) return kNpos;
    {
      size_t j = dash;
      text::NextCodePoint(t_, j);
      if (j < n_ && t_[j] == '-') ++j;  // "--"
      if (j < n_ && !text::IsSpace(CpAt(t_, j)) && !paren) return kNpos;
      body = SkipInline(t_, j, n_);
    }
    // Before the parenthesis: PLACE[, REGION][, DATE], or a date alone, or nothing.
    size_t pre_end = TrimBack(t_, cur, open);
    std::string place, region, date;
    size_t place_b = 0, place_e = 0, date_b = 0, date_e = 0;
    bool has_year = false;
    size_t seg_b = cur;
    int index = 0;
    while (seg_b < pre_end) {
      size_t comma = t_.find(',', seg_b);
      size_t seg_e = comma == kNpos || comma > pre_end ? pre_end : comma;
      size_t b = SkipInline(t_, seg_b, seg_e), e = TrimBack(t_, b, seg_e);
      if (e <= b) return kNpos;
      std::string value;
      bool year = false;
      if (date.empty() && DatelineDate(b, e, &value, &year)) {
        date = value;
        has_year = year;
        date_b = b;
        date_e = e;
      } else if (index == 0 && IsPlace(b, e, /*need_caps=*/!known_provider)) {
        place_b = b;
        place_e = e;
      } else if (index > 0 && region.empty() && place_e != 0 && date.empty() &&
                 IsPlace(b, e, false)) {
        region = Copy(b, e);
      } else {
        return kNpos;
      }
      ++index;
      seg_b = seg_e + 1;
    }
    if (place_e == 0 && (!paren || (date.empty() && !known_provider))) return kNpos;
    if (probe) return body;
    out_.has_dateline = true;
    out_.dateline_begin = cur;
    out_.dateline_end = body;
    if (place_e != 0) {
      out_.dateline_place = Copy(place_b, place_e);
      out_.dateline_place_begin = place_b;
      out_.dateline_place_end = place_e;
    }
    out_.dateline_region = region;
    if (!date.empty()) {
      out_.dateline_date = date;
      out_.dateline_date_begin = date_b;
      out_.dateline_date_end = date_e;
      if (has_year) dateline_year_date_ = date;
    }
    if (hit.end != kNpos) SetProvider(hit.canonical, SkipInline(t_, open + 1, close), hit.end);
    Exclude(cur, body, PartKind::kDateline);
    return body;
  }

  // A dateline place: 1-6 capitalised words of letters, "-", ".", "'", "/".
  bool IsPlace(size_t b, size_t e, bool need_caps) const {
    if (e - b > 60 || !text::IsUpper(CpAt(t_, b))) return false;
    int words = 1, letters = 0, upper = 0;
    for (size_t i = b; i < e;) {
      char32_t cp = text::NextCodePoint(t_, i);
      if (text::IsLetter(cp)) {
        ++letters;
        if (text::IsUpper(cp)) ++upper;
      } else if (cp == ' ') {
        ++words;
      } else if (cp != '-' && cp != '.' && cp != '\'' && cp != '/' && cp != U'\u2019') {
        return false;
      }
    }
    if (words > 6 || letters < 2) return false;
    return !need_caps || upper == letters;
  }

  // --- Tail ------------------------------------------------------------------------------

  // Removes credits and boilerplate from the end; returns the body end.
  size_t Tail(size_t floor) {
    size_t end = TrimBack(t_, floor, n_);
    std::vector<std::vector<DispatchCredit>> groups;  // found last-first
    for (int guard = 0; guard < 8 && end > floor; ++guard) {
      if (t_[end - 1] == ')') {
        size_t open = MatchOpen(t_, end - 1, std::max(floor, end > kMaxParenBytes
                                                                  ? end - kMaxParenBytes
                                                                  : size_t{0}));
        if (open != kNpos) {
          std::vector<DispatchCredit> found;
          // Without a person in it, the group must stand at a line start to be credits:
          // "(Reportage bureau de Moscou)", not "... (édition du soir)".
          size_t line_b = open == 0 ? 0 : t_.rfind('\n', open - 1);
          line_b = line_b == kNpos ? 0 : line_b + 1;
          bool own_line = SkipInline(t_, line_b, open) == open;
          if (Credits(open + 1, end - 1, &found) && (own_line || !found.empty())) {
            groups.push_back(std::move(found));
            Exclude(open, end, PartKind::kCredits);
            end = TrimBack(t_, floor, open);
            continue;
          }
        }
      }
      size_t line_b = t_.rfind('\n', end - 1);
      line_b = line_b == kNpos || line_b < floor ? floor : line_b + 1;
      line_b = SkipInline(t_, line_b, end);
      if (Boilerplate(line_b, end)) {
        Exclude(line_b, end, PartKind::kBoilerplate);
        end = TrimBack(t_, floor, line_b);
        continue;
      }
      if (Signoff(line_b, end)) {
        Exclude(line_b, end, PartKind::kCredits);
        end = TrimBack(t_, floor, line_b);
        continue;
      }
      size_t p = line_b;
      while (p < end && (IsDashCp(CpAt(t_, p)) || t_[p] == '_' || t_[p] == ' ')) ++p;
      std::vector<DispatchCredit> found;
      if (end - p <= 500 && (Credits(p, end, &found, /*strong_only=*/true) ||
                             Contributed(p, end, &found))) {
        groups.push_back(std::move(found));
        Exclude(line_b, end, PartKind::kCredits);
        end = TrimBack(t_, floor, line_b);
        continue;
      }
      break;
    }
    for (size_t g = groups.size(); g-- > 0;) {
      for (auto& c : groups[g]) out_.credits.push_back(std::move(c));
    }
    return end;
  }

  // AFP's closing desk initials: "str-sb/ila/bfi", "mlb-gv/cls".
  bool Signoff(size_t b, size_t e) const {
    if (e - b > 40 || e - b < 3) return false;
    bool separator = false;
    for (size_t i = b; i < e; ++i) {
      char c = t_[i];
      if (c == '/' || c == '-') {
        separator = true;
      } else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
        return false;
      }
    }
    return separator;
  }

  bool Boilerplate(size_t b, size_t e) const {
    static constexpr std::string_view kStarts[] = {
        "our standards", "copyright", "(c) ", "all rights reserved", "tous droits reserves",
        "reproduction interdite", "©"};
    for (std::string_view s : kStarts) {
      if (MatchFolded(t_, b, e, s) != kNpos) return true;
    }
    // A separator line: only dashes, underscores, stars.
    for (size_t i = b; i < e; ++i) {
      char c = t_[i];
      if (c != '-' && c != '_' && c != '*' && c != ' ' && c != '=') return false;
    }
    return e > b;
  }

  // The keyword of a credit segment at `p`.
  const CreditWord* CreditAt(size_t p, size_t e, bool allow_weak, size_t* after) const {
    for (const CreditWord& w : kCreditWords) {
      if (w.weak && !allow_weak) continue;
      size_t m = MatchFolded(t_, p, e, w.form);
      if (m == kNpos) continue;
      if (m < e && t_[m] == ':') ++m;
      *after = SkipInline(t_, m, e);
      return &w;
    }
    return nullptr;
  }

  // Credits text t[b, e) without its parentheses: segments opened by role words
  // ("Reportage", "Editing by", "version française"), each a list of names.
  bool Credits(size_t b, size_t e, std::vector<DispatchCredit>* out, bool strong_only = false) {
    b = SkipInline(t_, b, e);
    e = TrimBack(t_, b, e);
    size_t after = 0;
    const CreditWord* first = CreditAt(b, e, !strong_only, &after);
    bool late_start = false;
    if (first == nullptr && !strong_only) {
      // "(Bureau de Moscou; version française Jean Dupont)": the first role word comes
      // after a desk; then a person must be named for the group to be credits.
      for (size_t i = b; i < e && first == nullptr; ++i) {
        if (t_[i] == ';' || t_[i] == ',') first = CreditAt(SkipInline(t_, i + 1, e), e, false, &after);
      }
      late_start = first != nullptr;
    }
    if (first == nullptr) return false;
    struct Segment {
      const CreditWord* word;
      size_t b, e;
    };
    std::vector<Segment> segments{{first, after, e}};
    // Later segments start after a separator: ";", ",", ".", "/" or " et " / " and ".
    for (size_t i = after; i < e; ++i) {
      char c = t_[i];
      size_t start = kNpos;
      if (c == ';' || c == ',' || c == '.' || c == '/' || c == '|') {
        start = SkipInline(t_, i + 1, e);
      } else if (c == ' ') {
        size_t m = MatchFolded(t_, i + 1, e, "et");
        if (m == kNpos) m = MatchFolded(t_, i + 1, e, "and");
        if (m != kNpos) start = SkipInline(t_, m, e);
      }
      if (start == kNpos || start >= e) continue;
      size_t a = 0;
      const CreditWord* w = CreditAt(start, e, c == ';', &a);
      if (w == nullptr) continue;
      segments.back().e = i;
      segments.push_back({w, a, e});
      i = a > 0 ? a - 1 : a;
    }
    bool any = false;
    for (const Segment& s : segments) {
      bool strict = s.word->weak;
      std::vector<DispatchCredit> found;
      if (!Names(s.b, s.e, s.word->role, strict, &found, false)) {
        if (strict) return false;
        continue;
      }
      any = true;
      for (auto& c : found) out->push_back(std::move(c));
    }
    // Parenthesised at the end, a role word is enough ("(Reportage bureau de Moscou)");
    // a bare last line must also name someone.
    if (late_start) return !out->empty();
    return any || (!first->weak && !strong_only);
  }

  // AP style: "Associated Press writers Jane Doe in Kyiv and John Roe contributed to this
  // report." / "Jane Doe contributed reporting."
  bool Contributed(size_t b, size_t e, std::vector<DispatchCredit>* out) {
    static constexpr std::string_view kEnds[] = {" contributed to this report", " contributed reporting",
                                                 " contributed to this story", " contributed"};
    size_t stop = e;
    if (stop > b && t_[stop - 1] == '.') --stop;
    size_t names_end = kNpos;
    for (std::string_view s : kEnds) {
      if (stop - b > s.size() && t_.compare(stop - s.size(), s.size(), s) == 0) {
        names_end = stop - s.size();
        break;
      }
    }
    if (names_end == kNpos) return false;
    size_t p = b;
    // Skip "Associated Press writer(s)" / "Reuters reporters" style lead-ins.
    for (size_t i = b; i < names_end; ++i) {
      for (std::string_view w : {"writers ", "writer ", "reporters ", "reporter ",
                                 "journalists ", "journalist ", "correspondent "}) {
        if (t_.compare(i, w.size(), w) == 0) p = i + w.size();
      }
    }
    return Names(p, names_end, Role::kReporter, false, out, false) && !out->empty();
  }

  // A list of names in t[b, e): "X à Istanbul, Y à Londres et bureau de Reuters à Moscou".
  // Non-persons are skipped (a provider among them sets provider); with `strict`, any
  // item that is neither a person nor a provider rejects the whole list.
  bool Names(size_t b, size_t e, Role role, bool strict, std::vector<DispatchCredit>* out,
             bool probe) {
    size_t persons = 0, providers = 0, items = 0;
    size_t i = b;
    while (i < e) {
      // The item ends at ",", ";", "&", " et ", " and ".
      size_t item_e = e, next = e;
      for (size_t k = i; k < e; ++k) {
        char c = t_[k];
        if (c == ',' || c == ';' || c == '&' || c == '|') {
          item_e = k;
          next = k + 1;
          break;
        }
        if (c == ' ') {
          size_t m = MatchFolded(t_, k + 1, e, "et");
          if (m == kNpos) m = MatchFolded(t_, k + 1, e, "and");
          if (m != kNpos && m < e && t_[m] == ' ') {
            item_e = k;
            next = m;
            break;
          }
        }
      }
      size_t ib = SkipInline(t_, i, item_e), ie = TrimBack(t_, ib, item_e);
      while (ie > ib && (t_[ie - 1] == '.' || t_[ie - 1] == ')')) --ie;
      i = next;
      if (ie <= ib) continue;
      ++items;
      // A provider named in the item: a source, not a person ("Reuters TV", "AFP").
      size_t at = 0;
      ProviderHit h = FindProvider(t_, ib, ie, &at);
      if (h.end != kNpos) {
        ++providers;
        if (!probe) SetProvider(h.canonical, at, h.end);
        // "Jeanne DUVAL (AFP)", "John Roe, Reuters", "Jane Doe - AFP".
        size_t name_e = TrimBack(t_, ib, at);
        while (name_e > ib && (t_[name_e - 1] == ',' || t_[name_e - 1] == '(' ||
                               t_[name_e - 1] == '-' || t_[name_e - 1] == '|')) {
          name_e = TrimBack(t_, ib, name_e - 1);
        }
        if (name_e > ib && IsPerson(ib, name_e)) {
          ++persons;
          if (!probe) out->push_back(MakeCredit(ib, name_e, role));
        }
        continue;
      }
      // "Name à Place".
      size_t name_e = ie, place_b = ie;
      for (std::string_view prep : kPlacePreps) {
        size_t at_prep = t_.find(prep, ib);
        if (at_prep != kNpos && at_prep < ie && at_prep < name_e) {
          name_e = at_prep;
          place_b = at_prep + prep.size();
        }
      }
      // "X in Taipei, Taiwan": one capitalised word after a credit with a place is the
      // place's region, not a person.
      if (name_e == ie && !out->empty() && out->back().place_end != out->back().place_begin &&
          t_.find(' ', ib) >= ie && text::IsUpper(CpAt(t_, ib)) && !probe) {
        DispatchCredit& prev = out->back();
        prev.place_end = ie;
        prev.place = Copy(prev.place_begin, ie);
        continue;
      }
      if (IsPerson(ib, name_e)) {
        ++persons;
        if (!probe) {
          DispatchCredit c = MakeCredit(ib, name_e, role);
          if (place_b < ie) {
            c.place_begin = place_b;
            c.place_end = ie;
            c.place = Copy(place_b, ie);
          }
          out->push_back(std::move(c));
        }
      } else if (strict) {
        return false;
      }
    }
    if (strict && persons == 0 && providers == 0) return false;
    return items > 0;
  }

  DispatchCredit MakeCredit(size_t b, size_t e, Role role) const {
    DispatchCredit c;
    c.name = Copy(b, e);
    c.role = std::string(RoleName(role));
    c.name_begin = b;
    c.name_end = e;
    c.place_begin = c.place_end = e;
    return c;
  }

  // 1-6 words, the first capitalised, the others capitalised or name particles; no digits
  // and no desk words ("bureau", "newsroom").
  bool IsPerson(size_t b, size_t e) const {
    if (e <= b || e - b > 80 || !text::IsUpper(CpAt(t_, b))) return false;
    int words = 0;
    std::string folded;
    for (size_t i = b; i < e;) {
      i = SkipInline(t_, i, e);
      if (i >= e) break;
      size_t w_end = i;
      while (w_end < e && !text::IsSpace(CpAt(t_, w_end))) {
        size_t j = w_end;
        char32_t cp = text::NextCodePoint(t_, j);
        if (text::IsDigit(cp)) return false;
        w_end = j;
      }
      ++words;
      folded.clear();
      text::FoldAppend(t_.substr(i, w_end - i), folded);
      for (std::string_view nw : kNonPersonWords) {
        if (folded == nw) return false;
      }
      char32_t first = CpAt(t_, i);
      if (!text::IsUpper(first)) {
        bool particle = false;
        for (std::string_view p : kParticles) {
          if (folded == p || (folded.size() > p.size() && folded.compare(0, p.size(), p) == 0 &&
                              (folded[p.size()] == '-' || folded[p.size()] == '\''))) {
            particle = true;
          }
        }
        if (!particle || words == 1) return false;
      }
      i = w_end;
    }
    return words >= 1 && words <= 6;
  }

  std::string_view t_;
  size_t n_;
  DispatchParts& out_;
  std::string_view langs_[2] = {"fr", "en"};
  timex::CivilDate pub_;
  bool have_pub_ = false;
  std::string dateline_year_date_;
};

}  // namespace

DispatchParts ParseDispatch(std::string_view text, std::string_view lang_hint,
                            std::string_view published_hint) {
  DispatchParts parts;
  if (text.empty()) return parts;
  Parser parser(text, lang_hint, published_hint, parts);
  parser.Run();
  return parts;
}

}  // namespace attache::ingest
