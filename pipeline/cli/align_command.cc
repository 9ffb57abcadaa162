// `sextant align`: two language versions of one document, aligned sentence
// by sentence, as JSON (default), TSV or TMX.
#include <ctime>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <optional>

#include <nlohmann/json.hpp>

#include "pipeline/cli/commands.h"
#include "pipeline/cli/extraction.h"
#include "pipeline/runner.h"
#include "pipeline/document_set.h"
#include "stages/align/document_aligner.h"
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
    } else if (arg.rfind("--", 0) == 0) {
      return "unknown option " + arg;
    } else {
      out.files.push_back(arg);
    }
  }
  if (out.files.size() != 2) return "align takes exactly two files, one per language";
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

}  // namespace

int Align(const std::vector<std::string>& args) {
  AlignArguments arguments;
  if (const std::string problem = Parse(args, arguments); !problem.empty()) return Usage(problem);

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
    if (arguments.output.empty()) {
      std::cout << WriteTmx(tmx);
      return 0;
    }
    if (const Status status = WriteTmxFile(tmx, arguments.output); !status.ok()) {
      std::cerr << "sextant: " << status.message() << '\n';
      return 1;
    }
    return 0;
  }

  std::ofstream file;
  if (!arguments.output.empty()) {
    file.open(arguments.output, std::ios::binary);
    if (!file) {
      std::cerr << "sextant: " << arguments.output << ": cannot write there; check the folder exists\n";
      return 1;
    }
  }
  std::ostream& out = arguments.output.empty() ? std::cout : file;
  if (arguments.format == Format::kTsv) {
    PrintTsv(result, out);
  } else {
    PrintJson(result, out);
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
