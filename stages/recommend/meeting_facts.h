// Meeting facts: what a document's own text says of the meeting it records
// (body, session, the dates the session and the document's meeting or
// review were held, venue, the State under review), read from its opening
// paragraphs in any of the six languages:
//   en  "The Working Group on the Universal Periodic Review ... held its
//        fifth session from 4 to 15 May 2009. The review of Afghanistan was
//        held at the 6th meeting on 7 May 2009."
//       "The twelfth meeting of the Working Group on Trafficking in Persons
//        will be held in Vienna on 29 and 30 June 2022."
//   zh  "工作组第十二次会议将于2022年6月29日和30日在维也纳举行"
// The facts feed the recommendation records and order history by meeting,
// not by the date a document was issued.
//
// Thread-safety: pure functions.
#pragma once

#include "pipeline/document.h"

namespace sextant {

// The facts the document's paragraphs state; fields the text does not give
// stay empty. Reads Document::paragraphs (and the language, when known).
MeetingFacts ReadMeetingFacts(const Document& document);

}  // namespace sextant
