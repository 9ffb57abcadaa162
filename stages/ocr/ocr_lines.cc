#include "stages/ocr/ocr_lines.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "pipeline/unicode_text.h"
#include "stages/layout/visual_order.h"

namespace sextant {
namespace {

double Median(std::vector<double> values) {
  if (values.empty()) return 0;
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2), values.end());
  return values[values.size() / 2];
}

// The size of the page's middle word: the median of the lines' sizes,
// each counted once a word (robust where a mode splits between near sizes).
double DominantSize(const std::vector<double>& sizes, const std::vector<OcrLine>& lines) {
  std::vector<std::pair<double, std::size_t>> by_size;
  std::size_t words = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    by_size.emplace_back(sizes[i], lines[i].words.size());
    words += lines[i].words.size();
  }
  std::sort(by_size.begin(), by_size.end());
  std::size_t seen = 0;
  for (const auto& [size, count] : by_size) {
    seen += count;
    if (seen * 2 >= words) return size;
  }
  return 0;
}

bool EndsOrStartsHan(const std::string& text, bool at_end) {
  if (text.empty()) return false;
  std::size_t pos = 0;
  char32_t c = NextCodePoint(text, pos);
  if (!at_end) return IsHan(c);
  while (pos < text.size()) c = NextCodePoint(text, pos);
  return IsHan(c);
}

// One word a character (a letter with its marks), left to right in visual
// order, over the word's box less an inset each side.
void AddVisualCharacters(const OcrWord& ocr, double font_size, std::vector<Word>& words) {
  const std::string visual = VisualToLogicalRightToLeft(ocr.text);  // the same reversal, either way
  std::vector<std::string> characters;
  for (std::size_t pos = 0; pos < visual.size();) {
    const std::size_t start = pos;
    const char32_t c = NextCodePoint(visual, pos);
    const bool mark = (c >= 0x064B && c <= 0x065F) || c == 0x0670;
    if (mark && !characters.empty()) {
      characters.back() += visual.substr(start, pos - start);
    } else {
      characters.emplace_back(visual.substr(start, pos - start));
    }
  }
  if (characters.empty()) return;
  const double inset = std::min(0.12 * font_size, ocr.box.width() / 4);
  const double x0 = ocr.box.x0 + inset;
  const double step = (ocr.box.width() - 2 * inset) / static_cast<double>(characters.size());
  for (std::size_t i = 0; i < characters.size(); ++i) {
    Word word;
    word.text = characters[i];
    word.box = {x0 + step * static_cast<double>(i), ocr.box.y0, x0 + step * static_cast<double>(i + 1), ocr.box.y1};
    word.font_size = font_size;
    words.push_back(std::move(word));
  }
}

}  // namespace

std::vector<Word> LayoutWords(const std::vector<OcrLine>& lines, bool right_to_left) {
  std::vector<double> sizes;
  for (const OcrLine& line : lines) sizes.push_back(line.height / kOcrLineHeightPerFontSize);
  const double dominant = DominantSize(sizes, lines);
  for (double& size : sizes) {
    if (dominant > 0 && std::abs(size - dominant) <= 0.15 * dominant) size = dominant;
  }
  std::vector<Word> words;
  for (std::size_t l = 0; l < lines.size(); ++l) {
    const OcrLine& line = lines[l];
    std::vector<double> bottoms, heights;
    for (const OcrWord& word : line.words) {
      bottoms.push_back(word.box.y1);
      heights.push_back(word.box.height());
    }
    const double baseline = Median(bottoms);
    const double typical = Median(heights);
    for (std::size_t w = 0; w < line.words.size(); ++w) {
      const OcrWord& ocr = line.words[w];
      const bool raised = line.words.size() > 2 && ocr.box.y1 < baseline - 0.25 * typical &&
                          ocr.box.height() < 0.7 * typical;
      const double size = raised ? 0.6 * sizes[l] : sizes[l];
      if (right_to_left) {
        AddVisualCharacters(ocr, size, words);
        continue;
      }
      Word word;
      word.text = ocr.text;
      word.box = ocr.box;
      word.font_size = size;
      word.bold = ocr.bold;
      word.space_after = w + 1 < line.words.size() && !EndsOrStartsHan(ocr.text, true) &&
                         !EndsOrStartsHan(line.words[w + 1].text, false);
      words.push_back(std::move(word));
    }
  }
  return words;
}

}  // namespace sextant
