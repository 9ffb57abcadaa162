// The flags that say where an index is, the same for every command that
// reads one (search, history, serve): --index DIR (repeatable: local
// shards), --remote HOST:PORT (repeatable: shards served by xapian-tcpsrv)
// and --partial-results (answer from the shards that answer).
//
// Thread-safety: used by one thread, while the command reads its flags.
#pragma once

#include "cli/flags.h"
#include "index/index_shards.h"

namespace sextant::cli {

// Declares the three flags, writing into *where.
void AddIndexFlags(Flags& flags, IndexShards* where);
// After parsing: the default folder when no --index or --remote was given.
void UseDefaultIndex(IndexShards* where);

}  // namespace sextant::cli
