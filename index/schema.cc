#include "index/schema.h"

#include <cctype>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "pipeline/unicode_text.h"
#include "stages/icu/word_tokenizer.h"

namespace sextant {
namespace {

constexpr SchemaRow kSchema[] = {
    {"XZ", "", "kind of Xapian document: XZsegment (one per sentence), XZdocument (one per language version) or XZrecommendation (one per recommendation record)"},
    {"XL", "lang:", "language, ISO 639-1: XLen"},
    {"XS", "symbol:", "own symbol exactly (XSCTOC/COP/WG.4/2022/2) and each leading run of components + \"/*\" (XSCTOC/COP/*)"},
    {"XC", "cited:", "a symbol cited in the segment (document: in the whole text), exactly and by \"/*\" prefixes"},
    {"XR", "resolution:", "a resolution or decision cited, as numbered: XR7/1"},
    {"XA", "item:", "agenda item of the segment: XA1(a), and its parent item XA1"},
    {"XB", "body:", "body part of the own symbol: XBWG.4"},
    {"XT", "type:", "document type part of the own symbol: XTRES, XTL, XTPV; XTrecommendation on recommendation records"},
    {"XY", "year:", "year of the document date (else of the symbol): XY2022"},
    {"XD", "", "the document date as year, month and day: XD2022, XD202206, XD20220627 (date ranges)"},
    {"XK", "recommendation:", "the segment is a recommendation: XKyes"},
    {"XW", "from:", "recommendation records: a recommending State or body, lower case (XWczech republic), and the name without its parenthesis (XWiran)"},
    {"XO", "to:", "recommendation records: the addressee, lower case: XOafghanistan, XOstate party"},
    {"XV", "response:", "recommendation records: XVsupported, XVto_be_examined, XVnoted or XVnone"},
    {"XN", "session:", "the session of the meeting the document records (recommendation records): XN5"},
    {"XP", "", "parallel unit XP<set-id>:<pivot sentence>: shared by the aligned segments of the language versions of one document"},
    {"Q", "", "identity: Q<content-hash>:<n> for segment n (0-based through the document), Q<content-hash>:d for the document, Q<content-hash>:r<number> for a recommendation record"},
    {"XH", "", "content hash of the file the entry came from"},
    {"XF", "", "path of the file the entry came from (or XF#<FNV-1a of the path> when longer than 200 bytes)"},
    {"(none)", "", "Z<stem>: word terms, lower-case, Arabic normalised, stemmed (en fr es ru ar), with positions; Chinese unprefixed: each Han character and each pair of adjacent ones (or ICU words, see sextant.chinese_terms), with positions"},
    {"slot 0", "", "date, YYYYMMDD, the document's own (its bounds clamp an open date range)"},
    {"slot 1", "", "language code (facet)"},
    {"slot 2", "", "own symbol"},
    {"slot 3", "", "agenda item"},
    {"slot 4", "", "paragraph index (sortable_serialise)"},
    {"slot 5", "", "segment index through the document (sortable_serialise)"},
    {"slot 6", "", "year (facet)"},
    {"slot 7", "", "symbol series, the root: CTOC/COP (facet)"},
    {"slot 8", "", "date order key: the first day of the meeting the document records when its text says, else the document's date, YYYYMMDD (00000000 when none), symbol, and for segments NUL, segment (sortable_serialise)"},
    {"slot 9", "", "recommendation records: the recommending States or bodies as written, joined by U+001F (facet)"},
    {"slot 10", "", "recommendation records: the addressee as written (facet)"},
    {"slot 11", "", "recommendation records: the response, or none (facet)"},
    {"slot 12", "", "recommendation records: the session (facet)"},
    {"data", "", "JSON: segment {text, symbol, language, date, agenda_item, page, paragraph, segment, path}; document {path, symbol, language, date, pages, segments, hash, meeting}; recommendation: the record (id, number, text, recommending, addressee, response, symbol, file, language, page, agenda_item, body, session, meeting_dates) and kind"},
};

constexpr std::string_view kStopEnglish[] = {
    "a", "an", "and", "are", "as", "at", "be", "been", "by", "for", "from", "has", "have", "in",
    "is", "it", "its", "of", "on", "or", "that", "the", "their", "this", "to", "was", "were", "which", "with"};
constexpr std::string_view kStopFrench[] = {
    "a", "au", "aux", "avec", "ce", "ces", "dans", "de", "des", "du", "en", "est", "et", "la", "le",
    "les", "leur", "leurs", "ont", "par", "pour", "qui", "que", "sa", "se", "ses", "son", "sont", "sur", "un", "une", "à"};
constexpr std::string_view kStopSpanish[] = {
    "a", "al", "como", "con", "de", "del", "el", "en", "entre", "es", "la", "las", "lo", "los", "o",
    "para", "por", "que", "se", "su", "sus", "sobre", "un", "una", "y"};
constexpr std::string_view kStopRussian[] = {
    "а", "в", "во", "для", "и", "из", "к", "как", "на", "не", "о", "об", "от", "по", "при", "с",
    "со", "также", "что", "это", "этой", "этого", "у"};
constexpr std::string_view kStopArabic[] = {
    "في", "من", "على", "الى", "ان", "عن", "مع", "هذا", "هذه", "التي", "الذي", "او", "ما", "لا", "قد", "ذلك", "بين", "كما"};
constexpr std::string_view kStopChinese[] = {"的", "了", "和", "与", "及", "在", "是", "之", "或"};

// Elided articles and pronouns that Words() keeps inside a token: "l'homme".
constexpr std::string_view kElisions[] = {"jusqu", "lorsqu", "puisqu", "qu", "l", "d", "j", "m", "n", "s", "t", "c"};

std::string Lower(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (Xapian::Utf8Iterator it(text.data(), text.size()); it != Xapian::Utf8Iterator(); ++it) {
    Xapian::Unicode::append_utf8(out, Xapian::Unicode::tolower(*it));
  }
  return out;
}

// A word ICU keeps whole across "." ":" "/" "@" between letters
// ("www.mercuryconvention.org", "e.g"), cut there, as Xapian's QueryParser
// cuts a query word into a phrase: "www", "mercuryconvention", "org".
// Between digits ("1.5", "2022/1") the word stays whole.
std::vector<std::string_view> SplitAtJoiners(std::string_view word) {
  std::vector<std::string_view> parts;
  std::size_t from = 0;
  for (std::size_t i = 1; i + 1 < word.size(); ++i) {
    const char c = word[i];
    if ((c == '.' || c == ':' || c == '/' || c == '@') && !std::isdigit(static_cast<unsigned char>(word[i - 1])) &&
        !std::isdigit(static_cast<unsigned char>(word[i + 1]))) {
      if (i > from) parts.push_back(word.substr(from, i - from));
      from = i + 1;
    }
  }
  parts.push_back(word.substr(from));
  return parts;
}

bool StartsWithHan(std::string_view text) {
  std::size_t pos = 0;
  return !text.empty() && IsHan(NextCodePoint(text, pos));
}

std::vector<std::string> CodePoints(std::string_view text) {
  std::vector<std::string> out;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t begin = pos;
    NextCodePoint(text, pos);
    out.emplace_back(text.substr(begin, pos - begin));
  }
  return out;
}

// Each character, and each pair of adjacent characters at the position of its first.
void AppendBigrams(const std::vector<std::string>& chars, unsigned& position, std::vector<TextTerm>& out) {
  for (std::size_t i = 0; i < chars.size(); ++i) {
    out.push_back({chars[i], position});
    if (i + 1 < chars.size()) out.push_back({chars[i] + chars[i + 1], position});
    ++position;
  }
}

// How the index cuts a run of Han characters, as query words.
std::vector<std::string> CutHanRun(std::string_view run, ChineseTerms chinese) {
  std::vector<std::string> words;
  if (chinese == ChineseTerms::kWords) {
    for (const WordSpan& span : Words(run, Language::kChinese)) words.emplace_back(run.substr(span.begin, span.end - span.begin));
    return words;
  }
  const std::vector<std::string> chars = CodePoints(run);
  if (chars.size() == 1) return chars;
  for (std::size_t i = 0; i + 1 < chars.size(); ++i) words.push_back(chars[i] + chars[i + 1]);
  return words;
}

}  // namespace

