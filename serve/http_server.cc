#include "serve/http_server.h"

#include <httplib.h>

#include "serve/web_assets.h"

namespace sextant {
namespace {

// The page loads only its own script and style; nothing inline runs.
constexpr const char* kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

void CommonHeaders(httplib::Response& response) {
  response.set_header("X-Content-Type-Options", "nosniff");
  response.set_header("Referrer-Policy", "no-referrer");
}

}  // namespace

HttpServer::HttpServer(SearchApi& api, HttpServerOptions options)
    : api_(api), options_(std::move(options)), server_(std::make_unique<httplib::Server>()) {
  const int threads = std::max(1, options_.threads);
  server_->new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<std::size_t>(threads)); };
  // SO_REUSEADDR only: cpp-httplib's default adds SO_REUSEPORT, with which
  // a second server on a taken port starts without a word and shares it.
  server_->set_socket_options([](socket_t socket) {
    const int yes = 1;
    setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  server_->set_tcp_nodelay(true);  // headers and body go out at once: no 40 ms Nagle/delayed-ACK stall
  server_->set_payload_max_length(64 * 1024);
  server_->set_keep_alive_max_count(1000);
  server_->set_read_timeout(10);
  server_->set_write_timeout(10);

  server_->Get("/api/.*", [this](const httplib::Request& request, httplib::Response& response) {
    ApiRequest api_request{request.path, {}};
    for (const auto& [name, value] : request.params) api_request.params[name] = value;
    const ApiResponse answer = api_.Handle(api_request);
    CommonHeaders(response);
    response.set_header("Cache-Control", "no-store");
    if (!answer.download_name.empty()) {
      response.set_header("Content-Disposition", "attachment; filename=\"" + answer.download_name + "\"");
    }
    response.status = answer.status;
    response.set_content(answer.body, answer.content_type.c_str());
  });
  for (const WebAsset& asset : WebAssets()) {
    server_->Get(std::string(asset.path), [asset](const httplib::Request&, httplib::Response& response) {
      CommonHeaders(response);
      response.set_header("Content-Security-Policy", kContentSecurityPolicy);
      response.set_content(asset.body.data(), asset.body.size(), std::string(asset.content_type).c_str());
    });
  }
  const auto not_allowed = [](const httplib::Request&, httplib::Response& response) {
    CommonHeaders(response);
    response.status = 405;
    response.set_header("Allow", "GET, HEAD");
    response.set_content(R"({"error":"the server is read-only: only GET and HEAD are answered"})",
                         "application/json; charset=utf-8");
  };
  server_->Post(".*", not_allowed);
  server_->Put(".*", not_allowed);
  server_->Delete(".*", not_allowed);
  server_->Patch(".*", not_allowed);
  server_->set_error_handler([](const httplib::Request& request, httplib::Response& response) {
    if (!response.body.empty()) return;
    CommonHeaders(response);
    if (response.status == 404) {
      response.set_content("no page " + request.path + " here; the search page is at /\n",
                           "text/plain; charset=utf-8");
    }
  });
}

HttpServer::~HttpServer() = default;

Status HttpServer::Bind() {
  if (options_.port == 0) {
    port_ = server_->bind_to_any_port(options_.bind);
    if (port_ > 0) return Status::Ok();
  } else if (server_->bind_to_port(options_.bind, options_.port)) {
    port_ = options_.port;
    return Status::Ok();
  }
  return Status(StatusCode::kIoError, "cannot listen on " + options_.bind + ":" + std::to_string(options_.port) +
                                          " (is the port taken, or the address not this machine's? try --port 0 "
                                          "for any free port)");
}

std::string HttpServer::url() const {
  const bool ipv6 = options_.bind.find(':') != std::string::npos;
  return "http://" + (ipv6 ? "[" + options_.bind + "]" : options_.bind) + ":" + std::to_string(port_) + "/";
}

bool HttpServer::Listen() { return server_->listen_after_bind(); }

void HttpServer::Stop() { server_->stop(); }

}  // namespace sextant
