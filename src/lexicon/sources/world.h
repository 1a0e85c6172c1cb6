// World-data sources of lexc: countries (iso-codes + ICU/CLDR names), first-level
// subdivisions (iso-codes), and cities (GeoNames cities500 + CLDR exemplar cities for
// French exonyms). Each becomes gazetteer entities with aliases in the Builder.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "attache/status.h"
#include "lexicon/builder.h"

namespace attache::lex::sources {

// One row of cities500.txt that lexc keeps.
struct CityRow {
  int32_t geonameid = 0;
  std::string name;
  std::string asciiname;
  std::string alternates;  // comma-separated, as in the file
  float lat = 0;
  float lon = 0;
  std::string feature_code;
  std::string country2;  // ISO alpha-2
  std::string admin1;
  uint32_t population = 0;
  std::string timezone;
};

struct WorldCounts {
  size_t countries = 0;
  size_t country_aliases = 0;
  size_t admin1 = 0;
  size_t admin1_aliases = 0;
  size_t admin1_cldr_aliases = 0;  // French and English names from CLDR
  size_t cities = 0;
  size_t city_aliases = 0;
  size_t exemplar_aliases = 0;  // French CLDR exemplar cities matched to a GeoNames row
  size_t exemplar_unmatched = 0;
};

class WorldSources {
 public:
  // `common_words`, `dictionary_names`: from LoadCommonWords; they keep common words out of
  // secondary aliases. Either may be null.
  WorldSources(const std::unordered_set<std::string>* common_words,
               const std::unordered_set<std::string>* dictionary_names)
      : common_words_(common_words), dictionary_names_(dictionary_names) {}

  // Reads the rows of cities500.txt to keep: population >= 1000, or PPLC/PPLA.
  Status LoadCities(const std::string& path);
  // iso_3166-1.json -> one kCountry entity per country; must run after LoadCities (the
  // capital gives the coordinates) and before the other Add* (they need alpha-3 codes).
  Status AddCountries(const std::string& iso_3166_1_json, Builder& builder);
  // iso_3166-2.json -> kAdmin1 entities for the first-level subdivisions, with French and
  // English aliases from CLDR (`cldr_dir`/subdivisions/{fr,en}.xml; skipped if absent).
  Status AddSubdivisions(const std::string& iso_3166_2_json, const std::string& cldr_dir,
                         Builder& builder);
  // The kept cities500 rows -> kCity entities, then the French CLDR exemplar cities.
  Status AddCities(Builder& builder);

  const WorldCounts& counts() const { return counts_; }
  // ISO alpha-2 -> alpha-3, for the entity lists (which may use either).
  const std::unordered_map<std::string, std::string>& alpha3() const { return alpha3_; }

 private:
  // A one-word name that the dictionaries have in lower case ("Hard", "Centre"). With
  // `unless_name`, not when they also have it capitalised: "Pékin" (the city, and "pékin",
  // a civilian) is then not common.
  bool IsCommonWord(std::string_view name, bool unless_name = true) const;
  void AddExemplarCities(Builder& builder,
                         const std::unordered_map<int32_t, uint32_t>& entity_of_geonameid);

  const std::unordered_set<std::string>* common_words_;
  const std::unordered_set<std::string>* dictionary_names_;
  std::vector<CityRow> cities_;
  std::unordered_map<std::string, std::string> alpha3_;
  WorldCounts counts_;
};

// True if every letter of `name` is in the Latin script (marks and punctuation allowed).
bool IsLatinName(std::string_view name);

}  // namespace attache::lex::sources
