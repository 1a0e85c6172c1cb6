// Pieces shared by the French and English form sources: the lemma -> inflected forms index
// used for titles and demonyms, and the common-word list used to filter place aliases.
#include "lexicon/sources/forms.h"

#include <fstream>

#include "text/fold.h"

namespace attache::lex::sources {

std::string InflectionIndex::Key(Lang lang, std::string_view lemma, uint16_t pos) {
  std::string k;
  k.push_back(static_cast<char>(lang));
  k.push_back(static_cast<char>(pos & 0xFF));
  k.push_back(static_cast<char>(pos >> 8));
  k.append(text::Fold(lemma));
  return k;
}

void InflectionIndex::Add(Lang lang, std::string_view lemma, uint16_t pos, std::string_view form,
                          uint32_t feats) {
  auto& v = map_[Key(lang, lemma, pos)];
  for (Form& f : v) {
    if (f.form == form) {
      f.feats |= feats;  // same spelling, more readings: "russe" is masc and fem
      return;
    }
  }
  v.push_back(Form{std::string(form), feats});
}

const std::vector<InflectionIndex::Form>* InflectionIndex::Find(Lang lang, std::string_view lemma,
                                                                uint16_t pos) const {
  auto it = map_.find(Key(lang, lemma, pos));
  return it == map_.end() ? nullptr : &it->second;
}

Status LoadCommonWords(const HunspellPaths& paths, std::unordered_set<std::string>* words,
                       std::unordered_set<std::string>* names) {
  for (const std::string* path : {&paths.fr_dic, &paths.en_dic}) {
    std::ifstream in(*path, std::ios::binary);
    if (!in) return Status::Error("cannot read " + *path);
    std::string line;
    std::getline(in, line);  // entry count
    while (std::getline(in, line)) {
      size_t end = line.find_first_of("/ \t\r");
      std::string_view stem(line.data(), end == std::string::npos ? line.size() : end);
      if (stem.empty()) continue;
      size_t i = 0;
      char32_t first = text::NextCodePoint(stem, i);
      if (!text::IsLetter(first)) continue;
      (text::IsUpper(first) ? *names : *words).insert(text::Fold(stem));
    }
  }
  return Status::Ok();
}

}  // namespace attache::lex::sources
