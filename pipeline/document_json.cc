#include "pipeline/document_json.h"

#include <sstream>
#include <utility>

#include <nlohmann/json.hpp>

#include "pipeline/json_line.h"
#include "pipeline/recommendation_record.h"
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

void WriteDocumentJson(std::ostream& out, const Document& document, const Status& status) {
  // The fields in the order a JSON object of the library writes its keys
  // (sorted), each written as soon as it is made: a document's paragraphs,
  // segments and tags are never all held as JSON values at once.
  char separator = '{';
  const auto key = [&](std::string_view name) {
    out << separator << '"' << name << "\":";
    separator = ',';
  };
  const auto field = [&](std::string_view name, const json& value) {
    key(name);
    out << JsonLine(value);
  };
  // An array whose elements are written one at a time by element().
  bool first_element = true;
  const auto open_array = [&](std::string_view name) {
    key(name);
    out << '[';
    first_element = true;
  };
  const auto element = [&](const json& value) {
    if (!first_element) out << ',';
    first_element = false;
    out << JsonLine(value);
  };
  const auto array = [&](std::string_view name, std::size_t count, const auto& make) {
    open_array(name);
    for (std::size_t i = 0; i < count; ++i) element(make(i));
    out << ']';
  };
  const Furniture& f = document.furniture;
  const auto agenda_item = [](const Paragraph& paragraph) {
    return paragraph.agenda_item.empty() ? json(nullptr) : json(paragraph.agenda_item);
  };

  field("agenda", AgendaJson(document.agenda));
  field("date", OrNull(f.date));
  array("diagnostics", document.diagnostics.size(), [&](std::size_t i) {
    const Diagnostic& d = document.diagnostics[i];
    return json{{"severity", d.severity == Severity::kWarning ? "warning" : "info"},
                {"code", d.code},
                {"message", d.message}};
  });
  field("distribution", OrNull(f.distribution));
  if (!status.ok()) {
    field("error", {{"code", std::string(StatusCodeName(status.code()))}, {"message", status.message()}});
  }
  field("file", PrintableText(document.path));  // any bytes a name holds, shown
  field("job_language", LanguageOrNull(f.job_language));
  field("job_number", OrNull(f.job_number));
  field("language", LanguageOrNull(document.language));
  field("language_evidence", document.language_evidence);
  const MeetingFacts& meeting = document.meeting;
  field("meeting", {{"body", meeting.body},
                    {"session", meeting.session},
                    {"session_dates", meeting.session_dates},
                    {"dates", meeting.dates},
                    {"venue", meeting.venue},
                    {"subject", meeting.subject}});
  field("original_language", LanguageOrNull(f.original_language));
  array("pages", document.pages.size(), [&](std::size_t index) {
    const Page& page = document.pages[index];
    json p = {{"number", page.number}, {"text_layer", std::string(TextLayerName(page.text_layer))}, {"ocr", page.ocr}};
    if (!page.text_layer_signal.empty()) p["text_layer_signal"] = page.text_layer_signal;
    return p;
  });
  array("paragraphs", document.paragraphs.size(), [&](std::size_t index) {
    const Paragraph& paragraph = document.paragraphs[index];
    json p = {{"text", paragraph.text},
              {"page", paragraph.page},
              {"kind", std::string(ParagraphKindName(paragraph.kind))},
              {"agenda_item", agenda_item(paragraph)}};
    if (!paragraph.footnote_marker.empty()) p["footnote_marker"] = paragraph.footnote_marker;
    if (paragraph.ocr) p["ocr"] = true;
    return p;
  });
  array("recommendations", document.recommendations.size(),
        [&](std::size_t i) { return RecommendationJson(document, document.recommendations[i]); });
  open_array("segments");
  for (std::size_t index = 0; index < document.paragraphs.size(); ++index) {
    const Paragraph& paragraph = document.paragraphs[index];
    for (const Segment& segment : paragraph.segments) {
      element({{"paragraph", index},
               {"begin", segment.begin},
               {"end", segment.end},
               {"text", paragraph.text.substr(segment.begin, segment.end - segment.begin)},
               {"agenda_item", agenda_item(paragraph)}});
    }
  }
  out << ']';
  field("symbol", OrNull(f.symbol));
  open_array("tags");
  for (std::size_t index = 0; index < document.paragraphs.size(); ++index) {
    const Paragraph& paragraph = document.paragraphs[index];
    for (const Tag& tag : paragraph.tags) {
      json t = TagJson(tag, paragraph.text);
      t["paragraph"] = index;
      element(t);
    }
  }
  out << ']';
  array("work_programme", document.work_programme.size(), [&](std::size_t i) {
    const WorkProgrammeRow& row = document.work_programme[i];
    return json{{"date", row.date}, {"time", row.time}, {"item", row.item}, {"title", row.title}};
  });
  out << '}';
}

std::string DocumentToJson(const Document& document, const Status& status) {
  std::ostringstream out;
  WriteDocumentJson(out, document, status);
  return std::move(out).str();
}

}  // namespace sextant
