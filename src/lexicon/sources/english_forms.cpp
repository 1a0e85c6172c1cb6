// English full-form table from hunspell-en-us, which has no morphological fields: readings
// are derived from the affix flag that built each form and from the flags of its stem.
//
// Stem classes (from the stem's flags):
//   verb-like  has D (-ed) or G (-ing)
//   noun-like  has M (possessive), or S without D/G, or (no informative flag) by default
//   adj-like   has T (-est), or P (-ness), or R (-er) without D/G, or Y (-ly) without D/G
//              and without M unless the stem has an adjective ending ("official/MYS")
// Readings (lemma = the stem, prefixed when re-/un-/in-/de-/dis-/con-/pro- applied):
//   base   VERB kInf and VERB kPres (verb-like), NOUN kSg (noun-like), ADJ (adj-like);
//          capitalised stems PROPN; a stem with no flag: ADV for -ly, ADJ for adjective
//          endings (-al -ic -ous -ive -ful -less -able -ible -ary -ish -ese -ent -ant),
//          else NOUN kSg
//   D -ed  VERB kPast and VERB kPpas          G -ing  VERB kPpre
//   S -s   NOUN kPl (noun-like; PROPN kPl when capitalised) and VERB kPres|kP3|kSg (verb-like)
//   T -est, and R -er on an adj-like stem: ADJ (degree is not a feature)
//   R -er on other stems, P -ness, L -ment, N -ion: NOUN kSg, lemma = the derived word
//   Z -ers, X -ions, J -ings: NOUN kPl, lemma = the derived singular
//   N -en: VERB kPpas on a verb-like stem ("beaten"), else ADJ ("ashen")
//   Y -ly: ADV; V -ive, B -able, H -th: ADJ; lemma = the derived word
//   M -'s: not generated (the tokenizer splits "'s")
//   -man stems whose -men word exists: that word is their NOUN kPl ("spokesmen")
// Then two tables replace what hunspell cannot know: the closed-class words below (their
// base form gets only these readings, so "the" is not a noun) and the irregular verbs of
// data/lang/en/irregular_verbs.txt (met -> meet, said -> say, and the auxiliaries).
#include <chrono>
#include <fstream>
#include <map>
#include <sstream>

#include "lexicon/sources/forms.h"
#include "lexicon/sources/hunspell_affix.h"
#include "text/fold.h"
#include "text/strings.h"

