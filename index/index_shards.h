// IndexShards: where an index is. One folder (the usual case), or several
// Xapian databases searched as one: local folders and shards served by
// Xapian's remote backend (`xapian-tcpsrv --port P FOLDER` on another
// machine, named here as HOST:PORT). Search, records and history over the
// shards equal those over one index holding the same sets (Xapian combines
// the term statistics), when every document set lies whole in one shard,
// as `sextant ingest --shard K/N` writes them.
//
// Contract: a shard that cannot be opened or does not answer fails the
// search with kUnavailable naming it (HOST:PORT or the folder) and the way
// out; with `partial_results` the others answer and the missing shard is
// named in the result instead. Every shard must have this build's schema
// and the same way of indexing Chinese (checked when opened).
//
// Thread-safety: a plain value.
#pragma once

#include <string>
#include <vector>

namespace sextant {

struct IndexShards {
  std::vector<std::string> folders;  // local index folders
  std::vector<std::string> remotes;  // "HOST:PORT" of xapian-tcpsrv servers
  // A shard that is down is left out (and named) instead of failing.
  bool partial_results = false;

  static IndexShards Folder(std::string folder) { return IndexShards{{std::move(folder)}, {}, false}; }
  std::size_t count() const { return folders.size() + remotes.size(); }
  // Each shard's name, folders first: the folder as given, or "HOST:PORT".
  std::vector<std::string> Names() const;
  // For messages: the one folder, or "3 shards (a, b, host:9000)".
  std::string Describe() const;
  // Where the index keeps its stored lexicons (the word pairs ingest
  // learned, stages/align/lexicon_file.h): FOLDER/lexicon of each local
  // shard. A remote shard's lexicon is not reached.
  std::vector<std::string> LexiconFolders() const;
};

// "HOST:PORT" → host and port (1–65535); "" when it parses, else what is
// wrong ("--remote takes HOST:PORT, not 'x'").
std::string ParseRemote(const std::string& remote, std::string* host, unsigned* port);

}  // namespace sextant
