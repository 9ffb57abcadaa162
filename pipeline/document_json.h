// JSON form of a Document, as printed by `sextant extract --json` and read
// back by golden-file tests. The field list is the stable contract:
//   file, symbol, language, language_evidence, pages, date, distribution,
//   original_language, job_number, job_language,
//   paragraphs: [{text, page, kind, agenda_item, footnote_marker?}],
//   segments: [{paragraph, begin, end, text, agenda_item}],
//   tags: [{kind, text, value, paragraph, begin, end, parts}],
//   agenda: [{item, title, subitems: [{item, title}]}],
//   work_programme: [{date, time, item, title}],
//   meeting: {body, session, session_dates, dates, venue, subject},
//   recommendations: [records as recommendation_record.h gives them],
//   diagnostics: [{severity, code, message}]
// plus "error": {code, message} for a document that failed. Offsets are
// bytes into the paragraph's text; parts are [name, value] pairs in order.
//
// Thread-safety: pure functions.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "pipeline/document.h"
#include "pipeline/status.h"

namespace sextant {

// One line of JSON (no trailing newline), written to `out` as it is made.
void WriteDocumentJson(std::ostream& out, const Document& document, const Status& status);
// The same, as a string.
std::string DocumentToJson(const Document& document, const Status& status);

// One tag as printed by `sextant tag`: {kind, text, value, begin, end,
// parts}, `text` being the tagged span of `source`.
std::string TagToJson(const Tag& tag, std::string_view source);

}  // namespace sextant
