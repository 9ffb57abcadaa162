// The files of the search page (serve/web/), built into the binary at
// build time by embed_web.cmake so that `sextant serve` needs nothing
// beside it. Generated: web_assets.cc is written into the build folder.
//
// Thread-safety: constant data.
#pragma once

#include <span>
#include <string_view>

namespace sextant {

struct WebAsset {
  std::string_view path;          // "/", "/app.js", "/style.css"
  std::string_view content_type;  // "text/html; charset=utf-8"
  std::string_view body;
};

std::span<const WebAsset> WebAssets();

}  // namespace sextant
