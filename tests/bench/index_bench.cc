// Query latency on a large index (issue 5: p99 under 50 ms over at least
// 1,000 queries on at least 200,000 segments), with the tools a user would
// otherwise reach for, side by side on the same text in the same run.
//
// The index (kept in the folder given with --index, for reuse and for load
// tests of `sextant serve`): the UN Parallel Corpus devset
// (../shared/corpora/unpc-devset, 4,000 sentences in six languages grouped
// into 732 documents by .ids) written R times through IndexWriter, each
// document a set of six language versions with the gold 1-1 alignment
// (English the pivot), one paragraph per sentence. Round r > 0 gives every
// document a distinct symbol (the devset's own plus "/Add.<r>"), content
// hash, path and date (one day per document from 2001-01-01), so nothing is
// deduplicated; every document gets an agenda item (1-120, every third one
// a sub-item "(a)"). R is the smallest that gives --min-segments segment
// entries (default 200,000: R = 9, 216,000 segments, 39,528 document
// entries). An existing index with the expected entry count is reused.
//
// Queries (std::mt19937(2026)): per language, --per-language sentences
// (default 200, so 1,200), each made into a query of 3 of its words
// (letters runs of >= 4 letters; Chinese: 2-character spans), searched in
// its language with the aligned English (French for English) shown, limit
// 10; in turn: the words alone, the words with `symbol:<series>/*` of the
// document, with `item:<its item>`, with a date range over its year, and
// `symbol:<exact>` alone sorted by date. After a warm-up pass, the query set
// runs twice, with facets off and on (as `sextant search` and the web page
// ask). Reported: p50, p99, max latency and queries per second (per kind:
// over the time spent in its queries); the share of word queries whose
// sentence (or its twin from another round) is in the top 10, a sanity
// check of the queries and filters.
//
// Side by side, on the first --compare word-only queries (default 200), one
// process per query, as a user at a shell would run them:
//   sextant search --lang L --limit 10 'words'   (the CLI on this index)
//   quest -d INDEX -m 10 -o and -s <stemmer>    (Xapian's own query tool,
//                                                Debian xapian-tools)
//   grep -F w1 L.txt | grep -F w2 | grep -F w3 | head -n 10   (the same
//                                                sentences, one text file
//                                                per language, in /tmp)
//
// Shards (issue 15): --shards N (or N,N,...) deals the same document sets
// into N shard folders, DIR-Nshards/shard-1..N (set k of the build to shard
// k mod N, every set whole in one shard, as index/index_shards.h asks),
// built once and reused like the single index; --remote searches each N
// shards also through N xapian-tcpsrv processes on loopback, started here
// and killed at the end. Every layout runs the same queries (the same
// report), the single index first; with facets on, each query's exact
// total, facet counts and top-10 weights (dates, sorted by date) are
// compared with the single index's and the equal ones counted. The
// resident memory of each xapian-tcpsrv (the listener and the child it
// forks per connection) is printed, and for remote shards a third pass
// without snippets (Xapian's snippet asks each shard the frequency of
// every word of the hit's text, a round trip each); then a summary table.
// --only-shards leaves out the single index (no comparison); --build-only
// builds what is missing and stops (two builds may run at once).
//
//   build/tests/bench/index_bench --index /tmp/sextant-200k [--rebuild]
//       [--min-segments N] [--per-language N] [--compare N]
//       [--shards N[,N...]] [--remote] [--only-shards] [--build-only]
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "index/index_searcher.h"
#include "pipeline/unicode_text.h"
#include "tests/bench/index_bench_corpus.h"
#include "tests/corpus/alignment_eval.h"
#include "tests/index/tcp_server_process.h"

extern char** environ;

