#include "stages/ocr/ocr_lines.h"

#include <algorithm>
#include <cctype>
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

// Han, or the full-width punctuation Chinese text sets between Han.
bool IsHanOrFullWidth(char32_t c) { return IsHan(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF); }

bool EndsOrStartsHan(const std::string& text, bool at_end) {
  if (text.empty()) return false;
  std::size_t pos = 0;
  char32_t c = NextCodePoint(text, pos);
  if (!at_end) return IsHanOrFullWidth(c);
  while (pos < text.size()) c = NextCodePoint(text, pos);
  return IsHanOrFullWidth(c);
}

// A Chinese line's words with their punctuation as Chinese sets it: the
// ASCII forms an OCR model gives, full-width where Chinese text touches
// them ("文件(CTOC/COP/2020/CRP.2)，" -> "文件（CTOC/COP/2020/CRP.2），",
// "开幕:" -> "开幕："; a pair of brackets alike), and left as they are in
// Latin runs or apart from Chinese ("(a) 会议", "10:00").
std::vector<std::string> FullWidthPunctuation(const OcrLine& line) {
  // Code points of the line, each with whether it touches the one before
  // (inside a word, or words less than 0.6 of the line's height apart: a
  // full-width bracket's glyph leaves room on its outer side).
  struct Character {
    char32_t c;
    std::size_t word;
    bool touches_previous;
  };
  std::vector<Character> characters;
  for (std::size_t w = 0; w < line.words.size(); ++w) {
    const std::string& text = line.words[w].text;
    const bool touches = w > 0 && line.words[w].box.x0 - line.words[w - 1].box.x1 < 0.6 * line.height;
    for (std::size_t pos = 0; pos < text.size();) {
      const bool first = pos == 0;
      characters.push_back({NextCodePoint(text, pos), w, first ? touches : true});
    }
  }
  const auto chinese_before = [&](std::size_t i) {
    return i > 0 && characters[i].touches_previous && IsHanOrFullWidth(characters[i - 1].c);
  };
  const auto chinese_after = [&](std::size_t i) {
    return i + 1 < characters.size() && characters[i + 1].touches_previous && IsHanOrFullWidth(characters[i + 1].c);
  };
  const auto digit = [&](std::size_t i) {
    return i < characters.size() && characters[i].c < 0x80 && std::isdigit(static_cast<int>(characters[i].c));
  };
  // Brackets by pairs: both full-width when Chinese touches either.
  std::vector<std::size_t> open;
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  for (std::size_t i = 0; i < characters.size(); ++i) {
    if (characters[i].c == '(') open.push_back(i);
    if (characters[i].c == ')' && !open.empty()) {
      pairs.emplace_back(open.back(), i);
      open.pop_back();
    }
  }
  for (const auto& [left, right] : pairs) {
    if (chinese_before(left) || chinese_after(right)) {
      characters[left].c = 0xFF08;
      characters[right].c = 0xFF09;
    }
  }
  for (std::size_t i = 0; i < characters.size(); ++i) {
    char32_t& c = characters[i].c;
    const bool chinese = chinese_before(i) || chinese_after(i);
    if ((c == '(' || c == ')') && chinese) c = c == '(' ? 0xFF08 : 0xFF09;  // unpaired
    if ((c == ',' || c == ':' || c == ';' || c == '?' || c == '!') && chinese &&
        !(i > 0 && digit(i - 1) && digit(i + 1))) {
      c = c == ',' ? 0xFF0C : c == ':' ? 0xFF1A : c == ';' ? 0xFF1B : c == '?' ? 0xFF1F : 0xFF01;
    }
  }
  std::vector<std::string> texts(line.words.size());
  for (const Character& character : characters) AppendUtf8(texts[character.word], character.c);
  return texts;
}

// Tesseract's Arabic model reads the Arabic comma "،" after a word as "»"
// (every comma of the fixtures' scans); Arabic UN text sets no guillemet
// there.
std::string ArabicCommaRead(const std::string& text) {
  static const std::string kGuillemet = "\u00BB";
  if (text.size() <= kGuillemet.size() || !text.ends_with(kGuillemet)) return text;
  std::size_t pos = 0;
  char32_t last_letter = 0;
  const std::string head = text.substr(0, text.size() - kGuillemet.size());
  while (pos < head.size()) last_letter = NextCodePoint(head, pos);
  return IsArabicLetter(last_letter) ? head + "\u060C" : text;
}

