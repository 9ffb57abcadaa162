// JsonLine: how Sextant writes JSON: one line, no spaces, invalid UTF-8 in
// a string replaced by U+FFFD rather than thrown (PDF text is not always
// valid). Every JSON output (documents, tags, alignments, search, the API)
// goes through it.
//
// Thread-safety: a pure function.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace sextant {

inline std::string JsonLine(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace sextant
