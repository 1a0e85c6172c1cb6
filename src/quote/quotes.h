// Quotations: spans in « », “ ” and " ", their speaker from the attribution around them
// ("a déclaré X", "a-t-il ajouté", "X said", "selon X", a speech verb before the quote),
// the attribution verb and its date.
#pragma once

#include <string>
#include <vector>

#include "event/events.h"
#include "pipeline/analysis.h"
#include "pipeline/engine.h"

namespace attache::quote {

struct QuoteSpan {
  uint32_t open = 0, close = 0;  // bytes of the quotation marks in the normalised text
};

// Pairs quotation marks within each paragraph of text[b, e).
std::vector<QuoteSpan> FindQuoteSpans(std::string_view text, uint32_t b, uint32_t e);

struct QuoteDraft {
  uint32_t text_b = 0, text_e = 0;  // bytes inside the marks
  bool has_speaker = false;
  pipeline::ActorRef speaker;
  int speaker_sentence = -1;
  uint32_t verb_b = 0, verb_e = 0;
  const pipeline::TimeHit* time = nullptr;
  int sentence_index = 0;
};

std::vector<QuoteDraft> AttributeQuotes(const std::vector<QuoteSpan>& spans,
                                        std::vector<pipeline::Sentence>& sentences,
                                        const std::vector<std::vector<event::Clause>>& clauses,
                                        const pipeline::Analyzer& an, pipeline::DocContext& ctx);

}  // namespace attache::quote
