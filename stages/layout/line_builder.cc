#include "stages/layout/line_builder.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "pipeline/unicode_text.h"
#include "stages/layout/visual_order.h"

namespace sextant {
namespace {

// Arabic letters or Arabic-Indic digits outnumber other letters: a table
// cell "١٣:٠٠-١٠:٠٠" is read right to left too.
bool MostlyArabic(const std::vector<Word>& words) {
  std::size_t arabic = 0, other = 0;
  for (const Word& word : words) {
    for (std::size_t pos = 0; pos < word.text.size();) {
      const char32_t c = NextCodePoint(word.text, pos);
      if (IsArabicLetter(c) || (c >= 0x0660 && c <= 0x0669)) {
        ++arabic;
      } else if (IsLatinLetter(c) || IsCyrillicLetter(c) || IsHan(c)) {
        ++other;
      }
    }
  }
  return arabic > other;
}

// Whether a line with no Arabic letters to speak of is still set right to
// left: the last line of an Arabic paragraph that holds only a symbol,
// "(CTOC/COP/2020/CRP.2)." placed as ".)CTOC/COP/2020/CRP.2(". The PDF
// gives a mirrored bracket as the character it stands for, so read left to
// right the line opens with ")" (after the stop that ends the sentence)
// and closes with "(": left-to-right text is never set so. `words` are in
// visual order.
bool EnclosedInMirroredBrackets(const std::vector<Word>& words) {
  if (words.empty() || words.back().text.empty() || words.back().text.back() != '(') return false;
  const std::string& first = words.front().text;
  for (std::size_t pos = 0; pos < first.size();) {
    const char32_t c = NextCodePoint(first, pos);
    if (c == ')') return true;
    const bool ends_sentence = c == '.' || c == ',' || c == ':' || c == ';' || c == 0x060C || c == 0x061B;
    if (!ends_sentence) return false;
  }
  return false;
}

double VerticalOverlap(const Box& a, const Box& b) {
  return std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
}

// Whether the reader sees a space between two neighbouring words.
bool SpaceBetween(const Word& left, const Word& right) {
  if (left.space_after) return true;
  const double size = std::max(left.font_size, right.font_size);
  const double gap = right.box.x0 - left.box.x1;
  return gap > 0.2 * std::max(size, 1.0);
}

// A ligature glyph ("لخ") carries its letters in logical order; written
// backwards here, the line's reversal puts them right again.
std::string VisualGlyphText(const std::string& text) {
  for (std::size_t pos = 0; pos < text.size();) {
    const char32_t c = NextCodePoint(text, pos);
    if (!IsArabicLetter(c) && !IsArabicMark(c)) return text;
  }
  return ArabicLogicalToVisual(text);
}

bool WideGap(const Word& left, const Word& right) {
  const double size = std::max(left.font_size, right.font_size);
  return right.box.x0 - left.box.x1 > 0.2 * std::max(size, 1.0);
}

}  // namespace

TextLine MakeLine(std::vector<Word> words) {
  TextLine line;
  if (words.empty()) return line;
  std::sort(words.begin(), words.end(), [](const Word& a, const Word& b) {
    return a.box.x0 < b.box.x0;  // visual order
  });
  line.box = words.front().box;
  std::map<double, std::size_t> chars_by_size;
  std::size_t bold_chars = 0, all_chars = 0;
  for (const Word& word : words) {
    line.box.Extend(word.box);
    const double rounded = std::round(word.font_size * 2) / 2;
    chars_by_size[rounded] += word.text.size();
    all_chars += word.text.size();
    if (word.bold) bold_chars += word.text.size();
  }
  std::size_t best = 0;
  for (const auto& [size, chars] : chars_by_size) {
    if (chars > best) {
      best = chars;
      line.font_size = size;
    }
  }
  line.bold = bold_chars * 2 > all_chars;
  // Words come in visual order, left to right. A right-to-left line is put
  // back in logical order (visual_order.h); Poppler gives each Arabic glyph
  // as a word of its own and flags spaces inside words, so there only the
  // gap between glyphs tells words apart (joined letters touch).
  if (MostlyArabic(words) || EnclosedInMirroredBrackets(words)) {
    std::string visual;
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (i > 0 && WideGap(words[i - 1], words[i])) visual += ' ';
      visual += VisualGlyphText(words[i].text);
    }
    line.text = VisualToLogicalRightToLeft(visual);
    std::sort(words.begin(), words.end(), [](const Word& a, const Word& b) {
      return a.box.x1 > b.box.x1;  // reading order: rightmost first
    });
  } else {
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (i > 0 && SpaceBetween(words[i - 1], words[i])) line.text += ' ';
      line.text += words[i].text;
    }
  }
  // A document's lines are all held until its paragraphs are built: no
  // spare capacity in them.
  line.text.shrink_to_fit();
  line.words = PackedWords(words);
  return line;
}

