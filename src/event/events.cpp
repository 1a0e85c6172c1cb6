// Event frames: see events.h. A frame fires only when its trigger and its required slots
// are found; there is no fallback code.
#include "event/events.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <set>

#include "text/fold.h"

namespace attache::event {
namespace {

using pipeline::ActorRef;
using pipeline::Phrase;
using pipeline::Sentence;
using pipeline::Tok;
namespace pl = attache::pipeline;

bool IsWord(const Tok& t) { return t.t.kind == text::TokenKind::kWord; }

std::string_view KeyOf(const Tok& t, const pipeline::Analyzer& an) {
  return an.Key(t, *an.keys);
}

// Folded lemmas of a token's readings with one of `pos`, or its key when it has none.
// Views into the lexicon (lemmas are stored folded) or the key buffer: no allocation.
void Lemmas(const Tok& t, uint16_t pos, const pipeline::Analyzer& an,
            std::vector<std::string_view>& out) {
  out.clear();
  for (uint32_t r = 0; r < t.nreadings; ++r) {
    if (!(t.readings[r].pos & pos)) continue;
    out.emplace_back(an.lexicon().str(t.readings[r].lemma));
  }
  if (out.empty() && t.nreadings == 0) out.emplace_back(KeyOf(t, an));
}

// Does a folded word or phrase (space-joined) occur in tokens [b, e), by lemma or form?
bool Occurs(const Sentence& s, int b, int e, std::string_view cue, const pipeline::Analyzer& an) {
  thread_local std::vector<std::string_view> lm;
  size_t sp = cue.find(' ');
  std::string_view first = cue.substr(0, sp);
  for (int j = std::max(0, b); j < e; ++j) {
    Lemmas(s.toks[j], 0xFFFF, an, lm);
    lm.emplace_back(KeyOf(s.toks[j], an));
    if (std::find(lm.begin(), lm.end(), first) == lm.end()) continue;
    if (sp == std::string_view::npos) return true;
    // A phrase: the following tokens' forms must follow.
    std::string_view rest = cue.substr(sp + 1);
    int q = j + 1;
    bool ok = true;
    while (!rest.empty() && ok) {
      size_t sp2 = rest.find(' ');
      std::string_view w = rest.substr(0, sp2);
      if (q >= e) { ok = false; break; }
      Lemmas(s.toks[q], 0xFFFF, an, lm);
      lm.emplace_back(KeyOf(s.toks[q], an));
      ok = std::find(lm.begin(), lm.end(), w) != lm.end();
      ++q;
      rest = sp2 == std::string_view::npos ? std::string_view() : rest.substr(sp2 + 1);
    }
    if (ok) return true;
  }
  return false;
}

struct VerbGroup {
  int b = 0, e = 0;  // tokens of the group (auxiliaries ... trigger)
  bool passive = false, reflexive = false, negated = false, infinitive = false;
  bool future = false, conditional = false, planned = false, hypothetical = false;
  bool participle_only = false;  // a participle with no auxiliary ("les diplomates expulsés")
  int governor = -1;             // for an infinitive: the governing verb token
  int dative = -1;               // "lui", "leur" before the verb: the recipient
};

// The modality a verb group gives the act it carries.
const char* ModalityOf(const VerbGroup& g) {
  if (g.negated) return "negated";
  if (g.conditional || g.hypothetical) return "hypothetical";
  if (g.future || g.planned || g.infinitive) return "planned";
  return "asserted";
}

VerbGroup AnalyseVerbGroup(const Sentence& s, int v, const pipeline::Analyzer& an,
                           const pl::DocContext& ctx, const Clause& cl) {
  VerbGroup g;
  g.b = g.e = v;
  g.e = v + 1;
  const Tok& t = s.toks[v];
  const bool en = ctx.lang == lex::Lang::kEn;
  const pack::LanguagePack& pk = an.pack();
  bool aux_have = false, aux_be = false, ete = false, has_to = false;
  uint32_t aux_feats = 0;
  for (int j = v - 1; j >= cl.b; --j) {
    const Tok& a = s.toks[j];
    std::string_view key = KeyOf(a, an);
    if (!IsWord(a)) break;
    if (a.cls & pl::kReflexive) { g.reflexive = true; g.b = j; continue; }
    if (a.cls & pl::kNeg) { g.negated = true; g.b = j; continue; }
    if (a.cls & pl::kNeg2) { g.negated = g.negated || en; g.b = j; continue; }
    if (a.cls & pl::kAuxHave) { aux_have = true; aux_feats |= a.feats; g.b = j; continue; }
    if (a.cls & pl::kAuxBe) {
      if (pk.Is("aux.be.participle", key)) ete = true; else aux_be = true;
      aux_feats |= a.feats;
      g.b = j;
      continue;
    }
    if (a.cls & pl::kModalPlanned) { g.planned = true; g.b = j; continue; }
    if (a.cls & pl::kModalHypo) {
      // "said he would meet": reported future, not a hypothesis.
      bool reported = false;
      if (en && pk.Is("modal.reported", key))
        for (int q = 0; q < j; ++q)
          if (s.toks[q].cls & pl::kQuoteVerb) reported = true;
      if (reported) g.planned = true; else g.hypothetical = true;
      g.b = j;
      continue;
    }
    if (en && pk.Is("infinitive.marker", key)) { has_to = true; g.b = j; continue; }
    if (en && pk.Is("aux.do", key)) { g.b = j; continue; }
    if (!en && pk.Is("infinitive.marker", key)) {
      if (t.feats & lex::kInf) { has_to = true; g.b = j; continue; }
      break;
    }
    if (a.cls & pl::kAdvSkip) continue;
    if (!en && pk.Is("clitic.object", key)) {
      // Object clitics between subject and verb: "il les a reçus"; "lui", "leur" are the
      // recipient ("la Russie leur a accordé l'asile").
      if (pk.Is("clitic.dative", key)) g.dative = j;
      if (j + 1 <= v) continue;
    }
    break;
  }
  // "ne ... pas": the second part after the verb or the auxiliary.
  if (!en) {
    for (int j = g.b; j < std::min<int>(v + 3, static_cast<int>(s.toks.size())); ++j)
      if (s.toks[j].cls & pl::kNeg2) {
        if (g.negated || j < v) g.negated = true;
      }
  } else {
    for (int j = g.b; j < v; ++j)
      if (s.toks[j].cls & pl::kNeg) g.negated = true;
    // "be" as the verb itself puts the negation after it: "was not ready to strike".
    if ((t.cls & pl::kAuxBe) && v + 1 < static_cast<int>(s.toks.size()) &&
        (s.toks[v + 1].cls & pl::kNeg))
      g.negated = true;
  }
  bool ppas = (t.feats & lex::kPpas) || (en && (t.feats & lex::kPast));
  if (ppas && !g.reflexive) {
    if (ete) g.passive = true;
    else if (aux_be && !(t.cls & pl::kEtreVerb)) {
      // English "is/was expelled"; French "est expulsé" (not "est arrivé").
      if (!en || (t.feats & (lex::kPpas | lex::kPast))) g.passive = true;
    }
  }
  if (aux_feats & lex::kFut) g.future = true;
  if (aux_feats & lex::kCond) g.conditional = true;
  bool finite_reading = t.feats & (lex::kPres | lex::kPast | lex::kImpf | lex::kFut | lex::kCond | lex::kSubj);
  if (!aux_have && !aux_be && !ete && (t.feats & lex::kFut) && !en) g.future = true;
  if (!aux_have && !aux_be && !ete && (t.feats & lex::kCond) && !en &&
      !(t.feats & (lex::kPres | lex::kImpf)))
    g.conditional = true;
  if ((t.feats & lex::kInf) && (has_to || g.planned || g.hypothetical || !finite_reading)) {
    if (has_to || (!g.planned && !g.hypothetical)) g.infinitive = true;
  }
  if (en && has_to) g.infinitive = true;
  if (ppas && !aux_have && !aux_be && !ete && !g.reflexive && !finite_reading && !en)
    g.participle_only = true;
  if (g.infinitive) {
    // The governing verb: the nearest verb before the group in the clause.
    for (int j = g.b - 1; j >= cl.b; --j) {
      if (s.toks[j].pos & lex::kVerb && !(s.toks[j].cls & (pl::kAuxHave | pl::kAuxBe))) {
        g.governor = j;
        break;
      }
      if (s.toks[j].cls & (pl::kModalPlanned | pl::kModalHypo)) break;
    }
    // A causative right before the infinitive ("a fait arrêter", "n'a pas fait arrêter",
    // "va faire expulser"; grammar `causative`): the act is done as the causative is, so
    // the group is the causative's, tense, negation and modality included.
    if (g.governor >= 0 && g.governor == g.b - 1 && g.dative < 0) {
      thread_local std::vector<std::string_view> lm;
      Lemmas(s.toks[g.governor], lex::kVerb, an, lm);
      bool causative = false;
      for (std::string_view l : lm)
        if (an.pack().Is("causative", l)) causative = true;
      if (causative) {
        VerbGroup cg = AnalyseVerbGroup(s, g.governor, an, ctx, cl);
        cg.e = g.e;
        return cg;
      }
    }
  }
  return g;
}

// Whether the date at token `at` sits in a modifier of a noun whose act is not `act` (the
// trigger token of the act to date, or -1 for the time of the clause as a whole): a past
// participle after a noun ("le cessez-le-feu entré en vigueur le 27 novembre", "a truce
// signed in Doha on March 3") or a clause opened by a relative pronoun right after a noun
// and followed by its verb ("the ceasefire that took effect on Nov. 27"). That date belongs
// to the modifier's act, not to the clause's main verb or to another event noun; an event
// noun modified ("les frappes menées samedi") or an act inside the modifier keeps it.
// Relative clauses split off by the clause splitter ("qui", "which") are already apart.
bool InAnyTime(const Sentence& s, int j);
// The date at token `at` is followed at once by a finite verb of its clause outside any
// phrase: the date ends a modifier of the subject and the clause's own verb comes next ("A
// ceasefire agreed on Monday broke down", "Le cessez-le-feu conclu lundi a été rompu").
bool FiniteVerbAfterDate(const Sentence& s, int at) {
  constexpr uint32_t kFinite = lex::kPres | lex::kPast | lex::kImpf | lex::kFut | lex::kCond;
  int e = -1;
  for (const auto& th : s.times)
    if (at >= th.b && at < th.e) e = std::max(e, th.e);
  if (e < 0 || e >= static_cast<int>(s.toks.size())) return false;
  while (e < static_cast<int>(s.toks.size()) && (s.toks[e].cls & (pl::kAdvSkip | pl::kNeg)) &&
         s.toks[e].phrase < 0)
    ++e;
  if (e >= static_cast<int>(s.toks.size())) return false;
  const Tok& t = s.toks[e];
  return t.clause == s.toks[at].clause && t.phrase < 0 && (t.pos & (lex::kVerb | lex::kAux)) &&
         (t.feats & kFinite);
}
bool InNounModifier(const Sentence& s, int at, int act) {
  constexpr uint32_t kFinite = lex::kPres | lex::kPast | lex::kImpf | lex::kFut | lex::kCond;
  const int clause = s.toks[at].clause;
  int v = -1;
  for (int j = at - 1; j >= 0 && s.toks[j].clause == clause; --j) {
    const Tok& t = s.toks[j];
    if (t.t.kind == text::TokenKind::kPunct) return false;  // the modifier ends at a comma
    if (InAnyTime(s, j)) continue;
    // (A participle may have been read into the noun phrase it follows.)
    bool in_np = j > 0 && t.phrase >= 0 && (t.feats & lex::kPpas) && s.toks[j - 1].phrase == t.phrase &&
                 (s.toks[j - 1].pos & (lex::kNoun | lex::kPropn));
    if ((t.pos & lex::kVerb) && (t.phrase < 0 || in_np) && (t.feats & (kFinite | lex::kPpas))) {
      v = j;
      break;
    }
  }
  if (v <= 0) return false;
  int gb = v;
  while (gb > 0 && s.toks[gb - 1].clause == clause &&
         (s.toks[gb - 1].cls & (pl::kAuxHave | pl::kAuxBe | pl::kReflexive | pl::kAdvSkip | pl::kNeg)))
    --gb;
  auto noun_phrase = [&](int j) {
    if (j < 0 || s.toks[j].clause != clause || s.toks[j].phrase < 0 || InAnyTime(s, j)) return -1;
    return s.phrases[s.toks[j].phrase].is_time ? -1 : s.toks[j].phrase;
  };
  int opener = -1, head = -1;
  if (gb > 0 && (s.toks[gb - 1].cls & pl::kRelative) && (s.toks[v].feats & kFinite) &&
      (head = noun_phrase(gb - 2)) >= 0 && s.toks[gb - 2].phrase != s.toks[gb - 1].phrase) {
    opener = gb - 1;  // "the ceasefire that took effect"
  } else if (gb == v && (s.toks[v].feats & lex::kPpas) && (head = noun_phrase(v - 1)) >= 0) {
    // A participle with no auxiliary after a noun, behind the clause's own finite verb. A
    // form that is also a simple past ("signed") is read as a participle only when no
    // object follows it ("Officials said Israel struck Gaza" is a clause).
    bool main_verb = false;
    for (int j = s.phrases[head].b - 1; j >= 0 && s.toks[j].clause == clause && !main_verb; --j)
      main_verb = ((s.toks[j].pos & (lex::kVerb | lex::kAux)) && s.toks[j].phrase < 0 &&
                   (s.toks[j].feats & kFinite));
    if (!main_verb && !FiniteVerbAfterDate(s, at)) return false;
    int o = v + 1;  // past a particle ("carried out")
    while (o < at && (s.toks[o].pos & (lex::kAdv | lex::kPrep)) && s.toks[o].phrase >= 0 &&
           s.phrases[s.toks[o].phrase].prep == -1)
      ++o;
    if ((s.toks[v].feats & kFinite) && o < at && s.toks[o].phrase >= 0 &&
        s.phrases[s.toks[o].phrase].prep == -1 && !s.phrases[s.toks[o].phrase].is_time)
      return false;
    opener = v;
  }
  if (opener < 0) return false;
  if (act >= opener && act < at) return false;                        // the modifier's own act
  if (act >= 0 && act < (int)s.toks.size() && s.toks[act].phrase == head) return false;  // the noun it modifies
  return true;
}

// The first date in tokens [b, e) that can date the act triggered at token `act` (-1: the
// clause's own time): "depuis 2022", "since 1980" open a span (`time.span`) and date nothing, and a date
// in a modifier of another noun (InNounModifier) dates that modifier.
const pl::TimeHit* DateIn(const Sentence& s, int b, int e, const pipeline::Analyzer& an, int act) {
  for (const auto& th : s.times) {
    if (th.kind != "DATE" || th.b < b || th.b >= e) continue;
    if (th.b > 0) {
      if (an.pack().Is("time.span", KeyOf(s.toks[th.b - 1], an))) continue;
    }
    if (InNounModifier(s, th.b, act)) continue;
    return &th;
  }
  return nullptr;
}

// The first word of a clause, past its punctuation, or -1.
int FirstWordOf(const Sentence& s, const Clause& cl) {
  for (int j = cl.b; j < cl.e; ++j)
    if (IsWord(s.toks[j])) return j;
  return -1;
}

// The "after"/"après" (`clause.after`) that opens a subordinate clause ("after police
// raided", "après que la police a fait irruption", where the clause starts at "que"), or -1.
int AfterWord(const Sentence& s, const Clause& cl, const pipeline::Analyzer& an) {
  int w = FirstWordOf(s, cl);
  if (w < 0 || !cl.subordinate || cl.relative) return -1;
  const pack::LanguagePack& pk = an.pack();
  if (pk.Is("clause.after", KeyOf(s.toks[w], an))) return w;
  if (w > 0 && IsWord(s.toks[w - 1]) && pk.Is("subordinator", KeyOf(s.toks[w], an)) &&
      pk.Is("clause.after", KeyOf(s.toks[w - 1], an)))
    return w - 1;
  return -1;
}
bool AfterClause(const Sentence& s, const Clause& cl, const pipeline::Analyzer& an) {
  return AfterWord(s, cl, an) >= 0;
}

// A subordinate clause that happens at the time of the clause it hangs on: "when", "lorsque",
// "quand" (`clause.same-time`), "as", "alors que" with their own subject and verb
// (`clause.same-time.finite`, SameTimeFinite), or "after"/"après" (`clause.after`) right behind a short
// lapse ("hours after", "quelques heures après", "shortly after": `clause.lapse`). Plain
// "after", "before", "since" place the act on another day and are not linked.
// Words of `clause.same-time.finite` ("as", "alors que", "tandis que") also mean "because",
// "in the role of", "like" or "whereas" ("as president", "as expected", "such as", "as
// Trump said"): they open a clause of the same time only when a subject and its finite verb
// follow at once ("as police dispersed a rally", "alors que des manifestants marchaient"),
// the verb is not one of saying, and the word is not the second half of a comparison ("as
// long as", "as well as").
bool SameTimeFinite(const Sentence& s, const Clause& cl, int w, const pipeline::Analyzer& an) {
  constexpr uint32_t kFinite = lex::kPres | lex::kPast | lex::kImpf | lex::kFut | lex::kCond;
  const pack::LanguagePack& pk = an.pack();
  std::string_view k = KeyOf(s.toks[w], an);
  int p = -1;
  if (pk.Is("clause.same-time.finite", k)) {
    p = w + 1;
  } else if (w + 1 < cl.e && IsWord(s.toks[w + 1]) &&
             pipeline::PackPhraseAt(s, w, 2, "clause.same-time.finite", an) == 2) {
    p = w + 2;
  }
  if (p < 0 || p >= cl.e) return false;
  for (int j = w - 1; j >= 0 && j >= w - 2; --j)
    if (KeyOf(s.toks[j], an) == k) return false;
  // The subject: a noun phrase (no preposition, not a time) right after the word.
  int ph = s.toks[p].phrase;
  if (ph < 0 || s.phrases[ph].prep != -1 || s.phrases[ph].is_time || InAnyTime(s, p)) return false;
  int j = p;
  while (j < cl.e && s.toks[j].phrase == ph) ++j;
  bool finite = false;
  for (; j < cl.e; ++j) {
    const Tok& t = s.toks[j];
    if (t.cls & (pl::kAuxHave | pl::kAuxBe)) {
      if (t.feats & kFinite) finite = true;
      continue;
    }
    if (t.cls & (pl::kAdvSkip | pl::kNeg | pl::kReflexive)) continue;
    if (!(t.pos & lex::kVerb) || t.phrase >= 0) return false;
    if (t.cls & pl::kQuoteVerb) return false;
    return finite || (t.feats & kFinite);
  }
  return false;
}

bool SameTimeClause(const Sentence& s, const Clause& cl, const pipeline::Analyzer& an) {
  const pack::LanguagePack& pk = an.pack();
  int w = FirstWordOf(s, cl);
  if (w < 0 || !cl.subordinate || cl.relative) return false;
  std::string_view k = KeyOf(s.toks[w], an);
  if (pk.Is("clause.same-time", k)) return true;
  if (SameTimeFinite(s, cl, w, an)) return true;
  if (int a = AfterWord(s, cl, an); a >= 0) {
    for (int j = a - 1; j >= 0 && j >= a - 2; --j)
      if (IsWord(s.toks[j])) return pk.Is("clause.lapse", KeyOf(s.toks[j], an));
  }
  return false;
}


// A verb group in the pluperfect ("had seized", "had been arrested", "avait expulsé",
// "s'étaient retirés", "était parti"): an act placed before the time of the telling.
bool Pluperfect(const Sentence& s, int b, int v) {
  const Tok& t = s.toks[v];
  bool reflexive = false;
  for (int j = b; j < v; ++j) {
    const Tok& a = s.toks[j];
    if (a.cls & pl::kReflexive) reflexive = true;
    if (!(a.feats & (lex::kPast | lex::kImpf)) || (a.feats & lex::kPres)) continue;
    if ((a.cls & pl::kAuxHave) && (t.feats & (lex::kPpas | lex::kPast))) return true;
    if ((a.cls & pl::kAuxBe) && (t.feats & lex::kPpas) && (reflexive || (t.cls & pl::kEtreVerb)))
      return true;
  }
  return false;
}

// Dates for the acts of a sentence that name none in their own words, after duplicates are
// merged (a shared date must not make two readings of one act look like two acts):
// - an event noun takes its clause's time adverbial, wherever it stands ("On Sunday, police
//   fired tear gas, rubber bullets ...", "Duale on Tuesday evening authorized the
//   deployment"): the acts of a clause share it;
// - a pluperfect recall ("said on Friday they had seized", "avait expulsé") happened before
//   the telling, on a day the text does not give: it takes none of these dates and falls
//   back to the publication date, with date_precision "published" saying so;
// - the content of an act of speech ("a déclaré jeudi que la Géorgie ne mettrait pas ...")
//   takes the date of the telling;
// - a clause that happens at the time of the one it hangs on ("on Thursday, when Ecuador
//   declared", "hours after the envoy met", "on Monday as protesters marched") takes its
//   date (not an act planned or held out against a done one: "alors que", "as" contrast), and that clause takes the
//   subordinate's when it has none ("When police stormed the camp on Monday, ...");
// - a clause coordinated to the one before is dated as that one.
void ShareTimes(const Sentence& s, const std::vector<Clause>& clauses,
                const pipeline::Analyzer& an, pl::DocContext& ctx, std::vector<EventDraft>& kept) {
  const int nc = static_cast<int>(clauses.size());
  auto clause_of = [&](const EventDraft& d) { return std::clamp(s.toks[d.trig_b].clause, 0, nc - 1); };
  for (auto& d : kept) {
    if (d.time != nullptr) continue;
    const Clause& cl = clauses[clause_of(d)];
    if (d.noun && !d.pluperfect) d.time = DateIn(s, cl.b, cl.e, an, d.trig_b);
  }
  // "alors que", "as" also set a planned or hypothetical act against a done one ("va
  // expulser l'ambassadeur, alors que le président a rencontré lundi ..."): no shared time.
  auto contrast = [&](const EventDraft& d, const Clause& sub) {
    int w = FirstWordOf(s, sub);
    return (d.modality == "planned" || d.modality == "hypothetical") && w >= 0 &&
           !an.pack().Is("clause.same-time", KeyOf(s.toks[w], an)) && SameTimeFinite(s, sub, w, an);
  };
  // The time of clause `ci`: its own adverbial, else the date one of its acts was given,
  // else, for a clause coordinated to the one before ("a demandé lundi ..., prévenant que"),
  // that clause's time.
  auto time_of_clause = [&](int ci) -> const pl::TimeHit* {
    for (; ci >= 0; --ci) {
      if (const pl::TimeHit* th = DateIn(s, clauses[ci].b, clauses[ci].e, an, -1)) return th;
      for (const auto& k : kept)
        if (k.time != nullptr && clause_of(k) == ci) return k.time;
      if (!clauses[ci].coordinated) break;
    }
    return nullptr;
  };
  for (auto& d : kept) {
    if (d.time != nullptr || d.pluperfect) continue;
    // A clause coordinated to the one before ("que la Géorgie ne mettrait pas ... et
    // refuserait") continues it: it is dated as that clause is.
    int ci = clause_of(d);
    while (ci > 0 && clauses[ci].coordinated) {
      if (const pl::TimeHit* th = time_of_clause(ci - 1)) {
        d.time = th;
        break;
      }
      --ci;
    }
    if (d.time != nullptr) continue;
    const Clause& cl = clauses[ci];
    if (ci > 0 && cl.subordinate && !cl.relative) {
      const Clause& up = clauses[ci - 1];
      bool speech = false;
      for (int j = up.b; j < up.e; ++j)
        if ((s.toks[j].cls & pl::kQuoteVerb) && (s.toks[j].pos & lex::kVerb)) speech = true;
      if (speech || (SameTimeClause(s, cl, an) && !contrast(d, cl))) d.time = time_of_clause(ci - 1);
    }
    // An act told as following a dated one ("broke off relations after police forced their
    // way into the embassy late Friday") happened no earlier: with no date of its own it
    // takes that one (the telling closes the gap to the publication).
    if (d.time == nullptr && ci + 1 < nc &&
        ((SameTimeClause(s, clauses[ci + 1], an) && !contrast(d, clauses[ci + 1])) ||
         AfterClause(s, clauses[ci + 1], an)))
      d.time = DateIn(s, clauses[ci + 1].b, clauses[ci + 1].e, an, -1);
  }
  // A sentence with no date at all that goes on with a pair of states whose act the
  // sentence before dated in its own words ("L'Ethiopie et la Somalie ont conclu mercredi
  // soir un accord ... / Abiy Ahmed et Hassan Cheikh Mohamoud se sont serré la main"),
  // tells the same day. Two different countries are needed: within one country a story
  // moves on to other acts on other days with the same parties. Not a recall, nor what is
  // planned or held out.
  bool dated = false;
  for (const auto& th : s.times)
    if (th.kind == "DATE") dated = true;
  if (!dated && ctx.dated_sentence == s.index - 1 && ctx.dated_time != nullptr) {
    for (auto& d : kept) {
      if (d.time != nullptr || d.pluperfect || d.modality == "planned" || d.modality == "hypothetical")
        continue;
      if (!d.has_source || !d.has_target) continue;
      const std::string& a = d.source.country;
      const std::string& b = d.target.country;
      if (a.empty() || b.empty() || a == b) continue;
      for (const auto& [x, y] : ctx.dated_dyads)
        if ((x == a && y == b) || (x == b && y == a)) d.time = ctx.dated_time;
    }
  }
  ctx.dated_sentence = -1;
  ctx.dated_time = nullptr;
  ctx.dated_dyads.clear();
  // Only a date this sentence's own words give: an inherited one is not passed on.
  // (Identity, not an address range: the inherited one lives in another sentence.)
  auto own_time = [&](const pl::TimeHit* t) {
    for (const auto& th : s.times)
      if (&th == t) return true;
    return false;
  };
  for (const auto& d : kept) {
    if (d.time == nullptr || !own_time(d.time) || d.time->precision != "day" ||
        d.modality == "planned" || d.modality == "hypothetical")
      continue;
    if (ctx.dated_time == nullptr) ctx.dated_time = d.time;
    else if (ctx.dated_time != d.time) {  // two days in one sentence: no single date to pass on
      ctx.dated_time = nullptr;
      ctx.dated_dyads.clear();
      break;
    }
    ctx.dated_sentence = s.index;
    if (d.has_source && d.has_target && !d.source.country.empty() && !d.target.country.empty())
      ctx.dated_dyads.emplace_back(d.source.country, d.target.country);
  }
}

// Token `j` lies inside one of the sentence's time expressions (marked once per sentence
// by the analysis: this is asked for every token of every date's modifier check).
bool InAnyTime(const Sentence& s, int j) {
  return j >= 0 && j < static_cast<int>(s.toks.size()) && s.toks[j].in_time;
}

const Phrase* FirstPhraseAfter(const Sentence& s, int from, int to, uint32_t prep_class,
                               std::string_view prep_key, bool bare,
                               const pipeline::Analyzer& an) {
  for (const Phrase& p : s.phrases) {
    if (p.b < from || p.b >= to || p.prep == -2) continue;
    if (bare) {
      if (p.prep >= 0) continue;
      if (p.is_time || InAnyTime(s, p.b)) continue;
      return &p;
    }
    if (p.prep < 0) continue;
    const Tok& pt = s.toks[p.prep];
    if (prep_class && (pt.cls & prep_class)) return &p;
    if (!prep_key.empty() && KeyOf(pt, an) == prep_key) return &p;
  }
  return nullptr;
}

// The country a single demonym in tokens [b, e) names ("frappes russes", "Indian drones"),
// skipping token `skip`; compound demonyms ("russo-américaine") do not count here.
bool DemonymIn(const Sentence& s, int b, int e, int skip, const pipeline::Analyzer& an,
               ActorRef& out) {
  for (int j = b; j < e; ++j) {
    const Tok& q = s.toks[j];
    if (q.mention < 0 || j == skip) continue;
    const auto& m = s.mentions[q.mention];
    if (m.candidate_person || m.kind != lex::EntityKind::kDemonym || !m.also.empty()) continue;
    out = ActorRef();
    out.b = m.b;
    out.e = m.e;
    out.country = an.lexicon().entity(m.entity).country;
    out.code = out.country;
    return true;
  }
  return false;
}

// An actor known only by its country (a place's, the story's, the dyad's partner).
// Protests, force postures, reductions of relations, yielding, repression and attacks are
// acts a country can do inside itself (coded country to country); words are not.
bool IsMaterialRoot(std::string_view cameo) {
  std::string_view root = cameo.substr(0, 2);
  return root == "14" || root == "15" || root == "17" || root == "18" || root == "19" ||
         root == "20" || root == "16" || root == "08";
}

ActorRef CountryActor(std::string_view country, int b = -1, int e = -1) {
  ActorRef a;
  a.country = std::string(country);
  a.code = a.country;
  a.b = b;
  a.e = e;
  return a;
}

// The countries a phrase with no actor names by its demonyms or its origin: "sur les
// importations canadiennes et mexicaines", "on Chinese steel", "tariffs on imports from
// Mexico", "sur les produits en provenance de Chine" (the next phrase, introduced by an
// `origin.prep`, when it follows right after).
void OriginsOf(const Sentence& s, const Phrase& p, const pipeline::Analyzer& an,
               std::vector<ActorRef>& dst) {
  // Demonyms ("canadiennes"), and with `names` countries too ("du Mexique").
  auto countries = [&](int b, int e, bool names) {
    for (int j = b; j < e; ++j) {
      const Tok& q = s.toks[j];
      if (q.mention < 0) continue;
      const auto& m = s.mentions[q.mention];
      bool kind_ok = m.kind == lex::EntityKind::kDemonym || (names && m.kind == lex::EntityKind::kCountry);
      if (m.candidate_person || !kind_ok || !m.also.empty()) continue;
      std::string_view c = an.lexicon().entity(m.entity).country;
      if (c.empty()) continue;
      bool seen = false;
      for (const auto& a : dst) seen = seen || a.country == c;
      if (!seen) dst.push_back(CountryActor(c, m.b, m.e));
      j = m.e - 1;
    }
  };
  countries(p.b, p.e, false);
  if (!dst.empty()) return;
  for (const Phrase& q : s.phrases) {
    if (q.prep < 0 || q.prep != p.e) continue;
    // The preposition may run into the phrase: "en provenance du Mexique".
    int len = pipeline::PackPhraseAt(s, q.prep, std::min(4, q.e - q.prep), "origin.prep", an);
    if (len == 0) return;
    if (!q.members.empty()) dst = q.members;
    else countries(q.prep + len, q.e, true);
    return;
  }
}

// The ground a phrase names by a part of a named place ("sur la banlieue sud de Beyrouth",
// "contre les environs de Kharkiv"): a word of `territory.nouns` heads the phrase and a place
// follows it behind a genitive (`ground.genitive`). The place's country is the actor hit;
// `place` is set to that place. Only for frames whose target may be a place.
void GroundOf(const Sentence& s, const Phrase& p, int clause_e, const pipeline::Analyzer& an,
              std::vector<ActorRef>& dst, const pl::PlaceHit*& place) {
  const auto& pk = an.pack();
  int head = -1;
  for (int j = p.b; j < p.e && j < p.b + 3; ++j)
    if (pk.Is("territory.nouns", KeyOf(s.toks[j], an))) {
      head = j;
      break;
    }
  if (head < 0) return;
  for (const auto& ph : s.places) {
    if (ph.b <= head || ph.b > head + 4 || ph.b >= clause_e) continue;
    if (!pk.Is("ground.genitive", KeyOf(s.toks[ph.b - 1], an))) continue;
    const lex::Entity& en = an.lexicon().entity(ph.entity);
    if (!en.country[0]) continue;
    dst.push_back(CountryActor(en.country, ph.b, ph.e));
    dst.back().name = an.lexicon().str(en.name);
    place = &ph;
    return;
  }
}

std::string lx_code(const lex::Entity& en, const pipeline::Analyzer& an) {
  std::string code = an.lexicon().str(en.code);
  return code.empty() ? std::string(en.country) : code;
}

// Developer trace (ATTACHE_TRACE set): why a candidate frame did not fire.
void TraceDrop(const pack::Frame& f, const Sentence& s, int tok, const char* why,
               const pl::DocContext& ctx) {
  static const bool on = std::getenv("ATTACHE_TRACE") != nullptr;
  if (!on) return;
  std::fprintf(stderr, "  S%d %s at '%.*s': %s\n", s.index, f.id.c_str(),
               static_cast<int>(s.toks[tok].t.end - s.toks[tok].t.begin),
               ctx.text.data() + s.toks[tok].t.begin, why);
}

// Tokens [b, e) hold only adverbials between a verb and its object: times and
// prepositional phrases with no punctuation ("a dispersé mercredi à coups de gaz
// lacrymogène des manifestants").
// The widest such gap: room for a date and a couple of prepositional phrases ("mercredi à
// coups de gaz lacrymogène" is 6 tokens). Past it, the phrase found is more likely the
// object of a later verb than of this one, and the scan stays bounded per candidate.
constexpr int kMaxAdverbialTokens = 12;
bool OnlyAdverbialsBetween(const Sentence& s, int b, int e) {
  if (e - b > kMaxAdverbialTokens) return false;
  for (int j = b; j < e; ++j) {
    const Tok& q = s.toks[j];
    if (q.t.kind != text::TokenKind::kWord && q.t.kind != text::TokenKind::kNumber) return false;
    if (InAnyTime(s, j)) continue;
    if (q.phrase >= 0 && (s.phrases[q.phrase].prep >= 0 || s.phrases[q.phrase].is_time)) continue;
    if ((q.cls & (pl::kPrep | pl::kAdvSkip)) && q.phrase < 0) continue;
    return false;
  }
  return true;
}

// A present participle right after a noun phrase, with no comma between ("protesters
// denouncing the cost of living", "des manifestants dénonçant la vie chère"), is a reduced
// relative clause: that phrase is its subject, not the subject of the main verb. Returns its
// actors, or null.
const std::vector<ActorRef>* ReducedRelativeHead(const Sentence& s, int v) {
  const Tok& t = s.toks[v];
  if (v < 1 || !(t.feats & lex::kPpre) || (t.feats & (lex::kPres | lex::kPast | lex::kImpf)))
    return nullptr;
  const Tok& before = s.toks[v - 1];
  if (!IsWord(before) || before.phrase < 0) return nullptr;
  if (t.phrase >= 0 && t.phrase != before.phrase) return nullptr;
  const Phrase& p = s.phrases[before.phrase];
  if (p.members.empty() || p.is_time) return nullptr;
  return &p.members;
}

// The adversary a conditional threat names: the first actor after a `condition` marker
// ("would respond if attacked by NATO", "répondrait en cas d'attaque de l'Otan", "si Manille
// déployait des missiles"), up to the next punctuation, other than the speaker's own side.
bool ConditionAdversary(const Sentence& s, int from, const std::string& own,
                        const pipeline::Analyzer& an, ActorRef& out) {
  const int n = static_cast<int>(s.toks.size());
  auto marker_at = [&](int j) { return pipeline::PackPhraseAt(s, j, 3, "condition", an); };
  for (int j = from; j < n; ++j) {
    // The condition belongs to the trigger's clause: it may follow a comma ("would
    // respond, if attacked"), nothing further.
    if (s.toks[j].t.kind == text::TokenKind::kPunct) {
      if (KeyOf(s.toks[j], an) != "," || j + 1 >= n || marker_at(j + 1) == 0) return false;
      continue;
    }
    int len = marker_at(j);
    if (len == 0) continue;
    int stop = j + len;
    while (stop < n && s.toks[stop].t.kind != text::TokenKind::kPunct) ++stop;
    for (const Phrase& q : s.phrases) {
      if (q.b < j + len || q.b >= stop || q.members.empty() || q.is_time) continue;
      const ActorRef& m = q.members[0];
      if (m.code.empty() || (!own.empty() && m.country == own)) continue;
      out = m;
      return true;
    }
    return false;
  }
  return false;
}

// A present participle right after a comma opens a participle clause ("..., appelant les
// forces de l'ordre à la retenue", "..., calling on the armed forces to"): it is a verb
// even when the word is also a noun ("un appelant", "a calling") and the chunker made it a
// phrase.
bool CommaParticiple(const Sentence& s, int i, const pipeline::Analyzer& an) {
  const Tok& t = s.toks[i];
  if (i < 1 || !(t.pos & lex::kVerb) || !(t.feats & lex::kPpre)) return false;
  return KeyOf(s.toks[i - 1], an) == ",";
}

// A verb in the passive: a participle after "été"/"been", or after another form of "être"
// or "be" when the verb does not take "être" for its past ("a été placé", "were placed";
// not "est arrivé").
bool PassiveAt(const Sentence& s, int v, const pipeline::Analyzer& an) {
  const Tok& t = s.toks[v];
  if (!(t.feats & (lex::kPpas | lex::kPast))) return false;
  for (int j = v - 1; j >= 0 && j >= v - 3; --j) {
    const Tok& a = s.toks[j];
    if (!IsWord(a)) return false;
    if (a.cls & (pl::kAdvSkip | pl::kNeg | pl::kNeg2)) continue;
    if (a.cls & pl::kReflexive) return false;
    if (!(a.cls & pl::kAuxBe)) return false;
    std::string_view k = KeyOf(a, an);
    if (an.pack().Is("aux.be.participle", k) || an.pack().Is("aux.be.progressive", k)) return true;
    return !(t.cls & pl::kEtreVerb);
  }
  return false;
}

// Keeps the drafts whose index is not marked in `drop`.
void EraseMarked(std::vector<EventDraft>& kept, const std::vector<bool>& drop) {
  size_t w = 0;
  for (size_t i = 0; i < kept.size(); ++i)
    if (!drop[i]) {
      if (w != i) kept[w] = std::move(kept[i]);
      ++w;
    }
  kept.resize(w);
}

// A threat and the blow it announces are one act: "a averti mardi soir qu'Israël frapperait
// le Liban", "warned that Poland would strike Belarus", "ont averti ..., prévenant que l'Iran
// frapperait Israël". The blow (a material act, planned or held out, by the threat's own
// country, against the threat's target or, when the threat names none, any) is the threat's
// content, not a second event: the threat takes its target and, lacking one, its date, and
// the force code when force is what it announces (130 becomes 138).
void MergeThreatContents(std::vector<EventDraft>& kept, std::vector<bool>& drop) {
  drop.assign(kept.size(), false);
  for (size_t i = 0; i < kept.size(); ++i) {
    const EventDraft& blow = kept[i];
    std::string_view root = std::string_view(blow.cameo).substr(0, 2);
    if (root < "14" || root > "20" || !IsMaterialRoot(blow.cameo)) continue;
    if (blow.modality != "planned" && blow.modality != "hypothetical") continue;
    if (!blow.has_source || blow.source.country.empty()) continue;
    for (auto& threat : kept) {
      if (&threat == &blow || std::string_view(threat.cameo).substr(0, 2) != "13") continue;
      if (!threat.has_source || threat.source.country != blow.source.country) continue;
      if (threat.has_target && !(blow.has_target && threat.target.country == blow.target.country))
        continue;
      if (!threat.has_target && blow.has_target) {
        threat.target = blow.target;
        threat.has_target = true;
      }
      if (threat.time == nullptr) threat.time = blow.time;
      if (threat.cameo == "130" && (root == "18" || root == "19" || root == "20")) {
        threat.cameo = "138";
        threat.mode = "violence";
      }
      drop[i] = true;
      break;
    }
  }
  EraseMarked(kept, drop);
}

// "Israel and Hamas agreed to a ceasefire", "La France et la Syrie sont convenues": a frame
// that sees the pair's act once per party, with no recipient, repeats the symmetric event
// another frame coded for the pair; those copies go.
void DropPartiesOfMutualActs(std::vector<EventDraft>& kept, std::vector<bool>& drop) {
  drop.assign(kept.size(), false);
  for (size_t i = 0; i < kept.size(); ++i) {
    const EventDraft& e = kept[i];
    if (e.has_target || !e.has_source || e.source.country.empty()) continue;
    for (const auto& k : kept)
      if (k.symmetric && k.has_target && k.cameo.substr(0, 2) == e.cameo.substr(0, 2) &&
          (k.source.country == e.source.country || k.target.country == e.source.country))
        drop[i] = true;
  }
  EraseMarked(kept, drop);
}

// Where an object phrase ends once a short quotation inside it is crossed: "les « tactiques
// d'intimidation » d'Israël", "the "barbaric" Russian strikes" (the chunker stops at the
// mark). Returns the token after the object; `after_quote` is the token after the closing
// mark, or -1 when there is no such quotation.
int ObjectEnd(const Sentence& s, const Phrase& obj, int clause_end, int& after_quote) {
  after_quote = -1;
  int e = obj.e;
  if (e >= clause_end || s.toks[e].t.kind != text::TokenKind::kQuote) return e;
  int j = e + 1;
  while (j < clause_end && j <= e + 7 && s.toks[j].t.kind != text::TokenKind::kQuote) ++j;
  if (j >= clause_end || s.toks[j].t.kind != text::TokenKind::kQuote) return e;
  after_quote = j + 1;
  e = j + 1;
  for (const Phrase& p : s.phrases)
    if (p.b == e && p.prep < 0) return p.e;
  return e;
}

// The PLOVER types of the acts an object names by its nouns ("cette attaque" ASSAULT, "ces
// accusations" ACCUSE), from the frames that take those nouns as triggers.
void ActTypesNamed(const Sentence& s, int b, int e, const pipeline::Analyzer& an,
                   std::vector<std::string_view>& out) {
  out.clear();
  const pack::LanguagePack& pk = an.pack();
  thread_local std::vector<std::string_view> lm;
  for (int j = b; j < e; ++j) {
    const Tok& t = s.toks[j];
    if (!IsWord(t) || !(t.pos & lex::kNoun)) continue;
    Lemmas(t, lex::kNoun, an, lm);
    lm.emplace_back(KeyOf(t, an));
    for (auto l : lm) {
      auto range = pk.by_noun.equal_range(l);
      for (auto it = range.first; it != range.second; ++it) {
        const pack::Frame& f = pk.frames[it->second];
        if (f.nouns.empty() || f.plover.empty()) continue;
        bool single = false;  // only one-word triggers: "attaque", not "attaque informatique"
        for (const auto& seq : f.nouns)
          if (seq.size() == 1 && seq.front() == l) single = true;
        if (single && std::find(out.begin(), out.end(), f.plover) == out.end())
          out.emplace_back(f.plover);
      }
    }
  }
}

}  // namespace

std::vector<Clause> SplitClauses(Sentence& s, const pipeline::Analyzer& an) {
  std::vector<Clause> out;
  const int n = static_cast<int>(s.toks.size());
  Clause cur;
  cur.b = 0;
  auto close = [&](int at) {
    cur.e = at;
    if (cur.e > cur.b) out.push_back(cur);
    cur = Clause();
    cur.b = at;
  };
  for (int i = 0; i < n; ++i) {
    const Tok& t = s.toks[i];
    if (t.t.kind == text::TokenKind::kQuote) {
      // A short quotation inside the sentence (« regretté », « cesser ses actes
      // d'intimidation ») is part of its clause; a long one is a clause of its own.
      int j = i + 1;
      while (j < n && s.toks[j].t.kind != text::TokenKind::kQuote) ++j;
      int inner = j - i - 1;
      if (j < n && inner <= 6 && i > 0) {
        i = j;  // the loop's ++i steps past the closing mark
        continue;
      }
      close(i);
      cur.b = i + 1;
      continue;
    }
    if (t.t.kind == text::TokenKind::kPunct) {
      std::string_view p = an.Key(t, *an.keys);
      if (p == ";" || p == ":" || p == "(" || p == ")") {
        close(i);
        cur.b = i + 1;
      } else if (p == "," && i + 1 < n && CommaParticiple(s, i + 1, an)) {
        // "..., appelant les forces de l'ordre à la retenue": a participle clause of its
        // own, continuing the one before: its subject and its date are that clause's.
        close(i);
        cur.b = i + 1;
        cur.coordinated = true;
      } else if (p == "," && [&] {
                   // ", a Ukrainian official said." / ", a indiqué le ministère.": the
                   // attribution at the end of a sentence is a clause of its own. (Only
                   // after a clause with its verb: "Le chef de la diplomatie européenne,
                   // Josep Borrell, a regretté ..." closes an apposition.)
                   bool has_verb = false;
                   for (int j = cur.b; j < i && !has_verb; ++j)
                     if ((s.toks[j].pos & (lex::kVerb | lex::kAux)) && s.toks[j].phrase < 0 &&
                         (s.toks[j].feats & (lex::kPres | lex::kPast | lex::kImpf | lex::kFut |
                                             lex::kCond | lex::kPpas)))
                       has_verb = true;
                   if (!has_verb) return false;
                   int q = -1;
                   for (int j = i + 1; j < std::min(n, i + 11); ++j) {
                     const Tok& x = s.toks[j];
                     if (x.t.kind == text::TokenKind::kQuote || x.t.kind == text::TokenKind::kPunct)
                       return false;
                     if ((x.cls & pl::kQuoteVerb) && !(x.cls & (pl::kAuxHave | pl::kAuxBe))) {
                       q = j;
                       break;
                     }
                     // Only the speaker, an auxiliary or a time may come first: a
                     // preposition or another verb means the sentence goes on.
                     if ((x.cls & pl::kPrep) && !(x.cls & pl::kDet)) return false;
                     if ((x.pos & lex::kVerb) && !(x.cls & (pl::kAuxHave | pl::kAuxBe)) &&
                         x.phrase < 0 && (x.feats & (lex::kPres | lex::kPast | lex::kImpf | lex::kPpas)))
                       return false;
                   }
                   return q >= 0 && n - q <= 12;
                 }()) {
        close(i);
        cur.b = i + 1;
      } else if (p == "," && cur.subordinate && cur.b > 1 &&
                 (an.Key(s.toks[cur.b - 1], *an.keys) == "," ||
                  an.Key(s.toks[cur.b - 2], *an.keys) == ",") &&
                 !out.empty()) {
        // "L'Union européenne, que la Serbie aspire à rejoindre, a appelé": the relative
        // clause ends at its comma and the main clause resumes.
        int before = static_cast<int>(out.size()) - 1;
        while (before > 0 && out[before].subordinate) --before;
        close(i);
        cur.b = i + 1;
        cur.resume = before;
      }
      continue;
    }
    if ((t.cls & (pl::kRelative | pl::kSubord)) && !(t.cls & pl::kDet) && t.phrase < 0 && i > 0) {
      // "que" after "ne ... " is restrictive, not a subordinator.
      std::string_view key = an.Key(t, *an.keys);
      bool ne_que = false;
      if (an.pack().Is("negation.que", key))
        for (int j = std::max(0, i - 4); j < i; ++j)
          if (s.toks[j].cls & pl::kNeg) ne_que = true;
      // The second word of a two-word subordinator ("alors que", "parce que") stays in the
      // clause its first word opened.
      bool second = cur.subordinate && cur.b == i - 1 && (s.toks[i - 1].cls & pl::kSubord) &&
                    pipeline::PackPhraseAt(s, i - 1, 2, "subordinator", an) == 2;
      if (second) continue;
      if (!ne_que) {
        close(i);
        cur.subordinate = true;
        cur.relative = (t.cls & pl::kRelative) && !(t.cls & pl::kSubord);
        if (an.pack().Is("relative.pronoun", key)) cur.relative = true;
        continue;
      }
    }
    bool verb_before = false;  // the clause so far already has its verb
    for (int j = cur.b; j < i && !verb_before; ++j)
      if ((s.toks[j].pos & lex::kVerb) && s.toks[j].phrase < 0 &&
          (s.toks[j].feats & (lex::kPres | lex::kPast | lex::kImpf | lex::kFut | lex::kCond)))
        verb_before = true;
    if (verb_before && (t.cls & pl::kCoord) && i + 1 < n && s.toks[i + 1].phrase >= 0 && i > 0 &&
        s.toks[i - 1].phrase != s.toks[i + 1].phrase &&
        s.phrases[s.toks[i + 1].phrase].prep != -2) {
      // "..., and Australia said it was": a new subject and its verb, a clause of its own.
      int j = i + 1;
      int ph = s.toks[j].phrase;
      while (j < n && s.toks[j].phrase == ph) ++j;
      while (j < n && (s.toks[j].cls & (pl::kAdvSkip | pl::kAuxHave | pl::kAuxBe | pl::kNeg))) ++j;
      // (The verb must be plainly one: "relief supplies" is a noun phrase, "Australia said"
      // a clause.)
      if (j < n && j > i + 1 && (s.toks[j].pos & lex::kVerb) && s.toks[j].phrase < 0 &&
          (!(s.toks[j].pos & lex::kNoun) || (s.toks[j].feats & (lex::kPast | lex::kPpas))) &&
          (s.toks[j].feats & (lex::kPres | lex::kPast | lex::kImpf | lex::kFut | lex::kCond | lex::kPpas))) {
        close(i);
        continue;
      }
    }
    if ((t.cls & pl::kCoord) && i + 1 < n) {
      const Tok& nx = s.toks[i + 1];
      bool verbish = (nx.cls & (pl::kAuxHave | pl::kAuxBe | pl::kNeg | pl::kReflexive)) ||
                     ((nx.pos & lex::kVerb) && !(nx.pos & (lex::kNoun | lex::kAdj | lex::kPropn)) &&
                      nx.phrase < 0) ||
                     // "a dénoncé ... et appelé à": a participle sharing the auxiliary of a
                     // verb already in the clause, even one that is also a noun ("un appelé").
                     (verb_before && (nx.pos & lex::kVerb) && (nx.feats & lex::kPpas) && nx.phrase < 0);
      if (verbish) {
        close(i);
        cur.coordinated = true;
      }
    }
  }
  close(n);
  for (size_t c = 0; c < out.size(); ++c)
    for (int j = out[c].b; j < out[c].e; ++j) s.toks[j].clause = static_cast<int>(c);
  if (std::getenv("ATTACHE_TRACE_CLAUSES"))
    for (const Clause& c : out)
      std::fprintf(stderr, "  clause [%d,%d) sub=%d rel=%d coord=%d resume=%d\n", c.b, c.e,
                   c.subordinate, c.relative, c.coordinated, c.resume);
  return out;
}

// A frame cued by words of ground (grammar `territory.nouns`: "ville", "région") whose
// complement names a place instead ("a pris le contrôle de Hama", "s'est emparé du
// Haut-Karabakh"): the place, right after the trigger behind a genitive preposition (grammar
// `ground.genitive`), is the ground taken. Only words may stand between, no verb, no other
// actor; a place after a locative ("une société à Lyon") says where, and is not counted.
static bool NamedGroundCue(const pack::Frame& f, const Sentence& s, int from, int to,
                           const pipeline::Analyzer& an) {
  const auto& pk = an.pack();
  bool ground = false;
  for (const auto& cw : f.cues)
    if (pk.Is("territory.nouns", cw)) ground = true;
  if (!ground) return false;
  for (const auto& ph : s.places) {
    if (ph.locative || ph.b <= from || ph.b >= to || ph.b - from > 4) continue;
    if (!pk.Is("ground.genitive", KeyOf(s.toks[ph.b - 1], an))) continue;
    bool clear = true;
    for (int j = from; j < ph.b - 1 && clear; ++j) {
      const Tok& t = s.toks[j];
      if (!IsWord(t) || t.mention >= 0 || ((t.pos & lex::kVerb) && !(t.pos & (lex::kNoun | lex::kAdj))))
        clear = false;
    }
    if (clear) return true;
  }
  return false;
}

// A noun trigger whose genitive complement holds its frame's cue ("la fin | de l'accord de
// coopération | avec Paris", "the suspension | of military cooperation | with Belgium"): the
// complement is what the act works on, so the complements after it belong to the act even
// when the complement is itself the trigger of another frame. `tt` is that other trigger;
// true when it stands in the phrase right after the noun, opened by a genitive preposition
// (grammar `genitive`), and that phrase holds one of the frame's cues.
static bool CuedGenitiveComplement(const pack::Frame& f, const Sentence& s, int noun_end, int tt,
                                   const pipeline::Analyzer& an) {
  if (f.cues.empty() || tt < 0 || tt >= static_cast<int>(s.toks.size())) return false;
  int ph = s.toks[tt].phrase;
  if (ph < 0) return false;
  const pl::Phrase& q = s.phrases[ph];
  if (q.prep < 0 || q.prep != noun_end) return false;
  if (!an.pack().Is("genitive", KeyOf(s.toks[q.prep], an))) return false;
  for (const auto& cw : f.cues)
    if (Occurs(s, q.b, q.e, cw, an)) return true;
  return false;
}

// A town named as the complement of a noun that a locative preposition introduces: "devant
// la base militaire française de Niamey", "outside the French embassy of Niamey". The town
// places the act, not the nationality word on the way (that base is in Niger). Towns and
// provinces only: "devant l'ambassade de France" names whose embassy, not where it is.
// How far before the town the locative may stand, in tokens from the town: the preposition,
// a determiner, the noun and a few modifiers ("devant la base militaire française de" is
// 6). A locative further back opens a phrase of its own, not the one the town completes.
constexpr int kGenitiveLocativeReach = 8;
bool LocativeByGenitive(const Sentence& s, const pl::PlaceHit& ph, int trig_e,
                        const pipeline::Analyzer& an) {
  if (ph.locative || ph.b < 2) return false;
  auto k = static_cast<lex::EntityKind>(an.lexicon().entity(ph.entity).kind);
  if (k != lex::EntityKind::kCity && k != lex::EntityKind::kAdmin1 && k != lex::EntityKind::kPlaceOther)
    return false;
  const auto& pk = an.pack();
  if (!pk.Is("place.genitive", KeyOf(s.toks[ph.b - 1], an))) return false;
  for (int j = ph.b - 2; j >= 0 && j >= ph.b - kGenitiveLocativeReach; --j) {
    const Tok& t = s.toks[j];
    if (!IsWord(t)) return false;
    // Nationality words and titles may stand on the way; another place or a person may not.
    if (t.mention >= 0) {
      const auto& m = s.mentions[t.mention];
      auto mk = m.kind;
      if (m.candidate_person || mk == lex::EntityKind::kPerson || mk == lex::EntityKind::kCountry ||
          mk == lex::EntityKind::kCity || mk == lex::EntityKind::kAdmin1 || mk == lex::EntityKind::kPlaceOther)
        return false;
    }
    if ((t.cls & pl::kLocative) || pk.Is("place.front", KeyOf(t, an))) {
      // The phrase must hang on the act's own verb: "a accusé Kiev d'avoir attaqué une
      // centrale dans la région de Belgorod" places the alleged attack, not the accusation.
      for (int v = trig_e; v < j; ++v)
        if ((s.toks[v].pos & lex::kVerb) &&
            ((s.toks[v].feats & (lex::kInf | lex::kPpre)) || !(s.toks[v].pos & (lex::kNoun | lex::kAdj))))
          return false;
      return true;
    }
    if ((t.pos & lex::kVerb) && !(t.pos & (lex::kNoun | lex::kAdj))) return false;
  }
  return false;
}

// The first bare noun phrase of clause `cl` before token `v`: no preposition, not a time,
// not an apposition. The subject a verb with no actor subject is left with.
const Phrase* BareSubjectPhrase(const Sentence& s, const Clause& cl, int v) {
  for (const Phrase& p : s.phrases) {
    if (p.b < cl.b || p.b >= v) continue;
    if (p.prep != -1 || p.appos_of >= 0 || p.is_time || InAnyTime(s, p.b)) continue;
    return &p;
  }
  return nullptr;
}

// The country where an act with unnamed parties took place: the clause's place, else the
// dateline's; "" when neither is known.
std::string HomeCountry(const pipeline::PlaceHit* place, const pipeline::Analyzer& an,
                        const pl::DocContext& ctx) {
  std::string country = place ? std::string(an.lexicon().entity(place->entity).country) : "";
  return country.empty() ? ctx.dateline_country : country;
}

// "Des milliers de personnes se sont rassemblées", "thousands of people marched": a verb's
// subject that is a crowd of people (`crowd.nouns`) naming no nationality is the people of
// the country where it happened (the clause's place, else the dateline's). Only the verb's
// own clause is searched; the phrase must name no actor of its own.
std::vector<ActorRef> CrowdSubject(const Sentence& s, int v, const std::vector<Clause>& clauses,
                                   const pipeline::PlaceHit* place, const pipeline::Analyzer& an,
                                   const pl::DocContext& ctx) {
  const Phrase* subj = BareSubjectPhrase(s, clauses[s.toks[v].clause], v);
  if (subj == nullptr || !subj->members.empty()) return {};
  const auto& pk = an.pack();
  bool crowd = false;
  for (int j = subj->b; j < subj->e && !crowd; ++j) crowd = pk.Is("crowd.nouns", KeyOf(s.toks[j], an));
  if (!crowd) return {};
  const std::string country = HomeCountry(place, an, ctx);
  if (country.empty()) return {};
  return {CountryActor(country, subj->b, subj->e)};
}

// The people an agentless passive acts on ("trois journalistes ont été placés en garde à
// vue", "more than 300 people have been arrested", "Bushra Bibi was taken into custody"),
// when their phrase names no actor: a phrase made of `crowd.nouns` or `person.nouns`, or a
// name no list knows, is of the country where it happened (the clause's place, else the
// dateline's). The subject is the phrase right before the verb group `v` (after a count,
// "plus de 2.400 personnes", "dozens of", it follows a "de"/"of"), or the antecedent of the
// relative clause the verb is in ("a journalist who covered the protests was detained").
static std::vector<ActorRef> PassivePatient(const Sentence& s, int v, const std::vector<Clause>& clauses,
                                            const pipeline::PlaceHit* place,
                                            const pipeline::Analyzer& an,
                                            const pl::DocContext& ctx) {
  const Clause& cl = clauses[s.toks[v].clause];
  const auto& pk = an.pack();
  auto people = [&](const Phrase* p) {
    if (p == nullptr || !p->members.empty()) return false;
    for (int j = p->b; j < p->e; ++j) {
      std::string_view k = KeyOf(s.toks[j], an);
      if (pk.Is("crowd.nouns", k) || pk.Is("person.nouns", k) ||
          (s.toks[j].mention >= 0 && s.mentions[s.toks[j].mention].candidate_person))
        return true;
    }
    return false;
  };
  // The phrase right before the verb group.
  const Phrase* subj = nullptr;
  const Phrase* last = nullptr;
  for (const Phrase& p : s.phrases)
    if (p.b >= cl.b && p.e <= v && (last == nullptr || p.e > last->e)) last = &p;
  bool adjacent = last != nullptr && last->e >= v - 2;
  for (int j = last ? last->e : v; j < v && adjacent; ++j)
    if (!IsWord(s.toks[j])) adjacent = false;
  if (adjacent && !last->is_time && !InAnyTime(s, last->b) && last->appos_of < 0) {
    bool ok = last->prep < 0;
    if (!ok) {
      std::string_view pw = KeyOf(s.toks[last->prep], an);
      int q = last->prep - 1;
      ok = an.pack().Is("genitive.bare", pw) && q >= cl.b && IsWord(s.toks[q]) &&
           s.toks[q].phrase < 0 && !(s.toks[q].pos & lex::kVerb);
    }
    if (ok) {
      if (!last->members.empty()) return {};
      subj = last;
    }
  }
  // Else the antecedent of the relative clause (which may run on into the main verb).
  if (!people(subj) && cl.relative && cl.b > 0) {
    subj = nullptr;
    for (auto it = s.phrases.rbegin(); it != s.phrases.rend(); ++it)
      if (it->e <= cl.b) {
        if (it->e >= cl.b - 1 && it->prep < 0) subj = &*it;
        break;
      }
  }
  if (!people(subj)) return {};
  const std::string country = HomeCountry(place, an, ctx);
  if (country.empty()) return {};
  return {CountryActor(country, subj->b, subj->e)};
}

// A passive whose auxiliary is an infinitive ("risquent d'être arrêtés", "could be
// arrested", "is expected to be jailed"): the act is only held out.
static bool PassiveInfinitive(const Sentence& s, int b, int v) {
  for (int j = b; j < v; ++j)
    if ((s.toks[j].cls & pl::kAuxBe) && (s.toks[j].feats & lex::kInf)) return true;
  return false;
}

std::vector<ActorRef> SubjectOf(const Sentence& s, int v, const std::vector<Clause>& clauses,
                                const pipeline::Analyzer& an, pl::DocContext& ctx,
                                bool allow_inversion) {
  int ci = s.toks[v].clause;
  if (const std::vector<ActorRef>* head = ReducedRelativeHead(s, v)) return *head;
  for (int c = ci; c >= 0; --c) {
    const Clause& cl = clauses[c];
    int end = c == ci ? v : cl.e;
    // The subject comes before the clause's first verb: in "... et incendié les ambassades,
    // reprochant ...", the phrase after "incendié" is its object, and the subject is the
    // one of the clause it is coordinated with.
    if (cl.coordinated)
      for (int j = cl.b; j < end; ++j)
        if ((s.toks[j].pos & lex::kVerb) && s.toks[j].phrase < 0 &&
            (s.toks[j].feats & (lex::kPres | lex::kPast | lex::kImpf | lex::kFut | lex::kCond | lex::kPpas))) {
          end = j;
          break;
        }
    const Phrase* subj = nullptr;
    for (const Phrase& p : s.phrases) {
      if (p.b < cl.b || p.b >= end) continue;
      // "after Ecuadorian police forced their way in": the word that opens a subordinate
      // clause is its subordinator, not the preposition of its subject.
      bool opener = cl.subordinate && !cl.relative && p.prep == cl.b;
      if ((p.prep != -1 && !opener) || p.appos_of >= 0 || p.is_time || InAnyTime(s, p.b)) continue;
      // The object of a present participle in a fronted adverbial ("Dans les heures
      // suivant l'annonce, l'armée a ..."), which a comma closes before the verb.
      if (p.b > cl.b && (s.toks[p.b - 1].pos & lex::kVerb) && (s.toks[p.b - 1].feats & lex::kPpre) &&
          p.e < end && an.Key(s.toks[p.e], *an.keys) == ",")
        continue;
      subj = &p;
      break;
    }
    if (subj != nullptr) {
      if (subj->members.empty()) {
        // "Le ministre de l'Intérieur, Gérald Darmanin, a ...": the apposition may be the
        // one that names an actor.
        for (const Phrase& q : s.phrases)
          if (q.appos_of == static_cast<int>(subj - s.phrases.data()) && !q.members.empty())
            return q.members;
      }
      return subj->members;
    }
    if (c == ci && clauses[c].relative && cl.b > 0) {
      // "qui": the antecedent is the phrase just before the relative pronoun.
      for (auto it = s.phrases.rbegin(); it != s.phrases.rend(); ++it)
        if (it->e <= cl.b && !it->members.empty()) {
          // "en Turquie, pays membre de l'Otan qui entend ...": a clause that describes a
          // place named as where things happened tells no act of its own.
          const Phrase* head = &*it;
          if (head->appos_of >= 0) {
            head = &s.phrases[head->appos_of];
          } else if (head->prep < 0 && head->b > 0 && an.Key(s.toks[head->b - 1], *an.keys) == "," &&
                     head != s.phrases.data()) {
            const Phrase* before = head - 1;  // the apposition's anchor, before the comma
            if (before->e == head->b - 1) head = before;
          }
          if (head->prep >= 0 && (s.toks[head->prep].cls & pl::kLocative)) return {};
          return it->members;
        }
      return {};
    }
    if (c == ci && allow_inversion) {
      // Inverted subject after the verb ("a déclaré un porte-parole").
      for (const Phrase& p : s.phrases)
        if (p.b > v && p.b < cl.e && p.prep == -1 && !p.members.empty()) return p.members;
    }
    if (clauses[c].resume >= 0) {
      c = clauses[c].resume + 1;  // the loop's --c lands on the resumed clause
      continue;
    }
    // "..., while calling on Washington", "..., urging Rwanda to": a participle clause
    // has the subject of the clause it hangs on.
    bool participle = c == ci && (s.toks[v].feats & lex::kPpre) &&
                      (!((s.toks[v].pos & lex::kNoun) && s.toks[v].phrase >= 0) ||
                       CommaParticiple(s, v, an));
    if (!clauses[c].coordinated && !participle) break;
  }
  return {};
}

// Whether the verb at token `v` is a verb of hitting (`impact.verbs`): one of its lemmas,
// then the words the entry needs within a few tokens after it ("slam into", "s'abattre sur",
// "faire ... morts").
bool ImpactVerb(const Sentence& s, int v, int clause_e, const pipeline::Analyzer& an) {
  thread_local std::vector<std::string_view> lm;
  Lemmas(s.toks[v], lex::kVerb, an, lm);
  lm.emplace_back(KeyOf(s.toks[v], an));
  for (const std::string& entry : an.pack().Class("impact.verbs")) {
    std::string_view rest(entry);
    size_t sp = rest.find(' ');
    if (std::find(lm.begin(), lm.end(), rest.substr(0, sp)) == lm.end()) continue;
    bool ok = true;
    rest = sp == std::string_view::npos ? std::string_view() : rest.substr(sp + 1);
    while (!rest.empty() && ok) {
      size_t q = rest.find(' ');
      ok = Occurs(s, v + 1, std::min(clause_e, v + 6), rest.substr(0, q), an);
      rest = q == std::string_view::npos ? std::string_view() : rest.substr(q + 1);
    }
    if (ok) return true;
  }
  return false;
}

// The verb of hitting whose subject is the event noun at tokens [b, e) ("Des frappes
// israéliennes ont touché", "Une frappe de drone ukrainienne a visé", "Israeli air strikes
// hit"): the noun heads a phrase with no preposition, the verb group follows that phrase and
// the noun's complements at once. Returns the verb's token, or -1.
int ImpactVerbOfNoun(const Sentence& s, int b, int e, const Clause& cl, const pipeline::Analyzer& an) {
  const Tok& t = s.toks[b];
  if (t.phrase < 0 || s.phrases[t.phrase].prep >= 0 || s.phrases[t.phrase].is_time) return -1;
  int j = std::max(e, static_cast<int>(s.phrases[t.phrase].e));
  if (e - 1 > b && s.toks[e - 1].phrase >= 0) j = std::max(j, static_cast<int>(s.phrases[s.toks[e - 1].phrase].e));
  // The noun's complements: "de drone ukrainienne", "de l'armée israélienne", "by Israel".
  for (int hops = 0; hops < 3 && j < cl.e; ++hops) {
    const Phrase* next = nullptr;
    for (const Phrase& q : s.phrases)
      if ((q.prep == j || (q.b == j && q.prep >= 0)) && !q.is_time && !InAnyTime(s, q.b)) next = &q;
    if (next == nullptr) break;
    j = std::max(j + 1, static_cast<int>(next->e));
  }
  const int group_b = j;
  while (j < cl.e && s.toks[j].phrase < 0 &&
         ((s.toks[j].cls & (pl::kAuxHave | pl::kAuxBe | pl::kNeg | pl::kNeg2 | pl::kAdvSkip | pl::kReflexive)) ||
          ((s.toks[j].pos & lex::kAux) && !(s.toks[j].pos & lex::kVerb))))
    ++j;
  if (j >= cl.e || !(s.toks[j].pos & lex::kVerb)) return -1;
  // A participle after its auxiliary may have been read into the phrase of its object
  // ("n'ont pas touché Kiev"); elsewhere a word inside a phrase is no verb.
  if (s.toks[j].phrase >= 0 && !(j > group_b && (s.toks[j].feats & lex::kPpas) &&
                                 s.phrases[s.toks[j].phrase].b == j))
    return -1;
  if (!ImpactVerb(s, j, cl.e, an)) return -1;
  return j;
}

// The passive verb of hitting whose agent is the event noun at token `b` ("trois soldats ont
// été tués jeudi par des frappes israéliennes", "n'a pas été touché par les frappes"): the
// noun's phrase opens with the agent preposition, right after a passive participle of
// `impact.verbs` (a date or adverb may stand between). Returns the verb's token, or -1.
int PassiveImpactOfNoun(const Sentence& s, int b, const Clause& cl, const pipeline::Analyzer& an) {
  const Tok& t = s.toks[b];
  if (t.phrase < 0) return -1;
  const Phrase& np = s.phrases[t.phrase];
  if (np.prep < 0 || np.is_time || !(s.toks[np.prep].cls & pl::kAgentPrep)) return -1;
  for (int j = np.prep - 1; j >= cl.b && j >= np.prep - 4; --j) {
    const Tok& q = s.toks[j];
    if (!IsWord(q)) return -1;
    if ((q.pos & lex::kVerb) && (q.feats & lex::kPpas)) {
      if (!PassiveAt(s, j, an) || !ImpactVerb(s, j, cl.e, an)) return -1;
      return j;
    }
    if ((q.cls & pl::kAdvSkip) || InAnyTime(s, j)) continue;
    return -1;
  }
  return -1;
}

// What a verb of hitting at token `v` lands on: the first phrase after it (past a particle:
// "s'abattre sur", "slam into") within a few tokens, by its actors, its demonym ("une
// raffinerie russe") or its place ("Kharkiv"). `place` is set to that place.
std::vector<ActorRef> ImpactTarget(const Sentence& s, int v, const Clause& cl,
                                   const pipeline::Analyzer& an, const pl::PlaceHit*& place) {
  std::vector<ActorRef> out;
  const Phrase* obj = nullptr;
  for (const Phrase& q : s.phrases) {
    // (The verb itself may open the phrase of its object: see ImpactVerbOfNoun.)
    if (q.b < v || (q.b == v && q.e <= v + 1) || q.b >= cl.e || q.b > v + 6 || q.prep == -2) continue;
    if (q.is_time || InAnyTime(s, q.b)) continue;
    if (q.prep >= 0 && (s.toks[q.prep].cls & pl::kLocative)) break;  // where, not what
    obj = &q;
    break;
  }
  if (obj == nullptr) return out;
  if (!obj->members.empty()) return obj->members;
  ActorRef a;
  const int ob = std::max(static_cast<int>(obj->b), v + 1);
  if (DemonymIn(s, ob, obj->e, -1, an, a)) {
    out.push_back(a);
    return out;
  }
  // The place may be the object's complement: "un marché de Kaboul", "a market of Kabul".
  int oe = obj->e;
  for (const Phrase& q : s.phrases) {
    if (q.prep < 0 || q.b < obj->e || q.b > obj->e + 1 || q.b >= cl.e) continue;
    std::string_view pk2 = KeyOf(s.toks[q.prep], an);
    if (an.pack().Is("genitive", pk2)) oe = q.e;
    break;
  }
  for (const auto& ph : s.places) {
    if (ph.b < ob || ph.b >= oe) continue;
    const lex::Entity& en = an.lexicon().entity(ph.entity);
    if (!en.country[0]) continue;
    out.push_back(CountryActor(en.country, ph.b, ph.e));
    out.back().name = an.lexicon().str(en.name);
    place = &ph;
    break;
  }
  return out;
}

// A weapon standing for its user as the subject of a verb of hitting (`impact.instruments`:
// "Des missiles russes ont frappé Kharkiv", "des avions de l'armée israélienne"): the
// nationality its phrase names, or the actor of its complement.
void InstrumentSubject(const Sentence& s, int gb, const Clause& cl, const pipeline::Analyzer& an,
                       std::vector<ActorRef>& dst) {
  const Phrase* subj = BareSubjectPhrase(s, cl, gb);
  if (subj == nullptr || !subj->members.empty()) return;
  bool weapon = false;
  thread_local std::vector<std::string_view> lm;
  for (int j = subj->b; j < subj->e && !weapon; ++j) {
    Lemmas(s.toks[j], lex::kNoun, an, lm);
    lm.emplace_back(KeyOf(s.toks[j], an));
    for (auto l : lm)
      if (an.pack().Is("impact.instruments", l)) weapon = true;
  }
  if (!weapon) return;
  ActorRef a;
  if (DemonymIn(s, subj->b, subj->e, -1, an, a)) {
    dst.push_back(a);
    return;
  }
  for (const Phrase& q : s.phrases) {
    if (q.prep < 0 || q.b < subj->e || q.b > subj->e + 1 || q.b >= gb) continue;
    std::string_view pk2 = KeyOf(s.toks[q.prep], an);
    if (an.pack().Is("genitive", pk2)) dst = q.members;
    break;
  }
}

std::vector<EventDraft> FindEvents(Sentence& s, pl::DocContext& ctx, const pipeline::Analyzer& an,
                                   const std::vector<Clause>& clauses) {
  std::vector<EventDraft> out;
  const pack::LanguagePack& pk = an.pack();
  const int n = static_cast<int>(s.toks.size());
  ctx.current_sentence = s.index;
  // "les deux pays", "the two sides": the parties of the last act told, known only now that
  // the earlier sentences' events are coded.
  if (!ctx.dyads.empty() && !ctx.dyads.back().first.code.empty()) {
    for (Phrase& p : s.phrases) {
      const int len = p.e - p.b;
      if (!p.members.empty() || len < 2 || len > 4) continue;
      if (pipeline::PackPhraseAt(s, p.b, len, "dyad.phrases", an) != len) continue;
      ActorRef a = ctx.dyads.back().first, b = ctx.dyads.back().second;
      a.b = b.b = p.b;
      a.e = b.e = p.e;
      a.pronoun = b.pronoun = true;  // a reference, not a new mention
      p.members.push_back(a);
      p.members.push_back(b);
    }
  }
  thread_local std::vector<std::string_view> lemmas;
  std::vector<int> trigger_tokens;  // for nominal windows
  struct Cand {
    int tok;
    int len;
    size_t frame;
    bool noun;
  };
  std::vector<Cand> cands;
  for (int i = 0; i < n; ++i) {
    const Tok& t = s.toks[i];
    if (!IsWord(t)) continue;
    // Verbs.
    if (t.pos & lex::kVerb) {
      bool noun_use = i > 0 && (s.toks[i - 1].cls & pl::kDet) && (t.pos & lex::kNoun) &&
                      !(s.toks[i - 1].cls & (pl::kReflexive | pl::kPronoun));
      // A word the chunker put inside a noun phrase is a noun there ("de nouvelles frappes"),
      // unless it is a participle ("les diplomates expulsés").
      if (t.phrase >= 0 && !(t.feats & lex::kPpas) && (t.pos & (lex::kNoun | lex::kAdj)) &&
          !CommaParticiple(s, i, an))
        noun_use = true;
      // Right after the noun of a prepositional phrase an English word is the next noun of
      // a compound ("to police stations"), not a verb that would have no subject.
      if (ctx.lang == lex::Lang::kEn && i > 0 && s.toks[i - 1].phrase >= 0 &&
          s.phrases[s.toks[i - 1].phrase].prep >= 0 && (t.pos & lex::kNoun) &&
          !(t.feats & (lex::kPast | lex::kPpas)))
        noun_use = true;
      // The particle of a phrasal verb is no verb: "take back", "bring down"; nor is a
      // word right after a preposition ("offer of talks").
      if (i > 0 && pk.Is("phrasal.head", KeyOf(s.toks[i - 1], an))) noun_use = true;
      if (i > 0 && (s.toks[i - 1].cls & pl::kPrep) && !(s.toks[i - 1].cls & pl::kDet) &&
          (t.pos & lex::kNoun) && !an.pack().Is("infinitive.marker", KeyOf(s.toks[i - 1], an)))
        noun_use = true;
      if (!noun_use) {
        Lemmas(t, lex::kVerb, an, lemmas);
        thread_local std::vector<size_t> seen;
        seen.clear();
        for (const auto& lm : lemmas) {
          auto range = pk.by_verb.equal_range(lm);
          for (auto it = range.first; it != range.second; ++it) {
            if (std::find(seen.begin(), seen.end(), it->second) != seen.end()) continue;
            seen.push_back(it->second);
            cands.push_back({i, 1, it->second, false});
          }
        }
      }
    }
    // "ready to strike Israel": after the infinitive marker, a word that is also a verb and
    // takes an actor for its object is that verb, not the noun ("a strike").
    bool infinitive_with_object =
        ctx.lang == lex::Lang::kEn && i > 0 && i + 1 < n && (t.pos & lex::kVerb) &&
        pk.Is("infinitive.marker", KeyOf(s.toks[i - 1], an)) && s.toks[i + 1].phrase >= 0 &&
        s.phrases[s.toks[i + 1].phrase].prep < 0 && !s.phrases[s.toks[i + 1].phrase].members.empty();
    // Nouns (possibly multi-word: "échange téléphonique").
    if ((t.pos & (lex::kNoun | lex::kPropn) || t.trigger_noun) && !infinitive_with_object) {
      Lemmas(t, lex::kNoun, an, lemmas);
      // The written form also counts ("pourparlers"), unless the token is only a verb form
      // whose fold collides with a noun ("torturé" is not "torture").
      if (!(t.pos & lex::kVerb) || (t.pos & lex::kNoun) || t.nreadings == 0)
        lemmas.emplace_back(KeyOf(t, an));
      thread_local std::vector<size_t> seen;
        seen.clear();
      for (const auto& lm : lemmas) {
        auto range = pk.by_noun.equal_range(lm);
        for (auto it = range.first; it != range.second; ++it) {
          const pack::Frame& f = pk.frames[it->second];
          for (const auto& seq : f.nouns) {
            if (seq.front() != lm) continue;
            int len = static_cast<int>(seq.size());
            if (i + len > n) continue;
            bool ok = true;
            thread_local std::vector<std::string_view> more;
            for (int q = 1; q < len && ok; ++q) {
              Lemmas(s.toks[i + q], lex::kNoun | lex::kAdj | lex::kVerb, an, more);
              more.emplace_back(KeyOf(s.toks[i + q], an));
              ok = std::find(more.begin(), more.end(), seq[q]) != more.end();
            }
            if (ok && std::find(seen.begin(), seen.end(), it->second) == seen.end()) {
              seen.push_back(it->second);
              cands.push_back({i, len, it->second, true});
            }
          }
        }
      }
    }
  }
  // A longer nominal trigger hides a shorter one at the same place ("échange téléphonique"
  // over "échange").
  std::vector<bool> dead(cands.size(), false);
  for (size_t a = 0; a < cands.size(); ++a)
    for (size_t b = 0; b < cands.size(); ++b) {
      if (a == b || !cands[a].noun || !cands[b].noun) continue;
      // A nominal trigger inside a longer one is hidden by it ("joint naval exercises"
      // over "naval exercises").
      bool inside = cands[b].tok >= cands[a].tok &&
                    cands[b].tok + cands[b].len <= cands[a].tok + cands[a].len;
      if (inside && cands[a].len > cands[b].len) dead[b] = true;
    }
  for (const auto& c : cands)
    if (c.noun) trigger_tokens.push_back(c.tok);
  std::sort(trigger_tokens.begin(), trigger_tokens.end());

  // Verbs of hitting whose event-noun subject coded the act ("Des frappes israéliennes ont
  // touché ...", "Israeli air strikes hit ..."): the verb's own frames would tell it twice.
  std::vector<int> impact_taken;
  for (size_t ci = 0; ci < cands.size(); ++ci) {
    if (dead[ci]) continue;
    const Cand& c = cands[ci];
    const pack::Frame& f = pk.frames[c.frame];
    const Tok& t = s.toks[c.tok];
    const Clause& cl = clauses[std::max(0, t.clause)];
    if (!c.noun && std::find(impact_taken.begin(), impact_taken.end(), c.tok) != impact_taken.end()) {
      TraceDrop(f, s, c.tok, "act coded at its event-noun subject", ctx);
      continue;
    }
    // The event noun is the subject of a verb of hitting: that verb's object or place is the
    // act's target, its verb group the act's modality.
    const int impact_active = c.noun ? ImpactVerbOfNoun(s, c.tok, c.tok + c.len, cl, an) : -1;
    // Or the agent of a passive verb of hitting: its subject is the act's target.
    const int impact_passive = (c.noun && impact_active < 0) ? PassiveImpactOfNoun(s, c.tok, cl, an) : -1;
    const int impact = impact_active >= 0 ? impact_active : impact_passive;
    EventDraft d;
    d.frame = &f;
    d.trig_b = c.tok;
    d.trig_e = c.tok + c.len;
    d.cameo = f.cameo;
    d.mode = f.mode;
    d.noun = c.noun;
    d.confidence = f.confidence;
    // A condition ("si la Russie est désireuse de s'engager", "if Iran agrees") states no
    // event.
    {
      std::string_view first = KeyOf(s.toks[cl.b], an);
      if (pk.Is("clause.condition", first)) { TraceDrop(f, s, c.tok, "conditional clause", ctx); continue; }
    }
    // A noun inside a quotation is the speaker's characterisation ("these targeted strikes
    // are a clear message"), not an act the dispatch reports.
    if (c.noun && t.in_quote) {
      TraceDrop(f, s, c.tok, "event noun inside a quotation", ctx);
      continue;
    }
    VerbGroup g;
    int window_b = c.tok + c.len, window_e = cl.e;
    // Where the act's object begins: after the trigger, or after the particle of a verb that
    // takes one ("a pris jeudi le contrôle | de Hama").
    int object_from = c.tok + c.len;
    if (c.noun) {
      for (int tt : trigger_tokens)
        if (tt > c.tok + c.len - 1 && tt < window_e && tt != c.tok) {
          if (CuedGenitiveComplement(f, s, c.tok + c.len, tt, an)) continue;
          window_e = tt;
          break;
        }
    } else {
      g = AnalyseVerbGroup(s, c.tok, an, ctx, cl);
      // "were beaten and detained", "ont été frappés et interpellés": a participle right
      // after the coordinator shares the passive auxiliary of the clause before.
      if (!g.passive && cl.coordinated && t.clause > 0 && (t.feats & (lex::kPpas | lex::kPast)) &&
          c.tok == cl.b + 1 && (s.toks[cl.b].cls & pl::kCoord) && cl.b > 0 &&
          PassiveAt(s, cl.b - 1, an)) {
        g.passive = true;
        g.negated = g.negated || AnalyseVerbGroup(s, cl.b - 1, an, ctx, clauses[t.clause - 1]).negated;
      }
      bool refl_ok = false;
      int particle_end = -1;  // "shot down": the object comes after the particle
      thread_local std::vector<std::string_view> lm;
      Lemmas(t, lex::kVerb, an, lm);
      for (const auto& vt : f.verbs) {
        if (std::find(lm.begin(), lm.end(), vt.lemma) == lm.end()) continue;
        if (vt.reflexive_only && !g.reflexive) continue;
        if (!vt.particle.empty()) {
          int found = -1;
          for (int j = c.tok + 1; j < std::min(n, c.tok + 4); ++j)
            if (KeyOf(s.toks[j], an) == vt.particle) found = j;
          if (found < 0) continue;
          particle_end = std::max(particle_end, found + 1);
        }
        refl_ok = true;
      }
      if (!refl_ok) { TraceDrop(f, s, c.tok, "verb form or reflexive/particle constraint", ctx); continue; }
      if (particle_end > object_from) object_from = particle_end;
      if (f.future_only && !(t.feats & (lex::kFut | lex::kCond))) {
        TraceDrop(f, s, c.tok, "not in the future or conditional", ctx);
        continue;
      }
      // An infinitive completing a noun or an adjective ("le droit de manifester", "the
      // right to protest", "désireuse de s'engager") names a possibility, not an act.
      if (g.infinitive && g.b > 0) {
        const Tok& before = s.toks[g.b - 1];
        bool nominal_head = (before.pos & (lex::kNoun | lex::kAdj)) && !(before.pos & lex::kVerb) &&
                            before.t.kind == text::TokenKind::kWord && !(before.cls & (pl::kPronoun | pl::kDet));
        if (nominal_head) {
          TraceDrop(f, s, c.tok, "infinitive completing a noun", ctx);
          continue;
        }
      }
      if (g.infinitive && g.governor >= 0) {
        // "a menacé d'expulser": the governing frame codes the act; no second event.
        bool gov_is_trigger = false;
        for (const auto& fired : out) {
          // Only a governing act that was coded; a statement verb does not govern ("a dit
          // regretter la décision" is a regret), nor a trigger that did not fire ("arrived
          // to train forces" is the training).
          if (fired.trig_b == g.governor &&
              std::string_view(fired.frame->cameo).substr(0, 2) != "01")
            gov_is_trigger = true;
        }
        if (gov_is_trigger) { TraceDrop(f, s, c.tok, "infinitive under another trigger", ctx); continue; }
      }
      window_b = c.tok + 1;
      if (particle_end == c.tok + 2) window_b = particle_end;
    }
    // Cues and vetoes: anywhere in the clause or after the trigger in the sentence (a
    // passive puts the cue before the verb; a multi-word trigger may carry it).
    // A complement clause right after the trigger ("demanded that Venezuela release",
    // "exige que Moscou libère") is the trigger's content: cues may stand there.
    int cue_end = cl.e;
    if (t.clause + 1 < static_cast<int>(clauses.size())) {
      const Clause& nx = clauses[t.clause + 1];
      if (nx.subordinate && !nx.relative && nx.b - (c.tok + c.len) <= 2) cue_end = nx.e;
      // A participle clause right after says how the act went ("gathered outside parliament,
      // chanting slogans"): cues may stand there.
      if (nx.coordinated && CommaParticiple(s, nx.b, an)) cue_end = nx.e;
    }
    if (!f.cues.empty()) {
      bool cue = false;
      for (const auto& cw : f.cues) {
        if (Occurs(s, cl.b, c.tok, cw, an) ||
            Occurs(s, c.tok + 1, f.cue_in_sentence ? n : cue_end, cw, an)) {
          cue = true;
          break;
        }
      }
      // A frame cued by words of ground ("la ville", "la région") is also cued by the name of
      // a place as its complement ("a pris le contrôle de Hama", "s'est emparé du
      // Haut-Karabakh"); a place after a locative says where, not what ("une société à Lyon").
      if (!cue && NamedGroundCue(f, s, object_from, std::min(cl.e, cue_end), an)) cue = true;
      if (!cue) { TraceDrop(f, s, c.tok, "no cue", ctx); continue; }
    }
    if (!f.excludes.empty()) {
      bool veto = false;
      for (const auto& xw : f.excludes) {
        // A phrase may contain the trigger itself ("le droit de manifester").
        bool phrase = xw.find(' ') != std::string::npos;
        if ((phrase && Occurs(s, cl.b, cl.e, xw, an)) || Occurs(s, cl.b, c.tok, xw, an) ||
            Occurs(s, c.tok + c.len, cl.e, xw, an)) {
          veto = true;
          break;
        }
      }
      if (veto) { TraceDrop(f, s, c.tok, "excluded word", ctx); continue; }
    }
    // An act named under another act of speech is that act's content, not an event:
    // "a menacé les Houthis de nouvelles frappes", "accused Ukraine of attacking".
    {
      bool governed = false;
      // The content clause of a demand, threat, refusal or promise ("demanded that
      // Venezuela release ...") states no event of its own.
      if (cl.subordinate && !cl.relative && t.clause > 0) {
        for (const auto& fired : out) {
          std::string_view code(fired.cameo);
          std::string_view root = code.substr(0, 2);
          bool gov = root == "03" || root == "10" || root == "12" || root == "13" || code == "112";
          if (gov && s.toks[fired.trig_b].clause == t.clause - 1 &&
              cl.b - fired.trig_e <= 2)
            governed = true;
        }
      }
      for (const auto& fired : out) {
        // Only an act that was coded governs: a candidate that failed its cue is no verb of
        // saying or intending here.
        const Cand oc{fired.trig_b, fired.trig_e - fired.trig_b, static_cast<size_t>(fired.frame - pk.frames.data()), false};
        if (s.toks[oc.tok].pos == 0 || oc.tok >= c.tok || s.toks[oc.tok].clause != t.clause) continue;
        bool verb_fired = true;
        for (const auto& cc : cands)
          if (cc.tok == oc.tok && cc.noun && cc.frame == oc.frame) verb_fired = false;
        if (!verb_fired) continue;
        if (c.tok - oc.tok > 6) continue;
        bool comma = false;
        for (int j = oc.tok + 1; j < c.tok; ++j)
          if (s.toks[j].t.kind == text::TokenKind::kPunct) comma = true;
        if (comma) continue;
        const pack::Frame& of = pk.frames[oc.frame];
        std::string_view code(of.cameo);
        std::string_view root = code.substr(0, 2);
        // Acts whose object is another act: threats, demands, refusals, intentions, and
        // allegations ("accused Ukraine of attacking"); not condemnations of a done act.
        if (root == "03" || root == "08" || root == "10" || root == "12" || root == "13" ||
            root == "16" || code == "112")
          governed = true;
        // Naming an act ("a qualifié les manœuvres russes de provocation") tells no new act,
        // whichever code the naming has (a condemnation keeps its act).
        if (of.names_act) governed = true;
      }
      if (governed && (c.noun || s.toks[c.tok].feats & (lex::kInf | lex::kPpas | lex::kPpre))) { TraceDrop(f, s, c.tok, "governed by a speech act", ctx); continue; }
    }
    // Places and times of the event: in the nominal window, else the clause.
    auto pick_place = [&](int b, int e) -> const pl::PlaceHit* {
      for (const auto& ph : s.places)
        if (ph.locative && ph.b >= b && ph.b < e) return &ph;
      for (const auto& ph : s.places)
        if (ph.b >= b && ph.b < e && LocativeByGenitive(s, ph, c.tok + c.len, an)) return &ph;
      // A place that is the object of the act: "a bombardé Khan Younès", "struck Kharkiv",
      // "des frappes sur Kiev" (cities and regions, not countries standing for states).
      for (const auto& ph : s.places) {
        if (ph.b < c.tok + c.len || ph.b >= e || ph.b > object_from + 3) continue;
        auto k = static_cast<lex::EntityKind>(an.lexicon().entity(ph.entity).kind);
        if (k == lex::EntityKind::kCity || k == lex::EntityKind::kAdmin1 || k == lex::EntityKind::kPlaceOther)
          return &ph;
      }
      return nullptr;
    };
    auto pick_time = [&](int b, int e) -> const pl::TimeHit* { return DateIn(s, b, e, an, c.tok); };
    std::vector<ActorRef> impact_targets;
    if (c.noun) {
      d.place = pick_place(window_b, window_e);
      if (impact >= 0) {
        const pl::PlaceHit* hit_place = nullptr;
        if (impact_active >= 0) {
          impact_targets = ImpactTarget(s, impact, cl, an, hit_place);
        } else {
          VerbGroup pg = AnalyseVerbGroup(s, impact, an, ctx, cl);
          impact_targets = SubjectOf(s, pg.b, clauses, an, ctx, false);
        }
        if (d.place == nullptr) d.place = hit_place;
      }
      d.time = pick_time(c.tok, window_e);
      if (d.time == nullptr) {
        // A date between the verb that carries the noun and the noun: "avait annoncé le 26
        // janvier la rupture", "a mené samedi des frappes", "launched on Friday strikes".
        int v = -1;
        for (int j = c.tok - 1; j >= cl.b && j >= c.tok - 10; --j) {
          if (s.toks[j].t.kind == text::TokenKind::kPunct) break;
          if ((s.toks[j].pos & lex::kVerb) && s.toks[j].phrase < 0 &&
              (s.toks[j].feats & (lex::kPres | lex::kPast | lex::kImpf | lex::kFut | lex::kCond | lex::kPpas))) {
            v = j;
            break;
          }
        }
        if (v >= 0) {
          d.time = pick_time(v + 1, c.tok);
          int gb = v;
          while (gb > cl.b && (s.toks[gb - 1].cls & (pl::kAuxHave | pl::kAuxBe | pl::kReflexive | pl::kAdvSkip | pl::kNeg)))
            --gb;
          d.pluperfect = Pluperfect(s, gb, v);
        }
      }
    } else {
      d.place = pick_place(cl.b, cl.e);
      d.time = pick_time(cl.b, cl.e);
      d.pluperfect = Pluperfect(s, g.b, c.tok);
      // A report not split from what it tells ("police said on Friday they had seized"):
      // a date before the act's verb group with a verb of saying before it dates the
      // telling. The act takes a date of its own after it, else (ShareTimes) the
      // telling's, unless it is a pluperfect recall, which happened earlier.
      if (d.time != nullptr && d.time->e <= g.b) {
        bool told = false;
        for (int j = cl.b; j < g.b; ++j)
          if ((s.toks[j].cls & pl::kQuoteVerb) && (s.toks[j].pos & lex::kVerb) && !InAnyTime(s, j)) told = true;
        if (told) {
          const pl::TimeHit* own = pick_time(g.b, cl.e);
          d.time = own != nullptr ? own : d.pluperfect ? nullptr : d.time;
        }
      }
      // "arrivés à Moscou, où la Russie leur a accordé l'asile": a clause opened by "où",
      // "where" takes place where its antecedent is.
      if (d.place == nullptr && cl.b > 0) {
        int w = cl.b;
        while (w < cl.e && s.toks[w].t.kind == text::TokenKind::kPunct) ++w;
        if (w < cl.e && pk.Is("relative.place", KeyOf(s.toks[w], an)))
          for (const auto& ph : s.places)
            if (ph.e <= w && ph.e >= w - 2) d.place = &ph;
      }
    }
    // Slots.
    std::vector<ActorRef> sources, targets;
    // Acts the authorities may do unnamed (arrests, deportations): the frame lists
    // `domestic` among its sources.
    const bool domestic_source =
        std::any_of(f.source.begin(), f.source.end(),
                    [](const pack::SlotSpec& sp) { return sp.slot == pack::Slot::kDomestic; });
    bool from_between = false;
    // The phrase an act of the verb is aimed at: its object, within `gap` tokens; for a verb
    // of saying with no object, the subject of the complement clause right after it ("a
    // estimé que ces frappes étaient injustifiées"), whose end `ocl_e` then bounds the
    // search. A frame listing object heads (`object =`) takes only a phrase holding one.
    auto ObjectPhrase = [&](int gap, int& ocl_e) -> const Phrase* {
      ocl_e = cl.e;
      const Phrase* obj = FirstPhraseAfter(s, window_b, cl.e, 0, "", true, an);
      if (obj != nullptr && obj->b > window_b + gap) obj = nullptr;
      if (obj == nullptr && !c.noun && (t.cls & pl::kQuoteVerb) && t.clause + 1 < static_cast<int>(clauses.size())) {
        const Clause& nx = clauses[t.clause + 1];
        if (nx.subordinate && !nx.relative && nx.b - (c.tok + c.len) <= 2) {
          obj = FirstPhraseAfter(s, nx.b + 1, nx.e, 0, "", true, an);
          if (obj != nullptr && obj->b > nx.b + 2) obj = nullptr;
          if (obj != nullptr) ocl_e = nx.e;
        }
      }
      if (obj != nullptr && !f.object_heads.empty()) {
        bool ok = false;
        for (const auto& oh : f.object_heads)
          if (Occurs(s, obj->b, std::max(obj->e, std::min(ocl_e, obj->e + 4)), oh, an)) ok = true;
        if (!ok) obj = nullptr;
      }
      return obj;
    };
    // A frame whose target may be a place takes the ground a phrase names by a part of a
    // place ("des frappes sur la banlieue sud de Beyrouth"); that place locates the act.
    const bool takes_place = std::any_of(f.target.begin(), f.target.end(),
                                         [](const pack::SlotSpec& sp) { return sp.slot == pack::Slot::kPlace; });
    const pl::PlaceHit* ground_place = nullptr;
    auto fill = [&](const std::vector<pack::SlotSpec>& specs, std::vector<ActorRef>& dst,
                    bool is_source) {
      for (const auto& sp : specs) {
        if (!dst.empty()) return;
        const Phrase* p = nullptr;
        switch (sp.slot) {
          case pack::Slot::kSubject: {
            if (c.noun) {
              // The subject of the clause the noun sits in, unless the noun is in it.
              int first_verb = -1;
              for (int j = cl.b; j < cl.e; ++j)
                if ((s.toks[j].pos & lex::kVerb) && s.toks[j].phrase < 0) {
                  first_verb = j;
                  break;
                }
              if (first_verb < 0) first_verb = cl.e > cl.b ? cl.e - 1 : cl.b;
              std::vector<ActorRef> subj;
              // The noun is the object of a support verb ("a mené une attaque", "held talks",
              // "launched strikes"): the verb's subject is the noun's agent. A noun elsewhere
              // ("on the strikes", "called the strikes an act of war") names an act already
              // told, with no new agent.
              int support = -1, nearest_verb = -1;
              for (int j = c.tok - 1; j >= cl.b && j >= c.tok - 8; --j) {
                const Tok& q = s.toks[j];
                if (q.t.kind == text::TokenKind::kPunct) {
                  std::string_view pk2 = KeyOf(q, an);
                  if (pk2 == "," || pk2 == ";" || pk2 == ":" || pk2 == ".") break;
                  continue;
                }
                if (!(q.pos & lex::kVerb) || q.phrase >= 0) continue;
                if (q.cls & (pl::kNeg2 | pl::kAdvSkip | pl::kDet | pl::kPrep)) continue;
                // A word that is also a noun, adjective or adverb is a verb only after an
                // auxiliary, a reflexive or a clitic ("ont procédé", not "plus important").
                if ((q.pos & (lex::kNoun | lex::kAdj | lex::kAdv)) &&
                    !(q.feats & (lex::kPres | lex::kPast | lex::kImpf | lex::kFut | lex::kCond)) &&
                    !(j > 0 && (s.toks[j - 1].cls & (pl::kAuxHave | pl::kAuxBe | pl::kReflexive | pl::kNeg | pl::kPronoun))))
                  continue;
                // An auxiliary right before the noun's group is the main verb ("a eu un
                // entretien"); an auxiliary before a participle is not.
                if ((q.cls & (pl::kAuxHave | pl::kAuxBe)) && nearest_verb >= 0) continue;
                if (nearest_verb < 0) nearest_verb = j;
                thread_local std::vector<std::string_view> lm2;
                Lemmas(q, lex::kVerb | lex::kAux, an, lm2);
                for (auto l : lm2)
                  if (pk.Is("support.verbs", l)) support = j;
                if (pk.Is("support.verbs", KeyOf(q, an))) support = j;
                if (support >= 0) break;
                if (!(q.cls & (pl::kAuxHave | pl::kAuxBe))) break;
              }
              int np_prep = t.phrase >= 0 ? s.phrases[t.phrase].prep : -1;
              // The noun's phrase is itself the subject of a verb that follows ("said the
              // attack was a response"): it names an act, it is not one of the subject's.
              bool subject_of_next = false;
              if (t.phrase >= 0 && np_prep < 0) {
                int after = std::max(s.phrases[t.phrase].e, c.tok + c.len);
                while (after < n && s.toks[after].phrase == t.phrase) ++after;
                if (after < n && (s.toks[after].pos & (lex::kVerb | lex::kAux)) &&
                    (s.toks[after].feats & (lex::kPres | lex::kPast | lex::kImpf | lex::kFut | lex::kCond)) &&
                    s.toks[after].phrase < 0)
                  subject_of_next = true;
              }
              // "après une réunion avec X": the subject took part in a meeting; not in the
              // strikes or protests that came before ("après des semaines de manifestations").
              bool temporal = f.mutual && np_prep >= 0 &&
                              pk.Is("temporal.prep", KeyOf(s.toks[np_prep], an));
              if (subject_of_next) {
                // no agent from the clause
              } else if (support >= 0) {
                // "ont été placés en détention", "were placed in detention": the subject
                // of a passive support verb underwent the act.
                if (!PassiveAt(s, support, an)) subj = SubjectOf(s, support, clauses, an, ctx, false);
              } else if (first_verb >= 0 && c.tok > first_verb && np_prep >= 0 && !temporal) {
                // "on the strikes", "killed in the strikes": an act already told.
              } else if (first_verb >= 0 && c.tok > first_verb && nearest_verb >= 0 &&
                         np_prep < 0 && [&] {
                           thread_local std::vector<std::string_view> lm3;
                           Lemmas(s.toks[nearest_verb], lex::kVerb, an, lm3);
                           for (auto l : lm3)
                             if (pk.Is("naming.verbs", l)) return true;
                           return false;
                         }()) {
                // "called the strikes an act of war": talk about an act, not the act.
              } else if (first_verb >= 0 && c.tok > first_verb) {
                if (!PassiveAt(s, first_verb, an))
                  subj = SubjectOf(s, first_verb, clauses, an, ctx, false);
              } else if (t.phrase >= 0) {
                // The noun is inside a phrase attached to the subject: "X, lors d'une
                // rencontre avec Y, a estimé ...".
                for (const Phrase& q : s.phrases) {
                  if (q.b >= cl.b && q.e <= c.tok && q.prep == -1 && q.appos_of < 0 &&
                      !q.members.empty()) {
                    subj = q.members;
                    break;
                  }
                }
              }
              if (!subj.empty()) dst = subj;
            } else if (g.passive) {
              if (const Phrase* ag = FirstPhraseAfter(s, window_b, cl.e, pl::kAgentPrep, "", false, an))
                dst = ag->members;
            } else if (g.participle_only) {
              if (const Phrase* ag = FirstPhraseAfter(s, window_b, cl.e, pl::kAgentPrep, "", false, an))
                dst = ag->members;
            } else {
              dst = SubjectOf(s, g.b, clauses, an, ctx, false);
              if (dst.empty()) dst = CrowdSubject(s, g.b, clauses, d.place, an, ctx);
              if (dst.empty() && ImpactVerb(s, c.tok, cl.e, an)) InstrumentSubject(s, g.b, cl, an, dst);
            }
            break;
          }
          case pack::Slot::kObject:
            if (!c.noun && g.passive) {
              dst = SubjectOf(s, g.b, clauses, an, ctx, false);
              if (dst.empty() && domestic_source)
                dst = PassivePatient(s, g.b, clauses, d.place, an, ctx);
            } else if (!c.noun && g.participle_only) {
              // "les diplomates russes expulsés": the phrase the participle ends.
              if (t.phrase >= 0 && !s.phrases[t.phrase].members.empty())
                dst = s.phrases[t.phrase].members;
            } else if (c.noun && impact >= 0) {
              dst = impact_targets;
            } else if (!c.noun) {
              p = FirstPhraseAfter(s, window_b, cl.e, 0, "", true, an);
              if (p && (p->b <= window_b + 4 || OnlyAdverbialsBetween(s, window_b, p->b)))
                dst = p->members;
              // A verb of hitting lands on a thing named by its nationality or its place:
              // "a visé une raffinerie russe", "ont frappé le port d'Odessa".
              if (dst.empty() && !is_source && ImpactVerb(s, c.tok, cl.e, an)) {
                const pl::PlaceHit* hit_place = nullptr;
                dst = ImpactTarget(s, c.tok, cl, an, hit_place);
                if (d.place == nullptr) d.place = hit_place;
              }
            }
            if (!f.object_heads.empty() && !dst.empty() && p != nullptr) {
              bool ok = false;
              for (const auto& oh : f.object_heads)
                if (Occurs(s, p->b, p->e, oh, an)) ok = true;
              if (!ok) dst.clear();
            }
            break;
          case pack::Slot::kWith:
            p = FirstPhraseAfter(s, window_b, window_e, pl::kWithPrep, "", false, an);
            if (p) dst = p->members;
            break;
          case pack::Slot::kAgainst:
            p = FirstPhraseAfter(s, window_b, window_e, pl::kAgainstPrep, "", false, an);
            if (p) dst = p->members;
            if (p && dst.empty() && !is_source && takes_place) GroundOf(s, *p, cl.e, an, dst, ground_place);
            break;
          case pack::Slot::kAgent:
            // "par X" is the agent of a passive or of an event noun; after an active verb
            // it belongs to something else ("a expulsé ... la décision prise par Alger").
            if (!c.noun && !g.passive && !g.participle_only) break;
            p = FirstPhraseAfter(s, window_b, window_e, pl::kAgentPrep, "", false, an);
            if (p) dst = p->members;
            break;
          case pack::Slot::kPrep:
            p = FirstPhraseAfter(s, window_b, window_e, 0, sp.prep, false, an);
            if (p) dst = p->members;
            if (p && dst.empty()) OriginsOf(s, *p, an, dst);
            if (p && dst.empty() && !is_source && takes_place) GroundOf(s, *p, cl.e, an, dst, ground_place);
            if (dst.empty() && !c.noun && g.dative >= 0 &&
                pk.Is("dative.prep", sp.prep)) {
              ActorRef a;
              Tok pron = s.toks[g.dative];
              pron.cls |= pk.Is("clitic.dative.plural", KeyOf(pron, an)) ? pl::kPronMPl : pl::kPronMSg;
              if (an.ResolvePronoun(pron, ctx, a)) {
                a.b = g.dative;
                a.e = g.dative + 1;
                dst.push_back(a);
              }
            }
            break;
          case pack::Slot::kGenitive:
            if (c.noun) {
              // "la visite à Niamey d'une délégation américaine": a place may come first.
              int limit = window_b + 3;
              for (const Phrase& q : s.phrases) {
                if (q.b < window_b || q.b > limit || q.prep < 0) continue;
                std::string_view pk2 = KeyOf(s.toks[q.prep], an);
                if (pk.Is("genitive", pk2)) {
                  if (!InAnyTime(s, q.b)) dst = q.members;
                  break;
                }
                if ((s.toks[q.prep].cls & pl::kLocative) && limit == window_b + 3) {
                  limit = q.e + 2;
                  continue;
                }
                break;
              }
            }
            break;
          case pack::Slot::kPossessor:
            if (c.noun && t.phrase >= 0) {
              const Phrase& tp = s.phrases[t.phrase];
              // A trigger of several words ends in the phrase whose demonym qualifies it:
              // "une frappe de drone ukrainienne".
              int pe = tp.e;
              const Tok& last = s.toks[c.tok + c.len - 1];
              if (c.len > 1 && last.phrase >= 0) pe = std::max(pe, static_cast<int>(s.phrases[last.phrase].e));
              ActorRef a;
              if (DemonymIn(s, tp.b, pe, c.tok, an, a)) {
                dst.push_back(a);
                break;
              }
            }
            if (c.noun && c.tok >= 2 && pk.Is("possessive.clitic", KeyOf(s.toks[c.tok - 1], an))) {
              const Tok& pt = s.toks[c.tok - 2];
              if (pt.phrase >= 0) dst = s.phrases[pt.phrase].members;
            } else if (c.noun && c.tok >= 1 && (s.toks[c.tok - 1].cls & pl::kPossessive)) {
              ActorRef a;
              Tok pron = s.toks[c.tok - 1];
              pron.cls |= pl::kPronMSg;
              if (an.ResolvePronoun(pron, ctx, a)) {
                a.b = c.tok - 1;  // the possessive is the referent's words here
                a.e = c.tok;
                dst.push_back(a);
              }
            }
            break;
          case pack::Slot::kBetween: {
            p = FirstPhraseAfter(s, window_b, window_e, pl::kBetweenPrep, "", false, an);
            const std::vector<ActorRef>* mem = p ? &p->members : nullptr;
            std::vector<ActorRef> compound;
            if (mem == nullptr || mem->size() < 2) {
              // A compound demonym next to the trigger: "pourparlers russo-ukrainiens".
              for (int j = std::max(0, c.tok - 2); j < std::min(n, c.tok + c.len + 2); ++j) {
                const Tok& q = s.toks[j];
                if (q.mention < 0 || s.mentions[q.mention].also.empty()) continue;
                const auto& m = s.mentions[q.mention];
                std::vector<uint32_t> ids = m.also;
                ids.push_back(m.entity);
                for (uint32_t id : ids)
                  compound.push_back(CountryActor(an.lexicon().entity(id).country, m.b, m.e));
                break;
              }
              if (compound.size() >= 2) mem = &compound;
            }
            if (mem && mem->size() >= 2) {
              if (is_source) {
                dst.push_back((*mem)[0]);
                targets.clear();
                targets.push_back((*mem)[1]);
                from_between = true;
              }
            }
            break;
          }
          case pack::Slot::kPlace:
            if (d.place) {
              const lex::Entity& en = an.lexicon().entity(d.place->entity);
              ActorRef a;
              a.b = d.place->b;
              a.e = d.place->e;
              a.country = en.country;
              a.code = a.country;
              a.name = an.lexicon().str(en.name);
              if (!a.country.empty()) dst.push_back(a);
            }
            break;
          case pack::Slot::kComplement:
            for (const Phrase& q : s.phrases) {
              if (q.b <= c.tok || q.members.empty()) continue;
              if (s.toks[q.b].clause == t.clause) continue;
              dst = q.members;
              break;
            }
            break;
          case pack::Slot::kOwner: {
            if (c.noun) break;
            int ocl_e = cl.e;
            const Phrase* obj = ObjectPhrase(4, ocl_e);
            if (obj == nullptr) break;
            // Across a quotation inside the object: "les « tactiques d'intimidation »
            // d'Israël", "the "barbaric" Russian strikes".
            {
              int after_quote = -1;
              int oe = ObjectEnd(s, *obj, ocl_e, after_quote);
              if (after_quote >= 0) {
                ActorRef a;
                if (DemonymIn(s, after_quote, oe, -1, an, a)) {
                  dst.push_back(a);
                  break;
                }
                // A genitive right after the quotation or after the words that follow it.
                for (int at : {after_quote, oe}) {
                  if (at >= ocl_e || !dst.empty()) continue;
                  std::string_view pk2 = KeyOf(s.toks[at], an);
                  if (!pk.Is("genitive", pk2)) continue;
                  for (const Phrase& q : s.phrases)
                    if (q.b <= at + 1 && q.e > at + 1 && q.b >= at) dst = q.members;
                }
                if (!dst.empty()) break;
                for (int j = after_quote; j + 1 < oe; ++j)
                  if (pk.Is("possessive.clitic", KeyOf(s.toks[j + 1], an)) && s.toks[j].phrase >= 0)
                    dst = s.phrases[s.toks[j].phrase].members;
                break;
              }
            }
            // The object's own agent first ("condemned the expulsion of four Russian
            // diplomats by France"), then a demonym or a possessive inside the object ("les
            // frappes israéliennes", "India's military action"), else a genitive right
            // after it ("de Pékin").
            for (const Phrase& q : s.phrases) {
              if (q.b <= obj->b || q.b > obj->e + 6 || q.b >= ocl_e || q.prep < 0) continue;
              if ((s.toks[q.prep].cls & pl::kAgentPrep) && !q.members.empty()) {
                dst = q.members;
                break;
              }
            }
            if (!dst.empty()) break;
            {
              ActorRef a;
              if (DemonymIn(s, obj->b, obj->e, -1, an, a)) {
                dst.push_back(a);
                break;
              }
            }
            for (int j = obj->b; j + 1 < obj->e; ++j) {
              if (!an.pack().Is("possessive.clitic", KeyOf(s.toks[j + 1], an))) continue;
              const Tok& q = s.toks[j];
              for (const Phrase& pp : s.phrases)
                if (pp.b <= j && j < pp.e && &pp != obj && !pp.members.empty()) dst = pp.members;
              if (dst.empty() && q.mention >= 0) {
                const auto& m = s.mentions[q.mention];
                const lex::Entity& en = an.lexicon().entity(m.entity);
                if (!m.candidate_person && en.country[0]) {
                  ActorRef a;
                  a.b = m.b;
                  a.e = m.e;
                  a.country = en.country;
                  a.code = lx_code(en, an);
                  dst.push_back(a);
                }
              }
              break;
            }
            if (!dst.empty()) break;
            for (const Phrase& q : s.phrases) {
              if (q.b <= obj->b || q.b > obj->e + 1 || q.prep < 0) continue;
              std::string_view pk2 = KeyOf(s.toks[q.prep], an);
              if (pk.Is("genitive", pk2) &&
                  !q.members.empty())
                dst = q.members;
              break;
            }
            if (!dst.empty()) break;
            // The genitive inside the object's phrase: "la décision de Tbilissi", "the
            // decision of Moscow" (a country or a capital standing for its government).
            for (int j = obj->b; j + 1 < obj->e; ++j) {
              std::string_view pk2 = KeyOf(s.toks[j], an);
              if (!pk.Is("genitive", pk2)) continue;
              // (Past an article: "de la Cédéao", "of the IMF".)
              int qi = j + 1;
              if ((s.toks[qi].cls & pl::kDet) && qi + 1 < obj->e && s.toks[qi].mention < 0) ++qi;
              const Tok& q = s.toks[qi];
              if (q.mention < 0) continue;
              const auto& m = s.mentions[q.mention];
              const lex::Entity& en = an.lexicon().entity(m.entity);
              auto kind = static_cast<lex::EntityKind>(en.kind);
              bool state = kind == lex::EntityKind::kCountry ||
                           (kind == lex::EntityKind::kCity && (en.flags & lex::kCapital));
              // An organisation ("la décision de la Cédéao", "the proposal of the IMF").
              if (kind == lex::EntityKind::kOrg && !m.candidate_person) {
                ActorRef a;
                a.b = m.b;
                a.e = m.e;
                a.country = en.country;
                a.code = lx_code(en, an);
                a.name = an.lexicon().str(en.name);
                if (!a.code.empty()) dst.push_back(a);
                break;
              }
              if (!state || m.candidate_person || !en.country[0]) break;
              ActorRef a = CountryActor(en.country, m.b, m.e);
              a.sector = "GOV";
              a.code += "GOV";
              dst.push_back(a);
              break;
            }
            break;
          }
          case pack::Slot::kAct: {
            if (c.noun || sources.empty()) break;
            int ocl_e = cl.e;
            const Phrase* obj = ObjectPhrase(3, ocl_e);
            if (obj == nullptr || !obj->members.empty()) break;
            if (!pk.Is("anaphoric.det", KeyOf(s.toks[obj->b], an))) break;
            int after_quote = -1;
            int oe = ObjectEnd(s, *obj, ocl_e, after_quote);
            if (after_quote >= 0 && oe > after_quote && s.toks[after_quote].phrase >= 0 &&
                !s.phrases[s.toks[after_quote].phrase].members.empty())
              break;  // the words after the quotation name an actor: not a bare act
            // The object names an act told before: its author is the target, the latest
            // one who is not the speaker's own side; when its noun names a kind of act
            // ("cette attaque", "these accusations"), the latest author of such an act.
            thread_local std::vector<std::string_view> kinds;
            ActTypesNamed(s, obj->b, oe, an, kinds);
            for (size_t k = ctx.act_authors.size(); k-- > 0;) {
              const ActorRef* it = &ctx.act_authors[k];
              if (it->country.empty() || it->country == sources[0].country) continue;
              if (!kinds.empty() && k < ctx.act_types.size()) {
                // Force is one kind: "the raid" may be told as an attack or a coercion.
                auto force = [](std::string_view t) { return t == "ASSAULT" || t == "COERCE"; };
                const std::string& told = ctx.act_types[k];
                bool same = std::any_of(kinds.begin(), kinds.end(), [&](std::string_view t) {
                  return t == told || (force(t) && force(told));
                });
                if (!same) continue;
              }
              ActorRef a = *it;
              a.b = obj->b;
              a.e = obj->e;
              dst.push_back(a);
              break;
            }
            break;
          }
          case pack::Slot::kStory: {
            if (is_source || ctx.dateline_country.empty()) break;
            if (!sources.empty() && sources[0].country == ctx.dateline_country) break;
            dst.push_back(CountryActor(ctx.dateline_country));
            break;
          }
          case pack::Slot::kAdversary: {
            if (is_source || sources.empty() || sources[0].country.empty()) break;
            if (ActorRef a; ConditionAdversary(s, c.tok + c.len, sources[0].country, an, a)) {
              dst.push_back(a);
              break;
            }
            for (auto it = ctx.dyads.rbegin(); it != ctx.dyads.rend(); ++it) {
              if (it->second.country != sources[0].country) continue;
              ActorRef a = it->first;  // named in an earlier sentence: no words here
              a.b = a.e = -1;
              a.pronoun = false;
              dst.push_back(a);
              break;
            }
            break;
          }
          case pack::Slot::kDomestic: {
            std::string country;
            if (d.place) country = an.lexicon().entity(d.place->entity).country;
            if (country.empty() && !sources.empty()) country = sources[0].country;
            // A state or its government speaking of its own country ("la France a regretté
            // ...", "Paris dénonce ...") does not aim its words at itself: no fallback target.
            // The opposition, a party or the army denouncing with no target named aim at
            // their own country's rulers, so they keep it.
            if (!sources.empty() && sources[0].country == country && !IsMaterialRoot(f.cameo) &&
                (sources[0].sector.empty() || sources[0].sector == "GOV"))
              break;
            if (!country.empty() && !is_source) dst.push_back(CountryActor(country));
            break;
          }
          case pack::Slot::kBilateral: {
            bool bil = false;
            for (int j = c.tok + 1; j < n; ++j)
              if (s.toks[j].cls & pl::kBilateral) bil = true;
            if (bil && !sources.empty() && !ctx.dyad_a.empty()) {
              const std::string& sc = sources[0].country;
              std::string partner = sc == ctx.dyad_a ? ctx.dyad_b : sc == ctx.dyad_b ? ctx.dyad_a : "";
              if (!partner.empty()) dst.push_back(CountryActor(partner));
            }
            break;
          }
        }
        if (!is_source && f.target_foreign && !sources.empty() && !sources[0].country.empty())
          std::erase_if(dst, [&](const ActorRef& a) { return a.country == sources[0].country; });
      }
    };
    fill(f.source, sources, true);
    if (!from_between) fill(f.target, targets, false);
    if (d.place == nullptr && ground_place != nullptr && !targets.empty() &&
        targets[0].b == ground_place->b)
      d.place = ground_place;
    // A passive with no agent ("trois journalistes ont été arrêtés"): a frame that lists
    // `domestic` among its sources takes the authorities of the country where it happened.
    // Not for a participle used as an adjective ("jailed activist", "ressortissants
    // détenus"): that tells a state, not an act.
    // Only an act told as done: with no one named to do it, "n'a pas été arrêté", "could be
    // arrested", "risquent d'être arrêtés", "doit être écroué" tell nobody's act.
    if (sources.empty() && !c.noun && g.passive && domestic_source &&
        (g.negated || g.hypothetical || g.conditional || g.planned || g.future || g.infinitive ||
         PassiveInfinitive(s, g.b, c.tok))) {
      TraceDrop(f, s, c.tok, "agentless passive not told as done", ctx);
      continue;
    }
    if (sources.empty() && !targets.empty() && (c.noun || g.passive)) {
      for (const auto& sp : f.source) {
        if (sp.slot != pack::Slot::kDomestic) continue;
        // Where it happened: the place named, else, for people whose country is known,
        // the dateline's country (the story's home: "four French agents were detained" in
        // a dispatch from Ouagadougou), else their own.
        std::string country = d.place ? std::string(an.lexicon().entity(d.place->entity).country)
                                      : std::string();
        if (country.empty() && !targets[0].country.empty()) country = ctx.dateline_country;
        if (country.empty()) country = targets[0].country;
        if (country.empty()) break;
        ActorRef a;
        a.country = country;
        a.sector = "GOV";
        a.code = country + "GOV";
        a.b = a.e = -1;
        a.anaphoric = true;
        sources.push_back(a);
        break;
      }
    }
    // A promise, demand, refusal or threat with no target named as such is aimed at the
    // party its content acts on: "s'est engagé à envoyer des troupes au Niger", "a menacé
    // d'expulser les soldats éthiopiens", "doit libérer 90 prisonniers palestiniens".
    if (targets.empty() && sources.size() == 1 && !c.noun && !f.mutual) {
      std::string_view root = std::string_view(f.cameo).substr(0, 2);
      if (root == "03" || root == "10" || root == "12" || root == "13") {
        for (const Phrase& q : s.phrases) {
          if (q.b <= c.tok || q.b >= cl.e || q.members.empty() || q.prep == -2) continue;
          if (q.is_time) continue;
          const ActorRef& m = q.members[0];
          if (m.country.empty() || m.country == sources[0].country) continue;
          targets.push_back(m);
          break;
        }
      }
    }
    // Drop actors that are the trigger's own phrase mislabelled (noun inside the subject).
    if (sources.empty() && f.source_required) { TraceDrop(f, s, c.tok, "no source", ctx); continue; }
    if (f.target_required && targets.empty()) { TraceDrop(f, s, c.tok, "no target", ctx); continue; }
    if (sources.empty() && targets.empty()) continue;
    // "Les deux pays se sont engagés": a reference to a pair acts as a pair.
    if (targets.empty() && sources.size() == 2 && sources[0].pronoun && sources[1].pronoun &&
        sources[0].b == sources[1].b && sources[0].e == sources[1].e) {
      targets.push_back(sources[1]);
      sources.resize(1);
      from_between = true;  // symmetric below
    }
    // Mutual frames with a compound source and no target: the members meet each other.
    bool symmetric = (f.mutual && (from_between || !targets.empty())) ||
                     (from_between && !sources.empty() && sources[0].pronoun);
    if (f.mutual && targets.empty() && sources.size() >= 2) {
      targets.assign(sources.begin() + 1, sources.end());
      sources.resize(1);
      symmetric = true;
    }
    if (f.mutual && targets.empty()) { TraceDrop(f, s, c.tok, "mutual frame with one party", ctx); continue; }
    // Modality.
    std::string modality = "asserted";
    if (!c.noun) {
      modality = ModalityOf(g);
    } else if (impact >= 0) {
      // "Des frappes n'ont pas touché", "strikes could hit": the verb of hitting's group.
      modality = ModalityOf(AnalyseVerbGroup(s, impact, an, ctx, cl));
    } else {
      // A nominal event takes the modality of its clause's verb group.
      for (int j = cl.b; j < cl.e; ++j) {
        const Tok& q = s.toks[j];
        if (q.cls & pl::kNeg) modality = "negated";
      }
      // The verb that carries it, right before it, may hold it out or plan it: "va mener
      // des frappes", "pourrait lancer une offensive", "devrait annoncer des sanctions".
      if (modality == "asserted") {
        for (int j = c.tok - 1; j >= cl.b && j >= c.tok - 8; --j) {
          const Tok& q = s.toks[j];
          if (!IsWord(q)) break;
          if (!(q.pos & lex::kVerb) || q.phrase >= 0 || (q.cls & (pl::kAuxHave | pl::kAuxBe))) continue;
          VerbGroup cg = AnalyseVerbGroup(s, j, an, ctx, cl);
          if (cg.conditional || cg.hypothetical) modality = "hypothetical";
          else if (cg.future || cg.planned) modality = "planned";
          break;
        }
      }
    }
    if (modality == "asserted" && t.in_quote) modality = "reported";
    // "X a affirmé que Y avait attaqué", "Y said Z had attacked": told by someone else.
    if (modality == "asserted" && cl.subordinate && !cl.relative && t.clause > 0) {
      const Clause& prev = clauses[t.clause - 1];
      for (int j = prev.b; j < prev.e; ++j)
        if ((s.toks[j].cls & pl::kQuoteVerb) && (s.toks[j].pos & lex::kVerb)) modality = "reported";
    }
    d.modality = modality;
    d.future = modality == "planned";
    // Fan out: each source with each target (compound actors), symmetric pairs once.
    std::vector<std::pair<ActorRef, ActorRef>> pairs;
    if (sources.empty()) {
      for (const auto& b : targets) pairs.push_back({ActorRef(), b});
    } else if (targets.empty()) {
      for (const auto& a : sources) pairs.push_back({a, ActorRef()});
    } else {
      for (const auto& a : sources)
        for (const auto& b : targets) pairs.push_back({a, b});
    }
    if (pairs.size() > 6) pairs.resize(6);
    const size_t coded_before = out.size();
    for (auto& [a, b] : pairs) {
      EventDraft e = d;
      e.source = a;
      e.has_source = a.valid();
      e.target = b;
      e.has_target = b.valid();
      if (e.has_source && e.has_target && a.code == b.code && a.b == b.b) continue;
      // An actor does not act on itself: "a averti qu'Israël répondrait" is no threat
      // against Israel.
      if (e.has_source && e.has_target && a.code == b.code && !a.country.empty()) {
        // (Protests, repression and attacks inside one country are coded country to
        // country: those stay.)
        if (!IsMaterialRoot(e.cameo)) continue;
      }
      e.symmetric = symmetric && e.has_target;
      if (!e.has_source && !e.has_target) continue;
      // An event needs a state or an organisation on one side: "the delegations" alone
      // code nothing a user can count.
      bool src_ok = e.has_source && (!a.country.empty() || a.code.size() >= 3);
      bool tgt_ok = e.has_target && (!b.country.empty() || b.code.size() >= 3);
      if (!src_ok && !tgt_ok) continue;
      out.push_back(std::move(e));
    }
    if (impact >= 0 && out.size() > coded_before) impact_taken.push_back(impact);
  }
  // One event per (root, dyad) in a sentence: several frames may see the same act.
  std::vector<EventDraft> kept;
  for (auto& e : out) {
    bool dup = false;
    for (auto& k : kept) {
      // A participle clause that tells how the act before it went ("a lancé ... plus de 90
      // drones contre l'Ukraine, frappant notamment des immeubles", "launched strikes,
      // hitting ...") is that act again: same kind, same author.
      if (k.cameo.substr(0, 2) == e.cameo.substr(0, 2) && k.has_source && e.has_source &&
          k.source.country == e.source.country && !k.source.country.empty()) {
        int kc = s.toks[k.trig_b].clause, ec = s.toks[e.trig_b].clause;
        if (ec == kc + 1 && clauses[ec].coordinated && CommaParticiple(s, clauses[ec].b, an) &&
            e.trig_b == clauses[ec].b) {
          dup = true;
          break;
        }
      }
      // The same act seen twice, once without its target ("dispersé les manifestants à
      // coups de gaz lacrymogène"): keep the fuller one.
      if (k.cameo.substr(0, 2) == e.cameo.substr(0, 2) && k.source.country == e.source.country &&
          k.has_source == e.has_source &&
          (e.source.country.size() || !e.has_source ||
           (!e.source.code.empty() && e.source.code == k.source.code))) {
        if (!e.has_target && k.has_target) { dup = true; break; }
        if (!k.has_target && e.has_target) { k = e; dup = true; break; }
      }
      if (k.cameo.substr(0, 2) != e.cameo.substr(0, 2)) continue;
      bool same = k.source.country == e.source.country && k.target.country == e.target.country;
      bool mirror = (k.symmetric || e.symmetric) && k.source.country == e.target.country &&
                    k.target.country == e.source.country;
      // Two triggers for one act ("ont eu un entretien ... se sont entretenus") share date
      // and place; distinct acts of one sentence (a call on the 12th, talks on the 18th)
      // do not.
      bool verb_and_noun = k.noun != e.noun &&
                           s.toks[k.trig_b].clause == s.toks[e.trig_b].clause &&
                           (k.time == e.time || k.time == nullptr || e.time == nullptr);
      // ("a averti qu'Israël répondrait": the warning and the answer it announces, one
      // dated, one not, are one threat.)
      bool one_undated = ((k.time == nullptr) != (e.time == nullptr) && k.place == e.place) ||
                         // "held talks in Muscat on Saturday, their first negotiations"
                         (k.time == nullptr && k.place == nullptr) ||
                         (e.time == nullptr && e.place == nullptr);
      bool same_act = k.trig_b == e.trig_b || (k.time == e.time && k.place == e.place) ||
                      verb_and_noun || one_undated;
      if ((same || mirror) && same_act) {
        dup = true;
        // The more specific reading of one act wins its code: "opened a criminal
        // investigation" is 091 whether the verb or the noun fired first.
        bool generic_k = k.cameo.size() == 3 && k.cameo.back() == '0';
        bool specific_e = !(e.cameo.size() == 3 && e.cameo.back() == '0');
        if (generic_k && specific_e && e.frame != nullptr && e.frame->plover == k.frame->plover) {
          k.cameo = e.cameo;
          k.frame = e.frame;
          k.mode = e.mode;
        }
        if (one_undated && k.time == nullptr && k.place == nullptr && k.trig_b != e.trig_b)
          k = e;  // keep the dated and placed report
      }
    }
    if (!dup) kept.push_back(std::move(e));
  }
  thread_local std::vector<bool> drop;
  DropPartiesOfMutualActs(kept, drop);
  MergeThreatContents(kept, drop);
  ShareTimes(s, clauses, an, ctx, kept);
  // A sentence's authors go in backwards, so that the first one told is the one a later
  // "the attacks" points back to ("The United States and Britain struck ...": the United
  // States).
  for (auto it = kept.rbegin(); it != kept.rend(); ++it) {
    if (it->has_source && !it->source.country.empty()) {
      ctx.act_authors.push_back(it->source);
      ctx.act_types.push_back(it->frame != nullptr ? it->frame->plover : std::string());
    }
  }
  for (const auto& e : kept) {
    if (e.has_source && e.has_target && !e.source.country.empty() && !e.target.country.empty() &&
        e.source.country != e.target.country) {
      ctx.dyads.emplace_back(e.source, e.target);
    }
  }
  if (ctx.dyads.size() > 32) ctx.dyads.erase(ctx.dyads.begin(), ctx.dyads.end() - 32);
  if (ctx.act_authors.size() > 32) {
    ctx.act_authors.erase(ctx.act_authors.begin(), ctx.act_authors.end() - 32);
    ctx.act_types.erase(ctx.act_types.begin(), ctx.act_types.end() - 32);
  }
  return kept;
}

}  // namespace attache::event
