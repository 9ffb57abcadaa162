// AgendaItemTagger: references to agenda items in the six languages:
//   "Agenda item 26", "agenda items 26 and 27", "item 38 of the preliminary
//   list", "point 2 de l'ordre du jour", "tema 2 del programa", "пункт 2
//   повестки дня", "议程项目 2", "البند 2 من جدول الأعمال".
// One tag per item. Value: the item as "26", or "1(a)" with its sub-item.
// Parts: {"item", "1"}, {"subitem", "a"} when given.
//
// Thread-safety: Find() is const and keeps no state.
#pragma once

#include <optional>
#include <string>

#include "stages/tag/tagger.h"

namespace sextant {

class AgendaItemTagger : public Tagger {
 public:
  TagKind kind() const override { return TagKind::kAgendaItem; }
  std::vector<Tag> Find(std::string_view text, Language language) const override;
};

// "1 (a)", "1(a)", "1 a)", "1（a）", "١(أ)" at the start of `text`: the item
// in canonical form "1(a)" and the bytes it takes; nullopt when `text` does
// not start with an item number. Shared with the agenda structure reader.
struct ItemNumber {
  std::string value;    // "1(a)"
  std::string item;     // "1"
  std::string subitem;  // "a", or empty
  std::size_t length = 0;
};
std::optional<ItemNumber> ReadItemNumber(std::string_view text);

// A sub-item letter at the start of `text`: Latin "a", "b" (or two, "aa"),
// Cyrillic "а", "б", Arabic "أ", "ب", "هـ". Gives its Latin form, so that
// "1(a)" is one item in every language, and the bytes read; {"", 0} when
// `text` does not start with one.
struct SubitemLetter {
  std::string latin;
  std::size_t length = 0;
};
SubitemLetter ReadSubitemLetter(std::string_view text);

}  // namespace sextant
