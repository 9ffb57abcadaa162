#include "stages/tag/agenda_item_tagger.h"

#include <array>
#include <cctype>

#include "pipeline/text_scanner.h"
#include "pipeline/unicode_text.h"
#include "stages/tag/keyword_search.h"

namespace sextant {
namespace {

// The words before the number, lower-case. "item" alone is too common; it
// counts when "of the (provisional|preliminary) (agenda|list)" follows.
struct Keyword {
  std::string_view word;
  bool needs_agenda_after;  // "point 2" only with "de l'ordre du jour" after
};

constexpr std::array<Keyword, 22> kKeywords{{
    {"agenda items", false}, {"agenda item", false},
    {"sub-items", false},    {"sub-item", false},
    {"议程项目", false},     {"items", true},
    {"item", true},          {"points", true},
    {"point", true},         {"temas", true},
    {"tema", true},          {"пунктов", true},
    {"пунктам", true},       {"пунктом", true},
    {"пункту", true},        {"пункты", true},
    {"пункта", true},        {"пункт", true},
    {"البندان", true},       {"البندين", true},
    {"البند", true},         {"项目", false},
}};

// What must follow the number for keywords that need it.
constexpr std::array<std::string_view, 12> kAgendaAfter{
    "of the provisional agenda", "of the agenda", "of the preliminary list",
    "de l’ordre du jour", "de l'ordre du jour", "du projet d’ordre du jour",
    "del programa", "повестки дня", "предварительной повестки дня",
    "من جدول الأعمال", "of the draft agenda", "del proyecto de programa"};

bool IsLatinLower(char32_t c) { return c >= 'a' && c <= 'z'; }

int ArabicIndicValue(char32_t c) {
  return c >= 0x0660 && c <= 0x0669 ? static_cast<int>(c - 0x0660) : -1;
}

// Sub-item letters of the Cyrillic and Arabic (abjad) series, in order:
// the n-th letter of each is the n-th Latin letter.
constexpr std::array<std::string_view, 12> kCyrillicLetters{
    "а", "б", "в", "г", "д", "е", "ж", "з", "и", "к", "л", "м"};
constexpr std::array<std::string_view, 12> kArabicLetters{
    "أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي", "ك", "ل"};

}  // namespace

SubitemLetter ReadSubitemLetter(std::string_view text) {
  TextScanner s(text);
  if (s.Many(1, 2, IsLatinLower)) return {std::string(text.substr(0, s.position())), s.position()};
  for (const auto* series : {&kCyrillicLetters, &kArabicLetters}) {
    for (std::size_t i = 0; i < series->size(); ++i) {
      if (text.substr(0, (*series)[i].size()) == (*series)[i]) {
        return {std::string(1, static_cast<char>('a' + i)), (*series)[i].size()};
      }
    }
  }
  return {};
}

std::optional<ItemNumber> ReadItemNumber(std::string_view text) {
  TextScanner s(text);
  ItemNumber number;
  // The item: ASCII or Arabic-Indic digits.
  const std::size_t begin = s.position();
  if (s.Digits(1, 3)) {
    number.item = std::string(text.substr(begin, s.position() - begin));
  } else {
    while (!s.AtEnd() && ArabicIndicValue(s.Peek()) >= 0) {
      number.item += static_cast<char>('0' + ArabicIndicValue(s.Peek()));
      s.Many(1, 1, [](char32_t) { return true; });
    }
    if (number.item.empty() || number.item.size() > 3) return std::nullopt;
  }
  std::size_t end = s.position();
  // The sub-item: "(a)", " (a)", " a)", "（a）", "(أ)", "(а)".
  TextScanner sub = s;
  sub.SkipSpaces();
  const bool open = sub.OneOf({"(", "（"});
  const SubitemLetter letter = ReadSubitemLetter(sub.rest());
  if (letter.length > 0) {
    sub.SeekForward(sub.position() + letter.length);
    if (sub.OneOf({")", "）"}) && (open || letter.latin.size() == 1)) {
      number.subitem = letter.latin;
      end = sub.position();
    }
  }
  number.value = number.item + (number.subitem.empty() ? "" : "(" + number.subitem + ")");
  number.length = end;
  return number;
}

std::vector<Tag> AgendaItemTagger::Find(std::string_view text, Language) const {
  const std::string lowered = LowerCaseSameOffsets(text);
  const std::string_view low(lowered);
  std::vector<Tag> tags;
  std::size_t read_up_to = 0;
  for (const auto& hit : FindKeywords(low, std::span<const Keyword>(kKeywords),
                                      [](const Keyword& k) { return k.word; })) {
    const std::size_t pos = hit.position;
    const Keyword* found = hit.keyword;
    if (pos < read_up_to) continue;
    // Keywords start a word.
    const auto before = static_cast<unsigned char>(pos == 0 ? ' ' : low[pos - 1]);
    if (before < 0x80 && std::isalnum(before)) continue;
    // "项目" alone is any project or item; an agenda item only right after
    // "议程" ("临时议程*项目7").
    if (found->word == "项目") {
      const std::size_t agenda = low.rfind("议程", pos);
      if (agenda == std::string_view::npos || pos - agenda > 9) continue;
    }
    std::size_t at = pos + found->word.size();
    std::vector<Tag> items;
    while (true) {
      while (at < low.size() && low[at] == ' ') ++at;
      const std::optional<ItemNumber> number = ReadItemNumber(text.substr(at));
      if (!number) break;
      Tag tag{TagKind::kAgendaItem, at, at + number->length, number->value, {{"item", number->item}}};
      if (!number->subitem.empty()) tag.parts.push_back({"subitem", number->subitem});
      items.push_back(std::move(tag));
      at += number->length;
      TextScanner joiner(low.substr(at));
      joiner.SkipSpaces();
      // A range: "149 to 165", "164–169": every item in it.
      TextScanner range = joiner;
      if (number->subitem.empty() &&
          range.OneOf({"to ", "à ", "a ", "al ", "по ", "إلى ", "至", "–", "-"})) {
        range.SkipSpaces();
        const std::optional<ItemNumber> last = ReadItemNumber(text.substr(at + range.position()));
        if (last && last->subitem.empty()) {
          const int from = std::stoi(number->item), to = std::stoi(last->item);
          const std::size_t range_end = at + range.position() + last->length;
          if (to > from && to - from <= 60) {
            for (int item = from + 1; item <= to; ++item) {
              items.push_back({TagKind::kAgendaItem, items.back().begin, range_end,
                               std::to_string(item), {{"item", std::to_string(item)}}});
            }
            at = range_end;
            joiner = TextScanner(low.substr(at));
            joiner.SkipSpaces();
          }
        }
      }
      if (!joiner.OneOf({",", "and ", "et ", "y ", "и ", "و", "和"})) break;
      joiner.SkipSpaces();
      at += joiner.position();
    }
    if (items.empty()) continue;
    if (found->needs_agenda_after) {
      TextScanner after(low.substr(items.back().end));
      after.SkipSpaces();
      bool agenda = false;
      for (std::string_view phrase : kAgendaAfter) {
        if (after.rest().substr(0, phrase.size()) == phrase) agenda = true;
      }
      if (!agenda) continue;
    }
    read_up_to = items.back().end;
    for (Tag& tag : items) tags.push_back(std::move(tag));
  }
  return tags;
}

}  // namespace sextant
