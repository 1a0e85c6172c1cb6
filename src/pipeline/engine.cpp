// Sentence analysis: see engine.h. The rules here are grammar mechanics; every word they
// test comes from the language pack (grammar.txt) or the lexicon.
#include "pipeline/engine.h"

#include "text/fold.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace attache::pipeline {
namespace {

using lex::EntityKind;

bool IsWord(const Tok& t) { return t.t.kind == text::TokenKind::kWord; }
bool IsComma(const Tok& t, std::string_view text) {
  return t.t.kind == text::TokenKind::kPunct && text.substr(t.t.begin, t.t.end - t.t.begin) == ",";
}
bool Capitalised(const Tok& t) { return (t.t.flags & (text::kCapitalized | text::kAllCaps)) != 0; }

constexpr uint16_t kContentPos = lex::kNoun | lex::kAdj | lex::kPropn | lex::kNum;
constexpr uint32_t kClosedClass = kDet | kPrep | kCoord | kRelative | kSubord | kNeg | kReflexive |
                                  kPronoun | kPronImpers | kNeg2;

bool IsPlaceKind(EntityKind k) {
  return k == EntityKind::kCity || k == EntityKind::kCountry || k == EntityKind::kAdmin1 ||
         k == EntityKind::kPlaceOther;
}

}  // namespace

std::string ActorCode(std::string_view country, std::string_view sector) {
  std::string c(country);
  c.append(sector);
  return c;
}

std::string_view Analyzer::Key(const Tok& t, const std::string& k) const {
  return std::string_view(k).substr(t.t.key, t.t.key_len);
}

bool Analyzer::HasLemma(const Tok& t, std::string_view lemma, uint16_t pos_mask,
                        const std::string& k) const {
  for (uint32_t r = 0; r < t.nreadings; ++r) {
    const lex::Reading& rd = t.readings[r];
    if ((rd.pos & pos_mask) == 0) continue;
    if (std::string_view(lx_.str(rd.lemma)) == lemma) return true;  // stored folded
  }
  if (t.nreadings == 0 && (pos_mask & (lex::kVerb | lex::kNoun))) return Key(t, k) == lemma;
  return false;
}

void Analyzer::Analyze(Sentence& s, DocContext& ctx) const {
  ctx.current_sentence = s.index;
  // The tokens inside a time expression, once: the event stage asks for every token.
  for (Tok& t : s.toks) t.in_time = false;
  for (const auto& th : s.times)
    for (int j = std::max(0, th.b); j < std::min<int>(th.e, static_cast<int>(s.toks.size())); ++j)
      s.toks[j].in_time = true;
  Classify(s, ctx);
  FindMentions(s, ctx);
  Chunk(s, ctx);
  ResolveActors(s, ctx);
}

void Analyzer::Classify(Sentence& s, DocContext& ctx) const {
  const std::string& k = *keys;
  static const std::pair<std::string_view, uint32_t> kClasses[] = {
      {"determiner", kDet},        {"preposition", kPrep},       {"locative", kLocative},
      {"pronoun.m.sg", kPronMSg},  {"pronoun.f.sg", kPronFSg},   {"pronoun.m.pl", kPronMPl},
      {"pronoun.f.pl", kPronFPl},  {"pronoun.impersonal", kPronImpers},
      {"relative", kRelative},     {"subordinator", kSubord},    {"coordinator", kCoord},
      {"negation", kNeg},          {"negation.second", kNeg2},   {"reflexive", kReflexive},
      {"agent", kAgentPrep},       {"between", kBetweenPrep},    {"with", kWithPrep},
      {"against", kAgainstPrep},   {"adverb.skip", kAdvSkip},    {"possessive", kPossessive},
      {"attribution", kAttribution}, {"bilateral", kBilateral}};
  static const std::pair<std::string_view, uint32_t> kLemmaClasses[] = {
      {"quote.verbs", kQuoteVerb}, {"modal.planned", kModalPlanned},
      {"modal.hypothetical", kModalHypo}, {"aux.have", kAuxHave}, {"aux.be", kAuxBe},
      {"verb.etre-aux", kEtreVerb}};
  std::string two;
  s.own_readings.clear();
  s.own_readings.reserve(s.toks.size() * 4);
  for (size_t i = 0; i < s.toks.size(); ++i) {
    Tok& t = s.toks[i];
    if (!IsWord(t)) continue;
    std::string_view key = Key(t, k);
    auto rs = lx_.Readings(ctx.lang, key);
    if (rs.empty() && ctx.lang == lex::Lang::kEn && key.size() > 5) {
      // British spellings read through the American forms: criticised, apologise, labour.
      thread_local std::string alt;
      alt.assign(key);
      // The pack's `spelling.variants`: "ending variant" pairs ("ise ize", "our or").
      for (std::string_view pair : pack_.Class("spelling.variants")) {
        size_t sp = pair.find(' ');
        if (sp == std::string_view::npos) continue;
        std::string_view from = pair.substr(0, sp), to = pair.substr(sp + 1);
        size_t at = alt.rfind(from);
        if (at == std::string::npos || at + from.size() + 3 < alt.size()) continue;
        alt.replace(at, from.size(), to);
        rs = lx_.Readings(ctx.lang, alt);
        if (!rs.empty()) break;
        alt.assign(key);
      }
    }
    t.readings = rs.data();
    t.nreadings = static_cast<uint32_t>(rs.size());
    // Keep the readings of the form as written when the fold merged several forms
    // ("affirme" present vs "affirmé" participle); a form written without its accents
    // ("Etats") matches none and keeps them all.
    bool own_form = false;  // the readings were narrowed to the form as written
    if (rs.size() > 1) {
      uint16_t h = text::FormHash(ctx.text.substr(t.t.begin, t.t.end - t.t.begin));
      size_t same = 0;
      for (const auto& r : rs) same += r.form_hash == h;
      if (same > 0 && same < rs.size() &&
          s.own_readings.size() + same <= s.own_readings.capacity()) {
        const lex::Reading* first = s.own_readings.data() + s.own_readings.size();
        for (const auto& r : rs)
          if (r.form_hash == h) s.own_readings.push_back(r);
        t.readings = first;
        t.nreadings = static_cast<uint32_t>(same);
        rs = std::span<const lex::Reading>(first, same);
        own_form = true;
      }
    }
    // News is written in the third person: a French noun that is also a first- or
    // second-person verb form ("frappes", "menaces", "attaques", "forces") is a noun.
    bool verb_3rd = false, verb_12 = false, noun = false;
    for (const auto& r : rs) {
      if (r.pos & lex::kNoun) noun = true;
      if (!(r.pos & lex::kVerb)) continue;
      bool nonfinite = r.feats & (lex::kInf | lex::kPpas | lex::kPpre);
      if (nonfinite || (r.feats & lex::kP3) || !(r.feats & (lex::kP1 | lex::kP2))) verb_3rd = true;
      else verb_12 = true;
    }
    bool drop_verb = ctx.lang == lex::Lang::kFr && noun && verb_12 && !verb_3rd;
    for (const auto& r : rs) {
      if (drop_verb && (r.pos & lex::kVerb)) continue;
      t.pos |= r.pos;
      if (r.pos & (lex::kVerb | lex::kAux)) t.feats |= r.feats;
    }
    // A verb form whose accent sets it apart from a grammar word it folds to ("entré" /
    // "entre", "contré" / "contre") is not that word: the grammar classes are keyed by the
    // folded form, the written readings decide.
    bool other_word = false;
    if (own_form) {
      bool verb = false, closed = false;
      for (const auto& r : rs) {
        if (r.pos & lex::kVerb) verb = true;
        if (r.pos & (lex::kDet | lex::kPron | lex::kPrep | lex::kConj)) closed = true;
      }
      other_word = verb && !closed;
    }
    for (const auto& [cls, bit] : kClasses)
      if (!other_word && pack_.Is(cls, key)) t.cls |= bit;
    // Folding merges "a" (avoir) with "à" and "ou" with "où"; the written accent decides.
    std::string_view written = ctx.text.substr(t.t.begin, t.t.end - t.t.begin);
    if (ctx.lang == lex::Lang::kFr && (written == "a" || written == "A"))
      t.cls &= ~(kPrep | kLocative);
    if (ctx.lang == lex::Lang::kFr && (written == "ou" || written == "Ou")) t.cls &= ~kRelative;
    if (ctx.lang == lex::Lang::kFr && (written == "à" || written == "À")) t.pos &= ~(lex::kVerb | lex::kAux);
    // Two-word entries ("according to", "d' après", "parce que").
    if (i + 1 < s.toks.size() && IsWord(s.toks[i + 1])) {
      two.assign(key);
      two.push_back(' ');
      two.append(Key(s.toks[i + 1], k));
      for (const auto& [cls, bit] : kClasses) {
        if (pack_.Is(cls, two)) {
          t.cls |= bit;
          s.toks[i + 1].cls |= bit;
        }
      }
    }
    for (const auto& [cls, bit] : kLemmaClasses) {
      const auto& set = pack_.Class(cls);
      if (set.count(key)) {
        t.cls |= bit;
        continue;
      }
      for (const auto& r : rs) {
        if (!(r.pos & (lex::kVerb | lex::kAux))) continue;
        if (set.count(std::string_view(lx_.str(r.lemma)))) {
          t.cls |= bit;
          break;
        }
      }
    }
    // English "that" right after a verb opens a clause ("recalled that the ambassador").
    if (ctx.lang == lex::Lang::kEn && pack_.Is("complementizer", key) && i > 0 &&
        (s.toks[i - 1].pos & lex::kVerb) &&
        (s.toks[i - 1].feats & (lex::kPast | lex::kPres | lex::kPpas)))
      t.cls = (t.cls & ~(kDet | kPronImpers | kRelative)) | kSubord;
    if (t.cls & (kDet | kPrep | kPronoun | kPronImpers | kCoord | kRelative | kSubord)) {
      // Closed-class words are not content words, whatever the dictionary also lists.
      t.pos &= static_cast<uint16_t>(~(lex::kNoun | lex::kAdj | lex::kVerb));
    }
    // A noun that can trigger an event keeps its complements as separate phrases.
    if (pack_.by_noun.count(key)) t.trigger_noun = true;
    for (const auto& r : rs) {
      if (t.trigger_noun || !(r.pos & lex::kNoun)) continue;
      if (pack_.by_noun.count(std::string_view(lx_.str(r.lemma)))) t.trigger_noun = true;
    }
    if (pack_.Is("member.nouns", key) || pack_.Is("territory.nouns", key)) t.cls |= kMemberNoun;
    for (const auto& r : rs) {
      if (!(r.pos & lex::kNoun)) continue;
      std::string_view lm(lx_.str(r.lemma));
      if (pack_.Is("member.nouns", lm) || pack_.Is("territory.nouns", lm)) t.cls |= kMemberNoun;
    }
    if (t.nreadings == 0 && Capitalised(t)) t.pos |= lex::kPropn;
    if (t.nreadings == 0 && !Capitalised(t)) t.pos |= lex::kNoun;
  }
  // Straight quotes alternate open/close within the sentence's paragraph; the coder marks
  // in_quote from document-level quote spans.
}