std::string_view StripElision(std::string_view word) {
  for (std::string_view elision : kElisions) {
    if (word.size() <= elision.size() + 1 || word.substr(0, elision.size()) != elision) continue;
    const std::string_view rest = word.substr(elision.size());
    if (rest.starts_with("'")) return rest.substr(1);
    if (rest.starts_with("\u2019")) return rest.substr(3);
  }
  return word;
}

std::span<const SchemaRow> SchemaTable() { return kSchema; }

std::string SchemaJson() {
  nlohmann::ordered_json table = nlohmann::ordered_json::array();
  for (const SchemaRow& row : kSchema) {
    table.push_back({{"key", row.key}, {"field", row.field}, {"meaning", row.meaning}});
  }
  nlohmann::ordered_json json = {{"version", kIndexSchemaVersion}, {"table", table}};
  return json.dump();
}

std::string_view ChineseTermsName(ChineseTerms terms) {
  return terms == ChineseTerms::kWords ? "words" : "bigrams";
}

std::optional<ChineseTerms> ChineseTermsFromName(std::string_view name) {
  if (name == "words") return ChineseTerms::kWords;
  if (name == "bigrams") return ChineseTerms::kBigrams;
  return std::nullopt;
}

std::string NormalizeArabic(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t begin = pos;
    const char32_t c = NextCodePoint(text, pos);
    if ((c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640) continue;
    if (c == 0x0622 || c == 0x0623 || c == 0x0625 || c == 0x0671) {
      AppendUtf8(out, 0x0627);
      continue;
    }
    out.append(text.substr(begin, pos - begin));
  }
  return out;
}

