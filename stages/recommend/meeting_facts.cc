#include "stages/recommend/meeting_facts.h"

#include "stages/recommend/recommending_states.h"

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/unicode_text.h"
#include "stages/recommend/ordinal_words.h"
#include "stages/tag/date_parser.h"

namespace sextant {
namespace {

constexpr std::size_t kOpeningParagraphs = 40;

constexpr std::size_t kHeadingLength = 100;  // bytes: a paragraph this short may be a heading line

// A sentence of the opening text: byte span into OpeningText::text.
struct Span {
  std::size_t begin = 0, end = 0;
};

// The opening paragraphs joined into one text: the paragraph stage may cut
// a sentence at a page or column break ("established in" | "accordance
// with … held its" | "third session from …"), so a body paragraph that does
// not end a sentence runs on into the next. `lowered` has the same offsets.
struct OpeningText {
  std::string text;
  std::string lowered;
  std::vector<Span> sentences;
};

char32_t FirstCodePoint(std::string_view text) {
  std::size_t pos = 0;
  return text.empty() ? 0 : NextCodePoint(text, pos);
}

bool EndsSentence(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '*')) text.remove_suffix(1);
  if (text.empty()) return true;
  const char last = text.back();
  return last == '.' || last == ':' || last == ';' || text.ends_with("。") || text.ends_with("：") ||
         text.ends_with("؛");
}

bool IsSentenceEnd(std::string_view text, std::size_t dot, std::size_t sentence_begin) {
  if (dot + 1 < text.size() && text[dot + 1] != ' ' && text[dot + 1] != '\n') return false;
  // "H.E. Mohammad", "S.E. Mrs.": an initial, not the end of a sentence.
  if (dot >= 2 && text[dot - 2] == '.') return false;
  if (dot >= 1 && (dot == sentence_begin + 1 || text[dot - 2] == ' ') &&
      IsUppercaseLetter(static_cast<unsigned char>(text[dot - 1]))) {
    return false;
  }
  // "1. The Working Group": a paragraph number.
  bool digits_only = dot > sentence_begin;
  for (std::size_t i = sentence_begin; i < dot; ++i) {
    if (text[i] < '0' || text[i] > '9') digits_only = false;
  }
  if (digits_only) return false;
  // "Mrs." "Mr." "No."
  for (std::string_view title : {"Mr", "Mrs", "Ms", "Dr", "No", "St"}) {
    if (dot >= title.size() && text.substr(dot - title.size(), title.size()) == title &&
        (dot == title.size() || text[dot - title.size() - 1] == ' ')) {
      return false;
    }
  }
  return true;
}

// Whether `next` goes on the sentence of a paragraph `previous_length`
// bytes long that did not end it: it starts in lower case ("accordance with
// …"), or it starts with a number that is no paragraph number ("4 to 15 May
// 2009.") or in a script without case, and the paragraph before was no heading.
bool GoesOn(std::string_view next, std::size_t previous_length) {
  const char32_t first = FirstCodePoint(next);
  if (IsLowercaseLetter(first)) return true;
  if (IsUppercaseLetter(first)) return false;
  if (IsAsciiDigit(first)) {
    const std::size_t after = next.find_first_not_of("0123456789");
    if (after == std::string_view::npos || next[after] == '.' || next.substr(after, 2) == " -") return false;
  }
  return previous_length > kHeadingLength;
}

OpeningText JoinOpening(const Document& document) {
  OpeningText opening;
  std::size_t taken = 0;
  bool hard_break = true;
  std::size_t previous_length = 0;
  for (const Paragraph& paragraph : document.paragraphs) {
    if (taken == kOpeningParagraphs) break;
    if (paragraph.kind == ParagraphKind::kFootnote) continue;
    ++taken;
    const bool block = paragraph.kind != ParagraphKind::kBody;
    if (!opening.text.empty()) {
      opening.text += (hard_break || block || !GoesOn(paragraph.text, previous_length)) ? '\n' : ' ';
    }
    opening.text += paragraph.text;
    hard_break = block || EndsSentence(paragraph.text);
    previous_length = paragraph.text.size();
  }
  opening.lowered = LowerCaseSameOffsets(opening.text);
  const std::string& text = opening.text;
  std::size_t begin = 0;
  auto close = [&](std::size_t end) {
    while (begin < end && (text[begin] == ' ' || text[begin] == '\n')) ++begin;
    if (begin < end) opening.sentences.push_back({begin, end});
    begin = end;
  };
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t start = pos;
    const char32_t c = NextCodePoint(text, pos);
    if (c == '\n') {
      close(start);
    } else if (c == U'。' || c == U'！' || c == U'？') {
      close(pos);
    } else if (c == '.' && IsSentenceEnd(text, start, begin)) {
      close(pos);
    }
  }
  close(text.size());
  return opening;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\n')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n' || text.back() == ',' ||
                           text.back() == '.' || text.back() == ':')) {
    text.remove_suffix(1);
  }
  return text;
}

