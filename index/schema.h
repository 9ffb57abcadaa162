// The Xapian index schema, in one place: what each Xapian document is, the
// term prefixes and value slots (documented as one table in README.md and
// written into the database metadata as JSON), and the text analysis that
// the writer and the searcher must share so that query terms meet indexed
// terms: Arabic normalisation, lower-casing, stop-words, stemming, Chinese
// terms (ICU dictionary words or character bigrams).
//
// Contract: TextAnalyzer::Terms() gives, for a text in a language, the word
// terms with positions exactly as the writer indexes them; PrepareQuery()
// rewrites a user query so that Xapian's QueryParser, given the stemmer and
// stop-words of the same language, produces the same terms (Chinese runs
// without spaces are cut the way the text was). No Xapian types appear here.
//
// Thread-safety: the free functions are pure. A TextAnalyzer holds Xapian
// stemmers, which are not safe to share: use one analyzer per thread.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/language.h"

namespace sextant {

// 2: slot 8, the date order key; 3: recommendation entries; 4: date terms (XD)
inline constexpr int kIndexSchemaVersion = 4;
inline constexpr std::string_view kMetaSchema = "sextant.schema";
inline constexpr std::string_view kMetaSchemaVersion = "sextant.schema_version";
inline constexpr std::string_view kMetaChineseTerms = "sextant.chinese_terms";
// "K/N" when the index is shard K of N (`sextant ingest --shard K/N`,
// ingest/shard.h); absent in an unsharded index.
inline constexpr std::string_view kMetaShard = "sextant.shard";

// Term prefixes. Boolean terms are filters (no weight, no position).
namespace term_prefix {
inline constexpr std::string_view kKind = "XZ";            // "segment" | "document" | "recommendation"
inline constexpr std::string_view kLanguage = "XL";        // "en"
inline constexpr std::string_view kSymbol = "XS";          // own symbol, and "ROOT/.../*" prefixes
inline constexpr std::string_view kCited = "XC";           // a symbol cited in the text
inline constexpr std::string_view kResolution = "XR";      // "7/1"
inline constexpr std::string_view kAgendaItem = "XA";      // "1(a)" and its parent "1"
inline constexpr std::string_view kBody = "XB";            // "WG.4"
inline constexpr std::string_view kType = "XT";            // "RES", "L", "PV"
inline constexpr std::string_view kYear = "XY";            // "2022"
// The entry's date as its year, month and day: "2022", "202206", "20220627"
// (as Omega writes Y, M and D terms). A date range is an OR of the fewest
// of them: a posting-list lookup, where a value range reads the date of
// every entry (60 ms on two million segments against 0.2 ms).
inline constexpr std::string_view kDate = "XD";
inline constexpr std::string_view kRecommendation = "XK";  // "yes"
inline constexpr std::string_view kRecommending = "XW";    // a recommending State or body, folded: "czech republic"
inline constexpr std::string_view kAddressee = "XO";       // a recommendation's addressee, folded: "afghanistan"
inline constexpr std::string_view kResponse = "XV";        // "supported" | "to_be_examined" | "noted" | "none"
inline constexpr std::string_view kSession = "XN";         // the meeting's session: "5"
inline constexpr std::string_view kParallel = "XP";        // "<set-id>:<pivot unit>"
inline constexpr std::string_view kIdentity = "Q";         // "<hash>:<n>" or "<hash>:d"
inline constexpr std::string_view kContentHash = "XH";     // the file's content hash
inline constexpr std::string_view kPath = "XF";            // the file's path (or "#" + HashBytes of it)
}  // namespace term_prefix

// Value slots.
enum ValueSlot : unsigned {
  kSlotDate = 0,       // "YYYYMMDD" (sorts as a string)
  kSlotLanguage = 1,   // "en"
  kSlotSymbol = 2,     // own symbol, normalised
  kSlotAgendaItem = 3, // "1(a)"
  kSlotParagraph = 4,  // paragraph index, Xapian::sortable_serialise
  kSlotSegment = 5,    // segment index through the document, sortable_serialise
  kSlotYear = 6,       // "2022" (facet)
  kSlotSeries = 7,     // symbol root, "CTOC/COP" (facet)
  kSlotDateOrder = 8,  // date, symbol, segment in one string: `--sort date` reads one value
  // Recommendation records (facets of the recommendations view):
  kSlotRecommending = 9,  // the recommending States or bodies, joined by U+001F
  kSlotAddressee = 10,    // "Afghanistan"
  kSlotResponse = 11,     // "supported", …, "none"
  kSlotSession = 12,      // "5"
};

struct SchemaRow {
  std::string_view key;    // a term prefix ("XL"), "slot N", or "data"
  std::string_view field;  // the query field ("lang:"), or empty
  std::string_view meaning;
};

// The whole schema as one table (prefixes, then slots, then the document data).
std::span<const SchemaRow> SchemaTable();
// SchemaTable() as JSON, with the version: what goes into kMetaSchema.
std::string SchemaJson();

// How Chinese text becomes terms.
enum class ChineseTerms {
  kWords,    // ICU dictionary words (Words())
  kBigrams,  // every character and every pair of adjacent Han characters
};
std::string_view ChineseTermsName(ChineseTerms terms);  // "words" | "bigrams"
std::optional<ChineseTerms> ChineseTermsFromName(std::string_view name);

// Strips Arabic tashkeel (U+064B–U+065F, U+0670) and tatweel (U+0640) and
// writes every alef with hamza or madda (آ أ إ ٱ) as a bare alef (ا). Other
// text is copied unchanged.
std::string NormalizeArabic(std::string_view text);

// A lower-cased word without its elided article or pronoun, as the index
// holds it in every language: "l'exploitation" → "exploitation"
// (apostrophe ' or ’); other words unchanged.
std::string_view StripElision(std::string_view word);

// The Xapian stemmer name for a language ("english"), empty for Chinese.
std::string_view StemmerName(Language language);
// The stop-words of a language, lower-case (Arabic normalised).
std::span<const std::string_view> StopWords(Language language);

// "2022-06-27" → "20220627"; "2022-06" → "202206"; "2022" → "2022"; empty
// when not one of these forms or not a real date ("2022-13-45", "2023-02-29").
std::string CompactDate(std::string_view iso_date);

// The kDate term values of a compact date (YYYYMMDD): "20220627" →
// {"2022", "202206", "20220627"}; none unless the date is whole.
std::vector<std::string> DateTermValues(std::string_view compact_date);
// The fewest kDate term values that hold exactly the dates from `from` to
// `to` (YYYYMMDD, both included; a day past a month's last, as 31, is its last):
// whole years as years, whole months as months, the rest as days. Empty
// when from > to.
std::vector<std::string> DateRangeTermValues(std::string_view from, std::string_view to);

// The symbol exactly, then one "…/*" term per leading run of components:
// "A/RES/70/1" → {"A/RES/70/1", "A/*", "A/RES/*", "A/RES/70/*"}.
std::vector<std::string> SymbolTermValues(std::string_view symbol);

// A boolean term as Xapian's QueryParser spells it: prefix + value, with a
// ":" between them when the value starts with an upper-case ASCII letter
// ("XS" + "CTOC/COP" → "XS:CTOC/COP", "XL" + "en" → "XLen").
std::string BooleanTerm(std::string_view prefix, std::string_view value);

struct TextTerm {
  std::string term;
  unsigned position = 0;  // 1-based word position
};

class TextAnalyzer {
 public:
  explicit TextAnalyzer(ChineseTerms chinese);
  ~TextAnalyzer();
  TextAnalyzer(const TextAnalyzer&) = delete;
  TextAnalyzer& operator=(const TextAnalyzer&) = delete;

  // The word terms of `text`, in order: lower-cased, Arabic normalised,
  // elided articles stripped ("l'homme" → "homme"), stemmed with the
  // language's stemmer and written "Z" + stem (as QueryParser's
  // STEM_ALL_Z looks them up, and MSet::snippet() highlights them); Chinese
  // unstemmed, as words or bigrams (see ChineseTerms). Stop-words are
  // indexed too, so that phrases containing them match; the searcher drops
  // them from non-phrase queries.
  std::vector<TextTerm> Terms(std::string_view text, Language language) const;

  ChineseTerms chinese() const { return chinese_; }

 private:
  struct Stemmers;
  ChineseTerms chinese_;
  std::unique_ptr<Stemmers> stemmers_;
};

// Rewrites a user query for QueryParser: Arabic normalised; every run of Han
// characters outside quotes is cut as the index cuts it and, when it gives
// more than one term, quoted as a phrase ("贩运人口" → "\"贩运 运人 人口\"").
std::string PrepareQuery(std::string_view query, ChineseTerms chinese);

}  // namespace sextant
