#include "pipeline/document_json.h"

#include <nlohmann/json.hpp>

namespace sextant {
namespace {

using nlohmann::json;

template <typename T>
json OrNull(const std::optional<T>& value) {
  return value ? json(*value) : json(nullptr);
}

json LanguageOrNull(const std::optional<Language>& language) {
  return language ? json(std::string(Code(*language))) : json(nullptr);
}

}  // namespace

std::string DocumentToJson(const Document& document, const Status& status) {
  json out;
  out["file"] = document.path;
  const Furniture& f = document.furniture;
  out["symbol"] = OrNull(f.symbol);
  out["language"] = LanguageOrNull(document.language);
  out["language_evidence"] = document.language_evidence;
  out["pages"] = document.pages.size();
  out["date"] = OrNull(f.date);
  out["distribution"] = OrNull(f.distribution);
  out["original_language"] = LanguageOrNull(f.original_language);
  out["job_number"] = OrNull(f.job_number);
  out["job_language"] = LanguageOrNull(f.job_language);
  json paragraphs = json::array();
  for (const Paragraph& paragraph : document.paragraphs) {
    json p = {{"text", paragraph.text},
              {"page", paragraph.page},
              {"kind", std::string(ParagraphKindName(paragraph.kind))}};
    if (!paragraph.footnote_marker.empty()) {
      p["footnote_marker"] = paragraph.footnote_marker;
    }
    paragraphs.push_back(std::move(p));
  }
  out["paragraphs"] = std::move(paragraphs);
  json diagnostics = json::array();
  for (const Diagnostic& d : document.diagnostics) {
    diagnostics.push_back(
        {{"severity", d.severity == Severity::kWarning ? "warning" : "info"},
         {"code", d.code},
         {"message", d.message}});
  }
  out["diagnostics"] = std::move(diagnostics);
  if (!status.ok()) {
    out["error"] = {{"code", std::string(StatusCodeName(status.code()))},
                    {"message", status.message()}};
  }
  // Invalid UTF-8 from a hostile PDF is replaced, never thrown on.
  return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace sextant
