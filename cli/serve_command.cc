// `sextant serve`: the search page and JSON API over an index, on loopback
// unless told otherwise, until interrupted.
#include <csignal>
#include <iostream>

#include "cli/commands.h"
#include "cli/flags.h"
#include "cli/index_flags.h"
#include "serve/http_server.h"
#include "serve/search_api.h"

namespace sextant::cli {
namespace {

HttpServer* running = nullptr;

void StopOnSignal(int) {
  if (running != nullptr) running->Stop();
}

}  // namespace

int Serve(const CommandArgs& args) {
  IndexShards where;
  HttpServerOptions options;
  Flags flags("serve", "[--index DIR]... [--remote HOST:PORT]... [--port P] [--bind ADDR] [--threads N]",
              "Serves the search page and the JSON API (/api/search, /api/versions,\n"
              "/api/document, /api/alignment, /api/alignment.tmx; docs/api.md) over the\n"
              "index, read-only, until Ctrl-C.");
  AddIndexFlags(flags, &where);
  flags.Number("--port", &options.port, 0, 65535, "P", "the port (default 8080; 0: any free port, printed)");
  flags.Text("--bind", &options.bind, "ADDR", "the address to listen on (default 127.0.0.1: this machine only)");
  flags.Number("--threads", &options.threads, 1, 1024, "N", "requests served at once (default 32)");
  if (const auto exit = flags.ParseOrExit(args)) return *exit;
  if (!flags.positionals().empty()) return flags.Fail("serve takes no arguments, only options");
  UseDefaultIndex(&where);
  std::unique_ptr<SearchApi> api;
  if (const Status status = SearchApi::Open(where, &api); !status.ok()) {
    PrintProblem(status.message());
    return 1;
  }
  HttpServer server(*api, options);
  if (const Status status = server.Bind(); !status.ok()) {
    PrintProblem(status.message());
    return 1;
  }
  running = &server;
  std::signal(SIGINT, StopOnSignal);
  std::signal(SIGTERM, StopOnSignal);
  std::cout << "sextant: serving " << where.Describe() << " at " << server.url() << " (Ctrl-C stops)" << std::endl;
  const bool ok = server.Listen();
  running = nullptr;
  return ok ? 0 : 1;
}

}  // namespace sextant::cli
