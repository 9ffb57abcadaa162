#include "stages/tag/tag_stage.h"

#include <algorithm>
#include <optional>
#include <set>
#include <string>

#include "stages/tag/agenda_item_tagger.h"
#include "stages/tag/agenda_structure.h"
#include "stages/tag/date_tagger.h"
#include "stages/tag/ocr_symbol_repair.h"
#include "stages/tag/recommendation.h"
#include "stages/tag/resolution_tagger.h"
#include "stages/tag/symbol_tagger.h"

namespace sextant {
namespace {

// The symbol tagger is a pair of free functions (symbol_tagger.h); this
// puts it behind the Tagger interface.
class SymbolTagger : public Tagger {
 public:
  TagKind kind() const override { return TagKind::kSymbol; }
  std::vector<Tag> Find(std::string_view text, Language) const override {
    return FindSymbols(text);
  }
};

// In text read by OCR: the words holding a "/" that no symbol tag covers,
// repaired when they allow one reading (ocr_symbol_repair.h); each repair
// is a symbol tag and a line in `repairs`.
void RepairOcrSymbols(Paragraph& paragraph, const std::set<std::string>& known, std::vector<std::string>& repairs) {
  const std::string& text = paragraph.text;
  std::vector<Tag> added;
  for (std::size_t begin = 0; begin < text.size();) {
    while (begin < text.size() && text[begin] == ' ') ++begin;
    std::size_t end = text.find(' ', begin);
    if (end == std::string::npos) end = text.size();
    // Without the punctuation around it: "(A/45/l89)," -> "A/45/l89".
    std::size_t word_begin = begin, word_end = end;
    while (word_begin < word_end && std::string_view("(\"'[").find(text[word_begin]) != std::string_view::npos) {
      ++word_begin;
    }
    while (word_end > word_begin && std::string_view(").,;:\"']").find(text[word_end - 1]) != std::string_view::npos) {
      --word_end;
    }
    const std::string_view word = std::string_view(text).substr(word_begin, word_end - word_begin);
    const bool covered = std::any_of(paragraph.tags.begin(), paragraph.tags.end(), [&](const Tag& tag) {
      return tag.kind == TagKind::kSymbol && tag.begin < word_end && tag.end > word_begin;
    });
    if (!covered && word.find('/') != std::string_view::npos) {
      if (std::optional<std::string> repaired = RepairOcrSymbol(word, false, known)) {
        if (std::optional<ParsedSymbol> parsed = ParseSymbol(*repaired)) {
          added.push_back({TagKind::kSymbol, word_begin, word_end, parsed->normalized, parsed->parts});
          repairs.push_back("\"" + std::string(word) + "\" read as " + parsed->normalized);
        }
      }
    }
    begin = end;
  }
  if (added.empty()) return;
  paragraph.tags.insert(paragraph.tags.end(), added.begin(), added.end());
  std::stable_sort(paragraph.tags.begin(), paragraph.tags.end(), [](const Tag& a, const Tag& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.kind < b.kind;
  });
}

}  // namespace

std::vector<std::unique_ptr<Tagger>> AllTaggers() {
  std::vector<std::unique_ptr<Tagger>> taggers;
  taggers.push_back(std::make_unique<SymbolTagger>());
  taggers.push_back(std::make_unique<ResolutionTagger>());
  taggers.push_back(std::make_unique<AgendaItemTagger>());
  taggers.push_back(std::make_unique<DateTagger>());
  return taggers;
}

std::vector<Tag> TagText(std::string_view text, Language language,
                         const std::vector<std::unique_ptr<Tagger>>& taggers) {
  std::vector<Tag> tags;
  for (const auto& tagger : taggers) {
    std::vector<Tag> found = tagger->Find(text, language);
    tags.insert(tags.end(), std::make_move_iterator(found.begin()),
                std::make_move_iterator(found.end()));
  }
  std::stable_sort(tags.begin(), tags.end(), [](const Tag& a, const Tag& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.kind < b.kind;
  });
  return tags;
}

TagStage::TagStage() : taggers_(AllTaggers()) {}

Status TagStage::Run(Document& document) const {
  const Language language = document.language.value_or(Language::kEnglish);
  bool in_recommendations = false;
  for (Paragraph& paragraph : document.paragraphs) {
    paragraph.tags = TagText(paragraph.text, language, taggers_);
    if (paragraph.kind == ParagraphKind::kHeading) {
      in_recommendations = IsRecommendationsHeading(paragraph.text);
      continue;
    }
    if (paragraph.kind != ParagraphKind::kBody) continue;
    for (const Segment& segment : paragraph.segments) {
      const std::string_view sentence =
          std::string_view(paragraph.text).substr(segment.begin, segment.end - segment.begin);
      const bool phrased = IsPhrasedAsRecommendation(sentence);
      if (!phrased && !in_recommendations) continue;
      paragraph.tags.push_back({TagKind::kRecommendation, segment.begin, segment.end,
                                phrased ? "phrased" : "section", {}});
    }
  }
  // Symbols misread by OCR, with the symbols the document prints
  // elsewhere to choose between readings.
  std::set<std::string> known;
  if (document.furniture.symbol) known.insert(*document.furniture.symbol);
  for (const Paragraph& paragraph : document.paragraphs) {
    for (const Tag& tag : paragraph.tags) {
      if (tag.kind == TagKind::kSymbol) known.insert(tag.value);
    }
  }
  std::vector<std::string> repairs;
  for (Paragraph& paragraph : document.paragraphs) {
    if (paragraph.ocr) RepairOcrSymbols(paragraph, known, repairs);
  }
  if (!repairs.empty()) {
    std::string list;
    for (std::size_t i = 0; i < repairs.size() && i < 5; ++i) list += (i ? ", " : "") + repairs[i];
    document.Note(std::string(kSymbolRepairedCode), std::to_string(repairs.size()) +
                                                        " symbol" + (repairs.size() > 1 ? "s" : "") +
                                                        " misread by OCR repaired: " + list +
                                                        (repairs.size() > 5 ? ", ..." : ""));
  }
  ReadAgendaStructure(document);
  return Status::Ok();
}

}  // namespace sextant
