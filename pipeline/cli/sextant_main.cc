// sextant: the command-line front. Each command is one file in this
// folder (commands.h); this one dispatches and holds the usage text.
//
//   sextant extract [--json | --text] [--jobs N] FILE.pdf...
//   sextant tag [--lang L] [FILE | -]
//   sextant align A B [--format json | tsv | tmx] [--text | --segmented --langs L1,L2]
//   sextant align-set [--pivot L] FILE.pdf...
//   sextant sets [--jobs N] FILE.pdf...
//   sextant ingest [--index DIR] [--jobs N] PATH...
//   sextant search [--index DIR] [--lang L] [--show L2] [--json] QUERY
//   sextant serve [--index DIR] [--port P] [--bind ADDR] [--threads N]
//
// One line per failed file on stderr ("sextant: FILE: reason"); the exit
// status is 1 if any input failed, 2 for bad usage.
#include <iostream>
#include <string>
#include <vector>

#include "pipeline/cli/commands.h"

namespace sextant::cli {
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
    "  --lang L  ar zh en fr ru es (a hint; every language's forms are read)\n"
    "usage: sextant align A B [--format json | tsv | tmx] [--output FILE]\n"
    "                         [--text | --segmented] [--langs L1,L2]\n"
    "                         [--level sentence | paragraph]\n"
    "                         [--signals length,anchors,cognates,lexicon]\n"
    "                         [--dictionary DIR | none]\n"
    "       sextant align --batch LIST (--text | --segmented) --langs L1,L2 [--format F]\n"
    "                         [--batch-lexicon] [--jobs N]\n"
    "  aligns two language versions of one document, sentence by sentence:\n"
    "  two PDFs (default), two plain-text files with one paragraph a line\n"
    "  (--text), or with one sentence a line (--segmented); --langs names\n"
    "  their languages for text input (PDFs tell their own)\n"
    "  --dictionary: FreeDict's dictionaries of the pair (dictd format) are\n"
    "  read from DIR (default /usr/share/dictd) when there; none: not used\n"
    "  --batch: one \"source TAB target TAB output\" line per document pair;\n"
    "  each pair aligned on its own, its output written atomically;\n"
    "  --jobs N: pairs aligned in parallel (default 2);\n"
    "  --batch-lexicon: one lexicon learned from all the pairs (better for\n"
    "  short documents; a pair's links then depend on the others)\n"
    "usage: sextant align-set [--pivot L] FILE.pdf...\n"
    "  groups the files by document; aligns every language version with the\n"
    "  pivot (default en) and derives every other pair through it: one JSON\n"
    "  object (as align prints) per pair, with the document's symbol\n"
    "usage: sextant ingest [--index DIR] [--jobs N] PATH...\n"
    "  PDF files or folders into the index (default ./sextant-index): each\n"
    "  document's language versions aligned through English; unchanged\n"
    "  files are skipped, changed ones replaced\n"
    "usage: sextant search [--index DIR] [--lang L] [--show L2] [--sort relevance|date]\n"
    "                      [--limit N] [--json] QUERY\n"
    "  words in any language, and symbol:CTOC/COP/WG.4/* cited:A/RES/70/1\n"
    "  resolution:7/1 item:1(a) body:… type:… lang:… year:… recommendation:…\n"
    "usage: sextant serve [--index DIR] [--port P] [--bind ADDR] [--threads N]\n"
    "  the search page and JSON API (/api/search, /api/document,\n"
    "  /api/alignment, /api/alignment.tmx) over the index, read-only;\n"
    "  default 127.0.0.1:8080, --port 0 for any free port\n"
    "usage: sextant sets [--jobs N] FILE.pdf...\n"
    "  groups the files into the language versions of each document (by its\n"
    "  own symbol): one JSON object per document: symbol, versions, missing\n";

}  // namespace

const char* UsageText() { return kUsage; }

int Usage(const std::string& problem) {
  std::cerr << "sextant: " << problem << "\n" << kUsage;
  return 2;
}

}  // namespace sextant::cli

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  using namespace sextant::cli;
  if (argc < 2) return Usage("no command given");
  const std::string command = argv[1];
  const std::vector<std::string> args(argv + 2, argv + argc);
  if (command == "extract") return Extract(args);
  if (command == "tag") return Tag(args);
  if (command == "align") return Align(args);
  if (command == "sets") return Sets(args);
  if (command == "align-set") return AlignSet(args);
  if (command == "ingest") return Ingest(args);
  if (command == "search") return Search(args);
  if (command == "serve") return Serve(args);
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << UsageText();
    return 0;
  }
  return Usage("unknown command '" + command + "'");
}
