#include "pipeline/status.h"

namespace sextant {

std::string_view StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return "ok";
    case StatusCode::kNotFound: return "not_found";
    case StatusCode::kNotPdf: return "not_pdf";
    case StatusCode::kDamaged: return "damaged";
    case StatusCode::kEncrypted: return "encrypted";
    case StatusCode::kNoTextLayer: return "no_text_layer";
    case StatusCode::kUnreadableText: return "unreadable_text";
    case StatusCode::kEmpty: return "empty";
    case StatusCode::kInvalidArgument: return "invalid_argument";
    case StatusCode::kIoError: return "io_error";
    case StatusCode::kOutOfMemory: return "out_of_memory";
    case StatusCode::kInternal: return "internal";
    case StatusCode::kNoSpace: return "no_space";
    case StatusCode::kCancelled: return "cancelled";
    case StatusCode::kUnavailable: return "unavailable";
  }
  return "unknown";
}

std::string Status::ToString() const {
  if (ok()) return "ok";
  return std::string(StatusCodeName(code_)) + ": " + message_;
}

}  // namespace sextant
