#include "index/index_writer.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <set>
#include <sstream>
#include <system_error>
#include <unistd.h>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "index/entry_terms.h"
#include "index/read_database.h"
#include "index/recommendation_entries.h"
#include "pipeline/content_hash.h"
#include "pipeline/file_io.h"
#include "pipeline/json_line.h"
#include "pipeline/recommendation_record.h"
#include "pipeline/unicode_text.h"
#include "stages/tag/symbol_tagger.h"

namespace sextant {
namespace {

using index_internal::AddFilter;
using index_internal::kMaxTermBytes;

// One segment entry to write: a sentence, or a paragraph without sentences
// (counted as AlignableFromDocument's sentences are).
struct Unit {
  std::size_t paragraph = 0;
  std::string text;
  int page = 0;
  std::vector<const Tag*> tags;
  std::string agenda_item;
  bool ocr = false;  // read by OCR from a page's image
};

std::vector<Unit> UnitsOf(const Document& document) {
  std::vector<Unit> units;
  for (std::size_t p = 0; p < document.paragraphs.size(); ++p) {
    const Paragraph& paragraph = document.paragraphs[p];
    std::vector<Segment> spans = paragraph.segments;
    if (spans.empty()) spans.push_back({0, paragraph.text.size()});
    for (const Segment& span : spans) {
      Unit unit{p, paragraph.text.substr(span.begin, span.end - span.begin), paragraph.page, {}, paragraph.agenda_item,
                paragraph.ocr};
      for (const Tag& tag : paragraph.tags) {
        const bool inside = tag.begin >= span.begin && tag.begin < span.end;
        if (inside || (tag.begin == span.begin && tag.end == span.end)) unit.tags.push_back(&tag);
      }
      units.push_back(std::move(unit));
    }
  }
  return units;
}

// What every entry of one language version shares.
// The file's path as a term value: its bytes (any bytes: a name need not be
// UTF-8), or a hash of them when too long for a Xapian term.
std::string PathKey(const std::string& path) { return path.size() <= 200 ? path : "#" + HashBytes(path); }

struct VersionFields {
  // date: YYYYMMDD of the document's own date (date_iso, as the furniture
  // gives it); order: of the meeting it records when its text says, else
  // the document's date (what `--sort date` and history order by).
  std::string language, symbol, date_iso, date, order, year, series, hash, path_key, path;
  std::vector<std::string> bodies, types;
};

VersionFields FieldsOf(const IndexVersion& version) {
  const Document& document = *version.document;
  VersionFields fields;
  fields.language = std::string(Code(*document.language));
  fields.symbol = document.furniture.symbol.value_or("");
  fields.date_iso = document.furniture.date.value_or("");
  fields.date = CompactDate(fields.date_iso);
  const std::vector<std::string>& meeting_dates = MeetingDates(document.meeting);
  fields.order = meeting_dates.empty() ? "" : CompactDate(meeting_dates.front().substr(0, 10));
  if (fields.order.empty()) fields.order = fields.date;
  if (fields.date.size() >= 4) fields.year = fields.date.substr(0, 4);
  if (const auto parsed = ParseSymbol(fields.symbol); !fields.symbol.empty() && parsed) {
    for (const TagPart& part : parsed->parts) {
      if (part.name == "joint") break;  // the first member describes the document
      if (part.name == "root" && fields.series.empty()) fields.series = part.value;
      if (part.name == "body") fields.bodies.push_back(part.value);
      if (part.name == "type") fields.types.push_back(part.value);
      if (part.name == "year" && fields.year.empty()) fields.year = part.value;
    }
  }
  fields.hash = version.content_hash;
  fields.path = PrintableText(document.path);  // shown; the key below finds the file by its bytes
  fields.path_key = PathKey(document.path);
  return fields;
}

// Terms and values shared by segment and document entries.
void AddCommon(Xapian::Document& entry, const VersionFields& fields) {
  AddFilter(entry, term_prefix::kLanguage, fields.language);
  for (const std::string& value : SymbolTermValues(fields.symbol)) AddFilter(entry, term_prefix::kSymbol, value);
  for (const std::string& body : fields.bodies) AddFilter(entry, term_prefix::kBody, body);
  for (const std::string& type : fields.types) AddFilter(entry, term_prefix::kType, type);
  AddFilter(entry, term_prefix::kYear, fields.year);
  for (const std::string& value : DateTermValues(fields.date)) AddFilter(entry, term_prefix::kDate, value);
  AddFilter(entry, term_prefix::kContentHash, fields.hash);
  AddFilter(entry, term_prefix::kPath, fields.path_key);
  entry.add_value(kSlotDate, fields.date);
  entry.add_value(kSlotLanguage, fields.language);
  entry.add_value(kSlotSymbol, fields.symbol);
  entry.add_value(kSlotYear, fields.year);
  entry.add_value(kSlotSeries, fields.series);
}

void AddTagTerms(Xapian::Document& entry, const std::vector<const Tag*>& tags) {
  for (const Tag* tag : tags) {
    if (tag->kind == TagKind::kSymbol) {
      for (const std::string& value : SymbolTermValues(tag->value)) AddFilter(entry, term_prefix::kCited, value);
    } else if (tag->kind == TagKind::kResolution) {
      AddFilter(entry, term_prefix::kResolution, tag->value);
    } else if (tag->kind == TagKind::kRecommendation) {
      AddFilter(entry, term_prefix::kRecommendation, "yes");
    }
  }
}

Xapian::Document SegmentEntry(const Unit& unit, std::size_t n, const VersionFields& fields,
                              const std::set<std::string>& parallel, double link_score,
                              const TextAnalyzer& analyzer, Language language) {
  Xapian::Document entry;
  for (const TextTerm& term : analyzer.Terms(unit.text, language)) {
    if (term.term.size() <= kMaxTermBytes) entry.add_posting(term.term, term.position);
  }
  AddFilter(entry, term_prefix::kKind, "segment");
  AddFilter(entry, term_prefix::kIdentity, fields.hash + ":" + std::to_string(n));
  AddCommon(entry, fields);
  AddTagTerms(entry, unit.tags);
  AddFilter(entry, term_prefix::kAgendaItem, unit.agenda_item);
  if (const std::size_t paren = unit.agenda_item.find('('); paren != std::string::npos && paren > 0) {
    AddFilter(entry, term_prefix::kAgendaItem, unit.agenda_item.substr(0, paren));
  }
  for (const std::string& unit_term : parallel) AddFilter(entry, term_prefix::kParallel, unit_term);
  entry.add_value(kSlotAgendaItem, unit.agenda_item);
  entry.add_value(kSlotParagraph, Xapian::sortable_serialise(static_cast<double>(unit.paragraph)));
  entry.add_value(kSlotSegment, Xapian::sortable_serialise(static_cast<double>(n)));
  std::string date_order = fields.order.empty() ? "00000000" : fields.order;
  date_order.resize(8, '0');
  entry.add_value(kSlotDateOrder, date_order + fields.symbol + '\0' + Xapian::sortable_serialise(static_cast<double>(n)));
  nlohmann::ordered_json data = {
      {"text", unit.text},       {"symbol", fields.symbol},  {"language", fields.language},
      {"date", fields.date_iso}, {"agenda_item", unit.agenda_item}, {"page", unit.page},
      {"paragraph", unit.paragraph}, {"segment", n},        {"path", fields.path}};
  if (link_score >= 0) data["link_score"] = std::round(link_score * 1000) / 1000;
  if (unit.ocr) data["ocr"] = true;
  entry.set_data(JsonLine(data));
  return entry;
}

Xapian::Document DocumentEntry(const Document& document, const std::vector<Unit>& units,
                               const VersionFields& fields) {
  Xapian::Document entry;
  AddFilter(entry, term_prefix::kKind, "document");
  AddFilter(entry, term_prefix::kIdentity, fields.hash + ":d");
  AddCommon(entry, fields);
  for (const Unit& unit : units) AddTagTerms(entry, unit.tags);
  nlohmann::ordered_json data = {
      {"path", fields.path},     {"symbol", fields.symbol}, {"language", fields.language},
      {"date", fields.date_iso}, {"pages", document.pages.size()}, {"segments", units.size()},
      {"hash", fields.hash}};
  if (!document.meeting.empty()) {
    data["meeting"] = {{"body", document.meeting.body},
                       {"session", document.meeting.session},
                       {"dates", MeetingDates(document.meeting)},
                       {"venue", document.meeting.venue}};
  }
  entry.set_data(JsonLine(data));
  return entry;
}

// Parallel-unit values per unit of a version: the pivot's own index for the
// pivot, the linked pivot units for an aligned version.
// The confidence of the pivot link that holds each unit of an aligned
// version; -1 for the pivot's own units and for unaligned versions.
std::vector<double> LinkScores(const IndexVersion& version, bool is_pivot, std::size_t unit_count) {
  std::vector<double> out(unit_count, -1.0);
  if (is_pivot || version.alignment == nullptr) return out;
  for (const AlignmentLink& link : version.alignment->sentences.links) {
    for (std::size_t target : link.target) {
      if (target < unit_count) out[target] = link.score;
    }
  }
  return out;
}

std::vector<std::set<std::string>> ParallelUnits(const IndexVersion& version, bool is_pivot,
                                                 std::size_t unit_count, const std::string& set_id) {
  std::vector<std::set<std::string>> out(unit_count);
  if (is_pivot) {
    for (std::size_t i = 0; i < unit_count; ++i) out[i].insert(set_id + ":" + std::to_string(i));
    return out;
  }
  if (version.alignment == nullptr) return out;
  for (const AlignmentLink& link : version.alignment->sentences.links) {
    for (std::size_t target : link.target) {
      if (target >= unit_count) continue;
      for (std::size_t source : link.source) out[target].insert(set_id + ":" + std::to_string(source));
    }
  }
  return out;
}

// Whether the system error behind a Xapian failure is a full disk or quota.
// Xapian gives the system's reason as the error string, or (when a failed
// commit could not fall back) inside its message.
bool OutOfRoom(const Xapian::Error& error) {
  const char* cause = error.get_error_string();
  for (const int code : {ENOSPC, EDQUOT}) {
    const std::string_view reason = std::strerror(code);
    if ((cause != nullptr && reason == cause) || error.get_msg().find(reason) != std::string::npos) return true;
  }
  return false;
}

// The sizes and modification times of the index's own files, one line
// each: what the last write left. When the files still match it, nothing
// has truncated, replaced or half-copied them since.
std::string FilesStamp(const std::string& folder) {
  std::vector<std::string> lines;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
    const std::string name = entry.path().filename().string();
    if (name != "iamglass" && entry.path().extension() != ".glass") continue;
    const auto modified = entry.last_write_time(error).time_since_epoch().count();
    lines.push_back(name + " " + std::to_string(entry.file_size(error)) + " " + std::to_string(modified) + "\n");
  }
  std::sort(lines.begin(), lines.end());
  std::string stamp;
  for (const std::string& line : lines) stamp += line;
  return stamp;
}

std::string StampPath(const std::string& folder) { return (std::filesystem::path(folder) / "sextant-files").string(); }

// Best effort: without the stamp, the next writer checks the whole index.
void RecordStamp(const std::string& folder) { (void)WriteFileAtomically(StampPath(folder), FilesStamp(folder)); }

// Room a commit of `entries` new entries needs on the index's disk, at the
// most: an entry takes about 2 KB once written (measured: 2.2 KB on GA
// documents, 1.9 KB on UPR reports), and a commit writes its new blocks
// beside the old ones before it frees them; twice that and 2 MB of slack.
std::uintmax_t RoomNeeded(std::size_t entries) { return entries * std::uintmax_t{4096} + 2'000'000; }

// Whether the disk holding `folder` has room for a commit of `entries`
// entries. Checked before each commit: Xapian 1.4 can abort the process
// when its disk fills up during a commit (an exception from a destructor
// while it unwinds the first), so the disk must not fill up inside one.
Status CheckRoom(const std::string& folder, std::size_t entries) {
  std::error_code error;
  const std::filesystem::space_info space = std::filesystem::space(folder, error);
  const std::uintmax_t needed = RoomNeeded(entries);
  if (error || space.available >= needed) return Status::Ok();
  return Status(StatusCode::kNoSpace, "no space left on the device holding " + folder + " (" +
                                          std::to_string(space.available / 1'000'000) + " MB free, " +
                                          std::to_string(needed / 1'000'000 + 1) + " MB needed to write the next " +
                                          std::to_string(entries) + " entries)");
}

Status XapianFailure(const std::string& folder, const Xapian::Error& error) {
  if (OutOfRoom(error)) {
    std::error_code ignored;
    const auto space = std::filesystem::space(folder, ignored);
    return Status(StatusCode::kNoSpace, "no space left on the device holding " + folder + " (" +
                                            std::to_string(space.available / 1'000'000) + " MB free)");
  }
  return index_internal::ReadFailure(folder, "writing", error);
}

Status CheckFolder(const std::string& folder) {
  std::error_code error;
  std::filesystem::create_directories(folder, error);
  if (error) {
    return Status(StatusCode::kIoError, "cannot create index folder " + folder + ": " + error.message() +
                                            " (choose a writable --index folder)");
  }
  if (!std::filesystem::is_directory(folder)) {
    return Status(StatusCode::kIoError, "index path " + folder + " is not a folder (choose another --index)");
  }
  if (::access(folder.c_str(), W_OK) != 0) {
    return Status(StatusCode::kIoError, "index folder " + folder + " is not writable (" + std::strerror(errno) +
                                            "): fix its permissions or choose another --index");
  }
  return Status::Ok();
}

// What a set must be to be written: versions with a document, a language and a
// content hash, the pivot without an alignment.
Status CheckVersions(const std::vector<IndexVersion>& versions) {
  if (versions.empty()) return Status(StatusCode::kInvalidArgument, "no document versions to index");
  for (std::size_t k = 0; k < versions.size(); ++k) {
    const IndexVersion& version = versions[k];
    if (version.document == nullptr) return Status(StatusCode::kInvalidArgument, "a document version is missing");
    const std::string& path = version.document->path;
    if (!version.document->language) {
      return Status(StatusCode::kInvalidArgument, path + ": language unknown, cannot index it");
    }
    if (version.content_hash.empty() || version.content_hash.find(':') != std::string::npos) {
      return Status(StatusCode::kInvalidArgument, path + ": content hash missing or containing ':'");
    }
    if (k == 0 && version.alignment != nullptr) {
      return Status(StatusCode::kInvalidArgument, path + ": the pivot version carries an alignment");
    }
  }
  return Status::Ok();
}

}  // namespace

