// On-disk layout of the compiled lexicon (attache.lex). One file, memory-mapped, little
// endian, offsets instead of pointers. Every record type is trivially copyable with a fixed
// size so the reader can view the mapping directly.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace attache::lex {

inline constexpr char kMagic[8] = {'A', 'T', 'T', 'L', 'E', 'X', '0', '1'};
inline constexpr uint32_t kFormatVersion = 3;  // 2: lemmas folded; 3: form hash
inline constexpr uint32_t kEndianCheck = 0x01020304u;

enum class Lang : uint8_t { kAny = 0, kFr = 1, kEn = 2 };
// The languages with a pack, and their codes (the pack folder under data/lang/).
inline constexpr Lang kPackLangs[] = {Lang::kFr, Lang::kEn};
constexpr std::string_view LangCode(Lang lang) {
  return lang == Lang::kFr ? "fr" : lang == Lang::kEn ? "en" : "";
}

// Coarse part of speech, as a bit set: a form can have several readings.
enum Pos : uint16_t {
  kNoun = 1u << 0,
  kVerb = 1u << 1,
  kAdj = 1u << 2,
  kAdv = 1u << 3,
  kDet = 1u << 4,
  kPron = 1u << 5,
  kPrep = 1u << 6,
  kConj = 1u << 7,
  kPropn = 1u << 8,
  kNum = 1u << 9,
  kAux = 1u << 10,
  kIntj = 1u << 11,
};

// Morphological features of one reading.
enum Feat : uint32_t {
  kInf = 1u << 0,      // infinitive
  kPpas = 1u << 1,     // past participle
  kPpre = 1u << 2,     // present participle / gerund
  kPres = 1u << 3,     // present indicative
  kPast = 1u << 4,     // simple past (passé simple, English preterite)
  kImpf = 1u << 5,     // imperfect
  kFut = 1u << 6,      // future
  kCond = 1u << 7,     // conditional
  kSubj = 1u << 8,     // subjunctive
  kImper = 1u << 9,    // imperative
  kP1 = 1u << 10,
  kP2 = 1u << 11,
  kP3 = 1u << 12,
  kSg = 1u << 13,
  kPl = 1u << 14,
  kMasc = 1u << 15,
  kFem = 1u << 16,
};

// One reading of a surface form: lemma (string offset), POS bit (single), features.
struct Reading {
  uint32_t lemma;  // offset into the string pool (NUL-terminated), folded (FoldKey)
  uint16_t pos;    // one Pos bit
  uint16_t form_hash;  // text::FormHash of the accented form this reading belongs to
  uint32_t feats;  // Feat bits
};
static_assert(sizeof(Reading) == 12);

enum class EntityKind : uint8_t {
  kCountry = 1,
  kCity = 2,
  kAdmin1 = 3,
  kDemonym = 4,   // "russe", "Russes", "American": a country as adjective or people noun
  kMetonym = 5,   // "le Kremlin", "la Maison Blanche": an institution standing for a state
  kOrg = 6,       // NATO, TASS, the State Department
  kTitle = 7,     // président, foreign minister, spokesman, delegation: an agent noun
  kPerson = 8,    // a known person (with dates of office)
  kPrefix = 9,    // combining forms: "russo-", "sino-", "Franco-"
  kPlaceOther = 10,
};

enum EntityFlag : uint16_t {
  kCapital = 1u << 0,        // national capital (PPLC): may stand for the government
  kPlural = 1u << 1,
  kAnaphoric = 1u << 2,      // a title that takes its country from the discourse ("porte-parole")
  kNeedsCountry = 1u << 3,   // an org/title that is not an actor without a country
  kAbbrev = 1u << 4,         // an acronym: match case-sensitively
  kSurname = 1u << 5,        // a surname alias of a known person
  kFeminine = 1u << 6,
};

// The names of the values above, as written in data files (entity lists, irregular_verbs.txt)
// and printed by `lexc --check`: one table per enum, in bit order for the bit sets.
template <typename T>
struct NamedValue {
  std::string_view name;
  T value;
};
inline constexpr NamedValue<EntityKind> kEntityKindNames[] = {
    {"country", EntityKind::kCountry}, {"city", EntityKind::kCity},
    {"admin1", EntityKind::kAdmin1},   {"demonym", EntityKind::kDemonym},
    {"metonym", EntityKind::kMetonym}, {"org", EntityKind::kOrg},
    {"title", EntityKind::kTitle},     {"person", EntityKind::kPerson},
    {"prefix", EntityKind::kPrefix},   {"place", EntityKind::kPlaceOther}};
