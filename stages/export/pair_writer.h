// PairWriter: a translation memory written a pair at a time, for `sextant
// export`, in one of three formats, into a std::ostream, in memory that does
// not grow with the number of pairs:
//
//   tmx    TMX 1.4b (TmxStreamWriter, tmx_writer.h), valid against
//          corpora/tmx/tmx14.dtd: one <tu> per pair with the properties
//          x-score (three decimals), x-document-symbol, x-date,
//          x-agenda-item, x-source-paragraph, x-target-paragraph,
//          x-source-page, x-target-page, x-source-units, x-target-units
//          (the 0-based sentence indices, space-separated); a property
//          without a value is left out. The header names the two languages
//          (srclang, x-languages) and no symbol (the pairs come from many
//          documents).
//   tsv    a header line, then one pair a line, columns (kTsvColumns):
//          source_text, target_text, score, symbol, date, agenda_item,
//          source_language, target_language, source_paragraph,
//          target_paragraph, source_page, target_page, source_segments,
//          target_segments (indices joined by spaces). A tab, line feed or
//          carriage return inside a text becomes a space (as in `sextant
//          align --format tsv`); nothing else is quoted or escaped.
//   jsonl  one JSON object a line (pipeline/json_line.h), with the TSV's
//          names as keys, the segments as arrays and the score a number.
//
// Texts are written as the pair holds them (the TMX writer cleans them for
// XML and leaves out a pair with an empty side; Write() then says false).
//
// Thread-safety: a PairWriter is used by one thread. Write() and Finish()
// throw std::ios_base::failure when the stream fails (a full disk, a closed
// pipe), std::bad_alloc when memory runs out.
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "pipeline/aligned_pair.h"

namespace sextant {

enum class PairFormat { kTmx, kTsv, kJsonLines };

// "tmx" | "tsv" | "jsonl"
std::optional<PairFormat> PairFormatFromName(std::string_view name);

inline constexpr std::array<std::string_view, 14> kTsvColumns = {
    "source_text",      "target_text",      "score",           "symbol",         "date",
    "agenda_item",      "source_language",  "target_language", "source_paragraph", "target_paragraph",
    "source_page",      "target_page",      "source_segments", "target_segments"};

class PairWriter {
 public:
  virtual ~PairWriter() = default;
  // Writes one pair; false when it was left out (TMX: a side empty once cleaned).
  virtual bool Write(const AlignedPair& pair) = 0;
  // Ends the document (TMX's closing tags) and flushes the stream. Once only.
  virtual void Finish() = 0;
};

struct PairWriterHeader {
  Language source_language = Language::kEnglish;
  Language target_language = Language::kEnglish;
  std::string creation_date;  // TMX: "20261128T120000Z"; left out when empty
};

// Writes the format's beginning (TMX header, TSV header line) at once.
std::unique_ptr<PairWriter> MakePairWriter(PairFormat format, std::ostream& out, const PairWriterHeader& header);

// A score as the writers print it: three decimals, '.', clamped to [0, 1].
std::string FormatPairScore(double score);

}  // namespace sextant
