#include "eval/scorer.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <tuple>

#include "eval/text_match.h"

namespace attache::eval {
namespace {

const Json kNull;

// dict.get(key) of Python: null when `j` is no object or has no such key.
const Json& Get(const Json& j, const char* key) {
  if (!j.is_object()) return kNull;
  auto it = j.find(key);
  return it == j.end() ? kNull : *it;
}

// Python truthiness of a JSON value.
bool Truthy(const Json& j) {
  switch (j.type()) {
    case Json::value_t::null:
    case Json::value_t::discarded:
      return false;
    case Json::value_t::boolean:
      return j.get<bool>();
    case Json::value_t::number_integer:
      return j.get<int64_t>() != 0;
    case Json::value_t::number_unsigned:
      return j.get<uint64_t>() != 0;
    case Json::value_t::number_float:
      return j.get<double>() != 0.0;
    case Json::value_t::string:
      return !j.get_ref<const std::string&>().empty();
    case Json::value_t::array:
    case Json::value_t::object:
      return !j.empty();
    default:
      return true;
  }
}

// `x or ''`: the value itself when truthy, else the empty string.
Json OrEmpty(const Json& j) { return Truthy(j) ? j : Json(""); }

// The string held by `j`, else "" (None and non-strings normalise to nothing).
std::string Str(const Json& j) { return j.is_string() ? j.get<std::string>() : std::string(); }

// What Python's str() shows for a JSON scalar in the listings.
std::string Show(const Json& j) {
  if (j.is_null()) return "None";
  if (j.is_string()) return j.get<std::string>();
  return j.dump();
}

// score.py's root(): the first two characters of the code, '' for none.
std::string Root(const Json& code) {
  if (!Truthy(code)) return "";
  return FirstCodePoints(code.is_string() ? code.get<std::string>() : code.dump(), 2);
}

// score.py's country(): the "country" of an actor object, else null.
const Json& Country(const Json& actor) { return Get(actor, "country"); }

bool Required(const Json& ge) {
  if (!ge.is_object() || !ge.contains("required")) return true;
  return Truthy(ge["required"]);
}

std::string PredSentence(const Json& pe) {
  const Json& s = Get(pe, "sentence");
  if (s.is_object()) return Str(Get(s, "text"));
  return Str(s);
}

const Json& PredDate(const Json& pe) {
  const Json& d = Get(pe, "date");
  return d.is_object() ? Get(d, "value") : d;
}

const Json& PredPlover(const Json& pe) {
  const Json& p = Get(pe, "plover");
  return p.is_object() ? Get(p, "event") : p;
}

bool DyadOk(const Json& ge, const Json& pe) {
  const Json &gs = Country(Get(ge, "source")), &gt = Country(Get(ge, "target"));
  const Json &ps = Country(Get(pe, "source")), &pt = Country(Get(pe, "target"));
  const bool sym = Truthy(Get(ge, "symmetric")) || Truthy(Get(pe, "symmetric"));
  auto fits = [](const Json& g, const Json& p) { return g.is_null() || g == p; };
  if (fits(gs, ps) && fits(gt, pt)) return true;
  return sym && fits(gs, pt) && fits(gt, ps);
}

bool TypeOk(const Json& ge, const Json& pe) {
  const Json& gp = Get(ge, "plover");
  if (Truthy(gp) && PredPlover(pe) == gp) return true;
  const std::string pr = Root(Get(pe, "cameo"));
  if (pr == Root(Get(ge, "cameo"))) return true;
  const Json& also = Get(ge, "cameo_also");
  if (also.is_array()) {
    for (const Json& c : also) {
      if (pr == Root(c)) return true;
    }
  }
  return false;
}

bool CameoSame(const Json& ge, const Json& pe) {
  return OrEmpty(Get(pe, "cameo")) == OrEmpty(Get(ge, "cameo"));
}

// score.py's pair_score(): negative when the pair cannot match. The sentences come
// prepared (PrepareSentence), once per event rather than once per pair.
double PairScore(const Json& ge, const NormSentence& gs, const Json& pe, const NormSentence& ps) {
  if (!SameSentence(gs, ps)) return -1;
  if (!(TypeOk(ge, pe) && DyadOk(ge, pe))) return -1;
  double score = 1.0;
  const Json& gdate = Get(ge, "date");
  if (Truthy(gdate) && PredDate(pe) == gdate) score += 0.5;
  if (CameoSame(ge, pe)) score += 0.25;
  return score;
}

std::string Dyad(const Json& e) {
  return Show(Country(Get(e, "source"))) + "->" + Show(Country(Get(e, "target")));
}

std::string Describe(const Json& e) {
  const Json& plover = e.contains("plover") ? PredPlover(e) : kNull;
  std::string s = Truthy(plover) ? Show(plover) : "-";
  s += " " + (Truthy(Get(e, "cameo")) ? Show(Get(e, "cameo")) : std::string("-"));
  return s + " " + Dyad(e);
}

// True when `pe` is the reverse-direction copy of a paired event that is symmetric (in gold
// or as predicted): same sentence, same CAMEO root, source and target swapped.
bool MirrorsMatched(const Json& pe, const std::vector<Json>& pev, const std::map<size_t, size_t>& pm,
                    const std::vector<Json>& gev) {
  const std::string sentence = NormText(PredSentence(pe));
  for (const auto& [pj, gj] : pm) {
    const Json& me = pev[pj];
    if (!(Truthy(Get(gev[gj], "symmetric")) || Truthy(Get(me, "symmetric")))) continue;
    if (NormText(PredSentence(me)) != sentence || Root(Get(me, "cameo")) != Root(Get(pe, "cameo"))) {
      continue;
    }
    if (Country(Get(me, "source")) == Country(Get(pe, "target")) &&
        Country(Get(me, "target")) == Country(Get(pe, "source"))) {
      return true;
    }
  }
  return false;
}

std::vector<Json> ArrayOf(const Json& j) {
  std::vector<Json> v;
  if (j.is_array()) v.assign(j.begin(), j.end());
  return v;
}

// os.path.splitext(os.path.basename(s))[0]
std::string Stem(const std::string& s) {
  const size_t slash = s.rfind('/');
  std::string base = slash == std::string::npos ? s : s.substr(slash + 1);
  const size_t dot = base.rfind('.');
  if (dot == std::string::npos) return base;
  // Leading dots do not start an extension (".hidden").
  for (size_t i = 0; i < dot; ++i) {
    if (base[i] != '.') return base.substr(0, dot);
  }
  return base;
}

}  // namespace

void Tally::Add(const Tally& o) {
  req += o.req;
  req_hit += o.req_hit;
  tp += o.tp;
  fp += o.fp;
  opt_hit += o.opt_hit;
  date_n += o.date_n;
  date_ok += o.date_ok;
  loc_n += o.loc_n;
  loc_ok += o.loc_ok;
  cameo_ok += o.cameo_ok;
  forbidden += o.forbidden;
  q_n += o.q_n;
  q_hit += o.q_hit;
  q_spk += o.q_spk;
}

const char* KindName(Finding::Kind kind) {
  switch (kind) {
    case Finding::Kind::kMiss: return "miss";
    case Finding::Kind::kFalsePositive: return "fp";
    case Finding::Kind::kForbidden: return "forbidden";
    case Finding::Kind::kQuoteMiss: return "quote-miss";
    case Finding::Kind::kWrongSpeaker: return "speaker";
    case Finding::Kind::kWrongCameo: return "cameo";
    case Finding::Kind::kWrongDate: return "date";
    case Finding::Kind::kWrongLocation: return "location";
  }
  return "?";
}

std::string TypeLabel(const Json& event) {
  const Json& plover = PredPlover(event);
  if (plover.is_string() && !plover.get<std::string>().empty()) return plover.get<std::string>();
  const std::string root = Root(Get(event, "cameo"));
  return root.empty() ? "(untyped)" : "CAMEO " + root;
}

StatusOr<std::vector<GoldDoc>> ReadGoldDir(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::Error("not a directory: " + dir);
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.size() > 5 && name.ends_with(".json")) names.push_back(name);
  }
  if (ec) return Status::Error("cannot list " + dir + ": " + ec.message());
  std::sort(names.begin(), names.end());  // byte order of UTF-8 = Python's code point order
  std::vector<GoldDoc> docs;
  for (const std::string& name : names) {
    GoldDoc doc;
    doc.name = name.ends_with(".gold.json") ? name.substr(0, name.size() - 10)
                                            : name.substr(0, name.size() - 5);
    doc.path = (fs::path(dir) / name).string();
    std::ifstream in(doc.path, std::ios::binary);
    if (!in) return Status::Error("cannot read " + doc.path);
    try {
      doc.gold = Json::parse(in);
    } catch (const std::exception& e) {
      return Status::Error("bad JSON in " + doc.path + ": " + e.what());
    }
    docs.push_back(std::move(doc));
  }
  return docs;
}