// A mention of a numbered session, or of a numbered meeting of a series.
struct SessionMention {
  int value = 0;
  std::size_t begin = 0, end = 0;  // the ordinal and its noun
  bool meeting = false;            // "twelfth meeting of the Working Group"
  Span sentence;
  int rank = 0;                    // 1 held its / of the; 2 in passing; 3 a heading line
  std::string body;
};

// Where the session is named by the sentence's subject: "… held its fifth
// session", "… a tenu sa cinquième session", "… celebró su quinto período",
// "… провела свою пятую сессию".
constexpr std::string_view kHoldingVerbs[] = {
    "held its", "hold its", "holds its", "convened its", "tenu sa", "tiendra sa", "tient sa",
    "celebró su", "celebrará su", "celebra su", "провела свою", "провел свою", "провело свою",
    "проведет свою", "провела", "провел",
};

// What follows the body's name in "the twelfth meeting of the Working Group
// … will be held": the first of these ends it.
constexpr std::string_view kBodyEnds[] = {
    ",", " will ", " was ", " is ", " held", " shall ", " took ", " to be ", " se ", " s'", " s’",
    " откроется", " открывается",
    " aura ", " a eu ", " tendrá ", " состоится", " будет ", " пройдет", " проходил", " (",
    ". ", " في ", "،", " سي",
};

// The text without a paragraph number and a leading article ("The", "Le",
// "El", …; with `keep_spanish`, "El" stays: "El Salvador").
std::string StripLeading(std::string_view text, bool keep_spanish = false) {
  text = Trim(text);
  // A paragraph number: "1. ", "1 - ".
  std::size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  if (digits > 0) {
    std::size_t after = digits;
    while (after < text.size() && (text[after] == '.' || text[after] == ' ' || text[after] == '-')) ++after;
    text.remove_prefix(after);
  }
  for (std::string_view article : {"The ", "the ", "Le ", "La ", "Les ", "L'", "L’", "El ", "Los ",
                                   "Las ", "la ", "le ", "l'", "l’", "el ", "los "}) {
    if (keep_spanish && (article == "El " || article == "Los " || article == "Las ")) continue;
    if (text.starts_with(article)) {
      text.remove_prefix(article.size());
      break;
    }
  }
  return std::string(Trim(text));
}

// "Working Group on the Universal Periodic Review (UPR)" without "(UPR)".
std::string WithoutParenthesis(std::string text) {
  const std::size_t open = text.find(" (");
  if (open != std::string::npos && text.find(')', open) != std::string::npos) {
    text.erase(open, text.find(')', open) + 1 - open);
  }
  return text;
}

// The name after "of the" up to what ends it.
std::string BodyFrom(std::string_view text) {
  std::size_t end = text.size();
  for (std::string_view stop : kBodyEnds) {
    const std::size_t at = text.find(stop);
    if (at != std::string_view::npos && at > 0 && at < end) end = at;
  }
  return StripLeading(text.substr(0, end));
}

bool IsLetter(char32_t c) { return IsLatinLetter(c) || IsCyrillicLetter(c) || IsArabicLetter(c); }

bool LetterBefore(std::string_view text, std::size_t pos) {
  if (pos == 0) return false;
  return IsLetter(PreviousCodePoint(text, pos));
}

bool LetterAt(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return false;
  return IsLetter(NextCodePoint(text, pos));
}

// The Chinese body named just before "第十二次会议": "贩运人口问题工作组".
std::string ChineseBodyBefore(std::string_view text, std::size_t end) {
  std::size_t begin = end;
  while (begin > 0) {
    std::size_t back = begin;
    const char32_t c = PreviousCodePoint(text, back);
    if (!IsHan(c) || c == U'的' || c == U'于' || c == U'在') break;
    begin = back;
  }
  return std::string(text.substr(begin, end - begin));
}

