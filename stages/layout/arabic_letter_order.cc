#include "stages/layout/arabic_letter_order.h"

#include <algorithm>

#include "pipeline/unicode_text.h"

namespace sextant {
namespace {

constexpr char32_t kAlef = 0x0627;
constexpr char32_t kLam = 0x0644;
constexpr char32_t kTaMarbuta = 0x0629;
constexpr char32_t kAlefMaksura = 0x0649;

bool IsVowelMark(char32_t c) { return c >= 0x064B && c <= 0x065F; }

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
    if (!IsArabicLetter(c) && !IsVowelMark(c)) return false;
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

}  // namespace

std::optional<ArabicLetterOrder> LetterOrderEvidence::Decision() const {
  // Three points at least, and three times as many as the other reading:
  // logical text has a few "لا" endings ("مثلا") and a word split by
  // kerning ("الفر يق") may start with ى; visual text has the same the
  // other way round.
  const std::size_t most = std::max(logical, visual);
  const std::size_t least = std::min(logical, visual);
  if (most < 3 || most < 3 * least) return std::nullopt;
  return logical > visual ? ArabicLetterOrder::kLogical : ArabicLetterOrder::kVisual;
}

LetterOrderEvidence WeighLetterOrder(std::string_view word_text) {
  LetterOrderEvidence evidence;
  std::vector<char32_t> run;
  for (std::size_t pos = 0; pos < word_text.size();) {
    const char32_t c = NextCodePoint(word_text, pos);
    if (IsVowelMark(c)) continue;
    if (IsArabicLetter(c)) {
      run.push_back(c);
      continue;
    }
    WeighRun(run, evidence);
    run.clear();
  }
  WeighRun(run, evidence);
  return evidence;
}

std::vector<ArabicLetterOrder> LetterOrderByPage(const std::vector<Page>& pages) {
  std::vector<LetterOrderEvidence> by_page;
  by_page.reserve(pages.size());
  LetterOrderEvidence document;
  for (const Page& page : pages) {
    by_page.push_back(WeighPage(page));
    document += by_page.back();
  }
  const ArabicLetterOrder fallback = document.Decision().value_or(ArabicLetterOrder::kLogical);
  std::vector<ArabicLetterOrder> orders;
  orders.reserve(pages.size());
  for (const LetterOrderEvidence& evidence : by_page) orders.push_back(evidence.Decision().value_or(fallback));
  return orders;
}

void PutArabicWordsInMakeLineOrder(std::vector<Word>& words, ArabicLetterOrder order) {
  if (order != ArabicLetterOrder::kVisual) return;
  for (Word& word : words) {
    if (!MayHoldArabic(word.text) || !IsAllArabic(word.text)) continue;
    std::vector<std::string_view> characters;
    for (std::size_t pos = 0; pos < word.text.size();) {
      const std::size_t start = pos;
      NextCodePoint(word.text, pos);
      characters.push_back(std::string_view(word.text).substr(start, pos - start));
    }
    std::string reversed;
    reversed.reserve(word.text.size());
    for (auto it = characters.rbegin(); it != characters.rend(); ++it) reversed += *it;
    word.text = std::move(reversed);
  }
}

}  // namespace sextant
