#include "pipeline/document_json.h"

#include <nlohmann/json.hpp>

#include "pipeline/json_line.h"
#include "pipeline/unicode_text.h"

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

json Parts(const Tag& tag) {
  json parts = json::array();
  for (const TagPart& part : tag.parts) parts.push_back({part.name, part.value});
  return parts;
}

json TagJson(const Tag& tag, std::string_view source) {
  return {{"kind", std::string(TagKindName(tag.kind))},
          {"text", std::string(source.substr(tag.begin, tag.end - tag.begin))},
          {"value", tag.value},
          {"begin", tag.begin},
          {"end", tag.end},
          {"parts", Parts(tag)}};
}

json AgendaJson(const std::vector<AgendaEntry>& entries) {
  json out = json::array();
  for (const AgendaEntry& entry : entries) {
    json item = {{"item", entry.item}, {"title", entry.title}};
    if (!entry.subitems.empty()) item["subitems"] = AgendaJson(entry.subitems);
    out.push_back(std::move(item));
  }
  return out;
}

}  // namespace

std::string TagToJson(const Tag& tag, std::string_view source) {
  return JsonLine(TagJson(tag, source));
}

std::string DocumentToJson(const Document& document, const Status& status) {
  json out;
  out["file"] = PrintableText(document.path);  // any bytes a name holds, shown
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
  json segments = json::array();
  json tags = json::array();
  for (std::size_t index = 0; index < document.paragraphs.size(); ++index) {
    const Paragraph& paragraph = document.paragraphs[index];
    const json agenda_item =
        paragraph.agenda_item.empty() ? json(nullptr) : json(paragraph.agenda_item);
    json p = {{"text", paragraph.text},
              {"page", paragraph.page},
              {"kind", std::string(ParagraphKindName(paragraph.kind))},
              {"agenda_item", agenda_item}};
    if (!paragraph.footnote_marker.empty()) {
      p["footnote_marker"] = paragraph.footnote_marker;
    }
    paragraphs.push_back(std::move(p));
    for (const Segment& segment : paragraph.segments) {
      segments.push_back({{"paragraph", index},
                          {"begin", segment.begin},
                          {"end", segment.end},
                          {"text", paragraph.text.substr(segment.begin, segment.end - segment.begin)},
                          {"agenda_item", agenda_item}});
    }
    for (const Tag& tag : paragraph.tags) {
      json t = TagJson(tag, paragraph.text);
      t["paragraph"] = index;
      tags.push_back(std::move(t));
    }
  }
  out["paragraphs"] = std::move(paragraphs);
  out["segments"] = std::move(segments);
  out["tags"] = std::move(tags);
  out["agenda"] = AgendaJson(document.agenda);
  json programme = json::array();
  for (const WorkProgrammeRow& row : document.work_programme) {
    programme.push_back({{"date", row.date}, {"time", row.time}, {"item", row.item}, {"title", row.title}});
  }
  out["work_programme"] = std::move(programme);
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
  return JsonLine(out);
}

}  // namespace sextant
