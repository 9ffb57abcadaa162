#include "index/record_reader.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <numeric>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "index/read_database.h"

#include "index/schema.h"

namespace sextant {
namespace {

std::string Term(std::string_view prefix, std::string_view value) { return BooleanTerm(prefix, value); }

// The terms of `entry` that start with `prefix`, prefix included.
std::vector<std::string> TermsWithPrefix(const Xapian::Document& entry, std::string_view prefix) {
  std::vector<std::string> out;
  auto term = entry.termlist_begin();
  for (term.skip_to(std::string(prefix)); term != entry.termlist_end() && (*term).starts_with(prefix); ++term) {
    out.push_back(*term);
  }
  return out;
}

// Union–find over segment nodes (source segments first, then target).
struct Groups {
  std::vector<std::size_t> parent;
  explicit Groups(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  std::size_t Find(std::size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void Join(std::size_t a, std::size_t b) { parent[Find(a)] = Find(b); }
};

// The links in reading order: those with source segments by their first
// one; a target-only link goes before the first link whose targets come
// after it.
std::vector<AlignmentLink> InReadingOrder(std::vector<AlignmentLink> links) {
  std::vector<AlignmentLink> with_source, target_only, out;
  for (AlignmentLink& link : links) (link.source.empty() ? target_only : with_source).push_back(std::move(link));
  std::sort(with_source.begin(), with_source.end(),
            [](const AlignmentLink& a, const AlignmentLink& b) { return a.source.front() < b.source.front(); });
  std::sort(target_only.begin(), target_only.end(),
            [](const AlignmentLink& a, const AlignmentLink& b) { return a.target.front() < b.target.front(); });
  std::size_t next = 0;
  for (AlignmentLink& link : with_source) {
    while (!link.target.empty() && next < target_only.size() && target_only[next].target.front() < link.target.front()) {
      out.push_back(std::move(target_only[next++]));
    }
    out.push_back(std::move(link));
  }
  while (next < target_only.size()) out.push_back(std::move(target_only[next++]));
  return out;
}

}  // namespace

struct RecordReader::Impl {
  index_internal::ShardedDatabase shards;
  const Xapian::Database& db() const { return shards.db(); }
};

RecordReader::RecordReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

RecordReader::~RecordReader() = default;

Status RecordReader::Open(const std::string& folder, std::unique_ptr<RecordReader>* reader) {
  return Open(IndexShards::Folder(folder), reader);
}

Status RecordReader::Open(const IndexShards& where, std::unique_ptr<RecordReader>* reader) {
  auto impl = std::make_unique<Impl>();
  if (Status status = impl->shards.Open(where); !status.ok()) return status;
  reader->reset(new RecordReader(std::move(impl)));
  return Status::Ok();
}

Status RecordReader::Reopen() { return impl_->shards.Reopen(); }

Status RecordReader::ReadVersions(const std::string& id, std::vector<RecordVersion>* versions, std::string* symbol) {
  versions->clear();
  const Xapian::Query named(Xapian::Query::OP_OR, Xapian::Query(Term(term_prefix::kSymbol, id)),
                            Xapian::Query(Term(term_prefix::kContentHash, id)));
  Xapian::Enquire enquire(impl_->db());
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, named, Xapian::Query(Term(term_prefix::kKind, "document"))));
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  const Xapian::MSet found = enquire.get_mset(0, 64);
  std::map<int, RecordVersion> by_language;  // first indexed per language, in language order
  for (auto it = found.begin(); it != found.end(); ++it) {
    const auto data = nlohmann::json::parse(it.get_document().get_data(), nullptr, false);
    if (data.is_discarded()) continue;
    const auto language = LanguageFromCode(data.value("language", ""));
    if (!language) continue;
    RecordVersion version;
    version.language = *language;
    version.path = data.value("path", "");
    version.date = data.value("date", "");
    version.content_hash = data.value("hash", "");
    version.pages = data.value("pages", 0);
    version.segments = data.value("segments", std::size_t{0});
    if (symbol->empty()) *symbol = data.value("symbol", "");
    by_language.emplace(static_cast<int>(*language), std::move(version));
  }
  for (auto& [order, version] : by_language) versions->push_back(std::move(version));
  return Status::Ok();
}

Status RecordReader::ReadSegments(const RecordVersion& version, std::vector<RecordSegment>* segments,
                                  std::vector<std::vector<std::string>>* parallel_units) {
  segments->clear();
  if (parallel_units) parallel_units->clear();
  Xapian::Enquire enquire(impl_->db());
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(Term(term_prefix::kContentHash, version.content_hash)),
                                  Xapian::Query(Term(term_prefix::kKind, "segment"))));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_sort_by_value(kSlotSegment, false);
  const std::string recommendation = Term(term_prefix::kRecommendation, "yes");
  for (const Xapian::Document& entry : index_internal::AllMatches(enquire, version.segments + 1)) {
    const auto data = nlohmann::json::parse(entry.get_data(), nullptr, false);
    if (data.is_discarded()) continue;
    RecordSegment segment;
    segment.index = data.value("segment", std::size_t{0});
    segment.paragraph = data.value("paragraph", std::size_t{0});
    segment.agenda_item = data.value("agenda_item", "");
    segment.page = data.value("page", 0);
    segment.text = data.value("text", "");
    segment.link_score = data.value("link_score", -1.0);
    const auto flags = TermsWithPrefix(entry, term_prefix::kRecommendation);
    segment.recommendation = std::find(flags.begin(), flags.end(), recommendation) != flags.end();
    segments->push_back(std::move(segment));
    if (parallel_units) parallel_units->push_back(TermsWithPrefix(entry, term_prefix::kParallel));
  }
  return Status::Ok();
}

