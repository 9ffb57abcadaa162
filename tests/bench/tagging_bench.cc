// Segmentation and tagging speed, in MB/s of text per core, per language, on
// the UN Parallel Corpus development set (../shared/corpora/unpc-devset),
// each document's sentences joined into one paragraph. Baselines in the same
// run, on the same text: ICU's sentence iterator alone (what Sextant's
// segmenter corrects), and a std::regex symbol pattern (what a user would
// otherwise write to pull symbols out of text).
//
//   build/tests/bench/tagging_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>

#include <fstream>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include "stages/segment/sentence_segmenter.h"
#include "stages/tag/tag_stage.h"
#include "tests/test_paths.h"

namespace sextant {
namespace {

// The devset in one language, as paragraphs (one per source document).
const std::vector<std::string>& Paragraphs(Language language) {
  static std::map<Language, std::vector<std::string>> cache;
  auto& paragraphs = cache[language];
  if (!paragraphs.empty()) return paragraphs;
  const auto root = testing::SharedCorpora() / "unpc-devset";
  std::ifstream ids(root / "UNv1.0.devset.ids");
  std::ifstream text(root / ("UNv1.0.devset." + std::string(Code(language))));
  std::string id, line, previous;
  while (std::getline(ids, id) && std::getline(text, line)) {
    if (id != previous || paragraphs.empty()) paragraphs.emplace_back();
    std::string& paragraph = paragraphs.back();
    if (!paragraph.empty() && language != Language::kChinese) paragraph += ' ';
    paragraph += line;
    previous = id;
  }
  return paragraphs;
}

std::size_t Bytes(const std::vector<std::string>& paragraphs) {
  std::size_t bytes = 0;
  for (const auto& p : paragraphs) bytes += p.size();
  return bytes;
}

bool SkipWithoutCorpus(benchmark::State& state) {
  if (!testing::SharedCorpora().empty()) return false;
  state.SkipWithError("../shared/corpora not found (set SEXTANT_CORPORA)");
  return true;
}

void BM_Segment(benchmark::State& state, Language language, bool corrected) {
  if (SkipWithoutCorpus(state)) return;
  const auto& paragraphs = Paragraphs(language);
  SegmenterOptions options;
  options.un_corrections = corrected;
  options.icu_suppressions = corrected;
  const SentenceSegmenter segmenter(language, options);
  for (auto _ : state) {
    for (const auto& p : paragraphs) benchmark::DoNotOptimize(segmenter.Split(p));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * Bytes(paragraphs)));
}

void BM_Tag(benchmark::State& state, Language language) {
  if (SkipWithoutCorpus(state)) return;
  const auto& paragraphs = Paragraphs(language);
  const auto taggers = AllTaggers();
  for (auto _ : state) {
    for (const auto& p : paragraphs) benchmark::DoNotOptimize(TagText(p, language, taggers));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * Bytes(paragraphs)));
}

// One tagger alone, to see where the time goes.
void BM_OneTagger(benchmark::State& state, Language language, std::size_t index) {
  if (SkipWithoutCorpus(state)) return;
  const auto& paragraphs = Paragraphs(language);
  const auto taggers = AllTaggers();
  const Tagger& tagger = *taggers.at(index);
  for (auto _ : state) {
    for (const auto& p : paragraphs) benchmark::DoNotOptimize(tagger.Find(p, language));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * Bytes(paragraphs)));
}

void BM_RegexSymbols(benchmark::State& state, Language language) {
  if (SkipWithoutCorpus(state)) return;
  const auto& paragraphs = Paragraphs(language);
  const std::regex symbol(R"([A-Z]{1,8}(?:\.\d+)?(?:/[A-Za-z0-9.()\-]+)+)");
  for (auto _ : state) {
    std::size_t found = 0;
    for (const auto& p : paragraphs) {
      for (std::sregex_iterator it(p.begin(), p.end(), symbol), end; it != end; ++it) ++found;
    }
    benchmark::DoNotOptimize(found);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * Bytes(paragraphs)));
}

void RegisterAll() {
  for (const LanguageInfo& info : AllLanguages()) {
    const std::string code(info.code);
    const Language language = info.language;
    benchmark::RegisterBenchmark(("segment/" + code).c_str(), BM_Segment, language, true)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(("segment_icu_alone/" + code).c_str(), BM_Segment, language, false)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(("tag/" + code).c_str(), BM_Tag, language)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(("regex_symbols/" + code).c_str(), BM_RegexSymbols, language)
        ->Unit(benchmark::kMillisecond);
    const auto taggers = AllTaggers();
    for (std::size_t i = 0; i < taggers.size(); ++i) {
      const std::string kind(TagKindName(taggers[i]->kind()));
      benchmark::RegisterBenchmark(("tagger_" + kind + "/" + code).c_str(), BM_OneTagger,
                                   language, i)
          ->Unit(benchmark::kMillisecond);
    }
  }
}

}  // namespace
}  // namespace sextant

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  sextant::RegisterAll();
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