// `surname` is set by a "(surname)" name in an entity list, not written as a flag.
inline constexpr NamedValue<uint16_t> kEntityFlagNames[] = {
    {"capital", kCapital}, {"plural", kPlural},   {"anaphoric", kAnaphoric},
    {"needs-country", kNeedsCountry}, {"abbrev", kAbbrev}, {"surname", kSurname},
    {"feminine", kFeminine}};
inline constexpr NamedValue<uint16_t> kPosNames[] = {
    {"NOUN", kNoun}, {"VERB", kVerb}, {"ADJ", kAdj},     {"ADV", kAdv},
    {"DET", kDet},   {"PRON", kPron}, {"PREP", kPrep},   {"CONJ", kConj},
    {"PROPN", kPropn}, {"NUM", kNum}, {"AUX", kAux},     {"INTJ", kIntj}};
inline constexpr NamedValue<uint32_t> kFeatNames[] = {
    {"inf", kInf},   {"ppas", kPpas}, {"ppre", kPpre}, {"pres", kPres}, {"past", kPast},
    {"impf", kImpf}, {"fut", kFut},   {"cond", kCond}, {"subj", kSubj}, {"imper", kImper},
    {"1", kP1},      {"2", kP2},      {"3", kP3},      {"sg", kSg},     {"pl", kPl},
    {"masc", kMasc}, {"fem", kFem}};

// The entry of `table` named `name`, or nullptr.
template <typename T, size_t N>
constexpr const NamedValue<T>* FindName(const NamedValue<T> (&table)[N], std::string_view name) {
  for (const NamedValue<T>& e : table)
    if (e.name == name) return &e;
  return nullptr;
}

// The name of `value` in `table`, or "?".
template <typename T, size_t N>
constexpr std::string_view NameOf(const NamedValue<T> (&table)[N], T value) {
  for (const NamedValue<T>& e : table)
    if (e.value == value) return e.name;
  return "?";
}

// One gazetteer entity. Several keys (names, aliases, forms) point to the same entity.
struct Entity {
  uint32_t name;         // canonical display name (string offset)
  uint32_t code;         // CAMEO actor code ("RUSGOV", "IGONAT") or 0
  char country[4];       // ISO 3166-1 alpha-3, NUL-terminated, "" when none
  char sector[4];        // GOV MIL ..., "" when none
  uint8_t kind;          // EntityKind
  uint8_t lang;          // Lang the key came from (kAny for world data)
  uint16_t flags;        // EntityFlag bits
  int32_t geonameid;     // 0 when none
  float lat, lon;        // NaN when none
  uint32_t population;
  int32_t valid_from;    // days since 1970-01-01; INT32_MIN when open
  int32_t valid_to;      // days since 1970-01-01; INT32_MAX when open
  uint32_t extra;        // kind-specific string offset: admin1 code for places, role for persons
};
static_assert(sizeof(Entity) == 48);

// Open-addressing hash table bucket: key bytes in the string pool, values a run in a
// value array. An empty bucket has key_len == 0xFFFFFFFF.
struct Bucket {
  uint32_t key;       // offset into string pool
  uint32_t key_len;
  uint32_t first;     // index of first value
  uint32_t count;
};
static_assert(sizeof(Bucket) == 16);

struct SectionRef {
  uint64_t offset;
  uint64_t size;  // bytes
};

struct Header {
  char magic[8];
  uint32_t version;
  uint32_t endian;
  uint64_t file_size;
  uint64_t build_time;     // unix seconds
  SectionRef strings;      // string pool
  SectionRef form_buckets; // key: "<lang byte><folded form>" -> readings
  SectionRef readings;
  SectionRef gaz_buckets;  // key: "<lang byte><folded phrase>" -> entity ids (uint32)
  SectionRef gaz_values;
  SectionRef entities;
  SectionRef packs;        // concatenated language-pack rule text: "@@ path\n" then lines
  SectionRef lemma_forms;  // unused by version 1 readers: reserved
  uint32_t known[4];       // 0xA77AC4E0, Reading, Entity and Bucket sizes
};

}  // namespace attache::lex
