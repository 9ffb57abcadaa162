// A recommendation as the record users get (`sextant recommendations`, the
// index, the API): the record's own fields with the document's (symbol,
// file, language, body, session, meeting dates), as JSON or as a CSV row.
//   id             "A/HRC/12/9#95.1": the document's symbol (or, without
//                  one, its file name) and the record's number
//   number, text, recommending [..], addressee, response (supported,
//   to_be_examined, noted or null), symbol, file, language, page,
//   agenda_item, body, session, meeting_dates [ISO days or intervals]
// CSV has the same columns in that order, lists joined with "; ", quoted
// as RFC 4180 says, one line a record.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pipeline/document.h"

namespace sextant {

// "A/HRC/12/9#95.1".
std::string RecommendationId(const Document& document, const Recommendation& record);

// The dates a record's meeting was held: the document's meeting or review
// days, else its session's.
const std::vector<std::string>& MeetingDates(const MeetingFacts& facts);

nlohmann::json RecommendationJson(const Document& document, const Recommendation& record);

// The CSV header line and one record's line (each without the newline).
std::string RecommendationCsvHeader();
std::string RecommendationCsvRow(const nlohmann::json& record);

}  // namespace sextant
