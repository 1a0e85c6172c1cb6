// Lexicon reader: mmap, header and layout checks, lookups.
#include "lexicon/lexicon.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>

#include "lexicon/hash.h"

namespace attache {

Lexicon::~Lexicon() {
  if (map_ != nullptr) munmap(map_, map_size_);
}

StatusOr<std::unique_ptr<Lexicon>> Lexicon::Open(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return Status::Error("cannot open lexicon " + path + ": " + std::strerror(errno) +
                         " (build it with `ninja -C build lexicon`, or pass --lexicon)");
  }
  struct stat st {};
  if (fstat(fd, &st) != 0 || static_cast<size_t>(st.st_size) < sizeof(lex::Header)) {
    ::close(fd);
    return Status::Error("lexicon " + path + " is truncated");
  }
  void* map = mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_SHARED, fd, 0);
  ::close(fd);
  if (map == MAP_FAILED) return Status::Error("cannot map lexicon " + path);
  std::unique_ptr<Lexicon> lx(new Lexicon());
  lx->map_ = map;
  lx->map_size_ = static_cast<size_t>(st.st_size);
  const auto* h = static_cast<const lex::Header*>(map);
  if (std::memcmp(h->magic, lex::kMagic, 8) != 0)
    return Status::Error(path + " is not an attache lexicon");
  if (h->endian != lex::kEndianCheck)
    return Status::Error(path + " was built on a machine of the other byte order");
  if (h->version != lex::kFormatVersion) {
    return Status::Error(path + " has lexicon format version " + std::to_string(h->version) +
                         " but this attache reads version " +
                         std::to_string(lex::kFormatVersion) +
                         ": rebuild it with `ninja -C build lexicon`");
  }
  if (h->known[0] != 0xA77AC4E0u || h->known[1] != sizeof(lex::Reading) ||
      h->known[2] != sizeof(lex::Entity) || h->known[3] != sizeof(lex::Bucket) ||
      h->file_size != lx->map_size_) {
    return Status::Error(path + " does not match this build's record layout: rebuild it");
  }
  const char* base = static_cast<const char*>(map);
  auto sec = [&](const lex::SectionRef& r) { return base + r.offset; };
  lx->header_ = h;
  lx->strings_ = sec(h->strings);
  lx->form_buckets_ = {reinterpret_cast<const lex::Bucket*>(sec(h->form_buckets)),
                       h->form_buckets.size / sizeof(lex::Bucket)};
  lx->readings_ = {reinterpret_cast<const lex::Reading*>(sec(h->readings)),
                   h->readings.size / sizeof(lex::Reading)};
  lx->gaz_buckets_ = {reinterpret_cast<const lex::Bucket*>(sec(h->gaz_buckets)),
                      h->gaz_buckets.size / sizeof(lex::Bucket)};
  lx->gaz_values_ = {reinterpret_cast<const uint32_t*>(sec(h->gaz_values)),
                     h->gaz_values.size / sizeof(uint32_t)};
  lx->entities_ = {reinterpret_cast<const lex::Entity*>(sec(h->entities)),
                   h->entities.size / sizeof(lex::Entity)};
  std::string_view packs(sec(h->packs), h->packs.size);
  size_t pos = 0;
  while (pos < packs.size()) {
    if (packs.compare(pos, 3, "@@ ") != 0) break;
    size_t nl = packs.find('\n', pos);
    if (nl == std::string_view::npos) break;
    std::string_view path_part = packs.substr(pos + 3, nl - pos - 3);
    size_t next = packs.find("\n@@ ", nl);
    size_t text_end = next == std::string_view::npos ? packs.size() : next + 1;
    lx->packs_.push_back({path_part, packs.substr(nl + 1, text_end - nl - 1)});
    pos = text_end;
  }
  return lx;
}

std::span<const lex::Bucket> Lexicon::Find(std::span<const lex::Bucket> table, lex::Lang lang,
                                           std::string_view key, uint32_t& first,
                                           uint32_t& count) const {
  first = count = 0;
  if (table.empty()) return {};
  size_t mask = table.size() - 1;
  size_t pos = lex::KeyHash(static_cast<uint8_t>(lang), key) & mask;
  for (size_t probe = 0; probe < table.size(); ++probe) {
    const lex::Bucket& b = table[pos];
    if (b.key_len == 0xFFFFFFFFu) return {};
    if (b.key_len == key.size() + 1 && static_cast<uint8_t>(strings_[b.key]) ==
                                           static_cast<uint8_t>(lang) &&
        std::memcmp(strings_ + b.key + 1, key.data(), key.size()) == 0) {
      first = b.first;
      count = b.count;
      return table.subspan(pos, 1);
    }
    pos = (pos + 1) & mask;
  }
  return {};
}

std::span<const lex::Reading> Lexicon::Readings(lex::Lang lang, std::string_view folded) const {
  uint32_t first, count;
  if (Find(form_buckets_, lang, folded, first, count).empty()) return {};
  return readings_.subspan(first, count);
}

std::span<const uint32_t> Lexicon::Entities(lex::Lang lang, std::string_view key) const {
  uint32_t first, count;
  if (Find(gaz_buckets_, lang, key, first, count).empty()) return {};
  return gaz_values_.subspan(first, count);
}

}  // namespace attache
