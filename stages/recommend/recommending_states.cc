#include "stages/recommend/recommending_states.h"

#include <array>
#include <utility>

#include "pipeline/unicode_text.h"

namespace sextant {
namespace {

// Names of States that contain a conjunction, which must not be split there.
constexpr std::array<std::string_view, 42> kCompoundNames{
    "Bosnia and Herzegovina", "Trinidad and Tobago", "Antigua and Barbuda",
    "Saint Kitts and Nevis", "Saint Vincent and the Grenadines", "Sao Tome and Principe",
    "United Kingdom of Great Britain and Northern Ireland", "Serbia and Montenegro",
    "Royaume-Uni de Grande-Bretagne et d'Irlande du Nord",
    "Royaume-Uni de Grande-Bretagne et d’Irlande du Nord", "Serbie-et-Monténégro",
    "Bosnia y Herzegovina", "Trinidad y Tabago", "Antigua y Barbuda", "Saint Kitts y Nevis",
    "San Vicente y las Granadinas", "Santo Tomé y Príncipe",
    "Reino Unido de Gran Bretaña e Irlanda del Norte", "Serbia y Montenegro",
    "Босния и Герцеговина", "Тринидад и Тобаго", "Антигуа и Барбуда", "Сент-Китс и Невис",
    "Сент-Винсент и Гренадины", "Сан-Томе и Принсипи",
    "Соединенное Королевство Великобритании и Северной Ирландии", "Сербия и Черногория",
    "波斯尼亚和黑塞哥维那", "特立尼达和多巴哥", "安提瓜和巴布达", "圣基茨和尼维斯",
    "圣文森特和格林纳丁斯", "圣多美和普林西比", "塞尔维亚和黑山",
    "البوسنة والهرسك", "ترينيداد وتوباغو", "أنتيغوا وبربودا", "سانت كيتس ونيفس",
    "سانت فنسنت وجزر غرينادين", "سان تومي وبرينسيبي",
    "المملكة المتحدة لبريطانيا العظمى وأيرلندا الشمالية", "صربيا والجبل الأسود"};

// Separators between names, outside nested parentheses.
constexpr std::array<std::string_view, 6> kCommas{",", ";", "，", "、", "；", "،"};
constexpr std::array<std::string_view, 8> kConjunctions{
    " and ", " et ", " y ", " e ", " и ", "和", "及", " و"};

bool IsOpen(std::string_view text, std::size_t pos, std::size_t& length) {
  if (text[pos] == '(') return length = 1, true;
  if (text.substr(pos, 3) == "（") return length = 3, true;
  return false;
}

bool IsClose(std::string_view text, std::size_t pos, std::size_t& length) {
  if (text[pos] == ')') return length = 1, true;
  if (text.substr(pos, 3) == "）") return length = 3, true;
  return false;
}

bool InsideCompoundName(std::string_view inside, std::size_t pos) {
  for (std::string_view name : kCompoundNames) {
    for (std::size_t at = inside.find(name); at != std::string_view::npos;
         at = inside.find(name, at + 1)) {
      if (pos > at && pos < at + name.size()) return true;
    }
  }
  return false;
}

// The length of the separator at `pos`, 0 when none. Arabic "و" is a
// prefix of the next name: the separator is the space before it, and the
// letter is dropped with it.
std::size_t SeparatorAt(std::string_view inside, std::size_t pos) {
  for (std::string_view comma : kCommas) {
    if (inside.substr(pos, comma.size()) == comma) return comma.size();
  }
  for (std::string_view conjunction : kConjunctions) {
    if (inside.substr(pos, conjunction.size()) != conjunction) continue;
    if (InsideCompoundName(inside, pos + 1)) return 0;
    if (conjunction == " و") {
      // "والنمسا": the next word is a name of its own only when it is one
      // with the article, or after a comma-separated list.
      std::size_t after = pos + conjunction.size();
      if (after >= inside.size() || !IsArabicLetter(NextCodePoint(inside, after))) return 0;
    }
    return conjunction.size();
  }
  return 0;
}

bool LooksLikeStateName(std::string_view name) {
  if (name.empty() || name.size() > 90) return false;
  std::size_t words = 1, uppercase_letters = 0, lowercase_letters = 0, han = 0, arabic = 0;
  bool starts_upper = false;
  std::size_t pos = 0;
  bool first = true;
  while (pos < name.size()) {
    const char32_t c = NextCodePoint(name, pos);
    if (c == U' ') ++words;
    if (IsAsciiDigit(c) || c == U'/' || c == U'=') return false;
    if (IsUppercaseLetter(c)) ++uppercase_letters;
    if (IsLowercaseLetter(c)) ++lowercase_letters;
    if (IsHan(c)) ++han;
    if (IsArabicLetter(c)) ++arabic;
    if (first) starts_upper = IsUppercaseLetter(c) || IsHan(c) || IsArabicLetter(c);
    first = false;
  }
  if (words > 8) return false;
  // Instruments and reports in parentheses are not States: "(Paris
  // Principles)", "(Official Development Aid)", "(Mangala Report)".
  static constexpr std::string_view kNotStates[] = {
      "Report", "Convention", "Protocol", "Principles", "Declaration", "Covenant", "Programme", "Plan", "Act",
      "Law", "Code", "Strategy", "Aid", "Agenda", "Goals", "Statute", "Rules", "Guidelines", "Proposals"};
  for (std::size_t start = 0; start < name.size();) {
    const std::size_t end = std::min(name.find(' ', start), name.size());
    for (std::string_view word : kNotStates) {
      if (name.substr(start, end - start) == word) return false;
    }
    start = end + 1;
  }
  if (han > 0) return han <= 20;
  if (arabic > 0) return true;
  // An acronym ("CEDAW", "ICCPR") is not a State's name as the UN writes it.
  if (lowercase_letters == 0) return false;
  // "the former Yugoslav Republic of Macedonia", as the UN writes it.
  return starts_upper || name.substr(0, 4) == "the " || name.substr(0, 7) == "former ";
}

}  // namespace

std::vector<ParenthesisSpan> OuterParentheses(std::string_view text) {
  std::vector<ParenthesisSpan> spans;
  int depth = 0;
  ParenthesisSpan current;
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t length = 0;
    if (IsOpen(text, pos, length)) {
      if (depth++ == 0) current = {pos, pos + length, 0, 0};
      pos += length;
    } else if (IsClose(text, pos, length)) {
      if (depth > 0 && --depth == 0) {
        current.inner_end = pos;
        current.end = pos + length;
        spans.push_back(current);
      }
      pos += length;
    } else {
      ++pos;
    }
  }
  return spans;
}

