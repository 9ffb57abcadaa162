// `sextant align`: two language versions of one document, aligned sentence
// by sentence, as JSON (default), TSV or TMX; with --batch, many document
// pairs in one process (one "source target output" line each).
#include <unistd.h>
#include <zlib.h>

#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <sstream>

#include <nlohmann/json.hpp>

#include "pipeline/cli/commands.h"
#include "pipeline/parallel.h"
#include "pipeline/cli/extraction.h"
#include "pipeline/runner.h"
#include "pipeline/document_set.h"
#include "stages/align/dictionary.h"
#include "stages/align/document_aligner.h"
#include "stages/align/lexicon.h"
#include "stages/align/pivot.h"
#include "stages/export/tmx_writer.h"
#include "stages/segment/sentence_segmenter.h"
#include "stages/standard_stages.h"

namespace sextant::cli {
namespace {

enum class InputKind { kPdf, kText, kSegmented };
enum class Format { kJson, kTsv, kTmx };

struct AlignArguments {
  std::vector<std::string> files;
  InputKind input = InputKind::kPdf;
  Format format = Format::kJson;
  std::vector<Language> languages;  // for text input
  std::string output;               // empty: standard output
  bool paragraphs = false;          // --level paragraph
  AlignerOptions options;           // --signals
  std::string batch;                // --batch LIST
  bool batch_lexicon = false;       // --batch-lexicon: one lexicon learned from every pair
  int jobs = 2;                     // --jobs N: pairs of a batch aligned in parallel
  bool jobs_given = false;
  std::string dictionaries = "/usr/share/dictd";  // --dictionary DIR, or "none"
};

std::optional<std::vector<Language>> ParseLanguages(const std::string& list) {
  std::vector<Language> languages;
  std::size_t start = 0;
  while (start <= list.size()) {
    const std::size_t comma = list.find(',', start);
    const auto code = LanguageFromCode(list.substr(start, comma - start));
    if (!code) return std::nullopt;
    languages.push_back(*code);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return languages;
}

// Parses the arguments; returns a usage problem, or empty.
std::string Parse(const std::vector<std::string>& args, AlignArguments& out) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    const bool has_value = i + 1 < args.size();
    if (arg == "--text") {
      out.input = InputKind::kText;
    } else if (arg == "--segmented") {
      out.input = InputKind::kSegmented;
    } else if (arg == "--format" && has_value) {
      const std::string& format = args[++i];
      if (format == "json") out.format = Format::kJson;
      else if (format == "tsv") out.format = Format::kTsv;
      else if (format == "tmx") out.format = Format::kTmx;
      else return "--format takes json, tsv or tmx, not " + format;
    } else if (arg == "--langs" && has_value) {
      const auto languages = ParseLanguages(args[++i]);
      if (!languages || languages->size() != 2) {
        return "--langs takes two of ar zh en fr ru es, as in --langs zh,en";
      }
      out.languages = *languages;
    } else if (arg == "--level" && has_value) {
      const std::string& level = args[++i];
      if (level != "paragraph" && level != "sentence") {
        return "--level takes paragraph or sentence, not " + level;
      }
      out.paragraphs = level == "paragraph";
    } else if (arg == "--signals" && has_value) {
      // Which evidence the aligner uses, to measure what each one gains.
      const std::string list = "," + args[++i] + ",";
      out.options.use_length = list.find(",length,") != std::string::npos;
      out.options.use_anchors = list.find(",anchors,") != std::string::npos;
      out.options.use_lexicon = list.find(",lexicon,") != std::string::npos;
      out.options.use_cognates = list.find(",cognates,") != std::string::npos;
      if (!out.options.use_length && !out.options.use_anchors && !out.options.use_lexicon &&
          !out.options.use_cognates) {
        return "--signals takes a list of length, anchors, cognates, lexicon";
      }
    } else if (arg == "--output" && has_value) {
      out.output = args[++i];
    } else if (arg == "--batch" && has_value) {
      out.batch = args[++i];
    } else if (arg == "--batch-lexicon") {
      out.batch_lexicon = true;
    } else if (arg == "--jobs" && has_value) {
      out.jobs = std::atoi(args[++i].c_str());
      out.jobs_given = true;
      if (out.jobs < 1) return "--jobs takes a whole number of at least 1";
    } else if (arg == "--dictionary" && has_value) {
      out.dictionaries = args[++i];
    } else if (arg.rfind("--", 0) == 0) {
      return "unknown option " + arg;
    } else {
      out.files.push_back(arg);
    }
  }
  if (!out.batch.empty()) {
    if (!out.files.empty()) return "--batch takes its files from the list, not the command line";
    if (out.input == InputKind::kPdf) return "--batch takes text input: --text or --segmented, with --langs";
    if (!out.output.empty()) return "--batch writes the output named on each line of the list, not --output";
  } else if (out.jobs_given) {
    return "--jobs is for --batch: one pair is aligned on one thread";
  } else if (out.files.size() != 2) {
    return "align takes exactly two files, one per language";
  }
  if (out.input != InputKind::kPdf && out.languages.empty()) {
    return "text input needs the languages: --langs zh,en";
  }
  return "";
}

std::optional<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// A text file: one paragraph (or, segmented, one sentence) a line.
std::optional<AlignableText> ReadText(const std::string& path, Language language, bool segmented) {
  const std::optional<std::string> content = ReadFile(path);
  if (!content) return std::nullopt;
  AlignableText text;
  text.language = language;
  std::optional<SentenceSegmenter> segmenter;  // built only when needed: ICU is slow to start
  if (!segmented) segmenter.emplace(language);
  std::size_t start = 0;
  while (start < content->size()) {
    std::size_t end = content->find('\n', start);
    if (end == std::string::npos) end = content->size();
    std::string line = content->substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    start = end + 1;
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    text.sentences.push_back(segmented ? std::vector<Segment>{{0, line.size()}} : segmenter->Split(line));
    text.paragraphs.push_back(std::move(line));
  }
  return text;
}

// A whole gzip-compressed file (dictzip is gzip), or nothing.
std::optional<std::string> ReadGzip(const std::string& path) {
  gzFile file = gzopen(path.c_str(), "rb");
  if (file == nullptr) return std::nullopt;
  std::string content;
  char buffer[1 << 16];
  int got = 0;
  while ((got = gzread(file, buffer, sizeof buffer)) > 0) content.append(buffer, static_cast<std::size_t>(got));
  const bool ok = got == 0;
  gzclose(file);
  if (!ok) return std::nullopt;
  return content;
}

// The FreeDict dictionaries of the pair found in `folder` (either
// direction, both when there are two), as a lexicon; null when there is
// none.
std::unique_ptr<Lexicon> LoadDictionary(const std::string& folder, Language source, Language target) {
  if (folder == "none") return nullptr;
  const std::string_view a = FreeDictCode(source), b = FreeDictCode(target);
  if (a.empty() || b.empty()) return nullptr;
  WordPairs pairs;
  for (const bool reversed : {false, true}) {
    const std::string name = folder + "/freedict-" + std::string(reversed ? b : a) + "-" + std::string(reversed ? a : b);
    const std::optional<std::string> index = ReadFile(name + ".index");
    if (!index) continue;
    const std::optional<std::string> data = ReadGzip(name + ".dict.dz");
    if (!data) {
      std::cerr << "sextant: warning: " << name << ".dict.dz: cannot be read; aligning without it\n";
      continue;
    }
    WordPairs some = ParseDictd(*index, *data, reversed);
    pairs.insert(pairs.end(), std::make_move_iterator(some.begin()), std::make_move_iterator(some.end()));
  }
  if (pairs.empty()) return nullptr;
  auto lexicon = std::make_unique<Lexicon>(Lexicon::Learn({}, source, target));
  lexicon->AddPairs(pairs);
  return lexicon;
}

void PrintJson(const DocumentAlignment& result, std::ostream& out, const std::string& symbol = "") {
  using nlohmann::json;
  json links = json::array();
  const auto join = [](const std::vector<std::size_t>& indices, const std::vector<std::string>& texts,
                       Language language) {
    std::string joined;
    for (std::size_t index : indices) {
      if (!joined.empty() && language != Language::kChinese) joined += ' ';
      joined += texts[index];
    }
    return joined;
  };
  const Alignment& a = result.sentences;
  for (const AlignmentLink& link : a.links) {
    links.push_back({{"source", link.source},
                     {"target", link.target},
                     {"score", std::round(link.score * 1000) / 1000},
                     {"source_text", join(link.source, result.source_sentences, a.source_language)},
                     {"target_text", join(link.target, result.target_sentences, a.target_language)}});
  }
  json weak = json::array();
  for (const WeakRegion& region : a.weak_regions) {
    weak.push_back({{"first_link", region.first_link}, {"last_link", region.last_link},
                    {"mean_score", std::round(region.mean_score * 1000) / 1000}});
  }
  json document = {{"languages", {Code(a.source_language), Code(a.target_language)}},
                   {"links", links},
                   {"weak_regions", weak}};
  if (!symbol.empty()) document["symbol"] = symbol;
  out << document.dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
}

std::string TsvField(std::string text) {
  for (char& c : text) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return text;
}

void PrintTsv(const DocumentAlignment& result, std::ostream& out) {
  const Alignment& a = result.sentences;
  for (const AlignmentLink& link : a.links) {
    std::string source, target;
    for (std::size_t s : link.source) source += (source.empty() ? "" : " ") + result.source_sentences[s];
    for (std::size_t t : link.target) target += (target.empty() ? "" : " ") + result.target_sentences[t];
    out << TsvField(source) << '\t' << TsvField(target) << '\t' << link.score << '\n';
  }
}

// Now, in TMX's date form: "20261128T120000Z".
std::string TmxDateNow() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y%m%dT%H%M%SZ", &utc);
  return buffer;
}

