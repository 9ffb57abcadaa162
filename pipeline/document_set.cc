#include "pipeline/document_set.h"

namespace sextant {

std::vector<DocumentSet> GroupLanguageVersions(const std::vector<const Document*>& documents) {
  std::vector<DocumentSet> sets;
  std::map<std::string, std::size_t> by_symbol;
  for (const Document* document : documents) {
    const std::string symbol = document->furniture.symbol.value_or("");
    std::size_t index;
    if (symbol.empty() || !by_symbol.count(symbol)) {
      index = sets.size();
      sets.push_back({symbol, {}, {}, {}, {}});
      if (!symbol.empty()) by_symbol[symbol] = index;
    } else {
      index = by_symbol[symbol];
    }
    DocumentSet& set = sets[index];
    if (!document->language) {
      set.unknown_language.push_back(document->path);
    } else if (!set.versions.emplace(*document->language, document->path).second) {
      set.duplicates.push_back(document->path);
    }
  }
  for (DocumentSet& set : sets) {
    for (const LanguageInfo& info : AllLanguages()) {
      if (!set.versions.count(info.language)) set.missing.push_back(info.language);
    }
  }
  return sets;
}

}  // namespace sextant