uint32_t Analyzer::ChooseEntity(std::span<const uint32_t> ids, const Sentence& s, int b, int e,
                                DocContext& ctx, bool capitalised, bool sentence_initial,
                                bool common_word) const {
  double best = -1e9;
  uint32_t best_id = UINT32_MAX;
  const std::string& k = *keys;
  for (uint32_t id : ids) {
    const lex::Entity& en = lx_.entity(id);
    auto kind = static_cast<EntityKind>(en.kind);
    if (kind == EntityKind::kPrefix) continue;
    bool needs_case = kind == EntityKind::kPerson || IsPlaceKind(kind) ||
                      ((kind == EntityKind::kOrg || kind == EntityKind::kMetonym) && e - b == 1);
    if (needs_case && !capitalised) continue;
    if ((en.flags & lex::kAbbrev) && !(s.toks[b].t.flags & text::kAllCaps) &&
        Key(s.toks[b], k).size() > 1) {
      // Acronyms match as written: "US" is not "us".
      bool any_upper_dot = (s.toks[b].t.flags & text::kAbbrev) && Capitalised(s.toks[b]);
      // Acronyms long enough to be written as words keep only their capital: "Cédéao",
      // "Otan", "Ecowas".
      bool as_word = Capitalised(s.toks[b]) && e - b == 1 && Key(s.toks[b], k).size() >= 4;
      if (!any_upper_dot && !as_word) continue;
    }
    // (A large capital stays a place: "Pékin a mis en demeure Taïwan".)
    if (IsPlaceKind(kind) && kind != EntityKind::kCountry && e - b == 1 && sentence_initial &&
        common_word && !((en.flags & lex::kCapital) && en.population > 500000))
      continue;
    // "Philippe Martinez", "Kayikwamba Wagner": a one-word place or body after an unknown
    // capitalised word is a surname.
    bool one_word_name = (IsPlaceKind(kind) && kind != EntityKind::kCountry) ||
                         ((kind == EntityKind::kOrg || kind == EntityKind::kMetonym) &&
                          !(en.flags & lex::kAbbrev));
    if (one_word_name && e - b == 1 && b > 0 &&
        Capitalised(s.toks[b - 1]) && s.toks[b - 1].t.kind == text::TokenKind::kWord &&
        !(s.toks[b - 1].pos & (lex::kNoun | lex::kVerb | lex::kAdj | lex::kAdv)) &&
        !(s.toks[b - 1].cls & kClosedClass) &&
        lx_.Entities(ctx.lang, Key(s.toks[b - 1], k)).empty() &&
        lx_.Entities(lex::Lang::kAny, Key(s.toks[b - 1], k)).empty())
      continue;
    // "Maria Kolesnikova": a one-word place followed by an unknown capitalised word is a
    // first name.
    // Likewise before a capitalised common noun in English: "Scarborough Shoal", "Moscow
    // Times", "Washington Post" name something else.
    // ("Ahmad al-Chareh": a word opened by a `name.particle` of the grammar and a capital
    // counts as capitalised.)
    auto name_next = [&](const Tok& t) {
      if (Capitalised(t)) return true;
      std::string_view w = ctx.text.substr(t.t.begin, t.t.end - t.t.begin);
      for (const std::string& pre : pack_.Class("name.particle"))
        if (w.size() > pre.size() + 1 && w.starts_with(pre) &&
            std::isupper(static_cast<unsigned char>(w[pre.size()])))
          return true;
      return false;
    };
    // (After a locative the word is the place and an unknown name after it the next phrase:
    // "a rencontré à Paris Emmanuel Macron"; "near Scarborough Shoal" is still one name.)
    const bool after_locative = b > 0 && (s.toks[b - 1].cls & kLocative);
    if (IsPlaceKind(kind) && kind != EntityKind::kCountry && e - b == 1 &&
        e < static_cast<int>(s.toks.size()) && name_next(s.toks[e]) &&
        s.toks[e].t.kind == text::TokenKind::kWord &&
        ((!after_locative && (s.toks[e].nreadings == 0 || s.toks[e].pos == lex::kPropn)) ||
         (ctx.lang == lex::Lang::kEn && (s.toks[e].pos & lex::kNoun) && !(s.toks[e].cls & kClosedClass) &&
          !s.toks[e].in_time)) &&
        [&] {  // "Joshua Wong": a known surname or a village's name after it still makes it
               // a first name.
          for (lex::Lang lg : {ctx.lang, lex::Lang::kAny})
            for (uint32_t oid : lx_.Entities(lg, Key(s.toks[e], k))) {
              const lex::Entity& o = lx_.entity(oid);
              auto ok = static_cast<EntityKind>(o.kind);
              if (ok == EntityKind::kPerson) continue;
              if (ok == EntityKind::kCity && !(o.flags & lex::kCapital) && o.population < 100000)
                continue;
              return false;
            }
          return true;
        }())
      continue;
    if (IsPlaceKind(kind) && kind != EntityKind::kCountry && e - b == 1 && common_word &&
        !(s.toks[b].pos & lex::kPropn) && en.population < 100000)
      continue;
    double score = 0;
    switch (kind) {
      case EntityKind::kPerson: {
        bool valid = ctx.date_days >= en.valid_from && ctx.date_days <= en.valid_to;
        score = valid ? 100 : 60 - std::min(20.0, std::abs(static_cast<double>(
                                                   ctx.date_days - en.valid_to)) / 365.0);
        if (en.flags & lex::kSurname) score -= 5;
        break;
      }
      case EntityKind::kOrg: case EntityKind::kMetonym: score = 90; break;
      case EntityKind::kTitle: score = 80; break;
      case EntityKind::kDemonym: score = 75; break;
      case EntityKind::kCountry: score = 70; break;
      case EntityKind::kAdmin1: score = 45; break;
      case EntityKind::kCity:
        score = (en.flags & lex::kCapital) ? 62 : 35;
        score += std::log10(static_cast<double>(en.population) + 1.0) * 2.5;
        break;
      default: score = 30;
    }
    if (IsPlaceKind(kind)) {
      std::string_view c(en.country);
      if (std::find(ctx.countries_seen.begin(), ctx.countries_seen.end(), c) !=
          ctx.countries_seen.end())
        score += 4;
      // "Paris, Texas": a following ", <state or country>" picks the homonym there.
      if (e + 1 < static_cast<int>(s.toks.size()) && IsComma(s.toks[e], ctx.text)) {
        // "Paris, Texas" and "Paris, au Texas": a preposition may stand after the comma.
        int from = e + 1;
        while (from < static_cast<int>(s.toks.size()) && (s.toks[from].cls & (kPrep | kDet)) &&
               from < e + 3)
          ++from;
        for (int n = 3; n >= 1; --n) {
          if (from + n > static_cast<int>(s.toks.size())) continue;
          std::string key;
          for (int j = from; j < from + n; ++j) {
            if (!key.empty()) key.push_back(' ');
            key.append(Key(s.toks[j], k));
          }
          for (lex::Lang lg : {ctx.lang, lex::Lang::kAny}) {
            for (uint32_t oid : lx_.Entities(lg, key)) {
              const lex::Entity& o = lx_.entity(oid);
              auto ok = static_cast<EntityKind>(o.kind);
              if (ok == EntityKind::kAdmin1 && std::strcmp(o.country, en.country) == 0 &&
                  std::strcmp(lx_.str(o.extra), lx_.str(en.extra)) == 0)
                score += 40;
              if (ok == EntityKind::kCountry && std::strcmp(o.country, en.country) == 0)
                score += 30;
            }
          }
        }
      }
    }
    if (en.lang != static_cast<uint8_t>(lex::Lang::kAny)) score += 1;
    if (score > best) {
      best = score;
      best_id = id;
    }
  }
  return best_id;
}

