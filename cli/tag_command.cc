// `sextant tag`: tags plain text, one JSON object per tag per line.
#include <iostream>
#include <iterator>

#include "cli/commands.h"
#include "cli/flags.h"
#include "pipeline/document_json.h"
#include "pipeline/file_io.h"
#include "stages/tag/tag_stage.h"

namespace sextant::cli {

int Tag(const CommandArgs& args) {
  std::optional<Language> language = Language::kEnglish;
  Flags flags("tag", "[--lang L] [FILE | -]",
              "Tags plain UTF-8 text (a file, or standard input): document symbols,\n"
              "resolutions and decisions, agenda items, dates. One JSON object per tag\n"
              "and line: kind, text, value, begin, end (bytes into the input), parts.");
  flags.LanguageCode("--lang", &language, "ar zh en fr ru es (a hint; every language's forms are read)");
  if (const auto exit = flags.ParseOrExit(args)) return *exit;
  if (flags.positionals().size() > 1) return flags.Fail("tag reads one file (or - for standard input)");
  const std::string path = flags.positionals().empty() ? "-" : flags.positionals()[0];
  std::string text;
  if (path == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), {});
  } else if (std::optional<std::string> read = ReadWholeFile(path)) {
    text = std::move(*read);
  } else {
    PrintProblem(path + ": cannot open the file; check the path");
    return 1;
  }
  const auto taggers = AllTaggers();
  for (const sextant::Tag& tag : TagText(text, *language, taggers)) std::cout << TagToJson(tag, text) << '\n';
  return 0;
}

}  // namespace sextant::cli
