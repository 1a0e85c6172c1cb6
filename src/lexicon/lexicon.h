// The compiled lexicon at run time: a read-only memory mapping of attache.lex, shared by all
// threads. Lookups take string views and return views into the mapping; nothing allocates.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "attache/status.h"
#include "lexicon/format.h"

namespace attache {

class Lexicon {
 public:
  static StatusOr<std::unique_ptr<Lexicon>> Open(const std::string& path);
  ~Lexicon();
  Lexicon(const Lexicon&) = delete;
  Lexicon& operator=(const Lexicon&) = delete;

  // Readings of a folded surface form in `lang`.
  std::span<const lex::Reading> Readings(lex::Lang lang, std::string_view folded) const;
  // Entities whose alias key (space-joined folded tokens) is `key`, in `lang` only.
  std::span<const uint32_t> Entities(lex::Lang lang, std::string_view key) const;
  const lex::Entity& entity(uint32_t id) const { return entities_[id]; }
  size_t entity_count() const { return entities_.size(); }
  const char* str(uint32_t offset) const { return strings_ + offset; }

  struct PackFile {
    std::string_view path;  // relative to data/: "lang/fr/frames/consult.txt"
    std::string_view text;
  };
  const std::vector<PackFile>& pack_files() const { return packs_; }
  uint64_t build_time() const { return header_->build_time; }

 private:
  Lexicon() = default;
  std::span<const lex::Bucket> Find(std::span<const lex::Bucket> table, lex::Lang lang,
                                    std::string_view key, uint32_t& first, uint32_t& count) const;
  void* map_ = nullptr;
  size_t map_size_ = 0;
  const lex::Header* header_ = nullptr;
  const char* strings_ = nullptr;
  std::span<const lex::Bucket> form_buckets_, gaz_buckets_;
  std::span<const lex::Reading> readings_;
  std::span<const uint32_t> gaz_values_;
  std::span<const lex::Entity> entities_;
  std::vector<PackFile> packs_;
};

}  // namespace attache