void Analyzer::FindMentions(Sentence& s, DocContext& ctx) const {
  const std::string& k = *keys;
  const int n = static_cast<int>(s.toks.size());
  std::string& key = ctx.scratch;
  for (int i = 0; i < n;) {
    // An elided article never starts a name: "l'Union européenne" is "Union européenne".
    if (!IsWord(s.toks[i]) || (s.toks[i].t.flags & text::kElided)) {
      ++i;
      continue;
    }
    bool matched = false;
    for (int len = std::min(7, n - i); len >= 1 && !matched; --len) {
      key.clear();
      bool ok = true;
      for (int j = i; j < i + len; ++j) {
        if (!IsWord(s.toks[j]) && !(s.toks[j].t.kind == text::TokenKind::kPunct && j > i &&
                                     j + 1 < i + len)) {
          ok = false;
          break;
        }
        if (!key.empty()) key.push_back(' ');
        key.append(Key(s.toks[j], k));
      }
      if (!ok) continue;
      thread_local std::vector<uint32_t> ids;  // reused: no allocation per token
      ids.clear();
      for (auto id : lx_.Entities(ctx.lang, key)) ids.push_back(id);
      for (auto id : lx_.Entities(lex::Lang::kAny, key)) ids.push_back(id);
      if (ids.empty()) continue;
      // A multi-word name must start with a capital unless it is a title or demonym.
      bool cap = Capitalised(s.toks[i]) || (len > 1 && Capitalised(s.toks[i + len - 1]));
      bool initial = i == 0 || (s.toks[i - 1].t.kind == text::TokenKind::kQuote && i == 1);
      bool common = false;
      for (uint32_t r = 0; r < s.toks[i].nreadings; ++r)
        if (s.toks[i].readings[r].pos & (lex::kNoun | lex::kVerb | lex::kAdj | lex::kAdv | lex::kPrep | lex::kDet | lex::kPron | lex::kConj))
          common = true;
      if (s.toks[i].cls & kClosedClass) common = true;
      uint32_t id = ChooseEntity(ids, s, i, i + len, ctx, cap, initial, common);
      if (id == UINT32_MAX) continue;
      const lex::Entity& en = lx_.entity(id);
      // A single lowercase closed-class word is never a name ("on", "des").
      if (len == 1 && (s.toks[i].cls & kClosedClass) &&
          static_cast<EntityKind>(en.kind) != EntityKind::kTitle)
        continue;
      // Nor is a run of closed-class words a place ("à La" before "Haye" is no town).
      if (len > 1 && IsPlaceKind(static_cast<EntityKind>(en.kind)) &&
          std::all_of(s.toks.begin() + i, s.toks.begin() + i + len,
                      [](const Tok& t) { return (t.cls & kClosedClass) != 0; }))
        continue;
      MentionHit m;
      m.b = i;
      m.e = i + len;
      m.entity = id;
      m.kind = static_cast<EntityKind>(en.kind);
      int idx = static_cast<int>(s.mentions.size());
      s.mentions.push_back(m);
      for (int j = i; j < i + len; ++j) s.toks[j].mention = idx;
      if (IsPlaceKind(m.kind) || m.kind == EntityKind::kDemonym) {
        std::string c(en.country);
        if (!c.empty() && std::find(ctx.countries_seen.begin(), ctx.countries_seen.end(), c) ==
                              ctx.countries_seen.end())
          ctx.countries_seen.push_back(c);
      }
      i += len;
      matched = true;
    }
    if (!matched) ++i;
  }
  // Compound demonyms: "russo-américaine", "Sino-U.S.", "israélo-palestinien".
  for (int i = 0; i < n; ++i) {
    Tok& t = s.toks[i];
    if (t.mention >= 0 || !(t.t.flags & text::kHyphenated)) continue;
    std::string_view key = Key(t, k);
    std::vector<uint32_t> parts;
    size_t start = 0;
    bool ok = true;
    while (start <= key.size()) {
      size_t dash = key.find('-', start);
      std::string_view part = key.substr(start, dash == std::string_view::npos ? std::string_view::npos : dash - start);
      bool last = dash == std::string_view::npos;
      uint32_t found = UINT32_MAX;
      for (lex::Lang lg : {ctx.lang, lex::Lang::kAny}) {
        for (uint32_t id : lx_.Entities(lg, part)) {
          auto kind = static_cast<EntityKind>(lx_.entity(id).kind);
          if ((!last && kind == EntityKind::kPrefix) || kind == EntityKind::kDemonym) {
            found = id;
            break;
          }
        }
        if (found != UINT32_MAX) break;
      }
      if (found == UINT32_MAX) {
        ok = false;
        break;
      }
      parts.push_back(found);
      if (last) break;
      start = dash + 1;
    }
    if (!ok || parts.size() < 2) continue;
    MentionHit m;
    m.b = i;
    m.e = i + 1;
    m.entity = parts.back();
    m.kind = EntityKind::kDemonym;
    for (size_t q = 0; q + 1 < parts.size(); ++q) m.also.push_back(parts[q]);
    t.mention = static_cast<int>(s.mentions.size());
    s.mentions.push_back(m);
  }
  // Unknown capitalised runs of two or more words are person-name candidates
  // ("Sonata Coulter"); particles such as "de", "bin", "al" may sit inside.
  for (int i = 0; i < n;) {
    auto is_cap_unknown = [&](int j) {
      const Tok& t = s.toks[j];
      if (!IsWord(t) || t.mention >= 0 || !Capitalised(t)) return false;
      if (t.cls & (kClosedClass | kAdvSkip | kAttribution)) return false;
      if ((t.t.flags & text::kAllCaps) && t.t.end - t.t.begin > 1) return false;
      return true;
    };
    if (!is_cap_unknown(i)) {
      ++i;
      continue;
    }
    int j = i + 1;
    while (j < n && is_cap_unknown(j)) ++j;
    bool initial = i == 0;
    int len = j - i;
    if (initial && len >= 2) {
      // Sentence-initial: the first word may be an ordinary capitalised word.
      bool common = s.toks[i].nreadings > 0 && !(s.toks[i].pos & lex::kPropn);
      if (common) {
        ++i;
        continue;
      }
    }
    if (len >= 2) {
      MentionHit m;
      m.b = i;
      m.e = j;
      m.candidate_person = true;
      m.kind = EntityKind::kPerson;
      int idx = static_cast<int>(s.mentions.size());
      s.mentions.push_back(m);
      for (int q = i; q < j; ++q) s.toks[q].mention = idx;
    }
    i = j;
  }
  std::sort(s.mentions.begin(), s.mentions.end(),
            [](const MentionHit& a, const MentionHit& b) { return a.b < b.b; });
  for (auto& t : s.toks) t.mention = -1;
  for (size_t m = 0; m < s.mentions.size(); ++m)
    for (int j = s.mentions[m].b; j < s.mentions[m].e; ++j) s.toks[j].mention = static_cast<int>(m);
  // Places.
  for (size_t m = 0; m < s.mentions.size(); ++m) {
    const MentionHit& mh = s.mentions[m];
    if (mh.candidate_person || !IsPlaceKind(mh.kind)) continue;
    PlaceHit p;
    p.b = mh.b;
    p.e = mh.e;
    p.entity = mh.entity;
    int j = mh.b - 1;
    while (j >= 0 && (s.toks[j].cls & kDet) && !(s.toks[j].cls & kLocative)) --j;
    p.locative = j >= 0 && (s.toks[j].cls & kLocative);
    s.places.push_back(p);
  }
}

