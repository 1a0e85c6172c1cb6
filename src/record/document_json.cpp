// The document record of spec/output.md as one JSON line, the error record, and the
// format dispatch. Field order follows the spec so a human reading a line finds things
// where the spec lists them; every contract field is written even when null or empty.
#include <string>

#include "attache/record.h"
#include "record/document_parts.h"
#include "record/json_writer.h"

namespace attache {

namespace record {

void WriteSpanFields(JsonWriter& w, const Span& span) {
  w.Field("text", span.text);
  w.Field("start", span.start);
  w.Field("end", span.end);
}

void WriteStringArray(JsonWriter& w, const std::vector<std::string>& items) {
  w.BeginArray();
  for (const std::string& s : items) w.String(s);
  w.EndArray();
}

void WriteCredits(JsonWriter& w, const std::vector<Credit>& credits) {
  w.BeginArray();
  for (const Credit& c : credits) {
    w.BeginObject();
    w.Field("name", c.name);
    w.Field("role", c.role);
    w.Field("place", c.place);
    w.EndObject();
  }
  w.EndArray();
}

void WriteDiagnostics(JsonWriter& w, const std::vector<Diagnostic>& diagnostics) {
  w.BeginArray();
  for (const Diagnostic& d : diagnostics) {
    w.BeginObject();
    w.Field("code", d.code);
    w.Field("message", d.message);
    w.EndObject();
  }
  w.EndArray();
}

}  // namespace record

namespace {

using record::JsonWriter;
using record::kConfidenceDecimals;
using record::kGoldsteinDecimals;
using record::kLatLonDecimals;
using record::WriteDiagnostics;
using record::WriteSpanFields;

void WriteActor(JsonWriter& w, const std::optional<Actor>& actor) {
  if (!actor) {
    w.Null();
    return;
  }
  w.BeginObject();
  WriteSpanFields(w, actor->span);
  w.Field("name", actor->name);
  w.Field("country", actor->country);
  w.Field("sector", actor->sector);
  w.Field("code", actor->code);
  w.EndObject();
}

void WritePlace(JsonWriter& w, const std::optional<Place>& place) {
  if (!place) {
    w.Null();
    return;
  }
  w.BeginObject();
  WriteSpanFields(w, place->span);
  w.Field("name", place->name);
  w.Field("country", place->country);
  w.Key("lat");
  w.Double(place->lat, kLatLonDecimals);
  w.Key("lon");
  w.Double(place->lon, kLatLonDecimals);
  w.Field("geonameid", place->geonameid);
  w.Field("feature", place->feature);
  w.Field("basis", place->basis);
  w.EndObject();
}

void WriteEvent(JsonWriter& w, const Event& e) {
  w.BeginObject();
  w.Field("id", e.id);
  w.Field("plover", e.plover);
  w.Field("plover_mode", e.plover_mode);
  w.Key("context");
  record::WriteStringArray(w, e.context);
  w.Field("cameo", e.cameo);
  w.Field("quad", e.quad);
  w.Key("goldstein");
  w.Double(e.goldstein, kGoldsteinDecimals);
  w.Key("source");
  WriteActor(w, e.source);
  w.Key("target");
  WriteActor(w, e.target);
  w.Field("symmetric", e.symmetric);
  w.Field("date", e.date);
  w.Field("date_text", e.date_text);
  w.Field("date_precision", e.date_precision);
  w.Key("location");
  WritePlace(w, e.location);
  w.Key("sentence");
  w.BeginObject();
  w.Field("index", e.sentence.index);
  WriteSpanFields(w, e.sentence.span);
  w.EndObject();
  w.Key("trigger");
  w.BeginObject();
  WriteSpanFields(w, e.trigger);
  w.EndObject();
  w.Field("modality", e.modality);
  w.Field("rule", e.rule);
  w.Key("confidence");
  w.Double(e.confidence, kConfidenceDecimals);
  w.EndObject();
}

void WriteQuote(JsonWriter& w, const Quote& q) {
  w.BeginObject();
  WriteSpanFields(w, q.span);
  w.Key("speaker");
  WriteActor(w, q.speaker);
  w.Field("verb", q.verb);
  w.Field("date", q.date);
  w.Field("sentence_index", q.sentence_index);
  w.EndObject();
}

void WriteMention(JsonWriter& w, const Mention& m) {
  w.BeginObject();
  WriteSpanFields(w, m.span);
  w.Field("type", m.type);
  w.Field("name", m.name);
  w.Field("country", m.country);
  w.Field("sector", m.sector);
  w.EndObject();
}

void WriteTime(JsonWriter& w, const TimeMention& t) {
  w.BeginObject();
  WriteSpanFields(w, t.span);
  w.Field("value", t.value);
  w.Field("kind", t.kind);
  w.EndObject();
}

// The error record keeps every key of a document record (null or empty) so a consumer
// that reads document records needs no special case beyond skipping on "error".
std::string ErrorRecord(std::string_view id, const std::optional<std::string>& source_uri,
                        std::string_view code, std::string_view message,
                        const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  out.reserve(256 + id.size() + message.size());
  JsonWriter w(&out);
  w.BeginObject();
  w.Field("id", id);
  w.Field("source_uri", source_uri);
  w.Key("error");
  w.BeginObject();
  w.Field("code", code);
  w.Field("message", message);
  w.EndObject();
  w.Key("lang");
  w.Null();
  for (std::string_view key : {"title", "provider", "published", "version_note"}) {
    w.Key(key);
    w.Null();
  }
  for (std::string_view key : {"credits", "events", "quotes", "mentions", "times"}) {
    w.Key(key);
    w.BeginArray();
    w.EndArray();
  }
  w.Key("diagnostics");
  WriteDiagnostics(w, diagnostics);
  w.EndObject();
  return out;
}

// A rough size so the record is built with few reallocations: texts dominate.
size_t EstimateSize(const Document& doc) {
  size_t n = 512;
  for (const Event& e : doc.events) n += 900 + e.sentence.span.text.size();
  n += doc.quotes.size() * 300 + doc.mentions.size() * 160 + doc.times.size() * 100;
  return n;
}

}  // namespace

std::string ToJson(const Document& doc) {
  if (doc.failed) {
    const Diagnostic fallback{"failed", "the document could not be coded"};
    const Diagnostic& first = doc.diagnostics.empty() ? fallback : doc.diagnostics.front();
    std::vector<Diagnostic> diagnostics = doc.diagnostics;
    if (diagnostics.empty()) diagnostics.push_back(fallback);
    return ErrorRecord(doc.id, doc.source_uri, first.code, first.message, diagnostics);
  }
  std::string out;
  out.reserve(EstimateSize(doc));
  JsonWriter w(&out);
  w.BeginObject();
  w.Field("id", doc.id);
  w.Field("source_uri", doc.source_uri);
  w.Field("lang", doc.lang);
  w.Field("title", doc.title);
  w.Field("provider", doc.provider);
  w.Field("published", doc.published);
  w.Field("version_note", doc.version_note);
  w.Key("credits");
  record::WriteCredits(w, doc.credits);
  w.Key("events");
  w.BeginArray();
  for (const Event& e : doc.events) WriteEvent(w, e);
  w.EndArray();
  w.Key("quotes");
  w.BeginArray();
  for (const Quote& q : doc.quotes) WriteQuote(w, q);
  w.EndArray();
  w.Key("mentions");
  w.BeginArray();
  for (const Mention& m : doc.mentions) WriteMention(w, m);
  w.EndArray();
  w.Key("times");
  w.BeginArray();
  for (const TimeMention& t : doc.times) WriteTime(w, t);
  w.EndArray();
  w.Key("diagnostics");
  WriteDiagnostics(w, doc.diagnostics);
  // Added field: present (null) in every document record so readers can test one key to
  // tell document records from error records.
  w.Key("error");
  w.Null();
  w.EndObject();
  return out;
}

std::string ErrorRecordJson(const std::string& id, const std::string& source_uri,
                            const std::string& code, const std::string& message) {
  std::optional<std::string> uri;
  if (!source_uri.empty()) uri = source_uri;  // empty means unknown: null, as everywhere
  return ErrorRecord(id, uri, code, message, {Diagnostic{code, message}});
}

std::string Render(const Document& doc, OutputFormat format) {
  switch (format) {
    case OutputFormat::kDoc: {
      std::string line = ToJson(doc);
      line.push_back('\n');
      return line;
    }
    case OutputFormat::kPlover:
      return ToPloverLines(doc);
    case OutputFormat::kGdelt:
      return ToGdeltLines(doc);
    case OutputFormat::kCameo:
      return ToCameoLines(doc);
  }
  return std::string();
}

}  // namespace attache
