// What an ingest keeps for each file, at growing numbers of files: the
// FileTable (ingest/file_table.h) against the map of paths to hashes it
// replaced, the container one would pick (std::map<std::string,
// ContentHash>). Heap bytes a file (glibc's mallinfo2, before and after
// building) and path lookups a second, on paths shaped as the fixture
// corpora's ("/tmp/scale40000/<n>-<lang>.pdf").
//   build/tests/bench/file_table_bench [--benchmark_filter=...]
#include <malloc.h>

#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "ingest/file_table.h"

namespace sextant {
namespace {

std::vector<std::string> FixturePaths(std::size_t count) {
  static const char* const kLanguages[] = {"ar", "en", "es", "fr", "ru", "zh"};
  std::vector<std::string> paths;
  paths.reserve(count);
  char path[64];
  for (std::size_t k = 0; k < count; ++k) {
    std::snprintf(path, sizeof path, "/tmp/scale40000/%zu-%s.pdf", k / 6, kLanguages[k % 6]);
    paths.emplace_back(path);
  }
  return paths;
}

ContentHash HashOf(const std::string& path) {
  ContentHash hash;
  hash.Add(path);
  return hash;
}

std::size_t HeapInUse() {
  const struct mallinfo2 info = mallinfo2();
  return info.uordblks + info.hblkhd;
}

// Builds the container of `count` files (hashes made beforehand), reports
// its heap bytes a file, then times lookups of every path.
template <typename Build, typename Find>
void Run(benchmark::State& state, Build build, Find find) {
  const std::vector<std::string> paths = FixturePaths(static_cast<std::size_t>(state.range(0)));
  std::vector<ContentHash> hashes;
  hashes.reserve(paths.size());
  for (const std::string& path : paths) hashes.push_back(HashOf(path));
  const std::size_t before = HeapInUse();
  const auto container = build(paths, hashes);
  const std::size_t bytes = HeapInUse() - before;
  std::size_t next = 0, found = 0;
  for (auto _ : state) {
    found += find(container, paths[next]);
    next = next + 7919 < paths.size() ? next + 7919 : (next + 7919) % paths.size();
  }
  benchmark::DoNotOptimize(found);
  state.counters["bytes_a_file"] = static_cast<double>(bytes) / static_cast<double>(paths.size());
  state.counters["MB"] = static_cast<double>(bytes) / 1e6;
  state.SetItemsProcessed(state.iterations());
}

void BM_FileTable(benchmark::State& state) {
  Run(
      state,
      [](const std::vector<std::string>& paths, const std::vector<ContentHash>& hashes) {
        FileTable table;
        for (std::size_t k = 0; k < paths.size(); ++k) table.Add(paths[k], hashes[k]);
        table.Seal();
        return table;
      },
      [](const FileTable& table, const std::string& path) { return table.Find(path).has_value(); });
}

void BM_MapOfPaths(benchmark::State& state) {
  Run(
      state,
      [](const std::vector<std::string>& paths, const std::vector<ContentHash>& hashes) {
        std::map<std::string, ContentHash> map;
        for (std::size_t k = 0; k < paths.size(); ++k) map.emplace(paths[k], hashes[k]);
        return map;
      },
      [](const std::map<std::string, ContentHash>& map, const std::string& path) { return map.count(path) > 0; });
}

BENCHMARK(BM_FileTable)->Arg(20'000)->Arg(200'000)->Arg(2'000'000);
BENCHMARK(BM_MapOfPaths)->Arg(20'000)->Arg(200'000)->Arg(2'000'000);

}  // namespace
}  // namespace sextant

BENCHMARK_MAIN();
