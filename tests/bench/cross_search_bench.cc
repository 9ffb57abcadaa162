// Search across languages (issue 16, item 4; serve/cross_search.h), on the
// UN Parallel Corpus devset (../shared/corpora/unpc-devset):
//
//   - Half A of the documents (0, 2, 4, ... in order of first line) teaches
//     the lexicon, as `sextant ingest` learns it (ingest/ingest_lexicon.h:
//     each language's version aligned with the English one, the confident
//     1–1 links counted); it is stored in each index's lexicon/ folder.
//   - Half B (1, 3, 5, ...) is indexed twice: all six versions of each
//     document (linked sentence by sentence), and each document in one
//     language only, drawn with std::mt19937 seeded 2026.
//   - 200 sentences of half B are drawn (same generator); each is queried
//     by three of its words in a language other than the one its document
//     has in the one-language index (words with a letter, not function
//     words, not lone Han characters; three drawn among them).
//   - A query finds its sentence when a hit among the first ten is that
//     sentence of that document, in any language.
//
// Recall@10 of: the full index, plain search; the one-language index,
// plain search; the one-language index with cross search (the lexicon and
// FreeDict; FreeDict alone; the lexicon alone). Prints one table.
//
//   build/tests/bench/cross_search_bench [--devset DIR] [--work DIR] [--queries N]
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "index/index_searcher.h"
#include "index/index_writer.h"
#include "ingest/ingest_lexicon.h"
#include "pipeline/content_hash.h"
#include "serve/cross_search.h"
#include "stages/align/document_aligner.h"
#include "stages/align/sentence_features.h"
#include "tests/corpus/alignment_eval.h"

