// The coder: runs the stages over one document and fills the record. Immutable after Open;
// Code() keeps its scratch state in a per-thread workspace that is cleared, not freed.
#include "attache/coder.h"

#include <cstdio>  // CLD2's header needs it first
#include <cld2/public/compact_lang_det.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <chrono>
#include <cmath>
#include <map>

#include "dict/dictionaries.h"
#include "event/events.h"
#include "ingest/dispatch.h"
#include "lexicon/lexicon.h"
#include "pack/pack.h"
#include "pipeline/engine.h"
#include "quote/quotes.h"
#include "text/fold.h"
#include "text/normalize.h"
#include "text/segment.h"
#include "text/strings.h"
#include "text/tokenize.h"
#include "time/time.h"

namespace attache {
namespace {

namespace pl = attache::pipeline;

struct LangRuntime {
  pack::LanguagePack pack;
  std::unique_ptr<timex::TimeWords> time_words;
  lex::Lang code = lex::Lang::kFr;
};

int Quad(std::string_view cameo) {
  int root = std::atoi(std::string(cameo.substr(0, 2)).c_str());
  if (root <= 5) return 1;
  if (root <= 8) return 2;
  if (root <= 13 || root == 16) return 3;
  return 4;
}

double Goldstein(std::string_view cameo) {
  static const std::map<std::string, double, std::less<>> kCodes = {
      {"010", 0.0},  {"011", -0.1}, {"012", -0.4}, {"013", 0.4},  {"014", 0.0}, {"015", 0.0},
      {"016", 3.4},  {"017", 0.0},  {"018", 3.4},  {"019", 3.4},  {"020", 3.0}, {"030", 4.0},
      {"031", 5.2},  {"032", 4.5},  {"033", 5.2},  {"036", 4.0},  {"037", 5.0}, {"038", 7.0},
      {"039", 5.0},  {"040", 1.0},  {"041", 1.0},  {"042", 1.9},  {"043", 2.8}, {"044", 2.5},
      {"045", 5.0},  {"046", 7.0},  {"050", 3.5},  {"051", 3.4},  {"057", 8.0}, {"060", 6.0},
      {"061", 6.4},  {"062", 7.4},  {"070", 7.0},  {"071", 7.4},  {"073", 7.4}, {"080", 5.0},
      {"081", 5.0},  {"084", 7.0},  {"087", 9.0},  {"090", -2.0}, {"100", -5.0}, {"110", -2.0},
      {"111", -2.0}, {"112", -2.0}, {"114", -2.4}, {"120", -4.0}, {"130", -4.4}, {"138", -7.0},
      {"140", -6.5}, {"141", -6.5}, {"143", -6.5}, {"150", -7.2}, {"160", -4.0}, {"161", -4.0},
      {"163", -8.0}, {"166", -7.0}, {"170", -7.0}, {"173", -5.0}, {"180", -9.0}, {"181", -9.0},
      {"186", -10.0}, {"190", -10.0}, {"193", -10.0}, {"195", -10.0}, {"200", -10.0}};
  auto it = kCodes.find(cameo);
  if (it != kCodes.end()) return it->second;
  static const double kRoot[] = {0, 0.0, 3.0, 4.0, 1.0, 3.5, 6.0, 7.0, 5.0, -2.0, -5.0,
                                 -2.0, -4.0, -6.0, -6.5, -7.2, -4.0, -7.0, -9.0, -10.0, -10.0};
  int root = std::atoi(std::string(cameo.substr(0, 2)).c_str());
  return root >= 1 && root <= 20 ? kRoot[root] : 0.0;
}

// The PLOVER type of a CAMEO code by its root; "" for roots 01 and 02 (statements and
// appeals have no PLOVER type) and for anything that is not a code.
std::string PloverOfRoot(std::string_view cameo) {
  int root = std::atoi(std::string(cameo.substr(0, 2)).c_str());
  int sub = cameo.size() >= 3 ? std::atoi(std::string(cameo.substr(0, 3)).c_str()) : root * 10;
  switch (root) {
    case 3: return "AGREE";
    case 4: return "CONSULT";
    case 5: return "SUPPORT";
    case 6: return "COOPERATE";
    case 7: return "AID";
    case 8: return sub >= 84 ? "RETREAT" : "CONCEDE";
    case 9: case 11: return "ACCUSE";
    case 10: return "REQUEST";
    case 12: return "REJECT";
    case 13: return "THREATEN";
    case 14: return "PROTEST";
    case 15: return "MOBILIZE";
    case 16: return "SANCTION";
    case 17: return "COERCE";
    case 18: case 19: case 20: return "ASSAULT";
    default: return "";
  }
}

struct Workspace {
  std::string norm;
  text::OffsetMap map;
  std::vector<text::Token> tokens;
  std::string keys;
};

// The dateline's place: the city (or country) its name stands for. A region after the city
// ("KINGSTOWN, St. Vincent", "SAN JOSE, Costa Rica", "PORTLAND, Maine") picks among the
// towns of that name the one in that country or province; without one, or when none lies
// there, the most populous town wins, and a region alone still gives its country.
uint32_t DatelineEntity(const Lexicon& lexicon, const LangRuntime& rt, const ingest::DispatchParts& parts) {
  if (parts.dateline_place.empty()) return UINT32_MAX;
  // The region's countries and provinces.
  std::vector<uint32_t> regions;
  if (!parts.dateline_region.empty()) {
    std::string rkey = text::PhraseKey(parts.dateline_region, rt.pack.Tokenizer());
    for (lex::Lang lg : {rt.code, lex::Lang::kAny})
      for (uint32_t id : lexicon.Entities(lg, rkey)) {
        auto k = static_cast<lex::EntityKind>(lexicon.entity(id).kind);
        if (k == lex::EntityKind::kCountry || k == lex::EntityKind::kAdmin1) regions.push_back(id);
      }
  }
  // 2: in a province the region names, 1: in a country it names, 0: elsewhere.
  auto fit = [&](const lex::Entity& en) {
    int best = 0;
    for (uint32_t r : regions) {
      const lex::Entity& re = lexicon.entity(r);
      if (std::string_view(re.country) != std::string_view(en.country)) continue;
      bool province = static_cast<lex::EntityKind>(re.kind) == lex::EntityKind::kAdmin1;
      best = std::max(best, province ? (re.extra == en.extra ? 2 : best) : 1);
    }
    return best;
  };
  std::string key = text::PhraseKey(parts.dateline_place, rt.pack.Tokenizer());
  uint32_t best = UINT32_MAX;
  uint32_t best_pop = 0;
  int best_fit = -1;
  for (lex::Lang lg : {rt.code, lex::Lang::kAny}) {
    for (uint32_t id : lexicon.Entities(lg, key)) {
      const lex::Entity& en = lexicon.entity(id);
      auto k = static_cast<lex::EntityKind>(en.kind);
      if (k != lex::EntityKind::kCity && k != lex::EntityKind::kCountry) continue;
      // A national capital is the city a dateline names ("ISLAMABAD (AP)"), whatever
      // smaller or larger namesakes the gazetteer holds.
      uint32_t pop = k == lex::EntityKind::kCountry ? UINT32_MAX
                     : (en.flags & lex::kCapital)   ? UINT32_MAX - 1
                                                    : en.population;
      int f = fit(en);
      if (best == UINT32_MAX || f > best_fit || (f == best_fit && pop > best_pop)) {
        best = id;
        best_pop = pop;
        best_fit = f;
      }
    }
  }
  if (best_fit > 0 || regions.empty()) return best;
  // The region names a country none of the towns lies in: the country places the story.
  for (uint32_t r : regions)
    if (static_cast<lex::EntityKind>(lexicon.entity(r).kind) == lex::EntityKind::kCountry) return r;
  return best;
}

// Is the token's form, or the lemma of one of its readings, a word of the pack's class `cls`?
bool InClass(const pl::Tok& t, std::string_view cls, const pack::LanguagePack& pk,
             const pl::Analyzer& an, const std::string& keys, const Lexicon& lexicon) {
  if (pk.Is(cls, an.Key(t, keys))) return true;
  for (uint32_t r = 0; r < t.nreadings; ++r)
    if (pk.Is(cls, lexicon.str(t.readings[r].lemma))) return true;
  return false;
}

// How far a visit told in the dispatch may stand from the act it places: the visit is the
// story's scene when it is told in the lead or close to the act ("X, en visite à Séoul, a
// signé ..." / the next paragraph); a visit told further on is another trip ("will visit
// Moscow next month"). The window also bounds the search on long documents.
constexpr int kVisitSentencesBefore = 4;
constexpr int kVisitSentencesAfter = 1;
// Words a `visit.words` word may stand before the place ("flew to the capital Bishkek").
constexpr int kVisitWordsBeforePlace = 4;

// Courts and parliaments (sectors JUD, LEG) sit in their own country and act there, whoever
// their act is aimed at ("a Russian court sentenced an American journalist").
bool SitsAtHome(std::string_view sector) { return sector == "JUD" || sector == "LEG"; }

// A visit the dispatch tells ("en visite à Séoul", "flew to Bishkek for the signing", "his
// visit to Kyiv"): a `visit.words` word (form or lemma) shortly before a place in one of the
// two parties' countries, in the event's sentence, the sentences around it, or the lead.
// The nearest first. Returns the sentence index and the place.
std::pair<int, const pl::PlaceHit*> VisitPlace(const std::vector<pl::Sentence>& sentences, size_t si,
                                               const pack::LanguagePack& pk, const pl::Analyzer& an,
                                               const std::string& keys, const Lexicon& lexicon,
                                               std::string_view a, std::string_view b) {
  const int n = static_cast<int>(sentences.size());
  const int at = static_cast<int>(si);
  auto visit_in = [&](int k) -> const pl::PlaceHit* {
    const pl::Sentence& s = sentences[static_cast<size_t>(k)];
    for (const auto& ph : s.places) {
      std::string_view c = lexicon.entity(ph.entity).country;
      if (c.empty() || (c != a && c != b)) continue;
      for (int j = std::max(0, ph.b - kVisitWordsBeforePlace); j < ph.b; ++j) {
        if (InClass(s.toks[j], "visit.words", pk, an, keys, lexicon)) return &ph;
      }
    }
    return nullptr;
  };
  for (int d = 0; d <= std::max(kVisitSentencesBefore, kVisitSentencesAfter); ++d) {
    if (d <= kVisitSentencesBefore && at - d >= 0)
      if (const pl::PlaceHit* ph = visit_in(at - d)) return {at - d, ph};
    if (d > 0 && d <= kVisitSentencesAfter && at + d < n)
      if (const pl::PlaceHit* ph = visit_in(at + d)) return {at + d, ph};
  }
  if (at - kVisitSentencesBefore > 0)  // the lead, beyond the window
    if (const pl::PlaceHit* ph = visit_in(0)) return {0, ph};
  return {-1, nullptr};
}

// "En marge du sommet", "on the sidelines of the summit": does the sentence place its acts at
// a gathering (`sidelines.nouns` followed closely by `gathering.nouns`)?
bool OnSidelines(const pl::Sentence& s, const pack::LanguagePack& pk, const pl::Analyzer& an,
                 const std::string& keys) {
  const int n = static_cast<int>(s.toks.size());
  for (int i = 0; i < n; ++i) {
    if (!pk.Is("sidelines.nouns", an.Key(s.toks[i], keys))) continue;
    for (int j = i + 1; j < n && j <= i + 4; ++j)
      if (pk.Is("gathering.nouns", an.Key(s.toks[j], keys))) return true;
  }
  return false;
}

// Where the gathering is: the place named with a gathering noun ("le sommet de Vilnius", "the
// summit in Vilnius", "the Vilnius summit") in this sentence or the nearest one before it,
// else the first place the lead sentence reads after a locative (the story's own scene:
// "se sont engagés mercredi à La Haye"). Returns the sentence index and the place.
std::pair<int, const pl::PlaceHit*> GatheringPlace(const std::vector<pl::Sentence>& sentences,
                                                   size_t si, const pack::LanguagePack& pk,
                                                   const pl::Analyzer& an, const std::string& keys) {
  for (size_t k = si + 1; k-- > 0;) {
    const pl::Sentence& s = sentences[k];
    const int n = static_cast<int>(s.toks.size());
    for (int g = n - 1; g >= 0; --g) {
      if (!pk.Is("gathering.nouns", an.Key(s.toks[g], keys))) continue;
      for (const auto& ph : s.places) {
        if (ph.e == g) return {static_cast<int>(k), &ph};  // "the Vilnius summit"
        if (ph.b <= g || ph.b > g + 5) continue;
        // "le sommet de Vilnius", "the summit in Vilnius", not "un sommet consacré à l'Ukraine".
        bool verb = false;
        for (int v = g + 1; v < ph.b; ++v)
          verb |= (s.toks[v].pos & lex::kVerb) &&
                  ((s.toks[v].feats & (lex::kInf | lex::kPpre | lex::kPpas)) ||
                   !(s.toks[v].pos & (lex::kNoun | lex::kAdj)));
        if (!verb && (ph.locative || pk.Is("place.genitive", an.Key(s.toks[ph.b - 1], keys))))
          return {static_cast<int>(k), &ph};
      }
    }
  }
  if (!sentences.empty())
    for (const auto& ph : sentences[0].places)
      if (ph.locative) return {0, &ph};
  return {-1, nullptr};
}

}  // namespace

struct Coder::Impl {
  std::unique_ptr<Lexicon> lexicon;
  CoderOptions options;
  LangRuntime fr, en;
  dict::UserDictionaries dicts;  // --dict files, immutable after Open
  std::map<std::string, uint32_t, std::less<>> country_entity;  // ISO3 -> country entity
  std::map<std::string, int32_t, std::less<>> seat_of;  // body's name -> its seat's geonameid
  pl::OfficeIndex offices;
  std::vector<std::string> warnings;

