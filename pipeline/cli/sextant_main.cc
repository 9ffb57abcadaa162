// sextant: the command-line front.
//
//   sextant extract [--json | --text] [--jobs N] FILE.pdf...
//   sextant tag [--lang L] [FILE | -]
//
// One line per failed file on stderr ("sextant: FILE: reason"); the exit
// status is 1 if any file failed, 2 for bad usage. --json prints one JSON
// object per file per line (failed files carry an "error" member).
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "pipeline/document_json.h"
#include "pipeline/runner.h"
#include "stages/standard_stages.h"
#include "stages/tag/tag_stage.h"

namespace {

constexpr const char* kUsage =
    "usage: sextant extract [--json | --text] [--jobs N] FILE.pdf...\n"
    "  --json    one JSON object per file: symbol, language, pages, date,\n"
    "            paragraphs, segments, tags, agenda, diagnostics\n"
    "  --text    the clean body, one paragraph per line (default)\n"
    "  --jobs N  files worked on in parallel (default 1)\n"
    "usage: sextant tag [--lang L] [FILE | -]\n"
    "  tags plain UTF-8 text (a file, or standard input): one JSON object\n"
    "  per tag per line: kind, text, value, begin, end (bytes), parts\n"
    "  --lang L  ar zh en fr ru es (a hint; every language's forms are read)\n";

int Usage(const std::string& problem) {
  std::cerr << "sextant: " << problem << "\n" << kUsage;
  return 2;
}

void PrintText(const sextant::Document& document) {
  for (const sextant::Paragraph& paragraph : document.paragraphs) {
    if (paragraph.kind == sextant::ParagraphKind::kFootnote) continue;
    std::cout << paragraph.text << '\n';
  }
}

int Extract(const std::vector<std::string>& args) {
  bool json = false;
  int jobs = 1;
  std::vector<std::string> files;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--json") {
      json = true;
    } else if (arg == "--text") {
      json = false;
    } else if (arg == "--jobs" && i + 1 < args.size()) {
      jobs = std::atoi(args[++i].c_str());
      if (jobs < 1) return Usage("--jobs takes a whole number of at least 1");
    } else if (arg.rfind("--", 0) == 0) {
      return Usage("unknown option " + arg);
    } else {
      files.push_back(arg);
    }
  }
  if (files.empty()) return Usage("extract needs at least one PDF file");

  const bool progress = files.size() > 1 && isatty(STDERR_FILENO);
  // Clean text needs no sentences or tags.
  sextant::Runner runner(sextant::ExtractionStages(
      json ? sextant::ExtractionDepth::kTagged : sextant::ExtractionDepth::kParagraphs));
  sextant::RunnerOptions options;
  options.jobs = jobs;
  if (progress) {
    options.on_done = [](std::size_t done, std::size_t total,
                         const sextant::DocumentResult& result) {
      std::cerr << "\r[" << done << "/" << total << "] "
                << result.document.path << "\033[K" << std::flush;
    };
  }
  const std::vector<sextant::DocumentResult> results = runner.Run(files, options);
  if (progress) std::cerr << "\r\033[K";

  int failures = 0;
  for (const sextant::DocumentResult& result : results) {
    if (!result.status.ok()) {
      ++failures;
      std::cerr << "sextant: " << result.status.message() << '\n';
    }
    if (json) {
      std::cout << sextant::DocumentToJson(result.document, result.status) << '\n';
    } else if (result.status.ok()) {
      PrintText(result.document);
    }
  }
  return failures == 0 ? 0 : 1;
}

int Tag(const std::vector<std::string>& args) {
  sextant::Language language = sextant::Language::kEnglish;
  std::string path = "-";
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--lang" && i + 1 < args.size()) {
      const auto parsed = sextant::LanguageFromCode(args[++i]);
      if (!parsed) return Usage("--lang takes one of ar zh en fr ru es, not " + args[i]);
      language = *parsed;
    } else if (args[i].rfind("--", 0) == 0) {
      return Usage("unknown option " + args[i]);
    } else {
      path = args[i];
    }
  }
  std::string text;
  if (path == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), {});
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::cerr << "sextant: " << path << ": cannot open the file; check the path\n";
      return 1;
    }
    text.assign(std::istreambuf_iterator<char>(in), {});
  }
  const auto taggers = sextant::AllTaggers();
  for (const sextant::Tag& tag : sextant::TagText(text, language, taggers)) {
    std::cout << sextant::TagToJson(tag, text) << '\n';
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  if (argc < 2) return Usage("no command given");
  const std::string command = argv[1];
  const std::vector<std::string> args(argv + 2, argv + argc);
  if (command == "extract") return Extract(args);
  if (command == "tag") return Tag(args);
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << kUsage;
    return 0;
  }
  return Usage("unknown command '" + command + "'");
}
