#include "index/aligned_pair_reader.h"

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "index/query_parse.h"
#include "index/read_database.h"
#include "index/record_reader.h"
#include "index/schema.h"

namespace sextant {
namespace {

std::string Term(std::string_view prefix, std::string_view value) { return BooleanTerm(prefix, value); }

bool Blank(const std::string& text) { return text.find_first_not_of(" \t\n\r") == std::string::npos; }

// A document entry's own symbol, file hash and language (from its data).
struct DocumentEntry {
  std::string symbol, hash;
  std::optional<Language> language;
};

std::optional<DocumentEntry> ReadDocumentEntry(const Xapian::Document& entry) {
  const auto data = nlohmann::json::parse(entry.get_data(), nullptr, false);
  if (data.is_discarded() || !data.is_object()) return std::nullopt;
  DocumentEntry out;
  out.symbol = data.value("symbol", "");
  out.hash = data.value("hash", "");
  out.language = LanguageFromCode(data.value("language", ""));
  return out;
}

// The texts of a version's segments, in order (RecordAlignment's links
// index this).
std::vector<std::string> SegmentTexts(const RecordDocument& document) {
  std::vector<std::string> texts;
  texts.reserve(document.segments.size());
  for (const RecordSegment& segment : document.segments) texts.push_back(segment.text);
  return texts;
}

std::vector<std::size_t> SegmentIndices(const std::vector<std::size_t>& positions, const RecordDocument& document) {
  std::vector<std::size_t> out;
  for (const std::size_t k : positions) out.push_back(document.segments[k].index);
  return out;
}

AlignedPair MakePair(const RecordAlignment& read, const AlignmentLink& link, const std::vector<std::string>& source_texts,
                     const std::vector<std::string>& target_texts) {
  const RecordDocument& source = read.source;
  const RecordDocument& target = read.target;
  const RecordSegment& first_source = source.segments[link.source.front()];
  const RecordSegment& first_target = target.segments[link.target.front()];
  AlignedPair pair;
  pair.symbol = source.symbol;
  pair.date = source.version.date.empty() ? target.version.date : source.version.date;
  pair.agenda_item = first_source.agenda_item.empty() ? first_target.agenda_item : first_source.agenda_item;
  pair.source_language = source.version.language;
  pair.target_language = target.version.language;
  pair.source_text = JoinUnits(link.source, source_texts, pair.source_language);
  pair.target_text = JoinUnits(link.target, target_texts, pair.target_language);
  pair.source_segments = SegmentIndices(link.source, source);
  pair.target_segments = SegmentIndices(link.target, target);
  pair.source_paragraph = first_source.paragraph;
  pair.target_paragraph = first_target.paragraph;
  pair.source_page = first_source.page;
  pair.target_page = first_target.page;
  pair.score = link.score;
  return pair;
}

}  // namespace

struct AlignedPairReader::Impl {
  index_internal::ShardedDatabase shards;
  std::unique_ptr<RecordReader> records;
  ChineseTerms chinese = ChineseTerms::kBigrams;

  // Whether the query (already parsed, with its kind filter) finds an
  // entry of the document set named by `entry`.
  bool Matches(const Xapian::Query& query, const DocumentEntry& entry) const {
    const Xapian::Query set = entry.symbol.empty() ? Xapian::Query(Term(term_prefix::kContentHash, entry.hash))
                                                   : Xapian::Query(Term(term_prefix::kSymbol, entry.symbol));
    Xapian::Enquire enquire(shards.db());
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, set));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    return !enquire.get_mset(0, 1).empty();
  }

  // The source-language document entries: how many there are.
  std::size_t CountSources(Language source) const {
    Xapian::Enquire enquire(shards.db());
    enquire.set_query(Xapian::Query(Xapian::Query::OP_AND, Xapian::Query(Term(term_prefix::kKind, "document")),
                                    index_internal::LanguageFilter(source)));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    return enquire.get_mset(0, 0, shards.db().get_doccount()).get_matches_estimated();
  }

  Status ReadOnce(const PairSelection& selection, const PairSink& sink, const Progress& progress, PairCounts* counts);
  // One document's pairs; false with *status set when reading failed.
  bool ReadDocument(const DocumentEntry& entry, const PairSelection& selection, const PairSink& sink,
                    PairCounts* counts, Status* status);
};

AlignedPairReader::AlignedPairReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

