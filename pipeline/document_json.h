// JSON form of a Document, as printed by `sextant extract --json` and read
// back by golden-file tests. The field list is the stable contract:
//   file, symbol, language, language_evidence, pages, date, distribution,
//   original_language, job_number, job_language,
//   paragraphs: [{text, page, kind, footnote_marker?}],
//   diagnostics: [{severity, code, message}]
// plus "error": {code, message} for a document that failed.
//
// Thread-safety: pure functions.
#pragma once

#include <string>

#include "pipeline/document.h"
#include "pipeline/status.h"

namespace sextant {

// One line of JSON (no trailing newline).
std::string DocumentToJson(const Document& document, const Status& status);

}  // namespace sextant