namespace sextant::bench {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using eval::Devset;

struct Options {
  fs::path index;
  fs::path corpora = SEXTANT_SHARED_CORPORA;
  std::string sextant = SEXTANT_CLI;
  std::size_t min_segments = 200000;
  std::size_t per_language = 200;
  std::size_t compare = 200;
  bool rebuild = false;
  std::vector<std::size_t> shards;  // also N shards, in DIR-Nshards/shard-1..N
  bool remote = false;              // and those through xapian-tcpsrv
  bool only_shards = false;         // not the single index
  bool build_only = false;
};

double Seconds(Clock::time_point from) { return std::chrono::duration<double>(Clock::now() - from).count(); }

// ---- queries ---------------------------------------------------------------

bool IsLetter(char32_t c) { return IsLatinLetter(c) || IsCyrillicLetter(c) || IsArabicLetter(c); }
bool IsArabicMark(char32_t c) { return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640; }

std::vector<std::string> CandidateWords(std::string_view text, Language language) {
  std::vector<std::string> words;
  std::string word;
  std::size_t letters = 0;
  for (std::size_t pos = 0; pos <= text.size();) {
    const std::size_t begin = pos;
    const char32_t c = pos < text.size() ? NextCodePoint(text, pos) : (++pos, U' ');
    const std::string piece = begin < text.size() ? std::string(text.substr(begin, pos - begin)) : "";
    if (language == Language::kChinese) {
      if (IsHan(c)) {
        word += piece;
        if (++letters == 2) {
          words.push_back(word);
          word.clear();
          letters = 0;
        }
      } else {
        word.clear();
        letters = 0;
      }
    } else if (IsLetter(c) || (IsArabicMark(c) && !word.empty())) {
      word += piece;
      letters += IsLetter(c);
    } else {
      if (letters >= 4) words.push_back(word);
      word.clear();
      letters = 0;
    }
  }
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

enum class Kind { kWords, kSeries, kItem, kDateRange, kSymbolByDate };
constexpr const char* kKindNames[] = {"words", "words + symbol:SERIES/*", "words + item:", "words + date range",
                                      "symbol: alone, by date"};

struct Query {
  Kind kind = Kind::kWords;
  Language language = Language::kEnglish;
  std::vector<std::string> words;
  std::string text;  // what IndexSearcher gets
  SearchOptions options;
  // The sentence, for the top-10 check: its text at its index (every round
  // repeats the devset, so a twin from another round counts too, unless a
  // filter of the query rules that round out).
  std::string sentence;
  std::size_t segment = 0;
};

// "A/AC.182/L.139/Add.3" → "A/AC.182/*".
std::string SeriesOf(const std::string& symbol) {
  const std::size_t first = symbol.find('/');
  const std::size_t second = first == std::string::npos ? first : symbol.find('/', first + 1);
  return second == std::string::npos ? symbol : symbol.substr(0, second) + "/*";
}

std::vector<Query> MakeQueries(const Devset& devset, std::size_t rounds, std::size_t per_language) {
  std::mt19937 rng(2026);
  std::vector<Query> queries;
  for (const LanguageInfo& info : AllLanguages()) {
    const auto& documents = devset.Of(info.language);
    std::uniform_int_distribution<std::size_t> pick_round(0, rounds - 1), pick_doc(0, documents.size() - 1);
    for (std::size_t made = 0, tries = 0; made < per_language && tries < per_language * 20; ++tries) {
      const std::size_t d = pick_doc(rng);
      if (documents[d].empty()) continue;
      const std::size_t s = std::uniform_int_distribution<std::size_t>(0, documents[d].size() - 1)(rng);
      std::vector<std::string> words = CandidateWords(documents[d][s], info.language);
      if (words.empty()) continue;
      std::shuffle(words.begin(), words.end(), rng);
      words.resize(std::min<std::size_t>(3, words.size()));
      const std::size_t round = pick_round(rng);
      const DocumentFacts facts = FactsOf(devset, round, d);
      Query query;
      query.kind = static_cast<Kind>(made % 5);
      query.language = info.language;
      query.words = words;
      query.sentence = documents[d][s];
      query.segment = s;
      for (const std::string& word : words) query.text += (query.text.empty() ? "" : " ") + word;
      query.options.language = info.language;
      query.options.show = info.language == Language::kEnglish ? Language::kFrench : Language::kEnglish;
      query.options.limit = 10;
      switch (query.kind) {
        case Kind::kWords: break;
        case Kind::kSeries: query.text += " symbol:" + SeriesOf(facts.symbol); break;
        case Kind::kItem: query.text += " item:" + facts.item; break;
        case Kind::kDateRange:
          query.options.date_from = query.options.date_to = facts.date.substr(0, 4);
          break;
        case Kind::kSymbolByDate:
          query.text = "symbol:" + facts.symbol;
          query.options.sort = SearchSort::kDate;
          break;
      }
      queries.push_back(std::move(query));
      ++made;
    }
  }
  return queries;
}

struct Latencies {
  std::vector<double> ms;
  double seconds = 0;
  double Percentile(double p) const {
    if (ms.empty()) return 0;
    std::vector<double> sorted = ms;
    std::sort(sorted.begin(), sorted.end());
    return sorted[std::min(sorted.size() - 1, static_cast<std::size_t>(p * static_cast<double>(sorted.size())))];
  }
  double Max() const { return ms.empty() ? 0 : *std::max_element(ms.begin(), ms.end()); }
};

void PrintLatencies(const char* name, const Latencies& l) {
  std::printf("%-44s %6zu %9.2f %9.2f %9.2f %9.0f\n", name, l.ms.size(), l.Percentile(0.50), l.Percentile(0.99),
              l.Max(), static_cast<double>(l.ms.size()) / l.seconds);
}

struct Answer;
void Record(const Query& query, const SearchResult& result, std::vector<Answer>* answers);

bool RunInProcess(IndexSearcher& searcher, const std::vector<Query>& queries, bool facets, Latencies* all,
                  std::vector<Latencies>* by_kind, std::size_t* found, std::size_t* word_queries,
                  std::vector<Answer>* answers, bool snippets = true) {
  by_kind->assign(5, Latencies());
  const Clock::time_point start = Clock::now();
  for (const Query& query : queries) {
    SearchOptions options = query.options;
    options.facets = facets;
    if (!snippets) options.snippet_bytes = 0;
    SearchResult result;
    const Clock::time_point t = Clock::now();
    const Status status = searcher.Search(query.text, options, &result);
    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t).count();
    if (!status.ok()) {
      std::fprintf(stderr, "index_bench: query '%s': %s\n", query.text.c_str(), status.ToString().c_str());
      return false;
    }
    all->ms.push_back(ms);
    if (answers) Record(query, result, answers);
    (*by_kind)[static_cast<std::size_t>(query.kind)].ms.push_back(ms);
    if (query.kind != Kind::kSymbolByDate) {
      ++*word_queries;
      *found += std::any_of(result.hits.begin(), result.hits.end(), [&](const SearchHit& hit) {
        return hit.text == query.sentence && hit.segment == query.segment;
      });
    }
  }
  all->seconds = Seconds(start);
  for (Latencies& kind : *by_kind) {
    for (double ms : kind.ms) kind.seconds += ms / 1000;
  }
  return true;
}

// ---- one process per query ---------------------------------------------------

// Runs argv with stdout and stderr to /dev/null; milliseconds, or -1.
double TimeProcess(const std::vector<std::string>& argv) {
  std::vector<char*> args;
  for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  const Clock::time_point start = Clock::now();
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) return -1;
  int status = 0;
  waitpid(pid, &status, 0);
  const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  return WIFEXITED(status) && (WEXITSTATUS(status) == 0 || WEXITSTATUS(status) == 1) ? ms : -1;
}

