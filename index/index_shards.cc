#include "index/index_shards.h"

#include <charconv>

namespace sextant {

std::vector<std::string> IndexShards::Names() const {
  std::vector<std::string> names = folders;
  names.insert(names.end(), remotes.begin(), remotes.end());
  return names;
}

std::vector<std::string> IndexShards::LexiconFolders() const {
  std::vector<std::string> lexicons;
  for (const std::string& folder : folders) lexicons.push_back(folder + "/lexicon");
  return lexicons;
}

std::string IndexShards::Describe() const {
  const std::vector<std::string> names = Names();
  if (names.size() == 1) return names.front();
  std::string joined;
  for (const std::string& name : names) joined += (joined.empty() ? "" : ", ") + name;
  return std::to_string(names.size()) + " shards (" + joined + ")";
}

std::string ParseRemote(const std::string& remote, std::string* host, unsigned* port) {
  const std::string problem = "--remote takes HOST:PORT (a xapian-tcpsrv server), not '" + remote + "'";
  const std::size_t colon = remote.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == remote.size()) return problem;
  unsigned number = 0;
  const char* end = remote.data() + remote.size();
  const auto [stop, error] = std::from_chars(remote.data() + colon + 1, end, number);
  if (error != std::errc() || stop != end || number == 0 || number > 65535) return problem;
  *host = remote.substr(0, colon);
  if (host->size() > 2 && host->front() == '[' && host->back() == ']') *host = host->substr(1, host->size() - 2);
  *port = number;
  return "";
}

}  // namespace sextant
