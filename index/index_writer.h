// IndexWriter: writes extracted, segmented, tagged documents into a Xapian
// database (schema in index/schema.h and index/README.md): one Xapian
// document per segment and one per language version, aligned segments of
// the versions of one document sharing parallel-unit (XP) terms.
//
// Contract:
//  - Open() creates the folder and the database when missing, writes the
//    schema and its version into the metadata, and fails with a Status that
//    names the folder and what to do: unwritable folder, "index is locked by
//    another writer" (Xapian::DatabaseLockError), corrupt index, a schema
//    version this build does not write, another shard (IndexWriterOptions::
//    shard).
//  - AddDocumentSet() takes ALL the language versions of one document
//    (versions[0] is the pivot; every other version carries the pivot→it
//    DocumentAlignment, or none) and writes them inside ONE Xapian
//    transaction, so a crash leaves either the old entries or the new ones,
//    never half a document. When every version's content hash is already
//    indexed under its path it is a no-op; otherwise the old entries of
//    those paths and hashes are deleted and the whole set written again.
//  - Changes are durable after AddDocumentSet() returns ok (each transaction
//    is committed).
//  - AddDocumentSets() writes many sets in ONE transaction, each set as
//    AddDocumentSet() would (whole, or a no-op when unchanged). Xapian
//    merges each term's postings into its tables once per commit, so a
//    commit per set re-reads the same B-tree blocks set after set: one
//    commit for many small sets is several times faster. A kill before it
//    returns leaves none of the batch (an ingest run again writes it); a
//    set that fails the checks is left out with its own status; a Xapian
//    error cancels the whole batch.
//
//  - The entries a set makes (terms, values, data) can be built ahead, on
//    another thread, by a SetBuilder: WriteBuiltSets() then only writes
//    them, as AddDocumentSets() would (which builds and writes). An ingest
//    builds the next batch while Xapian writes this one.
//
// Thread-safety: one IndexWriter is used by one thread at a time (Xapian
// allows one writer per database; a second process or object gets the lock
// error). Extraction, alignment and SetBuilder (one per thread) can run in
// parallel with it.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "index/schema.h"
#include "pipeline/alignment.h"
#include "pipeline/document.h"
#include "pipeline/status.h"

namespace sextant {

struct IndexVersion {
  const Document* document = nullptr;  // extracted, segmented, tagged; has a language
  std::string content_hash;            // of the file's bytes (any stable hex digest)
  // Pivot (versions[0]) → this version, over sentences counted through the
  // documents as AlignableFromDocument() counts them. Null for the pivot,
  // or when the version is not aligned (it then gets no XP terms).
  const DocumentAlignment* alignment = nullptr;
};

// The segment entries a document makes in the index: one per sentence, and
// one for each paragraph without sentences (as AlignableFromDocument counts).
std::size_t SegmentEntries(const Document& document);

struct AddCounts {
  std::size_t documents = 0;  // language versions written
  std::size_t segments = 0;   // segment entries written
  std::size_t recommendations = 0;  // recommendation records written
  bool unchanged = false;     // every version was already indexed: nothing written
};

struct IndexWriterOptions {
  // How Chinese is indexed in a NEW index; an existing index keeps the way
  // recorded in its metadata (the searcher reads it from there).
  ChineseTerms chinese = ChineseTerms::kBigrams;
  // "K/N" to write shard K of N (ingest/shard.h), empty for an unsharded
  // index. Recorded in a new (empty) index's metadata (kMetaShard); Open()
  // refuses an index recorded as another shard, or as unsharded when it
  // holds entries, or as a shard when none is asked: the message says
  // which it is and what to pass.
  std::string shard;
};

// The entries of a batch of document sets, built (SetBuilder::Build) and
// not yet written (IndexWriter::WriteBuiltSets). It holds what the write
// needs of each version (path, content hash, symbol, language), no pointer
// into the documents: they may be freed once it is built.
class BuiltSets {
 public:
  BuiltSets();
  ~BuiltSets();
  BuiltSets(BuiltSets&&) noexcept;
  BuiltSets& operator=(BuiltSets&&) noexcept;
  std::size_t size() const;  // sets

 private:
  friend class IndexWriter;
  friend class SetBuilder;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Builds the entries of document sets for one index (IndexWriter::chinese()
// says how that index cuts Chinese), on any thread: one builder a thread.
class SetBuilder {
 public:
  explicit SetBuilder(ChineseTerms chinese);
  ~SetBuilder();
  SetBuilder(const SetBuilder&) = delete;
  SetBuilder& operator=(const SetBuilder&) = delete;
  // Each set as AddDocumentSets() takes it; a set that fails the checks
  // carries its status to the write, and no entries.
  BuiltSets Build(const std::vector<std::vector<IndexVersion>>& sets) const;

 private:
  TextAnalyzer analyzer_;
};

class IndexWriter {
 public:
  static Status Open(const std::string& folder, const IndexWriterOptions& options,
                     std::unique_ptr<IndexWriter>* writer);
  ~IndexWriter();
  IndexWriter(const IndexWriter&) = delete;
  IndexWriter& operator=(const IndexWriter&) = delete;

  Status AddDocumentSet(const std::vector<IndexVersion>& versions, AddCounts* counts);

  struct SetOutcome {
    Status status;  // this set's checks (or the batch's Xapian failure)
    AddCounts counts;
    // One file, one version of a document: a version indexed before from
    // another file (same own symbol and language) is replaced by the one
    // written now. Each line names both files.
    std::vector<std::string> replaced;
  };
  // Returns the Xapian failure that cancelled the batch, else ok; each set's
  // own outcome is in `outcomes` (one per set, in order).
  Status AddDocumentSets(const std::vector<std::vector<IndexVersion>>& sets, std::vector<SetOutcome>* outcomes);
  // The same, for sets built ahead (SetBuilder): what AddDocumentSets()
  // does once it has built them. `built` is emptied.
  Status WriteBuiltSets(BuiltSets& built, std::vector<SetOutcome>* outcomes);
  // How this index cuts Chinese: what a SetBuilder for it is made with.
  ChineseTerms chinese() const;

  // What the index holds of the file at `path` with `content_hash` (its
  // document entry), or nullopt: lets `sextant ingest` skip reading files
  // that are indexed already, and find the other versions of a changed one.
  struct IndexedVersion {
    std::string symbol;
    std::size_t pages = 0, segments = 0;
  };
  std::optional<IndexedVersion> Indexed(const std::string& path, const std::string& content_hash) const;

  // Xapian documents (segments + documents) in the database.
  std::size_t entry_count() const;
  const std::string& folder() const { return folder_; }

 private:
  struct Impl;
  IndexWriter(std::string folder, std::unique_ptr<Impl> impl);
  std::optional<IndexedVersion> IndexedByKey(const std::string& path_key, const std::string& content_hash) const;

  std::string folder_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sextant
