// TextScanner: a cursor over UTF-8 text for small hand-written matchers
// (page numbers, job numbers, list markers, symbols), which run on every
// line and would cost far more through std::regex. Each method consumes
// what it matches and returns true, or consumes nothing and returns false,
// so alternatives are tried on copies: `TextScanner t = s; if (t.X()...)`.
//
// Thread-safety: a value type over a borrowed string_view.
#pragma once

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <string_view>

#include "pipeline/unicode_text.h"

namespace sextant {

class TextScanner {
 public:
  explicit TextScanner(std::string_view text) : text_(text) {}

  bool AtEnd() const { return pos_ >= text_.size(); }
  std::size_t position() const { return pos_; }
  std::string_view rest() const { return text_.substr(pos_); }

  // The next code point without consuming it (0 at the end).
  char32_t Peek() const {
    if (AtEnd()) return 0;
    std::size_t pos = pos_;
    return NextCodePoint(text_, pos);
  }

  // Moves to byte `position` (not backwards, not past the end).
  void SeekForward(std::size_t position) {
    if (position > pos_) pos_ = std::min(position, text_.size());
  }

  // Consumes `literal` if the text continues with it.
  bool Literal(std::string_view literal) {
    if (text_.substr(pos_, literal.size()) != literal) return false;
    pos_ += literal.size();
    return true;
  }

  // Consumes one of `literals` (the first that matches).
  bool OneOf(std::initializer_list<std::string_view> literals) {
    for (std::string_view literal : literals) {
      if (Literal(literal)) return true;
    }
    return false;
  }

  // Consumes between `min` and `max` code points for which `accept` holds.
  template <typename Predicate>
  bool Many(std::size_t min, std::size_t max, Predicate accept) {
    std::size_t pos = pos_, count = 0;
    while (pos < text_.size() && count < max) {
      std::size_t next = pos;
      if (!accept(NextCodePoint(text_, next))) break;
      pos = next;
      ++count;
    }
    if (count < min) return false;
    pos_ = pos;
    return true;
  }

  bool Digits(std::size_t min, std::size_t max) {
    return Many(min, max, [](char32_t c) { return c >= '0' && c <= '9'; });
  }
  // Any run of white space, possibly empty.
  void SkipSpaces() {
    Many(0, text_.size(), [](char32_t c) { return c == ' ' || c == '\t'; });
  }
  bool Space() {
    return Many(1, text_.size(), [](char32_t c) { return c == ' ' || c == '\t'; });
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

}  // namespace sextant
