// HttpServer: `sextant serve` over HTTP. The one owner of cpp-httplib in
// Sextant: it binds (loopback by default), runs a pool of worker threads,
// hands /api/* to SearchApi and serves the page's files (web/, built into
// the binary by embed_web.cmake) with a strict Content-Security-Policy, so
// that no script can run but the page's own.
//
// Only GET and HEAD are answered (405 otherwise): the server writes nothing.
// Every response carries X-Content-Type-Options: nosniff; JSON errors come
// from SearchApi; unknown paths outside /api get a 404 page.
//
// Thread-safety: Listen() blocks the calling thread; Stop() may be called
// from another thread (or a test) to make it return.
#pragma once

#include <memory>
#include <string>

#include "pipeline/status.h"
#include "serve/search_api.h"

namespace httplib {
class Server;
}

namespace sextant {

struct HttpServerOptions {
  std::string bind = "127.0.0.1";
  int port = 8080;    // 0: any free port (see HttpServer::port())
  int threads = 32;   // requests served at once (one connection each)
};

class HttpServer {
 public:
  HttpServer(SearchApi& api, HttpServerOptions options);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds the socket; fails naming the address when it is taken or wrong.
  Status Bind();
  int port() const { return port_; }
  std::string url() const;
  // Serves until Stop(); false when the server failed.
  bool Listen();
  void Stop();

 private:
  SearchApi& api_;
  HttpServerOptions options_;
  int port_ = 0;
  std::unique_ptr<httplib::Server> server_;
};

}  // namespace sextant