struct IndexWriter::Impl {
  Xapian::WritableDatabase db;
  TextAnalyzer analyzer;
  Impl(Xapian::WritableDatabase database, ChineseTerms chinese) : db(std::move(database)), analyzer(chinese) {}
};

IndexWriter::IndexWriter(std::string folder, std::unique_ptr<Impl> impl)
    : folder_(std::move(folder)), impl_(std::move(impl)) {}

IndexWriter::~IndexWriter() {
  try {
    impl_->db.close();
  } catch (const Xapian::Error&) {
    // Every transaction was committed or cancelled already; closing only releases the lock.
  }
}

std::size_t SegmentEntries(const Document& document) {
  std::size_t segments = 0;
  for (const Paragraph& paragraph : document.paragraphs) segments += std::max<std::size_t>(1, paragraph.segments.size());
  return segments;
}

namespace {

// The index's shard (kMetaShard) against the one asked for; records it in
// an index with no entries yet.
Status CheckShard(Xapian::WritableDatabase& db, const std::string& folder, const std::string& asked) {
  const std::string stored = db.get_metadata(std::string(kMetaShard));
  if (stored == asked) return Status::Ok();
  if (stored.empty() && db.get_doccount() == 0) {
    db.set_metadata(std::string(kMetaShard), asked);
    db.commit();
    return Status::Ok();
  }
  std::string message = "index " + folder;
  if (stored.empty()) {
    message += " is not sharded (it holds " + std::to_string(db.get_doccount()) +
               " entries written without --shard): write shard " + asked + " into a new --index folder";
  } else if (asked.empty()) {
    message += " is shard " + stored + ": pass --shard " + stored + " to add to it, or ingest into another --index folder";
  } else {
    message += " is shard " + stored + ", not " + asked + ": write shard " + asked +
               " into its own --index folder (or pass --shard " + stored + " to add to this one)";
  }
  return Status(StatusCode::kInvalidArgument, message);
}

}  // namespace

