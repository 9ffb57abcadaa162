// See index_bench_corpus.h.
#include "tests/bench/index_bench_corpus.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>

#include "index/index_writer.h"
#include "pipeline/content_hash.h"
#include "stages/align/document_aligner.h"

namespace sextant::bench {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using eval::Devset;

namespace {

constexpr std::size_t kBatchSegments = 20000;  // segments per transaction (per shard)

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

}  // namespace

DocumentFacts FactsOf(const Devset& devset, std::size_t round, std::size_t d) {
  DocumentFacts facts;
  facts.symbol = SymbolOf(devset.document_ids[d]) + (round ? "/Add." + std::to_string(round) : "");
  facts.date = DateOf(static_cast<long>(round * devset.document_ids.size() + d));
  facts.item = std::to_string(1 + (d * 7 + round) % 120) + (d % 3 == 0 ? "(a)" : "");
  facts.path_stem = "unpc-devset/r" + std::to_string(round) + "/" + devset.document_ids[d];
  return facts;
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

bool BuildIndex(const Devset& devset, const std::vector<fs::path>& folders, std::size_t rounds) {
  const Clock::time_point start = Clock::now();
  struct Shard {
    std::unique_ptr<IndexWriter> writer;
    std::vector<std::unique_ptr<BuiltSet>> batch;
    std::size_t batch_segments = 0;
  };
  std::vector<Shard> shards(folders.size());
  for (std::size_t k = 0; k < folders.size(); ++k) {
    if (const Status status = IndexWriter::Open(folders[k].string(), {}, &shards[k].writer); !status.ok()) {
      std::fprintf(stderr, "index_bench: %s\n", status.ToString().c_str());
      return false;
    }
  }
  std::size_t segments = 0, transactions = 0;
  auto flush = [&](Shard& shard) -> bool {
    if (shard.batch.empty()) return true;
    std::vector<std::vector<IndexVersion>> sets;
    for (const auto& set : shard.batch) sets.push_back(set->Versions());
    std::vector<IndexWriter::SetOutcome> outcomes;
    const Status status = shard.writer->AddDocumentSets(sets, &outcomes);
    for (const auto& outcome : outcomes) {
      if (!outcome.status.ok()) {
        std::fprintf(stderr, "index_bench: %s\n", outcome.status.ToString().c_str());
        return false;
      }
      segments += outcome.counts.segments;
    }
    if (!status.ok()) {
      std::fprintf(stderr, "index_bench: %s\n", status.ToString().c_str());
      return false;
    }
    ++transactions;
    std::fprintf(stderr, "\rindex_bench: building [%zu segments, %.0f s]", segments, Seconds(start));
    shard.batch.clear();
    shard.batch_segments = 0;
    return true;
  };
  std::size_t next = 0;
  for (std::size_t round = 0; round < rounds; ++round) {
    for (std::size_t d = 0; d < devset.document_ids.size(); ++d) {
      Shard& shard = shards[next++ % shards.size()];
      shard.batch.push_back(MakeSet(devset, round, d));
      shard.batch_segments += shard.batch.back()->segments;
      if (shard.batch_segments >= kBatchSegments && !flush(shard)) return false;
    }
  }
  std::size_t entries = 0;
  for (Shard& shard : shards) {
    if (!flush(shard)) return false;
    entries += shard.writer->entry_count();
    shard.writer.reset();  // commits and closes
  }
  const double seconds = Seconds(start);
  std::fprintf(stderr, "\r\033[K");
  std::printf("build: %zu rounds of the devset into %zu %s, %zu segments, %zu entries, %zu transactions, %.1f s "
              "(%.0f segments/s)\n", rounds, folders.size(), folders.size() == 1 ? "folder" : "shards", segments,
              entries, transactions, seconds, static_cast<double>(segments) / seconds);
  return true;
}

std::uintmax_t FolderBytes(const fs::path& folder) {
  std::uintmax_t bytes = 0;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.is_regular_file()) bytes += entry.file_size();
  }
  return bytes;
}

}  // namespace sextant::bench