std::string PredictionKey(const Json& doc) {
  for (const char* k : {"id", "source_uri", "file"}) {
    Json v = Get(doc, k);
    if (!Truthy(v)) v = Get(Get(doc, "doc"), k);
    if (Truthy(v)) return Stem(v.is_string() ? v.get<std::string>() : v.dump());
  }
  return "";
}

StatusOr<Predictions> ReadPredictions(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error("cannot read predictions " + path);
  Predictions preds;
  std::string line;
  size_t lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (line.find_first_not_of(" \t\r\n\f\v") == std::string::npos) continue;
    try {
      Json doc = Json::parse(line);
      std::string key = PredictionKey(doc);
      preds[key] = std::move(doc);
    } catch (const std::exception& e) {
      return Status::Error(path + ":" + std::to_string(lineno) + ": bad JSON: " + e.what());
    }
  }
  return preds;
}

DocScore ScoreDocument(const std::string& name, const Json& gold, const Json* pred) {
  DocScore r;
  r.name = name;
  r.missing_doc = pred == nullptr;
  const bool have_pred = pred != nullptr && Truthy(*pred);
  r.lang = Str(Get(gold, "lang"));
  if (r.lang.empty() && have_pred) r.lang = Str(Get(*pred, "lang"));
  if (r.lang.empty()) r.lang = "?";

  const std::vector<Json> gev = ArrayOf(Get(gold, "events"));
  const std::vector<Json> pev = have_pred ? ArrayOf(Get(*pred, "events")) : std::vector<Json>{};

  // Candidate pairs, best first; ties to the higher gold, then predicted, index.
  std::vector<std::tuple<double, size_t, size_t>> cands;
  std::vector<NormSentence> gsent, psent;
  if (!pev.empty())
    for (const Json& ge : gev) gsent.push_back(PrepareSentence(Str(Get(ge, "sentence"))));
  if (!gev.empty())
    for (const Json& pe : pev) psent.push_back(PrepareSentence(PredSentence(pe)));
  for (size_t gi = 0; gi < gev.size(); ++gi) {
    for (size_t pi = 0; pi < pev.size(); ++pi) {
      const double s = PairScore(gev[gi], gsent[gi], pev[pi], psent[pi]);
      if (s >= 0) cands.emplace_back(s + (Required(gev[gi]) ? 10 : 0), gi, pi);
    }
  }
  std::sort(cands.begin(), cands.end(), std::greater<>());
  std::map<size_t, size_t> gm, pm;
  for (const auto& [s, gi, pi] : cands) {
    if (gm.count(gi) || pm.count(pi)) continue;
    gm[gi] = pi;
    pm[pi] = gi;
  }

  Tally& t = r.tally;
  for (size_t gi = 0; gi < gev.size(); ++gi) {
    const Json& ge = gev[gi];
    const bool req = Required(ge);
    const std::string type = TypeLabel(ge);
    Tally& tt = r.by_type[type];
    const std::string sentence = Str(Get(ge, "sentence"));
    if (req) {
      ++t.req;
      ++tt.req;
    }
    auto it = gm.find(gi);
    if (it != gm.end()) {
      const Json& pe = pev[it->second];
      if (!req) {
        ++t.opt_hit;
        ++tt.opt_hit;
        continue;
      }
      ++t.req_hit, ++tt.req_hit, ++t.tp, ++tt.tp;
      if (CameoSame(ge, pe)) {
        ++t.cameo_ok, ++tt.cameo_ok;
      } else {
        r.findings.push_back({Finding::Kind::kWrongCameo, type, Describe(ge),
                              Show(Get(ge, "cameo")), Show(Get(pe, "cameo")), sentence});
      }
      const Json& gdate = Get(ge, "date");
      if (Truthy(gdate)) {
        ++t.date_n, ++tt.date_n;
        if (PredDate(pe) == gdate) {
          ++t.date_ok, ++tt.date_ok;
        } else {
          r.findings.push_back({Finding::Kind::kWrongDate, type, Describe(ge), Show(gdate),
                                Show(PredDate(pe)), sentence});
        }
      }
      const Json& gloc = Get(ge, "location");
      if (Truthy(gloc)) {
        ++t.loc_n, ++tt.loc_n;
        const Json& want = Get(gloc, "country");
        const Json& got = Get(Get(pe, "location"), "country");
        if (got == want) {
          ++t.loc_ok, ++tt.loc_ok;
        } else {
          r.findings.push_back(
              {Finding::Kind::kWrongLocation, type, Describe(ge), Show(want), Show(got), sentence});
        }
      }
    } else if (req) {
      r.findings.push_back({Finding::Kind::kMiss, type, Describe(ge), "", "", sentence});
    }
  }

  std::vector<std::string> forbidden;
  for (const Json& f : ArrayOf(Get(gold, "forbidden"))) {
    if (f.is_object() && f.contains("sentence_contains")) {
      forbidden.push_back(NormText(Str(f["sentence_contains"])));
    }
  }
  for (size_t pi = 0; pi < pev.size(); ++pi) {
    const Json& pe = pev[pi];
    const std::string type = TypeLabel(pe);
    const std::string sentence = PredSentence(pe);
    const std::string norm = NormText(sentence);
    const bool is_forbidden = std::any_of(forbidden.begin(), forbidden.end(), [&](const std::string& f) {
      return norm.find(f) != std::string::npos;
    });
    if (is_forbidden) {
      Tally& tt = r.by_type[type];
      ++t.forbidden, ++tt.forbidden, ++t.fp, ++tt.fp;
      r.findings.push_back({Finding::Kind::kForbidden, type, Describe(pe), "", "", sentence});
      continue;
    }
    if (pm.count(pi)) continue;
    if (MirrorsMatched(pe, pev, pm, gev)) continue;  // neutral
    Tally& tt = r.by_type[type];
    ++t.fp, ++tt.fp;
    r.findings.push_back({Finding::Kind::kFalsePositive, type, Describe(pe), "", "", sentence});
  }

  // Quotes.
  const std::vector<Json> pq = have_pred ? ArrayOf(Get(*pred, "quotes")) : std::vector<Json>{};
  std::vector<std::set<std::string>> pq_words;
  for (const Json& q : pq) pq_words.push_back(WordSet(Str(Get(q, "text"))));
  for (const Json& gq : ArrayOf(Get(gold, "quotes"))) {
    ++t.q_n;
    const std::string gtext = Str(Get(gq, "text"));
    const std::set<std::string> gt = WordSet(gtext);
    const Json* best = nullptr;
    for (size_t i = 0; i < pq.size() && !gt.empty(); ++i) {
      const auto& qt = pq_words[i];
      size_t common = 0;
      for (const auto& w : gt) common += qt.count(w);
      if (static_cast<double>(common) / static_cast<double>(gt.size()) >= 0.8 &&
          qt.size() <= 2 * gt.size() + 5) {
        best = &pq[i];
        break;
      }
    }
    if (best == nullptr) {
      r.findings.push_back({Finding::Kind::kQuoteMiss, "", gtext, Str(Get(gq, "speaker")), "", ""});
      continue;
    }
    ++t.q_hit;
    const Json& spk_raw = Get(*best, "speaker");
    const Json spk = Truthy(spk_raw) ? spk_raw : Json::object();
    const std::string stext = Str(OrEmpty(Get(spk, "text"))) + " " + Str(OrEmpty(Get(spk, "name")));
    const std::string gs = Str(Get(gq, "speaker"));
    const std::string ngs = NormText(gs);
    const std::string first = ngs.substr(0, ngs.find(' '));
    static const std::set<std::string> kGeneric = {"un", "une", "a", "an", "le", "la", "the"};
    bool name_ok = true;
    if (!kGeneric.count(first)) {
      const auto a = WordSet(gs), b = WordSet(stext);
      name_ok = std::any_of(a.begin(), a.end(), [&](const std::string& w) { return b.count(w) > 0; });
    }
    const Json& gc = Get(gq, "speaker_country");
    const bool country_ok = gc.is_null() || Get(spk, "country") == gc;
    if (name_ok && country_ok) {
      ++t.q_spk;
    } else {
      std::string got = stext;
      while (!got.empty() && got.back() == ' ') got.pop_back();
      while (!got.empty() && got.front() == ' ') got.erase(got.begin());
      if (got.empty()) got = "None";
      got += " (" + Show(Get(spk, "country")) + ")";
      r.findings.push_back({Finding::Kind::kWrongSpeaker, "", gtext,
                            gs + " (" + Show(gc) + ")", got, ""});
    }
  }
  return r;
}

Summary Summarize(const Tally& t, long docs, long missing_docs) {
  Summary s;
  s.docs = docs;
  s.missing_docs = missing_docs;
  s.tally = t;
  s.precision = t.tp + t.fp ? static_cast<double>(t.tp) / static_cast<double>(t.tp + t.fp) : 0.0;
  s.recall = t.req ? static_cast<double>(t.req_hit) / static_cast<double>(t.req) : 0.0;
  s.f1 = s.precision + s.recall ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0.0;
  auto rate = [](long n, long d) -> std::optional<double> {
    if (d == 0) return std::nullopt;
    return static_cast<double>(n) / static_cast<double>(d);
  };
  s.date_acc = rate(t.date_ok, t.date_n);
  s.loc_acc = rate(t.loc_ok, t.loc_n);
  s.cameo_exact = rate(t.cameo_ok, t.tp);
  s.quote_recall = rate(t.q_hit, t.q_n);
  s.quote_speaker = rate(t.q_spk, t.q_n);
  return s;
}

}  // namespace attache::eval
