#include "stages/segment/sentence_segmenter.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <span>
#include <string>

#include "pipeline/unicode_text.h"
#include "stages/icu/sentence_breaker.h"

namespace sextant {
namespace {

// ---------------------------------------------------------------------------
// Resources: the abbreviations of each language, in one table. `always`
// never ends a sentence when text follows it; `unless_sentence_follows`
// ends one only when the next word opens a sentence (an upper-case letter
// or a list marker), because it often closes a sentence ("etc.", "2015 г.").
// Matching is case-sensitive and needs a non-letter (or the sentence start)
// before the abbreviation. Adding a language is one row.

constexpr std::string_view kArabicAlways[] = {"د.", "م.", "ص.", "v.", "No."};
constexpr std::string_view kChineseAlways[] = {"No.", "para.", "e.g.", "i.e."};
constexpr std::string_view kEnglishAlways[] = {
    "No.",    "Nos.",   "no.",    "nos.",   "para.",  "paras.", "Para.",
    "Paras.", "art.",   "arts.",  "Art.",   "Arts.",  "e.g.",   "i.e.",
    "Mr.",    "Mrs.",   "Ms.",    "Messrs.", "Dr.",   "Prof.",  "H.E.",
    "approx.", "vol.",  "Vol.",   "vols.",  "p.",     "pp.",    "cf.",
    "Cf.",    "chap.",  "Chap.",  "sect.",  "Sect.",  "fig.",   "Fig.",
    "St.",    "Corp.",  "ed.",    "eds.",   "op.",    "cit.",   "viz.",
    "U.N.",   "U.S.",   "Amb.",   "Gen.",   "Lt.",    "Col.",   "Sen.",
    "Rep.",   "subpara.", "subparas.", "v.", "vs."};
constexpr std::string_view kEnglishWeak[] = {"etc.", "a.m.", "p.m.", "Inc.",
                                             "Ltd.", "Co.", "al.", "S.A."};
constexpr std::string_view kFrenchAlways[] = {
    "M.",    "MM.",   "Mme",   "Mmes",  "Mlle",   "p. ex.", "p.ex.", "ex.",
    "art.",  "Art.",  "par.",  "al.",   "no",     "nos",    "n°",    "p.",
    "pp.",   "cf.",   "Cf.",   "vol.",  "chap.",  "Dr",     "Pr",    "S. E.",
    "S.E.",  "S.",    "sect.", "env.",  "app.",  "fig.",   "op.",    "cit.",  "c.-à-d."};
constexpr std::string_view kFrenchWeak[] = {"etc.", "h.", "av.", "apr."};
constexpr std::string_view kSpanishAlways[] = {
    "Sr.",   "Sra.",  "Sres.", "Sras.", "Srta.",  "núm.",  "núms.", "párr.",
    "párrs.", "art.", "arts.", "Art.",  "pág.",   "págs.", "p.",    "pp.",
    "cf.",   "vol.",  "Dr.",   "Dra.",  "Excmo.", "Excma.", "cap.", "secc.",
    "apdo.", "inc.",  "c.",  "op.",   "cit.",  "N.º",    "n.º",   "Nº",    "No."};
constexpr std::string_view kSpanishWeak[] = {"etc.", "a.m.", "p.m.", "S.A."};
constexpr std::string_view kRussianAlways[] = {
    "т.е.",  "т. е.", "ст.",  "п.",    "пп.",   "см.",   "№",    "т.",   "долл.", "с.",
       "т.ч.", "т. ч.", "напр.", "ок.",   "стр.", "прим.",
    "рис.",  "гл.",   "разд.", "подп.", "ч.",   "им.",   "проф.", "акад.",
    "тел.",  "д-р"};
constexpr std::string_view kRussianWeak[] = {
    "г.",    "гг.",   "и т.д.", "и т. д.", "и т.п.", "и т. п.", "и др.",
    "млн.",  "млрд.", "тыс.",   "руб.",    "в.",      "вв."};

struct AbbreviationRow {
  Language language;
  std::span<const std::string_view> always;
  std::span<const std::string_view> unless_sentence_follows;
};

constexpr AbbreviationRow kAbbreviations[] = {
    {Language::kArabic, kArabicAlways, {}},
    {Language::kChinese, kChineseAlways, {}},
    {Language::kEnglish, kEnglishAlways, kEnglishWeak},
    {Language::kFrench, kFrenchAlways, kFrenchWeak},
    {Language::kRussian, kRussianAlways, kRussianWeak},
    {Language::kSpanish, kSpanishAlways, kSpanishWeak},
};

const AbbreviationRow& AbbreviationsFor(Language language) {
  for (const AbbreviationRow& row : kAbbreviations) {
    if (row.language == language) return row;
  }
  assert(false && "every language has an abbreviation row");
  return kAbbreviations[0];
}

// The type and body parts of document symbols that end in "." before their
// number: "CTOC/COP/WG. 4", "CRP. 2", "L. 3".
constexpr std::string_view kSymbolParts[] = {
    "WG.", "CRP.", "L.",   "Rev.", "Add.", "Corr.", "Amend.", "AC.", "C.",
    "CN.", "CONF.", "PV.", "SR.",  "WP.",  "Sub.",  "INF.",   "Misc.", "PC.",
    "GC.", "Ex."};

// ---------------------------------------------------------------------------
// Small UTF-8 helpers.

bool IsSpace(char32_t c) {
  return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0x85 || c == 0xA0 ||
         c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 ||
         c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

// The first position at or after `pos` (before `end`) that is not white space.
std::size_t SkipSpaceForward(std::string_view text, std::size_t pos, std::size_t end) {
  while (pos < end) {
    std::size_t next = pos;
    if (!IsSpace(NextCodePoint(text, next))) break;
    pos = next;
  }
  return pos;
}

// The position just after the last non-space character in [begin, pos).
std::size_t SkipSpaceBackward(std::string_view text, std::size_t begin, std::size_t pos) {
  while (pos > begin) {
    std::size_t previous = pos;
    if (!IsSpace(PreviousCodePoint(text, previous))) break;
    pos = previous;
  }
  return pos;
}

// The start of the white-space-delimited token that ends at `end`.
std::size_t TokenStart(std::string_view text, std::size_t begin, std::size_t end) {
  std::size_t pos = end;
  while (pos > begin) {
    std::size_t previous = pos;
    if (IsSpace(PreviousCodePoint(text, previous))) break;
    pos = previous;
  }
  return pos;
}

char32_t CodePointAt(std::string_view text, std::size_t pos) {
  return pos < text.size() ? NextCodePoint(text, pos) : 0;
}

char32_t CodePointBefore(std::string_view text, std::size_t pos) {
  return pos > 0 ? PreviousCodePoint(text, pos) : 0;
}

bool IsLetterOrDigit(char32_t c) {
  return IsLatinLetter(c) || IsCyrillicLetter(c) || IsArabicLetter(c) || IsHan(c) ||
         IsAsciiDigit(c);
}

bool IsHanNumeral(char32_t c) {
  static constexpr std::u32string_view kNumerals = U"一二三四五六七八九十";
  return kNumerals.find(c) != std::u32string_view::npos;
}

bool IsArabicIndicDigit(char32_t c) { return c >= 0x0660 && c <= 0x0669; }
bool IsRomanUpper(char32_t c) { return std::u32string_view(U"IVXLC").find(c) != std::u32string_view::npos; }
bool IsRomanLower(char32_t c) { return std::u32string_view(U"ivxlc").find(c) != std::u32string_view::npos; }

// ---------------------------------------------------------------------------
// List markers, read by hand (this runs on every candidate boundary).

// Counts code points from `pos` that satisfy `pred`, up to `most`.
template <typename Pred>
int CountRun(std::string_view text, std::size_t& pos, int most, Pred pred) {
  int count = 0;
  while (pos < text.size() && count < most) {
    std::size_t next = pos;
    if (!pred(NextCodePoint(text, next))) break;
    pos = next;
    ++count;
  }
  return count;
}

bool IsDot(std::string_view text, std::size_t pos, std::size_t& after) {
  after = pos;
  if (pos >= text.size()) return false;
  const char32_t c = NextCodePoint(text, after);
  return c == '.' || c == U'．';
}

// "1.", "12.", "1.2.", "1)", "112．", "9 -", "١.", "١-": digits, then dotted
// parts, then a closing "." ")" or (Arabic style) " -".
std::size_t NumberMarkerLength(std::string_view text, std::size_t begin) {
  std::size_t pos = begin;
  if (CountRun(text, pos, 3, IsArabicIndicDigit) == 0 &&
      CountRun(text, pos, 3, IsAsciiDigit) == 0) {
    return 0;
  }
  bool closed = false;
  for (std::size_t after = pos;
       pos < text.size() && (IsDot(text, pos, after) || text[pos] == ')');) {
    const bool paren = text[pos] == ')';
    pos = paren ? pos + 1 : after;
    closed = true;
    if (paren) break;
    std::size_t digits = pos;
    if (CountRun(text, digits, 2, IsAsciiDigit) == 0) break;
    pos = digits;
    closed = false;
  }
  if (!closed) {
    std::size_t dash = pos;
    if (dash < text.size() && text[dash] == ' ') ++dash;
    // "9 - يهيب" but not a range "29 - 31".
    if (dash < text.size() && text[dash] == '-' &&
        (dash + 1 == text.size() ||
         (text[dash + 1] == ' ' && !IsAsciiDigit(CodePointAt(text, dash + 2))))) {
      pos = dash + 1;
      closed = true;
    }
  }
  return closed ? pos - begin : 0;
}

// "(a)", "(iv)", "(12)", "（一）", "(أ)", "(هـ)".
std::size_t BracketMarkerLength(std::string_view text, std::size_t begin) {
  std::size_t pos = begin;
  const char32_t open = NextCodePoint(text, pos);
  if (open != '(' && open != U'（') return 0;
  // Lower-case letters, digits, Han numerals or Arabic letters, or a single
  // upper-case letter: "(ARSAT)" is no marker.
  const std::size_t inner_begin = pos;
  const int inner = CountRun(text, pos, 4, [](char32_t c) {
    return IsLatinLetter(c) || IsAsciiDigit(c) || IsHanNumeral(c) || IsArabicLetter(c);
  });
  if (inner == 0 || pos >= text.size()) return 0;
  if (inner > 1) {
    for (std::size_t probe = inner_begin; probe < pos;) {
      if (IsUppercaseLetter(NextCodePoint(text, probe))) return 0;
    }
  }
  const char32_t close = NextCodePoint(text, pos);
  return (close == ')' || close == U'）') ? pos - begin : 0;
}

// "IV.", "iv.", "A.", "a)", "IV.G.", "一、", "三.".
std::size_t LetterMarkerLength(std::string_view text, std::size_t begin) {
  std::size_t pos = begin;
  std::size_t after = 0;
  if (CountRun(text, pos, 3, IsHanNumeral) > 0) {
    if (IsDot(text, pos, after)) return after - begin;
    after = pos;
    return (pos < text.size() && NextCodePoint(text, after) == U'、') ? after - begin : 0;
  }
  std::size_t roman = begin;
  if (CountRun(text, roman, 6, IsRomanUpper) == 0) {
    roman = begin;
    CountRun(text, roman, 6, IsRomanLower);
  }
  if (roman > begin && IsDot(text, roman, after)) {
    // "IV.G.": a lettered section of a numbered chapter.
    std::size_t letter = after;
    if (CountRun(text, letter, 1, IsUppercaseLetter) == 1 && letter < text.size() &&
        text[letter] == '.') {
      return letter + 1 - begin;
    }
    return after - begin;
  }
  std::size_t letter = begin;
  if (CountRun(text, letter, 1,
               [](char32_t c) { return IsLatinLetter(c) || IsCyrillicLetter(c); }) == 1 &&
      letter < text.size() && (text[letter] == '.' || text[letter] == ')')) {
    return letter + 1 - begin;
  }
  return 0;
}

std::size_t ListMarkerLength(std::string_view text, std::size_t begin) {
  if (std::size_t n = NumberMarkerLength(text, begin)) return n;
  if (std::size_t n = BracketMarkerLength(text, begin)) return n;
  return LetterMarkerLength(text, begin);
}

// A list item opens at `pos`: a marker followed by a space, the end, or
// non-ASCII text ("(b)通过议程").
bool ListItemStartsAt(std::string_view text, std::size_t pos) {
  const std::size_t n = ListMarkerLength(text, pos);
  if (n == 0) return false;
  const std::size_t after = pos + n;
  if (after >= text.size()) return true;
  std::size_t probe = after;
  const char32_t c = NextCodePoint(text, probe);
  return IsSpace(c) || c >= 0x80;
}

}  // namespace

bool IsListMarker(std::string_view text) {
  // One marker, or a few separated by single spaces ("IV. G.", "(a) (i)").
  std::size_t pos = 0;
  for (int parts = 0; parts < 3 && pos < text.size(); ++parts) {
    const std::size_t n = ListMarkerLength(text, pos);
    if (n == 0) return false;
    pos += n;
    if (pos < text.size() && text[pos] == ' ') ++pos;
  }
  return !text.empty() && pos == text.size();
}

namespace {

// ---------------------------------------------------------------------------
// The corrections: whether an ICU boundary at `cut`, in the sentence that
// started at `start`, is kept.

// The abbreviation of `list` that the text [start, end) ends with, if any,
// with a non-letter (or the sentence start) before it.
bool EndsWithOneOf(std::string_view text, std::size_t start, std::size_t end,
                   std::span<const std::string_view> list) {
  const std::string_view before = text.substr(start, end - start);
  for (std::string_view abbreviation : list) {
    if (!before.ends_with(abbreviation)) continue;
    std::size_t pos = end - abbreviation.size();
    if (pos == start || !IsLetterOrDigit(PreviousCodePoint(text, pos))) return true;
  }
  return false;
}

bool OpensSentence(std::string_view text, std::size_t pos) {
  if (ListItemStartsAt(text, pos)) return true;
  std::size_t probe = pos;
  char32_t c = NextCodePoint(text, probe);
  // An opening quote or bracket before the first letter.
  if ((c == '"' || c == U'“' || c == U'«' || c == '\'') && probe < text.size()) {
    c = NextCodePoint(text, probe);
  }
  return IsUppercaseLetter(c);
}

// "CTOC/COP/WG. 4", "A/C.3/80/L. 10": a cut after the dot of a symbol part
// that still waits for its number (letters and a dot, after the last slash).
bool SplitsSymbol(std::string_view token, std::string_view text, std::size_t next) {
  if (next >= text.size() || !IsAsciiDigit(static_cast<unsigned char>(text[next]))) {
    return false;
  }
  std::size_t slash = token.rfind('/');
  if (const std::size_t wide = token.rfind("／");
      wide != std::string_view::npos && (slash == std::string_view::npos || wide > slash)) {
    slash = wide + 2;  // "／" is three bytes
  }
  const std::string_view part =
      slash == std::string_view::npos ? token : token.substr(slash + 1);
  if (slash == std::string_view::npos) {
    return std::find(std::begin(kSymbolParts), std::end(kSymbolParts), part) !=
           std::end(kSymbolParts);
  }
  std::size_t dot = part.size();
  if (part.ends_with(".")) dot = part.size() - 1;
  else if (part.ends_with("．")) dot = part.size() - 3;
  if (dot == part.size() || dot == 0 || dot > 6) return false;
  return std::all_of(part.begin(), part.begin() + dot, [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  });
}

// A capitalised word: "Andrzej", "Kunarac" (an upper-case letter, then lower).
bool IsCapitalizedWord(std::string_view word) {
  std::size_t pos = 0;
  if (word.empty() || !IsUppercaseLetter(NextCodePoint(word, pos))) return false;
  return pos < word.size() && IsLowercaseLetter(NextCodePoint(word, pos));
}

// Initials, not sentence ends: "Andrzej T. Abraszewski" (one upper-case
// letter, not a Roman numeral, after a capitalised word and before another),
// and Arabic letter abbreviations "(عقار ل.س.د)".
bool IsInitial(std::string_view text, std::size_t first, std::size_t token,
               std::size_t end, std::size_t next) {
  std::size_t pos = token;
  if (pos < end && text[pos] == '(') ++pos;
  int letters = 0;
  bool arabic = true;
  char32_t letter = 0;
  while (pos < end) {
    letter = NextCodePoint(text, pos);
    if (pos >= end || text[pos] != '.') return false;
    ++pos;
    ++letters;
    arabic = arabic && IsArabicLetter(letter);
  }
  if (letters == 0) return false;
  if (arabic) return true;
  if (letters != 1 || !IsUppercaseLetter(letter) || IsRomanUpper(letter)) return false;
  const std::size_t word_end = SkipSpaceBackward(text, first, token);
  const std::size_t word = TokenStart(text, first, word_end);
  return IsCapitalizedWord(text.substr(word, word_end - word)) &&
         IsCapitalizedWord(text.substr(next));
}

bool KeepBoundary(std::string_view text, std::size_t start, std::size_t cut,
                  const AbbreviationRow& row) {
  const std::size_t first = SkipSpaceForward(text, start, cut);
  const std::size_t end = SkipSpaceBackward(text, first, cut);
  const std::size_t next = SkipSpaceForward(text, cut, text.size());
  if (end == first || next == text.size()) return false;
  // ICU breaks after "?" and "!" even when the sentence goes on in lower case.
  if (IsLowercaseLetter(CodePointAt(text, next)) && !ListItemStartsAt(text, next)) {
    return false;
  }
  // "1. | The Commission ...": a marker opens the item, it does not end one.
  if (IsListMarker(text.substr(first, end - first))) return false;
  if (EndsWithOneOf(text, first, end, row.always)) return false;
  if (EndsWithOneOf(text, first, end, row.unless_sentence_follows)) {
    return OpensSentence(text, next);
  }
  const std::size_t token = TokenStart(text, first, end);
  if (SplitsSymbol(text.substr(token, end - token), text, next)) return false;
  if (IsInitial(text, first, token, end, next)) return false;
  // Chinese ends sentences with 。！？; a "." before Han text is a heading
  // number or a slip ("第五节．资源", "再遭.战祸").
  if (row.language == Language::kChinese) {
    const char32_t last = CodePointBefore(text, end);
    if ((last == '.' || last == U'．') && IsHan(CodePointAt(text, next))) return false;
  }
  return true;
}

bool IsOpener(char32_t c) {
  // Not "[": "planning.[23]" is a footnote reference of the sentence before.
  return std::u32string_view(U"《〈「『“‘（［【«„(").find(c) != std::u32string_view::npos;
}

// ICU counts opening brackets after a full stop as closing the sentence
// ("。《刑法典》"); they open the next one.
void MoveCutsBeforeOpeners(std::string_view text, std::vector<std::size_t>& cuts) {
  for (std::size_t& cut : cuts) {
    std::size_t pos = cut;
    while (pos > 0 && IsOpener(PreviousCodePoint(text, pos))) cut = pos;
  }
}

// A marker that numbers paragraphs or headings: "9.", "9 -", "IV.", "三、".
bool IsNumberingMarker(std::string_view text, std::size_t pos) {
  const char32_t c = CodePointAt(text, pos);
  return IsAsciiDigit(c) || IsArabicIndicDigit(c) || IsRomanUpper(c) || IsHanNumeral(c);
}

// "...in both fields; 9. Calls upon": a numbered paragraph after a clause
// of the previous one. Chinese also ends list items at "；" ("会议开幕；(b)").
void AddLeadInCuts(std::string_view text, Language language,
                   std::vector<std::size_t>& cuts) {
  static constexpr std::u32string_view kLeadIns = U";；:：,，،؛";
  for (std::size_t pos = 0; pos < text.size();) {
    const char32_t c = NextCodePoint(text, pos);
    if (kLeadIns.find(c) == std::u32string_view::npos) continue;
    const std::size_t next = SkipSpaceForward(text, pos, text.size());
    // "$7,200" and "26,000." are numbers: ASCII lead-ins need a space.
    if (c < 0x80 && next == pos) continue;
    if (next == text.size() || !ListItemStartsAt(text, next)) continue;
    const bool list_item = language == Language::kChinese && (c == U'；' || c == ';');
    if (list_item || IsNumberingMarker(text, next)) cuts.push_back(next);
  }
}

// "...of the Basel Convention I. Objective", "(Sweden) E. Cooperation",
// "...security risks. b. The activity": a heading or item marker after text
// that does not end with a full stop, or a lower-case one after a full stop.
// Not "annex I. Action" (a Roman numeral after a lower-case word) nor
// "indiquant que M. Muaz" (a letter after a word).
bool IsHeadingCut(std::string_view text, std::size_t pos, std::size_t marker_end) {
  const std::size_t next = SkipSpaceForward(text, marker_end, text.size());
  const std::size_t end = SkipSpaceBackward(text, 0, pos);
  if (next == text.size() || end == 0) return false;
  const char32_t before = CodePointBefore(text, end);
  const char32_t first = CodePointAt(text, pos);
  if (IsLowercaseLetter(first)) {
    return before == '.' && IsListMarker(text.substr(pos, marker_end - pos));
  }
  if (!IsUppercaseLetter(CodePointAt(text, next))) return false;
  if (before == ')' || before == ';') return true;
  const std::size_t word = TokenStart(text, 0, end);
  return IsRomanUpper(first) && IsCapitalizedWord(text.substr(word, end - word));
}

void AddHeadingCuts(std::string_view text, std::vector<std::size_t>& cuts) {
  for (std::size_t pos = 1; pos < text.size(); ++pos) {
    if (text[pos - 1] != ' ') continue;
    const std::size_t n = LetterMarkerLength(text, pos);
    if (n == 0 || text[pos + n - 1] != '.' || !ListItemStartsAt(text, pos)) continue;
    if (IsHeadingCut(text, pos, pos + n)) cuts.push_back(pos);
  }
}

}  // namespace

// ---------------------------------------------------------------------------
// SentenceSegmenter

SentenceSegmenter::SentenceSegmenter(Language language, SegmenterOptions options)
    : language_(language), options_(options), breaker_(language, options.icu_suppressions) {}

SentenceSegmenter::~SentenceSegmenter() = default;
SentenceSegmenter::SentenceSegmenter(SentenceSegmenter&&) noexcept = default;
SentenceSegmenter& SentenceSegmenter::operator=(SentenceSegmenter&&) noexcept = default;

std::vector<Segment> SentenceSegmenter::Split(std::string_view paragraph) const {
  std::vector<std::size_t> cuts = breaker_.Boundaries(paragraph);
  if (options_.un_corrections) {
    MoveCutsBeforeOpeners(paragraph, cuts);
    AddLeadInCuts(paragraph, language_, cuts);
    if (language_ != Language::kChinese) AddHeadingCuts(paragraph, cuts);
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    const AbbreviationRow& row = AbbreviationsFor(language_);
    std::vector<std::size_t> kept;
    std::size_t start = 0;
    for (std::size_t cut : cuts) {
      if (KeepBoundary(paragraph, start, cut, row)) {
        kept.push_back(cut);
        start = cut;
      }
    }
    cuts = std::move(kept);
  }
  cuts.push_back(paragraph.size());
  std::vector<Segment> segments;
  std::size_t start = 0;
  for (std::size_t cut : cuts) {
    const std::size_t first = SkipSpaceForward(paragraph, start, cut);
    const std::size_t end = SkipSpaceBackward(paragraph, first, cut);
    if (end > first) segments.push_back({first, end});
    start = cut;
  }
  return segments;
}

}  // namespace sextant