bool OnPath(const std::string& tool) {
  return std::system(("command -v " + tool + " >/dev/null 2>&1").c_str()) == 0;
}

std::string QuestStemmer(Language language) {
  switch (language) {
    case Language::kEnglish: return "english";
    case Language::kFrench: return "french";
    case Language::kSpanish: return "spanish";
    case Language::kRussian: return "russian";
    case Language::kArabic: return "arabic";
    default: return "none";
  }
}

// The devset sentences of each round, one file per language (what grep reads).
fs::path WriteGrepFiles(const Devset& devset, std::size_t rounds) {
  const fs::path folder = fs::temp_directory_path() / ("index_bench_grep_" + std::to_string(::getpid()));
  fs::create_directories(folder);
  for (const LanguageInfo& info : AllLanguages()) {
    std::ofstream out(folder / (std::string(info.code) + ".txt"));
    for (std::size_t round = 0; round < rounds; ++round) {
      for (const auto& sentences : devset.Of(info.language)) {
        for (const std::string& sentence : sentences) out << sentence << '\n';
      }
    }
  }
  return folder;
}

void CompareProcesses(const Options& options, const Devset& devset, std::size_t rounds,
                      const std::vector<Query>& queries) {
  std::vector<const Query*> chosen;
  // Word queries only (grep has no fields), the languages in turn.
  std::vector<std::vector<const Query*>> by_language(AllLanguages().size());
  for (const Query& query : queries) {
    if (query.kind == Kind::kWords) by_language[static_cast<std::size_t>(query.language)].push_back(&query);
  }
  for (std::size_t k = 0; chosen.size() < options.compare; ++k) {
    bool any = false;
    for (const auto& list : by_language) {
      if (k < list.size() && chosen.size() < options.compare) {
        chosen.push_back(list[k]);
        any = true;
      }
    }
    if (!any) break;
  }
  const fs::path grep_folder = WriteGrepFiles(devset, rounds);
  const bool quest = OnPath("quest");
  Latencies sextant, quest_latencies, grep;
  for (int tool = 0; tool < 3; ++tool) {
    if (tool == 1 && !quest) continue;
    Latencies& latencies = tool == 0 ? sextant : tool == 1 ? quest_latencies : grep;
    const Clock::time_point start = Clock::now();
    for (const Query* query : chosen) {
      const std::string code(Code(query->language));
      std::vector<std::string> argv;
      if (tool == 0) {
        argv = {options.sextant, "search", "--index", options.index.string(), "--lang", code, "--limit", "10",
                query->text};
      } else if (tool == 1) {
        argv = {"quest", "-d", options.index.string(), "-m", "10", "-o", "and", "-s", QuestStemmer(query->language),
                "-f", query->language == Language::kChinese ? "default,cjk_ngram" : "default", query->text};
      } else {
        std::string pipeline = "grep -F -e \"$1\" \"$0\"";
        for (std::size_t w = 1; w < query->words.size(); ++w) pipeline += " | grep -F -e \"$" + std::to_string(w + 1) + "\"";
        pipeline += " | head -n 10";
        argv = {"sh", "-c", pipeline, (grep_folder / (code + ".txt")).string()};
        argv.insert(argv.end(), query->words.begin(), query->words.end());
      }
      const double ms = TimeProcess(argv);
      if (ms < 0) {
        std::fprintf(stderr, "index_bench: %s failed on '%s'\n", argv[0].c_str(), query->text.c_str());
        continue;
      }
      latencies.ms.push_back(ms);
    }
    latencies.seconds = Seconds(start);
  }
  fs::remove_all(grep_folder);
  std::printf("\none process per query, %zu word queries (all six languages), same text:\n", chosen.size());
  std::printf("%-44s %6s %9s %9s %9s %9s\n", "tool", "n", "p50 ms", "p99 ms", "max ms", "q/s");
  PrintLatencies("sextant search --lang L --limit 10", sextant);
  if (quest) {
    PrintLatencies("quest -d INDEX -m 10 -o and -s STEMMER", quest_latencies);
  } else {
    std::printf("quest: not installed (Debian xapian-tools; scripts/install-deps)\n");
  }
  PrintLatencies("grep -F w1 L.txt | grep -F w2 | ... | head", grep);
}