Status IndexWriter::Open(const std::string& folder, const IndexWriterOptions& options,
                         std::unique_ptr<IndexWriter>* writer) {
  if (Status status = CheckFolder(folder); !status.ok()) return status;
  try {
    Xapian::WritableDatabase db(folder, Xapian::DB_CREATE_OR_OPEN);  // holds the lock: no other writer
    // A damaged index is not written into, and an ingest that finds
    // nothing changed must not say all is well: unless its files are as
    // the last write left them, the whole index is checked first.
    if (db.get_doccount() > 0 && ReadWholeFile(StampPath(folder)) != FilesStamp(folder)) {
      std::ostringstream ignored;
      if (const std::size_t errors = Xapian::Database::check(folder, 0, &ignored); errors > 0) {
        return Status(StatusCode::kDamaged, index_internal::DamagedIndexMessage(folder, std::to_string(errors) +
                                                                                    " errors found by Xapian's check"));
      }
      RecordStamp(folder);
    }
    ChineseTerms chinese = options.chinese;
    const std::string version = db.get_metadata(std::string(kMetaSchemaVersion));
    if (version.empty()) {
      db.set_metadata(std::string(kMetaSchema), SchemaJson());
      db.set_metadata(std::string(kMetaSchemaVersion), std::to_string(kIndexSchemaVersion));
      db.set_metadata(std::string(kMetaChineseTerms), std::string(ChineseTermsName(chinese)));
      db.commit();
    } else if (version != std::to_string(kIndexSchemaVersion)) {
      return Status(StatusCode::kInvalidArgument, "index " + folder + " has schema version " + version +
                                                      ", this build writes " + std::to_string(kIndexSchemaVersion) +
                                                      " (ingest into a new --index folder)");
    } else if (auto stored = ChineseTermsFromName(db.get_metadata(std::string(kMetaChineseTerms)))) {
      chinese = *stored;
    }
    if (Status status = CheckShard(db, folder, options.shard); !status.ok()) return status;
    writer->reset(new IndexWriter(folder, std::make_unique<Impl>(std::move(db), chinese)));
    return Status::Ok();
  } catch (const Xapian::DatabaseLockError&) {
    return Status(StatusCode::kIoError, "index is locked by another writer: " + folder +
                                            " (wait for the other `sextant ingest` to finish)");
  } catch (const Xapian::DatabaseOpeningError& error) {
    return Status(StatusCode::kDamaged, "cannot open index " + folder + ": " + error.get_msg() +
                                            " (is it a Sextant index? delete it or choose another --index)");
  } catch (const Xapian::Error& error) {
    return XapianFailure(folder, error);
  }
}