std::string_view StemmerName(Language language) {
  switch (language) {
    case Language::kArabic: return "arabic";
    case Language::kChinese: return "";
    case Language::kEnglish: return "english";
    case Language::kFrench: return "french";
    case Language::kRussian: return "russian";
    case Language::kSpanish: return "spanish";
  }
  return "";
}

std::span<const std::string_view> StopWords(Language language) {
  switch (language) {
    case Language::kArabic: return kStopArabic;
    case Language::kChinese: return kStopChinese;
    case Language::kEnglish: return kStopEnglish;
    case Language::kFrench: return kStopFrench;
    case Language::kRussian: return kStopRussian;
    case Language::kSpanish: return kStopSpanish;
  }
  return {};
}

std::vector<std::string> DateTermValues(std::string_view compact_date) {
  if (compact_date.size() != 8) return {};
  return {std::string(compact_date.substr(0, 4)), std::string(compact_date.substr(0, 6)), std::string(compact_date)};
}

namespace {

std::string TwoDigits(int n) { return {static_cast<char>('0' + n / 10), static_cast<char>('0' + n % 10)}; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[(month + 11) % 12];
}

// Days `first` to `last` of one month of `year` (as "YYYY"): the month when
// they are all of it.
void AddDays(const std::string& year, int y, int month, int first, int last, std::vector<std::string>* out) {
  const int days = DaysInMonth(y, month);
  if (first <= 1 && last >= days) {
    out->push_back(year + TwoDigits(month));
    return;
  }
  for (int day = first; day <= std::min(last, days); ++day) out->push_back(year + TwoDigits(month) + TwoDigits(day));
}

// From month/day `m1`/`d1` to `m2`/`d2` of one year.
void AddMonths(const std::string& year, int y, int m1, int d1, int m2, int d2, std::vector<std::string>* out) {
  if (m1 == 1 && d1 <= 1 && m2 == 12 && d2 >= 31) {
    out->push_back(year);
  } else if (m1 == m2) {
    AddDays(year, y, m1, d1, d2, out);
  } else {
    AddDays(year, y, m1, d1, 31, out);
    for (int month = m1 + 1; month < m2; ++month) out->push_back(year + TwoDigits(month));
    AddDays(year, y, m2, 1, d2, out);
  }
}

}  // namespace

std::vector<std::string> DateRangeTermValues(std::string_view from, std::string_view to) {
  std::vector<std::string> out;
  if (from.size() != 8 || to.size() != 8 || from > to) return out;
  const auto number = [](std::string_view digits) { return std::stoi(std::string(digits)); };
  const int y1 = number(from.substr(0, 4)), m1 = number(from.substr(4, 2)), d1 = number(from.substr(6, 2));
  const int y2 = number(to.substr(0, 4)), m2 = number(to.substr(4, 2)), d2 = number(to.substr(6, 2));
  const auto year = [](int y) {
    std::string text = std::to_string(y);
    return std::string(4 - std::min<std::size_t>(4, text.size()), '0') + text;
  };
  if (y1 == y2) {
    AddMonths(year(y1), y1, m1, d1, m2, d2, &out);
    return out;
  }
  AddMonths(year(y1), y1, m1, d1, 12, 31, &out);
  for (int y = y1 + 1; y < y2; ++y) out.push_back(year(y));
  AddMonths(year(y2), y2, 1, 1, m2, d2, &out);
  return out;
}

std::string CompactDate(std::string_view iso_date) {
  const auto number = [&](std::size_t at, std::size_t length) {
    int value = 0;
    for (std::size_t i = at; i < at + length; ++i) {
      if (iso_date[i] < '0' || iso_date[i] > '9') return -1;
      value = value * 10 + (iso_date[i] - '0');
    }
    return value;
  };
  const std::size_t size = iso_date.size();
  if (size != 4 && size != 7 && size != 10) return "";
  if ((size >= 7 && iso_date[4] != '-') || (size == 10 && iso_date[7] != '-')) return "";
  const int year = number(0, 4);
  if (year < 0) return "";
  if (size >= 7) {
    const int month = number(5, 2);
    if (month < 1 || month > 12) return "";
    if (size == 10) {
      static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
      const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
      const int day = number(8, 2);
      if (day < 1 || day > kDays[month - 1] || (month == 2 && day == 29 && !leap)) return "";
    }
  }
  std::string out(iso_date);
  out.erase(std::remove(out.begin(), out.end(), '-'), out.end());
  return out;
}

