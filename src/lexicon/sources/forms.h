// Full-form morphology sources of lexc: every surface form of hunspell-fr and
// hunspell-en-us with its readings (lemma, POS, features), plus the English irregular verbs
// of the language pack. The runtime looks a token up once in the resulting table and never
// calls hunspell (see doc/LEXICON.md for the tag mapping).
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

struct FormStats {
  size_t surface_forms = 0;  // forms the expansion produced (before deduplication)
  size_t readings = 0;       // AddForm calls
  double seconds = 0;
};

// Lemma -> inflected forms with their features, for nouns and adjectives only. The entity
// list reader uses it to inflect titles and demonyms with agreement ("premier ministre" ->
// "premières ministres"), which the Builder's lemma index cannot do because it has no
// features.
class InflectionIndex {
 public:
  struct Form {
    std::string form;
    uint32_t feats;
  };
  void Add(Lang lang, std::string_view lemma, uint16_t pos, std::string_view form, uint32_t feats);
  // Forms of `lemma` (folded for the lookup) with POS `pos`; nullptr when unknown.
  const std::vector<Form>* Find(Lang lang, std::string_view lemma, uint16_t pos) const;
  size_t size() const { return map_.size(); }

 private:
  static std::string Key(Lang lang, std::string_view lemma, uint16_t pos);
  std::unordered_map<std::string, std::vector<Form>> map_;
};

// Where the hunspell dictionaries live (Debian: /usr/share/hunspell).
struct HunspellPaths {
  std::string fr_aff = "/usr/share/hunspell/fr_FR.aff";
  std::string fr_dic = "/usr/share/hunspell/fr_FR.dic";
  std::string en_aff = "/usr/share/hunspell/en_US.aff";
  std::string en_dic = "/usr/share/hunspell/en_US.dic";
};

// Enumerates hunspell-fr and adds one form per reading under Lang::kFr.
Status AddFrenchForms(const HunspellPaths& paths, Builder& builder, InflectionIndex* index,
                      FormStats* stats);

// Enumerates hunspell-en-us, derives readings from its affix flags, adds the closed-class
// words and the irregular verb table `irregular_path` (data/lang/en/irregular_verbs.txt).
Status AddEnglishForms(const HunspellPaths& paths, const std::string& irregular_path,
                       Builder& builder, InflectionIndex* index, FormStats* stats);

// Folded stems of both dictionaries: those written in lower case ("centre", "nord",
// "north", "pékin") go to `words`, capitalised ones ("Pékin", "Nice") to `names`. Used to
// keep common words out of place aliases. Cheap: reads the .dic files only, so it also
// works with --no-forms.
Status LoadCommonWords(const HunspellPaths& paths, std::unordered_set<std::string>* words,
                       std::unordered_set<std::string>* names);

// Compares lexc's own expansion with Hunspell::analyze() on every `step`-th French form
// and reports agreement of lemmas (a self-test of the expander; prints to stderr).
Status VerifyFrenchAgainstHunspell(const HunspellPaths& paths, size_t step);

}  // namespace attache::lex::sources
