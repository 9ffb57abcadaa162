#include "stages/layout/own_symbol_check.h"

#include <algorithm>
#include <set>
#include <utility>

#include "pipeline/unicode_text.h"
#include "stages/layout/furniture.h"

namespace sextant {
namespace {

// Upper-cased code points, spaces left out, trailing dashes and specks off.
std::u32string Folded(std::string_view text) {
  std::u32string folded;
  for (std::size_t pos = 0; pos < text.size();) {
    const char32_t c = NextCodePoint(text, pos);
    if (c == ' ' || c == 0xA0) continue;
    folded += (c >= 'a' && c <= 'z') ? c - 'a' + 'A' : c;
  }
  while (!folded.empty() && (folded.back() == '-' || folded.back() == 0x2013 ||
                             folded.back() == 0x2014 || folded.back() == '~')) {
    folded.pop_back();
  }
  return folded;
}

// Insertions, deletions and substitutions that turn `a` into `b`.
std::size_t EditDistance(const std::u32string& a, const std::u32string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// True when the masthead's reading holds `member`, alone or in a joint
// symbol ("A/80/434-S/2025/632" holds S/2025/632).
bool MastheadHolds(const std::vector<std::string>& masthead_symbols, const std::string& member) {
  for (const std::string& symbol : masthead_symbols) {
    if (symbol == member || symbol.starts_with(member + "-") || symbol.ends_with("-" + member) ||
        symbol.find("-" + member + "-") != std::string::npos) {
      return true;
    }
  }
  return false;
}

}  // namespace

bool PrintedLike(std::string_view printed, std::string_view symbol) {
  const std::u32string a = Folded(printed);
  const std::u32string b = Folded(symbol);
  if (a.size() < 5 || b.empty()) return false;
  if (std::count(a.begin(), a.end(), U'/') != std::count(b.begin(), b.end(), U'/')) return false;
  // A length gap alone is that many edits: no need to count them.
  const std::size_t allowed = std::max<std::size_t>(1, b.size() / 6);
  if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > allowed) return false;
  return EditDistance(a, b) <= allowed;
}

std::optional<SymbolCorrection> CorrectByRunningHeads(const OwnSymbolPrints& prints) {
  // Each symbol, on how many later pages its head prints it, in the order
  // first printed; a page whose OCR misread it does not print it.
  std::vector<std::pair<std::string, int>> pages_printing;
  for (const std::vector<std::string>& head : prints.running_heads) {
    for (const std::string& symbol : std::set<std::string>(head.begin(), head.end())) {
      auto known = std::find_if(pages_printing.begin(), pages_printing.end(),
                                [&](const auto& entry) { return entry.first == symbol; });
      if (known == pages_printing.end()) {
        pages_printing.emplace_back(symbol, 1);
      } else {
        ++known->second;
      }
    }
  }
  std::vector<std::string> heads;
  int pages = 0;
  for (const auto& [symbol, count] : pages_printing) {
    if (2 * count <= static_cast<int>(prints.running_heads.size())) continue;
    heads.push_back(symbol);
    pages = std::max(pages, count);
  }
  if (heads.empty()) return std::nullopt;

  // A member of the heads that the masthead misread: not among its
  // symbols, but printed like one of its texts.
  std::string misread, read_as;
  for (const std::string& member : heads) {
    if (MastheadHolds(prints.masthead_symbols, member)) continue;
    for (const std::string& text : prints.masthead_texts) {
      if (PrintedLike(text, member)) {
        misread = text;
        read_as = member;
        break;
      }
    }
    if (!misread.empty()) break;
  }
  if (misread.empty()) return std::nullopt;

  SymbolCorrection correction{heads, {}};
  for (const std::string& symbol : prints.masthead_symbols) {
    const bool replaced = std::any_of(heads.begin(), heads.end(), [&](const std::string& member) {
      return member == symbol || PrintedLike(symbol, member);
    });
    if (!replaced && !MastheadHolds(heads, symbol)) correction.symbols.push_back(symbol);
  }
  correction.note = "the masthead's \"" + FoldWhitespace(misread) + "\" read as " + read_as +
                    ", as the running heads of " + std::to_string(pages) + " of " +
                    std::to_string(prints.running_heads.size()) + " later pages print it";
  return correction;
}

std::optional<std::string> SymbolFromFileName(std::string_view path) {
  std::string name(path.substr(path.find_last_of('/') + 1));
  const auto letters = [&](std::size_t from) {
    return from < name.size() && std::all_of(name.begin() + from, name.end(), [](char c) {
             return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
           });
  };
  // The extension (".pdf"), then the language suffix ("-EN", "_fr"); not
  // the dotted end of a symbol ("SR.985") or its number ("_10").
  if (const std::size_t dot = name.rfind('.'); dot != std::string::npos && letters(dot + 1)) {
    name.resize(dot);
  }
  if (const std::size_t sep = name.find_last_of("-_");
      sep != std::string::npos && name.size() - sep == 3 && letters(sep + 1)) {
    name.resize(sep);
  }
  if (name.find('_') == std::string::npos) return std::nullopt;
  std::replace(name.begin(), name.end(), '_', '/');
  return NormalizeSymbol(name);
}

}  // namespace sextant