// ---- layouts: the single index, local shards, remote shards ---------------------

// One configuration searched by the same queries.
struct Layout {
  std::string name;               // "1 index", "4 local shards", "4 remote shards"
  std::vector<fs::path> folders;  // one: the single index; several: shard-1..N
  bool remote = false;            // the folders served by xapian-tcpsrv on loopback
};

std::vector<fs::path> ShardFolders(const fs::path& index, std::size_t n) {
  std::vector<fs::path> folders;
  const fs::path root = index.string() + "-" + std::to_string(n) + "shards";
  for (std::size_t k = 1; k <= n; ++k) folders.push_back(root / ("shard-" + std::to_string(k)));
  return folders;
}

// Reuses `folders` when they hold the expected entries, else builds them
// (after --rebuild, or when missing or empty). Prints size and bytes per
// segment.
bool EnsureBuilt(const Devset& devset, const Options& options, const std::vector<fs::path>& folders,
                 std::size_t rounds) {
  const std::size_t expected = ExpectedEntries(devset, rounds);
  const bool present = std::all_of(folders.begin(), folders.end(),
                                   [](const fs::path& f) { return fs::exists(f) && !fs::is_empty(f); });
  const std::string name = folders.size() == 1 ? folders[0].string() : folders[0].parent_path().string();
  if (present) {
    std::unique_ptr<IndexSearcher> searcher;
    const Status opened = IndexSearcher::Open(IndexShards{{folders.begin(), folders.end()}, {}, false}, &searcher);
    if (!opened.ok() && !options.rebuild) {
      std::fprintf(stderr, "index_bench: %s: %s (or give a new folder)\n", name.c_str(), opened.message().c_str());
      return false;
    }
    if (opened.ok() && searcher->entry_count() == expected && !options.rebuild) {
      std::printf("reusing %s (%zu entries)\n", name.c_str(), searcher->entry_count());
    } else if (!options.rebuild) {
      std::fprintf(stderr, "index_bench: %s holds %zu entries, not the %zu of this build; pass --rebuild\n",
                   name.c_str(), searcher->entry_count(), expected);
      return false;
    }
  }
  if (!present || options.rebuild) {
    for (const fs::path& folder : folders) fs::remove_all(folder);
    if (!BuildIndex(devset, folders, rounds)) return false;
  }
  const std::size_t documents = rounds * devset.document_ids.size() * AllLanguages().size();
  const std::size_t segments = expected - documents;
  std::uintmax_t bytes = 0;
  std::string sizes;
  for (const fs::path& folder : folders) {
    bytes += FolderBytes(folder);
    char size[32];
    std::snprintf(size, sizeof size, "%s%.0f", sizes.empty() ? "" : " + ", static_cast<double>(FolderBytes(folder)) / (1 << 20));
    sizes += size;
  }
  std::printf("index: %s, %zu entries (%zu segments, %zu documents), %.0f MiB%s%s%s, %.0f bytes per segment\n",
              name.c_str(), expected, segments, documents, static_cast<double>(bytes) / (1 << 20),
              folders.size() > 1 ? " (" : "", folders.size() > 1 ? sizes.c_str() : "", folders.size() > 1 ? " MiB)" : "",
              static_cast<double>(bytes) / static_cast<double>(segments));
  return true;
}

