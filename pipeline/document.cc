#include "pipeline/document.h"

#include <algorithm>
#include <utility>

namespace sextant {

void Box::Extend(const Box& other) {
  x0 = std::min(x0, other.x0);
  y0 = std::min(y0, other.y0);
  x1 = std::max(x1, other.x1);
  y1 = std::max(y1, other.y1);
}

void Document::Warn(std::string code, std::string message) {
  diagnostics.push_back({Severity::kWarning, std::move(code), std::move(message)});
}

void Document::Note(std::string code, std::string message) {
  diagnostics.push_back({Severity::kInfo, std::move(code), std::move(message)});
}

std::string_view TagKindName(TagKind kind) {
  switch (kind) {
    case TagKind::kSymbol: return "symbol";
    case TagKind::kResolution: return "resolution";
    case TagKind::kAgendaItem: return "agenda_item";
    case TagKind::kDate: return "date";
    case TagKind::kRecommendation: return "recommendation";
  }
  return "symbol";
}

std::string_view ParagraphKindName(ParagraphKind kind) {
  switch (kind) {
    case ParagraphKind::kHeading: return "heading";
    case ParagraphKind::kBody: return "body";
    case ParagraphKind::kFootnote: return "footnote";
    case ParagraphKind::kTable: return "table";
  }
  return "body";
}

}  // namespace sextant
