// Throughput of the coder on the project's own dispatches (tests/eval and examples/, French
// and English): bytes, documents, words and events per second, on one thread and on
// several sharing one Coder (its lexicon is immutable and mmapped, so threads share it).
//
//   build/bench/attache_bench --benchmark_counters_tabular=true
//
// The lexicon is $ATTACHE_LEXICON, else build/attache.lex.

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "attache/coder.h"
#include "text/strings.h"

namespace {

namespace fs = std::filesystem;

struct Corpus {
  std::vector<attache::DocumentInput> docs;
  size_t bytes = 0;
  size_t words = 0;
};

const Corpus& TheCorpus() {
  static const Corpus corpus = [] {
    Corpus c;
    std::vector<fs::path> files;
    for (const char* dir : {"tests/eval", "examples"}) {
      fs::path d = fs::path(ATTACHE_SOURCE_DIR) / dir;
      if (!fs::is_directory(d)) continue;
      for (const auto& e : fs::directory_iterator(d))
        if (e.path().extension() == ".txt") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      auto body = attache::text::ReadFile(f.string());
      if (!body.ok()) continue;
      attache::DocumentInput d;
      d.id = f.stem().string();
      d.text = std::move(*body);
      c.bytes += d.text.size();
      c.words += attache::text::SplitWords(d.text).size();
      c.docs.push_back(std::move(d));
    }
    return c;
  }();
  return corpus;
}

// $ATTACHE_LEXICON, else the build's lexicon.
std::string LexiconPath() {
  const char* env = std::getenv("ATTACHE_LEXICON");
  return env ? env : std::string(ATTACHE_BINARY_DIR) + "/attache.lex";
}

const attache::Coder* TheCoder() {
  static const std::unique_ptr<attache::Coder> coder = []() -> std::unique_ptr<attache::Coder> {
    auto opened = attache::Coder::Open(LexiconPath(), attache::CoderOptions{});
    if (!opened.ok()) return nullptr;
    return std::move(opened.value());
  }();
  return coder.get();
}

// Codes the whole corpus once per iteration; with ->Threads(n), n threads do so at once
// through one shared Coder, and the counters add up over threads.
void BM_CodeCorpus(benchmark::State& state) {
  const attache::Coder* coder = TheCoder();
  const Corpus& corpus = TheCorpus();
  if (coder == nullptr || corpus.docs.empty()) {
    state.SkipWithError("no lexicon (build it, or set ATTACHE_LEXICON) or no corpus");
    return;
  }
  size_t events = 0;
  for (auto _ : state) {
    for (const auto& d : corpus.docs) {
      attache::Document doc = coder->Code(d);
      events += doc.events.size();
      benchmark::DoNotOptimize(doc);
    }
  }
  const double it = static_cast<double>(state.iterations());
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus.bytes));
  state.counters["docs/s"] = benchmark::Counter(it * corpus.docs.size(), benchmark::Counter::kIsRate);
  state.counters["words/s"] = benchmark::Counter(it * corpus.words, benchmark::Counter::kIsRate);
  state.counters["events/s"] = benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_CodeCorpus)->Unit(benchmark::kMillisecond)->UseRealTime()->Threads(1)->Threads(2);

// One short French dispatch: the per-document cost, with its fixed part.
void BM_CodeOneDispatch(benchmark::State& state) {
  const attache::Coder* coder = TheCoder();
  if (coder == nullptr) {
    state.SkipWithError("no lexicon");
    return;
  }
  attache::DocumentInput d;
  d.id = "bench";
  d.text =
      "ANKARA, 27 février (Reuters) - Des diplomates russes et américains se sont réunis "
      "jeudi à Istanbul, a annoncé le ministère turc des Affaires étrangères. La veille, "
      "Moscou avait expulsé deux diplomates américains, ce que Washington a dénoncé.";
  for (auto _ : state) benchmark::DoNotOptimize(coder->Code(d));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * d.text.size()));
}
BENCHMARK(BM_CodeOneDispatch)->Unit(benchmark::kMicrosecond);

// Opening the lexicon: mmap and self-tests, paid once per process.
void BM_OpenLexicon(benchmark::State& state) {
  const std::string path = LexiconPath();
  for (auto _ : state) {
    auto c = attache::Coder::Open(path, attache::CoderOptions{});
    if (!c.ok()) {
      state.SkipWithError("no lexicon");
      return;
    }
    benchmark::DoNotOptimize(c);
  }
}
BENCHMARK(BM_OpenLexicon)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  // No lexicon or no corpus is an error, not a run of skipped benchmarks.
  if (TheCoder() == nullptr || TheCorpus().docs.empty()) {
    std::fprintf(stderr, "attache_bench: cannot open the lexicon (build it, or set "
                         "ATTACHE_LEXICON) or find the corpus under %s\n", ATTACHE_SOURCE_DIR);
    return 1;
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
