#include "index/query_parse.h"

#include <algorithm>
#include <vector>

#include "index/schema.h"
#include "pipeline/unicode_text.h"

namespace sextant::index_internal {

namespace {

constexpr std::pair<std::string_view, std::string_view> kFields[] = {
    {"symbol", term_prefix::kSymbol},       {"cited", term_prefix::kCited},
    {"resolution", term_prefix::kResolution}, {"item", term_prefix::kAgendaItem},
    {"body", term_prefix::kBody},           {"type", term_prefix::kType},
    {"lang", term_prefix::kLanguage},       {"year", term_prefix::kYear},
    {"recommendation", term_prefix::kRecommendation}, {"from", term_prefix::kRecommending},
    {"to", term_prefix::kAddressee},        {"response", term_prefix::kResponse},
    {"session", term_prefix::kSession}};

// The byte spans of the values given to `field` ("from:") in a query: the
// field starting a word (or after "(", "+", "-"), in any case, its value
// up to a space or ")", or quoted.
std::vector<std::pair<std::size_t, std::size_t>> FieldValues(std::string_view query, std::string_view field) {
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  const std::string lowered = LowerCaseSameOffsets(query);
  for (std::size_t at = lowered.find(field); at != std::string::npos; at = lowered.find(field, at + 1)) {
    if (at > 0 && std::string_view(" (+-").find(lowered[at - 1]) == std::string_view::npos) continue;
    const std::size_t begin = at + field.size();
    std::size_t end = begin;
    if (end < query.size() && query[end] == '"') {
      end = query.find('"', end + 1);
      end = end == std::string_view::npos ? query.size() : end + 1;
    } else {
      while (end < query.size() && query[end] != ' ' && query[end] != ')') ++end;
    }
    spans.emplace_back(begin, end);
  }
  return spans;
}

// The fields only recommendation records have (and type:recommendation).
constexpr std::string_view kRecordFields[] = {"from:", "to:", "response:", "session:", "type:"};

bool IsRecordType(std::string_view query, std::pair<std::size_t, std::size_t> span) {
  return LowerCase(query.substr(span.first, span.second - span.first)) == "recommendation";
}

}  // namespace

bool AsksForRecords(std::string_view query) {
  for (std::string_view field : kRecordFields) {
    for (const auto& span : FieldValues(query, field)) {
      if (field != "type:" || IsRecordType(query, span)) return true;
    }
  }
  return false;
}

namespace {

// The record fields' values folded as the index holds them (lower case):
// from:"Czech Republic" → from:"czech republic", type:Recommendation →
// type:recommendation; type:RES stays as it is.
std::string FoldRecordFieldValues(std::string_view query) {
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  for (std::string_view field : kRecordFields) {
    for (const auto& span : FieldValues(query, field)) {
      if (field != "type:" || IsRecordType(query, span)) spans.push_back(span);
    }
  }
  std::sort(spans.begin(), spans.end());
  std::string out;
  std::size_t copied = 0;
  for (const auto& [begin, end] : spans) {
    out.append(query.substr(copied, begin - copied));
    out.append(LowerCase(query.substr(begin, end - begin)));
    copied = end;
  }
  out.append(query.substr(copied));
  return out;
}

}  // namespace

Xapian::Query LanguageFilter(Language language) {
  return Xapian::Query(BooleanTerm(term_prefix::kLanguage, Code(language)));
}

namespace {

// QueryParser ends a boolean value at ")": "item:1(a)" is quoted as
// item:"1(a)" (a ")" beyond the balanced ones closes a group and stays out).
std::string QuoteFieldValues(std::string_view query) {
  std::string out;
  std::size_t pos = 0;
  while (pos <= query.size()) {
    std::size_t end = query.find(' ', pos);
    if (end == std::string_view::npos) end = query.size();
    std::string_view word = query.substr(pos, end - pos);
    const std::size_t colon = word.find(':');
    std::string_view value = colon == std::string_view::npos ? std::string_view() : word.substr(colon + 1);
    if (!value.empty() && value[0] != '"' && value.find('(') != std::string_view::npos) {
      int depth = 0;
      std::size_t balanced = 0;
      for (std::size_t i = 0; i < value.size() && depth >= 0; ++i) {
        depth += value[i] == '(' ? 1 : value[i] == ')' ? -1 : 0;
        if (depth >= 0) balanced = i + 1;
      }
      out.append(word.substr(0, colon + 1)).append("\"").append(value.substr(0, balanced)).append("\"");
      out.append(value.substr(balanced));
    } else {
      out.append(word);
    }
    if (end < query.size()) out += ' ';
    pos = end + 1;
  }
  return out;
}

}  // namespace

std::string FreeText(std::string_view query) {
  std::string out;
  std::size_t pos = 0;
  while (pos < query.size()) {
    std::size_t end = query.find(' ', pos);
    if (end == std::string_view::npos) end = query.size();
    const std::string_view word = query.substr(pos, end - pos);
    if (word.find(':') == std::string_view::npos) out.append(word).append(" ");
    pos = end + 1;
  }
  return out;
}

namespace {

Xapian::Query Parse(const Xapian::Database& db, const std::string& query, std::optional<Language> language) {
  Xapian::QueryParser parser;
  parser.set_database(db);
  for (const auto& [field, prefix] : kFields) parser.add_boolean_prefix(std::string(field), std::string(prefix));
  parser.set_default_op(Xapian::Query::OP_AND);
  if (language) {
    if (const std::string_view name = StemmerName(*language); !name.empty()) {
      parser.set_stemmer(Xapian::Stem(std::string(name)));
      parser.set_stemming_strategy(Xapian::QueryParser::STEM_ALL_Z);
    }
    const auto words = StopWords(*language);
    std::vector<std::string> stop(words.begin(), words.end());
    parser.set_stopper((new Xapian::SimpleStopper(stop.begin(), stop.end()))->release());
  }
  const unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_PURE_NOT;
  return parser.parse_query(query, flags);
}

}  // namespace

Xapian::Query BuildTextQuery(const Xapian::Database& db, std::string_view query, std::optional<Language> language,
                             ChineseTerms chinese) {
  const std::string prepared = QuoteFieldValues(FoldRecordFieldValues(PrepareQuery(query, chinese)));
  if (FoldWhitespace(prepared).empty()) return Xapian::Query::MatchAll;
  if (language) return Parse(db, prepared, language);
  const ScriptCounts counts = CountScripts(FreeText(prepared));
  if (counts.han > 0) return Parse(db, prepared, Language::kChinese);
  if (counts.arabic > 0) return Parse(db, prepared, Language::kArabic);
  if (counts.cyrillic > 0) return Parse(db, prepared, Language::kRussian);
  // Latin words (French, Spanish, English text, but also names and
  // acronyms in the others), numbers, fields only: each language's
  // segments with its own stemmer.
  std::vector<Xapian::Query> parts;
  for (const LanguageInfo& info : AllLanguages()) {
    parts.emplace_back(Xapian::Query::OP_FILTER, Parse(db, prepared, info.language), LanguageFilter(info.language));
  }
  return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

}  // namespace sextant::index_internal