std::vector<std::string> SymbolTermValues(std::string_view symbol) {
  std::vector<std::string> out{std::string(symbol)};
  for (std::size_t slash = symbol.find('/'); slash != std::string_view::npos; slash = symbol.find('/', slash + 1)) {
    out.push_back(std::string(symbol.substr(0, slash)) + "/*");
  }
  return out;
}

std::string BooleanTerm(std::string_view prefix, std::string_view value) {
  std::string term(prefix);
  if (!value.empty() && value[0] >= 'A' && value[0] <= 'Z') term += ':';
  term += value;
  return term;
}

struct TextAnalyzer::Stemmers {
  std::array<Xapian::Stem, 6> by_language;  // indexed by Language
};

TextAnalyzer::TextAnalyzer(ChineseTerms chinese) : chinese_(chinese), stemmers_(std::make_unique<Stemmers>()) {
  for (const LanguageInfo& info : AllLanguages()) {
    const std::string_view name = StemmerName(info.language);
    if (!name.empty()) stemmers_->by_language[static_cast<std::size_t>(info.language)] = Xapian::Stem(std::string(name));
  }
}

TextAnalyzer::~TextAnalyzer() = default;

std::vector<TextTerm> TextAnalyzer::Terms(std::string_view text, Language language) const {
  const std::string normalized = language == Language::kArabic ? NormalizeArabic(text) : std::string(text);
  const std::vector<WordSpan> spans = Words(normalized, language);
  const Xapian::Stem& stem = stemmers_->by_language[static_cast<std::size_t>(language)];
  std::vector<TextTerm> out;
  unsigned position = 1;
  for (std::size_t k = 0; k < spans.size(); ++k) {
    const std::string_view token(normalized.data() + spans[k].begin, spans[k].end - spans[k].begin);
    if (chinese_ == ChineseTerms::kBigrams && StartsWithHan(token)) {
      // Join adjacent Han tokens into one run: bigrams cross ICU's word cuts.
      std::size_t end = spans[k].end;
      while (k + 1 < spans.size() && spans[k + 1].begin == end &&
             StartsWithHan(std::string_view(normalized).substr(spans[k + 1].begin))) {
        end = spans[++k].end;
      }
      const std::size_t begin = static_cast<std::size_t>(token.data() - normalized.data());
      AppendBigrams(CodePoints(std::string_view(normalized).substr(begin, end - begin)), position, out);
      continue;
    }
    for (const std::string_view part : SplitAtJoiners(token)) {
      const std::string lowered = Lower(StripElision(Lower(part)));
      if (lowered.empty()) continue;
      out.push_back({StemmerName(language).empty() ? lowered : "Z" + stem(lowered), position++});
    }
  }
  return out;
}

std::string PrepareQuery(std::string_view query, ChineseTerms chinese) {
  const std::string text = NormalizeArabic(query);
  std::string out;
  bool quoted = false;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t begin = pos;
    const char32_t c = NextCodePoint(text, pos);
    if (c == U'"' || c == U'\u201C' || c == U'\u201D') quoted = !quoted;
    if (!IsHan(c)) {
      out.append(text, begin, pos - begin);
      continue;
    }
    std::size_t end = pos;
    for (std::size_t next = pos; next < text.size();) {
      if (!IsHan(NextCodePoint(text, next))) break;
      end = next;
    }
    pos = end;
    const std::vector<std::string> words = CutHanRun(std::string_view(text).substr(begin, end - begin), chinese);
    const bool phrase = words.size() > 1 && !quoted;
    out += phrase ? " \"" : " ";
    for (std::size_t i = 0; i < words.size(); ++i) out += (i ? " " : "") + words[i];
    out += phrase ? "\" " : " ";
  }
  // Elisions as the index strips them: "l'exploitation" → "exploitation".
  std::string result;
  for (std::size_t pos = 0; pos < out.size();) {
    const bool word_start = pos == 0 || out[pos - 1] == ' ' || out[pos - 1] == '"' || out[pos - 1] == '(';
    std::size_t end = out.find_first_of(" \"()", pos);
    if (end == std::string::npos) end = out.size();
    const std::string_view word = std::string_view(out).substr(pos, end - pos);
    result += word_start && word.find(':') == std::string_view::npos ? std::string(StripElision(word)) : std::string(word);
    if (end < out.size()) result += out[end];
    pos = end + 1;
  }
  return result;
}

}  // namespace sextant
