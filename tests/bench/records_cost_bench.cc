// What recommendations as records cost an ingest (issue 12: at most 1.15x
// its time without them), side by side in one run: the same build ingests
// the same files (by default the 212 UPR reports of
// ../shared/corpora/upr/reports) into a new index with records
// (IngestOptions::records, the default) and without (meeting facts only),
// alternated round by round, each ingest in a fresh process of its own (this
// program again, with --one), as `sextant ingest --jobs N` runs. Reported:
// wall and CPU seconds (all threads) and peak resident memory of each, best
// of --rounds, the entries written, and the ratios with/without.
//
// Against an earlier build without records (tests/bench/
// recommendations_bench.py --before) the ratio also counts whatever else
// changed in extraction since; here only the records differ.
//
//   build/tests/bench/records_cost_bench [--rounds 3] [--jobs 2] [PDF or folder...]
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "ingest/ingest.h"

namespace {

namespace fs = std::filesystem;

// One ingest in this process: prints "segments recommendations" on stdout.
int RunOne(bool records, const std::string& index, int jobs, const std::vector<std::string>& paths) {
  sextant::IngestOptions options;
  options.index_folder = index;
  options.jobs = jobs;
  options.records = records;
  sextant::IngestObserver quiet;
  sextant::IngestSummary summary;
  const sextant::PdfCollection collected = sextant::CollectPdfs(paths);
  const sextant::Status status = sextant::IngestFiles(collected.files, options, quiet, &summary);
  if (!status.ok()) {
    std::fprintf(stderr, "records_cost_bench: %s\n", status.ToString().c_str());
    return 1;
  }
  std::printf("%zu %zu %zu\n", summary.files, summary.segments, summary.recommendations);
  return summary.failures == 0 ? 0 : 1;
}

struct Measured {
  double wall = 1e30, cpu = 1e30;
  long peak_kb = 0;
  std::string counts;
};

// This program again with --one: wall, CPU and peak RSS of the child.
Measured Spawn(const char* self, bool records, const std::string& index, int jobs, const std::vector<std::string>& paths) {
  fs::remove_all(index);
  int out[2];
  if (pipe(out) != 0) std::exit(2);
  const auto start = std::chrono::steady_clock::now();
  const pid_t child = fork();
  if (child == 0) {
    dup2(out[1], STDOUT_FILENO);
    close(out[0]);
    std::vector<std::string> args = {self, "--one", records ? "with" : "without", index, "--jobs", std::to_string(jobs)};
    args.insert(args.end(), paths.begin(), paths.end());
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    execv(self, argv.data());
    _exit(127);
  }
  close(out[1]);
  Measured measured;
  char buffer[256];
  for (ssize_t n; (n = read(out[0], buffer, sizeof buffer)) > 0;) measured.counts.append(buffer, n);
  close(out[0]);
  int status = 0;
  rusage usage{};
  wait4(child, &status, 0, &usage);
  measured.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  measured.cpu = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
  measured.peak_kb = usage.ru_maxrss;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::fprintf(stderr, "records_cost_bench: the ingest %s records failed\n", records ? "with" : "without");
    std::exit(1);
  }
  while (!measured.counts.empty() && measured.counts.back() == '\n') measured.counts.pop_back();
  return measured;
}

}  // namespace

int main(int argc, char** argv) {
  int rounds = 3, jobs = 2;
  std::vector<std::string> paths;
  if (argc >= 4 && std::strcmp(argv[1], "--one") == 0) {
    const bool records = std::strcmp(argv[2], "with") == 0;
    const std::string index = argv[3];
    for (int i = 4; i < argc; ++i) {
      if (std::strcmp(argv[i], "--jobs") == 0 && i + 1 < argc) {
        jobs = std::atoi(argv[++i]);
      } else {
        paths.push_back(argv[i]);
      }
    }
    return RunOne(records, index, jobs, paths);
  }
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--rounds") == 0 && i + 1 < argc) {
      rounds = std::max(1, std::atoi(argv[++i]));
    } else if (std::strcmp(argv[i], "--jobs") == 0 && i + 1 < argc) {
      jobs = std::max(1, std::atoi(argv[++i]));
    } else if (argv[i][0] == '-') {
      std::fprintf(stderr, "usage: records_cost_bench [--rounds N] [--jobs N] [PDF or folder...]\n");
      return 2;
    } else {
      paths.push_back(argv[i]);
    }
  }
  if (paths.empty()) {
    const fs::path reports = fs::path(SEXTANT_SHARED_CORPORA) / "upr" / "reports";
    if (!fs::is_directory(reports)) {
      std::printf("skipped: %s is absent (name PDFs or folders to measure)\n", reports.c_str());
      return 0;
    }
    paths.push_back(reports.string());
  }
  const fs::path work = fs::temp_directory_path() / ("records_cost_bench_" + std::to_string(getpid()));
  Measured best[2];
  for (int round = 0; round < rounds; ++round) {
    for (const bool records : {false, true}) {
      const Measured run = Spawn(argv[0], records, (work / (records ? "with" : "without")).string(), jobs, paths);
      Measured& kept = best[records];
      kept.wall = std::min(kept.wall, run.wall);
      kept.cpu = std::min(kept.cpu, run.cpu);
      kept.peak_kb = std::max(kept.peak_kb, run.peak_kb);
      kept.counts = run.counts;
      std::fprintf(stderr, "round %d, %s records: %.1f s wall, %.1f s CPU, %ld MiB\n", round + 1,
                   records ? "with" : "without", run.wall, run.cpu, run.peak_kb / 1024);
    }
  }
  fs::remove_all(work);
  std::printf("sextant ingest --jobs %d, best of %d rounds (files segments records)\n", jobs, rounds);
  std::printf("%-16s %8s %8s %10s  %s\n", "", "wall s", "CPU s", "peak MiB", "files segments records");
  for (const bool records : {false, true}) {
    const Measured& m = best[records];
    std::printf("%-16s %8.1f %8.1f %10ld  %s\n", records ? "with records" : "without records", m.wall, m.cpu,
                m.peak_kb / 1024, m.counts.c_str());
  }
  std::printf("with / without: wall %.3fx, CPU %.3fx (issue 12's target: at most 1.15x)\n", best[1].wall / best[0].wall,
              best[1].cpu / best[0].cpu);
  return 0;
}
