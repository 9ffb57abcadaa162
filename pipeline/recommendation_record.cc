#include "pipeline/recommendation_record.h"

#include <array>
#include <filesystem>

#include "pipeline/unicode_text.h"

namespace sextant {
namespace {

using nlohmann::json;

constexpr std::array<const char*, 14> kColumns{
    "id", "number", "text", "recommending", "addressee", "response", "symbol", "file",
    "language", "page", "agenda_item", "body", "session", "meeting_dates"};

json EmptyAsNull(const std::string& value) { return value.empty() ? json(nullptr) : json(value); }

std::string CsvField(const json& value) {
  std::string text;
  if (value.is_null()) return {};
  if (value.is_array()) {
    for (const json& element : value) {
      if (!text.empty()) text += "; ";
      text += element.get<std::string>();
    }
  } else if (value.is_string()) {
    text = value.get<std::string>();
  } else {
    text = value.dump();
  }
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

}  // namespace

std::string RecommendationId(const Document& document, const Recommendation& record) {
  const std::string prefix = document.furniture.symbol
                                 ? *document.furniture.symbol
                                 : std::filesystem::path(document.path).filename().string();
  return prefix + "#" + record.number;
}

const std::vector<std::string>& MeetingDates(const MeetingFacts& facts) {
  return facts.dates.empty() ? facts.session_dates : facts.dates;
}

json RecommendationJson(const Document& document, const Recommendation& record) {
  const std::string_view response = RecommendationResponseName(record.response);
  return {{"id", RecommendationId(document, record)},
          {"number", record.number},
          {"text", record.text},
          {"recommending", record.recommending},
          {"addressee", EmptyAsNull(record.addressee)},
          {"response", response.empty() ? json(nullptr) : json(std::string(response))},
          {"symbol", document.furniture.symbol ? json(*document.furniture.symbol) : json(nullptr)},
          {"file", PrintableText(document.path)},
          {"language", document.language ? json(std::string(Code(*document.language))) : json(nullptr)},
          {"page", record.page},
          {"agenda_item", EmptyAsNull(record.agenda_item)},
          {"body", EmptyAsNull(document.meeting.body)},
          {"session", EmptyAsNull(document.meeting.session)},
          {"meeting_dates", MeetingDates(document.meeting)}};
}

std::string RecommendationCsvHeader() {
  std::string line;
  for (const char* column : kColumns) {
    if (!line.empty()) line += ',';
    line += column;
  }
  return line;
}

std::string RecommendationCsvRow(const json& record) {
  std::string line;
  bool first = true;
  for (const char* column : kColumns) {
    if (!first) line += ',';
    first = false;
    if (record.contains(column)) line += CsvField(record.at(column));
  }
  return line;
}

}  // namespace sextant
