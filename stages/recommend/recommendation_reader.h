// Recommendations read as records from a document's structure, not guessed
// sentence by sentence:
//  - the numbered lists of a review report, in the report's own groups
//    ("95. … the recommendations listed below enjoy the support of
//    Afghanistan: 1. Incorporate … (Norway); 2. …", or "119.38. Ensure …
//    (Slovakia);"), an item that several States made in parts ("… (Malaysia);
//    continue … (Oman)") giving one record a part ("129.53a", "129.53b");
//  - "The Committee recommends that the State party …" and "The Working
//    Group recommended that …" paragraphs, in the six languages;
//  - the items set out under a "Recommendations" heading.
// Numbers run across pages and paragraphs; a page break inside an item is
// joined; footnotes and tables are never part of a record.
//
// Thread-safety: pure function.
#pragma once

#include <vector>

#include "pipeline/document.h"

namespace sextant {

// The records of `document` (paragraphs after the standard stages), with
// `facts` giving the addressee of a review and the recommending body.
std::vector<Recommendation> ReadRecommendations(const Document& document, const MeetingFacts& facts);

}  // namespace sextant