// Resident memory of xapian-tcpsrv on `port`: the listener (a child of
// ours) and the children it forked, one per connection, in KiB.
struct ServerMemory {
  std::size_t listener_kib = 0;
  std::vector<std::size_t> connection_kib;
};

ServerMemory TcpServerMemory(int port) {
  ServerMemory memory;
  const std::string want = std::string("--port") + '\0' + std::to_string(port) + '\0';
  for (const auto& entry : fs::directory_iterator("/proc")) {
    const std::string pid = entry.path().filename().string();
    if (pid.find_first_not_of("0123456789") != std::string::npos) continue;
    std::ifstream cmdline(entry.path() / "cmdline");
    const std::string args((std::istreambuf_iterator<char>(cmdline)), std::istreambuf_iterator<char>());
    if (args.rfind("xapian-tcpsrv", 0) != 0 || args.find(want) == std::string::npos) continue;
    std::ifstream status(entry.path() / "status");
    std::size_t rss = 0, parent = 0;
    for (std::string line; std::getline(status, line);) {
      if (line.rfind("VmRSS:", 0) == 0) rss = std::strtoul(line.c_str() + 6, nullptr, 10);
      if (line.rfind("PPid:", 0) == 0) parent = std::strtoul(line.c_str() + 5, nullptr, 10);
    }
    if (parent == static_cast<std::size_t>(::getpid())) memory.listener_kib = rss;
    else memory.connection_kib.push_back(rss);
  }
  return memory;
}