  const LangRuntime& For(std::string_view lang) const { return lang == "en" ? en : fr; }
  Document Run(const DocumentInput& input) const;
  bool ActsAtDateline(const pl::ActorRef& actor, bool institution, const Event& ev,
                      const lex::Entity& dateline) const;
};

Coder::Coder(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Coder::~Coder() = default;
const Lexicon& Coder::lexicon() const { return *impl_->lexicon; }
const std::vector<std::string>& Coder::warnings() const { return impl_->warnings; }

std::string DefaultLexiconPath(const char* argv0) {
  if (const char* env = std::getenv("ATTACHE_LEXICON"); env != nullptr && *env) return env;
  char buf[4096];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);
  std::string exe = n > 0 ? std::string(buf, static_cast<size_t>(n)) : std::string(argv0 ? argv0 : "");
  std::string dir = exe.substr(0, exe.find_last_of('/') + 1);
  std::string beside = dir + "attache.lex";
  if (access(beside.c_str(), R_OK) == 0) return beside;
  std::string share = dir + "../share/attache/attache.lex";
  if (access(share.c_str(), R_OK) == 0) return share;
  return beside;
}

StatusOr<std::unique_ptr<Coder>> Coder::Open(const std::string& lexicon_path,
                                             const CoderOptions& options) {
  auto lx = Lexicon::Open(lexicon_path);
  if (!lx.ok()) return lx.status();
  auto impl = std::make_unique<Impl>();
  impl->lexicon = std::move(lx.value());
  impl->options = options;
  impl->fr.code = lex::Lang::kFr;
  impl->en.code = lex::Lang::kEn;
  // $ATTACHE_PACKS (a data/ folder) overrides the rule files stored in the lexicon, so a
  // frame or grammar edit is tried without recompiling the lexicon.
  std::vector<Lexicon::PackFile> files = impl->lexicon->pack_files();
  std::vector<std::string> owned;
  if (const char* dir = std::getenv("ATTACHE_PACKS"); dir != nullptr && *dir) {
    files.clear();
    owned.reserve(4096);
    std::error_code ec;
    for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
      if (!it->is_regular_file() || it->path().extension() != ".txt") continue;
      StatusOr<std::string> body = text::ReadFile(it->path().string());
      if (!body.ok()) return body.status();
      owned.push_back(std::filesystem::relative(it->path(), dir).string());
      owned.push_back(std::move(*body));
    }
    for (size_t i = 0; i + 1 < owned.size(); i += 2) files.push_back({owned[i], owned[i + 1]});
  }
  for (auto [rt, lang] : {std::pair{&impl->fr, "fr"}, std::pair{&impl->en, "en"}}) {
    Status st = pack::LoadPack(lang, files, rt->pack);
    if (!st.ok()) return st;
  }
  for (uint32_t id = 0; id < impl->lexicon->entity_count(); ++id) {
    const lex::Entity& en = impl->lexicon->entity(id);
    if (static_cast<lex::EntityKind>(en.kind) == lex::EntityKind::kCountry && en.country[0] &&
        en.lang == static_cast<uint8_t>(lex::Lang::kAny))
      impl->country_entity.emplace(en.country, id);
    if (static_cast<lex::EntityKind>(en.kind) == lex::EntityKind::kOrg && en.geonameid)
      impl->seat_of.emplace(impl->lexicon->str(en.name), en.geonameid);
    if (static_cast<lex::EntityKind>(en.kind) == lex::EntityKind::kPerson &&
        !(en.flags & lex::kSurname) && impl->lexicon->str(en.extra)[0] != '\0') {
      std::string where = en.country[0] ? std::string(en.country) : std::string(impl->lexicon->str(en.code));
      if (!where.empty()) impl->offices[where + "|" + impl->lexicon->str(en.extra)].push_back(id);
    }
  }
  for (LangRuntime* rt : {&impl->fr, &impl->en}) {
    auto tw = timex::TimeWords::Build(rt->pack.lang, rt->pack.time_text);
    if (!tw.ok()) return tw.status();
    rt->time_words = std::make_unique<timex::TimeWords>(std::move(tw.value()));
  }
  std::unique_ptr<Coder> coder(new Coder(std::move(impl)));
  // Self-tests: every pack's sentences must still give their codes with this lexicon.
  for (const LangRuntime* rt : {&coder->impl_->fr, &coder->impl_->en}) {
    size_t pos = 0;
    int line = 0;
    const std::string& st = rt->pack.selftest_text;
    while (pos < st.size()) {
      size_t nl = st.find('\n', pos);
      if (nl == std::string::npos) nl = st.size();
      std::string l = st.substr(pos, nl - pos);
      pos = nl + 1;
      ++line;
      if (l.empty() || l[0] == '#') continue;
      size_t bar = l.find(" | ");
      if (bar == std::string::npos) continue;
      char cameo[16] = {0}, src[8] = {0}, tgt[8] = {0};
      if (std::sscanf(l.substr(0, bar).c_str(), "%15s %7s %7s", cameo, src, tgt) != 3) continue;
      DocumentInput in;
      in.id = "selftest";
      in.text = l.substr(bar + 3);
      in.lang = rt->pack.lang;
      in.published = "2025-02-27";
      Document d = coder->Code(in);
      bool ok = false;
      for (const auto& e : d.events) {
        std::string s = e.source && e.source->country ? *e.source->country : "-";
        std::string t = e.target && e.target->country ? *e.target->country : "-";
        bool dyad = (s == src && t == tgt) || (e.symmetric && s == tgt && t == src);
        if (e.cameo == cameo && dyad) ok = true;
      }
      if (!ok) {
        return Status::Error("lexicon self-test failed (lang/" + rt->pack.lang + "/selftest.txt:" +
                             std::to_string(line) + "): \"" + in.text + "\" no longer gives " +
                             cameo + " " + src + " " + tgt +
                             ": the lexicon or a frame file is broken; rebuild with `ninja -C build lexicon`");
      }
    }
  }
  // User dictionaries come after the self-tests, which check the lexicon and packs alone.
  Impl& im = *coder->impl_;
  for (const auto& path : options.user_dictionaries) {
    Status st = im.dicts.Load(path);
    if (!st.ok()) return st;
  }
  // The dictionary coder reads sentences with English function words that travel with the
  // packs (so $ATTACHE_PACKS overrides them too).
  if (!options.user_dictionaries.empty()) {
    const Lexicon::PackFile* words = nullptr;
    for (const auto& f : files)
      if (f.path == "lang/en/dictcoder.txt") words = &f;
    if (words == nullptr)
      return Status::Error("lang/en/dictcoder.txt, the dictionary coder's English words, is not among the packs");
    Status st = im.dicts.LoadWords(words->path, words->text);
    if (!st.ok()) return st;
  }
  for (const auto& w : im.dicts.warnings())
    im.warnings.push_back(w.file + ":" + std::to_string(w.line) + ": " + w.message);
  return coder;
}

