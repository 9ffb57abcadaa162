#include "cli/index_flags.h"

#include "cli/commands.h"

namespace sextant::cli {

void AddIndexFlags(Flags& flags, IndexShards* where) {
  flags.Custom(
      "--index", "DIR",
      [where](const std::string& folder) {
        where->folders.push_back(folder);
        return std::string();
      },
      "the index folder (default ./sextant-index); given again, shards\n"
      "searched as one index (docs/scale.md)");
  flags.Custom(
      "--remote", "HOST:PORT",
      [where](const std::string& remote) {
        std::string host;
        unsigned port = 0;
        const std::string problem = ParseRemote(remote, &host, &port);
        if (problem.empty()) where->remotes.push_back(remote);
        return problem.empty() ? problem : std::string("takes HOST:PORT (a xapian-tcpsrv server)");
      },
      "a shard served by xapian-tcpsrv; repeatable, and with --index");
  flags.Switch("--partial-results", &where->partial_results,
               "when a shard does not answer, answer from the others and name it");
}

void UseDefaultIndex(IndexShards* where) {
  if (where->count() == 0) where->folders.push_back(kDefaultIndex);
}

}  // namespace sextant::cli