namespace sextant {
namespace {

namespace fs = std::filesystem;
using eval::Devset;

constexpr unsigned kSeed = 2026;

std::string SymbolOf(std::size_t d) { return "A/SXC/" + std::to_string(d); }

std::string Lines(const std::vector<std::string>& sentences) {
  std::string text;
  for (const std::string& sentence : sentences) text += sentence + "\n";
  return text;
}

Document DocumentOf(const Devset& devset, std::size_t d, Language language) {
  Document document;
  document.path = "devset/" + std::to_string(d) + "." + std::string(Code(language));
  document.language = language;
  document.furniture.symbol = SymbolOf(d);
  document.furniture.date = "2015-01-01";
  for (const std::string& sentence : devset.Of(language)[d]) {
    Paragraph paragraph;
    paragraph.text = sentence;
    paragraph.page = 1;
    paragraph.segments = {{0, sentence.size()}};
    document.paragraphs.push_back(std::move(paragraph));
  }
  return document;
}

bool LearnLexicon(const Devset& devset, const fs::path& folder) {
  IngestLexicon lexicon(folder.string(), std::size_t{256} << 20, /*min_links=*/0);
  for (std::size_t d = 0; d < devset.document_ids.size(); d += 2) {
    const AlignableText english = AlignableFromLines(Lines(devset.Of(Language::kEnglish)[d]), Language::kEnglish, true);
    for (const LanguageInfo& info : AllLanguages()) {
      if (info.language == Language::kEnglish) continue;
      const AlignableText other = AlignableFromLines(Lines(devset.Of(info.language)[d]), info.language, true);
      AlignerOptions options;
      options.dictionary = lexicon.Base(Language::kEnglish, info.language);
      lexicon.Learn(AlignDocuments(english, other, options));
    }
  }
  IngestLexiconSaved saved;
  const Status status = lexicon.Save(&saved);
  std::printf("lexicon of half A: %zu sentence links counted, %zu word pairs stored for %zu language pairs\n",
              saved.sentence_pairs, saved.pairs, saved.files);
  if (!status.ok()) std::fprintf(stderr, "cross_search_bench: %s\n", status.ToString().c_str());
  return status.ok();
}

// Half B into `folder`: every version (`one_language` empty), or each
// document's version in one_language[d] only.
bool BuildIndex(const Devset& devset, const fs::path& folder, const std::vector<Language>& one_language) {
  std::unique_ptr<IndexWriter> writer;
  if (Status status = IndexWriter::Open(folder.string(), {}, &writer); !status.ok()) {
    std::fprintf(stderr, "cross_search_bench: %s\n", status.ToString().c_str());
    return false;
  }
  for (std::size_t d = 1; d < devset.document_ids.size(); d += 2) {
    std::vector<Document> documents;
    std::vector<DocumentAlignment> alignments;
    std::vector<Language> languages = {Language::kEnglish};
    if (one_language.empty()) {
      for (const LanguageInfo& info : AllLanguages()) {
        if (info.language != Language::kEnglish) languages.push_back(info.language);
      }
    } else {
      languages = {one_language[d]};
    }
    for (Language language : languages) documents.push_back(DocumentOf(devset, d, language));
    alignments.resize(documents.size());
    std::vector<IndexVersion> versions;
    for (std::size_t k = 0; k < documents.size(); ++k) {
      if (k > 0) {
        for (std::size_t s = 0; s < documents[k].paragraphs.size(); ++s) alignments[k].sentences.links.push_back({{s}, {s}, 1.0});
      }
      versions.push_back({&documents[k], HashBytes(documents[k].path), k == 0 ? nullptr : &alignments[k]});
    }
    AddCounts counts;
    if (Status status = writer->AddDocumentSet(versions, &counts); !status.ok()) {
      std::fprintf(stderr, "cross_search_bench: %s\n", status.ToString().c_str());
      return false;
    }
  }
  return true;
}

bool Informative(const std::string& word, Language language) {
  if (language == Language::kChinese) {
    return word.size() >= 6;  // two Han characters or more (3 bytes each)
  }
  const auto& common = Info(language).common_words;
  if (std::find(common.begin(), common.end(), word) != common.end()) return false;
  return word.size() >= 4;
}

struct Query {
  std::size_t document = 0, sentence = 0;
  Language language = Language::kEnglish;  // of the words
  std::string text;
};

std::vector<Query> DrawQueries(const Devset& devset, const std::vector<Language>& one_language, std::size_t count,
                               std::mt19937& random) {
  std::vector<Query> queries;
  const auto languages = AllLanguages();
  for (int attempts = 0; queries.size() < count && attempts < 100000; ++attempts) {
    Query query;
    query.document = 1 + 2 * (random() % (devset.document_ids.size() / 2));
    query.sentence = random() % devset.Of(Language::kEnglish)[query.document].size();
    do {
      query.language = languages[random() % languages.size()].language;
    } while (query.language == one_language[query.document]);
    std::vector<std::string> words;
    for (const std::string& word :
         LexiconWords(devset.Of(query.language)[query.document][query.sentence], query.language)) {
      if (Informative(word, query.language)) words.push_back(word);
    }
    if (words.size() < 3) continue;
    std::shuffle(words.begin(), words.end(), random);
    query.text = words[0] + " " + words[1] + " " + words[2];
    queries.push_back(std::move(query));
  }
  return queries;
}

bool Found(const std::vector<SearchHit>& hits, const Query& query) {
  for (const SearchHit& hit : hits) {
    if (hit.symbol == SymbolOf(query.document) && hit.segment == query.sentence) return true;
  }
  return false;
}

int Run(const fs::path& devset_folder, const fs::path& work, std::size_t count) {
  std::string error;
  const std::optional<Devset> devset = eval::ReadDevset(devset_folder, &error);
  if (!devset) {
    std::printf("cross_search_bench: skipped: %s\n", error.c_str());
    return 0;
  }
  fs::remove_all(work);
  const fs::path full = work / "full", single = work / "one-language", lexicon = work / "lexicon";
  if (!LearnLexicon(*devset, lexicon)) return 1;
  std::mt19937 random(kSeed);
  std::vector<Language> one_language(devset->document_ids.size(), Language::kEnglish);
  const auto languages = AllLanguages();
  for (Language& language : one_language) language = languages[random() % languages.size()].language;
  if (!BuildIndex(*devset, full, {}) || !BuildIndex(*devset, single, one_language)) return 1;
  for (const fs::path& index : {full, single}) fs::copy(lexicon, index / "lexicon");
  const std::vector<Query> queries = DrawQueries(*devset, one_language, count, random);

  std::unique_ptr<IndexSearcher> full_searcher, single_searcher;
  if (!IndexSearcher::Open(full.string(), &full_searcher).ok() ||
      !IndexSearcher::Open(single.string(), &single_searcher).ok()) {
    std::fprintf(stderr, "cross_search_bench: cannot open the indexes in %s\n", work.c_str());
    return 1;
  }
  const std::string no_folder = (work / "none").string();
  QueryTranslator both({(single / "lexicon").string()}, "/usr/share/dictd");
  QueryTranslator dictionary_only({no_folder}, "/usr/share/dictd");
  QueryTranslator lexicon_only({(single / "lexicon").string()}, "");
  struct Row {
    const char* name;
    std::size_t found = 0;
  };
  std::vector<Row> rows = {{"full six-language index, plain search"},
                           {"one-language index, plain search"},
                           {"one-language index, --cross (index lexicon + FreeDict)"},
                           {"one-language index, --cross (FreeDict only)"},
                           {"one-language index, --cross (index lexicon only)"},
                           {"(the translation into the document's language, searched alone)"}};
  std::size_t by_language[6] = {}, found_by_language[6] = {};
  for (const Query& query : queries) {
    SearchOptions options;
    options.facets = false;
    options.snippet_bytes = 0;
    SearchResult result;
    if (full_searcher->Search(query.text, options, &result).ok() && Found(result.hits, query)) ++rows[0].found;
    if (single_searcher->Search(query.text, options, &result).ok() && Found(result.hits, query)) ++rows[1].found;
    {
      const Language target = one_language[query.document];
      const QueryTranslation translation = both.Translate(query.text, query.language, target);
      SearchOptions alone = options;
      alone.language = target;
      if (!translation.query.empty() && single_searcher->Search(translation.query, alone, &result).ok() &&
          Found(result.hits, query)) {
        ++rows[5].found;
      }
    }
    options.language = query.language;
    QueryTranslator* translators[] = {&both, &dictionary_only, &lexicon_only};
    for (std::size_t t = 0; t < 3; ++t) {
      CrossSearchResult cross;
      const bool found = CrossSearch(*single_searcher, *translators[t], query.text, options, &cross).ok() &&
                         Found(cross.result.hits, query);
      rows[2 + t].found += found;
      if (t == 0) {
        ++by_language[static_cast<int>(query.language)];
        found_by_language[static_cast<int>(query.language)] += found;
      }
    }
  }
  std::printf("%zu queries of three words, each in a language its document does not have in the one-language index\n\n",
              queries.size());
  std::printf("| index, search | recall@10 |\n|---|---|\n");
  for (const Row& row : rows) {
    std::printf("| %s | %.3f (%zu) |\n", row.name, static_cast<double>(row.found) / static_cast<double>(queries.size()),
                row.found);
  }
  std::printf("\n--cross (lexicon + FreeDict) by query language:");
  for (const LanguageInfo& info : languages) {
    const int k = static_cast<int>(info.language);
    if (by_language[k] > 0) {
      std::printf(" %s %.2f (%zu)", std::string(info.code).c_str(),
                  static_cast<double>(found_by_language[k]) / static_cast<double>(by_language[k]), by_language[k]);
    }
  }
  std::printf("\n");
  return 0;
}

}  // namespace
}  // namespace sextant

int main(int argc, char** argv) {
  std::filesystem::path devset = std::filesystem::path(SEXTANT_SHARED_CORPORA) / "unpc-devset";
  std::filesystem::path work = std::filesystem::temp_directory_path() / "cross_search_bench";
  std::size_t queries = 200;
  for (int k = 1; k + 1 < argc; k += 2) {
    const std::string flag = argv[k];
    if (flag == "--devset") devset = argv[k + 1];
    else if (flag == "--work") work = argv[k + 1];
    else if (flag == "--queries") queries = std::stoul(argv[k + 1]);
    else {
      std::fprintf(stderr, "usage: cross_search_bench [--devset DIR] [--work DIR] [--queries N]\n");
      return 2;
    }
  }
  return sextant::Run(devset, work, queries);
}