// Tesseract's Arabic-script model (read beside the Arabic one for its
// digits) gives Persian forms: its digits "۲۹" for the Arabic-Indic
// "٢٩" (the same values), its keheh "ک" for kaf, and its yeh "ی", dotted
// inside a word as the Arabic yeh "ي" is and dotless at its end as the
// alef maksura "ى" is.
std::string PersianFormsAsArabic(const std::string& text) {
  std::u32string letters;
  for (std::size_t pos = 0; pos < text.size();) letters += NextCodePoint(text, pos);
  std::string out;
  for (std::size_t i = 0; i < letters.size(); ++i) {
    char32_t c = letters[i];
    if (c >= 0x06F0 && c <= 0x06F9) {
      c = c - 0x06F0 + 0x0660;
    } else if (c == 0x06A9) {
      c = 0x0643;
    } else if (c == 0x06CC) {
      const bool last = i + 1 == letters.size() || !IsArabicLetter(letters[i + 1]);
      c = last ? 0x0649 : 0x064A;
    }
    AppendUtf8(out, c);
  }
  return out;
}

// One word a character (a letter with its marks), left to right in visual
// order, over the word's box less an inset each side.
void AddVisualCharacters(const OcrWord& ocr, double font_size, std::vector<Word>& words) {
  const std::string visual = VisualToLogicalRightToLeft(ArabicCommaRead(ocr.text));  // the same reversal, either way
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

bool HasRightToLeftLetter(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size();) {
    if (IsArabicLetter(NextCodePoint(text, pos))) return true;
  }
  return false;
}

}  // namespace

bool HasLetterOrDigit(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size();) {
    const char32_t c = NextCodePoint(text, pos);
    if (c >= 0x80 || std::isalnum(static_cast<int>(c))) return true;
  }
  return false;
}

bool IsRuleShaped(const Box& box) {
  return box.width() >= 30 && box.height() <= 3 && box.width() >= 8 * std::max(box.height(), 0.1);
}

std::vector<Word> LayoutWords(const std::vector<OcrLine>& lines, Language language, double page_height) {
  const bool right_to_left = Info(language).right_to_left;
  std::vector<double> sizes;
  for (const OcrLine& line : lines) sizes.push_back(line.height / kOcrLineHeightPerFontSize);
  const double dominant = DominantSize(sizes, lines);
  // Arabic lines' heights vary with their dots and marks far more.
  const double tolerance = right_to_left ? 0.35 : 0.15;
  for (double& size : sizes) {
    if (dominant > 0 && std::abs(size - dominant) <= tolerance * dominant) size = dominant;
  }
  // The footnote separator: the highest rule alone on its line in the band.
  const OcrWord* separator = nullptr;
  for (const OcrLine& line : lines) {
    if (line.words.size() != 1) continue;
    const OcrWord& only = line.words.front();
    if (HasLetterOrDigit(only.text) || !IsRuleShaped(only.box)) continue;
    if (only.box.y0 < 0.4 * page_height || only.box.y0 > 0.9 * page_height) continue;
    if (separator == nullptr || only.box.y0 < separator->box.y0) separator = &only;
  }
  std::vector<Word> words;
  for (std::size_t l = 0; l < lines.size(); ++l) {
    const OcrLine& line = lines[l];
    std::vector<double> bottoms, heights;
    for (const OcrWord& word : line.words) {
      bottoms.push_back(word.box.y1);
      heights.push_back(word.box.height());
    }
    const std::vector<std::string> texts = language == Language::kChinese
                                               ? FullWidthPunctuation(line)
                                               : std::vector<std::string>();
    // A line of an Arabic page with no Arabic letter ("Distr.: General" in
    // the masthead) is set left to right, its words whole, as a text layer
    // gives it.
    const bool left_to_right_line =
        right_to_left && std::none_of(line.words.begin(), line.words.end(),
                                      [](const OcrWord& word) { return HasRightToLeftLetter(word.text); });
    const double baseline = Median(bottoms);
    const double typical = Median(heights);
    for (std::size_t w = 0; w < line.words.size(); ++w) {
      const OcrWord& ocr = line.words[w];
      if (!HasLetterOrDigit(ocr.text) && IsRuleShaped(ocr.box)) {
        if (&ocr != separator) continue;
        Word rule;
        rule.text = kRuleText;
        rule.box = ocr.box;
        rule.font_size = sizes[l];
        words.push_back(std::move(rule));
        continue;
      }
      const bool raised = line.words.size() > 2 && ocr.box.y1 < baseline - 0.25 * typical &&
                          ocr.box.height() < 0.7 * typical;
      const double size = raised ? 0.6 * sizes[l] : sizes[l];
      if (right_to_left && !left_to_right_line) {
        OcrWord arabic = ocr;
        arabic.text = PersianFormsAsArabic(ocr.text);
        AddVisualCharacters(arabic, size, words);
        continue;
      }
      Word word;
      word.text = language == Language::kChinese ? texts[w] : ocr.text;
      word.box = ocr.box;
      word.font_size = size;
      word.bold = ocr.bold;
      const std::string next = w + 1 >= line.words.size()       ? std::string()
                               : language == Language::kChinese ? texts[w + 1]
                                                                : line.words[w + 1].text;
      word.space_after = w + 1 < line.words.size() && !EndsOrStartsHan(word.text, true) && !EndsOrStartsHan(next, false);
      words.push_back(std::move(word));
    }
  }
  return words;
}

}  // namespace sextant
