// DocumentSet: the language versions of one document, grouped by the
// document's own symbol (read from the page furniture), whatever the files
// are called. A set says which of the six languages it lacks; a document
// whose symbol could not be read is a set of its own.
//
// Thread-safety: pure functions.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "pipeline/document.h"

namespace sextant {

struct DocumentSet {
  std::string symbol;                       // empty: symbol unknown
  std::map<Language, std::string> versions;  // language → file
  std::vector<Language> missing;             // of the six, in table order
  std::vector<std::string> duplicates;       // files of a language seen twice
  std::vector<std::string> unknown_language; // files whose language is unknown
};

// Groups documents by own symbol, in the order symbols are first seen.
std::vector<DocumentSet> GroupLanguageVersions(const std::vector<const Document*>& documents);

}  // namespace sextant