bool Analyzer::ContinuesEventNoun(const Tok& prev, const Tok& t) const {
  if (!prev.trigger_noun) return false;
  const std::string& k = *keys;
  std::string_view first = Key(prev, k), second = Key(t, k);
  auto range = pack_.by_noun.equal_range(first);
  for (auto it = range.first; it != range.second; ++it)
    for (const auto& seq : pack_.frames[it->second].nouns)
      if (seq.size() >= 2 && seq[0] == first && seq[1] == second) return true;
  return false;
}

void Analyzer::Chunk(Sentence& s, DocContext& ctx) const {
  const std::string& k = *keys;
  const int n = static_cast<int>(s.toks.size());
  const bool english = ctx.lang == lex::Lang::kEn;
  auto is_genitive = [&](int j) {
    std::string_view key = Key(s.toks[j], k);
    return pack_.Is("genitive", key);
  };
  // A phrase opened by an instrument preposition ("à coups de gaz lacrymogène", "au moyen
  // de drones") names the means of the act: a "des" after it opens the verb's object ("ont
  // dispersé à coups de gaz lacrymogène des manifestants"), it is not its genitive.
  auto instrument_complement = [&](const Phrase& p) {
    if (p.prep < 1) return false;
    for (int from = p.prep - 1; from >= std::max(0, p.prep - 3); --from) {
      const int len = p.prep - from + 1;  // the phrase ends with the preposition
      if (PackPhraseAt(s, from, len, "instrument.prep", *this) == len) return true;
    }
    return false;
  };
  bool pending_aux = false;  // an auxiliary seen, its participle not yet
  bool seen_aux = false;     // an auxiliary seen in the sentence
  auto content = [&](int j, bool have_head) {
    const Tok& t = s.toks[j];
    // "a dénoncé ... et appelé à": right after a coordinator, a participle shares the
    // auxiliary seen before; it is the verb even when the word names a kind of person.
    if (seen_aux && j > 0 && (s.toks[j - 1].cls & kCoord) && (t.pos & lex::kVerb) &&
        (t.feats & lex::kPpas) && !Capitalised(t))
      return false;
    // "a pour sa part dénoncé": the participle that completes a pending auxiliary is the
    // verb, whatever phrase it follows.
    if (pending_aux && (t.feats & lex::kPpas) && !(t.pos & lex::kNoun) && t.mention < 0 &&
        !(j > 0 && (s.toks[j - 1].cls & kDet)))
      return false;
    if (!IsWord(t) && t.t.kind != text::TokenKind::kNumber) return false;
    // "a appelé", "ont élu": a participle after an auxiliary is the verb even when the
    // same word names a kind of person ("un appelé", "les élus").
    if (j > 0 && (s.toks[j - 1].cls & (kAuxHave | kAuxBe)) && !(s.toks[j - 1].cls & kDet) &&
        (t.pos & lex::kVerb) && (t.feats & lex::kPpas) && !Capitalised(t))
      return false;
    if (t.mention >= 0) {
      const MentionHit& m = s.mentions[t.mention];
      return m.candidate_person || m.kind != EntityKind::kPrefix;
    }
    if (t.cls & (kClosedClass | kAdvSkip | kAttribution)) return false;
    // A count after a head noun and before a noun opens a new phrase: "libérer dans la nuit |
    // 90 prisonniers". ("l'article 49.3 de la Constitution", "resolution 2334 of" stay whole.)
    if (have_head && t.t.kind == text::TokenKind::kNumber && j > 0 && j + 1 < n &&
        IsWord(s.toks[j - 1]) && (s.toks[j - 1].pos & lex::kNoun) && IsWord(s.toks[j + 1]) &&
        (s.toks[j + 1].pos & lex::kNoun) && !(s.toks[j + 1].cls & kClosedClass))
      return false;
    if (t.t.kind == text::TokenKind::kNumber) return true;
    if (!(t.pos & kContentPos)) return false;
    // Auxiliaries and the verb right after an auxiliary, a reflexive or "ne" are verbs:
    // "a critiqué Pékin", "se sont réunis", "n'exige".
    if ((t.cls & (kAuxHave | kAuxBe | kModalPlanned | kModalHypo)) && !(t.pos & kContentPos & ~lex::kNoun))
      if (j == 0 || !(s.toks[j - 1].cls & kDet) || pack_.Is("clitic.dative", Key(s.toks[j - 1], k)))
        return false;  // ("leur a accordé": "leur" is the clitic, not the article)
    if (j > 0 && (t.pos & lex::kVerb) && (s.toks[j - 1].cls & (kAuxHave | kAuxBe | kReflexive | kNeg | kModalPlanned | kModalHypo)) &&
        !(s.toks[j - 1].cls & kDet))
      return false;
    // "while calling on", "after meeting", "by sending": an -ing form after a
    // subordinator or a preposition opens a clause, it is no noun.
    if (english && j > 0 && (t.pos & lex::kVerb) && (t.feats & lex::kPpre) && t.mention < 0 &&
        (s.toks[j - 1].cls & (kSubord | kPrep)) && !(s.toks[j - 1].cls & kDet))
      return false;
    // English "to" + a bare verb is an infinitive ("agreed to restore relations").
    if (english && j > 0 && pack_.Is("infinitive.marker", Key(s.toks[j - 1], k)) && (t.pos & lex::kVerb) &&
        !(t.feats & (lex::kPast | lex::kPpas | lex::kPpre)) && t.mention < 0)
      return false;
    // Right after a determiner a word is a noun ("de la base", "les attaques").
    bool after_det = j > 0 && (s.toks[j - 1].cls & kDet) && !(s.toks[j - 1].cls & kPronoun);
    if (after_det && (t.pos & (lex::kNoun | lex::kAdj))) return true;
    if (have_head && (t.pos & lex::kVerb) && !(t.pos & lex::kAdj) &&
        !(j > 0 && (t.pos & lex::kNoun) && ContinuesEventNoun(s.toks[j - 1], t))) {
      // After a head noun a verb form ends the phrase ("Lavrov rencontre", "officials say"),
      // unless the two words are a frame's event noun ("Israeli air strikes hit ...").
      if (english || (t.feats & (lex::kPres | lex::kPast | lex::kImpf | lex::kFut | lex::kCond)))
        return false;
    }
    if (have_head && english && (t.pos & lex::kVerb) && (t.feats & (lex::kPast | lex::kPpas)) &&
        !(t.pos & lex::kNoun))
      return false;
    return true;
  };
  int pending_prep = -1;
  int time_phrase_end = -1;  // end of the last phrase cut at the end of a time expression
  for (int i = 0; i < n;) {
    const Tok& t = s.toks[i];
    if (!IsWord(t) && t.t.kind != text::TokenKind::kNumber) {
      pending_prep = -1;
      if (t.t.kind == text::TokenKind::kQuote || Key(t, k) == ";" || Key(t, k) == ".")
        pending_aux = false;
      ++i;
      continue;
    }
    if ((t.cls & (kAuxHave | kAuxBe)) && t.mention < 0 && !(i > 0 && (s.toks[i - 1].cls & kDet)))
      pending_aux = seen_aux = true;
    else if (pending_aux && (t.feats & lex::kPpas) && !(t.pos & lex::kNoun))
      pending_aux = false;
    bool det = (t.cls & kDet) != 0;
    bool prep = (t.cls & kPrep) != 0 && t.mention < 0;
    // "des"/"du"/"de" open a phrase as determiners, except right after a phrase, where
    // they are the genitive preposition: "l'expulsion | de quatre diplomates".
    // (Not after a time expression: "a tiré mardi | des gaz lacrymogènes".)
    bool after_np = !s.phrases.empty() && s.phrases.back().e == i && i > 0 && pending_prep < 0 &&
                    i != time_phrase_end;
    if (prep && det && after_np && !(s.toks[i - 1].t.kind == text::TokenKind::kPunct) &&
        !instrument_complement(s.phrases.back())) {
      pending_prep = i;
      ++i;
      continue;
    }
    if (prep && !(det && (pending_prep < 0 || i == 0))) {
      if (!det || (i + 1 < n && (s.toks[i + 1].cls & kDet))) {
        pending_prep = i;
        ++i;
        continue;
      }
    }
    if ((t.cls & kPronoun) && t.mention < 0) {
      Phrase p;
      p.b = i;
      p.e = i + 1;
      p.prep = pending_prep;
      p.head = i;
      s.phrases.push_back(p);
      pending_prep = -1;
      ++i;
      continue;
    }
    // A finite verb right after a phrase is the verb of that phrase, not a new phrase:
    // "Washington a critiqué", "Blinken visited China".
    bool after_phrase = !s.phrases.empty() && s.phrases.back().e == i;
    if (!det && after_phrase && (t.pos & lex::kVerb) && t.mention < 0 && !Capitalised(t) &&
        (t.feats & (lex::kPres | lex::kPast | lex::kImpf | lex::kFut | lex::kCond | lex::kPpas))) {
      pending_prep = -1;
      ++i;
      continue;
    }
    if (!det && !content(i, false)) {
      if (!(t.cls & kAdvSkip)) pending_prep = -1;
      ++i;
      continue;
    }
    Phrase p;
    p.b = i;
    p.prep = pending_prep;
    pending_prep = -1;
    int j = i;
    while (j < n && (s.toks[j].cls & kDet) && s.toks[j].mention < 0) ++j;
    // A phrase opened by a time expression ends with it: "a sommé mardi | douze agents",
    // "ont averti mercredi | Israël".
    int time_end = -1;
    for (const auto& th : s.times)
      if (th.kind == "DATE" && th.b <= i && i < th.e) time_end = th.e;
    bool have_head = false;
    while (j < n) {
      if (j == time_end && j > i) {
        time_phrase_end = j;
        break;
      }
      // ... and one followed right away by a date ends before it: "un responsable | mardi".
      if (have_head && j > i && !is_genitive(j - 1) && [&] {
            for (const auto& th : s.times)
              if (th.kind == "DATE" && th.b == j) return true;
            return false;
          }())
        break;
      // A place right before a person's name ends the phrase: "a rencontré mercredi à Paris
      // | Emmanuel Macron", the verb's object told after its place.
      if (have_head && j > i && s.toks[j].mention >= 0 && s.toks[j - 1].mention >= 0 &&
          s.toks[j].mention != s.toks[j - 1].mention) {
        const MentionHit& before = s.mentions[s.toks[j - 1].mention];
        const MentionHit& here = s.mentions[s.toks[j].mention];
        if (here.b == j && IsPlaceKind(before.kind) && !before.candidate_person &&
            (here.candidate_person || here.kind == EntityKind::kPerson))
          break;
      }
      if (content(j, have_head)) {
        if (p.head < 0 && (s.toks[j].pos & (lex::kNoun | lex::kPropn) || s.toks[j].mention >= 0))
          p.head = j;
        // An English demonym is an adjective before its noun ("two Indian drones").
        bool demonym_adj = english && s.toks[j].mention >= 0 &&
                           s.mentions[s.toks[j].mention].kind == EntityKind::kDemonym;
        have_head = have_head || (!demonym_adj && ((s.toks[j].pos & (lex::kNoun | lex::kPropn)) ||
                                                   s.toks[j].mention >= 0));
        ++j;
        continue;
      }
      // Genitive complement: "membres du FSB", "ministre des Affaires étrangères de la Russie".
      if (have_head && is_genitive(j) && j + 1 < n && !s.toks[j - 1].trigger_noun &&
          !(p.head >= 0 && s.toks[p.head].trigger_noun && j == p.head + 1) &&
          !instrument_complement(p)) {
        int q = j + 1;
        while (q < n && (s.toks[q].cls & kDet) && s.toks[q].mention < 0) ++q;
        if (q < n && content(q, false) && !(s.toks[q].cls & kPronoun)) {
          j = q;
          continue;
        }
      }
      // Coordinated demonym adjectives: "émissaires russes et américains".
      if (have_head && (s.toks[j].cls & kCoord) && j + 1 < n && s.toks[j + 1].mention >= 0 &&
          s.mentions[s.toks[j + 1].mention].kind == EntityKind::kDemonym &&
          !Capitalised(s.toks[j + 1]) && j > 0 && s.toks[j - 1].mention >= 0 &&
          s.mentions[s.toks[j - 1].mention].kind == EntityKind::kDemonym) {
        j += 1;
        continue;
      }
      break;
    }
    if (j == i) j = i + 1;
    p.e = j;
    if (p.head < 0) p.head = j - 1;
    s.phrases.push_back(p);
    i = j;
  }
  // A phrase that ends inside a time expression is that time ("le 13 mars").
  for (auto& p : s.phrases)
    for (const auto& th : s.times)
      if (p.e <= th.e && p.e > th.b && p.b >= th.b - 1) p.is_time = true;
  // Appositions: ", NP," right after another phrase.
  for (size_t pi = 1; pi < s.phrases.size(); ++pi) {
    Phrase& p = s.phrases[pi];
    if (p.prep >= 0 || p.b < 2 || !IsComma(s.toks[p.b - 1], ctx.text)) continue;
    const Phrase& q = s.phrases[pi - 1];
    if (q.e != p.b - 1) continue;
    // A time has no apposition: "Lundi soir, le ministre ..., Jean-Noël Barrot, a demandé"
    // opens with the time, then the subject.
    if (q.is_time) continue;
    bool closed = p.e >= n || IsComma(s.toks[p.e], ctx.text) ||
                  s.toks[p.e].t.kind == text::TokenKind::kPunct;
    if (closed) p.appos_of = static_cast<int>(pi - 1);
  }
  for (size_t pi = 0; pi < s.phrases.size(); ++pi)
    for (int j = s.phrases[pi].b; j < s.phrases[pi].e; ++j) s.toks[j].phrase = static_cast<int>(pi);
}