// The body that "举行了第五届会议": the clause's subject before its last 于 or 在.
std::string ChineseHolderBefore(std::string_view clause) {
  std::size_t cut = clause.rfind("于");
  if (cut == std::string_view::npos) cut = clause.rfind("在");
  if (cut == std::string_view::npos) return {};
  const std::string_view subject = clause.substr(0, cut);
  const std::size_t of = subject.rfind("的");
  return std::string(Trim(of == std::string_view::npos ? subject : subject.substr(of + 3)));
}

std::size_t ClauseStart(std::string_view text, Span sentence, std::size_t pos) {
  std::size_t start = sentence.begin;
  for (std::string_view comma : {",", "，", "،"}) {
    const std::size_t at = text.rfind(comma, pos);
    if (at != std::string_view::npos && at >= sentence.begin && at + comma.size() <= pos &&
        at + comma.size() > start) {
      start = at + comma.size();
    }
  }
  return start;
}

// The short line before a session heading: "Committee on the Elimination
// of Discrimination against Women" | "Fifty-fourth session".
std::string PreviousHeading(const OpeningText& opening, Span sentence) {
  for (std::size_t i = 1; i < opening.sentences.size(); ++i) {
    if (opening.sentences[i].begin != sentence.begin) continue;
    const Span& previous = opening.sentences[i - 1];
    const std::string_view line = std::string_view(opening.text).substr(previous.begin, previous.end - previous.begin);
    if (line.size() <= kHeadingLength && line.find_first_of("0123456789.,") == std::string_view::npos) {
      return std::string(line);
    }
  }
  return {};
}

void RankLatin(const OpeningText& opening, SessionMention& mention) {
  const std::string_view text = opening.text;
  const std::string_view lowered = opening.lowered;
  const std::string_view before = Trim(lowered.substr(opening.sentences.empty() ? 0 : mention.sentence.begin,
                                                      mention.begin - mention.sentence.begin));
  for (std::string_view verb : kHoldingVerbs) {
    if (before.ends_with(verb)) {
      mention.rank = 1;
      const std::string_view subject = text.substr(mention.sentence.begin, mention.begin - mention.sentence.begin);
      const std::size_t verb_at = lowered.rfind(verb, mention.begin) - mention.sentence.begin;
      std::string_view name = subject.substr(0, verb_at);
      name = name.substr(0, name.find(','));
      mention.body = WithoutParenthesis(StripLeading(name));
      return;
    }
  }
  const std::string_view after = text.substr(mention.end, mention.sentence.end - mention.end);
  for (std::string_view of : {" of ", " du ", " de la ", " de l'", " de l’", " des ", " del ", " de los "}) {
    if (after.starts_with(of)) {
      mention.rank = 1;
      mention.body = WithoutParenthesis(BodyFrom(after.substr(of.size())));
      return;
    }
  }
  if (mention.meeting && after.size() > 1 && IsCyrillicLetter(FirstCodePoint(after.substr(1)))) {
    mention.rank = 1;
    mention.body = BodyFrom(after.substr(1));
    return;
  }
  if (mention.meeting) return;  // "the 8th meeting": a meeting of the session, not a series
  const std::string_view line = text.substr(mention.sentence.begin, mention.sentence.end - mention.sentence.begin);
  if (line.size() <= kHeadingLength / 2 && line.find(',') == std::string_view::npos) {
    mention.rank = 3;  // "Fifty-fourth session", "HUMAN RIGHTS COUNCIL Twelfth session Agenda item 6"
    mention.body = StripLeading(text.substr(mention.sentence.begin, mention.begin - mention.sentence.begin));
    if (mention.body.empty()) mention.body = PreviousHeading(opening, mention.sentence);
    return;
  }
  mention.rank = 2;
}

