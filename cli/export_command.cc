// `sextant export`: the corpus as a translation memory. Every aligned
// sentence pair of two languages in the index (of the documents a query
// finds, or all), streamed as TMX 1.4b, TSV or JSON Lines
// (stages/export/pair_writer.h) to standard output or, written whole or not
// at all, to a file; read one document at a time
// (index/aligned_pair_reader.h), so memory does not grow with the index.
#include <charconv>
#include <chrono>
#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "cli/flags.h"
#include "cli/index_flags.h"
#include "cli/progress.h"
#include "index/aligned_pair_reader.h"
#include "pipeline/file_io.h"
#include "stages/export/pair_writer.h"
#include "stages/export/tmx_writer.h"

namespace sextant::cli {
namespace {

struct ExportArguments {
  IndexShards where;
  PairSelection selection;  // --langs, --min-score, the query
  std::string format = "tmx";
  std::string output;  // empty: standard output
};

std::string ParseLanguages(const std::string& list, PairSelection* selection) {
  const std::size_t comma = list.find(',');
  const auto source = LanguageFromCode(list.substr(0, comma));
  const auto target = comma == std::string::npos ? std::nullopt : LanguageFromCode(list.substr(comma + 1));
  if (!source || !target || *source == *target) {
    return "takes two different languages of ar zh en fr ru es, source first, as in --langs zh,en";
  }
  selection->source = *source;
  selection->target = *target;
  return "";
}

std::string ParseScore(const std::string& text, double* score) {
  double value = -1;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !(value >= 0 && value <= 1)) {
    return "takes a number from 0 to 1, as in 0.35 (0 keeps every link)";
  }
  *score = value;
  return "";
}

Flags ExportFlags(ExportArguments& a) {
  Flags flags("export",
              "[--index DIR]... [--remote HOST:PORT]... [--langs L1,L2] [--format tmx|tsv|jsonl]\n"
              "                      [--min-score S] [--output FILE] [QUERY]",
              "Writes every aligned sentence pair of two languages in the index as a\n"
              "translation memory, each pair with its document's symbol, date and agenda\n"
              "item, the paragraph, page and sentences of each side, and the link's score.\n"
              "QUERY (the syntax of `sextant search`) chooses the documents: those it finds\n"
              "a passage of, in any language; none: every document. Streamed, one document\n"
              "at a time: memory does not grow with the index.");
  AddIndexFlags(flags, &a.where);
  flags.Custom("--langs", "L1,L2", [&a](const std::string& v) { return ParseLanguages(v, &a.selection); },
               "the source and target languages (default zh,en); pairs with the\n"
               "pivot (English) are the links stored, others go through it");
  flags.Choice("--format", &a.format, {"tmx", "tsv", "jsonl"},
               "tmx (TMX 1.4b, default), tsv (a header line, then a pair a line)\n"
               "or jsonl (a JSON object a line)");
  flags.Custom("--min-score", "S", [&a](const std::string& v) { return ParseScore(v, &a.selection.min_score); },
               "leave out links whose score is below S (default 0.35: the aligner's\n"
               "weak links); 0 keeps every link");
  flags.Text("--output", &a.output, "FILE", "written whole or not at all (default: standard output)");
  return flags;
}

// "export: 1234 pairs zh-en from 56 documents (7 weak links below 0.35
// left out, …)".
std::string Summary(const PairSelection& selection, const PairCounts& counts, std::size_t written) {
  std::ostringstream line;
  line << "export: " << written << " pairs " << Code(selection.source) << "-" << Code(selection.target) << " from "
       << counts.documents << " documents";
  std::string left_out;
  const auto add = [&left_out](std::size_t n, const std::string& what) {
    if (n > 0) left_out += (left_out.empty() ? "" : ", ") + std::to_string(n) + " " + what;
  };
  std::ostringstream weak;
  weak << "weak links below " << selection.min_score << " left out";
  add(counts.weak, weak.str());
  add(counts.one_sided, "1-0 or 0-1 links");
  add(counts.empty + (counts.pairs - written), "pairs with an empty side");
  add(counts.no_target, "documents without a " + std::string(Code(selection.target)) + " version");
  if (!left_out.empty()) line << " (" << left_out << ")";
  return line.str();
}

}  // namespace

int Export(const CommandArgs& args) {
  ExportArguments a;
  Flags flags = ExportFlags(a);
  if (const auto exit = flags.ParseOrExit(args)) return *exit;
  for (const std::string& word : flags.positionals()) a.selection.query += (a.selection.query.empty() ? "" : " ") + word;
  UseDefaultIndex(&a.where);

  std::unique_ptr<AlignedPairReader> reader;
  if (const Status status = AlignedPairReader::Open(a.where, &reader); !status.ok()) {
    PrintProblem(status.message());
    return 1;
  }
  for (const std::string& missing : reader->missing_shards()) {
    PrintProblem("left out a shard that does not answer: " + missing);
  }
  std::unique_ptr<AtomicOutputFile> file;
  if (!a.output.empty()) {
    if (const Status status = AtomicOutputFile::Create(a.output, &file); !status.ok()) {
      PrintProblem(status.message());
      return 1;
    }
  }
  std::ostream& out = file ? file->stream() : std::cout;
  ProgressLine progress("export", true);
  auto last_shown = std::chrono::steady_clock::now();
  std::size_t written = 0;
  PairCounts counts;
  Status status;
  try {
    const std::unique_ptr<PairWriter> writer =
        MakePairWriter(*PairFormatFromName(a.format), out, {a.selection.source, a.selection.target, TmxDateNow()});
    status = reader->Read(
        a.selection, [&](const AlignedPair& pair) { written += writer->Write(pair) ? 1 : 0; },
        [&](std::size_t done, std::size_t total, const std::string& document) {
          const auto now = std::chrono::steady_clock::now();
          if (done < total && now - last_shown < std::chrono::milliseconds(100)) return;
          last_shown = now;
          progress.Show("reading", done, total, document);
        },
        &counts);
    if (status.ok()) writer->Finish();
  } catch (const std::ios_base::failure&) {
    status = file ? file->WriteStatus() : Status(StatusCode::kIoError, "cannot write to standard output");
    if (status.ok()) status = Status(StatusCode::kIoError, a.output + ": cannot write there");
  }
  progress.Clear();
  if (!status.ok()) {
    PrintProblem(status.message());  // a file is not left behind: its destructor removes it
    return status.code() == StatusCode::kInvalidArgument ? 2 : 1;
  }
  if (file) {
    if (const Status committed = file->Commit(); !committed.ok()) {
      PrintProblem(committed.message());
      return 1;
    }
  }
  std::cerr << Summary(a.selection, counts, written) << '\n';
  return 0;
}

}  // namespace sextant::cli