// What a query answered, to compare layouts (facets on: the total exact).
struct Answer {
  std::size_t total = 0;
  std::vector<double> weights;     // of the hits, relevance order
  std::vector<std::string> dates;  // of the hits, date order (symbol: queries)
  SearchFacets facets;
};

bool SameAnswer(const Answer& a, const Answer& b) {
  if (a.total != b.total || a.weights.size() != b.weights.size() || a.dates != b.dates) return false;
  for (std::size_t k = 0; k < a.weights.size(); ++k) {
    if (std::abs(a.weights[k] - b.weights[k]) > 1e-9 * std::max(1.0, std::abs(a.weights[k]))) return false;
  }
  const SearchFacets &x = a.facets, &y = b.facets;
  return x.languages == y.languages && x.years == y.years && x.series == y.series;
}

void Record(const Query& query, const SearchResult& result, std::vector<Answer>* answers) {
  Answer answer;
  answer.total = result.total;
  for (const SearchHit& hit : result.hits) {
    if (query.options.sort == SearchSort::kDate) answer.dates.push_back(hit.date);
    else answer.weights.push_back(hit.weight);
  }
  answer.facets = result.facets;
  answers->push_back(std::move(answer));
}

struct LayoutResult {
  Latencies off, on;
  std::size_t agree = 0;  // answers equal to the single index's
  bool compared = false;
};