// Mentions written with a Latin or Cyrillic ordinal before their noun.
void FindLatinMentions(const OpeningText& opening, Span sentence, std::vector<SessionMention>& out) {
  struct Noun {
    std::string_view word;
    bool meeting;
    bool stem;  // endings may follow: "сессии", "совещание"
  };
  static constexpr Noun kNouns[] = {
      {"session", false, false}, {"período de sesiones", false, false},
      {"periodo de sesiones", false, false}, {"período extraordinario de sesiones", false, false},
      {"сесси", false, true},    {"meeting", true, false},
      {"réunion", true, false},  {"reunión", true, false},
      {"совещани", true, true},
  };
  const std::string_view lowered = std::string_view(opening.lowered).substr(0, sentence.end);
  for (const Noun& noun : kNouns) {
    for (std::size_t at = lowered.find(noun.word, sentence.begin); at != std::string_view::npos;
         at = lowered.find(noun.word, at + 1)) {
      const std::size_t end = at + noun.word.size();
      if (LetterBefore(lowered, at) || (!noun.stem && LetterAt(lowered, end))) continue;
      const OrdinalMatch ordinal = OrdinalEndingAt(opening.text, at);
      if (ordinal.value == 0 || ordinal.begin < sentence.begin) continue;
      std::size_t noun_end = end;
      while (noun.stem && LetterAt(lowered, noun_end)) NextCodePoint(lowered, noun_end);
      SessionMention mention{ordinal.value, ordinal.begin, noun_end, noun.meeting, sentence, 0, {}};
      RankLatin(opening, mention);
      if (mention.rank > 0) out.push_back(mention);
    }
  }
}

void FindChineseMentions(const OpeningText& opening, Span sentence, std::vector<SessionMention>& out) {
  const std::string_view text = std::string_view(opening.text).substr(0, sentence.end);
  for (std::string_view noun : {std::string_view("届会"), std::string_view("次会议")}) {
    const bool meeting = noun == "次会议";
    for (std::size_t at = text.find(noun, sentence.begin); at != std::string_view::npos;
         at = text.find(noun, at + 1)) {
      const OrdinalMatch ordinal = ChineseOrdinalEndingAt(text, at);
      if (ordinal.value == 0 || ordinal.begin < sentence.begin) continue;
      SessionMention mention{ordinal.value, ordinal.begin, at + noun.size(), meeting, sentence, 0, {}};
      const std::string_view before = Trim(text.substr(sentence.begin, ordinal.begin - sentence.begin));
      if (meeting) {
        // A meeting of a series is named after its body: "工作组第十二次会议",
        // not "举行的第6次会议".
        mention.body = ChineseBodyBefore(text, before.data() + before.size() - text.data());
        const bool series = mention.body.ends_with("组") || mention.body.ends_with("委员会") ||
                            mention.body.ends_with("会议") || mention.body.ends_with("理事会") ||
                            mention.body.ends_with("大会");
        if (!series) continue;
        mention.rank = 1;
      } else if (before.ends_with("举行了") || before.ends_with("举行") || before.ends_with("召开了")) {
        mention.rank = 1;
        const std::size_t clause = ClauseStart(text, sentence, ordinal.begin);
        mention.body = ChineseHolderBefore(text.substr(clause, ordinal.begin - clause));
      } else {
        mention.rank = sentence.end - sentence.begin <= kHeadingLength ? 3 : 2;
      }
      out.push_back(mention);
    }
  }
}

void FindArabicMentions(const OpeningText& opening, Span sentence, std::vector<SessionMention>& out) {
  const std::string_view text = std::string_view(opening.text).substr(0, sentence.end);
  for (std::string_view noun : {std::string_view("الدورة"), std::string_view("دورته"),
                                std::string_view("دورتها"), std::string_view("الاجتماع")}) {
    const bool meeting = noun == "الاجتماع";
    for (std::size_t at = text.find(noun, sentence.begin); at != std::string_view::npos;
         at = text.find(noun, at + 1)) {
      if (LetterAt(text, at + noun.size())) continue;
      const OrdinalMatch ordinal = ArabicOrdinalAt(text, at + noun.size());
      if (ordinal.value == 0) continue;
      SessionMention mention{ordinal.value, at, ordinal.end, meeting, sentence, 0, {}};
      std::string_view opening_words = Trim(text.substr(sentence.begin, at - sentence.begin));
      const std::size_t number_end = opening_words.find_first_not_of("0123456789 -");
      opening_words.remove_prefix(number_end == std::string_view::npos ? opening_words.size() : number_end);
      if (opening_words.starts_with("و")) opening_words.remove_prefix(2);
      const std::string_view after = Trim(text.substr(ordinal.end, sentence.end - ordinal.end));
      if (meeting || opening_words.starts_with("عقد") || opening_words.starts_with("ستعقد")) {
        mention.rank = 1;
        if (meeting && after.starts_with("لل")) {
          mention.body = "ال" + BodyFrom(after.substr(4));  // "للفريق" → "الفريق"
        } else if (!meeting) {
          const std::size_t space = opening_words.find(' ');
          mention.body = space == std::string_view::npos ? "" : BodyFrom(opening_words.substr(space + 1));
        }
      } else {
        mention.rank = sentence.end - sentence.begin <= kHeadingLength ? 3 : 2;
      }
      out.push_back(mention);
    }
  }
}

