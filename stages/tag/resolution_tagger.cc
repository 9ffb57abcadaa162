#include "stages/tag/resolution_tagger.h"

#include <algorithm>
#include <array>
#include <optional>

#include "pipeline/text_scanner.h"
#include "pipeline/unicode_text.h"
#include "stages/tag/date_parser.h"
#include "stages/tag/keyword_search.h"

namespace sextant {
namespace {

struct Keyword {
  std::string_view word;  // lower-case
  std::string_view type;  // "resolution" or "decision"
};

// Words that precede the number. Longer forms first, so "resolutions" is
// not read as "resolution" + "s".
constexpr std::array<Keyword, 38> kKeywords{{
    {"resolutions", "resolution"}, {"resolution", "resolution"},
    {"résolutions", "resolution"}, {"résolution", "resolution"},
    {"resoluciones", "resolution"}, {"resolución", "resolution"},
    {"резолюциями", "resolution"}, {"резолюциях", "resolution"},
    {"резолюцией", "resolution"}, {"резолюция", "resolution"},
    {"резолюции", "resolution"}, {"резолюцию", "resolution"},
    {"резолюций", "resolution"}, {"القرارات", "resolution"},
    {"القرارين", "resolution"}, {"القرار", "resolution"},
    {"قراري", "resolution"}, {"قرار", "resolution"},
    {"decisions", "decision"}, {"decision", "decision"},
    {"décisions", "decision"}, {"décision", "decision"},
    {"decisiones", "decision"}, {"decisión", "decision"},
    {"решениями", "decision"}, {"решениях", "decision"},
    {"решением", "decision"}, {"решение", "decision"},
    {"решения", "decision"}, {"решении", "decision"},
    {"решений", "decision"}, {"المقررات", "decision"},
    {"المقررين", "decision"}, {"المقرر", "decision"},
    {"مقرري", "decision"}, {"مقرر", "decision"},
    {"号决议", "resolution"}, {"号决定", "decision"},
}};

struct Body {
  std::string_view name;  // lower-case, as written
  std::string_view english;
};

constexpr std::array<Body, 46> kBodies{{
    {"general assembly", "General Assembly"},
    {"security council", "Security Council"},
    {"human rights council", "Human Rights Council"},
    {"economic and social council", "Economic and Social Council"},
    {"conference of the parties", "Conference of the Parties"},
    {"commission on crime prevention and criminal justice", "Commission on Crime Prevention and Criminal Justice"},
    {"assemblée générale", "General Assembly"},
    {"conseil de sécurité", "Security Council"},
    {"conseil des droits de l’homme", "Human Rights Council"},
    {"conseil des droits de l'homme", "Human Rights Council"},
    {"conseil économique et social", "Economic and Social Council"},
    {"conférence des parties", "Conference of the Parties"},
    {"asamblea general", "General Assembly"},
    {"consejo de seguridad", "Security Council"},
    {"consejo de derechos humanos", "Human Rights Council"},
    {"consejo económico y social", "Economic and Social Council"},
    {"conferencia de las partes", "Conference of the Parties"},
    {"генеральной ассамблеи", "General Assembly"},
    {"генеральная ассамблея", "General Assembly"},
    {"совета безопасности", "Security Council"},
    {"совет безопасности", "Security Council"},
    {"совета по правам человека", "Human Rights Council"},
    {"экономического и социального совета", "Economic and Social Council"},
    {"конференции участников", "Conference of the Parties"},
    {"советом безопасности", "Security Council"},
    {"генеральной ассамблеей", "General Assembly"},
    {"экономическим и социальным советом", "Economic and Social Council"},
    {"советом по правам человека", "Human Rights Council"},
    {"مجلس الإدارة", "Governing Council"},
    {"安全理事会", "Security Council"},
    {"人权理事会", "Human Rights Council"},
    {"经济及社会理事会", "Economic and Social Council"},
    {"缔约方会议", "Conference of the Parties"},
    {"大会", "General Assembly"},
    {"الجمعية العامة", "General Assembly"},
    {"مجلس الأمن", "Security Council"},
    {"مجلس حقوق الإنسان", "Human Rights Council"},
    {"المجلس الاقتصادي والاجتماعي", "Economic and Social Council"},
    {"مؤتمر الأطراف", "Conference of the Parties"},
    {"the assembly", "General Assembly"},
    {"the council", ""},  // named, but which council the text does not say
    {"l’assemblée", "General Assembly"},
    {"l'assemblée", "General Assembly"},
    {"la asamblea", "General Assembly"},
    {"ассамблеи", "General Assembly"},
    {"المجلس", ""},  // "the Council": named, but not which one
}};

bool IsRoman(char32_t c) {
  return c == 'I' || c == 'V' || c == 'X' || c == 'L' || c == 'C';
}
bool IsUpperAscii(char32_t c) { return c >= 'A' && c <= 'Z'; }

// One cited number at the scanner: "7/1", "44/192 B", "2803 (2025)",
// "217 A (III)", "169 (II)", "689 (د-35)", "ES-11/1", "2118". Returns the
// tag's value and parts without type or body.
struct Number {
  std::string value;
  std::vector<TagPart> parts;
  std::size_t begin = 0, end = 0;
};

std::string Roman(int value) {
  static constexpr std::pair<int, std::string_view> kRoman[] = {
      {100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}};
  std::string out;
  for (const auto& [amount, letters] : kRoman) {
    for (; value >= amount; value -= amount) out += letters;
  }
  return out;
}

// "(2025)", "(III)", "(د-35)" after a number: the year or the session.
std::optional<TagPart> ReadParenthesis(TextScanner& s, std::string_view text) {
  TextScanner t = s;
  t.SkipSpaces();
  const std::size_t open = t.position();
  if (!t.Literal("(")) return std::nullopt;
  TextScanner inner = t;
  if (inner.Digits(4, 4) && inner.Literal(")")) {
    s = inner;
    return TagPart{"year", std::string(text.substr(open + 1, 4))};
  }
  inner = t;
  if (inner.Many(1, 6, IsRoman) && inner.Literal(")")) {
    s = inner;
    return TagPart{"session", std::string(text.substr(open + 1, inner.position() - open - 2))};
  }
  inner = t;  // Arabic: "د-35" is the 35th session
  if (inner.Literal("د-")) {
    const std::size_t digits = inner.position();
    if (inner.Digits(1, 3) && inner.Literal(")")) {
      s = inner;
      const int session = std::stoi(std::string(text.substr(digits, inner.position() - digits - 1)));
      return TagPart{"session", Roman(session)};
    }
  }
  return std::nullopt;
}

bool PartLetterAt(TextScanner& t) {
  if (!t.Many(1, 1, IsUpperAscii)) return false;
  const char32_t next = t.Peek();
  return next == 0 || next == ' ' || next == ',' || next == ';' || next == ')' || next == '.';
}

// The part letter of a resolution in several parts: "44/192 B".
void ReadPartLetter(TextScanner& s, std::string_view text, Number& number) {
  TextScanner letter = s;
  if (!letter.Space() || !PartLetterAt(letter)) return;
  number.parts.push_back({"part", std::string(1, text[letter.position() - 1])});
  s = letter;
}

// Further part letters of the same citation, "2022/206 C and D": passed
// over, so that the list goes on to "and 2023/208".
void SkipMorePartLetters(TextScanner& s) {
  while (true) {
    TextScanner more = s;
    more.SkipSpaces();
    if (!more.OneOf({",", "and", "et", "y", "и"})) return;
    if (!more.Space() || !PartLetterAt(more)) return;
    s = more;
  }
}

std::optional<Number> ReadNumber(TextScanner& s, std::string_view text) {
  TextScanner t = s;
  const std::size_t begin = t.position();
  Number number;
  TextScanner special = t;  // emergency and special sessions: "ES-11/1", "S-26/2"
  if (special.OneOf({"ES-", "S-"}) && special.Digits(1, 2)) {
    const std::size_t session_end = special.position();
    const std::size_t number_begin = session_end + 1;
    if (special.Literal("/") && special.Digits(1, 4)) {
      number.parts = {{"session", std::string(text.substr(begin, session_end - begin))},
                      {"number", std::string(text.substr(number_begin, special.position() - number_begin))}};
      t = special;
    }
  }
  if (number.parts.empty()) {
    if (!t.Digits(1, 5)) return std::nullopt;
    const std::size_t first_end = t.position();
    TextScanner slash = t;
    if (slash.Literal("/") && slash.Digits(1, 4)) {  // "7/1"
      number.parts = {{"session", std::string(text.substr(begin, first_end - begin))},
                      {"number", std::string(text.substr(first_end + 1, slash.position() - first_end - 1))}};
      t = slash;
    } else {
      number.parts = {{"number", std::string(text.substr(begin, first_end - begin))}};
    }
  }
  const bool bare = number.parts.size() == 1;
  ReadPartLetter(t, text, number);
  if (auto parenthesis = ReadParenthesis(t, text)) {
    number.parts.push_back(*parenthesis);
  } else if (bare) {
    // A bare number ("resolution 2118,") ends there: not "2118/..." nor a
    // letter or digit run on.
    const char32_t next = t.Peek();
    if (next == '/' || (next < 0x80 && std::isalnum(static_cast<int>(next)))) return std::nullopt;
  }
  number.begin = begin;
  number.end = t.position();
  number.value = std::string(text.substr(begin, number.end - begin));
  s = t;
  return number;
}

// " of 5 December 2016", " du 20 décembre 1993", " от 5 декабря": a date
// clause after a cited number, passed over so that the list goes on.
void SkipDateClause(TextScanner& s, std::string_view text) {
  TextScanner t = s;
  t.SkipSpaces();
  t.OneOf({"of ", "du ", "de ", "del ", "от ", "المؤرخ ", "المؤرخة "});
  const std::string_view window = text.substr(t.position(), 48);
  const std::vector<DateMatch> dates = FindDates(window);
  if (!dates.empty() && dates.front().begin <= 2) s.SeekForward(t.position() + dates.front().end);
}

// Words joining a list of numbers: "5/1 and 16/21", "5/1, 16/21 et 17/2",
// "822 (1993), 853 (1993) 874 (1993)".
bool ReadListJoiner(TextScanner& s, std::string_view text) {
  TextScanner t = s;
  t.SkipSpaces();
  t.Literal("号");  // "第822(1993)号、第853(1993)号"
  if (t.OneOf({",", "،", "、", "和", "及", "与"})) {
    t.SkipSpaces();
    TextScanner word = t;
    if (word.OneOf({"and ", "et ", "y ", "и ", "و"})) t = word;
    t.SkipSpaces();
    t.Literal("第");
    s = t;
    return true;
  }
  if (t.OneOf({"and ", "et ", "y ", "и ", "or ", "ou ", "o ", "или ", "و", "和", "及", "与"})) {
    t.SkipSpaces();
    t.Literal("第");
    s = t;
    return true;
  }
  // No joiner: only between two numbers with their years.
  TextScanner next = t;
  const auto number = ReadNumber(next, text);
  if (number && number->parts.back().name == "year") {
    s = t;
    return true;
  }
  return false;
}

std::string_view BodyBefore(std::string_view lowered, std::size_t keyword) {
  // "General Assembly resolution", "大会第", "резолюции Генеральной Ассамблеи":
  // the nearest body name ending within a few words (160 bytes: Russian and
  // Arabic names are long, "وقد وافق المجلس الاقتصادي والاجتماعي رسميًّا على
  // تلك الوظائف في قراره") before the keyword.
  const std::size_t from = keyword > 160 ? keyword - 160 : 0;
  std::string_view best;
  std::size_t best_end = 0;
  for (std::size_t i = from; i < keyword; ++i) {
    const BodyName body = BodyNameAt(lowered.substr(i, keyword - i));
    if (body.length > 0 && i + body.length >= best_end) {
      best = body.english;
      best_end = i + body.length;
    }
  }
  return best;
}

void AddBody(std::vector<Tag>& tags, std::size_t from, std::string_view body) {
  if (body.empty()) return;
  for (std::size_t i = from; i < tags.size(); ++i) {
    tags[i].parts.push_back({"body", std::string(body)});
  }
}

}  // namespace

BodyName BodyNameAt(std::string_view lowered) {
  for (const Body& body : kBodies) {
    if (lowered.substr(0, body.name.size()) == body.name) return {body.english, body.name.size()};
  }
  return {};
}

namespace {

// Where a Chinese citation's numbers start, reading back from "号决议":
// over numbers, years, "第", list marks and spaces ("第2057(2012)、第2109
// (2013)和第2187(2014)号决议", "1971年5月20日1576 (L)号决议").
std::size_t ChineseListStart(std::string_view text, std::size_t keyword_begin) {
  std::size_t start = keyword_begin;
  while (start > 0 && keyword_begin - start < 240) {
    std::size_t previous = start;
    const char32_t c = PreviousCodePoint(text, previous);
    const bool part = (c < 0x80 && (std::isalnum(static_cast<int>(c)) || c == '/' ||
                                    c == '(' || c == ')' || c == ' ' || c == '-')) ||
                      c == U'第' || c == U'号' || c == U'、' || c == U'和' || c == U'及' || c == U'与' ||
                      c == U'（' || c == U'）';
    if (!part) break;
    start = previous;
  }
  while (start < keyword_begin && text[start] == ' ') ++start;
  return start;
}

// After an Arabic keyword: the rest of its word ("قراره", "قراراته") and up
// to eight words naming the body ("مجلس الأمن", "مجلس الإدارة", "اللجنة
// الاقتصادية لأمريكا اللاتينية ومنطقة البحر الكاريبي").
std::string_view SkipArabicWordsBeforeNumber(TextScanner& s, std::string_view lowered) {
  std::string_view body;
  s.Many(0, 8, IsArabicLetter);
  for (int words = 0; words < 8; ++words) {
    TextScanner t = s;
    t.SkipSpaces();
    if (const BodyName named = BodyNameAt(lowered.substr(t.position())); named.length > 0) {
      body = named.english;
      t.SeekForward(t.position() + named.length);
      s = t;
      continue;
    }
    if (!t.Many(1, 20, IsArabicLetter)) break;
    s = t;
  }
  s.SkipSpaces();
  return body;
}

// The numbers cited after (or, in Chinese, before) one keyword, appended to
// `tags` with their type and body. Returns where reading stopped.
std::size_t ReadCitation(std::string_view text, std::string_view lowered,
                         std::size_t keyword_begin, const Keyword& keyword,
                         std::vector<Tag>& tags) {
  const std::size_t first_tag = tags.size();
  const auto read_list = [&](TextScanner& s) {
    while (auto number = ReadNumber(s, text)) {
      tags.push_back({TagKind::kResolution, number->begin, number->end, number->value,
                      {{"type", std::string(keyword.type)}}});
      for (TagPart& part : number->parts) tags.back().parts.push_back(std::move(part));
      SkipMorePartLetters(s);
      SkipDateClause(s, text);
      TextScanner next = s;
      if (!ReadListJoiner(next, text)) break;
      // "253 (د-3)، 16 تشرين الأول/أكتوبر 1948": a date, not another number.
      const std::vector<DateMatch> date = FindDates(text.substr(next.position(), 48));
      if (!date.empty() && date.front().begin == 0) break;
      s = next;
    }
  };
  const std::size_t keyword_end = keyword_begin + keyword.word.size();
  if (keyword.word.find("决") != std::string_view::npos) {
    const std::size_t start = ChineseListStart(text, keyword_begin);
    TextScanner inner(text.substr(0, keyword_begin));
    inner.SeekForward(start);
    inner.Literal("第");
    inner.SkipSpaces();
    read_list(inner);
    AddBody(tags, first_tag, BodyBefore(lowered, start));
    return keyword_end;
  }
  TextScanner s(text);
  s.SeekForward(keyword_end);
  std::string_view body_after;
  std::size_t first_char = 0;
  if (IsArabicLetter(NextCodePoint(keyword.word, first_char))) {
    body_after = SkipArabicWordsBeforeNumber(s, lowered);
  } else {
    // "resolution of the General Assembly 70/1" is rare; "resoluciones del
    // Consejo de Seguridad 822 (1993)", "резолюции Совета Безопасности 2118"
    // are not.
    TextScanner t = s;
    t.SkipSpaces();
    t.OneOf({"of the ", "de l’", "de l'", "de la ", "del ", "du ", "des "});
    if (const BodyName named = BodyNameAt(lowered.substr(t.position())); named.length > 0) {
      body_after = named.english;
      t.SeekForward(t.position() + named.length);
      s = t;
    }
    s.SkipSpaces();
  }
  read_list(s);
  if (tags.size() == first_tag) return keyword_end;
  std::string_view body = BodyBefore(lowered, keyword_begin);
  if (body.empty()) body = body_after;
  if (body.empty()) {
    // "resolution 70/1 of the General Assembly", "резолюция 70/1
    // Генеральной Ассамблеи".
    TextScanner after = s;
    after.SkipSpaces();
    after.OneOf({"of the ", "de l’", "de l'", "de la ", "del ", "du ", "des "});
    body = BodyNameAt(lowered.substr(after.position())).english;
  }
  AddBody(tags, first_tag, body);
  return s.position();
}

}  // namespace

std::vector<Tag> ResolutionTagger::Find(std::string_view text, Language) const {
  const std::string lowered_text = LowerCaseSameOffsets(text);
  const std::string_view lowered(lowered_text);
  std::vector<Tag> tags;
  std::size_t read_up_to = 0;
  for (const auto& hit : FindKeywords(lowered, std::span<const Keyword>(kKeywords),
                                      [](const Keyword& k) { return k.word; })) {
    if (hit.position < read_up_to) continue;
    read_up_to = ReadCitation(text, lowered, hit.position, *hit.keyword, tags);
  }
  return tags;
}

}  // namespace sextant