bool Analyzer::ResolvePronoun(const Tok& tok, DocContext& ctx, ActorRef& out) const {
  bool plural = tok.cls & (kPronMPl | kPronFPl);
  bool fem = tok.cls & (kPronFSg | kPronFPl);
  if (plural) {
    // "ils", "leur", "they" also stand for a person and those with them ("Bachar al-Assad
    // et sa famille ... leur a accordé l'asile"): after the plural referents, the last
    // actor named, if it is recent.
    for (auto it = ctx.referents.rbegin(); it != ctx.referents.rend(); ++it) {
      if (it->sentence > ctx.current_sentence) continue;  // coding sees the whole text's
      if (!it->actor.plural || it->actor.code.empty()) continue;
      out = it->actor;
      out.pronoun = true;
      return true;
    }
    for (auto it = ctx.referents.rbegin(); it != ctx.referents.rend(); ++it) {
      if (it->sentence >= ctx.current_sentence) continue;  // not this sentence's own actors
      if (it->actor.code.empty()) return false;
      out = it->actor;
      out.pronoun = true;
      return true;
    }
    return false;
  }
  for (auto it = ctx.referents.rbegin(); it != ctx.referents.rend(); ++it) {
    if (it->sentence > ctx.current_sentence) continue;  // no cataphora across sentences
    const ActorRef& a = it->actor;
    if (!a.person || a.plural) continue;
    if (fem && !a.feminine && !a.anaphoric && a.name.empty()) continue;
    if (!fem && a.feminine) continue;
    out = a;
    out.pronoun = true;
    return true;
  }
  return false;
}

