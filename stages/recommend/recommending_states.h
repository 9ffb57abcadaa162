// The recommending States of a review report's recommendation: the
// parenthesis that closes it, "… to justice (Austria, Czech Republic);",
// read as one name per State, in any of the six languages:
//   "(Austria, Czech Republic)"                → Austria | Czech Republic
//   "(Bolivia (Plurinational State of) and Brazil)" → two names
//   "(Bosnia and Herzegovina)"                 → one name (a known compound)
//   "(Норвегия и Австрия)", "（挪威、奥地利）", "(النرويج والنمسا)"
// and whether a parenthesis in running text is such a list at all, rather
// than "(CEDAW)", "(2008–2015)" or "(see para. 12)".
//
// Thread-safety: pure functions over constant tables.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sextant {

// A parenthesis in a text, "(…)" or the full-width "（…）": byte offsets
// of its opening bracket, of its content, and one past its closing bracket.
struct ParenthesisSpan {
  std::size_t begin = 0, inner_begin = 0, inner_end = 0, end = 0;
  std::string_view inside(std::string_view text) const {
    return text.substr(inner_begin, inner_end - inner_begin);
  }
};

// The names in a parenthesis' content, split at commas and the last "and"
// ("et", "y", "и", "、", "和", "و") outside nested parentheses; a leading
// English "the" dropped ("the Holy See" → "Holy See"). Empty when the
// content does not read as a list of States (digits, an acronym, a word
// that starts in lower case, a name of more than eight words).
std::vector<std::string> ReadStateList(std::string_view inside);

// The parenthesis that ends `text`, ignoring closing punctuation and white
// space after it ("(Norway);", "(Norway).", "(Norway), and"), when it is a
// list of States.
std::optional<ParenthesisSpan> ClosingStateList(std::string_view text);

// Every parenthesis of `text` at the outer level (nested ones belong to
// their parent), in order. A "(" left open ends the scan.
std::vector<ParenthesisSpan> OuterParentheses(std::string_view text);

}  // namespace sextant
