#include "stages/export/pair_writer.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <ios>

#include "pipeline/json_line.h"
#include "stages/export/tmx_writer.h"

namespace sextant {
namespace {

std::string JoinIndices(const std::vector<std::size_t>& indices) {
  std::string out;
  for (const std::size_t index : indices) {
    if (!out.empty()) out += ' ';
    out += std::to_string(index);
  }
  return out;
}

void CheckStream(const std::ostream& out) {
  if (!out) throw std::ios_base::failure("writing the translation memory failed");
}

class TmxPairWriter : public PairWriter {
 public:
  TmxPairWriter(std::ostream& out, const PairWriterHeader& header)
      : tmx_(out, {header.source_language, header.target_language, "", header.creation_date}) {}

  bool Write(const AlignedPair& pair) override {
    return tmx_.Write({{{"x-score", FormatPairScore(pair.score)},
                        {"x-document-symbol", pair.symbol},
                        {"x-date", pair.date},
                        {"x-agenda-item", pair.agenda_item},
                        {"x-source-paragraph", std::to_string(pair.source_paragraph)},
                        {"x-target-paragraph", std::to_string(pair.target_paragraph)},
                        {"x-source-page", std::to_string(pair.source_page)},
                        {"x-target-page", std::to_string(pair.target_page)},
                        {"x-source-units", JoinIndices(pair.source_segments)},
                        {"x-target-units", JoinIndices(pair.target_segments)}},
                       pair.source_text,
                       pair.target_text});
  }
  void Finish() override { tmx_.Finish(); }

 private:
  TmxStreamWriter tmx_;
};

// A TSV field: tabs and line breaks become spaces.
std::string TsvField(std::string text) {
  std::replace_if(text.begin(), text.end(), [](char c) { return c == '\t' || c == '\n' || c == '\r'; }, ' ');
  return text;
}

class TsvPairWriter : public PairWriter {
 public:
  explicit TsvPairWriter(std::ostream& out) : out_(out) {
    for (std::size_t k = 0; k < kTsvColumns.size(); ++k) out_ << (k ? "\t" : "") << kTsvColumns[k];
    out_ << '\n';
    CheckStream(out_);
  }

  bool Write(const AlignedPair& pair) override {
    const std::string fields[] = {TsvField(pair.source_text),
                                  TsvField(pair.target_text),
                                  FormatPairScore(pair.score),
                                  TsvField(pair.symbol),
                                  TsvField(pair.date),
                                  TsvField(pair.agenda_item),
                                  std::string(Code(pair.source_language)),
                                  std::string(Code(pair.target_language)),
                                  std::to_string(pair.source_paragraph),
                                  std::to_string(pair.target_paragraph),
                                  std::to_string(pair.source_page),
                                  std::to_string(pair.target_page),
                                  JoinIndices(pair.source_segments),
                                  JoinIndices(pair.target_segments)};
    static_assert(std::size(fields) == kTsvColumns.size());
    line_.clear();
    for (std::size_t k = 0; k < std::size(fields); ++k) {
      if (k > 0) line_ += '\t';
      line_ += fields[k];
    }
    line_ += '\n';
    out_ << line_;
    CheckStream(out_);
    return true;
  }
  void Finish() override {
    out_.flush();
    CheckStream(out_);
  }

 private:
  std::ostream& out_;
  std::string line_;
};

class JsonLinesPairWriter : public PairWriter {
 public:
  explicit JsonLinesPairWriter(std::ostream& out) : out_(out) {}

  bool Write(const AlignedPair& pair) override {
    const nlohmann::ordered_json object = {
        {"source_text", pair.source_text},
        {"target_text", pair.target_text},
        {"score", std::round(std::clamp(std::isfinite(pair.score) ? pair.score : 0.0, 0.0, 1.0) * 1000) / 1000},
        {"symbol", pair.symbol},
        {"date", pair.date},
        {"agenda_item", pair.agenda_item},
        {"source_language", std::string(Code(pair.source_language))},
        {"target_language", std::string(Code(pair.target_language))},
        {"source_paragraph", pair.source_paragraph},
        {"target_paragraph", pair.target_paragraph},
        {"source_page", pair.source_page},
        {"target_page", pair.target_page},
        {"source_segments", pair.source_segments},
        {"target_segments", pair.target_segments}};
    out_ << JsonLine(object) << '\n';
    CheckStream(out_);
    return true;
  }
  void Finish() override {
    out_.flush();
    CheckStream(out_);
  }

 private:
  std::ostream& out_;
};

}  // namespace

std::optional<PairFormat> PairFormatFromName(std::string_view name) {
  if (name == "tmx") return PairFormat::kTmx;
  if (name == "tsv") return PairFormat::kTsv;
  if (name == "jsonl") return PairFormat::kJsonLines;
  return std::nullopt;
}

std::string FormatPairScore(double score) {
  if (!std::isfinite(score)) score = 0;
  score = std::clamp(score, 0.0, 1.0);
  char buffer[16];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, score, std::chars_format::fixed, 3);
  return std::string(buffer, result.ptr);
}

std::unique_ptr<PairWriter> MakePairWriter(PairFormat format, std::ostream& out, const PairWriterHeader& header) {
  switch (format) {
    case PairFormat::kTmx: return std::make_unique<TmxPairWriter>(out, header);
    case PairFormat::kTsv: return std::make_unique<TsvPairWriter>(out);
    case PairFormat::kJsonLines: return std::make_unique<JsonLinesPairWriter>(out);
  }
  return nullptr;
}

}  // namespace sextant
