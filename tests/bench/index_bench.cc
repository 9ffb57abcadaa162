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
//   build/tests/bench/index_bench --index /tmp/sextant-200k [--rebuild]
//       [--min-segments N] [--per-language N] [--compare N]
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
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
#include "index/index_writer.h"
#include "pipeline/content_hash.h"
#include "pipeline/unicode_text.h"
#include "stages/align/document_aligner.h"
#include "tests/corpus/alignment_eval.h"

extern char** environ;

namespace sextant::bench {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using eval::Devset;

constexpr std::size_t kBatchSegments = 20000;  // segments per transaction

struct Options {
  fs::path index;
  fs::path corpora = SEXTANT_SHARED_CORPORA;
  std::string sextant = SEXTANT_CLI;
  std::size_t min_segments = 200000;
  std::size_t per_language = 200;
  std::size_t compare = 200;
  bool rebuild = false;
};

double Seconds(Clock::time_point from) { return std::chrono::duration<double>(Clock::now() - from).count(); }

// "2015/a/ac_182/l_139" → "A/AC.182/L.139".
std::string SymbolOf(std::string id) {
  if (const std::size_t slash = id.find('/'); slash != std::string::npos) id.erase(0, slash + 1);
  for (char& c : id) {
    if (c == '_') c = '.';
    else if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return id;
}

// Days since 2001-01-01 → "YYYY-MM-DD" (proleptic Gregorian).
std::string DateOf(long days) {
  long z = days + 730851;  // 2001-01-01 as days since 0000-03-01
  const long era = z / 146097, doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
  const long day = doy - (153 * mp + 2) / 5 + 1, month = mp < 10 ? mp + 3 : mp - 9;
  const long year = yoe + era * 400 + (month <= 2);
  char text[64];  // room for three of any long: the compiler then sees no truncation
  std::snprintf(text, sizeof text, "%04ld-%02ld-%02ld", year, month, day);
  return text;
}

// What round r makes of devset document d.
struct DocumentFacts {
  std::string symbol, date, item, path_stem;
};

DocumentFacts FactsOf(const Devset& devset, std::size_t round, std::size_t d) {
  DocumentFacts facts;
  facts.symbol = SymbolOf(devset.document_ids[d]) + (round ? "/Add." + std::to_string(round) : "");
  facts.date = DateOf(static_cast<long>(round * devset.document_ids.size() + d));
  facts.item = std::to_string(1 + (d * 7 + round) % 120) + (d % 3 == 0 ? "(a)" : "");
  facts.path_stem = "unpc-devset/r" + std::to_string(round) + "/" + devset.document_ids[d];
  return facts;
}

std::string PathOf(const DocumentFacts& facts, Language language) {
  return facts.path_stem + "." + std::string(Code(language));
}

std::vector<Language> PivotFirst() {
  std::vector<Language> order = {Language::kEnglish};
  for (const LanguageInfo& info : AllLanguages()) {
    if (info.language != Language::kEnglish) order.push_back(info.language);
  }
  return order;
}

std::size_t SegmentsPerRound(const Devset& devset) {
  std::size_t n = 0;
  for (const LanguageInfo& info : AllLanguages()) {
    for (const auto& sentences : devset.Of(info.language)) n += sentences.size();
  }
  return n;
}

std::size_t RoundsFor(const Devset& devset, std::size_t min_segments) {
  const std::size_t per_round = SegmentsPerRound(devset);
  return std::max<std::size_t>(1, (min_segments + per_round - 1) / per_round);
}

std::size_t ExpectedEntries(const Devset& devset, std::size_t rounds) {
  return rounds * (SegmentsPerRound(devset) + devset.document_ids.size() * AllLanguages().size());
}

// One document set of the build, owning what its IndexVersions point to.
struct BuiltSet {
  std::vector<Document> documents;
  std::vector<std::string> hashes;
  std::vector<DocumentAlignment> alignments;
  std::size_t segments = 0;

  std::vector<IndexVersion> Versions() const {
    std::vector<IndexVersion> versions;
    for (std::size_t k = 0; k < documents.size(); ++k) {
      versions.push_back({&documents[k], hashes[k], k == 0 ? nullptr : &alignments[k]});
    }
    return versions;
  }
};

std::unique_ptr<BuiltSet> MakeSet(const Devset& devset, std::size_t round, std::size_t d) {
  auto set = std::make_unique<BuiltSet>();
  const DocumentFacts facts = FactsOf(devset, round, d);
  const std::vector<Language> order = PivotFirst();
  const std::size_t pivot_size = devset.Of(Language::kEnglish)[d].size();
  set->alignments.resize(order.size());
  for (std::size_t k = 0; k < order.size(); ++k) {
    const std::vector<std::string>& sentences = devset.Of(order[k])[d];
    Document document;
    document.path = PathOf(facts, order[k]);
    document.language = order[k];
    document.furniture.symbol = facts.symbol;
    document.furniture.date = facts.date;
    for (const std::string& sentence : sentences) {
      Paragraph paragraph;
      paragraph.text = sentence;
      paragraph.page = 1;
      paragraph.segments = {{0, sentence.size()}};
      paragraph.agenda_item = facts.item;
      document.paragraphs.push_back(std::move(paragraph));
    }
    set->segments += sentences.size();
    set->hashes.push_back(HashBytes(document.path + " round " + std::to_string(round)));
    set->documents.push_back(std::move(document));
    if (k > 0) {
      for (std::size_t s = 0; s < std::min(pivot_size, sentences.size()); ++s) {
        set->alignments[k].sentences.links.push_back({{s}, {s}, 1.0});
      }
    }
  }
  return set;
}

bool BuildIndex(const Devset& devset, const Options& options, std::size_t rounds) {
  const Clock::time_point start = Clock::now();
  std::unique_ptr<IndexWriter> writer;
  if (const Status status = IndexWriter::Open(options.index.string(), {}, &writer); !status.ok()) {
    std::fprintf(stderr, "index_bench: %s\n", status.ToString().c_str());
    return false;
  }
  std::size_t segments = 0, batches = 0;
  std::vector<std::unique_ptr<BuiltSet>> batch;
  std::size_t batch_segments = 0;
  auto flush = [&]() -> bool {
    if (batch.empty()) return true;
    std::vector<std::vector<IndexVersion>> sets;
    for (const auto& set : batch) sets.push_back(set->Versions());
    std::vector<IndexWriter::SetOutcome> outcomes;
    const Status status = writer->AddDocumentSets(sets, &outcomes);
    for (const auto& outcome : outcomes) {
      if (!outcome.status.ok()) {
        std::fprintf(stderr, "index_bench: %s\n", outcome.status.ToString().c_str());
        return false;
      }
      segments += outcome.counts.segments;
    }
    if (!status.ok()) return false;
    ++batches;
    std::fprintf(stderr, "\rindex_bench: building [%zu segments]", segments);
    batch.clear();
    batch_segments = 0;
    return true;
  };
  for (std::size_t round = 0; round < rounds; ++round) {
    for (std::size_t d = 0; d < devset.document_ids.size(); ++d) {
      batch.push_back(MakeSet(devset, round, d));
      batch_segments += batch.back()->segments;
      if (batch_segments >= kBatchSegments && !flush()) return false;
    }
  }
  if (!flush()) return false;
  const double seconds = Seconds(start);
  std::fprintf(stderr, "\r\033[K");
  std::printf("build: %zu rounds of the devset, %zu segments, %zu entries, %zu transactions, %.1f s "
              "(%.0f segments/s)\n", rounds, segments, writer->entry_count(), batches, seconds,
              static_cast<double>(segments) / seconds);
  return true;
}

std::uintmax_t FolderBytes(const fs::path& folder) {
  std::uintmax_t bytes = 0;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.is_regular_file()) bytes += entry.file_size();
  }
  return bytes;
}

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