Document Coder::Code(const DocumentInput& input) const { return impl_->Run(input); }

// An institution acting at its seat: an international body whose seat is the dateline's
// city (organisations.txt `geonameid=`), or a domestic body of the dateline's country named
// by an institution noun (`institution.nouns`: "the foreign ministry", "la police"), not a
// person ("Chancellor Olaf Scholz" travels).
bool Coder::Impl::ActsAtDateline(const pl::ActorRef& actor, bool institution, const Event& ev,
                                 const lex::Entity& dateline) const {
  if (!ev.plover || *ev.plover == "CONSULT") return false;
  std::string_view home = dateline.country;
  std::string_view target = ev.target && ev.target->country ? std::string_view(*ev.target->country) : "";
  int q = Quad(ev.cameo);
  bool landed_abroad = (q == 2 || q == 4) && !target.empty() && target != home;
  if (!actor.name.empty()) {
    auto it = seat_of.find(actor.name);
    if (it != seat_of.end())
      return !landed_abroad && dateline.geonameid != 0 && it->second == dateline.geonameid;
  }
  if (!institution || actor.country != home) return false;
  const std::string& sec = actor.sector;
  // Courts, parliaments and police act at home even against foreigners ("a Russian court
  // sentenced an American journalist"); a government's material act may land abroad.
  if (SitsAtHome(sec) || sec == "COP") return true;
  return sec == "GOV" && !landed_abroad;
}