// Words that name what a date in a meeting's sentence belongs to when it is
// not the meeting: "resolution 5/1 of 18 June 2007".
constexpr std::string_view kResolutionWords[] = {
    "resolution", "résolution", "resolución", "резолюц", "قرار", "decision", "décision",
    "decisión", "решени", "مقرر",
};

// The dates in text[begin, end) that are not those of a cited resolution.
std::vector<DateMatch> MeetingDatesIn(const OpeningText& opening, std::size_t begin, std::size_t end) {
  std::vector<DateMatch> dates = FindDates(std::string_view(opening.text).substr(begin, end - begin));
  std::vector<DateMatch> kept;
  std::size_t previous_end = begin;
  for (DateMatch& date : dates) {
    date.begin += begin;
    date.end += begin;
    const std::string_view before = std::string_view(opening.lowered).substr(previous_end, date.begin - previous_end);
    previous_end = date.end;
    bool cited = false;
    for (std::string_view word : kResolutionWords) {
      const std::size_t at = before.find(word);
      // "المقرر عقده" is "scheduled to be held", not a decision.
      if (at != std::string_view::npos && before.substr(at + word.size(), 9).find("عقد") == std::string_view::npos) {
        cited = true;
      }
    }
    // "2007年6月18日第5/1号决议"
    std::string_view after = std::string_view(opening.text).substr(date.end, 40);
    while (after.starts_with(" ")) after.remove_prefix(1);
    if (after.starts_with("第") && after.find("号决议") != std::string_view::npos) cited = true;
    if (!cited) kept.push_back(date);
  }
  return kept;
}

// Dates as facts: two dates joined by "to", "au", "al", "по", "至", "إلى" or
// a dash are a span, written as an ISO interval; others are days.
std::vector<std::string> DateFacts(const OpeningText& opening, const std::vector<DateMatch>& dates) {
  static constexpr std::string_view kSpanJoiners[] = {
      "to", "au", "al", "по", "-", "–", "—", "‑", "至", "إلى", "الى", "until", "through", "a", "à",
  };
  std::vector<std::string> facts;
  for (std::size_t i = 0; i < dates.size(); ++i) {
    if (i + 1 < dates.size()) {
      const std::string_view between =
          Trim(std::string_view(opening.lowered).substr(dates[i].end, dates[i + 1].begin - dates[i].end));
      bool span = false;
      for (std::string_view joiner : kSpanJoiners) span = span || between == joiner;
      if (span && dates[i].iso < dates[i + 1].iso) {
        facts.push_back(dates[i].iso + "/" + dates[i + 1].iso);
        ++i;
        continue;
      }
    }
    facts.push_back(dates[i].iso);
  }
  return facts;
}

struct Venue {
  std::string_view name;
  std::string_view written[7];  // as the six languages write it (Russian by stem)
};

constexpr Venue kVenues[] = {
    {"Geneva", {"Geneva", "Genève", "Ginebra", "Женев", "日内瓦", "جنيف"}},
    {"Vienna", {"Vienna", "Vienne", "Viena", "Вене", "Вена", "维也纳", "فيينا"}},
    {"New York", {"New York", "Nueva York", "Нью-Йорк", "纽约", "نيويورك"}},
    {"Nairobi", {"Nairobi", "Найроби", "内罗毕", "نيروبي"}},
    {"Bonn", {"Bonn", "Бонн", "波恩"}},
    {"Addis Ababa", {"Addis Ababa", "Addis-Abeba", "Addis Abeba", "Аддис-Абеб", "亚的斯亚贝巴", "أديس أبابا"}},
    {"Bangkok", {"Bangkok", "Бангкок", "曼谷", "بانكوك"}},
    {"Santiago", {"Santiago", "Сантьяго", "圣地亚哥", "سانتياغو"}},
    {"Beirut", {"Beirut", "Beyrouth", "Бейрут", "贝鲁特", "بيروت"}},
    {"Rome", {"Rome", "Roma", "Рим", "罗马", "روما"}},
    {"Paris", {"Paris", "Париж", "巴黎", "باريس"}},
    {"The Hague", {"The Hague", "La Haye", "La Haya", "Гааг", "海牙", "لاهاي"}},
};

