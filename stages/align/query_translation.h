// QueryTranslator: a search query's words in another language, for a
// search across languages (`sextant search --cross`, the API's cross=yes;
// serve/cross_search.h), from the word pairs an index learned when its
// corpus was ingested (INDEX/lexicon/, ingest/ingest_lexicon.h) and from
// FreeDict's dictionaries (dictionary.h).
//
// A query is cut into words as a lexicon cuts text (LexiconWords: lower
// case; Chinese into ICU words); field terms (symbol:…, year:…) and the
// operators AND, OR, NOT are not words: fields are kept as they are, the
// operators dropped; function words (the language table's common words)
// and lone Han characters are neither translated nor renderings. Each word
// gets its translations: the stored lexicon's
// of the pair (either direction's file), else, between two languages that
// are not English, through English (the index's lexicons are learned
// through English); then FreeDict's, when Debian has the pair. At most
// kTranslationsPerQueryWord a word, the lexicon's first. The translated
// query is every translation of every word joined by OR (a document that
// renders more of the words ranks higher; one wrong rendering loses
// nothing), followed by the fields.
//
// Tables are read from the files once per language pair, when first asked
// for, and kept.
//
// Thread-safety: none; one thread at a time (the API keeps one per
// searcher handle).
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pipeline/language.h"

namespace sextant {

inline constexpr std::size_t kTranslationsPerQueryWord = 8;

struct QueryTranslation {
  Language from = Language::kEnglish, to = Language::kEnglish;
  // A query for the searcher, in `to`; empty when no word has a translation.
  std::string query;
  // Each word of the query that has translations, with them.
  std::vector<std::pair<std::string, std::vector<std::string>>> words;
};

class QueryTranslator {
 public:
  // `lexicon_folders`: folders of stored lexicons (INDEX/lexicon, one per
  // local shard), read in order, the pairs of all joined; `dictionaries`:
  // FreeDict's folder (/usr/share/dictd), or "" for none.
  QueryTranslator(std::vector<std::string> lexicon_folders, std::string dictionaries);

  QueryTranslation Translate(std::string_view query, Language from, Language to);

  // The language a query is written in: Han → zh, Arabic → ar, Cyrillic →
  // ru, anything else English.
  static Language GuessLanguage(std::string_view query);

  // Lines for the user: a stored lexicon or a dictionary that could not be
  // read (each said once).
  std::vector<std::string> TakeWarnings();

 private:
  using Table = std::map<std::string, std::vector<std::string>>;
  // Stored and dictionary translations of the pair, read on first use.
  const Table& Direct(Language from, Language to);
  const Table& Dictionary(Language from, Language to);

  std::vector<std::string> lexicon_folders_;
  std::string dictionaries_;
  std::map<std::pair<Language, Language>, Table> direct_, dictionary_;
  std::vector<std::string> warnings_;
};

}  // namespace sextant