// The warm-up pass and the two measured ones over `layout`, printed.
bool Measure(const Layout& layout, const std::vector<Query>& queries, std::vector<Answer>* answers,
             const std::vector<Answer>* reference, LayoutResult* out) {
  std::vector<std::unique_ptr<testing::TcpServerProcess>> servers;
  IndexShards where;
  for (const fs::path& folder : layout.folders) {
    if (!layout.remote) {
      where.folders.push_back(folder.string());
      continue;
    }
    servers.push_back(std::make_unique<testing::TcpServerProcess>(folder.string()));
    if (!servers.back()->Start()) {
      std::fprintf(stderr, "index_bench: xapian-tcpsrv did not start on %s (Debian xapian-tools)\n", folder.c_str());
      return false;
    }
    where.remotes.push_back(servers.back()->address());
  }
  std::unique_ptr<IndexSearcher> searcher;
  const Clock::time_point opening = Clock::now();
  if (const Status opened = IndexSearcher::Open(where, &searcher); !opened.ok()) {
    std::fprintf(stderr, "index_bench: %s\n", opened.ToString().c_str());
    return false;
  }
  std::printf("\n%s: %s, opened in %.1f ms; in process (IndexSearcher, one thread), %zu queries, limit 10, "
              "the translation shown:\n", layout.name.c_str(), where.Describe().c_str(),
              Seconds(opening) * 1000, queries.size());
  std::printf("%-44s %6s %9s %9s %9s %9s\n", "queries", "n", "p50 ms", "p99 ms", "max ms", "q/s");
  {  // A pass to warm the page cache, not counted (the build may be long gone).
    Latencies warm;
    std::vector<Latencies> by_kind;
    std::size_t found = 0, word_queries = 0;
    if (!RunInProcess(*searcher, queries, true, &warm, &by_kind, &found, &word_queries, nullptr)) return false;
    PrintLatencies("(warm-up pass, facets on)", warm);
  }
  for (const bool facets : {false, true}) {
    Latencies& all = facets ? out->on : out->off;
    std::vector<Latencies> by_kind;
    std::size_t found = 0, word_queries = 0;
    if (!RunInProcess(*searcher, queries, facets, &all, &by_kind, &found, &word_queries, facets ? answers : nullptr)) {
      return false;
    }
    const std::string name = std::string("all, facets ") + (facets ? "on" : "off");
    PrintLatencies(name.c_str(), all);
    for (std::size_t k = 0; k < by_kind.size(); ++k) PrintLatencies((std::string("  ") + kKindNames[k]).c_str(), by_kind[k]);
    std::printf("  sentence in the top 10: %zu/%zu word queries\n", found, word_queries);
  }
  if (layout.remote) {  // where the time goes: a snippet looks up each word of the hit's text
    Latencies bare;
    std::vector<Latencies> by_kind;
    std::size_t found = 0, word_queries = 0;
    if (!RunInProcess(*searcher, queries, true, &bare, &by_kind, &found, &word_queries, nullptr, false)) return false;
    PrintLatencies("all, facets on, no snippets", bare);
  }
  if (reference && !reference->empty()) {
    out->compared = true;
    for (std::size_t q = 0; q < queries.size(); ++q) out->agree += SameAnswer((*reference)[q], (*answers)[q]);
    std::printf("  same answers as the single index (facets on: exact total, facet counts, top-10 weights or "
                "dates): %zu/%zu queries\n", out->agree, queries.size());
  }
  for (const auto& server : servers) {
    const std::string address = server->address();
    const ServerMemory memory = TcpServerMemory(std::atoi(address.substr(address.rfind(':') + 1).c_str()));
    std::string children;
    for (std::size_t kib : memory.connection_kib) children += " " + std::to_string(kib / 1024) + " MiB";
    std::printf("  xapian-tcpsrv %s: listener %.1f MiB, %zu connection(s):%s\n", address.c_str(),
                static_cast<double>(memory.listener_kib) / 1024, memory.connection_kib.size(), children.c_str());
  }
  return true;
}

// ---- main ---------------------------------------------------------------------

int Usage(const char* message) {
  std::fprintf(stderr, "index_bench: %s\nusage: index_bench --index DIR [--rebuild] [--min-segments N] "
                       "[--shards N[,N...]] [--remote] [--only-shards] [--build-only] "
                       "[--per-language N] [--compare N] [--corpora DIR] [--sextant BIN]\n", message);
  return 2;
}