Status RecordReader::ListVersions(const std::string& id, std::string* symbol, std::vector<RecordVersion>* versions) {
  const Status read = impl_->shards.WithRetry([&] {
    symbol->clear();
    try {
      return ReadVersions(id, versions, symbol);
    } catch (const Xapian::Error& error) {
      return impl_->shards.Failure("reading", error);
    }
  });
  if (!read.ok()) return read;
  if (versions->empty()) return Status(StatusCode::kNotFound, "no document " + id + " in index " + impl_->shards.name());
  return Status::Ok();
}

Status RecordReader::ReadDocument(const std::string& id, Language language, RecordDocument* document) {
  return ReadVersion(id, language, document, nullptr);
}

Status RecordReader::ReadVersion(const std::string& id, Language language, RecordDocument* document,
                                 std::vector<std::vector<std::string>>* parallel_units) {
  return impl_->shards.WithRetry([&] { return ReadVersionOnce(id, language, document, parallel_units); });
}

Status RecordReader::ReadVersionOnce(const std::string& id, Language language, RecordDocument* document,
                                     std::vector<std::vector<std::string>>* parallel_units) {
  *document = RecordDocument();
  try {
    if (Status status = ReadVersions(id, &document->versions, &document->symbol); !status.ok()) return status;
    const auto wanted = std::find_if(document->versions.begin(), document->versions.end(),
                                     [&](const RecordVersion& v) { return v.language == language; });
    if (wanted == document->versions.end()) {
      const std::string what = document->versions.empty() ? "no document " + id
                                                           : "no " + std::string(Code(language)) + " version of " + id;
      return Status(StatusCode::kNotFound, what + " in index " + impl_->shards.name());
    }
    document->version = *wanted;
    if (Status status = ReadSegments(document->version, &document->segments, parallel_units); !status.ok()) {
      return status;
    }
    for (const RecordSegment& segment : document->segments) {
      if (!segment.agenda_item.empty() &&
          std::find(document->agenda_items.begin(), document->agenda_items.end(), segment.agenda_item) ==
              document->agenda_items.end()) {
        document->agenda_items.push_back(segment.agenda_item);
      }
    }
    return Status::Ok();
  } catch (const Xapian::Error& error) {
    return impl_->shards.Failure("reading", error);
  }
}

Status RecordReader::ReadAlignment(const std::string& id, Language source, Language target,
                                   RecordAlignment* alignment) {
  *alignment = RecordAlignment();
  if (source == target) {
    return Status(StatusCode::kInvalidArgument, "source and target are both " + std::string(Code(source)) +
                                                    "; name two languages");
  }
  std::vector<std::vector<std::string>> source_units, target_units;
  if (Status status = ReadVersion(id, source, &alignment->source, &source_units); !status.ok()) return status;
  if (Status status = ReadVersion(id, target, &alignment->target, &target_units); !status.ok()) return status;
  const std::size_t n = source_units.size(), m = target_units.size();
  Groups groups(n + m);
  std::map<std::string, std::size_t> first_with_unit;
  for (std::size_t node = 0; node < n + m; ++node) {
    for (const std::string& unit : node < n ? source_units[node] : target_units[node - n]) {
      const auto [at, inserted] = first_with_unit.emplace(unit, node);
      if (!inserted) groups.Join(node, at->second);
    }
  }
  std::map<std::size_t, AlignmentLink> by_root;
  for (std::size_t node = 0; node < n + m; ++node) {
    AlignmentLink& link = by_root[groups.Find(node)];
    (node < n ? link.source : link.target).push_back(node < n ? node : node - n);
  }
  std::vector<AlignmentLink> links;
  for (auto& [root, link] : by_root) {
    link.score = 0;
    if (!link.source.empty() && !link.target.empty()) {
      link.score = 1;
      for (const std::size_t k : link.source) {
        if (const double score = alignment->source.segments[k].link_score; score >= 0) link.score = std::min(link.score, score);
      }
      for (const std::size_t k : link.target) {
        if (const double score = alignment->target.segments[k].link_score; score >= 0) link.score = std::min(link.score, score);
      }
    }
    links.push_back(std::move(link));
  }
  alignment->alignment.source_language = source;
  alignment->alignment.target_language = target;
  alignment->alignment.links = InReadingOrder(std::move(links));
  alignment->alignment.weak_regions = WeakRegions(alignment->alignment.links);
  return Status::Ok();
}

}  // namespace sextant