// The alignment of two texts in the chosen format.
std::string Render(const std::vector<AlignableText>& texts, const AlignArguments& arguments,
                   const std::string& symbol) {
  DocumentAlignment result = AlignDocuments(texts[0], texts[1], arguments.options);
  if (arguments.paragraphs) {
    // The paragraph links, printed the same way as sentence links.
    result.sentences = result.paragraphs;
    result.source_sentences = texts[0].paragraphs;
    result.target_sentences = texts[1].paragraphs;
  }
  if (arguments.format == Format::kTmx) {
    TmxDocument tmx;
    tmx.symbol = symbol;
    tmx.source_language = texts[0].language;
    tmx.target_language = texts[1].language;
    tmx.source_units = result.source_sentences;
    tmx.target_units = result.target_sentences;
    tmx.alignment = &result.sentences;
    tmx.creation_date = TmxDateNow();
    return WriteTmx(tmx);
  }
  std::ostringstream out;
  if (arguments.format == Format::kTsv) {
    PrintTsv(result, out);
  } else {
    PrintJson(result, out);
  }
  return out.str();
}

// Writes `content` to `path` through a temporary file beside it (named
// with the process and `writer`, so that threads do not share one),
// renamed into place: a reader never sees half an output. Returns a
// problem, or empty.
std::string WriteAtomically(const std::string& path, const std::string& content, std::size_t writer = 0) {
  const std::string temporary = path + ".tmp." + std::to_string(::getpid()) + "." + std::to_string(writer);
  {
    std::ofstream file(temporary, std::ios::binary);
    if (!file) return path + ": cannot write there; check the folder exists";
    file << content;
    file.close();
    if (!file) {
      std::remove(temporary.c_str());
      return path + ": writing failed (disk full?)";
    }
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    std::remove(temporary.c_str());
    return path + ": cannot write there";
  }
  return "";
}