// The venue named in text[begin, end), by its English name.
std::string VenueIn(std::string_view text, std::size_t begin, std::size_t end) {
  const std::string_view part = text.substr(begin, end - begin);
  std::size_t best_at = std::string_view::npos;
  std::string best;
  for (const Venue& venue : kVenues) {
    for (std::string_view written : venue.written) {
      if (written.empty()) continue;
      const char32_t first = FirstCodePoint(written);
      const bool han = IsHan(first);
      const bool arabic = IsArabicLetter(first);  // may carry a prefix: "بجنيف"
      const bool stem = IsCyrillicLetter(first);  // "Женеве", "Вене"
      for (std::size_t at = part.find(written); at != std::string_view::npos; at = part.find(written, at + 1)) {
        if (!han && !arabic && LetterBefore(part, at)) continue;
        if (!han && !stem && LetterAt(part, at + written.size())) continue;
        if (at < best_at) {
          best_at = at;
          best = venue.name;
        }
        break;
      }
    }
  }
  return best;
}

struct Review {
  std::string subject;
  std::vector<std::string> dates;
};

// "The review of Afghanistan was held at the 8th meeting, on 7 May 2009",
// "to facilitate the review of Belgium: …", in the six languages.
Review ReadReview(const OpeningText& opening) {
  struct Marker {
    std::string_view words;  // lower case, before the State
    std::string_view held[3];  // what follows the State when the sentence says when it was held
  };
  static constexpr Marker kMarkers[] = {
      {"review of ", {" was held", " took place", " was conducted"}},
      {"examen concernant ", {" a eu lieu", " s'est déroulé", " s’est déroulé"}},
      {"l'examen de ", {" a eu lieu", " s'est déroulé"}},
      {"l’examen de ", {" a eu lieu", " s’est déroulé"}},
      {"examen del ", {" se celebró", " tuvo lugar"}},
      {"examen de ", {" se celebró", " tuvo lugar"}},
      {"обзор по ", {" состоялся", " был проведен", " проходил"}},
      {"обзора по ", {" состоялся", " был проведен", " проходил"}},
      {"الاستعراض المتعلق ب", {" في "}},
  };
  static constexpr std::string_view kStops[] = {":", ",", ";", ". ", " by ", " at ", " на ", "،", " في "};
  Review review;
  const std::string_view text = opening.text;
  const std::string_view lowered = opening.lowered;
  for (const Span& sentence : opening.sentences) {
    const std::string_view line = lowered.substr(sentence.begin, sentence.end - sentence.begin);
    for (const Marker& marker : kMarkers) {
      const std::size_t at = line.find(marker.words);
      if (at == std::string_view::npos) continue;
      const std::size_t subject_begin = sentence.begin + at + marker.words.size();
      const std::string_view rest = lowered.substr(subject_begin, sentence.end - subject_begin);
      std::size_t subject_end = rest.size();
      bool held = false;
      for (std::string_view stop : marker.held) {
        const std::size_t found = stop.empty() ? std::string_view::npos : rest.find(stop);
        if (found != std::string_view::npos && found <= subject_end) {
          subject_end = found;
          held = true;
        }
      }
      for (std::string_view stop : kStops) {
        const std::size_t found = rest.find(stop);
        if (found != std::string_view::npos && found < subject_end) {
          subject_end = found;
          held = false;
        }
      }
      if (held && line.substr(0, at).find("جر") == std::string_view::npos && marker.words == "الاستعراض المتعلق ب") {
        held = line.substr(0, at).find("أجري") != std::string_view::npos ||
               line.substr(0, at).find("أُجري") != std::string_view::npos;
      }
      const std::string subject =
          WithoutParenthesis(StripLeading(text.substr(subject_begin, subject_end), /*keep_spanish=*/true));
      if (subject.empty() || subject.size() > 80 || ReadStateList(subject).size() != 1) continue;
      if (review.subject.empty()) review.subject = subject;
      if (held && review.dates.empty()) {
        for (const DateMatch& date : MeetingDatesIn(opening, subject_begin + subject_end, sentence.end)) {
          review.dates.push_back(date.iso);
        }
      }
      break;
    }
    // 中文: "…第6次会议对阿富汗进行了审议", "…对阿富汗的审议".
    const std::string_view original = text.substr(sentence.begin, sentence.end - sentence.begin);
    for (std::string_view tail : {std::string_view("进行了审议"), std::string_view("进行审议"), std::string_view("的审议")}) {
      const std::size_t end = original.find(tail);
      if (end == std::string_view::npos) continue;
      const std::size_t to = original.rfind("对", end);
      if (to == std::string_view::npos || end - to > 60) continue;
      const std::string subject(Trim(original.substr(to + 3, end - to - 3)));
      if (review.subject.empty()) review.subject = subject;
      if (tail != "的审议" && review.dates.empty()) {
        for (const DateMatch& date : MeetingDatesIn(opening, sentence.begin, sentence.begin + end)) {
          review.dates.push_back(date.iso);
        }
      }
      break;
    }
  }
  return review;
}

}  // namespace

