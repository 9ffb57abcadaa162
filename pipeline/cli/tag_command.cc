// `sextant tag`: tags plain text, one JSON object per tag per line.
#include <fstream>
#include <iostream>
#include <iterator>

#include "pipeline/cli/commands.h"
#include "pipeline/document_json.h"
#include "stages/tag/tag_stage.h"

namespace sextant::cli {

int Tag(const std::vector<std::string>& args) {
  Language language = Language::kEnglish;
  std::string path = "-";
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--lang" && i + 1 < args.size()) {
      const auto parsed = LanguageFromCode(args[++i]);
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
  const auto taggers = AllTaggers();
  for (const sextant::Tag& tag : TagText(text, language, taggers)) {
    std::cout << TagToJson(tag, text) << '\n';
  }
  return 0;
}

}  // namespace sextant::cli