namespace attache::lex::sources {
namespace {

// Closed-class English words: grammar, not vocabulary, and not in en_US with any POS.
// Auxiliaries and modals live in irregular_verbs.txt with their features.
struct ClosedClass {
  uint16_t pos;
  uint32_t feats;
  const char* words;
};
const ClosedClass kClosedClass[] = {
    {kDet, 0,
     "the a an this that these those some any no every each either neither all both another "
     "other such what which whose my your his her its our their much many few several more "
     "most less least enough half whatever whichever"},
    {kPron, kP1 | kSg, "I me myself mine"},
    {kPron, kP1 | kPl, "we us ourselves ours"},
    {kPron, kP2, "you yourself yourselves yours"},
    {kPron, kP3 | kSg, "he him himself she her herself it itself hers one oneself"},
    {kPron, kP3 | kPl, "they them themselves theirs"},
    {kPron, 0,
     "who whom whose which what that this these those someone somebody something anyone "
     "anybody anything everyone everybody everything nobody nothing none whoever whatever "
     "each both all another either neither"},
    {kPrep, 0,
     "of in on at by for with from to into onto upon about above across after against along "
     "alongside amid amidst among amongst around as before behind below beneath beside besides "
     "between beyond despite during except inside near off outside over past per since "
     "through throughout till toward towards under underneath unlike until up via within "
     "without including regarding concerning following"},
    {kConj, 0,
     "and or but nor yet so because although though while whilst whereas if unless whether "
     "that than when where whenever wherever after before since until once as lest"},
    {kAdv, 0,
     "not n't never also already still just only even very too again ago then there here now "
     "however soon later ever almost rather quite perhaps maybe thus therefore meanwhile "
     "nevertheless moreover furthermore instead"},
    {kNum, 0,
     "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
     "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
     "eighty ninety hundred thousand million billion trillion dozen"},
    {kIntj, 0, "yes oh"},
};

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool IsCapitalised(std::string_view s) {
  size_t i = 0;
  return !s.empty() && text::IsUpper(text::NextCodePoint(s, i));
}

// Endings that make an English word an adjective more often than not ("political",
// "official", "dangerous"); used where the flags say nothing or are ambiguous.
bool HasAdjectiveEnding(std::string_view w) {
  for (std::string_view e : {"al", "ic", "ous", "ive", "ful", "less", "able", "ible", "ary", "ish",
                             "ese", "ent", "ant"}) {
    if (EndsWith(w, e)) return true;
  }
  return false;
}

// Regular 3rd person singular: "goes", "watches", "carries", "meets".
std::string ThirdSingular(const std::string& base) {
  if (EndsWith(base, "s") || EndsWith(base, "x") || EndsWith(base, "z") || EndsWith(base, "ch") ||
      EndsWith(base, "sh") || EndsWith(base, "o")) {
    return base + "es";
  }
  if (base.size() > 1 && base.back() == 'y' &&
      std::string_view("aeiou").find(base[base.size() - 2]) == std::string_view::npos) {
    return base.substr(0, base.size() - 1) + "ies";
  }
  return base + "s";
}

// Regular -ing without consonant doubling (the table spells out doubled forms).
std::string Gerund(const std::string& base) {
  if (EndsWith(base, "ie")) return base.substr(0, base.size() - 2) + "ying";
  if (base.size() > 2 && base.back() == 'e' && !EndsWith(base, "ee") && !EndsWith(base, "oe") &&
      !EndsWith(base, "ye")) {
    return base.substr(0, base.size() - 1) + "ing";
  }
  return base + "ing";
}

// The fields of `s` between `sep`s, trimmed, as strings (empty ones kept: they are errors
// the caller names).
std::vector<std::string> Fields(std::string_view s, char sep) {
  std::vector<std::string> out;
  for (std::string_view f : text::SplitFields(s, sep)) out.emplace_back(f);
  return out;
}

bool ParsePos(std::string_view name, uint16_t& pos) {
  const auto* e = FindName(kPosNames, name);
  if (e != nullptr) pos = e->value;
  return e != nullptr;
}

bool ParseFeat(std::string_view name, uint32_t& feats) {
  const auto* e = FindName(kFeatNames, name);
  if (e != nullptr) feats |= e->value;
  return e != nullptr;
}

struct TableReading {
  std::string form, lemma;
  uint16_t pos;
  uint32_t feats;
};

// Reads irregular_verbs.txt (format in its header) into readings. Forms given on "=" lines
// are closed-class: hunspell's guesses for them are dropped.
Status ReadIrregularVerbs(const std::string& path, std::vector<TableReading>& out,
                          std::unordered_set<std::string>& closed) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error("cannot read " + path);
  std::string line;
  int line_no = 0;
  auto error = [&](const std::string& what) {
    return Status::Error(path + ":" + std::to_string(line_no) + ": " + what);
  };
  while (std::getline(in, line)) {
    ++line_no;
    std::string_view l = line;
    size_t hash = l.find('#');
    if (hash != std::string_view::npos) l = l.substr(0, hash);
    l = text::Trim(l);
    if (l.empty()) continue;
    if (l[0] == '=') {
      // = FORM | LEMMA | POS [POS...] | feat feat...
      auto cols = Fields(l.substr(1), '|');
      if (cols.size() != 4 || cols[0].empty() || cols[1].empty()) {
        return error("expected '= form | lemma | POS... | features'");
      }
      uint32_t feats = 0;
      for (std::string_view word : text::SplitWords(cols[3])) {
        if (!ParseFeat(word, feats)) return error("unknown feature '" + std::string(word) + "'");
      }
      bool any = false;
      for (std::string_view word : text::SplitWords(cols[2])) {
        uint16_t pos = 0;
        if (!ParsePos(word, pos)) return error("unknown POS '" + std::string(word) + "'");
        out.push_back({cols[0], cols[1], pos, feats});
        any = true;
      }
      if (!any) return error("no POS");
      closed.insert(text::Fold(cols[0]));
      continue;
    }
    // base | past | past participle [| 3sg [| -ing]]
    auto cols = Fields(l, '|');
    if (cols.size() < 3 || cols.size() > 5 || cols[0].empty() || cols[1].empty() ||
        cols[2].empty()) {
      return error("expected 'base | past | past participle [| 3sg [| -ing]]'");
    }
    const std::string& base = cols[0];
    if (base.find(' ') != std::string::npos || base.find(',') != std::string::npos) {
      return error("the base form must be one word");
    }
    out.push_back({base, base, kVerb, kInf});
    out.push_back({base, base, kVerb, kPres});
    for (const std::string& f : Fields(cols[1], ',')) {
      if (f.empty()) return error("empty past form");
      out.push_back({f, base, kVerb, kPast});
    }
    for (const std::string& f : Fields(cols[2], ',')) {
      if (f.empty()) return error("empty past participle");
      out.push_back({f, base, kVerb, kPpas});
    }
    std::vector<std::string> third = cols.size() > 3 && !cols[3].empty()
                                         ? Fields(cols[3], ',')
                                         : std::vector<std::string>{ThirdSingular(base)};
    for (const std::string& f : third) out.push_back({f, base, kVerb, kPres | kP3 | kSg});
    std::vector<std::string> ing = cols.size() > 4 && !cols[4].empty()
                                       ? Fields(cols[4], ',')
                                       : std::vector<std::string>{Gerund(base)};
    for (const std::string& f : ing) out.push_back({f, base, kVerb, kPpre});
  }
  return Status::Ok();
}

struct StemClass {
  bool verb = false, noun = false, adj = false, proper = false;
};

}  // namespace