// One line of a batch list: "source TAB target TAB output" (tabs, or, when
// a line has none, spaces between three fields).
struct BatchJob {
  std::size_t line = 0;
  std::string source, target, output;
};

// Reads the list; on a bad line, returns a problem naming it.
std::string ReadBatch(const std::string& path, std::vector<BatchJob>& jobs) {
  const std::optional<std::string> content = ReadFile(path);
  if (!content) return path + ": cannot open the batch list; check the path";
  std::size_t number = 0;
  for (std::size_t start = 0; start < content->size();) {
    std::size_t end = content->find('\n', start);
    if (end == std::string::npos) end = content->size();
    std::string line = content->substr(start, end - start);
    start = end + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos || line[0] == '#') continue;
    const char separator = line.find('\t') != std::string::npos ? '\t' : ' ';
    std::vector<std::string> fields;
    for (std::size_t from = 0; from <= line.size();) {
      std::size_t cut = line.find(separator, from);
      if (cut == std::string::npos) cut = line.size();
      if (cut > from) fields.push_back(line.substr(from, cut - from));
      from = cut + 1;
    }
    if (fields.size() != 3) {
      return path + ":" + std::to_string(number) + ": expected three fields (source, target, output), found " +
             std::to_string(fields.size()) + "; separate them with tabs";
    }
    jobs.push_back({number, fields[0], fields[1], fields[2]});
  }
  if (jobs.empty()) return path + ": the batch list names no document pair";
  return "";
}

