// Language packs and entity lists (see packs.h and doc/LEXICON.md).
#include "lexicon/sources/packs.h"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <sstream>
#include <unordered_set>

#include "text/fold.h"
#include "text/strings.h"

namespace attache::lex::sources {
namespace {

namespace fs = std::filesystem;

using text::Trim;

// Days from civil date (proleptic Gregorian), after the well-known era decomposition.
int32_t DaysFromCivil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned DaysInMonth(int y, unsigned m) {
  static const unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

// Splits the attribute column into words; a double-quoted value may hold spaces.
bool SplitAttributes(std::string_view s, std::vector<std::string>& out, std::string& error) {
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    if (i >= s.size()) break;
    std::string word;
    bool quoted = false;
    while (i < s.size() && (quoted || (s[i] != ' ' && s[i] != '\t'))) {
      if (s[i] == '"') {
        quoted = !quoted;
      } else {
        word.push_back(s[i]);
      }
      ++i;
    }
    if (quoted) {
      error = "unterminated quote";
      return false;
    }
    out.push_back(std::move(word));
  }
  return true;
}

bool IsUpperCode(std::string_view s, size_t n) {
  if (s.size() != n) return false;
  for (char c : s) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

// Words that end the inflectable head of a French title: "ministre | des Affaires
// étrangères", "chef | de la diplomatie", "porte-parole | du Kremlin".
bool IsFrenchConnector(std::string_view folded) {
  static const std::unordered_set<std::string_view> kWords = {
      "de",   "des", "du",  "d'",     "d",    "a",  "au", "aux", "pour", "en",
      "chez", "sur", "par", "contre", "avec", "la", "le", "les", "l'",   "et"};
  return kWords.count(folded) != 0;
}

bool IsEnglishConnector(std::string_view folded) {
  static const std::unordered_set<std::string_view> kWords = {"of", "for",  "to",  "in",     "on",
                                                              "at", "with", "and", "general"};
  return kWords.count(folded) != 0;
}

std::string Join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out.push_back(' ');
    out += w;
  }
  return out;
}

// Inflected variants of a title or demonym written in its lemma form (masculine singular):
// French agrees every word of the head (before the first connector) in gender and number;
// English inflects the head noun (the word before "of"/"for", else the last word) for number.
std::vector<std::string> Inflect(std::string_view name, EntityKind kind, Lang lang,
                                 const InflectionIndex& index) {
  std::vector<std::string> out;
  std::vector<std::string> words;
  for (std::string_view w : text::SplitWords(name)) words.emplace_back(w);
  if (words.empty()) return out;
  const std::vector<uint16_t> pos_order = kind == EntityKind::kDemonym
                                              ? std::vector<uint16_t>{kAdj, kNoun}
                                              : std::vector<uint16_t>{kNoun, kAdj};
  // Forms of one word, from the first POS that knows it.
  auto forms_of = [&](const std::string& w) -> const std::vector<InflectionIndex::Form>* {
    for (uint16_t pos : pos_order) {
      if (const auto* f = index.Find(lang, w, pos); f != nullptr) return f;
    }
    return nullptr;
  };
  std::vector<size_t> head;  // indexes of the words to inflect
  if (lang == Lang::kFr) {
    for (size_t i = 0; i < words.size(); ++i) {
      if (IsFrenchConnector(text::Fold(words[i]))) break;
      head.push_back(i);
    }
  } else {
    size_t end = words.size();
    for (size_t i = 1; i < words.size(); ++i) {
      if (IsEnglishConnector(text::Fold(words[i]))) {
        end = i;
        break;
      }
    }
    head.push_back(end - 1);
  }
  const uint32_t genders[] = {kMasc, kFem};
  const uint32_t numbers[] = {kSg, kPl};
  for (uint32_t g : genders) {
    if (lang != Lang::kFr && g == kFem) continue;  // English nouns carry no gender
    for (uint32_t n : numbers) {
      std::vector<std::string> variant = words;
      bool ok = true;
      bool changed = false;
      for (size_t i : head) {
        const auto* forms = forms_of(words[i]);
        if (forms == nullptr) continue;  // unknown word: left as written
        const std::string* pick = nullptr;
        for (const auto& f : *forms) {
          const uint32_t fg = f.feats & (kMasc | kFem);
          const uint32_t fn = f.feats & (kSg | kPl);
          if ((fg == 0 || (fg & g)) && (fn == 0 || (fn & n))) {
            pick = &f.form;
            break;
          }
        }
        if (pick == nullptr) {
          ok = false;
          break;
        }
        // Keep the writer's capitalisation of the first letter ("Russe" -> "Russes").
        std::string w = *pick;
        if (!w.empty() && !words[i].empty() && words[i][0] >= 'A' && words[i][0] <= 'Z' &&
            w[0] >= 'a' && w[0] <= 'z') {
          w[0] = static_cast<char>(w[0] - 32);
        }
        if (w != words[i]) changed = true;
        variant[i] = std::move(w);
      }
      if (ok && changed) {
        std::string v = Join(variant);
        if (std::find(out.begin(), out.end(), v) == out.end()) out.push_back(std::move(v));
      }
    }
  }
  return out;
}

}  // namespace