std::vector<std::string> ReadStateList(std::string_view inside) {
  std::vector<std::string> names;
  int depth = 0;
  std::size_t start = 0;
  const auto take = [&](std::size_t end) {
    std::string name = FoldWhitespace(inside.substr(start, end - start));
    if (name.rfind("the ", 0) == 0 && name.size() > 4 && IsUppercaseLetter(static_cast<unsigned char>(name[4]))) {
      name.erase(0, 4);
    }
    if (!name.empty()) names.push_back(std::move(name));
  };
  for (std::size_t pos = 0; pos < inside.size();) {
    std::size_t length = 0;
    if (IsOpen(inside, pos, length)) {
      ++depth;
      pos += length;
      continue;
    }
    if (IsClose(inside, pos, length)) {
      --depth;
      pos += length;
      continue;
    }
    const std::size_t separator = depth == 0 ? SeparatorAt(inside, pos) : 0;
    if (separator > 0) {
      take(pos);
      start = pos + separator;
      pos += separator;
      continue;
    }
    ++pos;
  }
  take(inside.size());
  if (names.empty()) return {};
  for (const std::string& name : names) {
    // Judge a name without its own parenthesis: "Iran (Islamic Republic of)".
    const std::size_t open = name.find(" (");
    if (!LooksLikeStateName(std::string_view(name).substr(0, open))) return {};
  }
  return names;
}

std::optional<ParenthesisSpan> ClosingStateList(std::string_view text) {
  // Drop what may follow the parenthesis: ";", ".", ",", " and", "；", "。".
  std::size_t end = text.size();
  for (bool trimmed = true; trimmed && end > 0;) {
    trimmed = false;
    for (std::string_view tail : {" ", ";", ".", ",", ":", " and", " et", " y", " и", "；", "。", "，", "؛", "،"}) {
      if (end >= tail.size() && text.substr(end - tail.size(), tail.size()) == tail) {
        end -= tail.size();
        trimmed = true;
      }
    }
  }
  const std::vector<ParenthesisSpan> spans = OuterParentheses(text.substr(0, end));
  if (spans.empty() || spans.back().end != end) return std::nullopt;
  if (ReadStateList(spans.back().inside(text)).empty()) return std::nullopt;
  return spans.back();
}

}  // namespace sextant