std::size_t IndexWriter::entry_count() const { return impl_->db.get_doccount(); }

std::optional<IndexWriter::IndexedVersion> IndexWriter::Indexed(const std::string& path,
                                                                const std::string& content_hash) const {
  return IndexedByKey(PathKey(path), content_hash);
}

std::optional<IndexWriter::IndexedVersion> IndexWriter::IndexedByKey(const std::string& path_key,
                                                                     const std::string& content_hash) const try {
  const std::string identity = BooleanTerm(term_prefix::kIdentity, content_hash + ":d");
  const std::string path_term = BooleanTerm(term_prefix::kPath, path_key);
  for (auto it = impl_->db.postlist_begin(identity); it != impl_->db.postlist_end(identity); ++it) {
    const Xapian::Document entry = impl_->db.get_document(*it);
    Xapian::TermIterator term = entry.termlist_begin();
    term.skip_to(path_term);
    if (term == entry.termlist_end() || *term != path_term) continue;
    const auto data = nlohmann::json::parse(entry.get_data(), nullptr, false);
    if (data.is_discarded()) continue;
    IndexedVersion version;
    version.symbol = data.value("symbol", "");
    version.pages = data.value("pages", std::size_t{0});
    version.segments = data.value("segments", std::size_t{0});
    return version;
  }
  return std::nullopt;
} catch (const Xapian::Error&) {
  return std::nullopt;  // read again: the write that follows reports what is wrong with the index
}

