// In-memory lexicon builder used by the lexicon compiler (tools/lexc.cpp). Sources
// (iso-codes, ICU/CLDR, GeoNames, hunspell, the language packs) call add_*; write() lays the
// file out in the format of format.h.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "attache/status.h"
#include "lexicon/format.h"

namespace attache::lex {

// The key normalisation shared by the compiler and the runtime: NFC, case fold, strip
// diacritics, typographic apostrophes to ', so "États-Unis", "ETATS-UNIS" and
// "Etats-Unis" meet. Runtime calls the same function on token text.
std::string FoldKey(std::string_view text);

struct EntitySpec {
  std::string name;
  std::string code;
  std::string country;  // ISO3
  std::string sector;
  EntityKind kind = EntityKind::kOrg;
  Lang lang = Lang::kAny;
  uint16_t flags = 0;
  int32_t geonameid = 0;
  float lat = __builtin_nanf("");
  float lon = __builtin_nanf("");
  uint32_t population = 0;
  int32_t valid_from = INT32_MIN;
  int32_t valid_to = INT32_MAX;
  std::string extra;
};

class Builder {
 public:
  // A surface form and one of its readings. `form` is folded here.
  void AddForm(Lang lang, std::string_view form, std::string_view lemma, uint16_t pos,
               uint32_t feats);
  // Adds an entity; returns its id for AddAlias.
  uint32_t AddEntity(const EntitySpec& spec);
  // Makes `phrase` find entity `id` in text of `lang` (kAny: every language). The phrase is
  // keyed in Write(), when every pack file is in: each language's key is the phrase as that
  // language's runtime tokenises it (its elision and clitic rules and its grammar's
  // abbreviations), so "Côte d'Ivoire" and "St. Louis" are found in French and English
  // text alike. A kAny phrase whose keys differ between languages is stored once per
  // language under that language's key.
  void AddAlias(Lang lang, std::string_view phrase, uint32_t id);
  // Language-pack rule text, stored verbatim for the runtime to parse.
  void AddPackFile(std::string_view path, std::string_view text);
  // Parses the pack files added so far exactly as the coder will (pack::LoadPack for every
  // language: grammar classes, frames and their checks). The error names the file (as
  // added) and line. Write() runs the same parse and fails the same way.
  Status CheckPacks() const;

  size_t form_count() const { return forms_.size(); }
  size_t entity_count() const { return entities_.size(); }
  const std::vector<EntitySpec>& entities() const { return entities_; }

  Status Write(const std::string& path) const;

 private:
  struct FormReading {
    std::string lemma;
    uint16_t pos;
    uint32_t feats;
    uint16_t form_hash;  // text::FormHash of the form with its accents
    bool operator==(const FormReading& o) const {
      return pos == o.pos && feats == o.feats && form_hash == o.form_hash && lemma == o.lemma;
    }
  };
  std::unordered_map<std::string, std::vector<FormReading>> forms_;  // key: lang byte + folded
  std::vector<EntitySpec> entities_;
  struct Alias {
    Lang lang;
    std::string phrase;  // NFC
    uint32_t id;
  };
  std::vector<Alias> aliases_;
  std::vector<std::pair<std::string, std::string>> packs_;
};

}  // namespace attache::lex