Status AddEnglishForms(const HunspellPaths& paths, const std::string& irregular_path,
                       Builder& builder, InflectionIndex* index, FormStats* stats) {
  const auto t0 = std::chrono::steady_clock::now();
  std::vector<TableReading> table;
  std::unordered_set<std::string> closed;
  Status s = ReadIrregularVerbs(irregular_path, table, closed);
  if (!s.ok()) return s;
  // Forms of irregular verbs that en_US lists as bare words ("met", "held"): no guessed
  // noun reading for them, the table gives the right one.
  std::unordered_set<std::string> irregular_forms;
  for (const TableReading& r : table) {
    if (r.form != r.lemma) irregular_forms.insert(text::Fold(r.form));
  }
  for (const ClosedClass& cc : kClosedClass) {
    std::istringstream ws(cc.words);
    std::string w;
    while (ws >> w) {
      table.push_back({w, w, cc.pos, cc.feats});
      closed.insert(text::Fold(w));
    }
  }

  HunspellDictionary dict;
  s = dict.Load(paths.en_aff, paths.en_dic);
  if (!s.ok()) return s;
  const AffixFlag fD = dict.Flag("D"), fG = dict.Flag("G"), fM = dict.Flag("M"),
                  fS = dict.Flag("S"), fT = dict.Flag("T"), fP = dict.Flag("P"),
                  fR = dict.Flag("R"), fY = dict.Flag("Y"), fZ = dict.Flag("Z"),
                  fJ = dict.Flag("J"), fN = dict.Flag("N"), fX = dict.Flag("X"),
                  fV = dict.Flag("V"), fB = dict.Flag("B"), fL = dict.Flag("L"),
                  fH = dict.Flag("H");

  // en_US lists doubled-consonant verb forms as words of their own ("stopped", "banning",
  // "admitted") and leaves D/G off their stems ("stop/US"): find those pairs so the stem is
  // known to be a verb and the listed form gets its verb reading.
  std::unordered_map<std::string, const DicEntry*> stems;
  for (const DicEntry& e : dict.entries()) stems.emplace(e.stem, &e);
  std::unordered_set<std::string> verb_stems;
  std::unordered_map<const DicEntry*, std::pair<std::string, uint32_t>> listed_verb_forms;
  for (const DicEntry& e : dict.entries()) {
    const std::string& w = e.stem;
    if (IsCapitalised(w)) continue;
    std::vector<std::string> candidates;
    uint32_t feats = 0;
    if (EndsWith(w, "ed") && w.size() >= 5) {
      feats = kPast;
      if (EndsWith(w, "ied")) candidates.push_back(w.substr(0, w.size() - 3) + "y");
      if (w[w.size() - 3] == w[w.size() - 4]) candidates.push_back(w.substr(0, w.size() - 3));
      candidates.push_back(w.substr(0, w.size() - 1));
      candidates.push_back(w.substr(0, w.size() - 2));
    } else if (EndsWith(w, "ing") && w.size() >= 6) {
      feats = kPpre;
      if (EndsWith(w, "ying")) candidates.push_back(w.substr(0, w.size() - 4) + "ie");
      if (w[w.size() - 4] == w[w.size() - 5]) candidates.push_back(w.substr(0, w.size() - 4));
      candidates.push_back(w.substr(0, w.size() - 3) + "e");
      candidates.push_back(w.substr(0, w.size() - 3));
    }
    for (const std::string& cand : candidates) {
      if (cand.size() < 3) continue;
      auto it = stems.find(cand);
      if (it == stems.end()) continue;
      // The first stem that exists decides: "fired" is fire's (which has D, so the form is
      // generated anyway), not "fir" + -ed.
      if (dict.Has(it->second->flags, feats == kPast ? fD : fG)) break;
      verb_stems.insert(cand);
      listed_verb_forms[&e] = {cand, feats};
      break;
    }
  }

  // -man/-men plurals are separate words in en_US ("spokesman/M", "spokesmen"): link them,
  // so "spokesmen" is the plural of the title "spokesman" ("gunmen", "congressmen" too).
  std::map<std::string, std::string> man_plurals;  // ordered: reproducible output
  for (const DicEntry& e : dict.entries()) {
    const std::string& w = e.stem;
    if (w.size() < 4 || !EndsWith(w, "man") || !dict.Has(e.flags, fM)) continue;
    std::string plural = w.substr(0, w.size() - 3) + "men";
    if (stems.count(plural) != 0) man_plurals.emplace(std::move(plural), w);
  }

  size_t surface = 0;
  size_t readings = 0;
  auto add = [&](std::string_view form, std::string_view lemma, uint16_t pos, uint32_t feats) {
    builder.AddForm(Lang::kEn, form, lemma, pos, feats);
    ++readings;
    if (index != nullptr && (pos == kNoun || pos == kAdj || pos == kPropn)) {
      index->Add(Lang::kEn, lemma, pos == kPropn ? uint16_t{kNoun} : pos, form, feats);
    }
  };
  std::string lemma;
  std::string folded;
  dict.Expand(nullptr, [&](const ExpandedForm& f) {
    const std::string& stem = f.entry->stem;
    // Digits belong to COMPOUNDRULE number fragments ("1st", "11th"), handled at run time.
    if (stem.find_first_of("0123456789") != std::string::npos) return;
    ++surface;
    const auto& flags = f.entry->flags;
    StemClass c;
    c.verb = dict.Has(flags, fD) || dict.Has(flags, fG) || verb_stems.count(stem) != 0;
    c.proper = IsCapitalised(stem);
    c.noun = dict.Has(flags, fM) || (dict.Has(flags, fS) && !c.verb);
    c.adj = dict.Has(flags, fT) || dict.Has(flags, fP) || (dict.Has(flags, fR) && !c.verb) ||
            (dict.Has(flags, fY) && (!dict.Has(flags, fM) || HasAdjectiveEnding(stem)) && !c.verb);
    lemma = stem;
    if (f.prefix != nullptr) lemma = f.prefix->append + stem.substr(f.prefix->strip.size());
    const std::string_view form = f.form;
    if (auto it = listed_verb_forms.find(f.entry);
        it != listed_verb_forms.end() && f.suffix == nullptr) {
      // "stopped" -> stop (past, past participle); "unbanned" -> unban.
      std::string base = it->second.first;
      if (f.prefix != nullptr) base = f.prefix->append + base;
      if (it->second.second == kPast) {
        add(form, base, kVerb, kPast);
        add(form, base, kVerb, kPpas);
      } else {
        add(form, base, kVerb, kPpre);
      }
      // Only flags that make it a noun or adjective too ("stopping/S") add more readings.
      if (!c.noun && !c.adj) return;
    }

    // The tables give all readings of closed-class forms ("has" is not "ha" + -s).
    folded = text::Fold(form);
    if (closed.count(folded) != 0) return;
    if (f.suffix == nullptr) {
      if (c.proper) {
        add(form, lemma, kPropn, kSg);
        return;
      }
      if (c.verb) {
        add(form, lemma, kVerb, kInf);
        add(form, lemma, kVerb, kPres);
      }
      if (c.noun) add(form, lemma, kNoun, kSg);
      if (c.adj) add(form, lemma, kAdj, 0);
      if (!c.verb && !c.noun && !c.adj && irregular_forms.count(folded) == 0 &&
          man_plurals.count(stem) == 0) {
        if (EndsWith(form, "ly") && form.size() > 4) {
          add(form, lemma, kAdv, 0);
        } else if (HasAdjectiveEnding(form)) {
          add(form, lemma, kAdj, 0);
        } else {
          add(form, lemma, kNoun, kSg);
        }
      }
      return;
    }

    const AffixFlag sf = f.suffix_flag;
    const std::string derived(form);
    auto singular = [&]() { return derived.substr(0, derived.size() - 1); };  // drop the -s
    if (sf == fD) {
      add(form, lemma, kVerb, kPast);
      add(form, lemma, kVerb, kPpas);
    } else if (sf == fG) {
      add(form, lemma, kVerb, kPpre);
    } else if (sf == fS) {
      if (c.proper) {
        add(form, lemma, kPropn, kPl);
      } else {
        if (c.noun || !c.verb) add(form, lemma, kNoun, kPl);
        if (c.verb) add(form, lemma, kVerb, kPres | kP3 | kSg);
      }
    } else if (sf == fT) {
      add(form, lemma, kAdj, 0);
    } else if (sf == fR) {
      if (c.adj && !c.verb) {
        add(form, lemma, kAdj, 0);
      } else {
        add(form, derived, kNoun, kSg);
      }
    } else if (sf == fZ || sf == fX || sf == fJ) {
      add(form, singular(), kNoun, kPl);
    } else if (sf == fP || sf == fL) {
      add(form, derived, kNoun, kSg);
    } else if (sf == fN) {
      if (EndsWith(form, "en")) {
        if (c.verb) {
          add(form, lemma, kVerb, kPpas);
        } else {
          add(form, derived, kAdj, 0);
        }
      } else {
        add(form, derived, kNoun, kSg);
      }
    } else if (sf == fY) {
      add(form, derived, kAdv, 0);
    } else if (sf == fV || sf == fB || sf == fH) {
      add(form, derived, kAdj, 0);
    }
    // fM (possessive) and unknown flags: no reading.
  });

  for (const auto& [plural, singular] : man_plurals) add(plural, singular, kNoun, kPl);
  for (const TableReading& r : table) add(r.form, r.lemma, r.pos, r.feats);
  if (stats != nullptr) {
    stats->surface_forms += surface + table.size();
    stats->readings += readings;
    stats->seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  }
  return Status::Ok();
}

}  // namespace attache::lex::sources