Document Coder::Impl::Run(const DocumentInput& input) const {
  thread_local Workspace ws;
  Document doc;
  doc.id = input.id;
  doc.source_uri = input.source_uri;
  std::string_view raw = input.text;
  if (raw.size() > options.max_document_bytes) {
    size_t cut = options.max_document_bytes;
    while (cut > 0 && (static_cast<unsigned char>(raw[cut]) & 0xC0) == 0x80) --cut;
    raw = raw.substr(0, cut);
    doc.diagnostics.push_back({"document_truncated",
                               "document longer than " + std::to_string(options.max_document_bytes) +
                                   " bytes: only the first part was coded"});
  }
  ws.map.Build(raw, ws.norm);
  const std::string& text = ws.norm;
  auto cp = [&](uint32_t b) { return ws.map.ToInput(b); };
  auto span_of = [&](uint32_t b, uint32_t e) {
    Span s;
    s.text = text.substr(b, e - b);
    s.start = cp(b);
    s.end = cp(e);
    return s;
  };

  // Language: given, forced, else CLD2 over the body; fr or en.
  std::string lang;
  // The document's own language (a JSON Lines field) is more specific than the run's.
  if (input.lang && (*input.lang == "fr" || *input.lang == "en")) lang = *input.lang;
  else if (!options.forced_lang.empty() && options.forced_lang != "auto") lang = options.forced_lang;
  ingest::DispatchParts parts = ingest::ParseDispatch(text, lang);
  if (lang.empty()) {
    bool reliable = false;
    std::string_view body(text.data() + parts.body_begin, parts.body_end - parts.body_begin);
    CLD2::Language l = CLD2::DetectLanguage(body.data(), static_cast<int>(std::min<size_t>(body.size(), 1 << 20)), true, &reliable);
    std::string code = CLD2::LanguageCode(l);
    if (code == "fr" || code == "en") {
      lang = code;
    } else {
      lang = "en";
      if (!body.empty())
        doc.diagnostics.push_back({"language_unsupported", "language detected as '" + code +
                                   "': coded with the English pack; pass --lang to choose"});
    }
    if (lang != parts.lang_hint_used && parts.lang_hint_used.empty()) {
      parts = ingest::ParseDispatch(text, lang);
    }
  }
  doc.lang = lang;
  const LangRuntime& rt = For(lang);
  if (parts.has_title) doc.title = std::string(text.substr(parts.title_begin, parts.title_end - parts.title_begin));
  if (input.title) doc.title = *input.title;
  if (!parts.provider.empty()) doc.provider = parts.provider;
  if (!parts.published.empty()) doc.published = parts.published;
  else if (parts.dateline_date.size() == 10) doc.published = parts.dateline_date;
  if (input.published && !input.published->empty()) doc.published = *input.published;
  if (!doc.published && !options.default_published.empty()) doc.published = options.default_published;
  if (!parts.version_note.empty()) doc.version_note = parts.version_note;
  for (const auto& c : parts.credits) doc.credits.push_back({c.name, c.role, c.place.empty() ? std::nullopt : std::optional<std::string>(c.place)});

  timex::CivilDate pub{1970, 1, 1};
  bool have_pub = false;
  if (doc.published) {
    if (auto d = timex::CivilDate::ParseIso(*doc.published)) {
      pub = *d;
      have_pub = true;
    }
  }
  if (!have_pub)
    doc.diagnostics.push_back({"no_publication_date", "no publication date: relative dates are not resolved"});

  pl::Analyzer an(*lexicon, rt.pack);
  an.offices = &offices;
  // The other language's analyzer, for sentences CLD2 reliably reads as that language
  // (a quoted statement in English inside a French dispatch).
  const LangRuntime& other_rt = For(lang == "fr" ? "en" : "fr");
  pl::Analyzer other_an(*lexicon, other_rt.pack);
  other_an.keys = &ws.keys;
  other_an.offices = &offices;
  an.keys = &ws.keys;
  pl::DocContext ctx;
  ctx.text = text;
  ctx.lang = rt.code;
  ctx.date_days = static_cast<int32_t>(pub.ToDays());

  // The dateline's city places the story: its country is the default home of unnamed
  // officials and the first discourse country.
  uint32_t dateline_entity = DatelineEntity(*lexicon, rt, parts);
  if (dateline_entity != UINT32_MAX) {
    ctx.dateline_country = lexicon->entity(dateline_entity).country;
    ctx.last_state_country = ctx.dateline_country;
  }

  const text::TokenizerOptions topt = rt.pack.Tokenizer();
  ws.keys.clear();

  // The title: its compound demonym ("russo-américaine") gives the dispatch's main dyad.
  if (doc.title) {
    pl::Sentence ts;
    ts.index = -1;
    std::string title = *doc.title;
    ws.tokens.clear();
    std::string tkeys;
    std::vector<text::Token> toks;
    if (parts.has_title) {
      text::Tokenize(text, static_cast<uint32_t>(parts.title_begin), static_cast<uint32_t>(parts.title_end), topt, toks, ws.keys);
      for (const auto& t : toks) ts.toks.push_back(pl::Tok{t});
      an.Analyze(ts, ctx);
      // A headline that opens with a country and a colon ("Tchad: l'armée française quitte
      // ...", "Niger: la junte ...") names the story's home when no dateline does.
      if (ctx.dateline_country.empty() && !ts.mentions.empty()) {
        const auto& m = ts.mentions.front();
        auto kind = m.kind;
        if (m.b == 0 && !m.candidate_person && m.also.empty() &&
            (kind == lex::EntityKind::kCountry || kind == lex::EntityKind::kCity) &&
            m.e < static_cast<int32_t>(ts.toks.size()) && an.Key(ts.toks[m.e], ws.keys) == ":") {
          ctx.dateline_country = lexicon->entity(m.entity).country;
          ctx.last_state_country = ctx.dateline_country;
        }
      }
      for (const auto& m : ts.mentions) {
        if (!m.also.empty()) {
          ctx.dyad_a = lexicon->entity(m.also[0]).country;
          ctx.dyad_b = lexicon->entity(m.entity).country;
          break;
        }
      }
      ctx.referents.clear();
    }
  }

  bool cut = false;
  auto ranges = rt.pack.Splitter().Split(text, static_cast<uint32_t>(parts.body_begin),
                                         static_cast<uint32_t>(parts.body_end),
                                         options.max_sentence_bytes, cut);
  // Header, update note and credits never yield events, even inside the body range.
  std::erase_if(ranges, [&](const text::SentenceRange& r) {
    for (const auto& x : parts.excluded)
      if (r.b >= x.begin && r.e <= x.end) return true;
    return false;
  });
  if (cut)
    doc.diagnostics.push_back({"sentence_split", "a sentence longer than " +
                                                     std::to_string(options.max_sentence_bytes) +
                                                     " bytes was cut into pieces"});
  if (ranges.size() > 20000) {
    ranges.resize(20000);
    doc.diagnostics.push_back({"too_many_sentences", "only the first 20000 sentences were coded"});
  }
  std::vector<pl::Sentence> sentences(ranges.size());
  std::vector<std::vector<event::Clause>> clauses(ranges.size());
  bool mixed_noted = false;
  auto quote_spans = quote::FindQuoteSpans(text, static_cast<uint32_t>(parts.body_begin), static_cast<uint32_t>(parts.body_end));
  for (size_t si = 0; si < ranges.size(); ++si) {
    pl::Sentence& s = sentences[si];
    s.index = static_cast<int>(si);
    s.b = ranges[si].b;
    s.e = ranges[si].e;
    s.lang = lang;
    // Per-sentence language: CLD2 on sentences long enough to tell, else the document's.
    bool other = false;
    if (s.e - s.b >= 60) {
      bool reliable = false;
      CLD2::Language l = CLD2::DetectLanguage(text.data() + s.b, static_cast<int>(s.e - s.b), true, &reliable);
      std::string code = CLD2::LanguageCode(l);
      if (reliable && (code == "fr" || code == "en") && code != lang) {
        other = true;
        s.lang = code;
        if (!mixed_noted) {
          doc.diagnostics.push_back({"mixed_language", "some sentences are coded as " + code +
                                                       " within a " + lang + " document"});
          mixed_noted = true;
        }
      }
    }
    const LangRuntime& srt = other ? other_rt : rt;
    const text::TokenizerOptions sopt = srt.pack.Tokenizer();
    std::vector<text::Token> toks;
    text::Tokenize(text, s.b, s.e, sopt, toks, ws.keys);
    s.toks.reserve(toks.size());
    for (const auto& t : toks) s.toks.push_back(pl::Tok{t});
    for (auto& t : s.toks)
      for (const auto& q : quote_spans)
        if (t.t.begin > q.open && t.t.end <= q.close) t.in_quote = true;
    // Times are found even without a publication date: they still shape the phrases
    // ("a rencontré lundi le Premier ministre"); their values are then not reported.
    {
      std::string_view stext(text.data() + s.b, s.e - s.b);
      for (const auto& te : timex::FindTimes(stext, *srt.time_words, pub)) {
        pl::TimeHit th;
        th.byte_b = s.b + static_cast<uint32_t>(te.begin);
        th.byte_e = s.b + static_cast<uint32_t>(te.end);
        th.value = te.value;
        th.value_future = te.value_future;
        th.kind = std::string(timex::KindName(te.kind));
        th.precision = std::string(timex::PrecisionName(te.precision));
        th.partial = te.weekday_or_partial;
        th.b = th.e = -1;
        for (size_t j = 0; j < s.toks.size(); ++j) {
          if (s.toks[j].t.end > th.byte_b && s.toks[j].t.begin < th.byte_e) {
            if (th.b < 0) th.b = static_cast<int>(j);
            th.e = static_cast<int>(j) + 1;
          }
        }
        if (th.b >= 0) s.times.push_back(std::move(th));
      }
    }
    pl::Analyzer& san = other ? other_an : an;
    ctx.lang = srt.code;
    san.Analyze(s, ctx);
    clauses[si] = event::SplitClauses(s, san);
    ctx.lang = rt.code;
    if (std::getenv("ATTACHE_TRACE") != nullptr) {
      // Developer trace of the analysis (stderr), for writing frames and cases.
      std::fprintf(stderr, "S%d:", s.index);
      for (const auto& p : s.phrases) {
        std::fprintf(stderr, " [%s%.*s", p.prep >= 0 ? "(prep) " : p.prep == -2 ? "(coord) " : "",
                     static_cast<int>(s.toks[p.e - 1].t.end - s.toks[p.b].t.begin), text.data() + s.toks[p.b].t.begin);
        for (const auto& m : p.members) std::fprintf(stderr, " =%s", m.code.c_str());
        std::fprintf(stderr, "]");
      }
      std::fprintf(stderr, "\n");
    }
  }

  // Events.
  int n_event = 0;
  for (size_t si = 0; si < sentences.size(); ++si) {
    pl::Sentence& s = sentences[si];
    bool other_lang = s.lang != lang;
    ctx.lang = other_lang ? other_rt.code : rt.code;
    auto drafts = event::FindEvents(s, ctx, other_lang ? other_an : an, clauses[si]);
    ctx.lang = rt.code;
    // The sentence's own pack, and whether it places its acts at a gathering: once per
    // sentence, not per event.
    const pack::LanguagePack& spk = (other_lang ? other_rt : rt).pack;
    const bool on_sidelines = !drafts.empty() && OnSidelines(s, spk, an, ws.keys);
    for (auto& d : drafts) {
      Event ev;
      ev.id = doc.id + "#e" + std::to_string(++n_event);
      ev.rule = d.frame->id;
      ev.cameo = d.cameo;
      ev.plover = d.frame->plover.empty() ? std::optional<std::string>() : d.frame->plover;
      if (!ev.plover && d.frame->plover.empty()) {
        std::string p = PloverOfRoot(ev.cameo);
        if (!p.empty()) ev.plover = p;
      }
      ev.context = d.frame->context;
      ev.symmetric = d.symmetric;
      auto actor_of = [&](const pl::ActorRef& a) {
        Actor out;
        if (a.b >= 0 && a.e > a.b) {
          out.span = span_of(s.toks[a.b].t.begin, s.toks[a.e - 1].t.end);
        }
        if (!a.name.empty()) out.name = a.name;
        if (!a.country.empty()) out.country = a.country;
        if (!a.sector.empty()) out.sector = a.sector;
        out.code = a.code;
        return out;
      };
      if (d.has_source) ev.source = actor_of(d.source);
      if (d.has_target) ev.target = actor_of(d.target);
      // The trigger first: a location inferred rather than read has an empty span at its start.
      ev.trigger = span_of(s.toks[d.trig_b].t.begin, s.toks[d.trig_e - 1].t.end);
      // A place entity as the event's location.
      auto place_of = [&](uint32_t entity, Span span, const char* basis) {
        const lex::Entity& en = lexicon->entity(entity);
        Place pl;
        pl.span = std::move(span);
        pl.name = lexicon->str(en.name);
        pl.country = en.country;
        if (!std::isnan(en.lat)) pl.lat = en.lat;
        if (!std::isnan(en.lon)) pl.lon = en.lon;
        if (en.geonameid) pl.geonameid = en.geonameid;
        auto k = static_cast<lex::EntityKind>(en.kind);
        pl.feature = k == lex::EntityKind::kCountry ? "country" : k == lex::EntityKind::kCity ? "city"
                     : k == lex::EntityKind::kAdmin1 ? "admin1" : "other";
        pl.basis = basis;
        return pl;
      };
      if (d.place)
        ev.location = place_of(d.place->entity,
                               span_of(s.toks[d.place->b].t.begin, s.toks[d.place->e - 1].t.end),
                               "text");
      // An act "on the sidelines of the summit" took place where the summit is, named in
      // this sentence or earlier (basis "story", the span of that earlier mention).
      if (!ev.location && on_sidelines) {
        auto [gi, gp] = GatheringPlace(sentences, si, spk, an, ws.keys);
        if (gp != nullptr) {
          const pl::Sentence& gs = sentences[static_cast<size_t>(gi)];
          ev.location = place_of(gp->entity, span_of(gs.toks[gp->b].t.begin, gs.toks[gp->e - 1].t.end),
                                 "story");
        }
      }
      // A meeting, agreement or signing between two countries with no place named took place
      // where the dispatch says one party visited the other (basis "story").
      if (!ev.location && Quad(ev.cameo) == 1 && ev.source && ev.target && ev.source->country &&
          ev.target->country && *ev.source->country != *ev.target->country) {
        auto [vi, vp] = VisitPlace(sentences, si, spk, an, ws.keys,
                                   *lexicon, *ev.source->country, *ev.target->country);
        if (vp != nullptr) {
          const pl::Sentence& vs = sentences[static_cast<size_t>(vi)];
          ev.location = place_of(vp->entity, span_of(vs.toks[vp->b].t.begin, vs.toks[vp->e - 1].t.end),
                                 "story");
        }
      }
      // Two parties signing together ("Starmer and Zelenskiy signed a loan agreement") met to
      // sign (`copresence.verbs`): the meeting rule below places it like a meeting.
      const bool cosigned = ev.symmetric && [&] {
        for (int j = d.trig_b; j < d.trig_e; ++j)
          if (InClass(s.toks[j], "copresence.verbs", spk, an, ws.keys, *lexicon)) return true;
        return false;
      }();
      // A meeting with no place named, between parties one of which is the dateline's
      // country, was held where the dispatch was filed: the dateline's city, marked so.
      // (Only when the dateline is one party's country or the sentence names it: a "PARIS
      // (AFP) -" wrap-up of talks elsewhere says where the desk is, not where they were.)
      if (!ev.location && ev.plover && ((*ev.plover == "CONSULT" && d.mode == "by-place") || cosigned) &&
          dateline_entity != UINT32_MAX && ev.target && ev.source &&
          [&] {
            std::string_view dc = lexicon->entity(dateline_entity).country;
            if (ev.source->country.value_or("") == dc || ev.target->country.value_or("") == dc)
              return true;
            // A host named in the sentence: "se sont serré la main devant le président turc".
            for (const auto& m : s.mentions)
              if (std::string_view(lexicon->entity(m.entity).country) == dc &&
                  !m.candidate_person)
                return true;
            return false;
          }())
        ev.location = place_of(dateline_entity, Span{"", ev.trigger.start, ev.trigger.start},
                               "dateline");
      // No place named, and the actor an institution that sits in the dateline's city or
      // country: it acted at home, where the dispatch was filed (the ICC reported from The
      // Hague, a ministry from its capital). Not for meetings (held anywhere), persons (who
      // travel) or a material act that landed in another country.
      auto institution = [&](const pl::ActorRef& a) {
        for (int j = std::max(a.b, 0); j < a.e && j < static_cast<int>(s.toks.size()); ++j)
          if (InClass(s.toks[j], "institution.nouns", spk, an, ws.keys, *lexicon)) return true;
        return false;
      };
      if (!ev.location && dateline_entity != UINT32_MAX && d.has_source &&
          ActsAtDateline(d.source, institution(d.source), ev, lexicon->entity(dateline_entity)))
        ev.location = place_of(dateline_entity, Span{"", ev.trigger.start, ev.trigger.start},
                               "dateline");
      // No place named: the country where a material act landed (the target's), else the
      // actor's own for what it said or decided, marked as inferred from the parties.
      if (!ev.location) {
        std::string S = ev.source && ev.source->country ? *ev.source->country : "";
        std::string T = ev.target && ev.target->country ? *ev.target->country : "";
        int q = Quad(ev.cameo);
        bool consult = ev.plover && *ev.plover == "CONSULT";
        std::string where;
        // A summons or an expulsion takes place in the country that summons or expels
        // (frames marked `location = source`).
        if (d.frame != nullptr && d.frame->at_source) where = S;
        // Courts and parliaments sit in their own country, whoever their act is aimed at.
        else if (!S.empty() && ev.source && SitsAtHome(ev.source->sector.value_or("")))
          where = S;
        else if (consult) where = (d.mode == "visit" && !T.empty()) ? T : "";
        else if (q == 2 || q == 4) where = !T.empty() ? T : S;
        else where = (!S.empty() && (T.empty() || S == T)) ? S : "";
        auto it = where.empty() ? country_entity.end() : country_entity.find(where);
        if (it != country_entity.end()) {
          // Not place_of(): a location inferred from the parties has no coordinates (a
          // country's centroid would map the act somewhere no text put it; doc/FORMATS.md).
          const lex::Entity& en = lexicon->entity(it->second);
          Place pl;
          pl.span = Span{"", ev.trigger.start, ev.trigger.start};
          pl.name = lexicon->str(en.name);
          pl.country = where;
          pl.feature = "country";
          pl.basis = "parties";
          ev.location = pl;
        }
      }
      // Mode: fixed by the frame, or from the place for meetings.
      std::string mode = d.mode;
      if (mode == "by-place") {
        mode.clear();
        if (ev.location && ev.source && ev.source->country) {
          const std::string& L = ev.location->country;
          std::string S = ev.source->country.value_or("");
          std::string T = ev.target && ev.target->country ? *ev.target->country : "";
          if (!T.empty() && L != S && L != T) { mode = "third-party"; ev.cameo = ev.cameo == "040" ? "044" : ev.cameo; }
          else if (!T.empty() && L == T && L != S) { mode = "visit"; ev.cameo = ev.cameo == "040" ? "042" : ev.cameo; }
          else if (!T.empty() && L == S && L != T) {
            // Met at home: the other party is the visitor, and PLOVER makes the visitor the
            // actor and the host the recipient.
            mode = "visit";
            std::swap(ev.source, ev.target);
            ev.cameo = ev.cameo == "040" ? "042" : ev.cameo;
          }
        }
      }
      // A visit is a meeting of both parties, told from either side (CAMEO 042 and 043 are
      // two views of one act): one event, the visitor as actor, marked symmetric.
      if (mode == "visit" && ev.source && ev.target && ev.plover && *ev.plover == "CONSULT")
        ev.symmetric = true;
      if (!mode.empty()) ev.plover_mode = mode;
      // A blow announced or held out ("could strike", "imposera des sanctions") is, in
      // CAMEO, a threat (13x); the modality stays planned or hypothetical.
      // An announced sanction ("will suspend aid") is a decision and stays a sanction; only
      // a blow held out as possible, or a future attack, is a threat.
      if (ev.plover && ((*ev.plover == "ASSAULT" && (d.modality == "planned" || d.modality == "hypothetical")) ||
                        ((*ev.plover == "SANCTION" || *ev.plover == "COERCE") && d.modality == "hypothetical"))) {
        const std::string mode0 = ev.plover_mode.value_or("");
        if (*ev.plover == "ASSAULT") {
          ev.cameo = "138";
          ev.plover_mode = "violence";
        } else if (*ev.plover == "SANCTION") {
          ev.cameo = mode0 == "expel" ? "131" : "1312";
          ev.plover_mode = mode0 == "expel" ? "expel" : "relations";
        } else {
          ev.cameo = "137";
          ev.plover_mode = mode0 == "arrest" ? "arrest" : "restrict";
        }
        ev.plover = "THREATEN";
      }
      // A cooperative act announced for later is, in CAMEO, an expressed intent (03x):
      // "will meet" is 036, "will send aid" 033, "doit libérer" 035. The modality stays
      // "planned" and the rule id says which frame saw it.
      if (d.modality == "planned" && ev.plover) {
        static const std::map<std::string, std::string, std::less<>> kIntent = {
            {"CONSULT", "036"}, {"AID", "033"}, {"COOPERATE", "031"}, {"SUPPORT", "032"},
            {"CONCEDE", "035"}, {"RETREAT", "035"}};
        auto it = kIntent.find(*ev.plover);
        if (it != kIntent.end()) {
          ev.cameo = it->second;
          ev.plover = "AGREE";
          ev.plover_mode.reset();
        }
      }
      ev.quad = Quad(ev.cameo);
      ev.goldstein = Goldstein(ev.cameo);
      if (d.time && have_pub) {
        ev.date = d.future && d.time->partial ? d.time->value_future : d.time->value;
        if (ev.date->size() > 10) ev.date = ev.date->substr(0, 10);
        ev.date_text = std::string(text.substr(d.time->byte_b, d.time->byte_e - d.time->byte_b));
        ev.date_precision = d.time->precision == "month" ? "month" : d.time->precision == "year" ? "year" : "day";
      } else if (have_pub) {
        ev.date = pub.Format();
        ev.date_precision = "published";
      }
      ev.sentence.index = s.index;
      ev.sentence.span = span_of(s.b, s.e);
      ev.modality = d.modality;
      double conf = d.confidence;
      if (!d.has_target) conf *= 0.85;
      if (d.source.pronoun || d.source.anaphoric) conf *= 0.9;
      ev.confidence = std::round(conf * 100) / 100;
      doc.events.push_back(std::move(ev));
    }
  }

  // User dictionaries (--dict): TABARI/PETRARCH-style patterns over the same sentences.
  if (!dicts.empty()) {
    for (const auto& s : sentences) {
      std::vector<dict::DictEvent> found;
      dict::SentenceContext dctx;
      if (have_pub) dctx.date = pub.y * 10000 + pub.m * 100 + pub.d;
      dctx.lexicon = lexicon.get();
      dctx.keys = &ws.keys;  // the sentence tokens' folded keys: not folded again
      dict::CodeSentence(dicts, s, text, dctx, found);
      for (const auto& de : found) {
        Event ev;
        ev.id = doc.id + "#e" + std::to_string(++n_event);
        ev.rule = de.rule;
        ev.cameo = de.cameo;
        if (std::string p = PloverOfRoot(de.cameo); !p.empty()) ev.plover = p;
        auto actor = [&](const std::string& code, int b, int e) {
          Actor a;
          a.code = code;
          if (code.size() >= 3 && code.compare(0, 3, "IGO") != 0 && code.compare(0, 3, "NGO") != 0 &&
              code.compare(0, 3, "IMG") != 0 && code.compare(0, 3, "MNC") != 0)
            a.country = code.substr(0, 3);
          if (code.size() >= 6) a.sector = code.substr(3, 3);
          if (b >= 0 && e > b) a.span = span_of(s.toks[b].t.begin, s.toks[e - 1].t.end);
          return a;
        };
        if (!de.source.empty()) ev.source = actor(de.source, de.src_b, de.src_e);
        if (!de.target.empty()) ev.target = actor(de.target, de.tgt_b, de.tgt_e);
        ev.quad = Quad(de.cameo);
        ev.goldstein = Goldstein(de.cameo);
        ev.sentence.index = s.index;
        ev.sentence.span = span_of(s.b, s.e);
        ev.trigger = span_of(s.toks[de.trig_b].t.begin, s.toks[de.trig_e - 1].t.end);
        if (have_pub) {
          ev.date = pub.Format();
          ev.date_precision = "published";
        }
        ev.confidence = 0.5;
        // The user's dictionary speaks for this dyad in this sentence: the built-in frame's
        // event for the same pair is dropped rather than counted twice.
        auto ctry = [](const std::optional<Actor>& a) { return a && a->country ? *a->country : std::string(); };
        std::erase_if(doc.events, [&](const Event& o) {
          if (o.sentence.index != s.index || o.rule.rfind("dict:", 0) == 0) return false;
          bool same = ctry(o.source) == ctry(ev.source) && ctry(o.target) == ctry(ev.target);
          bool mirror = o.symmetric && ctry(o.source) == ctry(ev.target) && ctry(o.target) == ctry(ev.source);
          return same || mirror;
        });
        doc.events.push_back(std::move(ev));
      }
    }
  }

  // Quotes.
  for (const auto& qd : quote::AttributeQuotes(quote_spans, sentences, clauses, an, ctx)) {
    Quote q;
    q.span = span_of(qd.text_b, qd.text_e);
    q.sentence_index = qd.sentence_index;
    if (qd.has_speaker) {
      Actor a;
      const pl::Sentence* ss = nullptr;
      for (const auto& s : sentences)
        if (qd.speaker.b >= 0 && s.index == qd.speaker_sentence) ss = &s;
      if (ss && qd.speaker.b >= 0 && qd.speaker.e <= static_cast<int>(ss->toks.size()) && qd.speaker.e > qd.speaker.b)
        a.span = span_of(ss->toks[qd.speaker.b].t.begin, ss->toks[qd.speaker.e - 1].t.end);
      if (!qd.speaker.name.empty()) a.name = qd.speaker.name;
      if (!qd.speaker.country.empty()) a.country = qd.speaker.country;
      if (!qd.speaker.sector.empty()) a.sector = qd.speaker.sector;
      a.code = qd.speaker.code;
      q.speaker = a;
    }
    if (qd.verb_e > qd.verb_b) q.verb = std::string(text.substr(qd.verb_b, qd.verb_e - qd.verb_b));
    if (qd.time && have_pub) q.date = qd.time->value.substr(0, 10);
    doc.quotes.push_back(std::move(q));
  }

  // Mentions and times.
  for (const auto& s : sentences) {
    for (const auto& m : s.mentions) {
      Mention mo;
      mo.span = span_of(s.toks[m.b].t.begin, s.toks[m.e - 1].t.end);
      if (m.candidate_person) {
        mo.type = "PER";
      } else {
        const lex::Entity& en = lexicon->entity(m.entity);
        switch (m.kind) {
          case lex::EntityKind::kPerson: mo.type = "PER"; break;
          case lex::EntityKind::kCountry: mo.type = "GPE"; break;
          case lex::EntityKind::kCity: case lex::EntityKind::kAdmin1: case lex::EntityKind::kPlaceOther: mo.type = "LOC"; break;
          case lex::EntityKind::kDemonym: mo.type = "NORP"; break;
          case lex::EntityKind::kOrg: case lex::EntityKind::kMetonym: mo.type = "ORG"; break;
          default: continue;  // titles are not named entities
        }
        mo.name = lexicon->str(en.name);
        if (en.country[0]) mo.country = en.country;
        if (en.sector[0]) mo.sector = en.sector;
      }
      doc.mentions.push_back(std::move(mo));
    }
    for (const auto& th : s.times) {
      if (!have_pub) break;
      TimeMention tm;
      tm.span = span_of(th.byte_b, th.byte_e);
      tm.value = th.value;
      tm.kind = th.kind;
      doc.times.push_back(std::move(tm));
    }
  }
  return doc;
}

}  // namespace attache