Status IndexWriter::AddDocumentSet(const std::vector<IndexVersion>& versions, AddCounts* counts) {
  std::vector<SetOutcome> outcomes;
  const Status status = AddDocumentSets({versions}, &outcomes);
  *counts = outcomes.empty() ? AddCounts() : outcomes[0].counts;
  if (!status.ok()) return status;
  return outcomes[0].status;
}

namespace {

// Everything one set puts into the index, built before the write (needs no
// database; one TextAnalyzer per thread), and what the write needs of its
// versions.
struct BuiltSet {
  Status status;                        // of CheckVersions: a set that fails has no entries
  std::vector<VersionFields> versions;  // the paths and hashes whose old entries go
  std::vector<Xapian::Document> entries;
  AddCounts counts;
};

BuiltSet BuildSet(const std::vector<IndexVersion>& versions, const TextAnalyzer& analyzer) {
  BuiltSet out;
  out.status = CheckVersions(versions);
  if (!out.status.ok()) return out;
  const std::string set_id = versions[0].content_hash.substr(0, 16);
  for (std::size_t k = 0; k < versions.size(); ++k) {
    const IndexVersion& version = versions[k];
    out.versions.push_back(FieldsOf(version));
    const VersionFields& fields = out.versions.back();
    const std::vector<Unit> units = UnitsOf(*version.document);
    const auto parallel = ParallelUnits(version, k == 0, units.size(), set_id);
    const auto scores = LinkScores(version, k == 0, units.size());
    for (std::size_t n = 0; n < units.size(); ++n) {
      out.entries.push_back(SegmentEntry(units[n], n, fields, parallel[n], scores[n], analyzer, *version.document->language));
    }
    out.entries.push_back(DocumentEntry(*version.document, units, fields));
    index_internal::AddRecommendationEntries(
        *version.document, fields.hash, analyzer,
        [&fields](Xapian::Document& entry) {
          AddCommon(entry, fields);
          std::string date_order = fields.order.empty() ? "00000000" : fields.order;
          date_order.resize(8, '0');
          entry.add_value(kSlotDateOrder, date_order + fields.symbol);
        },
        out.entries);
    out.counts.segments += units.size();
    out.counts.recommendations += version.document->recommendations.size();
    ++out.counts.documents;
  }
  return out;
}

// Inside a transaction: the entries of the versions indexed before from
// other files (same symbol and language) deleted, each named in `replaced`.
void DeleteOtherFiles(Xapian::WritableDatabase& db, const VersionFields& fields, std::vector<std::string>* replaced) {
  if (fields.symbol.empty()) return;
  const std::string own_path = BooleanTerm(term_prefix::kPath, fields.path_key);
  const std::string path_prefix = BooleanTerm(term_prefix::kPath, "");
  const std::vector<Xapian::Query> terms{Xapian::Query(BooleanTerm(term_prefix::kKind, "document")),
                                         Xapian::Query(BooleanTerm(term_prefix::kSymbol, fields.symbol)),
                                         Xapian::Query(BooleanTerm(term_prefix::kLanguage, fields.language))};
  const Xapian::Query same_version(Xapian::Query::OP_AND, terms.begin(), terms.end());
  Xapian::Enquire enquire(db);
  enquire.set_query(same_version);
  std::vector<std::string> other_paths;
  for (const Xapian::Document& entry : index_internal::AllMatches(enquire, 16)) {
    Xapian::TermIterator term = entry.termlist_begin();
    term.skip_to(path_prefix);
    if (term == entry.termlist_end() || (*term).rfind(path_prefix, 0) != 0 || *term == own_path) continue;
    other_paths.push_back(*term);
    const auto data = nlohmann::json::parse(entry.get_data(), nullptr, false);
    const std::string old_path = data.is_discarded() ? std::string("another file") : data.value("path", "another file");
    replaced->push_back(fields.path + " replaces " + old_path + " as the " + fields.language + " version of " +
                        fields.symbol + " (one file a version: the file ingested last is kept; ingest the document's other versions with it to align "
                        "them to it)");
  }
  for (const std::string& path_term : other_paths) db.delete_document(path_term);
}

std::vector<BuiltSet> BuildSets(const std::vector<std::vector<IndexVersion>>& sets, const TextAnalyzer& analyzer) {
  std::vector<BuiltSet> out;
  out.reserve(sets.size());
  for (const std::vector<IndexVersion>& versions : sets) out.push_back(BuildSet(versions, analyzer));
  return out;
}

// Inside a transaction: the old entries of the versions' paths and hashes
// deleted (and those of other files holding the same versions), `entries`
// (built by BuildSet) added.
void WriteSet(Xapian::WritableDatabase& db, const std::vector<VersionFields>& versions,
              std::vector<Xapian::Document>& entries, std::vector<std::string>* replaced) {
  for (const VersionFields& fields : versions) {
    db.delete_document(BooleanTerm(term_prefix::kPath, fields.path_key));
    db.delete_document(BooleanTerm(term_prefix::kContentHash, fields.hash));
    DeleteOtherFiles(db, fields, replaced);
  }
  for (Xapian::Document& entry : entries) db.add_document(entry);
  entries.clear();
  entries.shrink_to_fit();
}

}  // namespace

