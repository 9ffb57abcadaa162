#include "stages/layout/layout_stage.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "stages/layout/arabic_letter_order.h"
#include "stages/layout/furniture.h"
#include "stages/layout/line_builder.h"
#include "stages/layout/own_symbol_check.h"

namespace sextant {
namespace {

bool IsFootnoteSeparator(const TextLine& line) {
  const std::string& text = line.text;
  return text.size() >= 5 &&
         text.find_first_not_of("_ ") == std::string::npos;
}

// Splits a page's body lines (top to bottom, in reading order) into body and
// footnotes. Footnotes start below a separator line in the lower part of
// the page; without one, at the first run of small-font lines that reaches
// the foot of the page.
void SplitFootnotes(std::vector<TextLine>& lines, double page_height,
                    double body_size, std::vector<TextLine>& footnotes) {
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (IsFootnoteSeparator(lines[i]) && lines[i].box.y0 > 0.4 * page_height) {
      footnotes.assign(std::make_move_iterator(lines.begin() + i + 1),
                       std::make_move_iterator(lines.end()));
      lines.resize(i);
      return;
    }
  }
  std::size_t first = lines.size();
  while (first > 0) {
    const TextLine& line = lines[first - 1];
    const bool small = line.font_size > 0 && line.font_size <= 0.85 * body_size;
    if (!small || line.box.y0 < 0.5 * page_height) break;
    --first;
  }
  // A single small line at the foot could be a signature or a note; a
  // footnote starts with its marker.
  if (first < lines.size()) {
    const std::string& text = lines[first].text;
    const bool starts_with_marker =
        !text.empty() && (std::isdigit(static_cast<unsigned char>(text[0])) ||
                          text[0] == '*' || text.rfind("†", 0) == 0);
    if (!starts_with_marker) return;
  }
  footnotes.assign(std::make_move_iterator(lines.begin() + first),
                   std::make_move_iterator(lines.end()));
  lines.resize(first);
}

// When no symbol was read: the file name's (an Official Document System
// name, "T_Pet.11_142-EN.pdf"), if the first page or a page's margin
// prints a text like it ("T/P'm.11/142", an old scan's OCR). What was
// printed, or an empty string.
std::string FileNameSymbolPrinted(const std::string& symbol, const std::vector<PageLines>& pages,
                                  const std::vector<std::vector<Block>>& margins) {
  const auto printed_in = [&](const TextLine& line) -> std::string {
    if (PrintedLike(line.text, symbol)) return line.text;
    for (const Word& word : line.words) {
      if (PrintedLike(word.text, symbol)) return word.text;
    }
    return "";
  };
  for (std::size_t p = 0; p < pages.size(); ++p) {
    std::vector<const TextLine*> lines;
    if (pages[p].page_number == 1) {
      for (const TextLine& line : pages[p].lines) lines.push_back(&line);
    }
    for (const Block& block : margins[p]) {
      for (const TextLine& line : block.lines) lines.push_back(&line);
    }
    for (const TextLine* line : lines) {
      if (std::string text = printed_in(*line); !text.empty()) {
        return "\"" + text + "\" on page " + std::to_string(pages[p].page_number);
      }
    }
  }
  return "";
}

}  // namespace

Status LayoutStage::Run(Document& document) const {
  // The words move into the lines: each word is held once. Arabic words'
  // letters and marks are put in one order first, decided per page
  // (arabic_letter_order.h).
  const std::vector<ArabicWordOrder> arabic_order = WordOrderByPage(document.pages);
  std::vector<PageLines> pages;
  pages.reserve(document.pages.size());
  for (std::size_t p = 0; p < document.pages.size(); ++p) {
    Page& page = document.pages[p];
    std::vector<Word> words = page.words.Unpack();
    PutArabicWordsInMakeLineOrder(words, arabic_order[p]);
    pages.push_back({page.number, page.width, page.height, BuildLines(std::move(words)), page.ocr});
    page.words = {};
  }
  std::vector<std::vector<Block>> margins =
      SeparateFurniture(pages, document.furniture);
  if (!document.furniture.symbol) {
    if (std::optional<std::string> named = SymbolFromFileName(document.path)) {
      if (std::string printed = FileNameSymbolPrinted(*named, pages, margins); !printed.empty()) {
        document.furniture.symbol = *named;
        document.furniture.symbol_repairs.push_back("no symbol read; the file name's " + *named +
                                                    ", printed " + printed);
      }
    }
  }
  if (!document.furniture.symbol_repairs.empty()) {
    document.Note("symbol_repaired", "the document's own symbol, misread by OCR, repaired: " +
                                         document.furniture.symbol_repairs.front());
  }

  FontSizeTally body_sizes;
  for (const PageLines& page : pages) body_sizes.Add(page.lines);
  const double body_size = body_sizes.Dominant();

  for (std::size_t p = 0; p < pages.size(); ++p) {
    PageLines& lines = pages[p];
    Page& page = document.pages[p];
    std::vector<TextLine> body = std::move(lines.lines);
    lines.lines = {};
    bool two_columns = false;
    if (auto gutter = FindColumnGutter(body, page.width, page.ocr ? kOcrLeastGutterEms : 0)) {
      body = ReadingOrder(SplitAtGutter(body, *gutter));
      two_columns = true;
    }
    std::vector<TextLine> footnotes;
    SplitFootnotes(body, page.height, body_size, footnotes);

    page.blocks.clear();
    page.blocks.reserve(4);
    page.blocks.push_back(std::move(margins[p][0]));  // header
    page.blocks.push_back({BlockRole::kBody, two_columns ? 1 : 0, std::move(body)});
    page.blocks.push_back({BlockRole::kFootnotes, 0, std::move(footnotes)});
    page.blocks.push_back(std::move(margins[p][1]));  // footer
  }
  return Status::Ok();
}

}  // namespace sextant