bool RunInProcess(IndexSearcher& searcher, const std::vector<Query>& queries, bool facets, Latencies* all,
                  std::vector<Latencies>* by_kind, std::size_t* found, std::size_t* word_queries) {
  by_kind->assign(5, Latencies());
  const Clock::time_point start = Clock::now();
  for (const Query& query : queries) {
    SearchOptions options = query.options;
    options.facets = facets;
    SearchResult result;
    const Clock::time_point t = Clock::now();
    const Status status = searcher.Search(query.text, options, &result);
    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t).count();
    if (!status.ok()) {
      std::fprintf(stderr, "index_bench: query '%s': %s\n", query.text.c_str(), status.ToString().c_str());
      return false;
    }
    all->ms.push_back(ms);
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

// ---- main ---------------------------------------------------------------------

int Usage(const char* message) {
  std::fprintf(stderr, "index_bench: %s\nusage: index_bench --index DIR [--rebuild] [--min-segments N] "
                       "[--per-language N] [--compare N] [--corpora DIR] [--sextant BIN]\n", message);
  return 2;
}

int Main(int argc, char** argv) {
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
    else if (arg == "--rebuild") options.rebuild = true;
    else return Usage(("unknown argument " + arg).c_str());
  }
  if (options.index.empty()) return Usage("--index DIR is required (the index is kept there)");
  if (const char* env = std::getenv("SEXTANT_CORPORA"); env && *env) options.corpora = env;
  std::string error;
  const auto devset = eval::ReadDevset(options.corpora / "unpc-devset", &error);
  if (!devset) {
    std::fprintf(stderr, "index_bench: %s (the devset is in ../shared/corpora/unpc-devset; --corpora DIR)\n",
                 error.c_str());
    return 1;
  }
  const std::size_t rounds = RoundsFor(*devset, options.min_segments);
  const std::size_t expected = ExpectedEntries(*devset, rounds);

  std::unique_ptr<IndexSearcher> searcher;
  const bool exists = fs::exists(options.index);
  if (exists && !fs::is_empty(options.index)) {
    const Status opened = IndexSearcher::Open(options.index.string(), &searcher);
    if (!opened.ok()) {
      std::fprintf(stderr, "index_bench: %s: %s (or give a new folder)\n", options.index.c_str(),
                   opened.message().c_str());
      return 1;
    }
    if (options.rebuild || searcher->entry_count() != expected) {
      if (!options.rebuild) {
        std::fprintf(stderr, "index_bench: %s holds %zu entries, not the %zu of this build; pass --rebuild\n",
                     options.index.c_str(), searcher->entry_count(), expected);
        return 1;
      }
      searcher.reset();
      fs::remove_all(options.index);
    } else {
      std::printf("reusing %s (%zu entries)\n", options.index.c_str(), searcher->entry_count());
    }
  }
  if (!searcher) {
    if (!BuildIndex(*devset, options, rounds)) return 1;
    const Status opened = IndexSearcher::Open(options.index.string(), &searcher);
    if (!opened.ok()) {
      std::fprintf(stderr, "index_bench: %s\n", opened.ToString().c_str());
      return 1;
    }
  }
  const std::size_t documents = rounds * devset->document_ids.size() * AllLanguages().size();
  std::printf("index: %s, %zu entries (%zu segments, %zu documents), %.0f MiB\n", options.index.c_str(),
              searcher->entry_count(), searcher->entry_count() - documents, documents,
              static_cast<double>(FolderBytes(options.index)) / (1 << 20));

  const std::vector<Query> queries = MakeQueries(*devset, rounds, options.per_language);
  std::printf("\nin process (IndexSearcher, one thread), %zu queries, limit 10, the translation shown:\n",
              queries.size());
  std::printf("%-44s %6s %9s %9s %9s %9s\n", "queries", "n", "p50 ms", "p99 ms", "max ms", "q/s");
  double p99_with_facets = 0;
  {  // A pass to warm the page cache, not counted (the build may be long gone).
    Latencies warm;
    std::vector<Latencies> by_kind;
    std::size_t found = 0, word_queries = 0;
    if (!RunInProcess(*searcher, queries, true, &warm, &by_kind, &found, &word_queries)) return 1;
    std::printf("%-44s %6zu %9.2f %9.2f %9.2f %9.0f\n", "(warm-up pass, facets on)", warm.ms.size(),
                warm.Percentile(0.50), warm.Percentile(0.99), warm.Max(),
                static_cast<double>(warm.ms.size()) / warm.seconds);
  }
  for (const bool facets : {false, true}) {
    Latencies all;
    std::vector<Latencies> by_kind;
    std::size_t found = 0, word_queries = 0;
    if (!RunInProcess(*searcher, queries, facets, &all, &by_kind, &found, &word_queries)) return 1;
    const std::string name = std::string("all, facets ") + (facets ? "on" : "off");
    PrintLatencies(name.c_str(), all);
    for (std::size_t k = 0; k < by_kind.size(); ++k) PrintLatencies((std::string("  ") + kKindNames[k]).c_str(), by_kind[k]);
    std::printf("  sentence in the top 10: %zu/%zu word queries\n", found, word_queries);
    if (facets) p99_with_facets = all.Percentile(0.99);
  }
  std::printf("target: p99 < 50 ms with facets: %.2f ms (%s)\n", p99_with_facets,
              p99_with_facets < 50 ? "met" : "NOT met");
  searcher.reset();
  if (options.compare > 0) CompareProcesses(options, *devset, rounds, queries);
  std::printf("\nthe index stays in %s; rebuild it with: index_bench --index %s --rebuild\n",
              options.index.c_str(), options.index.c_str());
  return 0;
}

}  // namespace
}  // namespace sextant::bench

int main(int argc, char** argv) { return sextant::bench::Main(argc, argv); }