struct BuiltSets::Impl {
  std::vector<BuiltSet> sets;
};

BuiltSets::BuiltSets() : impl_(std::make_unique<Impl>()) {}
BuiltSets::~BuiltSets() = default;
BuiltSets::BuiltSets(BuiltSets&&) noexcept = default;
BuiltSets& BuiltSets::operator=(BuiltSets&&) noexcept = default;
std::size_t BuiltSets::size() const { return impl_ ? impl_->sets.size() : 0; }

SetBuilder::SetBuilder(ChineseTerms chinese) : analyzer_(chinese) {}
SetBuilder::~SetBuilder() = default;

BuiltSets SetBuilder::Build(const std::vector<std::vector<IndexVersion>>& sets) const {
  BuiltSets built;
  built.impl_->sets = BuildSets(sets, analyzer_);
  return built;
}

ChineseTerms IndexWriter::chinese() const { return impl_->analyzer.chinese(); }

Status IndexWriter::AddDocumentSets(const std::vector<std::vector<IndexVersion>>& sets,
                                    std::vector<SetOutcome>* outcomes) {
  BuiltSets built;
  built.impl_->sets = BuildSets(sets, impl_->analyzer);
  return WriteBuiltSets(built, outcomes);
}

Status IndexWriter::WriteBuiltSets(BuiltSets& built, std::vector<SetOutcome>* outcomes) {
  std::vector<BuiltSet> sets;
  if (built.impl_) sets.swap(built.impl_->sets);
  outcomes->assign(sets.size(), SetOutcome());
  Xapian::WritableDatabase& db = impl_->db;
  for (std::size_t s = 0; s < sets.size(); ++s) (*outcomes)[s].status = sets[s].status;
  bool in_transaction = false;
  std::size_t entries = 0;
  try {
    for (std::size_t s = 0; s < sets.size(); ++s) {
      SetOutcome& outcome = (*outcomes)[s];
      if (!outcome.status.ok()) continue;
      // Read inside the transaction, this sees the sets written before it.
      bool all_indexed = true;
      for (const VersionFields& version : sets[s].versions) {
        all_indexed = all_indexed && IndexedByKey(version.path_key, version.hash).has_value();
      }
      if (all_indexed) {
        outcome.counts.unchanged = true;
        sets[s].entries = {};
        continue;
      }
      if (!in_transaction) {
        db.begin_transaction();
        in_transaction = true;
      }
      entries += sets[s].entries.size();
      WriteSet(db, sets[s].versions, sets[s].entries, &outcome.replaced);
      outcome.counts = sets[s].counts;
    }
    if (!in_transaction) return Status::Ok();
    if (Status room = CheckRoom(folder_, entries); !room.ok()) {
      db.cancel_transaction();
      for (SetOutcome& outcome : *outcomes) outcome = {room, AddCounts(), {}};
      return room;
    }
    db.commit_transaction();
    RecordStamp(folder_);
    return Status::Ok();
  } catch (const Xapian::Error& error) {
    if (in_transaction) {
      try {
        db.cancel_transaction();
      } catch (const Xapian::Error&) {
        // The transaction is gone with the failure; nothing of it was committed.
      }
    }
    const Status failure = XapianFailure(folder_, error);
    for (SetOutcome& outcome : *outcomes) outcome = {failure, AddCounts(), {}};
    return failure;
  }
}

}  // namespace sextant
