// `sextant serve`: the search page and JSON API over an index, on loopback
// unless told otherwise, until interrupted.
#include <csignal>
#include <iostream>

#include "pipeline/cli/commands.h"
#include "serve/http_server.h"
#include "serve/search_api.h"

namespace sextant::cli {
namespace {

HttpServer* running = nullptr;

void StopOnSignal(int) {
  if (running != nullptr) running->Stop();
}

}  // namespace

int Serve(const std::vector<std::string>& args) {
  std::string folder = kDefaultIndex;
  HttpServerOptions options;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const bool value = i + 1 < args.size();
    if (args[i] == "--index" && value) {
      folder = args[++i];
    } else if (args[i] == "--port" && value) {
      options.port = std::atoi(args[++i].c_str());
      if (options.port < 0 || options.port > 65535 || (options.port == 0 && args[i] != "0")) {
        return Usage("--port takes a number from 0 (any free port) to 65535");
      }
    } else if (args[i] == "--bind" && value) {
      options.bind = args[++i];
    } else if (args[i] == "--threads" && value) {
      options.threads = std::atoi(args[++i].c_str());
      if (options.threads < 1 || options.threads > 1024) return Usage("--threads takes a number from 1 to 1024");
    } else {
      return Usage("unknown option " + args[i]);
    }
  }
  std::unique_ptr<SearchApi> api;
  if (const Status status = SearchApi::Open(folder, &api); !status.ok()) {
    std::cerr << "sextant: " << status.message() << '\n';
    return 1;
  }
  HttpServer server(*api, options);
  if (const Status status = server.Bind(); !status.ok()) {
    std::cerr << "sextant: " << status.message() << '\n';
    return 1;
  }
  running = &server;
  std::signal(SIGINT, StopOnSignal);
  std::signal(SIGTERM, StopOnSignal);
  std::cout << "sextant: serving " << folder << " at " << server.url() << " (Ctrl-C stops)" << std::endl;
  const bool ok = server.Listen();
  running = nullptr;
  return ok ? 0 : 1;
}

}  // namespace sextant::cli
