#include "stages/layout/arabic_letter_order.h"

#include <algorithm>

#include "pipeline/unicode_text.h"
#include "stages/layout/visual_order.h"

namespace sextant {
namespace {

constexpr char32_t kAlef = 0x0627;
constexpr char32_t kLam = 0x0644;
constexpr char32_t kTaMarbuta = 0x0629;
constexpr char32_t kAlefMaksura = 0x0649;


bool EndsAWord(char32_t c) { return c == kTaMarbuta || c == kAlefMaksura; }

// One run of Arabic letters (vowel marks left out), as given.
void WeighRun(const std::vector<char32_t>& run, LetterOrderEvidence& evidence) {
  if (run.size() < 2) return;
  const std::size_t n = run.size();
  if (EndsAWord(run[n - 1])) ++evidence.logical;
  if (EndsAWord(run[0])) ++evidence.visual;
  // The article: "الأمم" as read, "ممألا" backwards. Three letters at
  // least, as "لا" is a word of its own ("no").
  if (n >= 3) {
    if (run[0] == kAlef && run[1] == kLam) ++evidence.logical;
    if (run[n - 1] == kAlef && run[n - 2] == kLam) ++evidence.visual;
  }
}

// Whether a word's text is Arabic letters and vowel marks only: the words
// MakeLine reads as logical order (VisualGlyphText in line_builder.cc).
bool IsAllArabic(std::string_view text) {
  if (text.empty()) return false;
  for (std::size_t pos = 0; pos < text.size();) {
    const char32_t c = NextCodePoint(text, pos);
    if (!IsArabicLetter(c) && !IsArabicMark(c)) return false;
  }
  return true;
}

// Whether a text may hold an Arabic letter: UTF-8 lead bytes 0xD8-0xDB
// (U+0600-U+06FF) or the presentation forms' 0xEF. Most words of most
// documents are skipped on this alone.
bool MayHoldArabic(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return (byte >= 0xD8 && byte <= 0xDB) || byte == 0xEF;
  });
}

LetterOrderEvidence WeighPage(const Page& page) {
  LetterOrderEvidence evidence;
  for (const Word& word : page.words) {
    if (MayHoldArabic(word.text)) evidence += WeighLetterOrder(word.text);
  }
  return evidence;
}

// Three points at least, and three times as many as the other reading:
// logical text has a few "لا" endings ("مثلا") and a word split by
// kerning ("الفر يق") may start with ى; visual text has the same the
// other way round.
bool Decisive(std::size_t most, std::size_t least) { return most >= 3 && most >= 3 * least; }

}  // namespace

std::optional<ArabicLetterOrder> LetterOrderEvidence::Decision() const {
  if (!Decisive(std::max(logical, visual), std::min(logical, visual))) return std::nullopt;
  return logical > visual ? ArabicLetterOrder::kLogical : ArabicLetterOrder::kVisual;
}

// Marks are fewer and less clear-cut: LibreOffice gives most before their
// letter but some after (a mark left of its letter's origin); five times
// as many on one side as on the other.
std::optional<ArabicMarkSide> LetterOrderEvidence::MarkSide() const {
  const std::size_t most = std::max(mark_first, mark_last), least = std::min(mark_first, mark_last);
  if (most < 3 || most < 5 * least) return std::nullopt;
  return mark_first > mark_last ? ArabicMarkSide::kBeforeLetter : ArabicMarkSide::kAfterLetter;
}

LetterOrderEvidence WeighLetterOrder(std::string_view word_text) {
  LetterOrderEvidence evidence;
  std::vector<char32_t> run;
  bool has_letter = false;
  char32_t first = 0, last = 0;
  for (std::size_t pos = 0; pos < word_text.size();) {
    const char32_t c = NextCodePoint(word_text, pos);
    if (first == 0) first = c;
    last = c;
    if (IsArabicMark(c)) continue;
    if (IsArabicLetter(c)) {
      has_letter = true;
      run.push_back(c);
      continue;
    }
    WeighRun(run, evidence);
    run.clear();
  }
  WeighRun(run, evidence);
  if (has_letter && IsArabicMark(first)) ++evidence.mark_first;
  if (has_letter && IsArabicMark(last)) ++evidence.mark_last;
  return evidence;
}

std::vector<ArabicWordOrder> WordOrderByPage(const std::vector<Page>& pages) {
  std::vector<LetterOrderEvidence> by_page;
  by_page.reserve(pages.size());
  LetterOrderEvidence document;
  for (const Page& page : pages) {
    by_page.push_back(WeighPage(page));
    document += by_page.back();
  }
  const ArabicLetterOrder letters = document.Decision().value_or(ArabicLetterOrder::kLogical);
  const ArabicMarkSide marks = document.MarkSide().value_or(ArabicMarkSide::kBeforeLetter);
  std::vector<ArabicWordOrder> orders;
  orders.reserve(pages.size());
  for (const LetterOrderEvidence& evidence : by_page) {
    orders.push_back({evidence.Decision().value_or(letters), marks});
  }
  return orders;
}

namespace {

// "وِّقي" -> "ِّوقي": each letter's marks moved from after it to before it.
std::string MarksBeforeTheirLetters(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t letter_at = std::string::npos;  // where the last letter starts in `out`
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t start = pos;
    const char32_t c = NextCodePoint(text, pos);
    const std::string_view character = text.substr(start, pos - start);
    if (IsArabicMark(c) && letter_at != std::string::npos) {
      out.insert(letter_at, character);
      letter_at += character.size();
    } else {
      letter_at = IsArabicMark(c) ? std::string::npos : out.size();
      out.append(character);
    }
  }
  return out;
}

}  // namespace

void PutArabicWordsInMakeLineOrder(std::vector<Word>& words, ArabicWordOrder order) {
  if (order.letters != ArabicLetterOrder::kVisual) return;
  for (Word& word : words) {
    if (!MayHoldArabic(word.text)) continue;
    if (order.marks == ArabicMarkSide::kAfterLetter) word.text = MarksBeforeTheirLetters(word.text);
    if (IsAllArabic(word.text)) word.text = VisualToLogicalRightToLeft(word.text);
  }
}

}  // namespace sextant
