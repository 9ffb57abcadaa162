// Agenda structure: reads a document's own agenda and says which agenda
// item every paragraph belongs to.
//   - The agenda list: the numbered items ("1. Organizational matters:")
//     and lettered sub-items ("(a) Opening of the meeting;") that follow a
//     heading "Provisional agenda" (or its form in the other languages).
//   - The annotations: after the list, a heading that opens with an item
//     number ("1. Organizational matters", "(a) Opening of the meeting")
//     starts that item's section; every paragraph below belongs to it.
//   - The annex work programme: table rows "date | time | item | title".
//   - A document that is not an agenda belongs as a whole to the agenda
//     item its masthead cites ("Agenda item 26", agenda-item tags on page 1).
//
// Thread-safety: pure function over the document it is given.
#pragma once

#include "pipeline/document.h"

namespace sextant {

// Fills document.agenda, document.work_programme and every paragraph's
// agenda_item. Reads Paragraph::tags (agenda-item tags) for the masthead
// case, so it runs after the taggers.
void ReadAgendaStructure(Document& document);

// "Provisional agenda", "Ordre du jour provisoire", "临时议程", ...
bool IsAgendaHeading(std::string_view text);

}  // namespace sextant