bool ParseDay(std::string_view text, bool end, int32_t* days) {
  int y = 0;
  unsigned m = 0, d = 0;
  auto num = [](std::string_view s, auto& v) {
    auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    return r.ec == std::errc() && r.ptr == s.data() + s.size();
  };
  if (text.size() == 4) {
    if (!num(text, y)) return false;
    m = end ? 12 : 1;
    d = end ? 31 : 1;
  } else if (text.size() == 7 && text[4] == '-') {
    if (!num(text.substr(0, 4), y) || !num(text.substr(5, 2), m) || m < 1 || m > 12) {
      return false;
    }
    d = end ? DaysInMonth(y, m) : 1;
  } else if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    if (!num(text.substr(0, 4), y) || !num(text.substr(5, 2), m) || !num(text.substr(8, 2), d) ||
        m < 1 || m > 12 || d < 1 || d > DaysInMonth(y, m)) {
      return false;
    }
  } else {
    return false;
  }
  *days = DaysFromCivil(y, m, d);
  return true;
}

Status ParseEntityLine(std::string_view line, const EntityListContext& ctx, Builder& builder,
                       PackCounts* counts) {
  const std::vector<std::string_view> cols = text::SplitFields(line, '|');
  if (cols.size() < 2 || cols.size() > 3) {
    return Status::Error("expected 'KIND | NAME; NAME... | attributes'");
  }
  EntitySpec spec;
  spec.lang = ctx.lang;
  const auto* kind = FindName(kEntityKindNames, cols[0]);
  if (kind == nullptr) return Status::Error("unknown kind '" + std::string(cols[0]) + "'");
  spec.kind = kind->value;

  // Names; "(surname)" marks a surname alias of a person.
  std::vector<std::string> names, surnames;
  for (std::string_view rest = cols[1]; !rest.empty();) {
    size_t semi = rest.find(';');
    std::string_view n = Trim(rest.substr(0, semi));
    rest = semi == std::string_view::npos ? std::string_view() : rest.substr(semi + 1);
    if (n.empty()) continue;
    constexpr std::string_view kSurnameMark = "(surname)";
    if (n.size() > kSurnameMark.size() && n.ends_with(kSurnameMark)) {
      surnames.emplace_back(Trim(n.substr(0, n.size() - kSurnameMark.size())));
    } else if (n.find_first_of("()") != std::string_view::npos) {
      return Status::Error("unknown name marker in '" + std::string(n) + "'");
    } else {
      names.emplace_back(n);
    }
  }
  if (names.empty() && surnames.empty()) return Status::Error("no name");
  spec.name = names.empty() ? surnames.front() : names.front();

  if (cols.size() == 3) {
    std::vector<std::string> attrs;
    std::string error;
    if (!SplitAttributes(cols[2], attrs, error)) return Status::Error(error);
    for (const std::string& a : attrs) {
      size_t eq = a.find('=');
      if (eq == std::string::npos) {
        const auto* flag = FindName(kEntityFlagNames, a);
        if (flag == nullptr || flag->value == kSurname) {
          return Status::Error("unknown flag '" + a + "'" +
                               (flag != nullptr ? " (a surname is written NAME (surname))" : ""));
        }
        spec.flags |= flag->value;
        continue;
      }
      const std::string key = a.substr(0, eq);
      const std::string value = a.substr(eq + 1);
      if (key == "name") {
        if (value.empty()) return Status::Error("empty name=");
        spec.name = value;
      } else if (key == "country") {
        std::string c = value;
        if (ctx.alpha3 != nullptr && IsUpperCode(c, 2)) {
          auto it = ctx.alpha3->find(c);
          if (it != ctx.alpha3->end()) c = it->second;
        }
        if (!IsUpperCode(c, 3)) return Status::Error("country= wants ISO alpha-3: '" + value + "'");
        if (ctx.alpha3 != nullptr && !ctx.alpha3->empty()) {
          bool known = false;
          for (const auto& [a2, a3] : *ctx.alpha3) known |= a3 == c;
          if (!known) return Status::Error("unknown country '" + value + "'");
        }
        spec.country = c;
      } else if (key == "code") {
        if (value.empty() || value.size() % 3 != 0 ||
            !std::all_of(value.begin(), value.end(), [](char ch) {
              return (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
            })) {
          return Status::Error("code= wants 3-letter parts in capitals: '" + value + "'");
        }
        spec.code = value;
      } else if (key == "sector") {
        if (!IsUpperCode(value, 3))
          return Status::Error("sector= wants 3 capitals: '" + value + "'");
        spec.sector = value;
      } else if (key == "from" || key == "to") {
        if (!value.empty() &&
            !ParseDay(value, key == "to", key == "from" ? &spec.valid_from : &spec.valid_to)) {
          return Status::Error(key + "= wants YYYY-MM-DD: '" + value + "'");
        }
      } else if (key == "role") {
        spec.extra = value;
      } else if (key == "geonameid") {
        auto r = std::from_chars(value.data(), value.data() + value.size(), spec.geonameid);
        if (r.ec != std::errc() || r.ptr != value.data() + value.size()) {
          return Status::Error("geonameid= wants a number: '" + value + "'");
        }
      } else {
        return Status::Error("unknown key '" + key + "'");
      }
    }
  }
  if (spec.valid_from != INT32_MIN && spec.valid_to != INT32_MAX &&
      spec.valid_from > spec.valid_to) {
    return Status::Error("from= is after to=");
  }
  if (spec.code.empty() && !spec.country.empty()) spec.code = spec.country + spec.sector;

  const bool inflect = ctx.inflections != nullptr && ctx.lang != Lang::kAny &&
                       (spec.kind == EntityKind::kTitle || spec.kind == EntityKind::kDemonym);
  auto add_aliases = [&](uint32_t id, const std::vector<std::string>& list) {
    for (const std::string& n : list) {
      builder.AddAlias(ctx.lang, n, id);
      if (counts != nullptr) ++counts->aliases;
      if (!inflect) continue;
      for (const std::string& v : Inflect(n, spec.kind, ctx.lang, *ctx.inflections)) {
        builder.AddAlias(ctx.lang, v, id);
        if (counts != nullptr) ++counts->inflected_aliases;
      }
    }
  };
  if (!names.empty()) {
    add_aliases(builder.AddEntity(spec), names);
    if (counts != nullptr) ++counts->entities_by_kind[std::string(kind->name)];
  }
  if (!surnames.empty()) {
    // A surname alone is weaker evidence than the full name: the runtime only takes it once
    // the document has introduced the person, so it points to a copy flagged kSurname.
    EntitySpec copy = spec;
    copy.flags |= kSurname;
    add_aliases(builder.AddEntity(copy), surnames);
    if (counts != nullptr) ++counts->entities_by_kind[std::string(kind->name) + " (surname)"];
  }
  return Status::Ok();
}

Status AddPacks(const std::string& data_dir, const EntityListContext& world_ctx, Builder& builder,
                PackCounts* counts) {
  std::error_code ec;
  const fs::path root(data_dir);
  if (!fs::is_directory(root, ec)) return Status::Error("no data directory " + data_dir);
  std::vector<fs::path> files;
  for (const char* top : {"lang", "world"}) {
    const fs::path dir = root / top;
    if (!fs::is_directory(dir, ec)) continue;
    for (auto it = fs::recursive_directory_iterator(dir, ec);
         it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) return Status::Error("cannot walk " + dir.string() + ": " + ec.message());
      if (it->is_regular_file() && it->path().extension() == ".txt") files.push_back(it->path());
    }
  }
  std::sort(files.begin(), files.end());

  std::string errors;
  size_t error_count = 0;
  for (const fs::path& file : files) {
    const std::string rel = file.lexically_relative(root).generic_string();
    StatusOr<std::string> read = text::ReadFile(file.string());
    if (!read.ok()) return read.status();
    const std::string& body = read.value();
    builder.AddPackFile(rel, body);
    if (counts != nullptr) ++counts->files;

    // Entity lists: any file below a folder named "entities".
    const fs::path rel_path(rel);
    bool is_entities = false;
    for (const auto& part : rel_path.parent_path()) is_entities |= part == "entities";
    if (!is_entities) continue;
    if (counts != nullptr) ++counts->entity_files;
    EntityListContext ctx = world_ctx;
    ctx.lang = Lang::kAny;
    auto part = rel_path.begin();
    if (*part == "lang") {
      ++part;
      if (*part == "fr") {
        ctx.lang = Lang::kFr;
      } else if (*part == "en") {
        ctx.lang = Lang::kEn;
      } else {
        errors += rel + ": entity list of an unknown language '" + part->string() + "'\n";
        ++error_count;
        continue;
      }
    }
    std::istringstream lines(body);
    std::string line;
    int line_no = 0;
    while (std::getline(lines, line)) {
      ++line_no;
      std::string_view l = Trim(line);
      if (l.empty() || l[0] == '#') continue;
      Status s = ParseEntityLine(l, ctx, builder, counts);
      if (!s.ok()) {
        if (++error_count <= 100) {
          errors += rel + ":" + std::to_string(line_no) + ": " + s.message() + "\n";
        }
      }
    }
  }
  if (error_count > 0) {
    if (error_count > 100) errors += "... and " + std::to_string(error_count - 100) + " more\n";
    return Status::Error(std::to_string(error_count) + " malformed entity line(s):\n" + errors);
  }
  return Status::Ok();
}

}  // namespace attache::lex::sources