int Main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // progress as it comes, also into a file
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool value = i + 1 < argc;
    if (arg == "--index" && value) options.index = argv[++i];
    else if (arg == "--corpora" && value) options.corpora = argv[++i];
    else if (arg == "--sextant" && value) options.sextant = argv[++i];
    else if (arg == "--min-segments" && value) options.min_segments = std::strtoul(argv[++i], nullptr, 10);
    else if (arg == "--per-language" && value) options.per_language = std::strtoul(argv[++i], nullptr, 10);
    else if (arg == "--compare" && value) options.compare = std::strtoul(argv[++i], nullptr, 10);
    else if (arg == "--shards" && value) {
      for (const char* p = argv[++i]; *p;) {
        char* end = nullptr;
        const std::size_t n = std::strtoul(p, &end, 10);
        if (end == p || n < 1) return Usage("--shards takes N or N,N,... (N >= 1)");
        options.shards.push_back(n);
        p = *end == ',' ? end + 1 : end;
      }
    }
    else if (arg == "--remote") options.remote = true;
    else if (arg == "--only-shards") options.only_shards = true;
    else if (arg == "--build-only") options.build_only = true;
    else if (arg == "--rebuild") options.rebuild = true;
    else return Usage(("unknown argument " + arg).c_str());
  }
  if (options.index.empty()) return Usage("--index DIR is required (the index is kept there)");
  if (options.only_shards && options.shards.empty()) return Usage("--only-shards needs --shards N");
  if (options.remote && options.shards.empty()) return Usage("--remote needs --shards N");
  if (options.remote && !testing::HaveXapianTcpServer()) return Usage("--remote needs xapian-tcpsrv (xapian-tools)");
  if (const char* env = std::getenv("SEXTANT_CORPORA"); env && *env) options.corpora = env;
  std::string error;
  const auto devset = eval::ReadDevset(options.corpora / "unpc-devset", &error);
  if (!devset) {
    std::fprintf(stderr, "index_bench: %s (the devset is in ../shared/corpora/unpc-devset; --corpora DIR)\n",
                 error.c_str());
    return 1;
  }
  const std::size_t rounds = RoundsFor(*devset, options.min_segments);

  std::vector<Layout> layouts;
  if (!options.only_shards) layouts.push_back({"1 index", {options.index}, false});
  for (const std::size_t n : options.shards) {
    layouts.push_back({std::to_string(n) + " local shards", ShardFolders(options.index, n), false});
  }
  if (options.remote) {
    for (const std::size_t n : options.shards) {
      layouts.push_back({std::to_string(n) + " remote shards", ShardFolders(options.index, n), true});
    }
  }
  for (const Layout& layout : layouts) {
    if (!layout.remote && !EnsureBuilt(*devset, options, layout.folders, rounds)) return 1;
  }
  if (options.build_only) return 0;

  const std::vector<Query> queries = MakeQueries(*devset, rounds, options.per_language);
  std::vector<Answer> reference;
  std::vector<LayoutResult> results(layouts.size());
  for (std::size_t l = 0; l < layouts.size(); ++l) {
    std::vector<Answer> answers;
    const bool single = layouts[l].folders.size() == 1 && !layouts[l].remote && !options.only_shards && l == 0;
    if (!Measure(layouts[l], queries, single ? &reference : &answers, single ? nullptr : &reference, &results[l])) {
      return 1;
    }
  }
  std::printf("\nsummary, %zu queries in process (one thread), load average %.1f:\n", queries.size(), [] {
    double load[1] = {0};
    return getloadavg(load, 1) == 1 ? load[0] : 0.0;
  }());
  std::printf("%-20s %23s %23s %9s %s\n", "", "facets off: p50 p99 max", "facets on: p50 p99 max", "same", "p99 < 50 ms");
  for (std::size_t l = 0; l < layouts.size(); ++l) {
    const LayoutResult& r = results[l];
    const std::string same = r.compared ? std::to_string(r.agree) + "/" + std::to_string(queries.size()) : "(ref)";
    const double worst = std::max(r.off.Percentile(0.99), r.on.Percentile(0.99));
    std::printf("%-20s %7.2f %7.2f %7.1f %7.2f %7.2f %7.1f %9s %s\n", layouts[l].name.c_str(), r.off.Percentile(0.50),
                r.off.Percentile(0.99), r.off.Max(), r.on.Percentile(0.50), r.on.Percentile(0.99), r.on.Max(),
                same.c_str(), worst < 50 ? "met" : "NOT met");
  }
  if (options.compare > 0 && !options.only_shards) CompareProcesses(options, *devset, rounds, queries);
  std::printf("\nthe index stays in %s%s; rebuild it with: index_bench --index %s --rebuild\n",
              options.index.c_str(), options.shards.empty() ? "" : " (and the shards in DIR-Nshards)",
              options.index.c_str());
  return 0;
}

}  // namespace
}  // namespace sextant::bench

int main(int argc, char** argv) { return sextant::bench::Main(argc, argv); }
