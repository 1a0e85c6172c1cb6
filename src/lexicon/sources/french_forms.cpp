// French full-form table from hunspell-fr (Dicollecte/Grammalecte "classique" dictionary).
//
// Every form comes from lexc's own expansion of fr.dic by fr.aff (hunspell_affix.h); its
// readings come from the morphological fields of the stem line and of the affix rule, the
// same fields Hunspell::analyze() prints. The mapping of those tags to format.h:
//   POS   nom loc.nom titr -> kNoun      adj loc.adj -> kAdj
//         v1 v2 v3 -> kVerb              v0 (être, avoir) -> kAux and kVerb
//         adv negadv advint loc.adv -> kAdv
//         det* -> kDet     pro* properobj propersuj prorel proadv -> kPron
//         prep prepv loc.prep loc.prepv -> kPrep      cj cjco cjsub loc.cj* -> kConj
//         npr prn patr loc.patr -> kPropn   nb nbro -> kNum   interj loc.interj -> kIntj
//         (mg, pfx, sfx, preverb, ponc, sign, div, loc.verb carry no POS of their own;
//          forms tagged err are misspellings kept for suggestions and are dropped)
//   tense infi kInf, ppas kPpas, ppre kPpre, ipre kPres, ipsi kPast (passé simple),
//         iimp kImpf, ifut kFut, cond kCond, spre kSubj|kPres, simp kSubj|kImpf, impe kImper
//   person 1sg..3pl -> kP1..kP3 with kSg/kPl; 1pe..3pe (pronouns) -> person only
//   gender mas kMasc, fem kFem, epi both;  number sg kSg, pl kPl, inv both
// A rule that lists several tenses and persons ("ipre spre 1sg 3sg") stands for their cross
// product, so it gives one reading per (tense, person). The lemma is the dictionary stem
// (the infinitive for verbs, the masculine singular for nouns and adjectives) unless the
// stem line names another with st:.
#include <chrono>

#include "lexicon/sources/forms.h"
#include "lexicon/sources/hunspell_affix.h"

