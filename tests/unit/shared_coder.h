// One coder over the built lexicon ($ATTACHE_LEXICON, else attache.lex in the working
// directory, which is build/ under ctest), opened once and shared by the tests of a binary;
// null when the lexicon cannot be opened, so a test can skip.
#pragma once

#include <cstdlib>
#include <memory>

#include "attache/coder.h"

namespace attache::test_support {

inline std::unique_ptr<Coder>& SharedCoder() {
  static std::unique_ptr<Coder> coder = [] {
    const char* path = std::getenv("ATTACHE_LEXICON");
    auto c = Coder::Open(path ? path : "attache.lex", CoderOptions{});
    return c.ok() ? std::move(c.value()) : nullptr;
  }();
  return coder;
}

}  // namespace attache::test_support
