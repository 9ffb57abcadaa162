// What every kind of index entry adds the same way (internal to index/):
// a boolean filter term, left out when empty or too long for Xapian.
#pragma once

#include <cstddef>
#include <string_view>

#include <xapian.h>

#include "index/schema.h"

namespace sextant::index_internal {

inline constexpr std::size_t kMaxTermBytes = 240;  // Xapian's limit is 245

inline void AddFilter(Xapian::Document& entry, std::string_view prefix, std::string_view value) {
  if (value.empty() || prefix.size() + value.size() + 1 > kMaxTermBytes) return;
  entry.add_boolean_term(BooleanTerm(prefix, value));
}

}  // namespace sextant::index_internal