// --batch: every pair of the list aligned in this one process, each on its
// own (as if aligned alone) unless --batch-lexicon, its output written
// atomically. A pair that fails is reported with its line and skipped; the
// exit status is then 1.
int AlignBatch(AlignArguments& arguments) {
  std::vector<BatchJob> jobs;
  if (const std::string problem = ReadBatch(arguments.batch, jobs); !problem.empty()) return Usage(problem);
  std::unique_ptr<Lexicon> dictionary;
  if (arguments.options.use_lexicon) {
    dictionary = LoadDictionary(arguments.dictionaries, arguments.languages[0], arguments.languages[1]);
    arguments.options.dictionary = dictionary.get();
  }
  const bool segmented = arguments.input == InputKind::kSegmented;
  // A problem per pair, reported in the list's order at the end.
  std::vector<std::string> problems(jobs.size());
  // Every pair's texts first; a pair that cannot be read is reported and
  // left out.
  std::vector<std::vector<AlignableText>> texts(jobs.size());
  ParallelFor(jobs.size(), arguments.jobs, [&](std::size_t j) {
    for (std::size_t k = 0; k < 2 && problems[j].empty(); ++k) {
      const std::string& path = k == 0 ? jobs[j].source : jobs[j].target;
      auto text = ReadText(path, arguments.languages[k], segmented);
      if (!text) {
        problems[j] = path + ": cannot open the file; check the path";
      } else if (text->paragraphs.empty()) {
        problems[j] = path + ": has no text to align";
      } else {
        texts[j].push_back(std::move(*text));
      }
    }
    if (!problems[j].empty()) texts[j].clear();
  });
  // --batch-lexicon: a first pass (length and anchors) over every pair, and
  // one lexicon learned from all their confident 1-1 links, as the devset
  // evaluation learns one over its corpus; each pair is then aligned with it.
  std::optional<Lexicon> batch_lexicon;
  if (arguments.batch_lexicon && arguments.options.use_lexicon) {
    AlignerOptions first_pass = arguments.options;
    first_pass.use_lexicon = false;
    first_pass.use_cognates = false;
    std::vector<DocumentAlignment> drafts(jobs.size());
    ParallelFor(jobs.size(), arguments.jobs, [&](std::size_t j) {
      if (texts[j].size() == 2) drafts[j] = AlignDocuments(texts[j][0], texts[j][1], first_pass);
    });
    std::vector<std::pair<std::string_view, std::string_view>> confident;
    for (const DocumentAlignment& draft : drafts) {
      for (const AlignmentLink& link : draft.sentences.links) {
        if (link.source.size() == 1 && link.target.size() == 1 && link.score >= 0.5) {
          confident.push_back({draft.source_sentences[link.source[0]], draft.target_sentences[link.target[0]]});
        }
      }
    }
    batch_lexicon.emplace(Lexicon::Learn(confident, arguments.languages[0], arguments.languages[1], dictionary.get()));
    arguments.options.lexicon = &*batch_lexicon;
  }
  ParallelFor(jobs.size(), arguments.jobs, [&](std::size_t j) {
    if (texts[j].size() != 2) return;
    problems[j] = WriteAtomically(jobs[j].output, Render(texts[j], arguments, ""), j);
  });
  int failures = 0;
  for (std::size_t j = 0; j < jobs.size(); ++j) {
    if (problems[j].empty()) continue;
    std::cerr << "sextant: " << arguments.batch << ":" << jobs[j].line << ": " << problems[j] << '\n';
    ++failures;
  }
  return failures == 0 ? 0 : 1;
}

}  // namespace

