#include "eval/report.h"

#include <cstdio>

#include "eval/text_match.h"

namespace attache::eval {
namespace {

using OJson = nlohmann::ordered_json;

OJson Rate(const std::optional<double>& r) {
  return r ? OJson(Round3(*r)) : OJson(nullptr);
}

std::string ShowRate(const std::optional<double>& r) {
  return r ? PyFloatRepr(Round3(*r)) : "None";
}

constexpr ScoreKey kScoreKeys[] = {
    {"precision", false, [](const Summary& s) { return std::optional<double>(s.precision); }},
    {"recall", false, [](const Summary& s) { return std::optional<double>(s.recall); }},
    {"f1", false, [](const Summary& s) { return std::optional<double>(s.f1); }},
    {"date_acc", true, [](const Summary& s) { return s.date_acc; }},
    {"loc_acc", true, [](const Summary& s) { return s.loc_acc; }},
    {"cameo_exact", true, [](const Summary& s) { return s.cameo_exact; }},
    {"quote_recall", true, [](const Summary& s) { return s.quote_recall; }},
    {"quote_speaker", true, [](const Summary& s) { return s.quote_speaker; }},
};

// score.py's summary object, key for key: the counts, then the totals with the tally
// between the always-present ones and the rates.
OJson SummaryJson(const Summary& s) {
  OJson j;
  j["docs"] = s.docs;
  j["missing_docs"] = s.missing_docs;
  for (const ScoreKey& k : kScoreKeys) {
    if (!k.rate) j[std::string(k.name)] = Round3(*k.value(s));
  }
  j["required"] = s.tally.req;
  j["hit"] = s.tally.req_hit;
  j["fp"] = s.tally.fp;
  j["forbidden"] = s.tally.forbidden;
  for (const ScoreKey& k : kScoreKeys) {
    if (k.rate) j[std::string(k.name)] = Rate(k.value(s));
  }
  return j;
}

OJson TypeJson(const Summary& s) {
  OJson j = SummaryJson(s);
  j.erase("docs");
  j.erase("missing_docs");
  j.erase("quote_recall");
  j.erase("quote_speaker");
  j["optional_hit"] = s.tally.opt_hit;
  return j;
}

std::string Fixed(const std::optional<double>& r) {
  if (!r) return "-";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", *r);
  return buf;
}

std::string Pad(const std::string& s, size_t width) {
  size_t cps = 0;
  for (const char c : s) cps += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return cps >= width ? s + " " : s + std::string(width - cps, ' ');
}

std::string Clip(const std::string& s, size_t n) {
  const std::string head = FirstCodePoints(s, n);
  return head.size() < s.size() ? head + "…" : head;
}

std::string Table(const std::string& title, const std::map<std::string, Summary>& rows,
                  bool with_quotes) {
  std::string out = title + "\n";
  std::string head = Pad("", 16) + Pad("P", 7) + Pad("R", 7) + Pad("F1", 7) + Pad("req", 5) +
                     Pad("hit", 5) + Pad("fp", 5) + Pad("opt", 5) + Pad("forb", 6) + Pad("cameo", 7) +
                     Pad("date", 7) + Pad("loc", 7);
  if (with_quotes) head += Pad("quotes", 8) + Pad("speaker", 8);
  while (!head.empty() && head.back() == ' ') head.pop_back();
  out += head + "\n";
  for (const auto& [key, s] : rows) {
    // Undefined rates show as "-" here (score.py's JSON says 0.0 for P and R).
    const bool has_p = s.tally.tp + s.tally.fp > 0, has_r = s.tally.req > 0;
    const std::optional<double> p = has_p ? std::optional<double>(s.precision) : std::nullopt;
    const std::optional<double> r = has_r ? std::optional<double>(s.recall) : std::nullopt;
    const std::optional<double> f = has_p && has_r ? std::optional<double>(s.f1) : std::nullopt;
    std::string line = Pad(key, 16) + Pad(Fixed(p), 7) + Pad(Fixed(r), 7) + Pad(Fixed(f), 7) + Pad(std::to_string(s.tally.req), 5) +
                       Pad(std::to_string(s.tally.req_hit), 5) +
                       Pad(std::to_string(s.tally.fp), 5) +
                       Pad(std::to_string(s.tally.opt_hit), 5) +
                       Pad(std::to_string(s.tally.forbidden), 6) + Pad(Fixed(s.cameo_exact), 7) +
                       Pad(Fixed(s.date_acc), 7) + Pad(Fixed(s.loc_acc), 7);
    if (with_quotes) line += Pad(Fixed(s.quote_recall), 8) + Pad(Fixed(s.quote_speaker), 8);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

}  // namespace

Report BuildReport(const std::vector<GoldDoc>& gold, const Predictions& preds) {
  Report report;
  Tally total;
  long missing = 0;
  std::map<std::string, std::pair<Tally, std::pair<long, long>>> langs;  // tally, docs, missing
  std::map<std::string, Tally> types;
  for (const GoldDoc& g : gold) {
    auto it = preds.find(g.name);
    DocScore d = ScoreDocument(g.name, g.gold, it == preds.end() ? nullptr : &it->second);
    total.Add(d.tally);
    missing += d.missing_doc;
    auto& l = langs[d.lang];
    l.first.Add(d.tally);
    ++l.second.first;
    l.second.second += d.missing_doc;
    for (const auto& [type, t] : d.by_type) types[type].Add(t);
    report.docs.push_back(std::move(d));
  }
  report.total = Summarize(total, static_cast<long>(gold.size()), missing);
  for (const auto& [lang, l] : langs) {
    report.by_lang[lang] = Summarize(l.first, l.second.first, l.second.second);
  }
  for (const auto& [type, t] : types) report.by_type[type] = Summarize(t, 0, 0);
  return report;
}

std::span<const ScoreKey> ScoreKeys() { return kScoreKeys; }

const ScoreKey* FindScoreKey(std::string_view name) {
  for (const ScoreKey& k : kScoreKeys) {
    if (k.name == name) return &k;
  }
  return nullptr;
}

std::string SummaryLine(const Summary& s) {
  std::string out;
  out += "docs=" + std::to_string(s.docs);
  out += " missing_docs=" + std::to_string(s.missing_docs);
  const auto show = [&](const ScoreKey& k) {
    out += " " + std::string(k.name) + "=" + ShowRate(k.value(s));
  };
  for (const ScoreKey& k : kScoreKeys) {
    if (!k.rate) show(k);
  }
  out += " required=" + std::to_string(s.tally.req);
  out += " hit=" + std::to_string(s.tally.req_hit);
  out += " fp=" + std::to_string(s.tally.fp);
  out += " forbidden=" + std::to_string(s.tally.forbidden);
  for (const ScoreKey& k : kScoreKeys) {
    if (k.rate) show(k);
  }
  return out;
}

std::string RenderText(const Report& report) {
  std::string out;
  for (const DocScore& d : report.docs) {
    const Tally& t = d.tally;
    out += "## " + d.name + " [" + d.lang + "]" + (d.missing_doc ? " (NO OUTPUT)" : "") +
           ": hit " + std::to_string(t.req_hit) + "/" + std::to_string(t.req) + " fp " +
           std::to_string(t.fp) + " optional " + std::to_string(t.opt_hit) + " quotes " +
           std::to_string(t.q_hit) + "/" + std::to_string(t.q_n) + " spk " +
           std::to_string(t.q_spk) + "\n";
    for (const Finding& f : d.findings) {
      std::string line = "   " + Pad(KindName(f.kind), 11);
      switch (f.kind) {
        case Finding::Kind::kQuoteMiss:
          line += "\"" + Clip(f.what, 100) + "\" (" + f.expected + ")";
          break;
        case Finding::Kind::kWrongSpeaker:
          line += "\"" + Clip(f.what, 60) + "\" want " + f.expected + ", got " + f.got;
          break;
        case Finding::Kind::kWrongCameo:
        case Finding::Kind::kWrongDate:
        case Finding::Kind::kWrongLocation:
          line += f.what + ": want " + f.expected + ", got " + f.got + " | " + Clip(f.sentence, 120);
          break;
        default:
          line += f.what + " | " + Clip(f.sentence, 160);
      }
      out += line + "\n";
    }
  }
  if (!report.docs.empty()) out += "\n";
  out += Table("by language", report.by_lang, true) + "\n";
  out += Table("by PLOVER type (gold type for hits and misses, predicted type for false positives)",
               report.by_type, false) + "\n";
  out += SummaryLine(report.total) + "\n";
  return out;
}

std::string RenderJson(const Report& report) {
  OJson j = SummaryJson(report.total);
  j["optional_hit"] = report.total.tally.opt_hit;
  OJson langs = OJson::object();
  for (const auto& [lang, s] : report.by_lang) langs[lang] = SummaryJson(s);
  j["by_lang"] = std::move(langs);
  OJson types = OJson::object();
  for (const auto& [type, s] : report.by_type) types[type] = TypeJson(s);
  j["by_type"] = std::move(types);
  OJson docs = OJson::array();
  for (const DocScore& d : report.docs) {
    const Tally& t = d.tally;
    OJson doc;
    doc["name"] = d.name;
    doc["lang"] = d.lang;
    doc["missing_doc"] = d.missing_doc;
    doc["required"] = t.req;
    doc["hit"] = t.req_hit;
    doc["fp"] = t.fp;
    doc["forbidden"] = t.forbidden;
    doc["optional_hit"] = t.opt_hit;
    doc["quotes"] = t.q_n;
    doc["quote_hit"] = t.q_hit;
    doc["quote_speaker"] = t.q_spk;
    OJson findings = OJson::array();
    for (const Finding& f : d.findings) {
      OJson fj;
      fj["kind"] = KindName(f.kind);
      if (!f.type.empty()) fj["type"] = f.type;
      fj["what"] = f.what;
      if (!f.expected.empty()) fj["expected"] = f.expected;
      if (!f.got.empty()) fj["got"] = f.got;
      if (!f.sentence.empty()) fj["sentence"] = f.sentence;
      findings.push_back(std::move(fj));
    }
    doc["findings"] = std::move(findings);
    docs.push_back(std::move(doc));
  }
  j["documents"] = std::move(docs);
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace attache::eval
