#include "stages/tag/agenda_item_tagger.h"

#include <array>

#include "pipeline/text_scanner.h"
#include "pipeline/unicode_text.h"

namespace sextant {
namespace {

// The words before the number, lower-case. "item" alone is too common; it
// counts when "of the (provisional|preliminary) (agenda|list)" follows.
struct Keyword {
  std::string_view word;
  bool needs_agenda_after;  // "point 2" only with "de l'ordre du jour" after
};

constexpr std::array<Keyword, 14> kKeywords{{
    {"agenda items", false}, {"agenda item", false},
    {"议程项目", false},     {"items", true},
    {"item", true},          {"points", true},
    {"point", true},         {"temas", true},
    {"tema", true},          {"пунктов", true},
    {"пункты", true},        {"пункта", true},
    {"пункт", true},         {"البند", true},
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

}  // namespace

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
  // The sub-item: "(a)", " (a)", " a)", "（a）", "(أ)".
  TextScanner sub = s;
  sub.SkipSpaces();
  const bool open = sub.OneOf({"(", "（"});
  const std::size_t letter_begin = sub.position();
  if (sub.Many(1, 2, IsLatinLower) ||
      sub.OneOf({"أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي"})) {
    const std::string letter(text.substr(letter_begin, sub.position() - letter_begin));
    if (sub.OneOf({")", "）"}) && (open || letter.size() == 1)) {
      number.subitem = letter;
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
  for (std::size_t pos = 0; pos < low.size();) {
    const Keyword* found = nullptr;
    // Keywords start a word.
    const bool word_start = pos == 0 || low[pos - 1] == ' ' || low[pos - 1] == '(' ||
                            static_cast<unsigned char>(low[pos - 1]) >= 0x80;
    for (const Keyword& keyword : kKeywords) {
      if (word_start && low.substr(pos, keyword.word.size()) == keyword.word) {
        found = &keyword;
        break;
      }
    }
    if (found == nullptr) {
      NextCodePoint(low, pos);
      continue;
    }
    std::size_t at = pos + found->word.size();
    pos = at;
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
    pos = items.back().end;
    for (Tag& tag : items) tags.push_back(std::move(tag));
  }
  return tags;
}

}  // namespace sextant