int Align(const std::vector<std::string>& args) {
  AlignArguments arguments;
  if (const std::string problem = Parse(args, arguments); !problem.empty()) return Usage(problem);
  if (!arguments.batch.empty()) {
    if (arguments.languages[0] == arguments.languages[1]) {
      return Usage("--langs names " + std::string(Code(arguments.languages[0])) +
                   " twice; give the two languages of the pairs");
    }
    return AlignBatch(arguments);
  }

  std::vector<AlignableText> texts;
  std::string symbol;  // the documents' own symbol, for the TMX header
  if (arguments.input == InputKind::kPdf) {
    const Runner runner(ExtractionStages());
    RunnerOptions options;
    options.jobs = 2;
    for (const DocumentResult& result : runner.Run(arguments.files, options)) {
      if (!result.status.ok()) {
        std::cerr << "sextant: " << result.status.message() << '\n';
        return 1;
      }
      if (!result.document.language) {
        std::cerr << "sextant: " << result.document.path
                  << ": its language could not be told; align its text with --text --langs\n";
        return 1;
      }
      texts.push_back(AlignableFromDocument(result.document));
      const std::string own = result.document.furniture.symbol.value_or("");
      if (symbol.empty()) {
        symbol = own;
      } else if (!own.empty() && own != symbol) {
        std::cerr << "sextant: warning: " << arguments.files[0] << " is " << symbol << " but "
                  << result.document.path << " is " << own
                  << "; aligning them anyway, check they are versions of one document\n";
      }
    }
  } else {
    for (std::size_t k = 0; k < 2; ++k) {
      auto text = ReadText(arguments.files[k], arguments.languages[k],
                           arguments.input == InputKind::kSegmented);
      if (!text) {
        std::cerr << "sextant: " << arguments.files[k] << ": cannot open the file; check the path\n";
        return 1;
      }
      texts.push_back(std::move(*text));
    }
  }
  for (std::size_t k = 0; k < 2; ++k) {
    if (texts[k].paragraphs.empty()) {
      std::cerr << "sextant: " << arguments.files[k] << ": has no text to align\n";
      return 1;
    }
  }
  if (texts[0].language == texts[1].language) {
    std::cerr << "sextant: " << arguments.files[0] << " and " << arguments.files[1]
              << " are both in " << Code(texts[0].language)
              << "; give two language versions of the document\n";
    return 1;
  }
  std::unique_ptr<Lexicon> dictionary;
  if (arguments.options.use_lexicon) {
    dictionary = LoadDictionary(arguments.dictionaries, texts[0].language, texts[1].language);
    arguments.options.dictionary = dictionary.get();
  }
  const std::string output = Render(texts, arguments, symbol);
  if (arguments.output.empty()) {
    std::cout << output;
    return 0;
  }
  if (const std::string problem = WriteAtomically(arguments.output, output); !problem.empty()) {
    std::cerr << "sextant: " << problem << '\n';
    return 1;
  }
  return 0;
}

int AlignSet(const std::vector<std::string>& args) {
  Language pivot = Language::kEnglish;
  std::vector<std::string> files;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--pivot" && i + 1 < args.size()) {
      const auto language = LanguageFromCode(args[++i]);
      if (!language) return Usage("--pivot takes one of ar zh en fr ru es");
      pivot = *language;
    } else if (args[i].rfind("--", 0) == 0) {
      return Usage("unknown option " + args[i]);
    } else {
      files.push_back(args[i]);
    }
  }
  if (files.size() < 2) return Usage("align-set takes the PDF files of the language versions");
  const ExtractedFiles extracted = ExtractFiles(files, ExtractionDepth::kTagged, 2);
  int failures = extracted.failures;
  std::map<std::string, const Document*> by_path;
  for (const Document* document : extracted.documents) by_path[document->path] = document;
  for (const DocumentSet& set : GroupLanguageVersions(extracted.documents)) {
    if (!set.versions.count(pivot)) {
      std::cerr << "sextant: " << (set.symbol.empty() ? set.versions.begin()->second : set.symbol)
                << ": no " << Code(pivot) << " version to align the others through; give one, or --pivot\n";
      ++failures;
      continue;
    }
    // Every version against the pivot, then every other pair through it.
    const AlignableText pivot_text = AlignableFromDocument(*by_path[set.versions.at(pivot)]);
    std::map<Language, DocumentAlignment> against_pivot;
    std::map<Language, AlignableText> texts;
    for (const auto& [language, path] : set.versions) {
      texts[language] = AlignableFromDocument(*by_path[path]);
      if (language == pivot) continue;
      against_pivot[language] = AlignDocuments(pivot_text, texts[language]);
      PrintJson(against_pivot[language], std::cout, set.symbol);
    }
    for (auto a = against_pivot.begin(); a != against_pivot.end(); ++a) {
      for (auto b = std::next(a); b != against_pivot.end(); ++b) {
        DocumentAlignment derived;
        derived.sentences = ComposeThroughPivot(a->second.sentences, b->second.sentences);
        derived.source_sentences = a->second.target_sentences;
        derived.target_sentences = b->second.target_sentences;
        PrintJson(derived, std::cout, set.symbol);
      }
    }
  }
  return failures == 0 ? 0 : 1;
}

}  // namespace sextant::cli
