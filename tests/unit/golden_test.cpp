// The golden cases: every tests/golden/<lang>/*.cases file (format in tests/golden/README.md)
// becomes one parameterised test per case, coded through the public attache::Coder and
// compared with its expectations. A summary test checks that the set covers every PLOVER
// type in both languages, and that every file parses.
//
// The lexicon comes from $ATTACHE_LEXICON (set by ctest), else <build>/attache.lex; with
// $ATTACHE_PACKS=<repo>/data the coder reads frames and grammar from the tree, so frames can
// be tuned without recompiling:
//   ATTACHE_PACKS=$PWD/data ATTACHE_LEXICON=build/attache.lex build/unit_tests --gtest_filter='*Golden*'
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "attache/coder.h"
#include "attache/document.h"

#ifndef ATTACHE_SOURCE_DIR
#define ATTACHE_SOURCE_DIR "."
#endif
#ifndef ATTACHE_BINARY_DIR
#define ATTACHE_BINARY_DIR "."
#endif

namespace attache {
namespace {

namespace fs = std::filesystem;

const char* const kPloverTypes[] = {"AGREE",   "CONSULT", "SUPPORT",  "CONCEDE",
                                    "COOPERATE", "AID",   "RETREAT",  "REQUEST",
                                    "ACCUSE",  "REJECT",  "THREATEN", "PROTEST",
                                    "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"};
constexpr size_t kMinCases = 200;

// ---------------------------------------------------------------------------------------
// The case format.

struct ExpectedEvent {
  std::string raw;  // the line as written, for messages
  std::string plover;  // type or "-"
  std::string cameo;   // exact, or a prefix ending in '*'
  std::string source, target;  // ISO3, "=CODE", or "-"
  bool symmetric = false;
  std::optional<std::string> date, loc, mode, modality;
};

struct ExpectedQuote {
  std::string raw;
  std::string speaker;  // ISO3, "=CODE" or "-" (unresolved)
  std::string words;
};

struct GoldenCase {
  std::string file;  // relative to the source dir
  int line = 0;      // line of the case's first field
  std::string dir_lang;  // the folder it sits in
  std::string id, note, published, lang, title, text;
  // `status: known-gap <why>`: the engine is known to code this case wrong. The case must
  // still fail; when it passes, the test fails so that the marker is removed.
  std::string known_gap;
  std::vector<ExpectedEvent> events;
  std::vector<ExpectedQuote> quotes;
  bool none = false;
  bool extra_allowed = false;
  std::vector<std::string> errors;  // format problems found while parsing
  std::string test_name;            // gtest-safe, unique
};

std::string Trim(std::string s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

std::vector<std::string> SplitWs(const std::string& s) {
  std::istringstream in(s);
  std::vector<std::string> out;
  std::string w;
  while (in >> w) out.push_back(w);
  return out;
}

bool IsActorSpec(const std::string& s) {
  if (s == "-") return true;
  if (s.size() > 1 && s[0] == '=') return true;
  if (s.size() != 3) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool IsKnownPlover(const std::string& s) {
  if (s == "-") return true;
  for (const char* t : kPloverTypes)
    if (s == t) return true;
  return false;
}

bool IsCameoSpec(const std::string& s) {
  std::string digits = s;
  if (!digits.empty() && digits.back() == '*') digits.pop_back();
  if (digits.empty() || digits.size() > 4) return false;
  if (s.back() != '*' && digits.size() < 2) return false;
  return std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
}

void ParseEventLine(const std::string& line, GoldenCase& c) {
  std::vector<std::string> w = SplitWs(line);
  ExpectedEvent e;
  e.raw = line;
  if (w.size() < 4) {
    c.errors.push_back("expectation needs `PLOVER CAMEO SOURCE TARGET [flags]`: " + line);
    return;
  }
  e.plover = w[0];
  e.cameo = w[1];
  e.source = w[2];
  e.target = w[3];
  if (!IsKnownPlover(e.plover)) c.errors.push_back("unknown PLOVER type `" + e.plover + "`: " + line);
  if (!IsCameoSpec(e.cameo)) c.errors.push_back("bad CAMEO code `" + e.cameo + "`: " + line);
  if (!IsActorSpec(e.source)) c.errors.push_back("bad source `" + e.source + "`: " + line);
  if (!IsActorSpec(e.target)) c.errors.push_back("bad target `" + e.target + "`: " + line);
  for (size_t i = 4; i < w.size(); ++i) {
    const std::string& f = w[i];
    size_t eq = f.find('=');
    std::string key = eq == std::string::npos ? f : f.substr(0, eq);
    std::string val = eq == std::string::npos ? "" : f.substr(eq + 1);
    if (key == "symmetric" && eq == std::string::npos) e.symmetric = true;
    else if (key == "date" && !val.empty()) e.date = val;
    else if (key == "loc" && !val.empty()) e.loc = val;
    else if (key == "mode" && !val.empty()) e.mode = val;
    else if (key == "modality" && !val.empty()) {
      static const std::set<std::string> kModalities = {"asserted", "negated", "planned",
                                                        "hypothetical", "reported"};
      if (!kModalities.count(val)) c.errors.push_back("unknown modality `" + val + "`: " + line);
      e.modality = val;
    } else {
      c.errors.push_back("unknown flag `" + f + "`: " + line);
    }
  }
  c.events.push_back(std::move(e));
}

void ParseQuoteLine(const std::string& rest, GoldenCase& c) {
  // speaker=XXX "words"
  ExpectedQuote q;
  q.raw = "quote: " + rest;
  std::string r = Trim(rest);
  if (r.rfind("speaker=", 0) != 0) {
    c.errors.push_back("quote needs `speaker=ISO3 \"words\"`: " + q.raw);
    return;
  }
  size_t sp = r.find_first_of(" \t");
  q.speaker = r.substr(8, sp == std::string::npos ? std::string::npos : sp - 8);
  size_t a = r.find('"'), b = r.rfind('"');
  if (a == std::string::npos || b == a) {
    c.errors.push_back("quote words must be in double quotes: " + q.raw);
    return;
  }
  q.words = r.substr(a + 1, b - a - 1);
  if (!IsActorSpec(q.speaker)) c.errors.push_back("bad quote speaker `" + q.speaker + "`");
  c.quotes.push_back(std::move(q));
}

// One block between `===` lines.
void ParseBlock(const std::vector<std::pair<int, std::string>>& lines, GoldenCase& c) {
  enum { kHeader, kText, kExpect } state = kHeader;
  std::vector<std::string> text;
  bool saw_expect = false;
  for (const auto& [no, raw] : lines) {
    std::string t = Trim(raw);
    if (c.line == 0 && !t.empty()) c.line = no;
    if (state == kText) {
      if (t == "expect:") {
        state = kExpect;
        saw_expect = true;
        continue;
      }
      std::string l = raw;
      if (!l.empty() && l.back() == '\r') l.pop_back();
      text.push_back(l);
      continue;
    }
    if (t.empty() || t[0] == '#') continue;
    if (state == kHeader) {
      size_t colon = t.find(':');
      if (colon == std::string::npos) {
        c.errors.push_back("line " + std::to_string(no) + ": expected `key: value`: " + t);
        continue;
      }
      std::string key = Trim(t.substr(0, colon)), val = Trim(t.substr(colon + 1));
      if (key == "id") c.id = val;
      else if (key == "note") c.note = val;
      else if (key == "status") c.known_gap = val;
      else if (key == "published") c.published = val;
      else if (key == "lang") c.lang = val;
      else if (key == "title") c.title = val;
      else if (key == "extra") c.extra_allowed = val == "allowed";
      else if (key == "text") {
        state = kText;
        if (!val.empty()) text.push_back(val);
      } else if (key == "expect") {
        c.errors.push_back("`expect:` before `text:`");
        state = kExpect;
        saw_expect = true;
      } else {
        c.errors.push_back("line " + std::to_string(no) + ": unknown field `" + key + "`");
      }
      continue;
    }
    // kExpect
    if (t == "none") {
      c.none = true;
    } else if (t.rfind("extra:", 0) == 0) {
      c.extra_allowed = Trim(t.substr(6)) == "allowed";
    } else if (t.rfind("quote:", 0) == 0) {
      ParseQuoteLine(t.substr(6), c);
    } else {
      ParseEventLine(t, c);
    }
  }
  while (!text.empty() && Trim(text.back()).empty()) text.pop_back();
  while (!text.empty() && Trim(text.front()).empty()) text.erase(text.begin());
  for (size_t i = 0; i < text.size(); ++i) {
    if (i) c.text += '\n';
    c.text += text[i];
  }
  if (c.id.empty()) c.errors.push_back("case without `id:`");
  if (c.text.empty()) c.errors.push_back("case without text");
  if (!saw_expect) c.errors.push_back("case without `expect:`");
  if (saw_expect && !c.none && c.events.empty() && c.quotes.empty())
    c.errors.push_back("`expect:` is empty: write `none` for a text with no event");
  if (c.none && !c.events.empty()) c.errors.push_back("`none` together with expected events");
  if (c.lang.empty()) c.lang = c.dir_lang;
}

std::vector<GoldenCase> ParseFile(const fs::path& path, const std::string& rel,
                                  const std::string& dir_lang) {
  std::vector<GoldenCase> out;
  std::ifstream in(path, std::ios::binary);
  std::string line;
  std::vector<std::pair<int, std::string>> block;
  int no = 0;
  auto flush = [&] {
    // A block of comments only (a file header before the first `===`) is not a case.
    bool any = std::any_of(block.begin(), block.end(), [](const auto& l) {
      std::string t = Trim(l.second);
      return !t.empty() && t[0] != '#';
    });
    if (any) {
      GoldenCase c;
      c.file = rel;
      c.dir_lang = dir_lang;
      ParseBlock(block, c);
      out.push_back(std::move(c));
    }
    block.clear();
  };
  while (std::getline(in, line)) {
    ++no;
    if (no == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
    if (Trim(line) == "===") {
      flush();
      continue;
    }
    block.emplace_back(no, line);
  }
  flush();
  return out;
}

std::string SafeName(const std::string& id) {
  std::string s;
  for (char ch : id) {
    bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
    s += ok ? ch : '_';
  }
  if (s.empty()) s = "unnamed";
  return s;
}

const std::vector<GoldenCase>& AllCases() {
  static const std::vector<GoldenCase> cases = [] {
    std::vector<GoldenCase> all;
    fs::path root = fs::path(ATTACHE_SOURCE_DIR) / "tests" / "golden";
    std::error_code ec;
    if (!fs::is_directory(root, ec)) return all;
    std::vector<fs::path> files;
    for (const auto& lang_dir : fs::directory_iterator(root, ec)) {
      if (!lang_dir.is_directory()) continue;
      for (const auto& f : fs::directory_iterator(lang_dir.path(), ec))
        if (f.is_regular_file() && f.path().extension() == ".cases") files.push_back(f.path());
    }
    std::sort(files.begin(), files.end());
    std::map<std::string, int> names;
    for (const auto& f : files) {
      std::string rel = fs::relative(f, ATTACHE_SOURCE_DIR, ec).string();
      if (rel.empty()) rel = f.string();
      for (auto& c : ParseFile(f, rel, f.parent_path().filename().string())) {
        std::string name = SafeName(c.id.empty() ? rel + "_" + std::to_string(c.line) : c.id);
        int n = names[name]++;
        if (n > 0) name += "_dup" + std::to_string(n);
        c.test_name = name;
        all.push_back(std::move(c));
      }
    }
    return all;
  }();
  return cases;
}

// gtest prints the parameter of a failing test: the case id and where it is, not its bytes.
void PrintTo(const GoldenCase& c, std::ostream* os) { *os << c.id << " (" << c.file << ":" << c.line << ")"; }

// ---------------------------------------------------------------------------------------
// The coder, opened once for all cases.

struct SharedCoder {
  std::unique_ptr<Coder> coder;
  std::string error;
  std::string path;
};

const SharedCoder& TheCoder() {
  static SharedCoder shared = [] {
    SharedCoder s;
    const char* env = std::getenv("ATTACHE_LEXICON");
    s.path = env && *env ? env : std::string(ATTACHE_BINARY_DIR) + "/attache.lex";
    auto coder = Coder::Open(s.path, CoderOptions{});
    if (coder.ok()) s.coder = std::move(*coder);
    else s.error = coder.status().message();
    return s;
  }();
  return shared;
}

// ---------------------------------------------------------------------------------------
// Matching.

bool ActorMatches(const std::string& spec, const std::optional<Actor>& a) {
  if (spec == "-") return true;
  if (!a) return false;
  // "=IGOEU" names an actor code; a longer code that extends it by whole three-letter parts
  // ("IGOEUREEC", "IGONATMIL") is the same actor with a sector added.
  if (spec[0] == '=') {
    std::string want = spec.substr(1);
    return a->code.rfind(want, 0) == 0 && (a->code.size() - want.size()) % 3 == 0;
  }
  return a->country && *a->country == spec;
}

bool CameoMatches(const std::string& spec, const std::string& code) {
  if (!spec.empty() && spec.back() == '*') return code.rfind(spec.substr(0, spec.size() - 1), 0) == 0;
  return code == spec;
}

bool EventMatches(const ExpectedEvent& x, const Event& e) {
  if (x.plover != "-" && (!e.plover || *e.plover != x.plover)) return false;
  if (!CameoMatches(x.cameo, e.cameo)) return false;
  bool direct = ActorMatches(x.source, e.source) && ActorMatches(x.target, e.target);
  bool mirror = x.symmetric && ActorMatches(x.source, e.target) && ActorMatches(x.target, e.source);
  if (!direct && !mirror) return false;
  if (x.date && (!e.date || *e.date != *x.date)) return false;
  if (x.loc && (!e.location || e.location->country != *x.loc)) return false;
  if (x.mode && (!e.plover_mode || *e.plover_mode != *x.mode)) return false;
  if (x.modality && e.modality != *x.modality) return false;
  return true;
}

std::string Collapse(const std::string& s) {
  std::string out;
  bool sp = false;
  for (char ch : s) {
    if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r') {
      sp = true;
      continue;
    }
    if (sp && !out.empty()) out += ' ';
    sp = false;
    out += ch;
  }
  return out;
}

bool QuoteMatches(const ExpectedQuote& x, const Quote& q) {
  if (Collapse(q.span.text).find(Collapse(x.words)) == std::string::npos) return false;
  if (x.speaker == "-") return !q.speaker || !q.speaker->country;
  return ActorMatches(x.speaker, q.speaker);
}

// Maximum bipartite matching (expectations x events), Kuhn's algorithm: the sizes are tiny.
std::vector<int> MatchAll(const std::vector<ExpectedEvent>& xs, const std::vector<Event>& es) {
  std::vector<std::vector<bool>> ok(xs.size(), std::vector<bool>(es.size()));
  for (size_t i = 0; i < xs.size(); ++i)
    for (size_t j = 0; j < es.size(); ++j) ok[i][j] = EventMatches(xs[i], es[j]);
  std::vector<int> event_of(xs.size(), -1), exp_of(es.size(), -1);
  std::function<bool(size_t, std::vector<bool>&)> augment = [&](size_t i, std::vector<bool>& seen) {
    for (size_t j = 0; j < es.size(); ++j) {
      if (!ok[i][j] || seen[j]) continue;
      seen[j] = true;
      if (exp_of[j] < 0 || augment(static_cast<size_t>(exp_of[j]), seen)) {
        exp_of[j] = static_cast<int>(i);
        event_of[i] = static_cast<int>(j);
        return true;
      }
    }
    return false;
  };
  for (size_t i = 0; i < xs.size(); ++i) {
    std::vector<bool> seen(es.size(), false);
    augment(i, seen);
  }
  return event_of;
}

std::string ActorText(const std::optional<Actor>& a) {
  if (!a) return "-";
  std::string s = a->country ? *a->country : "?";
  s += "(" + a->code + " \"" + a->span.text + "\")";
  return s;
}

std::string Describe(const Event& e) {
  std::ostringstream o;
  o << (e.plover ? *e.plover : "-") << " " << e.cameo << " " << ActorText(e.source) << " "
    << ActorText(e.target);
  if (e.symmetric) o << " symmetric";
  o << " date=" << (e.date ? *e.date : "null");
  o << " loc=" << (e.location ? e.location->country : "null");
  if (e.plover_mode) o << " mode=" << *e.plover_mode;
  o << " modality=" << e.modality << " rule=" << e.rule << " trigger=\"" << e.trigger.text
    << "\"\n        sentence " << e.sentence.index << ": " << Collapse(e.sentence.span.text);
  return o.str();
}

std::string DescribeQuote(const Quote& q) {
  std::string s = "quote speaker=" + ActorText(q.speaker) + " \"" + Collapse(q.span.text) + "\"";
  return s;
}

// ---------------------------------------------------------------------------------------
// The tests.

class GoldenTest : public ::testing::TestWithParam<GoldenCase> {};

TEST_P(GoldenTest, Code) {
  const GoldenCase& c = GetParam();
  SCOPED_TRACE(c.file + ":" + std::to_string(c.line) + " " + c.id);
  ASSERT_TRUE(c.errors.empty()) << "malformed case " << c.id << " in " << c.file << ":\n  "
                                << ::testing::PrintToString(c.errors);
  const SharedCoder& sc = TheCoder();
  ASSERT_TRUE(sc.coder) << "cannot open the lexicon " << sc.path << ": " << sc.error;

  DocumentInput in;
  in.id = c.id;
  in.source_uri = c.file;
  in.text = c.text;
  if (!c.title.empty()) in.title = c.title;
  if (!c.published.empty()) in.published = c.published;
  if (!c.lang.empty()) in.lang = c.lang;
  Document doc = sc.coder->Code(in);
  ASSERT_FALSE(doc.failed) << "the coder failed on " << c.id;

  std::vector<int> match = MatchAll(c.events, doc.events);
  std::vector<bool> used(doc.events.size(), false);
  std::vector<std::string> missing, extra, missing_quotes;
  for (size_t i = 0; i < c.events.size(); ++i) {
    if (match[i] < 0) missing.push_back(c.events[i].raw);
    else used[match[i]] = true;
  }
  if (!c.extra_allowed || c.none)
    for (size_t j = 0; j < doc.events.size(); ++j)
      if (!used[j]) extra.push_back(Describe(doc.events[j]));
  for (const auto& q : c.quotes) {
    bool found = std::any_of(doc.quotes.begin(), doc.quotes.end(),
                             [&](const Quote& dq) { return QuoteMatches(q, dq); });
    if (!found) missing_quotes.push_back(q.raw);
  }
  bool pass = missing.empty() && extra.empty() && missing_quotes.empty();
  if (!c.known_gap.empty()) {
    EXPECT_FALSE(pass) << "golden case " << c.id << " (" << c.file << ":" << c.line
                       << ") is marked `status: " << c.known_gap
                       << "` but now passes: remove the marker";
    if (!pass) GTEST_SKIP() << "known gap: " << c.known_gap;
    return;
  }
  if (pass) return;

  std::ostringstream msg;
  msg << "golden case " << c.id << " (" << c.file << ":" << c.line << ")";
  if (!c.note.empty()) msg << " - " << c.note;
  msg << "\n  text: " << Collapse(c.text) << "\n  expected:";
  if (c.none) msg << "\n    none";
  for (const auto& x : c.events) msg << "\n    " << x.raw;
  for (const auto& q : c.quotes) msg << "\n    " << q.raw;
  if (c.extra_allowed) msg << "\n    (extra: allowed)";
  msg << "\n  coded (" << doc.events.size() << " events):";
  for (const auto& e : doc.events) msg << "\n    " << Describe(e);
  for (const auto& q : doc.quotes) msg << "\n    " << DescribeQuote(q);
  if (!missing.empty()) {
    msg << "\n  MISSING:";
    for (const auto& m : missing) msg << "\n    " << m;
  }
  if (!extra.empty()) {
    msg << "\n  UNEXPECTED:";
    for (const auto& m : extra) msg << "\n    " << m;
  }
  if (!missing_quotes.empty()) {
    msg << "\n  MISSING QUOTES:";
    for (const auto& m : missing_quotes) msg << "\n    " << m;
  }
  for (const auto& d : doc.diagnostics) msg << "\n  diagnostic " << d.code << ": " << d.message;
  ADD_FAILURE() << msg.str();
}

INSTANTIATE_TEST_SUITE_P(Cases, GoldenTest, ::testing::ValuesIn(AllCases()),
                         [](const ::testing::TestParamInfo<GoldenCase>& info) {
                           return info.param.test_name;
                         });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GoldenTest);

// Every file parses, ids are unique, and each case sits in the folder of its language.
TEST(GoldenSummary, FilesAreWellFormed) {
  std::map<std::string, std::string> seen;
  for (const auto& c : AllCases()) {
    for (const auto& e : c.errors) ADD_FAILURE() << c.file << ":" << c.line << " " << c.id << ": " << e;
    if (!c.id.empty()) {
      auto [it, fresh] = seen.emplace(c.id, c.file);
      EXPECT_TRUE(fresh) << "duplicate case id " << c.id << " in " << c.file << " and " << it->second;
    }
    EXPECT_EQ(c.lang, c.dir_lang) << c.file << ":" << c.line << " " << c.id
                                  << ": lang differs from the folder";
  }
}

// Enough cases, and every PLOVER type expected at least once in each language.
TEST(GoldenSummary, CoverageOverBothLanguages) {
  const auto& all = AllCases();
  EXPECT_GE(all.size(), kMinCases) << "only " << all.size() << " golden cases";
  std::map<std::string, std::set<std::string>> types_by_lang;
  std::map<std::string, size_t> cases_by_lang;
  for (const auto& c : all) {
    ++cases_by_lang[c.lang];
    for (const auto& e : c.events)
      if (e.plover != "-") types_by_lang[c.lang].insert(e.plover);
  }
  for (const char* lang : {"fr", "en"}) {
    EXPECT_GT(cases_by_lang[lang], 0u) << "no golden case in " << lang;
    std::vector<std::string> missing;
    for (const char* t : kPloverTypes)
      if (!types_by_lang[lang].count(t)) missing.push_back(t);
    EXPECT_TRUE(missing.empty()) << "PLOVER types with no expectation in " << lang << ": "
                                 << ::testing::PrintToString(missing);
  }
}

}  // namespace
}  // namespace attache
