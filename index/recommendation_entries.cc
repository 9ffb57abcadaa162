#include "index/recommendation_entries.h"

#include "index/entry_terms.h"
#include "pipeline/json_line.h"
#include "pipeline/recommendation_record.h"
#include "pipeline/unicode_text.h"

namespace sextant::index_internal {

std::string FoldFieldValue(std::string_view value) { return LowerCase(FoldWhitespace(value)); }

std::vector<std::string> NameValues(std::string_view name) {
  std::vector<std::string> values{FoldFieldValue(name)};
  if (const std::size_t paren = name.find(" ("); paren != std::string_view::npos && paren > 0) {
    values.push_back(FoldFieldValue(name.substr(0, paren)));
  }
  if (const std::size_t paren = name.find("（"); paren != std::string_view::npos && paren > 0) {
    values.push_back(FoldFieldValue(name.substr(0, paren)));
  }
  return values;
}

void AddRecommendationEntries(const Document& document, const std::string& content_hash,
                              const TextAnalyzer& analyzer, const std::function<void(Xapian::Document&)>& add_common,
                              std::vector<Xapian::Document>& out) {
  for (const Recommendation& record : document.recommendations) {
    Xapian::Document entry;
    for (const TextTerm& term : analyzer.Terms(record.text, *document.language)) {
      if (term.term.size() <= kMaxTermBytes) entry.add_posting(term.term, term.position);
    }
    AddFilter(entry, term_prefix::kKind, "recommendation");
    AddFilter(entry, term_prefix::kIdentity, content_hash + ":r" + record.number);
    add_common(entry);
    AddFilter(entry, term_prefix::kType, "recommendation");
    for (const std::string& name : record.recommending) {
      for (const std::string& value : NameValues(name)) AddFilter(entry, term_prefix::kRecommending, value);
    }
    for (const std::string& value : NameValues(record.addressee)) AddFilter(entry, term_prefix::kAddressee, value);
    const std::string_view response = RecommendationResponseName(record.response);
    AddFilter(entry, term_prefix::kResponse, response.empty() ? "none" : response);
    AddFilter(entry, term_prefix::kSession, document.meeting.session);
    AddFilter(entry, term_prefix::kAgendaItem, record.agenda_item);
    entry.add_value(kSlotAgendaItem, record.agenda_item);
    std::string recommending;
    for (const std::string& name : record.recommending) {
      if (!recommending.empty()) recommending += '\x1f';
      recommending += name;
    }
    entry.add_value(kSlotRecommending, recommending);
    entry.add_value(kSlotAddressee, record.addressee);
    entry.add_value(kSlotResponse, response.empty() ? std::string("none") : std::string(response));
    entry.add_value(kSlotSession, document.meeting.session);
    nlohmann::json data = RecommendationJson(document, record);
    data["kind"] = "recommendation";
    entry.set_data(JsonLine(data));
    out.push_back(std::move(entry));
  }
}

}  // namespace sextant::index_internal
