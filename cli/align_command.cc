// `sextant align`: two language versions of one document, aligned sentence
// by sentence, as JSON (default), TSV or TMX; with --batch, many document
// pairs in one process (one "source TAB target TAB output" line each).
// `sextant align-set`: every version of a document through a pivot.
#include <algorithm>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>

#include "cli/commands.h"
#include "cli/extraction.h"
#include "cli/flags.h"
#include "pipeline/alignment_json.h"
#include "pipeline/document_set.h"
#include "pipeline/file_io.h"
#include "pipeline/json_line.h"
#include "pipeline/parallel.h"
#include "stages/align/dictionary.h"
#include "stages/align/document_aligner.h"
#include "stages/align/lexicon_file.h"
#include "stages/align/pivot.h"
#include "stages/export/tmx_writer.h"

namespace sextant::cli {
namespace {

enum class InputKind { kPdf, kText, kSegmented };

struct AlignArguments {
  std::vector<std::string> files;
  InputKind input = InputKind::kPdf;
  std::string format = "json";      // json | tsv | tmx
  std::vector<Language> languages;  // for text input
  std::string output;               // empty: standard output
  std::string level = "sentence";   // sentence | paragraph
  AlignerOptions options;           // --signals
  std::string batch;                // --batch LIST
  bool batch_lexicon = false;       // --batch-lexicon: one lexicon learned from every pair
  int jobs = 2;                     // --jobs N: pairs of a batch aligned in parallel
  std::string dictionaries = "/usr/share/dictd";  // --dictionary DIR, or "none"
  std::string lexicons;                           // --lexicon DIR, or --index DIR's lexicon/
  std::string save_lexicon;                       // --save-lexicon DIR: the batch lexicon written there
  std::string lexicon_use = "base";               // --lexicon-use base|alone
};

std::string ParseLanguagePair(const std::string& list, std::vector<Language>* languages) {
  const std::size_t comma = list.find(',');
  const auto first = LanguageFromCode(list.substr(0, comma));
  const auto second = comma == std::string::npos ? std::nullopt : LanguageFromCode(list.substr(comma + 1));
  if (!first || !second) return "takes two of ar zh en fr ru es, as in --langs zh,en";
  *languages = {*first, *second};
  return "";
}

// Which evidence the aligner uses, to measure what each one gains.
std::string ParseSignals(const std::string& value, AlignerOptions* options) {
  const std::string list = "," + value + ",";
  options->use_length = list.find(",length,") != std::string::npos;
  options->use_anchors = list.find(",anchors,") != std::string::npos;
  options->use_lexicon = list.find(",lexicon,") != std::string::npos;
  options->use_cognates = list.find(",cognates,") != std::string::npos;
  if (!options->use_length && !options->use_anchors && !options->use_lexicon && !options->use_cognates) {
    return "takes a list of length, anchors, cognates, lexicon";
  }
  return "";
}

Flags AlignFlags(AlignArguments& a) {
  Flags flags("align",
              "A B [--format json|tsv|tmx] [--output FILE] [--text | --segmented] [--langs L1,L2]\n"
              "                     [--level sentence|paragraph] [--signals LIST] [--dictionary DIR|none]\n"
              "       sextant align --batch LIST (--text | --segmented) --langs L1,L2 [--format F]\n"
              "                     [--batch-lexicon [--save-lexicon DIR]] [--jobs N]\n"
              "       (either form) [--index DIR | --lexicon DIR] [--lexicon-use base|alone]",
              "Aligns two language versions of one document, paragraph then sentence (1-1,\n"
              "1-2, 2-1, 2-2, 1-0, 0-1 links, each with a confidence; weak regions reported):\n"
              "two PDFs (default), or two plain-text files with one paragraph a line (--text)\n"
              "or one sentence a line (--segmented), whose languages --langs names.");
  flags.Choice("--format", &a.format, {"json", "tsv", "tmx"}, "the output (default json; tmx: TMX 1.4b)");
  flags.Text("--output", &a.output, "FILE", "written whole or not at all (default: standard output)");
  flags.Switch("--text", [&a] { a.input = InputKind::kText; }, "text input, one paragraph a line");
  flags.Switch("--segmented", [&a] { a.input = InputKind::kSegmented; }, "text input, one sentence a line");
  flags.Custom("--langs", "L1,L2", [&a](const std::string& v) { return ParseLanguagePair(v, &a.languages); },
               "the languages of text input, as in zh,en");
  flags.Choice("--level", &a.level, {"sentence", "paragraph"}, "the links printed (default sentence)");
  flags.Custom("--signals", "LIST", [&a](const std::string& v) { return ParseSignals(v, &a.options); },
               "the evidence used, of length,anchors,cognates,lexicon (default all)");
  flags.Text("--dictionary", &a.dictionaries, "DIR",
             "FreeDict's dictionaries of the pair (dictd format) read from DIR\n"
             "(default /usr/share/dictd) when there; none: not used");
  flags.Text("--batch", &a.batch, "LIST",
             "one \"source TAB target TAB output\" line per document pair, each\n"
             "aligned on its own, its output written whole or not at all");
  flags.Switch("--batch-lexicon", &a.batch_lexicon,
               "one lexicon learned from all the pairs of the batch (better for\n"
               "short documents; a pair's links then depend on the others)");
  flags.Text("--save-lexicon", &a.save_lexicon, "DIR",
             "with --batch-lexicon: the lexicon learned written to DIR/SRC-TGT.lexicon,\n"
             "for --lexicon DIR later");
  flags.Custom("--index", "DIR", [&a](const std::string& v) {
                 a.lexicons = v + "/lexicon";
                 return std::string();
               },
               "the lexicon an index learned when its corpus was ingested\n"
               "(DIR/lexicon/SRC-TGT.lexicon), used when there");
  flags.Text("--lexicon", &a.lexicons, "DIR", "a stored lexicon (DIR/SRC-TGT.lexicon), used when there");
  flags.Choice("--lexicon-use", &a.lexicon_use, {"base", "alone"},
               "a stored lexicon as the base the document's own lexicon is learned on\n"
               "(default), or alone (the document teaches nothing)");
  flags.Number("--jobs", &a.jobs, 1, kMaxJobs, "N", "pairs of a batch aligned in parallel (default 2)");
  return flags;
}

// Checks what the flags cannot check one by one; a problem, or empty.
std::string CheckArguments(const Flags& flags, AlignArguments& a) {
  a.files = flags.positionals();
  if (!a.batch.empty()) {
    if (!a.files.empty()) return "--batch takes its files from the list, not the command line";
    if (a.input == InputKind::kPdf) return "--batch takes text input: --text or --segmented, with --langs";
    if (!a.output.empty()) return "--batch writes the output named on each line of the list, not --output";
  } else if (flags.Given("--jobs")) {
    return "--jobs is for --batch: one pair is aligned on one thread";
  } else if (a.files.size() != 2) {
    return "align takes exactly two files, one per language";
  }
  if (!a.save_lexicon.empty() && !a.batch_lexicon) return "--save-lexicon writes the lexicon of --batch-lexicon; give both";
  if (flags.Given("--index") && flags.Given("--lexicon")) return "--index and --lexicon both name a lexicon; give one";
  if (a.input != InputKind::kPdf && a.languages.empty()) return "text input needs the languages: --langs zh,en";
  if (!a.batch.empty() && a.languages[0] == a.languages[1]) {
    return "--langs names " + std::string(Code(a.languages[0])) + " twice; give the two languages of the pairs";
  }
  return "";
}

// A text file as AlignableFromLines reads it; nullopt when it cannot be read.
std::optional<AlignableText> ReadText(const std::string& path, Language language, bool segmented) {
  const std::optional<std::string> content = ReadWholeFile(path);
  if (!content) return std::nullopt;
  return AlignableFromLines(*content, language, segmented);
}

// The lexicon known before the documents are read: FreeDict's pairs
// (unless --dictionary none) and a stored lexicon's (--index, --lexicon),
// as one; null when there is neither, or the lexicon is left out.
// Warnings on stderr; a stored lexicon that cannot be read is an error
// (`problem`), one that is not there is not.
std::unique_ptr<Lexicon> LoadDictionary(const AlignArguments& a, Language source, Language target,
                                        std::string* problem) {
  if (!a.options.use_lexicon) return nullptr;
  std::unique_ptr<Lexicon> lexicon;
  if (a.dictionaries != "none") {
    std::vector<std::string> warnings;
    lexicon = LoadFreeDict(a.dictionaries, source, target, &warnings);
    for (const std::string& warning : warnings) std::cerr << "sextant: warning: " << warning << '\n';
  }
  if (!a.lexicons.empty()) {
    LexiconPairs stored;
    if (ReadLexiconFolder(a.lexicons, source, target, &stored, problem)) {
      if (lexicon == nullptr) lexicon = std::make_unique<Lexicon>(Lexicon::Learn({}, source, target));
      lexicon->AddPairs(stored);
    } else if (!problem->empty()) {
      return nullptr;
    }
  }
  return lexicon;
}

// The known lexicon where the options take it: the base of what each
// document learns, or, --lexicon-use alone, the lexicon itself.
void UseDictionary(const AlignArguments& a, const Lexicon* dictionary, AlignerOptions* options) {
  const bool alone = a.lexicon_use == "alone" && !a.lexicons.empty() && dictionary != nullptr;
  options->dictionary = alone ? nullptr : dictionary;
  if (alone) options->lexicon = dictionary;
}

std::string TsvField(std::string text) {
  for (char& c : text) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return text;
}

std::string Tsv(const Alignment& a, const std::vector<std::string>& source, const std::vector<std::string>& target) {
  std::string out;
  for (const AlignmentLink& link : a.links) {
    out += TsvField(JoinUnits(link.source, source, a.source_language)) + '\t' +
           TsvField(JoinUnits(link.target, target, a.target_language)) + '\t';
    std::ostringstream score;
    score << link.score;
    out += score.str() + '\n';
  }
  return out;
}

// The alignment of two texts in the chosen format.
std::string Render(const AlignableText& source, const AlignableText& target, const AlignArguments& a,
                   const std::string& symbol) {
  DocumentAlignment result = AlignDocuments(source, target, a.options);
  if (a.level == "paragraph") {
    // The paragraph links, printed the same way as sentence links.
    result.sentences = result.paragraphs;
    result.source_sentences = source.paragraphs;
    result.target_sentences = target.paragraphs;
  }
  if (a.format == "tmx") {
    TmxDocument tmx;
    tmx.symbol = symbol;
    tmx.source_language = source.language;
    tmx.target_language = target.language;
    tmx.source_units = result.source_sentences;
    tmx.target_units = result.target_sentences;
    tmx.alignment = &result.sentences;
    tmx.creation_date = TmxDateNow();
    return WriteTmx(tmx);
  }
  if (a.format == "tsv") return Tsv(result.sentences, result.source_sentences, result.target_sentences);
  return JsonLine(AlignmentToJson(result.sentences, result.source_sentences, result.target_sentences)) + '\n';
}

// One line of a batch list: "source TAB target TAB output" (tabs, or, when
// a line has none, spaces between three fields).
struct BatchJob {
  std::size_t line = 0;
  std::string source, target, output;
};

// Reads the list; on a bad line, returns a problem naming it.
std::string ReadBatch(const std::string& path, std::vector<BatchJob>& jobs) {
  const std::optional<std::string> content = ReadWholeFile(path);
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
int AlignBatch(const Flags& flags, AlignArguments& a) {
  std::vector<BatchJob> jobs;
  if (const std::string problem = ReadBatch(a.batch, jobs); !problem.empty()) return flags.Fail(problem);
  std::string problem;
  const std::unique_ptr<Lexicon> dictionary = LoadDictionary(a, a.languages[0], a.languages[1], &problem);
  if (!problem.empty()) {
    PrintProblem(problem);
    return 1;
  }
  UseDictionary(a, dictionary.get(), &a.options);
  const bool segmented = a.input == InputKind::kSegmented;
  // A problem per pair, reported in the list's order at the end. Every
  // pair's texts first; a pair that cannot be read is left out.
  std::vector<std::string> problems(jobs.size());
  std::vector<std::vector<AlignableText>> texts(jobs.size());
  ParallelFor(jobs.size(), a.jobs, [&](std::size_t j) {
    for (std::size_t k = 0; k < 2 && problems[j].empty(); ++k) {
      const std::string& path = k == 0 ? jobs[j].source : jobs[j].target;
      std::optional<AlignableText> text = ReadText(path, a.languages[k], segmented);
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
  std::optional<Lexicon> batch_lexicon;
  if (a.batch_lexicon && a.options.use_lexicon) {
    std::vector<AlignablePair> pairs;
    for (const std::vector<AlignableText>& pair : texts) {
      if (pair.size() == 2) pairs.emplace_back(&pair[0], &pair[1]);
    }
    a.options.dictionary = dictionary.get();  // the batch learns on top of what is known
    a.options.lexicon = nullptr;
    batch_lexicon.emplace(LearnBatchLexicon(pairs, a.options, a.jobs));
    a.options.lexicon = &*batch_lexicon;
    if (!a.save_lexicon.empty()) {
      // What the batch learned, and what it was given from a stored lexicon
      // (FreeDict's pairs are not stored: they are read from FreeDict).
      LexiconPairs pairs_to_store = batch_lexicon->OwnPairs();
      LexiconPairs given;
      std::string ignored;
      if (!a.lexicons.empty() && ReadLexiconFolder(a.lexicons, a.languages[0], a.languages[1], &given, &ignored)) {
        pairs_to_store.insert(pairs_to_store.end(), given.begin(), given.end());
        std::sort(pairs_to_store.begin(), pairs_to_store.end());
        pairs_to_store.erase(std::unique(pairs_to_store.begin(), pairs_to_store.end()), pairs_to_store.end());
      }
      const Status status = WriteLexiconFolder(a.save_lexicon, pairs_to_store, a.languages[0], a.languages[1]);
      if (!status.ok()) {
        PrintProblem(status.message());
        return 1;
      }
    }
  }
  ParallelFor(jobs.size(), a.jobs, [&](std::size_t j) {
    if (texts[j].size() != 2) return;
    const Status status = WriteFileAtomically(jobs[j].output, Render(texts[j][0], texts[j][1], a, ""));
    if (!status.ok()) problems[j] = status.message();
  });
  int failures = 0;
  for (std::size_t j = 0; j < jobs.size(); ++j) {
    if (problems[j].empty()) continue;
    std::cerr << "sextant: " << a.batch << ":" << jobs[j].line << ": " << problems[j] << '\n';
    ++failures;
  }
  return failures == 0 ? 0 : 1;
}

// Two PDFs, extracted; the documents' own symbol goes to `symbol` (for the
// TMX header). nullopt after a message when one cannot be aligned.
std::optional<std::vector<AlignableText>> ReadPdfs(const std::vector<std::string>& files, std::string* symbol) {
  const ExtractedFiles extracted = ExtractFiles(files, ExtractionDepth::kTagged, 2);
  if (extracted.failures > 0) return std::nullopt;
  std::vector<AlignableText> texts;
  for (const Document* document : extracted.documents) {
    if (!document->language) {
      std::cerr << "sextant: " << document->path
                << ": its language could not be told; align its text with --text --langs\n";
      return std::nullopt;
    }
    texts.push_back(AlignableFromDocument(*document));
    const std::string own = document->furniture.symbol.value_or("");
    if (symbol->empty()) {
      *symbol = own;
    } else if (!own.empty() && own != *symbol) {
      std::cerr << "sextant: warning: " << files[0] << " is " << *symbol << " but " << document->path << " is "
                << own << "; aligning them anyway, check they are versions of one document\n";
    }
  }
  return texts;
}

}  // namespace

int Align(const CommandArgs& args) {
  AlignArguments a;
  Flags flags = AlignFlags(a);
  if (const auto exit = flags.ParseOrExit(args)) return *exit;
  if (const std::string problem = CheckArguments(flags, a); !problem.empty()) return flags.Fail(problem);
  if (!a.batch.empty()) return AlignBatch(flags, a);

  std::string symbol;  // the documents' own symbol, for the TMX header
  std::vector<AlignableText> texts;
  if (a.input == InputKind::kPdf) {
    std::optional<std::vector<AlignableText>> read = ReadPdfs(a.files, &symbol);
    if (!read) return 1;
    texts = std::move(*read);
  } else {
    for (std::size_t k = 0; k < 2; ++k) {
      std::optional<AlignableText> text = ReadText(a.files[k], a.languages[k], a.input == InputKind::kSegmented);
      if (!text) {
        PrintProblem(a.files[k] + ": cannot open the file; check the path");
        return 1;
      }
      texts.push_back(std::move(*text));
    }
  }
  for (std::size_t k = 0; k < 2; ++k) {
    if (texts[k].paragraphs.empty()) {
      PrintProblem(a.files[k] + ": has no text to align");
      return 1;
    }
  }
  if (texts[0].language == texts[1].language) {
    std::cerr << "sextant: " << a.files[0] << " and " << a.files[1] << " are both in " << Code(texts[0].language)
              << "; give two language versions of the document\n";
    return 1;
  }
  std::string problem;
  const std::unique_ptr<Lexicon> dictionary = LoadDictionary(a, texts[0].language, texts[1].language, &problem);
  if (!problem.empty()) {
    PrintProblem(problem);
    return 1;
  }
  UseDictionary(a, dictionary.get(), &a.options);
  const std::string output = Render(texts[0], texts[1], a, symbol);
  if (a.output.empty()) {
    std::cout << output;
    return 0;
  }
  if (const Status status = WriteFileAtomically(a.output, output); !status.ok()) {
    PrintProblem(status.message());
    return 1;
  }
  return 0;
}

int AlignSet(const CommandArgs& args) {
  std::optional<Language> pivot = Language::kEnglish;
  Flags flags("align-set", "[--pivot L] FILE.pdf...",
              "Groups the files by document (its own symbol); aligns every language version\n"
              "with the pivot and derives every other pair through it: one JSON object (as\n"
              "align prints it, with the document's symbol) per pair.");
  flags.LanguageCode("--pivot", &pivot, "the version the others are aligned with (default en)");
  if (const auto exit = flags.ParseOrExit(args)) return *exit;
  if (flags.positionals().size() < 2) return flags.Fail("align-set takes the PDF files of the language versions");
  const ExtractedFiles extracted = ExtractFiles(flags.positionals(), ExtractionDepth::kTagged, 2);
  int failures = extracted.failures;
  std::map<std::string, const Document*> by_path;
  for (const Document* document : extracted.documents) by_path[document->path] = document;
  const auto print = [](const DocumentAlignment& alignment, const std::string& symbol) {
    nlohmann::json json = AlignmentToJson(alignment.sentences, alignment.source_sentences, alignment.target_sentences);
    if (!symbol.empty()) json["symbol"] = symbol;
    std::cout << JsonLine(json) << '\n';
  };
  for (const DocumentSet& set : GroupLanguageVersions(extracted.documents)) {
    if (!set.versions.count(*pivot)) {
      std::cerr << "sextant: " << (set.symbol.empty() ? set.versions.begin()->second : set.symbol) << ": no "
                << Code(*pivot) << " version to align the others through; give one, or --pivot\n";
      ++failures;
      continue;
    }
    // Every version against the pivot, then every other pair through it.
    const AlignableText pivot_text = AlignableFromDocument(*by_path[set.versions.at(*pivot)]);
    std::map<Language, DocumentAlignment> against_pivot;
    for (const auto& [language, path] : set.versions) {
      if (language == *pivot) continue;
      against_pivot[language] = AlignDocuments(pivot_text, AlignableFromDocument(*by_path[path]));
      print(against_pivot[language], set.symbol);
    }
    for (auto a = against_pivot.begin(); a != against_pivot.end(); ++a) {
      for (auto b = std::next(a); b != against_pivot.end(); ++b) {
        DocumentAlignment derived;
        derived.sentences = ComposeThroughPivot(a->second.sentences, b->second.sentences);
        derived.source_sentences = a->second.target_sentences;
        derived.target_sentences = b->second.target_sentences;
        print(derived, set.symbol);
      }
    }
  }
  return failures == 0 ? 0 : 1;
}

}  // namespace sextant::cli