AlignedPairReader::~AlignedPairReader() = default;

Status AlignedPairReader::Open(const IndexShards& where, std::unique_ptr<AlignedPairReader>* reader) {
  auto impl = std::make_unique<Impl>();
  if (Status status = impl->shards.Open(where); !status.ok()) return status;
  if (Status status = RecordReader::Open(where, &impl->records); !status.ok()) return status;
  try {
    impl->chinese = ChineseTermsFromName(impl->shards.db().get_metadata(std::string(kMetaChineseTerms)))
                        .value_or(ChineseTerms::kBigrams);
  } catch (const Xapian::Error& error) {
    return impl->shards.Failure("reading", error);
  }
  reader->reset(new AlignedPairReader(std::move(impl)));
  return Status::Ok();
}

const std::vector<std::string>& AlignedPairReader::missing_shards() const { return impl_->shards.missing(); }

bool AlignedPairReader::Impl::ReadDocument(const DocumentEntry& entry, const PairSelection& selection,
                                           const PairSink& sink, PairCounts* counts, Status* status) {
  const std::string id = entry.symbol.empty() ? entry.hash : entry.symbol;
  RecordAlignment read;
  const Status read_status = records->ReadAlignment(id, selection.source, selection.target, &read);
  if (read_status.code() == StatusCode::kNotFound) {
    ++counts->no_target;
    return true;
  }
  if (!read_status.ok()) {
    *status = read_status;
    return false;
  }
  // Two files of one symbol and language: RecordReader reads the first
  // indexed, whose own entry gives the document once.
  if (read.source.version.content_hash != entry.hash) return true;
  ++counts->documents;
  const std::vector<std::string> source_texts = SegmentTexts(read.source);
  const std::vector<std::string> target_texts = SegmentTexts(read.target);
  for (const AlignmentLink& link : read.alignment.links) {
    if (link.source.empty() || link.target.empty()) {
      ++counts->one_sided;
      continue;
    }
    if (link.score < selection.min_score) {
      ++counts->weak;
      continue;
    }
    const AlignedPair pair = MakePair(read, link, source_texts, target_texts);
    if (Blank(pair.source_text) || Blank(pair.target_text)) {
      ++counts->empty;
      continue;
    }
    sink(pair);
    ++counts->pairs;
  }
  return true;
}

Status AlignedPairReader::Impl::ReadOnce(const PairSelection& selection, const PairSink& sink,
                                         const Progress& progress, PairCounts* counts) {
  const Xapian::Database& db = shards.db();
  Xapian::Query query;
  if (!selection.query.empty()) {
    const bool records_asked = index_internal::AsksForRecords(selection.query);
    query = Xapian::Query(Xapian::Query::OP_FILTER,
                          index_internal::BuildTextQuery(db, selection.query, std::nullopt, chinese),
                          Xapian::Query(Term(term_prefix::kKind, records_asked ? "recommendation" : "segment")));
  }
  const std::size_t total = CountSources(selection.source);
  const std::string documents = Term(term_prefix::kKind, "document");
  std::size_t done = 0;
  for (auto it = db.postlist_begin(documents); it != db.postlist_end(documents); ++it) {
    const std::optional<DocumentEntry> entry = ReadDocumentEntry(db.get_document(*it));
    if (!entry || entry->language != selection.source || entry->hash.empty()) continue;
    ++done;
    if (query.empty() || Matches(query, *entry)) {
      Status status;
      if (!ReadDocument(*entry, selection, sink, counts, &status)) return status;
    }
    if (progress) progress(done, total, entry->symbol.empty() ? entry->hash : entry->symbol);
  }
  return Status::Ok();
}

Status AlignedPairReader::Read(const PairSelection& selection, const PairSink& sink, const Progress& progress,
                               PairCounts* counts) {
  *counts = PairCounts();
  if (selection.source == selection.target) {
    return Status(StatusCode::kInvalidArgument, "source and target are both " + std::string(Code(selection.source)) +
                                                    "; name two languages");
  }
  try {
    return impl_->ReadOnce(selection, sink, progress, counts);
  } catch (const Xapian::QueryParserError& error) {
    return Status(StatusCode::kInvalidArgument, "cannot read the query '" + selection.query + "': " + error.get_msg());
  } catch (const Xapian::Error& error) {
    return impl_->shards.Failure("reading", error);
  }
}

}  // namespace sextant
