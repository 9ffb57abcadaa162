// Status: the outcome of an operation that can fail because of its input or
// environment (a corrupt PDF, an unreadable file), as opposed to a programming
// error, which is an assertion. A Status carries a stable code that scripts
// can test and a one-line message that names the file and what to do.
//
// Thread-safety: a value type; no shared state.
#pragma once

#include <string>
#include <string_view>
#include <utility>

namespace sextant {

enum class StatusCode {
  kOk,
  kNotFound,       // the file does not exist or cannot be opened
  kNotPdf,         // the file is not a PDF at all
  kDamaged,        // a PDF that Poppler cannot parse (truncated, corrupt)
  kEncrypted,      // a PDF locked by a password
  kNoTextLayer,    // an image-only scan: nothing to extract without OCR
  kUnreadableText, // a text layer that is no text (a font mapping glyphs wrong), and no OCR
  kEmpty,          // a PDF with text but no body text left after cleaning
  kInvalidArgument,
  kIoError,
  kOutOfMemory,    // a stage ran out of memory on this document
  kInternal,       // a stage failed in a way it should not (a bug: report it)
  kNoSpace,        // the disk (or quota) holding the output is full
  kCancelled,      // not done: the run stopped before it (after a failure that ends it)
  kUnavailable,    // a shard of the index (a remote server) does not answer
};

// The stable short name of a code, as printed in JSON and error lines.
std::string_view StatusCodeName(StatusCode code);

class Status {
 public:
  Status() = default;  // ok
  Status(StatusCode code, std::string message)
      : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // "<code>: <message>", for logs and error lines.
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

}  // namespace sextant
