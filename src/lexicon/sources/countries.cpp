// Countries and first-level subdivisions.
//
// Codes come from iso-codes (ISO 3166-1/-2 JSON). Display names come from ICU's CLDR data,
// because iso-codes' translations are inverted ISO forms ("Russie, Fédération de") and lack
// common names ("Turquie"). CLDR's alternative names ("short": "UK", "É.-U."; "variant":
// "Ivory Coast", "Czech Republic") become aliases too.
#include <simdjson.h>
#include <unicode/locid.h>
#include <unicode/udata.h>
#include <unicode/unistr.h>
#include <unicode/ures.h>

#include <algorithm>
#include <fstream>
#include <unordered_set>

#include "lexicon/sources/world.h"
#include "text/fold.h"
#include "text/strings.h"

namespace attache::lex::sources {
namespace {

std::string Utf8(const icu::UnicodeString& u) {
  std::string out;
  u.toUTF8String(out);
  return out;
}

// The CLDR alternative territory names of one locale ("Countries%short" or
// "Countries%variant" in ICU's region tree), keyed by alpha-2.
std::unordered_map<std::string, std::string> AltCountryNames(const char* locale,
                                                             const char* table) {
  std::unordered_map<std::string, std::string> out;
  UErrorCode status = U_ZERO_ERROR;
  UResourceBundle* region =
      ures_open(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "region", locale, &status);
  UResourceBundle* names = ures_getByKey(region, table, nullptr, &status);
  if (U_SUCCESS(status)) {
    for (int32_t i = 0; i < ures_getSize(names); ++i) {
      UErrorCode s = U_ZERO_ERROR;
      UResourceBundle* item = ures_getByIndex(names, i, nullptr, &s);
      int32_t len = 0;
      const UChar* v = ures_getString(item, &len, &s);
      if (U_SUCCESS(s)) out[ures_getKey(item)] = Utf8(icu::UnicodeString(v, len));
      ures_close(item);
    }
  }
  ures_close(names);
  ures_close(region);
  return out;
}

// "Myanmar (Birmanie)" -> "Myanmar" and "Birmanie"; "Catalunya [Cataluña]" -> both;
// "Haute-Sangha / Mambéré-Kadéï" -> both; "Asturias, Principado de" -> "Asturias".
// `keep_inner` decides whether a parenthesised part is a name or a gloss ("(Republic)").
template <typename Pred>
std::vector<std::string> NameVariants(std::string_view name, Pred keep_inner) {
  std::vector<std::string> out;
  auto trim = [](std::string_view s) { return std::string(text::Trim(s)); };
  auto push = [&](std::string s) {
    if (s.empty()) return;
    for (const auto& o : out) {
      if (o == s) return;
    }
    out.push_back(std::move(s));
  };
  std::string outer;
  std::vector<std::string> inner;
  for (size_t i = 0; i < name.size();) {
    char open = name[i];
    if (open == '(' || open == '[') {
      char close = open == '(' ? ')' : ']';
      size_t j = name.find(close, i);
      if (j == std::string_view::npos) j = name.size();
      std::string part = trim(name.substr(i + 1, j - i - 1));
      // Drop embedded codes such as "GB-CYM" in "Wales [Cymru GB-CYM]".
      std::string kept;
      size_t k = 0;
      while (k < part.size()) {
        size_t e = part.find(' ', k);
        if (e == std::string::npos) e = part.size();
        std::string_view w(part.data() + k, e - k);
        bool code = w.find('-') != std::string_view::npos &&
                    w.find_first_of("abcdefghijklmnopqrstuvwxyz") == std::string_view::npos;
        if (!code && !w.empty()) {
          if (!kept.empty()) kept.push_back(' ');
          kept.append(w);
        }
        k = e + 1;
      }
      if (open == '[' || keep_inner(kept)) inner.push_back(kept);
      i = j == name.size() ? j : j + 1;
      continue;
    }
    outer.push_back(name[i]);
    ++i;
  }
  outer = trim(outer);
  // Slash-separated alternatives ("A / B"); a leading "//" ("//Karas") is part of a name.
  std::vector<std::string> parts;
  if (outer.find(" / ") != std::string::npos) {
    size_t k = 0;
    while (k <= outer.size()) {
      size_t e = outer.find(" / ", k);
      if (e == std::string::npos) e = outer.size();
      parts.push_back(trim(std::string_view(outer).substr(k, e - k)));
      k = e + 3;
    }
  } else {
    parts.push_back(outer);
  }
  for (std::string& p : parts) {
    size_t comma = p.find(',');
    if (comma != std::string::npos) p = trim(std::string_view(p).substr(0, comma));
    push(p);
  }
  for (std::string& s : inner) push(std::move(s));
  return out;
}

bool StartsUpper(std::string_view s) {
  size_t i = 0;
  return !s.empty() && text::IsUpper(text::NextCodePoint(s, i));
}

// Reads CLDR's subdivision names of one locale (common/subdivisions/<locale>.xml):
// `<subdivision type="deby">Bavière</subdivision>`, keyed by the code without its dash
// ("deby" for DE-BY). A plain scan: the file is one element per line.
std::unordered_map<std::string, std::string> CldrSubdivisionNames(const std::string& path) {
  std::unordered_map<std::string, std::string> out;
  std::ifstream in(path, std::ios::binary);
  std::string line;
  constexpr std::string_view kOpen = "<subdivision type=\"";
  while (std::getline(in, line)) {
    size_t p = line.find(kOpen);
    if (p == std::string::npos) continue;
    size_t q = line.find('"', p + kOpen.size());
    size_t gt = line.find('>', q);
    size_t end = line.find("</subdivision>", gt);
    if (q == std::string::npos || gt == std::string::npos || end == std::string::npos) continue;
    std::string name = line.substr(gt + 1, end - gt - 1);
    // The few XML escapes CLDR uses in names.
    for (const auto& [esc, ch] : {std::pair<std::string_view, std::string_view>{"&amp;", "&"},
                                  {"&apos;", "'"},
                                  {"&quot;", "\""}}) {
      for (size_t k; (k = name.find(esc)) != std::string::npos;) name.replace(k, esc.size(), ch);
    }
    out[line.substr(p + kOpen.size(), q - p - kOpen.size())] = name;
  }
  return out;
}

// "Oblast de Tcheliabinsk" -> "Tcheliabinsk", "Kharkiv Oblast" -> "Kharkiv": dispatches
// name a region by its proper part ("la région de Kharkiv", "Kharkiv region").
std::string StripGenericWord(std::string_view name, Lang lang) {
  static const std::unordered_set<std::string> kFrench = {
      "province",    "district",   "region",     "gouvernorat", "prefecture", "municipalite",
      "departement", "comte",      "oblast",     "etat",        "wilaya",     "judet",
      "canton",      "raion",      "paroisse",   "comitat",     "voivodie",   "krai",
      "emirat",      "territoire", "republique", "commune",     "division",   "zone"};
  static const std::unordered_set<std::string> kEnglish = {
      "province",   "region",   "governorate", "district",     "county",  "oblast",
      "state",      "krai",     "prefecture",  "municipality", "parish",  "voivodeship",
      "department", "division", "territory",   "zone",         "emirate", "canton"};
  if (lang == Lang::kFr) {
    size_t sp = name.find(' ');
    if (sp == std::string_view::npos || kFrench.count(text::Fold(name.substr(0, sp))) == 0) {
      return "";
    }
    std::string_view rest = name.substr(sp + 1);
    for (std::string_view prep : {"de la ", "de l’", "de l'", "des ", "du ", "de ", "d’", "d'"}) {
      if (rest.starts_with(prep)) {
        rest.remove_prefix(prep.size());
        return StartsUpper(rest) ? std::string(rest) : "";
      }
    }
    return "";
  }
  size_t sp = name.rfind(' ');
  if (sp != std::string_view::npos && kEnglish.count(text::Fold(name.substr(sp + 1))) != 0) {
    return std::string(name.substr(0, sp));
  }
  size_t of = name.find(" of ");
  if (of != std::string_view::npos && kEnglish.count(text::Fold(name.substr(0, of))) != 0) {
    std::string_view rest = name.substr(of + 4);
    return StartsUpper(rest) ? std::string(rest) : "";
  }
  return "";
}

}  // namespace

bool WorldSources::IsCommonWord(std::string_view name, bool unless_name) const {
  if (common_words_ == nullptr) return false;
  if (name.find(' ') != std::string_view::npos) return false;
  const std::string key = text::Fold(name);
  if (common_words_->count(key) == 0) return false;
  return !unless_name || dictionary_names_ == nullptr || dictionary_names_->count(key) == 0;
}

Status WorldSources::AddCountries(const std::string& json_path, Builder& builder) {
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  if (parser.load(json_path).get(doc)) return Status::Error("cannot parse " + json_path);
  simdjson::dom::array list;
  if (doc["3166-1"].get_array().get(list)) {
    return Status::Error(json_path + ": no \"3166-1\" array");
  }
  // Capitals give the country's coordinates (the most populous PPLC of the country).
  std::unordered_map<std::string, const CityRow*> capital;
  for (const CityRow& c : cities_) {
    if (c.feature_code != "PPLC") continue;
    const CityRow*& best = capital[c.country2];
    if (best == nullptr || c.population > best->population) best = &c;
  }
  const auto fr_short = AltCountryNames("fr", "Countries%short");
  const auto fr_variant = AltCountryNames("fr", "Countries%variant");
  const auto en_short = AltCountryNames("en", "Countries%short");
  const auto en_variant = AltCountryNames("en", "Countries%variant");
  const icu::Locale fr("fr");
  const icu::Locale en("en");
  auto keep_inner = [&](const std::string& s) { return StartsUpper(s) && !IsCommonWord(s); };

  // ISO 3166-1 leaves Kosovo to a user-assigned code; XK/XKX is the one the EU, the IMF and
  // CLDR use, and news needs the country.
  struct Country {
    std::string alpha2, alpha3;
    simdjson::dom::element item;  // unused for the supplement
    bool from_iso;
  };
  std::vector<Country> countries;
  for (simdjson::dom::element item : list) {
    std::string_view a2, a3;
    if (item["alpha_2"].get_string().get(a2) || item["alpha_3"].get_string().get(a3)) {
      return Status::Error(json_path + ": a country without alpha_2/alpha_3");
    }
    countries.push_back({std::string(a2), std::string(a3), item, true});
  }
  bool has_kosovo = false;
  for (const Country& c : countries) has_kosovo |= c.alpha2 == "XK";
  if (!has_kosovo) countries.push_back({"XK", "XKX", simdjson::dom::element(), false});

  for (const Country& country : countries) {
    const std::string& alpha2 = country.alpha2;
    const std::string& alpha3 = country.alpha3;
    const simdjson::dom::element& item = country.item;
    const bool from_iso = country.from_iso;
    alpha3_[alpha2] = alpha3;
    icu::UnicodeString u;
    std::string name_fr = Utf8(icu::Locale("", alpha2.c_str()).getDisplayCountry(fr, u));
    u.remove();
    std::string name_en = Utf8(icu::Locale("", alpha2.c_str()).getDisplayCountry(en, u));
    std::string_view iso_name = alpha2;
    if (from_iso && item["name"].get_string().get(iso_name)) iso_name = alpha2;
    if (name_en == alpha2) name_en = std::string(iso_name);  // no CLDR name

    EntitySpec spec;
    spec.kind = EntityKind::kCountry;
    spec.name = name_en;
    spec.code = alpha3;
    spec.country = alpha3;
    if (auto it = capital.find(alpha2); it != capital.end()) {
      spec.lat = it->second->lat;
      spec.lon = it->second->lon;
    }
    const uint32_t id = builder.AddEntity(spec);
    ++counts_.countries;

    auto add = [&](Lang lang, std::string_view name) {
      if (name.empty() || name == alpha2) return;
      for (const std::string& v : NameVariants(name, keep_inner)) {
        builder.AddAlias(lang, v, id);
        ++counts_.country_aliases;
      }
    };
    if (name_fr != alpha2) add(Lang::kFr, name_fr);
    add(Lang::kEn, name_en);
    for (const auto* table : {&fr_short, &fr_variant}) {
      if (auto it = table->find(alpha2); it != table->end()) add(Lang::kFr, it->second);
    }
    for (const auto* table : {&en_short, &en_variant}) {
      if (auto it = table->find(alpha2); it != table->end()) add(Lang::kEn, it->second);
    }
    // iso-codes' English names, except the inverted ISO forms ("Korea, Republic of").
    for (const char* field : {"name", "common_name", "official_name"}) {
      if (!from_iso) break;
      std::string_view v;
      if (item[field].get_string().get(v)) continue;
      if (v.find(',') == std::string_view::npos) add(Lang::kEn, v);
    }
  }
  return Status::Ok();
}

Status WorldSources::AddSubdivisions(const std::string& json_path, const std::string& cldr_dir,
                                     Builder& builder) {
  std::unordered_map<std::string, uint32_t> entity_of_code;  // "deby" -> entity
  // CLDR's French and English names ("Bavière", "Bavaria"), keyed "deby".
  const std::unordered_map<std::string, std::string> cldr_names[2] = {
      CldrSubdivisionNames(cldr_dir + "/subdivisions/fr.xml"),
      CldrSubdivisionNames(cldr_dir + "/subdivisions/en.xml")};
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  if (parser.load(json_path).get(doc)) return Status::Error("cannot parse " + json_path);
  simdjson::dom::array list;
  if (doc["3166-2"].get_array().get(list)) {
    return Status::Error(json_path + ": no \"3166-2\" array");
  }
  // Parenthesised glosses of subdivision names are descriptions ("(Arctic Region)",
  // "(Region IX)", "(EH-partial)"), not names.
  auto keep_inner = [](const std::string&) { return false; };
  for (simdjson::dom::element item : list) {
    std::string_view code, name, parent;
    if (item["code"].get_string().get(code) || item["name"].get_string().get(name)) {
      return Status::Error(json_path + ": a subdivision without code/name");
    }
    if (!item["parent"].get_string().get(parent)) continue;  // lower levels
    const size_t dash = code.find('-');
    if (dash == std::string_view::npos) continue;
    auto it = alpha3_.find(std::string(code.substr(0, dash)));
    if (it == alpha3_.end()) continue;
    std::vector<std::string> names = NameVariants(name, keep_inner);
    if (names.empty()) continue;
    std::string key;
    for (char ch : code) {
      if (ch != '-') key.push_back(static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch));
    }
    EntitySpec spec;
    spec.kind = EntityKind::kAdmin1;
    // Display name: CLDR's English name when there is one ("Bavaria"), else ISO's.
    auto en = cldr_names[1].find(key);
    spec.name = en != cldr_names[1].end() ? en->second : names.front();
    spec.country = it->second;
    spec.extra = std::string(code.substr(dash + 1));
    const uint32_t id = builder.AddEntity(spec);
    ++counts_.admin1;
    entity_of_code[key] = id;
    for (const std::string& n : names) {
      // "Centre", "Nord", "Central", "wallonne": common words would fire everywhere.
      if (!StartsUpper(n) || IsCommonWord(n, false)) continue;
      builder.AddAlias(Lang::kAny, n, id);
      ++counts_.admin1_aliases;
    }
  }
  // French and English names from CLDR ("Bavière" / "Bavaria" for Bayern), for the
  // first-level entities only.
  for (int l = 0; l < 2; ++l) {
    const Lang lang = l == 0 ? Lang::kFr : Lang::kEn;
    const auto& names = cldr_names[l];
    std::vector<std::pair<std::string, std::string>> sorted(names.begin(), names.end());
    std::sort(sorted.begin(), sorted.end());  // reproducible alias order
    for (const auto& [code, name] : sorted) {
      auto it = entity_of_code.find(code);
      if (it == entity_of_code.end()) continue;
      for (const std::string& n : {name, StripGenericWord(name, lang)}) {
        if (n.empty() || !StartsUpper(n) || IsCommonWord(n, false)) continue;
        builder.AddAlias(lang, n, it->second);
        ++counts_.admin1_cldr_aliases;
      }
    }
  }
  return Status::Ok();
}

}  // namespace attache::lex::sources