MeetingFacts ReadMeetingFacts(const Document& document) {
  MeetingFacts facts;
  const OpeningText opening = JoinOpening(document);
  std::vector<SessionMention> mentions;
  for (const Span& sentence : opening.sentences) {
    FindLatinMentions(opening, sentence, mentions);
    FindChineseMentions(opening, sentence, mentions);
    FindArabicMentions(opening, sentence, mentions);
  }
  const SessionMention* best = nullptr;
  for (const SessionMention& mention : mentions) {
    if (!best || mention.rank < best->rank || (mention.rank == best->rank && mention.begin < best->begin)) {
      best = &mention;
    }
  }
  if (best) {
    facts.session = std::to_string(best->value);
    facts.body = best->body;
    // The session's dates and venue: from the mention of it that gives the
    // most days ("to be held on 29 and 30 June 2022" over "will be opened
    // on Wednesday, 29 June 2022"), the first of those that tie.
    const auto days = [](const std::vector<std::string>& dates) {
      std::size_t count = dates.size();
      for (const std::string& date : dates) count += date.find('/') != std::string::npos ? 2 : 0;
      return count;
    };
    for (const SessionMention& mention : mentions) {
      if (mention.value != best->value || mention.meeting != best->meeting || mention.rank > best->rank) continue;
      const std::size_t from = ClauseStart(opening.text, mention.sentence, mention.begin);
      std::vector<std::string> dates = DateFacts(opening, MeetingDatesIn(opening, from, mention.sentence.end));
      if (days(dates) > days(facts.session_dates)) facts.session_dates = std::move(dates);
      if (facts.venue.empty()) facts.venue = VenueIn(opening.text, from, mention.sentence.end);
    }
    // "Fifty-fourth session" | "11 February–1 March 2013": the line after a heading.
    if (facts.session_dates.empty() && best->rank == 3) {
      for (std::size_t i = 0; i + 1 < opening.sentences.size(); ++i) {
        const Span& next = opening.sentences[i + 1];
        if (opening.sentences[i].end < best->end || next.end - next.begin > kHeadingLength) continue;
        facts.session_dates = DateFacts(opening, MeetingDatesIn(opening, next.begin, next.end));
        if (facts.venue.empty()) facts.venue = VenueIn(opening.text, next.begin, next.end);
        break;
      }
    }
  }
  // A heading line "Vienna, 29 and 30 June 2022".
  for (const Span& sentence : opening.sentences) {
    if (sentence.end - sentence.begin > kHeadingLength) continue;
    const std::string venue = VenueIn(opening.text, sentence.begin, sentence.end);
    const std::vector<DateMatch> dates = MeetingDatesIn(opening, sentence.begin, sentence.end);
    if (venue.empty() || dates.empty() || VenueIn(opening.text, sentence.begin, dates.front().begin).empty()) continue;
    if (facts.venue.empty()) facts.venue = venue;
    if (facts.session_dates.empty()) facts.session_dates = DateFacts(opening, dates);
    break;
  }
  // A meeting of a series is itself the document's meeting.
  if (best && best->meeting) facts.dates = facts.session_dates;
  Review review = ReadReview(opening);
  facts.subject = std::move(review.subject);
  if (facts.dates.empty()) facts.dates = std::move(review.dates);
  return facts;
}

}  // namespace sextant