void Analyzer::Remember(const ActorRef& a, int sentence, bool subject, DocContext& ctx) const {
  if (a.pronoun) return;
  ctx.referents.push_back({a, sentence, subject});
  if (ctx.referents.size() > 64) ctx.referents.erase(ctx.referents.begin());
  if (!a.country.empty() && (a.sector == "GOV" || a.sector.empty() || a.sector == "MIL"))
    ctx.last_state_country = a.country;
}

void Analyzer::ResolveActors(Sentence& s, DocContext& ctx) const {
  const std::string& k = *keys;
  const int n = static_cast<int>(s.toks.size());
  std::vector<int> merged_into(s.phrases.size(), -1);
  for (size_t pi = 0; pi < s.phrases.size(); ++pi) {
    Phrase& p = s.phrases[pi];
    const Tok& first = s.toks[p.b];
    if ((first.cls & kPronoun) && p.e - p.b == 1 && first.mention < 0) {
      ActorRef a;
      if (ResolvePronoun(first, ctx, a)) {
        a.b = p.b;
        a.e = p.e;
        p.members.push_back(a);
      }
      continue;
    }
    bool locative = p.prep >= 0 && (s.toks[p.prep].cls & kLocative);
    // "à la France", "at Japan": a country after "à"/"at" is a recipient ("rendre hommage à
    // la France", "lashed out at Japan"); countries as places take "en", "au", "in".
    bool dative_prep = p.prep >= 0 && pack_.Is("recipient.prep", Key(s.toks[p.prep], k));
    // Split the phrase into conjuncts at top-level coordinators that start a new head.
    struct Conj {
      int b, e;
      int title = -1, person = -1, org = -1, country = -1, city = -1, cand = -1;
      std::vector<int> demonyms;  // mention indices
      int head_kind = 0;          // 0 none, 1 title, 2 person, 3 org, 4 country, 5 city, 6 demonym noun, 7 generic noun
      int compl_country = -1;
    };
    std::vector<Conj> conj;
    Conj cur;
    cur.b = p.b;
    cur.e = p.e;
    bool in_compl = false;
    for (int j = p.b; j < p.e; ++j) {
      const Tok& t = s.toks[j];
      std::string_view key = Key(t, k);
      if (pack_.Is("genitive", key)) {
        if (j > p.b && !(t.cls & kDet && j == p.b)) in_compl = cur.head_kind != 0;
        continue;
      }
      if (t.mention < 0) {
        if (pack_.Is("honorific", key)) continue;  // "M. Tusk": the name is the head
        // "southern Lebanon": a part of the country; the country stays the head.
        if (pack_.Is("compass.adjectives", key) && cur.head_kind == 0) continue;
        if ((t.cls & kMemberNoun) && cur.head_kind == 0) {
          cur.head_kind = 8;
          continue;
        }
        if ((t.pos & (lex::kNoun)) && !(t.cls & kDet) && cur.head_kind == 0 &&
            !(t.pos & lex::kNum) && t.t.kind == text::TokenKind::kWord)
          cur.head_kind = 7;
        continue;
      }
      const MentionHit& m = s.mentions[t.mention];
      if (j != m.b) continue;
      if (m.candidate_person) {
        if (!in_compl && cur.cand < 0) cur.cand = t.mention;
        if (cur.head_kind == 0 || cur.head_kind == 6) cur.head_kind = 2;
        continue;
      }
      switch (m.kind) {
        // A demonym before a title, a person or a body is its adjective ("Turkish
        // President Tayyip Erdogan", "Iranian state media"), not the head.
        case EntityKind::kTitle:
          // "des milliers de manifestants": a group noun takes its complement's title.
          if ((!in_compl || cur.head_kind == 8) && cur.title < 0) cur.title = t.mention;
          if (cur.head_kind == 0 || cur.head_kind == 6 || (cur.head_kind == 7 && j == p.b))
            cur.head_kind = 1;
          break;
        case EntityKind::kPerson:
          if (cur.person < 0) cur.person = t.mention;
          if (cur.head_kind == 0 || cur.head_kind == 6) cur.head_kind = 2;
          break;
        case EntityKind::kOrg: case EntityKind::kMetonym:
          if (in_compl) {
            if (cur.org < 0 && (cur.head_kind == 1 || cur.head_kind == 8)) cur.org = t.mention;
          } else if (cur.org < 0) {
            cur.org = t.mention;
            if (cur.head_kind == 0 || cur.head_kind == 6) cur.head_kind = 3;
          }
          break;
        case EntityKind::kCountry:
          if (in_compl) {
            if (cur.compl_country < 0 && cur.head_kind != 7) cur.compl_country = t.mention;
          } else if (cur.country < 0) {
            cur.country = t.mention;
            if (cur.head_kind == 0) cur.head_kind = 4;
          }
          break;
        case EntityKind::kCity:
          if (in_compl) {
            if (cur.compl_country < 0 && cur.head_kind == 1) cur.compl_country = t.mention;
          } else if (cur.city < 0) {
            cur.city = t.mention;
            if (cur.head_kind == 0) cur.head_kind = 5;
          }
          break;
        case EntityKind::kDemonym:
          // In a complement only after a title, a body or a group noun ("des milliers de
          // Serbes", "dozens of Colombian migrants").
          if (in_compl && cur.head_kind != 1 && cur.head_kind != 3 && cur.head_kind != 8) break;
          cur.demonyms.push_back(t.mention);
          if (cur.head_kind == 0) cur.head_kind = 6;
          break;
        default:
          break;
      }
    }
    conj.push_back(cur);
    // Members from each conjunct.
    for (const Conj& c : conj) {
      if (c.head_kind == 0 || c.head_kind == 7) {
        if (!(c.head_kind == 7 && c.title >= 0)) continue;
      }
      if (c.head_kind == 8 && c.org < 0 && c.compl_country < 0 && c.demonyms.empty() &&
          c.title < 0)
        continue;
      if (locative && (c.head_kind == 5 || (c.head_kind == 4 && !dative_prep))) continue;
      ActorRef base;
      base.b = p.b;
      base.e = p.e;
      while (base.b < base.e && (s.toks[base.b].cls & kDet)) ++base.b;
      std::string sector;
      bool anaphoric = false, needs_country = false;
      if (c.title >= 0) {
        const lex::Entity& en = lx_.entity(s.mentions[c.title].entity);
        sector = en.sector;
        anaphoric = en.flags & lex::kAnaphoric;
        needs_country = en.flags & lex::kNeedsCountry;
        // A title with a role names one office holder (a person); the others name bodies.
        base.person = !(en.flags & lex::kPlural) && lx_.str(en.extra)[0] != '\0';
        if (!std::string_view(en.country).empty()) base.country = en.country;
        if (lx_.str(en.code)[0] != '\0' && !std::string_view(en.country).empty())
          base.code = lx_.str(en.code);
        // Number: the determiner says it when there is one ("un porte-parole", "les
        // délégations"); else the head's readings, plural only when no singular reading.
        const MentionHit& tm = s.mentions[c.title];
        const Tok& ht = s.toks[tm.b];
        int det = -1;
        for (int q = tm.b - 1; q >= p.b; --q)
          if (s.toks[q].cls & kDet) { det = q; break; }
        if (det >= 0) {
          if (pack_.Is("determiner.plural", Key(s.toks[det], k))) base.plural = true;
        } else {
          bool sg = false, pl = false;
          for (uint32_t r = 0; r < ht.nreadings; ++r) {
            if (!(ht.readings[r].pos & lex::kNoun)) continue;
            if (ht.readings[r].feats & lex::kPl) pl = true;
            if (ht.readings[r].feats & lex::kSg) sg = true;
          }
          if (pl && !sg) base.plural = true;
          if (!ht.nreadings) {
            std::string_view hk = Key(ht, k);
            if (!hk.empty() && hk.back() == 's') base.plural = true;
          }
        }
        if (en.flags & lex::kPlural) base.plural = true;
        if (base.plural) base.person = false;
      }
      if (c.person >= 0) {
        const lex::Entity& en = lx_.entity(s.mentions[c.person].entity);
        base.name = lx_.str(en.name);
        base.country = en.country;
        bool valid = ctx.date_days >= en.valid_from && ctx.date_days <= en.valid_to;
        if (valid || sector.empty()) sector = valid ? std::string(en.sector) : sector;
        base.person = true;
        base.feminine = en.flags & lex::kFeminine;
        if (valid && lx_.str(en.code)[0] != '\0') base.code = lx_.str(en.code);
      } else if (c.cand >= 0) {
        const MentionHit& m = s.mentions[c.cand];
        base.name = std::string(ctx.text.substr(s.toks[m.b].t.begin,
                                                s.toks[m.e - 1].t.end - s.toks[m.b].t.begin));
        base.person = true;
        // A known referent with the same last word: "Poutine" after "Vladimir Poutine".
      }
      if (c.org >= 0) {
        const lex::Entity& en = lx_.entity(s.mentions[c.org].entity);
        if (base.country.empty()) base.country = en.country;
        if (sector.empty()) sector = en.sector;
        if (base.name.empty() && c.head_kind == 3) base.name = lx_.str(en.name);
        if (base.code.empty() && c.title < 0) base.code = lx_.str(en.code);
        if (std::string_view(en.sector) == "IGO" && c.title < 0) base.code = lx_.str(en.code);
      }
      if (c.country >= 0 && base.country.empty()) {
        const lex::Entity& en = lx_.entity(s.mentions[c.country].entity);
        base.country = en.country;
        if (base.name.empty() && c.head_kind == 4) base.name = lx_.str(en.name);
      }
      if (c.city >= 0 && base.country.empty() && !locative) {
        const lex::Entity& en = lx_.entity(s.mentions[c.city].entity);
        if ((en.flags & lex::kCapital) || c.title >= 0) {
          base.country = en.country;
          if (sector.empty() && c.head_kind == 5) sector = "GOV";
          if (base.name.empty()) base.name = lx_.str(en.name);
        } else if (c.head_kind == 5) {
          continue;  // a non-capital city as subject is no actor
        }
      }
      std::vector<std::string> dem_countries;
      for (int dm : c.demonyms) {
        std::vector<uint32_t> ids = s.mentions[dm].also;
        ids.push_back(s.mentions[dm].entity);
        for (uint32_t id : ids) {
          std::string dc = lx_.entity(id).country;
          if (std::find(dem_countries.begin(), dem_countries.end(), dc) == dem_countries.end())
            dem_countries.push_back(dc);
        }
      }
      if (c.compl_country >= 0 && base.country.empty() && dem_countries.empty()) {
        const lex::Entity& en = lx_.entity(s.mentions[c.compl_country].entity);
        base.country = en.country;
      }
      if (c.head_kind == 6) {
        // Demonym as noun ("les Russes"): the people of a country.
        if (!Capitalised(s.toks[s.mentions[c.demonyms[0]].b]) && c.title < 0 &&
            !(p.b < s.mentions[c.demonyms[0]].b && (s.toks[p.b].cls & kDet)))
          continue;
        base.plural = true;
      }
      // "La police", "les militaires", "the junta": the forces of the state the story is
      // about, when the phrase names none.
      // Likewise the crowds: protesters, civilians, strikers of the story's country.
      // (Not civilians: hostages, prisoners or residents are often foreigners.)
      bool crowd = c.title >= 0 && (sector == "OPP" || sector == "LAB" || sector == "REB" ||
                                    sector == "UAF" || sector == "CRM");
      bool state_force = crowd || (needs_country && (sector == "COP" || sector == "MIL" ||
                                                     sector == "JUD" || sector == "SPY" ||
                                                     sector == "GOV" || sector == "LEG"));
      if (state_force && c.title >= 0 && s.mentions[c.title].b > p.b &&
          pack_.Is("anaphoric.det", Key(s.toks[s.mentions[c.title].b - 1], k)))
        anaphoric = true;
      else if (state_force && c.title >= 0 && s.mentions[c.title].b == p.b)
        anaphoric = true;
      else if (crowd)
        anaphoric = true;  // "des jihadistes", "des milliers de manifestants" 
      // "ses diplomates", "leurs soldats": the possessor's nationality, from the discourse.
      if (base.country.empty() && dem_countries.empty() && c.title >= 0 &&
          s.mentions[c.title].b > 0 && (s.toks[s.mentions[c.title].b - 1].cls & kPossessive)) {
        // The sentence's subject when one came before ("le ministère ... et ses
        // diplomates"), else the state the story is about.
        std::string owner;
        for (size_t q = 0; q < pi && owner.empty(); ++q)
          if (s.phrases[q].prep < 0)
            for (const ActorRef& a : s.phrases[q].members)
              if (!a.country.empty()) {
                owner = a.country;
                break;
              }
        if (owner.empty()) owner = ctx.last_state_country;
        if (!owner.empty()) {
          base.country = owner;
          base.anaphoric = true;
        }
      }
      if (base.country.empty() && dem_countries.empty() && state_force && anaphoric &&
          !ctx.dateline_country.empty()) {
        // State forces with no nationality belong to the story's home, the dateline's.
        base.country = ctx.dateline_country;
        base.anaphoric = true;
      } else if (base.country.empty() && dem_countries.empty() && anaphoric &&
                 (!base.plural ||  // "les autorités": a word that names a body in the plural
                  (lx_.entity(s.mentions[c.title].entity).flags & lex::kPlural)) &&
                 !state_force && !ctx.last_state_country.empty()) {
        base.country = ctx.last_state_country;
        base.anaphoric = true;
      }
      base.sector = sector;
      // A title with a country and no name names the office holder of the day: "le
      // président français" is Emmanuel Macron in 2025, "NATO's secretary general" Mark Rutte.
      // (Only when the phrase itself says which state: a country taken from the discourse
      // is a guess, and a guessed name would be worse than none.)
      if (c.title >= 0 && base.name.empty() && !base.plural && !base.anaphoric && offices != nullptr) {
        const lex::Entity& te = lx_.entity(s.mentions[c.title].entity);
        std::string_view role = lx_.str(te.extra);
        std::string where = !base.country.empty() ? base.country
                            : (c.org >= 0 ? std::string(lx_.str(lx_.entity(s.mentions[c.org].entity).code)) : "");
        if (dem_countries.size() == 1 && base.country.empty()) where = dem_countries[0];
        if (!role.empty() && !where.empty()) {
          auto it = offices->find(where + "|" + std::string(role));
          if (it != offices->end()) {
            for (uint32_t pid : it->second) {
              const lex::Entity& pe = lx_.entity(pid);
              if (ctx.date_days >= pe.valid_from && ctx.date_days <= pe.valid_to) {
                base.name = lx_.str(pe.name);
                base.person = true;
                break;
              }
            }
          }
        }
      }
      std::vector<ActorRef> made;
      if (base.country.empty() && !dem_countries.empty()) {
        for (size_t d = 0; d < dem_countries.size(); ++d) {
          ActorRef a = base;
          a.country = dem_countries[d];
          if (d > 0) {
            const MentionHit& dm = s.mentions[c.demonyms[d]];
            a.b = dm.b;
            a.e = dm.e;
            a.name.clear();
          } else if (dem_countries.size() > 1) {
            a.e = s.mentions[c.demonyms[0]].e;
          }
          made.push_back(a);
        }
      } else {
        made.push_back(base);
      }
      for (ActorRef& a : made) {
        if (a.country.empty() && (needs_country || c.head_kind == 1) && a.code.empty()) {
          // A title with no country is still a referent ("le porte-parole") but no actor.
          if (a.person) {
            Remember(a, s.index, false, ctx);
            if (!p.person) p.person = a;
          } else if (c.title >= 0 && !a.plural && !a.sector.empty() && !p.person) {
            // An unnamed official or source ("a senior official", "une source diplomatique")
            // is no actor for events and no referent for pronouns, but a speaker.
            p.person = a;
          }
          continue;
        }
        if (a.code.empty()) a.code = a.country.empty() ? std::string() : ActorCode(a.country, a.sector);
        if (a.code.empty() && !a.name.empty() && a.person) {
          Remember(a, s.index, false, ctx);
          if (!p.person) p.person = a;
          continue;
        }
        if (a.code.empty()) continue;
        if (made.size() > 1) a.plural = a.plural || false;
        p.members.push_back(a);
      }
    }
    // Coordinated phrases "Russes et Américains", "Trump et Poutine", and lists
    // "L'Espagne, l'Irlande et la Norvège": the members join the first phrase.
    if (pi > 0 && p.prep != -2 && !p.members.empty() && p.b >= 1) {
      const Phrase& prev = s.phrases[pi - 1];
      int root = merged_into[pi - 1] >= 0 ? merged_into[pi - 1] : static_cast<int>(pi - 1);
      bool comma_before = IsComma(s.toks[p.b - 1], ctx.text) && prev.e == p.b - 1;
      bool list_goes_on = p.e < n && (IsComma(s.toks[p.e], ctx.text) ||
                                      (s.toks[p.e].cls & kCoord));
      auto parallel = [&](const ActorRef& a, const ActorRef& b) {
        return a.person == b.person && (!a.person || (!a.name.empty() && !b.name.empty()));
      };
      if (comma_before && list_goes_on && !s.phrases[root].members.empty() &&
          parallel(s.phrases[root].members.back(), p.members.front()) &&
          p.prep == s.phrases[root].prep) {
        p.prep = -2;
      }
    }
    if (!p.members.empty() && pi + 1 < s.phrases.size()) {
      int j = p.e;
      if (j < n && (s.toks[j].cls & kCoord) && pack_.Is("coordinator.and", Key(s.toks[j], k))) {
        Phrase& q = s.phrases[pi + 1];
        if (q.b == j + 1 && q.prep < 0) q.prep = -2;  // coordinated with this one
      }
    }
    if (p.prep == -2 && p.members.empty()) p.prep = -1;  // "et une série de ...": no actor
    if (p.prep == -2 && pi > 0) {
      int root = merged_into[pi - 1] >= 0 ? merged_into[pi - 1] : static_cast<int>(pi - 1);
      merged_into[pi] = root;
      Phrase& into = s.phrases[root];
      for (auto& m : p.members) into.members.push_back(m);
      into.e = p.e;
      p.members.clear();
      p.prep = into.prep;
      p.appos_of = root;
      p.prep = -2;
      if (pi + 1 < s.phrases.size() && p.e < n && (s.toks[p.e].cls & kCoord) &&
          s.phrases[pi + 1].b == p.e + 1 && s.phrases[pi + 1].prep < 0)
        s.phrases[pi + 1].prep = -2;
    }
    // Apposition shares identity both ways: "le ministre russe ..., Sergueï Lavrov,".
    if (p.appos_of >= 0 && p.prep != -2 && merged_into[pi] < 0) {
      Phrase& q = s.phrases[p.appos_of];
      if (q.members.size() == 1 && p.members.size() == 1) {
        ActorRef& a = q.members[0];
        ActorRef& b = p.members[0];
        if (b.person && !b.name.empty() && (a.name.empty() || a.person)) a.name = b.name;
        if (b.country.empty()) b.country = a.country;
        if (b.sector.empty()) b.sector = a.sector;
        if (a.person && b.person) {
          if (b.code.empty() || b.code == b.country) b.code = ActorCode(b.country, b.sector);
        }
      } else if (q.members.size() == 1 && p.members.empty() && p.person && !p.person->name.empty()) {
        // "Le ministre de l'Intérieur, Gérald Darmanin,": the title's actor gets the name.
        if (q.members[0].person || q.members[0].name.empty()) q.members[0].name = p.person->name;
      } else if (q.members.empty() && q.person && p.person && !p.person->name.empty()) {
        q.person->name = p.person->name;
      }
    }
    // Words inside quotation marks are the speaker's, not the narrative's: they do not
    // move the discourse focus.
    if (!s.toks[p.b].in_quote)
      for (const auto& a : p.members) Remember(a, s.index, p.prep < 0, ctx);
  }
  // Surnames alone ("Poutine", "Lavrov"): single capitalised unknown words that end the name
  // of a person already named in the dispatch.
  for (int j = 0; j < n; ++j) {
    Tok& t = s.toks[j];
    if (t.mention >= 0 || !Capitalised(t) || !IsWord(t) || t.phrase < 0) continue;
    std::string_view key = Key(t, k);
    for (auto it = ctx.referents.rbegin(); it != ctx.referents.rend(); ++it) {
      if (!it->actor.person || it->actor.name.empty()) continue;
      std::string last = text::Fold(it->actor.name);
      size_t sp = last.rfind(' ');
      if (sp != std::string::npos) last = last.substr(sp + 1);
      if (last != key) continue;
      Phrase& p = s.phrases[t.phrase];
      if (p.members.empty()) {
        ActorRef a = it->actor;
        a.b = p.b;
        a.e = p.e;
        if (!a.code.empty()) p.members.push_back(a);
      }
      break;
    }
  }
}

int PackPhraseAt(const Sentence& s, int j, int max_words, std::string_view cls,
                 const Analyzer& an) {
  thread_local std::string words;
  words.clear();
  int len = 0;
  const int n = static_cast<int>(s.toks.size());
  for (int q = 0; q < max_words && j + q < n; ++q) {
    if (q > 0) words.push_back(' ');
    words.append(an.Key(s.toks[j + q], *an.keys));
    if (an.pack().Is(cls, words)) len = q + 1;
  }
  return len;
}

}  // namespace attache::pipeline
