#include "cli/commands.h"

#include <array>
#include <iostream>

#include "pipeline/unicode_text.h"

namespace sextant::cli {
namespace {

constexpr std::array kCommands = {
    Command{"extract", "PDF files to clean, segmented, tagged text (or JSON)", Extract},
    Command{"tag", "tags plain text: symbols, resolutions, agenda items, dates", Tag},
    Command{"align", "two language versions of a document, sentence by sentence (JSON, TSV, TMX)", Align},
    Command{"align-set", "every language version of a document aligned through a pivot", AlignSet},
    Command{"sets", "groups PDF files into the language versions of each document", Sets},
    Command{"recommendations", "recommendations of PDF files as records: who, what, to whom, response", Recommendations},
    Command{"ingest", "PDF files and folders into the index, versions aligned", Ingest},
    Command{"search", "passages out of the index, with their translation beside them", Search},
    Command{"terms", "how a term was rendered in another language, by year and body", Terms},
    Command{"export", "aligned sentence pairs of the index as a translation memory (TMX, TSV, JSONL)", Export},
    Command{"history", "recommendations made again over sessions, as threads with their changes", History},
    Command{"serve", "the search page and JSON API over the index", Serve},
};

}  // namespace

std::span<const Command> AllCommands() { return kCommands; }

std::string Overview() {
  std::string text =
      "usage: sextant COMMAND [OPTIONS] [ARGUMENTS]\n"
      "\n"
      "Sextant turns UN meeting documents (PDFs in Arabic, Chinese, English, French,\n"
      "Russian and Spanish) into a searchable, aligned, cross-language record.\n"
      "\n"
      "commands:\n";
  for (const Command& command : kCommands) {
    text += "  " + std::string(command.name) + std::string(command.name.size() < 17 ? 17 - command.name.size() : 1, ' ') +
            std::string(command.summary) + "\n";
  }
  return text +
         "\n"
         "`sextant COMMAND --help` gives a command's options; `sextant --version` the version.\n"
         "Exit status: 0 all went well, 1 an input failed, 2 bad usage.\n";
}

std::string VersionLine() { return "sextant " SEXTANT_VERSION; }

void PrintProblem(std::string_view message) { std::cerr << "sextant: " << PrintableText(message) << '\n'; }

}  // namespace sextant::cli
