// Self-test of the French expansion: for a sample of the forms lexc generates, ask
// Hunspell::analyze() for the stems it knows and compare with the lemmas lexc derived.
// Run with `lexc --verify-hunspell N`; it is the only place lexc calls libhunspell.
#include <chrono>
#include <hunspell/hunspell.hxx>
#include <iostream>
#include <map>
#include <set>

#include "lexicon/sources/forms.h"
#include "lexicon/sources/hunspell_affix.h"

namespace attache::lex::sources {

Status VerifyFrenchAgainstHunspell(const HunspellPaths& paths, size_t step) {
  if (step == 0) step = 1;
  const auto t0 = std::chrono::steady_clock::now();
  HunspellDictionary dict;
  Status s = dict.Load(paths.fr_aff, paths.fr_dic);
  if (!s.ok()) return s;
  std::map<std::string, std::set<std::string>> ours;  // sampled form -> lemmas
  size_t n = 0;
  std::set<std::string> sampled;
  std::vector<std::string_view> values, other;
  dict.Expand([](const AffixRule& r) { return r.append.find('\'') != std::string::npos; },
              [&](const ExpandedForm& f) {
                const std::string form(f.form);
                if (n++ % step == 0) sampled.insert(form);
                if (sampled.count(form) == 0) return;
                values.clear();
                other.clear();
                SplitMorph(f.entry->morph, values, &other);
                std::string lemma = f.entry->stem;
                for (std::string_view o : other) {
                  if (o.starts_with("st:")) lemma = std::string(o.substr(3));
                }
                if (f.prefix != nullptr)
                  lemma = f.prefix->append + lemma.substr(f.prefix->strip.size());
                ours[form].insert(lemma);
              });
  Hunspell hun(paths.fr_aff.c_str(), paths.fr_dic.c_str());
  size_t same = 0, subset = 0, unknown = 0, differ = 0;
  int shown = 0;
  for (const auto& [form, lemmas] : ours) {
    std::set<std::string> theirs;
    for (const std::string& a : hun.analyze(form)) {
      size_t st = a.find("st:");
      if (st == std::string::npos) continue;
      size_t end = a.find(' ', st);
      theirs.insert(a.substr(st + 3, end == std::string::npos ? std::string::npos : end - st - 3));
    }
    if (theirs.empty()) {
      ++unknown;
    } else if (theirs == lemmas) {
      ++same;
    } else if (std::includes(lemmas.begin(), lemmas.end(), theirs.begin(), theirs.end()) ||
               std::includes(theirs.begin(), theirs.end(), lemmas.begin(), lemmas.end())) {
      ++subset;
    } else {
      ++differ;
    }
    if ((theirs.empty() || (theirs != lemmas && !std::includes(lemmas.begin(), lemmas.end(),
                                                               theirs.begin(), theirs.end()))) &&
        shown < 15) {
      ++shown;
      std::cerr << "  " << form << ": lexc {";
      for (const auto& l : lemmas) std::cerr << ' ' << l;
      std::cerr << " } hunspell {";
      for (const auto& l : theirs) std::cerr << ' ' << l;
      std::cerr << " }\n";
    }
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::cerr << "verify: " << ours.size() << " sampled forms: " << same << " same lemmas, " << subset
            << " one set inside the other, " << differ << " different, " << unknown
            << " not analysed by hunspell (" << secs << " s)\n";
  return Status::Ok();
}

}  // namespace attache::lex::sources
