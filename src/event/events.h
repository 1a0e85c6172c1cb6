// Event frames over the analysed sentence: triggers (verbs through their verb group,
// nouns through their complements), slots for source and target, modality, date and place.
#pragma once

#include <string>
#include <vector>

#include "pack/pack.h"
#include "pipeline/analysis.h"
#include "pipeline/engine.h"

namespace attache::event {

struct Clause {
  int b = 0, e = 0;             // token range
  bool coordinated = false;     // began with "et"/"and" before a verb: shares the subject
  bool subordinate = false;     // began with que/that/qui...
  bool relative = false;        // began with a relative pronoun: qui/who/which
  int speech_parent = -1;       // the clause whose speech verb introduces this one
  int resume = -1;              // after ", que ... ,": the clause this one continues
};

struct EventDraft {
  const pack::Frame* frame = nullptr;
  pipeline::ActorRef source, target;
  bool has_source = false, has_target = false;
  bool symmetric = false;
  int trig_b = 0, trig_e = 0;   // token range of the trigger
  std::string modality = "asserted";
  const pipeline::TimeHit* time = nullptr;
  bool future = false;
  bool pluperfect = false;  // the act's verb group is a pluperfect ("had seized", "avait expulsé")
  const pipeline::PlaceHit* place = nullptr;
  std::string cameo, mode;
  double confidence = 0.5;
  bool noun = false;  // the trigger is an event noun
};

std::vector<Clause> SplitClauses(pipeline::Sentence& s, const pipeline::Analyzer& an);

std::vector<EventDraft> FindEvents(pipeline::Sentence& s, pipeline::DocContext& ctx,
                                   const pipeline::Analyzer& an,
                                   const std::vector<Clause>& clauses);

// The subject of the verb group starting at token `v` (resolved actors), or empty.
std::vector<pipeline::ActorRef> SubjectOf(const pipeline::Sentence& s, int v,
                                          const std::vector<Clause>& clauses,
                                          const pipeline::Analyzer& an,
                                          pipeline::DocContext& ctx, bool allow_inversion);

}  // namespace attache::event
