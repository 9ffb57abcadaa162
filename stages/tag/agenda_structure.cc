#include "stages/tag/agenda_structure.h"

#include <array>
#include <string>

#include "pipeline/text_scanner.h"
#include "pipeline/unicode_text.h"
#include "stages/tag/agenda_item_tagger.h"

namespace sextant {
namespace {

constexpr std::array<std::string_view, 9> kAgendaHeadings{
    "provisional agenda", "agenda", "ordre du jour provisoire", "ordre du jour",
    "programa provisional", "предварительная повестка дня", "повестка дня",
    "临时议程", "جدول الأعمال المؤقت"};

// An item line of the list or an annotation heading: "1. Title", "(a) Title",
// "1(a) Title", "١- عنوان", "(أ) عنوان". Returns the number as written in
// the list ("1" or "a") and the title.
struct Numbered {
  std::string number;  // "1", or the sub-item letter "a"
  bool subitem = false;
  std::string title;
};

std::string TrimTitle(std::string_view text) {
  std::string title = FoldWhitespace(text);
  for (std::string_view tail : {":", ";", ".", "：", "；", "。", "؛", "،"}) {
    if (title.size() >= tail.size() && title.compare(title.size() - tail.size(), tail.size(), tail) == 0) {
      title.resize(title.size() - tail.size());
      break;
    }
  }
  return FoldWhitespace(title);
}

std::optional<Numbered> ReadNumbered(std::string_view text) {
  TextScanner s(text);
  s.SkipSpaces();
  {
    // "(a)", "（a）", "(أ)", and "a) " as French, Spanish and Russian write it.
    TextScanner letter = s;
    const bool open = letter.OneOf({"(", "（"});
    const SubitemLetter value = ReadSubitemLetter(letter.rest());
    if (value.length > 0 && (open || value.latin.size() == 1)) {
      letter.SeekForward(letter.position() + value.length);
      if (letter.OneOf({")", "）"}) && (open || letter.Space())) {
        return Numbered{value.latin, true, TrimTitle(letter.rest())};
      }
    }
  }
  const std::optional<ItemNumber> item = ReadItemNumber(s.rest());
  if (!item || !item->subitem.empty()) return std::nullopt;
  TextScanner after(s.rest().substr(item->length));
  if (!after.OneOf({".", "-", "、"})) return std::nullopt;
  if (!after.Space() && after.Peek() < 0x80) return std::nullopt;
  return Numbered{item->item, false, TrimTitle(after.rest())};
}

// The agenda list: numbered paragraphs after the agenda heading, up to the
// next heading that is not itself an item.
void ReadList(Document& document, std::size_t heading) {
  for (std::size_t i = heading + 1; i < document.paragraphs.size(); ++i) {
    Paragraph& paragraph = document.paragraphs[i];
    if (paragraph.kind == ParagraphKind::kFootnote) continue;
    const std::optional<Numbered> numbered = ReadNumbered(paragraph.text);
    if (!numbered) {
      if (paragraph.kind == ParagraphKind::kHeading) return;
      continue;
    }
    if (!numbered->subitem) {
      document.agenda.push_back({numbered->number, numbered->title, {}});
      paragraph.agenda_item = numbered->number;
    } else if (!document.agenda.empty()) {
      AgendaEntry& parent = document.agenda.back();
      const std::string item = parent.item + "(" + numbered->number + ")";
      parent.subitems.push_back({item, numbered->title, {}});
      paragraph.agenda_item = item;
    }
  }
}

bool IsAnnexHeading(std::string_view text) {
  const std::string lowered = LowerCase(FoldWhitespace(text));
  for (std::string_view annex : {"annex", "annexe", "anexo", "приложение", "附件", "المرفق"}) {
    if (lowered.rfind(annex, 0) == 0) return true;
  }
  return false;
}

// After the list: annotation headings set the current item; an annex ends
// the last one.
void AssignItems(Document& document, std::size_t list_end) {
  std::string current_item, current_parent;
  for (std::size_t i = list_end; i < document.paragraphs.size(); ++i) {
    Paragraph& paragraph = document.paragraphs[i];
    if (paragraph.kind == ParagraphKind::kHeading && IsAnnexHeading(paragraph.text)) {
      current_item.clear();
      current_parent.clear();
    } else if (paragraph.kind == ParagraphKind::kHeading) {
      if (const std::optional<Numbered> numbered = ReadNumbered(paragraph.text)) {
        if (!numbered->subitem) {
          current_parent = numbered->number;
          current_item = current_parent;
        } else if (!current_parent.empty()) {
          current_item = current_parent + "(" + numbered->number + ")";
        }
      }
    }
    if (paragraph.agenda_item.empty()) paragraph.agenda_item = current_item;
  }
}

void ReadWorkProgramme(Document& document) {
  for (const Paragraph& paragraph : document.paragraphs) {
    if (paragraph.kind != ParagraphKind::kTable) continue;
    std::vector<std::string> cells;
    std::size_t start = 0;
    while (true) {
      const std::size_t bar = paragraph.text.find(" | ", start);
      cells.push_back(paragraph.text.substr(start, bar == std::string::npos ? std::string::npos : bar - start));
      if (bar == std::string::npos) break;
      start = bar + 3;
    }
    if (cells.size() != 4) continue;
    const std::optional<ItemNumber> item = ReadItemNumber(cells[2]);
    if (!item || item->length != cells[2].size()) continue;  // the header row
    document.work_programme.push_back({cells[0], cells[1], item->value, cells[3]});
  }
}

// A resolution or report cites its agenda item in its masthead.
void AssignMastheadItem(Document& document) {
  std::string item;
  for (const Paragraph& paragraph : document.paragraphs) {
    if (paragraph.page > 1) break;
    for (const Tag& tag : paragraph.tags) {
      if (tag.kind == TagKind::kAgendaItem) {
        item = tag.value;
        break;
      }
    }
    if (!item.empty()) break;
  }
  if (item.empty()) return;
  for (Paragraph& paragraph : document.paragraphs) paragraph.agenda_item = item;
}

}  // namespace

bool IsAgendaHeading(std::string_view text) {
  const std::string lowered = LowerCase(FoldWhitespace(text));
  for (std::string_view heading : kAgendaHeadings) {
    if (lowered == heading) return true;
  }
  return false;
}

void ReadAgendaStructure(Document& document) {
  document.agenda.clear();
  document.work_programme.clear();
  std::size_t heading = document.paragraphs.size();
  for (std::size_t i = 0; i < document.paragraphs.size(); ++i) {
    const Paragraph& paragraph = document.paragraphs[i];
    if (paragraph.kind == ParagraphKind::kHeading && IsAgendaHeading(paragraph.text)) {
      heading = i;
      break;
    }
  }
  if (heading == document.paragraphs.size()) {
    AssignMastheadItem(document);
    return;
  }
  ReadList(document, heading);
  std::size_t list_end = heading + 1;
  while (list_end < document.paragraphs.size() &&
         !document.paragraphs[list_end].agenda_item.empty()) {
    ++list_end;
  }
  AssignItems(document, list_end);
  ReadWorkProgramme(document);
}

}  // namespace sextant
