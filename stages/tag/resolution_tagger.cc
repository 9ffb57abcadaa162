#include "stages/tag/resolution_tagger.h"

#include <algorithm>
#include <array>
#include <optional>

#include "pipeline/text_scanner.h"
#include "pipeline/unicode_text.h"

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

constexpr std::array<Body, 40> kBodies{{
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
}};

bool IsRoman(char32_t c) {
  return c == 'I' || c == 'V' || c == 'X' || c == 'L' || c == 'C';
}
bool IsUpperAscii(char32_t c) { return c >= 'A' && c <= 'Z'; }

// One cited number at the scanner: "7/1", "44/192 B", "2803 (2025)",
// "217 A (III)", "169 (II)", "ES-10/19", "S-26/2". Returns the tag's value
// and parts without type or body.
struct Number {
  std::string value;
  std::vector<TagPart> parts;
  std::size_t begin = 0, end = 0;
};

std::optional<Number> ReadNumber(TextScanner& s, std::string_view text) {
  TextScanner t = s;
  const std::size_t begin = t.position();
  {
    TextScanner special = t;  // emergency / special sessions: "ES-10/", "S-26/"
    if (special.OneOf({"ES-", "S-"}) && special.Digits(1, 2) && special.Literal("/")) t = special;
  }
  const std::size_t first_begin = t.position();
  if (!t.Digits(1, 5)) return std::nullopt;
  Number number;
  const std::size_t first_end = t.position();
  TextScanner slash = t;
  if (slash.Literal("/") && slash.Digits(1, 4)) {  // "7/1"
    number.parts = {{"session", std::string(text.substr(begin, first_end - begin))},
                    {"number", std::string(text.substr(first_end + 1, slash.position() - first_end - 1))}};
    t = slash;
    TextScanner letter = t;  // "44/192 B"
    if (letter.Space() && letter.Many(1, 1, IsUpperAscii)) {
      const char32_t next = letter.Peek();
      if (next == 0 || next == ' ' || next == ',' || next == ';' || next == ')' || next == '.') {
        number.parts.push_back({"part", std::string(1, text[letter.position() - 1])});
        t = letter;
      }
    }
  } else {
    // A bare number needs its year or session: "2803 (2025)", "217 A (III)".
    number.parts = {{"number", std::string(text.substr(first_begin, first_end - first_begin))}};
    TextScanner rest = t;
    TextScanner letter = rest;
    if (letter.Space() && letter.Many(1, 1, IsUpperAscii) && letter.Peek() == ' ') {
      number.parts.push_back({"part", std::string(1, text[letter.position() - 1])});
      rest = letter;
    }
    rest.SkipSpaces();
    const std::size_t open = rest.position();
    if (!rest.Literal("(")) return std::nullopt;
    TextScanner year = rest;
    if (year.Digits(4, 4) && year.Literal(")")) {
      number.parts.push_back({"year", std::string(text.substr(open + 1, 4))});
      t = year;
    } else if (rest.Many(1, 6, IsRoman) && rest.Literal(")")) {
      number.parts.push_back({"session", std::string(text.substr(open + 1, rest.position() - open - 2))});
      t = rest;
    } else {
      return std::nullopt;
    }
  }
  number.begin = begin;
  number.end = t.position();
  number.value = std::string(text.substr(begin, number.end - begin));
  s = t;
  return number;
}

// Words joining a list of numbers: "5/1 and 16/21", "5/1, 16/21 et 17/2".
bool ReadListJoiner(TextScanner& s) {
  TextScanner t = s;
  t.SkipSpaces();
  if (t.OneOf({",", "،", "、", "和", "及"})) {
    t.SkipSpaces();
    TextScanner word = t;
    if (word.OneOf({"and ", "et ", "y ", "и ", "و"})) t = word;
    s = t;
    return true;
  }
  if (t.OneOf({"and ", "et ", "y ", "и ", "or ", "ou ", "o ", "или ", "و", "和", "及"})) {
    t.SkipSpaces();
    s = t;
    return true;
  }
  return false;
}

std::string_view BodyBefore(std::string_view lowered, std::size_t keyword) {
  // "General Assembly resolution", "大会第", "резолюции Генеральной Ассамблеи":
  // the nearest body name ending within a few words before the keyword.
  const std::size_t from = keyword > 64 ? keyword - 64 : 0;
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

// The numbers cited after (or, in Chinese, before) one keyword, appended to
// `tags` with their type and body. Returns where reading stopped.
std::size_t ReadCitation(std::string_view text, std::string_view lowered,
                         std::size_t keyword_begin, const Keyword& keyword,
                         std::vector<Tag>& tags) {
  const std::size_t first_tag = tags.size();
  const auto add = [&](Number& number) {
    tags.push_back({TagKind::kResolution, number.begin, number.end, number.value,
                    {{"type", std::string(keyword.type)}}});
    for (TagPart& part : number.parts) tags.back().parts.push_back(std::move(part));
  };
  const std::size_t keyword_end = keyword_begin + keyword.word.size();
  if (keyword.word.find("决") != std::string_view::npos) {
    // "第 7/1 和 10/3 号决议": the numbers stand between 第 and 号.
    const std::size_t di = lowered.rfind("第", keyword_begin);
    if (di == std::string_view::npos || keyword_begin - di > 48) return keyword_end;
    TextScanner inner(text.substr(0, keyword_begin));
    inner.SeekForward(di + std::string_view("第").size());
    inner.SkipSpaces();
    while (auto number = ReadNumber(inner, text)) {
      add(*number);
      if (!ReadListJoiner(inner)) break;
    }
    AddBody(tags, first_tag, BodyBefore(lowered, di));
    return keyword_end;
  }
  TextScanner s(text);
  s.SeekForward(keyword_end);
  s.SkipSpaces();
  // Arabic names the body between keyword and number: "قرار مجلس الأمن 2803".
  std::string_view body_after;
  if (const BodyName body = BodyNameAt(lowered.substr(s.position())); body.length > 0) {
    body_after = body.english;
    s.SeekForward(s.position() + body.length);
    s.SkipSpaces();
  }
  while (auto number = ReadNumber(s, text)) {
    add(*number);
    if (!ReadListJoiner(s)) break;
  }
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
  // Every keyword occurrence, found with string search (fast), then read in
  // text order; the longest keyword wins at one position.
  struct Hit {
    std::size_t position;
    const Keyword* keyword;
  };
  std::vector<Hit> hits;
  for (const Keyword& keyword : kKeywords) {
    for (std::size_t pos = lowered.find(keyword.word); pos != std::string_view::npos;
         pos = lowered.find(keyword.word, pos + 1)) {
      hits.push_back({pos, &keyword});
    }
  }
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    return a.position != b.position ? a.position < b.position
                                    : a.keyword->word.size() > b.keyword->word.size();
  });
  std::vector<Tag> tags;
  std::size_t read_up_to = 0;
  for (const Hit& hit : hits) {
    if (hit.position < read_up_to) continue;
    read_up_to = ReadCitation(text, lowered, hit.position, *hit.keyword, tags);
  }
  return tags;
}

}  // namespace sextant
