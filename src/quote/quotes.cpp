// Quote spans and their attribution.
#include "quote/quotes.h"

#include <algorithm>

#include "text/fold.h"

namespace attache::quote {
namespace {

namespace pl = attache::pipeline;

bool IsOpen(char32_t c) { return c == U'«' || c == U'“' || c == U'„'; }
bool IsClose(char32_t c) { return c == U'»' || c == U'”'; }

int TokenAt(const pl::Sentence& s, uint32_t byte) {
  for (size_t i = 0; i < s.toks.size(); ++i)
    if (s.toks[i].t.begin <= byte && byte < s.toks[i].t.end) return static_cast<int>(i);
  return -1;
}

// The speaker phrase in [from, to): the first one naming an actor, else the first that is
// not a time ("a déclaré mercredi un porte-parole").
const pl::Phrase* PhraseStartingAfter(const pl::Sentence& s, int from, int to, bool bare) {
  const pl::Phrase* first = nullptr;
  for (const auto& p : s.phrases) {
    if (p.b < from || p.b >= to || (bare && p.prep != -1) || p.prep == -2 || p.is_time) continue;
    if (!p.members.empty() || p.person) return &p;
    if (first == nullptr) first = &p;
  }
  return first;
}

// The speaker a phrase names: its actor, else the person it names without a country. Her
// country is then the one an apposition gives ("Therese Kayikwamba Wagner, Congo's foreign
// minister"), else the one an earlier quotation's speaker of that name had ("Kayikwamba
// Wagner added"), else the dateline's (the story's home).
bool SpeakerOf(const pl::Sentence& s, const pl::Phrase& p, const pl::DocContext& ctx,
               const std::vector<QuoteDraft>& earlier, pl::ActorRef& out) {
  if (!p.members.empty()) {
    out = p.members[0];
    return true;
  }
  if (!p.person) return false;
  out = *p.person;
  if (!out.country.empty()) return true;
  const int self = static_cast<int>(&p - s.phrases.data());
  // The person's country and, lacking one, sector from an actor known to be that person.
  auto adopt = [&](const pl::ActorRef& who) {
    out.country = who.country;
    if (out.sector.empty()) out.sector = who.sector;
    out.code = who.code.empty() ? pl::ActorCode(out.country, out.sector) : who.code;
  };
  for (const auto& q : s.phrases) {
    if (q.appos_of != self || q.members.empty() || q.members[0].country.empty()) continue;
    adopt(q.members[0]);
    return true;
  }
  if (!out.name.empty()) {
    // An earlier speaker whose name ends with this one's ("Kayikwamba Wagner" ... "Wagner").
    auto ends_with_name = [](std::string_view full, std::string_view tail) {
      return full.ends_with(tail) &&
             (full.size() == tail.size() || full[full.size() - tail.size() - 1] == ' ');
    };
    for (auto it = earlier.rbegin(); it != earlier.rend(); ++it) {
      const pl::ActorRef& who = it->speaker;
      if (!it->has_speaker || who.country.empty() || who.name.empty()) continue;
      if (!ends_with_name(who.name, out.name)) continue;
      adopt(who);
      return true;
    }
  }
  if (!ctx.dateline_country.empty()) {
    out.country = ctx.dateline_country;
    out.code = pl::ActorCode(out.country, out.sector);
  }
  return true;
}

}  // namespace

std::vector<QuoteSpan> FindQuoteSpans(std::string_view text, uint32_t b, uint32_t e) {
  std::vector<QuoteSpan> out;
  int64_t open_typo = -1, open_straight = -1;
  for (size_t i = b; i < e;) {
    size_t at = i;
    char32_t c = text::NextCodePoint(text, i);
    if (c == '\n') {
      // Quotes do not cross paragraphs unclosed; a hard wrap inside a sentence is no break.
      size_t q = at;
      while (q > b && (text[q - 1] == ' ' || text[q - 1] == '\r')) --q;
      unsigned char last = q > b ? static_cast<unsigned char>(text[q - 1]) : '.';
      if (last == '.' || last == '!' || last == '?' || last == '"' || last == ':' || last == ')' ||
          last == 0xBB || last == 0x9D || last == '\n')
        open_typo = open_straight = -1;
      continue;
    }
    if (IsOpen(c)) {
      if (open_typo < 0) open_typo = static_cast<int64_t>(at);
    } else if (IsClose(c)) {
      if (open_typo >= 0) {
        out.push_back({static_cast<uint32_t>(open_typo), static_cast<uint32_t>(at)});
        open_typo = -1;
      }
    } else if (c == '"') {
      if (open_straight < 0) {
        open_straight = static_cast<int64_t>(at);
      } else {
        out.push_back({static_cast<uint32_t>(open_straight), static_cast<uint32_t>(at)});
        open_straight = -1;
      }
    }
  }
  std::sort(out.begin(), out.end(), [](const QuoteSpan& a, const QuoteSpan& b) { return a.open < b.open; });
  return out;
}

std::vector<QuoteDraft> AttributeQuotes(const std::vector<QuoteSpan>& spans,
                                        std::vector<pl::Sentence>& sentences,
                                        const std::vector<std::vector<event::Clause>>& clauses,
                                        const pl::Analyzer& an, pl::DocContext& ctx) {
  std::vector<QuoteDraft> out;
  const bool en = ctx.lang == lex::Lang::kEn;
  auto sentence_of = [&](uint32_t byte) -> int {
    for (size_t i = 0; i < sentences.size(); ++i)
      if (sentences[i].b <= byte && byte < sentences[i].e) return static_cast<int>(i);
    return -1;
  };
  const pl::ActorRef* last_speaker = nullptr;
  pl::ActorRef last_speaker_copy;
  int last_speaker_sentence = -1;
  for (const QuoteSpan& q : spans) {
    QuoteDraft d;
    size_t ob = q.open;
    text::NextCodePoint(ctx.text, ob);
    d.text_b = static_cast<uint32_t>(ob);
    d.text_e = q.close;
    // Trim spaces and a closing comma inside the marks.
    while (d.text_b < d.text_e && (ctx.text[d.text_b] == ' ' || static_cast<unsigned char>(ctx.text[d.text_b]) == 0xC2)) {
      size_t k = d.text_b;
      char32_t c = text::NextCodePoint(ctx.text, k);
      if (!text::IsSpace(c)) break;
      d.text_b = static_cast<uint32_t>(k);
    }
    while (d.text_e > d.text_b) {
      unsigned char c = static_cast<unsigned char>(ctx.text[d.text_e - 1]);
      if (c == ' ' || c == ',') { --d.text_e; continue; }
      // NBSP / narrow NBSP before »
      if (d.text_e >= d.text_b + 2 && c == 0xA0 && static_cast<unsigned char>(ctx.text[d.text_e - 2]) == 0xC2) { d.text_e -= 2; continue; }
      if (d.text_e >= d.text_b + 3 && c == 0xAF && static_cast<unsigned char>(ctx.text[d.text_e - 2]) == 0x80 && static_cast<unsigned char>(ctx.text[d.text_e - 3]) == 0xE2) { d.text_e -= 3; continue; }
      break;
    }
    // A single quoted word is kept: wire copy quotes the word a speaker chose ("a qualifié
    // l'accord d'« agression »"), and who chose it is what users ask for.
    std::string_view inner = ctx.text.substr(d.text_b, d.text_e - d.text_b);
    if (inner.empty()) continue;
    int s_open = sentence_of(q.open), s_close = sentence_of(q.close);
    if (s_open < 0 || s_close < 0) continue;
    for (int si = s_open; si <= s_close; ++si) {
      for (auto& t : sentences[si].toks)
        if (t.t.begin > q.open && t.t.end <= q.close) t.in_quote = true;
    }
    d.sentence_index = s_open;
    // (a) After the closing mark: ", a déclaré X", ", a-t-il ajouté", ", X said", ", said X".
    pl::Sentence& sc = sentences[s_close];
    int ct = TokenAt(sc, q.close);
    bool found = false;
    if (ct >= 0) {
      int n = static_cast<int>(sc.toks.size());
      int j = ct + 1;
      if (j < n && an.Key(sc.toks[j], *an.keys) == ",") ++j;
      // '..." and Australia said it was ...': a coordinator starts another statement, not
      // this quotation's attribution.
      int limit = (j < n && (sc.toks[j].cls & pl::kCoord)) ? j : std::min(n, j + 8);
      for (int v = j; v < limit && !found; ++v) {
        const pl::Tok& t = sc.toks[v];
        if (!(t.cls & pl::kQuoteVerb) || (t.cls & (pl::kAuxHave | pl::kAuxBe))) {
          if (t.t.kind == text::TokenKind::kQuote) break;
          continue;
        }
        d.verb_b = sc.toks[j].t.begin;
        // The verb group starts at the first token after the comma when it is an auxiliary.
        int vb = v;
        while (vb > j && (sc.toks[vb - 1].cls & (pl::kAuxHave | pl::kAuxBe | pl::kAdvSkip))) --vb;
        d.verb_b = sc.toks[vb].t.begin;
        d.verb_e = t.t.end;
        // Speaker: a clitic or a phrase after the verb (inversion), else the phrase before it.
        const pl::Phrase* sp = nullptr;
        for (int w = j; w < std::min(n, v + 2); ++w)
          if (sc.toks[w].t.flags & text::kClitic && sc.toks[w].phrase >= 0) sp = &sc.phrases[sc.toks[w].phrase];
        if (sp == nullptr && vb > j) sp = PhraseStartingAfter(sc, j, vb, true);
        if (sp == nullptr) sp = PhraseStartingAfter(sc, v + 1, n, true);
        if (sp != nullptr) {
          if (SpeakerOf(sc, *sp, ctx, out, d.speaker)) {
            d.has_speaker = true;
            d.speaker_sentence = s_close;
          }
          found = true;
        }
        for (const auto& th : sc.times)
          if (th.kind == "DATE" && th.b > ct) { d.time = &th; break; }
        d.sentence_index = s_close;
        found = true;
      }
    }
    // (b) A speech verb before the opening mark in its sentence: "X a estimé que ... «".
    if (!found) {
      pl::Sentence& so = sentences[s_open];
      int ot = TokenAt(so, q.open);
      for (int v = ot - 1; v >= 0 && !found; --v) {
        const pl::Tok& t = so.toks[v];
        if (!(t.cls & pl::kQuoteVerb) || (t.cls & (pl::kAuxHave | pl::kAuxBe)) || t.in_quote) continue;
        int vb = v;
        while (vb > 0 && (so.toks[vb - 1].cls & (pl::kAuxHave | pl::kAuxBe | pl::kAdvSkip | pl::kNeg))) --vb;
        auto subj = event::SubjectOf(so, vb, clauses[s_open], an, ctx, !en);
        if (subj.empty()) {
          // The subject names a person with no country, or (English) "said X".
          pl::ActorRef named;
          bool have_named = false;
          for (const auto& p : so.phrases) {
            if (p.b >= vb || p.prep != -1 || p.appos_of >= 0) continue;
            have_named = SpeakerOf(so, p, ctx, out, named);
            break;
          }
          if (!have_named && en)
            if (const pl::Phrase* sp = PhraseStartingAfter(so, v + 1, ot, true))
              have_named = SpeakerOf(so, *sp, ctx, out, named);
          if (have_named) subj.push_back(named);
        }
        d.verb_b = so.toks[vb].t.begin;
        d.verb_e = t.t.end;
        // "La cheffe de la diplomatie européenne, Kaja Kallas, a dit": the person the
        // apposition names is the speaker, with the body's code when hers is unknown.
        if (!subj.empty() && !subj[0].person && subj[0].b >= 0 &&
            subj[0].b < static_cast<int>(so.toks.size()) && so.toks[subj[0].b].phrase >= 0) {
          int head = so.toks[subj[0].b].phrase;
          for (const auto& q : so.phrases) {
            if (q.appos_of != head || q.members.empty() || !q.members[0].person ||
                q.members[0].name.empty())
              continue;
            pl::ActorRef who = q.members[0];
            if (who.country.empty() && who.code.empty()) {
              who.country = subj[0].country;
              who.code = subj[0].code;
              who.sector = subj[0].sector;
            }
            subj[0] = who;
            break;
          }
        }
        if (!subj.empty()) {
          d.speaker = subj[0];
          d.has_speaker = true;
          d.speaker_sentence = s_open;
        }
        for (const auto& th : so.times)
          if (th.kind == "DATE" && so.toks[th.b].clause == so.toks[v].clause) { d.time = &th; break; }
        found = true;
      }
    }
    // (b') No speech verb: the quotation is part of what the sentence's subject did ("X a
    // appelé à un scrutin « transparent »", "X called the raid "an authoritarian act"").
    if (!found) {
      pl::Sentence& so = sentences[s_open];
      int ot = TokenAt(so, q.open);
      for (int v = 0; v < ot && !found; ++v) {
        const pl::Tok& t = so.toks[v];
        if (!(t.pos & lex::kVerb) || t.phrase >= 0 || t.in_quote) continue;
        if (!(t.feats & (lex::kPres | lex::kPast | lex::kImpf | lex::kFut | lex::kCond | lex::kPpas))) continue;
        auto subj = event::SubjectOf(so, v, clauses[s_open], an, ctx, false);
        if (subj.empty()) break;
        d.speaker = subj[0];
        d.has_speaker = true;
        d.speaker_sentence = s_open;
        found = true;
      }
    }
    // (c) "selon X", "according to X" anywhere in the sentence.
    if (!found) {
      pl::Sentence& so = sentences[s_open];
      for (size_t v = 0; v < so.toks.size() && !found; ++v) {
        if (!(so.toks[v].cls & pl::kAttribution) || so.toks[v].in_quote) continue;
        for (const auto& p : so.phrases) {
          if (p.prep == static_cast<int>(v) || (p.prep >= 0 && (so.toks[p.prep].cls & pl::kAttribution) && p.b > static_cast<int>(v))) {
            if (!p.members.empty()) {
              d.speaker = p.members[0];
              d.has_speaker = true;
              d.speaker_sentence = s_open;
              found = true;
            }
            break;
          }
        }
      }
    }
    // (d) An unattributed quote right after another: the same speaker goes on.
    if (!d.has_speaker && last_speaker != nullptr) {
      d.speaker = last_speaker_copy;
      d.has_speaker = true;
      d.speaker_sentence = last_speaker_sentence;
    }
    if (d.has_speaker) {
      last_speaker_copy = d.speaker;
      last_speaker_sentence = d.speaker_sentence;
      last_speaker = &last_speaker_copy;
      if (d.speaker.person) an.Remember(d.speaker, d.sentence_index, true, ctx);
    }
    out.push_back(d);
  }
  return out;
}

}  // namespace attache::quote