namespace attache::lex::sources {
namespace {

struct Tags {
  uint16_t pos = 0;
  bool aux = false;
  std::vector<uint32_t> tenses;   // one entry per tense tag
  std::vector<uint32_t> persons;  // one entry per person tag (person + number bits)
  uint32_t gender = 0;
  uint32_t number = 0;
  bool error = false;
};

void AddTag(std::string_view t, Tags& tags) {
  if (!t.empty() && t.back() == '!') t.remove_suffix(1);  // "3pl!": frequent-form marker
  if (t.empty()) return;
  if (t == "nom" || t == "loc.nom" || t == "titr") {
    tags.pos |= kNoun;
    return;
  }
  if (t == "adj" || t == "loc.adj") {
    tags.pos |= kAdj;
    return;
  }
  if (t.size() >= 2 && t[0] == 'v' && t[1] >= '0' && t[1] <= '3') {
    tags.pos |= kVerb;
    if (t[1] == '0') tags.aux = true;
    return;
  }
  if (t == "adv" || t == "negadv" || t == "advint" || t == "loc.adv") {
    tags.pos |= kAdv;
    return;
  }
  if (t.starts_with("det")) {
    tags.pos |= kDet;
    return;
  }
  if (t.starts_with("pro")) {
    tags.pos |= kPron;
    return;
  }  // pro*, properobj, proadv...
  if (t == "prep" || t == "prepv" || t == "loc.prep" || t == "loc.prepv") {
    tags.pos |= kPrep;
    return;
  }
  if (t == "cj" || t == "cjco" || t == "cjsub" || t.starts_with("loc.cj")) {
    tags.pos |= kConj;
    return;
  }
  if (t == "npr" || t == "prn" || t == "patr" || t == "loc.patr") {
    tags.pos |= kPropn;
    return;
  }
  if (t == "nb" || t == "nbro") {
    tags.pos |= kNum;
    return;
  }
  if (t == "interj" || t == "loc.interj") {
    tags.pos |= kIntj;
    return;
  }
  if (t == "err") {
    tags.error = true;
    return;
  }
  // Tenses and moods.
  static const std::pair<std::string_view, uint32_t> kTenses[] = {
      {"infi", kInf},          {"ppas", kPpas},         {"ppre", kPpre}, {"ipre", kPres},
      {"ipsi", kPast},         {"iimp", kImpf},         {"ifut", kFut},  {"cond", kCond},
      {"spre", kSubj | kPres}, {"simp", kSubj | kImpf}, {"impe", kImper}};
  for (const auto& [name, bits] : kTenses) {
    if (t == name) {
      tags.tenses.push_back(bits);
      return;
    }
  }
  static const std::pair<std::string_view, uint32_t> kPersons[] = {
      {"1sg", kP1 | kSg},  {"2sg", kP2 | kSg},  {"3sg", kP3 | kSg},
      {"1pl", kP1 | kPl},  {"2pl", kP2 | kPl},  {"3pl", kP3 | kPl},
      {"1isg", kP1 | kSg}, {"1jsg", kP1 | kSg},  // "aimé-je", "puis-je"
      {"1pe", kP1},        {"2pe", kP2},        {"3pe", kP3}};
  for (const auto& [name, bits] : kPersons) {
    if (t == name) {
      tags.persons.push_back(bits);
      return;
    }
  }
  if (t == "mas") {
    tags.gender |= kMasc;
    return;
  }
  if (t == "fem") {
    tags.gender |= kFem;
    return;
  }
  if (t == "epi") {
    tags.gender |= kMasc | kFem;
    return;
  }
  if (t == "sg") {
    tags.number |= kSg;
    return;
  }
  if (t == "pl") {
    tags.number |= kPl;
    return;
  }
  if (t == "inv") {
    tags.number |= kSg | kPl;
    return;
  }
  // mg, pfx, sfx, preverb, ponc, sign, div, loc.verb: no reading of their own.
}

}  // namespace

Status AddFrenchForms(const HunspellPaths& paths, Builder& builder, InflectionIndex* index,
                      FormStats* stats) {
  const auto t0 = std::chrono::steady_clock::now();
  HunspellDictionary dict;
  Status s = dict.Load(paths.fr_aff, paths.fr_dic);
  if (!s.ok()) return s;

  std::vector<std::string_view> values;
  std::vector<std::string_view> other;
  std::string lemma;
  size_t surface = 0;
  size_t readings = 0;
  // Elision prefixes (l', d', qu', lorsqu'...) are split off by the tokenizer, so forms that
  // carry them are never looked up.
  auto skip_prefix = [](const AffixRule& r) {
    return !r.append.empty() &&
           (r.append.back() == '\'' || r.append.find('\'') != std::string::npos);
  };
  dict.Expand(skip_prefix, [&](const ExpandedForm& f) {
    ++surface;
    values.clear();
    other.clear();
    SplitMorph(f.entry->morph, values, &other);
    if (f.prefix != nullptr) SplitMorph(f.prefix->morph, values, nullptr);
    if (f.suffix != nullptr) SplitMorph(f.suffix->morph, values, nullptr);
    Tags tags;
    for (std::string_view v : values) AddTag(v, tags);
    if (tags.error || tags.pos == 0) return;

    lemma = f.entry->stem;
    for (std::string_view o : other) {
      if (o.starts_with("st:")) lemma = std::string(o.substr(3));
    }
    // A unit prefix (kilo-, méga-) makes a new word: "kilomètres" -> "kilomètre".
    if (f.prefix != nullptr) {
      lemma = f.prefix->append + lemma.substr(std::min(lemma.size(), f.prefix->strip.size()));
    }

    const uint32_t agree = tags.gender | tags.number;
    for (uint16_t bit = 1; bit != 0 && bit <= kIntj; bit <<= 1) {
      if ((tags.pos & bit) == 0) continue;
      std::vector<uint16_t> pos_list = {bit};
      if (bit == kVerb && tags.aux) pos_list.push_back(kAux);
      for (uint16_t pos : pos_list) {
        if (pos == kVerb || pos == kAux) {
          // Persons belong to finite tenses only. A participle rule that also lists a person
          // ("é ... po:ppas po:1jsg") means the same spelling is an inverted present
          // ("aimé-je"), which the rule does not name.
          std::vector<uint32_t> finite;
          for (uint32_t t : tags.tenses) {
            if ((t & (kInf | kPpas | kPpre)) != 0) {
              builder.AddForm(Lang::kFr, f.form, lemma, pos, t | agree);
              ++readings;
            } else {
              finite.push_back(t);
            }
          }
          if (finite.empty() && (!tags.persons.empty() || tags.tenses.empty())) {
            finite.push_back(tags.persons.empty() ? 0u : uint32_t{kPres});
          }
          const std::vector<uint32_t> persons =
              tags.persons.empty() ? std::vector<uint32_t>{0} : tags.persons;
          for (uint32_t t : finite) {
            for (uint32_t p : persons) {
              // Gender and number of a finite form come from its person, not the rule.
              builder.AddForm(Lang::kFr, f.form, lemma, pos, t | p | (p == 0 ? agree : 0));
              ++readings;
            }
          }
        } else {
          uint32_t feats = agree;
          // Person is a feature of pronouns ("je" 1pe); on the adjective reading of a
          // participle rule it belongs to the verb ("aimé-je").
          if (pos == kPron) {
            for (uint32_t p : tags.persons) feats |= p;
          }
          builder.AddForm(Lang::kFr, f.form, lemma, pos, feats);
          ++readings;
          if (index != nullptr && (pos == kNoun || pos == kAdj)) {
            index->Add(Lang::kFr, lemma, pos, f.form, feats);
          }
        }
      }
    }
  });
  if (stats != nullptr) {
    stats->surface_forms += surface;
    stats->readings += readings;
    stats->seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  }
  return Status::Ok();
}

}  // namespace attache::lex::sources
