// Builder: collects forms, entities, aliases and pack text, then lays them out as one
// little-endian file with offsets (format.h).
#include "lexicon/builder.h"

#include <algorithm>
#include <cstring>
#include <ctime>
#include <fstream>

#include "lexicon/hash.h"
#include "lexicon/lexicon.h"
#include "pack/pack.h"
#include "text/fold.h"
#include "text/normalize.h"
#include "text/tokenize.h"

namespace attache::lex {
namespace {

std::string LangKey(Lang lang, std::string_view key) {
  std::string k;
  k.reserve(key.size() + 1);
  k.push_back(static_cast<char>(lang));
  k.append(key);
  return k;
}

class StringPool {
 public:
  StringPool() { data_.push_back('\0'); }  // offset 0 is the empty string
  uint32_t Add(std::string_view s) {
    if (s.empty()) return 0;
    auto it = index_.find(std::string(s));
    if (it != index_.end()) return it->second;
    uint32_t off = static_cast<uint32_t>(data_.size());
    data_.append(s);
    data_.push_back('\0');
    index_.emplace(std::string(s), off);
    return off;
  }
  const std::string& data() const { return data_; }

 private:
  std::string data_;
  std::unordered_map<std::string, uint32_t> index_;
};

template <typename V>
std::vector<Bucket> BuildTable(const std::unordered_map<std::string, std::vector<V>>& map,
                               StringPool& pool, std::vector<V>& values) {
  size_t cap = 16;
  while (cap < map.size() * 2) cap <<= 1;
  std::vector<Bucket> buckets(cap, Bucket{0, 0xFFFFFFFFu, 0, 0});
  // Deterministic order so two builds of the same data give the same file.
  std::vector<const std::string*> keys;
  keys.reserve(map.size());
  for (const auto& [k, v] : map) keys.push_back(&k);
  std::sort(keys.begin(), keys.end(), [](auto* a, auto* b) { return *a < *b; });
  for (const std::string* k : keys) {
    const auto& vals = map.at(*k);
    uint8_t lang = static_cast<uint8_t>((*k)[0]);
    std::string_view body(k->data() + 1, k->size() - 1);
    size_t pos = KeyHash(lang, body) & (cap - 1);
    while (buckets[pos].key_len != 0xFFFFFFFFu) pos = (pos + 1) & (cap - 1);
    Bucket& b = buckets[pos];
    b.key = pool.Add(*k);
    b.key_len = static_cast<uint32_t>(k->size());
    b.first = static_cast<uint32_t>(values.size());
    b.count = static_cast<uint32_t>(vals.size());
    values.insert(values.end(), vals.begin(), vals.end());
  }
  return buckets;
}

// Every language's pack from the pack files, through pack::LoadPack as the coder does.
Status LoadPacks(const std::vector<std::pair<std::string, std::string>>& pack_files,
                 pack::LanguagePack (&out)[std::size(kPackLangs)]) {
  std::vector<Lexicon::PackFile> files;
  files.reserve(pack_files.size());
  for (const auto& [p, t] : pack_files) files.push_back({p, t});
  for (size_t i = 0; i < std::size(kPackLangs); ++i) {
    Status st = pack::LoadPack(LangCode(kPackLangs[i]), files, out[i]);
    if (!st.ok()) return st;
  }
  return Status::Ok();
}

void CopyCode(char* dst, std::string_view s) {
  std::memset(dst, 0, 4);
  std::memcpy(dst, s.data(), std::min<size_t>(3, s.size()));
}

}  // namespace

std::string FoldKey(std::string_view text) { return text::Fold(text::Nfc(text)); }

void Builder::AddForm(Lang lang, std::string_view form, std::string_view lemma, uint16_t pos,
                      uint32_t feats) {
  std::string nfc_form = text::Nfc(form);
  std::string key = LangKey(lang, text::Fold(nfc_form));
  // Lemmas are stored folded: the runtime compares them with folded pack words without
  // folding anything per token.
  FormReading r{FoldKey(lemma), pos, feats, text::FormHash(nfc_form)};
  auto& v = forms_[key];
  if (std::find(v.begin(), v.end(), r) == v.end()) v.push_back(std::move(r));
}

uint32_t Builder::AddEntity(const EntitySpec& spec) {
  entities_.push_back(spec);
  return static_cast<uint32_t>(entities_.size() - 1);
}

void Builder::AddAlias(Lang lang, std::string_view phrase, uint32_t id) {
  aliases_.push_back({lang, text::Nfc(phrase), id});
}

void Builder::AddPackFile(std::string_view path, std::string_view text) {
  packs_.emplace_back(std::string(path), std::string(text));
}

Status Builder::CheckPacks() const {
  pack::LanguagePack lang_packs[std::size(kPackLangs)];
  return LoadPacks(packs_, lang_packs);
}

Status Builder::Write(const std::string& path) const {
  // The packs, read as the coder reads them: their tokenizers key the aliases, and a rule
  // file the coder would refuse fails the build here.
  pack::LanguagePack lang_packs[std::size(kPackLangs)];
  Status loaded = LoadPacks(packs_, lang_packs);
  if (!loaded.ok()) return loaded;
  // Aliases: key -> entity ids.
  std::unordered_map<std::string, std::vector<uint32_t>> alias_map;
  alias_map.reserve(aliases_.size());
  auto add = [&](Lang lang, const std::string& key, uint32_t id) {
    if (key.empty()) return;
    auto& v = alias_map[LangKey(lang, key)];
    if (std::find(v.begin(), v.end(), id) == v.end()) v.push_back(id);
  };
  std::string keys[std::size(kPackLangs)];
  for (const Alias& a : aliases_) {
    for (size_t i = 0; i < std::size(kPackLangs); ++i) {
      keys[i].clear();
      if (a.lang == Lang::kAny || a.lang == kPackLangs[i])
        keys[i] = text::PhraseKey(a.phrase, lang_packs[i].Tokenizer());
    }
    if (a.lang != Lang::kAny) {
      for (size_t i = 0; i < std::size(kPackLangs); ++i) add(a.lang, keys[i], a.id);
      continue;
    }
    bool same = std::all_of(std::begin(keys), std::end(keys),
                            [&](const std::string& k) { return k == keys[0]; });
    if (same) {
      add(Lang::kAny, keys[0], a.id);
    } else {
      for (size_t i = 0; i < std::size(kPackLangs); ++i) add(kPackLangs[i], keys[i], a.id);
    }
  }
  // The runtime looks a key up in its language and in kAny: an id already under the kAny
  // key would be found twice.
  for (auto& [k, ids] : alias_map) {
    if (static_cast<Lang>(k[0]) == Lang::kAny) continue;
    auto any = alias_map.find(LangKey(Lang::kAny, std::string_view(k).substr(1)));
    if (any == alias_map.end()) continue;
    std::erase_if(ids, [&](uint32_t id) {
      return std::find(any->second.begin(), any->second.end(), id) != any->second.end();
    });
  }
  std::erase_if(alias_map, [](const auto& kv) { return kv.second.empty(); });

  StringPool pool;
  // Forms.
  std::unordered_map<std::string, std::vector<Reading>> form_map;
  form_map.reserve(forms_.size());
  for (const auto& [k, rs] : forms_) {
    auto& out = form_map[k];
    for (const auto& r : rs) out.push_back(Reading{pool.Add(r.lemma), r.pos, r.form_hash, r.feats});
  }
  std::vector<Reading> readings;
  std::vector<Bucket> form_buckets = BuildTable(form_map, pool, readings);
  // Entities.
  std::vector<Entity> ents;
  ents.reserve(entities_.size());
  for (const auto& s : entities_) {
    Entity e{};
    e.name = pool.Add(s.name);
    e.code = pool.Add(s.code);
    CopyCode(e.country, s.country);
    CopyCode(e.sector, s.sector);
    e.kind = static_cast<uint8_t>(s.kind);
    e.lang = static_cast<uint8_t>(s.lang);
    e.flags = s.flags;
    e.geonameid = s.geonameid;
    e.lat = s.lat;
    e.lon = s.lon;
    e.population = s.population;
    e.valid_from = s.valid_from;
    e.valid_to = s.valid_to;
    e.extra = pool.Add(s.extra);
    ents.push_back(e);
  }
  std::vector<uint32_t> gaz_values;
  std::vector<Bucket> gaz_buckets = BuildTable(alias_map, pool, gaz_values);
  std::string packs;
  for (const auto& [p, t] : packs_) {
    packs += "@@ " + p + "\n" + t;
    if (!t.empty() && t.back() != '\n') packs.push_back('\n');
  }

  Header h{};
  std::memcpy(h.magic, kMagic, 8);
  h.version = kFormatVersion;
  h.endian = kEndianCheck;
  h.build_time = static_cast<uint64_t>(std::time(nullptr));
  h.known[0] = 0xA77AC4E0u;
  h.known[1] = sizeof(Reading);
  h.known[2] = sizeof(Entity);
  h.known[3] = sizeof(Bucket);
  std::string file(sizeof(Header), '\0');
  auto append = [&](SectionRef& ref, const void* data, size_t bytes) {
    while (file.size() % 16 != 0) file.push_back('\0');
    ref.offset = file.size();
    ref.size = bytes;
    file.append(static_cast<const char*>(data), bytes);
  };
  append(h.form_buckets, form_buckets.data(), form_buckets.size() * sizeof(Bucket));
  append(h.readings, readings.data(), readings.size() * sizeof(Reading));
  append(h.gaz_buckets, gaz_buckets.data(), gaz_buckets.size() * sizeof(Bucket));
  append(h.gaz_values, gaz_values.data(), gaz_values.size() * sizeof(uint32_t));
  append(h.entities, ents.data(), ents.size() * sizeof(Entity));
  append(h.packs, packs.data(), packs.size());
  append(h.strings, pool.data().data(), pool.data().size());
  h.file_size = file.size();
  std::memcpy(file.data(), &h, sizeof(Header));

  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Status::Error("cannot write " + tmp);
    out.write(file.data(), static_cast<std::streamsize>(file.size()));
    if (!out) return Status::Error("write failed: " + tmp);
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) return Status::Error("cannot rename " + tmp);
  return Status::Ok();
}

}  // namespace attache::lex
