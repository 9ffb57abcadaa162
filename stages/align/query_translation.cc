#include "stages/align/query_translation.h"

#include <algorithm>
#include <memory>

#include "pipeline/unicode_text.h"
#include "stages/align/dictionary.h"
#include "stages/align/lexicon.h"
#include "stages/align/lexicon_file.h"
#include "stages/align/sentence_features.h"

namespace sextant {
namespace {

// The query's free text and its fields, apart.
struct QueryParts {
  std::string free_text;
  std::vector<std::string> fields;
};

QueryParts Split(std::string_view query) {
  QueryParts parts;
  std::size_t start = 0;
  while (start < query.size()) {
    while (start < query.size() && (query[start] == ' ' || query[start] == '\t')) ++start;
    std::size_t end = start;
    while (end < query.size() && query[end] != ' ' && query[end] != '\t') ++end;
    const std::string_view token = query.substr(start, end - start);
    start = end;
    if (token.empty() || token == "AND" || token == "OR" || token == "NOT") continue;
    if (token.find(':') != std::string_view::npos && token.front() != ':') {
      parts.fields.emplace_back(token);
    } else {
      parts.free_text += std::string(token) + " ";
    }
  }
  return parts;
}

// A function word ("des", "the") or a lone Han character (在, 的): a
// rendering the lexicon learns beside the words that matter, and that
// would find everything.
bool FunctionWord(const std::string& word, Language language) {
  if (language == Language::kChinese) {
    std::size_t pos = 0, characters = 0;
    while (pos < word.size()) {
      NextCodePoint(word, pos);
      ++characters;
    }
    return characters < 2;
  }
  const auto& common = Info(language).common_words;
  return std::find(common.begin(), common.end(), word) != common.end();
}

void AddUnique(std::vector<std::string>& list, const std::string& word) {
  if (list.size() < kTranslationsPerQueryWord && std::find(list.begin(), list.end(), word) == list.end()) {
    list.push_back(word);
  }
}

}  // namespace

QueryTranslator::QueryTranslator(std::vector<std::string> lexicon_folders, std::string dictionaries)
    : lexicon_folders_(std::move(lexicon_folders)), dictionaries_(std::move(dictionaries)) {}

Language QueryTranslator::GuessLanguage(std::string_view query) {
  const ScriptCounts counts = CountScripts(query);
  if (counts.han > 0) return Language::kChinese;
  if (counts.arabic > 0) return Language::kArabic;
  if (counts.cyrillic > 0) return Language::kRussian;
  return Language::kEnglish;
}

const QueryTranslator::Table& QueryTranslator::Direct(Language from, Language to) {
  const auto found = direct_.find({from, to});
  if (found != direct_.end()) return found->second;
  Table& table = direct_[{from, to}];
  for (const std::string& folder : lexicon_folders_) {
    LexiconPairs pairs;
    std::string problem;
    if (ReadLexiconFolder(folder, from, to, &pairs, &problem)) {
      for (const auto& [s, t] : pairs) table[s].push_back(t);
    } else if (!problem.empty()) {
      warnings_.push_back(problem);
    }
  }
  return table;
}

const QueryTranslator::Table& QueryTranslator::Dictionary(Language from, Language to) {
  const auto found = dictionary_.find({from, to});
  if (found != dictionary_.end()) return found->second;
  Table& table = dictionary_[{from, to}];
  if (dictionaries_.empty() || FreeDictCode(from).empty() || FreeDictCode(to).empty()) return table;
  const std::unique_ptr<Lexicon> dictionary = LoadFreeDict(dictionaries_, from, to, &warnings_);
  if (dictionary == nullptr) return table;
  for (const auto& [s, t] : dictionary->OwnPairs()) table[s].push_back(t);
  return table;
}

QueryTranslation QueryTranslator::Translate(std::string_view query, Language from, Language to) {
  QueryTranslation out;
  out.from = from;
  out.to = to;
  if (from == to) return out;
  const QueryParts parts = Split(query);
  const auto lookup = [](const Table& table, const std::string& word) -> const std::vector<std::string>* {
    const auto found = table.find(word);
    return found == table.end() ? nullptr : &found->second;
  };
  // A word's renderings in `target`: the stored lexicon's, then FreeDict's.
  const auto translations = [&](const std::string& word, Language source, Language target) {
    std::vector<std::string> list;
    for (const Table* table : {&Direct(source, target), &Dictionary(source, target)}) {
      if (const auto* found = lookup(*table, word)) {
        for (const std::string& t : *found) {
          if (!FunctionWord(t, target)) AddUnique(list, t);
        }
      }
    }
    return list;
  };
  for (const std::string& word : LexiconWords(parts.free_text, from)) {
    if (FunctionWord(word, from)) continue;
    std::vector<std::string> list = translations(word, from, to);
    if (list.empty() && from != Language::kEnglish && to != Language::kEnglish) {
      // Through English, as the index's lexicons were learned.
      for (const std::string& english : translations(word, from, Language::kEnglish)) {
        for (const std::string& t : translations(english, Language::kEnglish, to)) AddUnique(list, t);
      }
    }
    if (!list.empty()) out.words.emplace_back(word, std::move(list));
  }
  std::vector<std::string> searched;  // each rendering once, though two words share it
  for (const auto& [word, list] : out.words) {
    for (const std::string& t : list) {
      // A rendering the query parser would read as an operator or a field
      // is left out rather than misread.
      if (t == "and" || t == "or" || t == "not" || t.find_first_of(":\"()") != std::string::npos) continue;
      if (std::find(searched.begin(), searched.end(), t) != searched.end()) continue;
      searched.push_back(t);
      out.query += (out.query.empty() ? "" : " OR ") + t;
    }
  }
  if (out.query.empty()) return out;
  if (!parts.fields.empty()) {
    out.query = "(" + out.query + ")";
    for (const std::string& field : parts.fields) out.query += " " + field;
  }
  return out;
}

std::vector<std::string> QueryTranslator::TakeWarnings() {
  std::vector<std::string> out;
  out.swap(warnings_);
  return out;
}

}  // namespace sextant