double DominantFontSize(const std::vector<TextLine>& lines) {
  FontSizeTally tally;
  tally.Add(lines);
  return tally.Dominant();
}

double FontSizeTally::Dominant() const {
  double best_size = 10;
  std::size_t best = 0;
  for (const auto& [size, chars] : chars_by_size_) {
    if (chars > best) {
      best = chars;
      best_size = size;
    }
  }
  return best_size;
}

std::vector<TextLine> BuildLines(std::vector<Word> words) {
  std::sort(words.begin(), words.end(), [](const Word& a, const Word& b) {
    return a.box.center_y() < b.box.center_y();
  });
  std::vector<std::vector<Word>> groups;
  Box current;
  for (Word& word : words) {
    const bool joins =
        !groups.empty() &&
        VerticalOverlap(current, word.box) >=
            0.5 * std::min(current.height(), word.box.height());
    if (joins) {
      current.Extend(word.box);
      groups.back().push_back(std::move(word));
    } else {
      current = word.box;
      groups.emplace_back();
      groups.back().push_back(std::move(word));
    }
  }
  std::vector<TextLine> lines;
  lines.reserve(groups.size());
  for (auto& group : groups) lines.push_back(MakeLine(std::move(group)));
  return lines;
}

std::optional<double> FindColumnGutter(const std::vector<TextLine>& lines,
                                       double page_width, double least_gap_ems) {
  if (lines.size() < 10 || page_width <= 0) return std::nullopt;
  // Each line's words from left to right edge, read once.
  std::vector<std::vector<std::pair<double, double>>> spans(lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    spans[i].reserve(lines[i].words.size());
    for (const Word& word : lines[i].words) spans[i].emplace_back(word.box.x0, word.box.x1);
  }
  std::optional<double> best;
  std::size_t best_score = 0;
  for (double x = 0.35 * page_width; x <= 0.65 * page_width; x += 2) {
    std::size_t crossing = 0, left = 0, right = 0, both = 0;
    for (std::size_t i = 0; i < spans.size(); ++i) {
      bool has_left = false, has_right = false, crosses = false;
      double left_end = 0, right_start = page_width;
      for (const auto& [x0, x1] : spans[i]) {
        if (x1 <= x) {
          has_left = true;
          left_end = std::max(left_end, x1);
        } else if (x0 >= x) {
          has_right = true;
          right_start = std::min(right_start, x0);
        } else {
          crosses = true;
        }
      }
      // Words side by side with too narrow a gap between them cross it too.
      const double least_gap = least_gap_ems * std::max(1.0, lines[i].font_size);
      if (has_left && has_right && right_start - left_end < least_gap) crosses = true;
      if (crosses) ++crossing;
      else if (has_left && has_right) ++both;
      else if (has_left) ++left;
      else ++right;
    }
    // A real gutter: almost nothing crosses it, text on both sides, and
    // many lines with text on both sides at once.
    const bool gutter = crossing * 10 <= lines.size() &&
                        (left + both) * 4 >= lines.size() &&
                        (right + both) * 4 >= lines.size() &&
                        both * 5 >= lines.size();
    const std::size_t score = lines.size() - crossing;
    if (gutter && score > best_score) {
      best_score = score;
      best = x;
    }
  }
  return best;
}

std::vector<ColumnLine> SplitAtGutter(const std::vector<TextLine>& lines,
                                      double gutter) {
  std::vector<ColumnLine> out;
  for (const TextLine& line : lines) {
    std::vector<Word> left, right;
    bool crosses = false;
    for (const Word& word : line.words) {
      if (word.box.x1 <= gutter) left.push_back(word);
      else if (word.box.x0 >= gutter) right.push_back(word);
      else crosses = true;
    }
    if (crosses) {
      out.push_back({line, -1});
      continue;
    }
    if (!left.empty()) out.push_back({MakeLine(std::move(left)), 0});
    if (!right.empty()) {
      out.push_back({MakeLine(std::move(right)), 1});
      out.back().line.column = 1;
    }
  }
  return out;
}

std::vector<TextLine> ReadingOrder(std::vector<ColumnLine> lines) {
  std::stable_sort(lines.begin(), lines.end(),
                   [](const ColumnLine& a, const ColumnLine& b) {
                     return a.line.box.y0 < b.line.box.y0;
                   });
  std::vector<TextLine> ordered;
  std::vector<TextLine> left, right;
  const auto flush = [&] {
    for (auto& line : left) ordered.push_back(std::move(line));
    for (auto& line : right) ordered.push_back(std::move(line));
    left.clear();
    right.clear();
  };
  for (ColumnLine& entry : lines) {
    if (entry.column < 0) {
      flush();
      ordered.push_back(std::move(entry.line));
    } else if (entry.column == 0) {
      left.push_back(std::move(entry.line));
    } else {
      right.push_back(std::move(entry.line));
    }
  }
  flush();
  return ordered;
}

}  // namespace sextant
