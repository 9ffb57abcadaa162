// RecordReader: reads whole records back out of a Sextant index (schema in
// index/schema.h): one language version of a document with its segments in
// order, and the sentence alignment between two language versions, rebuilt
// from the parallel-unit (XP) terms the writer gave aligned segments.
// IndexSearcher finds passages; RecordReader shows the documents they are in.
//
// A document is named by its own symbol, or by the content hash of one of
// its files when it has none (SearchHit::content_hash). Its language
// versions are the document entries with that symbol (or, for a hash, the
// one file); when two files share a symbol and language, the one indexed
// first is read.
//
// Alignment: two segments are linked when they share a parallel-unit term;
// a link is a connected group of such segments (so 1–2, 2–1 and 2–2 come
// back as they were written, also between two non-pivot versions, whose
// links compose through the pivot). A segment sharing no term is a 1–0 or
// 0–1 link. Links are ordered by their first source segment, then target.
// A link's score is the lowest confidence of the pivot links it was made
// of (the writer keeps each aligned segment's in its data; 1 when an older
// index has none), 0 for 1–0 / 0–1; weak regions are found as the aligner
// finds them (stages/align/sentence_aligner.h).
//
// Contract: Open() fails like IndexSearcher::Open(); Read*() give kNotFound
// with a message naming the symbol and the language when there is no such
// version, kIoError when Xapian fails.
//
// Thread-safety: one RecordReader per thread (it holds a Xapian database).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "index/index_shards.h"
#include "pipeline/alignment.h"
#include "pipeline/language.h"
#include "pipeline/status.h"

namespace sextant {

struct RecordSegment {
  std::size_t index = 0;      // 0-based through the version (= alignment unit)
  std::size_t paragraph = 0;  // 0-based paragraph of the version
  std::string agenda_item;    // "1(a)", or empty
  int page = 0;
  bool recommendation = false;
  double link_score = -1;     // confidence of its link with the pivot; -1: the pivot's own, or unknown
  std::string text;
};

struct RecordVersion {
  Language language = Language::kEnglish;
  std::string path, date, content_hash;
  int pages = 0;
  std::size_t segments = 0;
};

struct RecordDocument {
  std::string symbol;
  RecordVersion version;                   // the one read
  std::vector<RecordVersion> versions;     // every language version indexed, in language order
  std::vector<RecordSegment> segments;     // of `version`, in order
  std::vector<std::string> agenda_items;   // in order of first appearance
};

struct RecordAlignment {
  RecordDocument source, target;
  Alignment alignment;  // links into source.segments / target.segments
};

class RecordReader {
 public:
  static Status Open(const std::string& folder, std::unique_ptr<RecordReader>* reader);
  // Several shards read as one (index/index_shards.h): a document set lies
  // whole in one shard.
  static Status Open(const IndexShards& where, std::unique_ptr<RecordReader>* reader);
  ~RecordReader();
  RecordReader(const RecordReader&) = delete;
  RecordReader& operator=(const RecordReader&) = delete;

  // `id` is an own symbol or a content hash. ListVersions gives the symbol
  // and the language versions only (kNotFound when there are none).
  Status ListVersions(const std::string& id, std::string* symbol, std::vector<RecordVersion>* versions);
  Status ReadDocument(const std::string& id, Language language, RecordDocument* document);
  Status ReadAlignment(const std::string& id, Language source, Language target, RecordAlignment* alignment);

  // Sees what writers committed since Open() (or the last Reopen()).
  Status Reopen();

 private:
  struct Impl;
  explicit RecordReader(std::unique_ptr<Impl> impl);
  Status ReadVersions(const std::string& id, std::vector<RecordVersion>* versions, std::string* symbol);
  // ReadDocument(), and each segment's parallel-unit terms when asked.
  Status ReadVersion(const std::string& id, Language language, RecordDocument* document,
                     std::vector<std::vector<std::string>>* parallel_units);
  Status ReadVersionOnce(const std::string& id, Language language, RecordDocument* document,
                         std::vector<std::vector<std::string>>* parallel_units);
  Status ReadSegments(const RecordVersion& version, std::vector<RecordSegment>* segments,
                      std::vector<std::vector<std::string>>* parallel_units);

  std::unique_ptr<Impl> impl_;
};

}  // namespace sextant
