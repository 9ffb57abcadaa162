// UN document symbols: a recursive-descent parser over "/"-separated
// components of ASCII text, and a scanner that finds candidate symbols in
// running UTF-8 text, normalises a short window around each candidate
// (full-width forms, dashes, spaces) with a map back to the original bytes,
// and parses it. See symbol_tagger.h for the grammar and the parts.
#include "stages/tag/symbol_tagger.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>

namespace sextant {
namespace {

// ---------------------------------------------------------------------------
// Character normalisation

// One character of the input as the parser sees it: an ASCII character, or
// 0 for a character that cannot be part of a symbol. `len` is its length in
// bytes in the input.
struct NormChar {
  char c = 0;
  std::size_t len = 1;
};

NormChar DecodeNormalized(std::string_view text, std::size_t pos) {
  const auto byte = [&](std::size_t i) {
    return static_cast<unsigned char>(text[pos + i]);
  };
  const unsigned char b0 = byte(0);
  if (b0 < 0x80) {
    if (b0 == '\n' || b0 == '\r' || b0 == '\t') return {' ', 1};
    if (b0 < 0x20 || b0 == 0x7F) return {0, 1};
    return {static_cast<char>(b0), 1};
  }
  const std::size_t avail = text.size() - pos;
  if (b0 == 0xC2 && avail >= 2 && byte(1) == 0xA0) return {' ', 2};  // NBSP
  if (avail < 3) return {0, 1};
  const unsigned char b1 = byte(1), b2 = byte(2);
  if ((b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) return {0, 1};
  if (b0 == 0xEF && b1 == 0xBC && b2 >= 0x81) {  // U+FF01..U+FF3F
    return {static_cast<char>(b2 - 0x81 + 0x21), 3};
  }
  if (b0 == 0xEF && b1 == 0xBD && b2 <= 0x9E) {  // U+FF40..U+FF5E
    return {static_cast<char>(b2 - 0x80 + 0x60), 3};
  }
  if (b0 == 0xE2 && b1 == 0x80) {
    if (b2 <= 0x8B || b2 == 0xAF) return {' ', 3};   // U+2000..U+200B, U+202F
    if (b2 >= 0x90 && b2 <= 0x95) return {'-', 3};  // U+2010..U+2015 dashes
  }
  if (b0 == 0xE2 && b1 == 0x88 && b2 == 0x92) return {'-', 3};  // U+2212
  if (b0 == 0xE3 && b1 == 0x80 && b2 == 0x80) return {' ', 3};  // U+3000
  return {0, 1};
}

// A normalised window of the input: chars[i] comes from the input bytes
// [offsets[i], offsets[i + 1]).
struct NormText {
  std::string chars;
  std::vector<std::size_t> offsets;
};

// With `running` (running text), the window also ends at the first word
// after a space unless the space follows "/" or "-" (a line break inside a
// symbol) or the word opens with "(" (a year or part): nothing else in a
// symbol follows a space.
NormText NormalizeWindow(std::string_view text, std::size_t begin,
                         std::size_t max_chars, bool running) {
  NormText out;
  std::size_t pos = begin;
  char before_space = 0;  // the last character before a run of spaces
  bool in_parens = false;  // "(Part I)" holds a space
  while (pos < text.size() && out.chars.size() < max_chars) {
    const NormChar nc = DecodeNormalized(text, pos);
    if (nc.c == 0) break;
    if (nc.c == '(' || nc.c == ')') in_parens = nc.c == '(';
    if (in_parens) {
      before_space = 0;
    } else if (running && nc.c == ' ') {
      if (before_space == 0 && !out.chars.empty()) before_space = out.chars.back();
    } else if (before_space != 0) {
      if (before_space != '/' && before_space != '-' && nc.c != '(') break;
      before_space = 0;
    }
    out.chars.push_back(nc.c);
    out.offsets.push_back(pos);
    pos += nc.len;
  }
  out.offsets.push_back(pos);
  return out;
}

// ---------------------------------------------------------------------------
// Tables

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsAlnum(char c) { return IsDigit(c) || IsUpper(c) || IsLower(c); }

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), IsDigit);
}

template <std::size_t N>
bool InList(const std::array<std::string_view, N>& list, std::string_view s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

constexpr std::array<std::string_view, 46> kSingleRoots = {
    "A",     "S",     "E",     "ST",    "T",     "TD",    "UNEP",  "DP",
    "CEDAW", "CERD",  "CCPR",  "CRC",   "CAT",   "CRPD",  "CMW",   "CED",
    "LC",    "FCCC",  "UNW",   "UNICEF", "ICCD", "CD",    "ISBA",  "ITLOS",
    "SPLOS", "LOS",   "NPT",   "UNCTAD", "ID",   "IDB",   "PBC",   "JIU",
    "HSP",   "ECE",   "APLC",  "CCW",   "BWC",   "UNITAR", "ACC",  "ATT",
    "HRI",   "SPT",   "CBD",   "IPBES", "UNODC", "DPI"};

// Two-component special roots, written "first/second".
constexpr std::array<std::string_view, 13> kCompoundRoots = {
    "CTOC/COP", "CAC/COSP", "E/ESCWA", "E/ECWA", "E/ECE",  "E/ESCAP", "E/ECA",
    "E/ECLAC",  "E/ICEF",   "DP/FPA",  "DP/OPS", "A/HRC", "E/CEPAL"};

// Types written "X.N", carrying the document number.
constexpr std::array<std::string_view, 14> kDottedTypes = {
    "L", "PV", "SR", "CRP", "INF", "WP", "R", "Misc", "MISC", "CP", "NGO",
    "RES", "Res", "BP"};

// Types written as a component of their own, followed by more components.
constexpr std::array<std::string_view, 6> kSlashTypes = {
    "RES", "DEC", "PRST", "Agenda", "INF", "NGO"};

// Modifiers "Name.N" in their canonical spelling (matched ignoring case).
constexpr std::array<std::string_view, 6> kModifiers = {
    "Add", "Corr", "Rev", "Amend", "Supp", "Suppl"};

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const char x = IsUpper(a[i]) ? static_cast<char>(a[i] - 'A' + 'a') : a[i];
    const char y = IsUpper(b[i]) ? static_cast<char>(b[i] - 'A' + 'a') : b[i];
    if (x != y) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------
// Components

// "434", "19-20": a document number.
bool IsNumber(std::string_view s) {
  if (s.size() > 13) return false;
  const std::size_t dash = s.find('-');
  if (dash == std::string_view::npos) return AllDigits(s) && s.size() <= 6;
  return AllDigits(s.substr(0, dash)) && AllDigits(s.substr(dash + 1)) &&
         dash <= 6 && s.size() - dash - 1 <= 6;
}

// "ES-10", "S-35": a special or emergency special session.
bool IsSpecialSession(std::string_view s) {
  const std::size_t dash = s.find('-');
  if (dash == std::string_view::npos || dash == 0 || dash > 2) return false;
  for (std::size_t i = 0; i < dash; ++i) {
    if (!IsUpper(s[i])) return false;
  }
  const std::string_view digits = s.substr(dash + 1);
  return AllDigits(digits) && digits.size() <= 3;
}

// "HRC", "ITA": an upper-case word; "C.3", "Sub.2", "CONF.192", "C.I":
// a word followed by dotted parts.
bool IsSimpleBody(std::string_view s) {
  if (s.empty() || !IsUpper(s[0])) return false;
  const std::size_t dot = s.find('.');
  if (dot == std::string_view::npos) {
    return s.size() <= 12 &&
           std::all_of(s.begin(), s.end(),
                       [](char c) { return IsUpper(c) || IsDigit(c); });
  }
  if (dot > 10) return false;
  for (std::size_t i = 1; i < dot; ++i) {
    if (!IsUpper(s[i]) && !IsLower(s[i])) return false;
  }
  // The token reader guarantees alphanumerics around every dot.
  return std::all_of(s.begin() + dot, s.end(),
                     [](char c) { return IsAlnum(c) || c == '.'; });
}

// "L.10" → type "L", number "10".
struct DottedType {
  std::string_view type, number;
};
std::optional<DottedType> AsDottedType(std::string_view s) {
  const std::size_t dot = s.find('.');
  if (dot == std::string_view::npos) return std::nullopt;
  const std::string_view type = s.substr(0, dot), number = s.substr(dot + 1);
  if (!InList(kDottedTypes, type) || !IsNumber(number)) return std::nullopt;
  return DottedType{type, number};
}

// "Add.1", "ADD.1" → "Add.1"; "Summary".
std::optional<std::string> AsModifier(std::string_view s) {
  if (EqualsIgnoreCase(s, "Summary")) return std::string("Summary");
  const std::size_t dot = s.find('.');
  if (dot == std::string_view::npos || !IsNumber(s.substr(dot + 1))) {
    return std::nullopt;
  }
  for (std::string_view name : kModifiers) {
    if (EqualsIgnoreCase(s.substr(0, dot), name)) {
      return std::string(name) + std::string(s.substr(dot));
    }
  }
  return std::nullopt;
}

// A body, or bodies joined by "-": "SD-WOM", "WG.4-WOM".
bool IsBody(std::string_view s) {
  std::size_t dash;
  while ((dash = s.find('-')) != std::string_view::npos) {
    if (!IsSimpleBody(s.substr(0, dash))) return false;
    s.remove_prefix(dash + 1);
  }
  return IsSimpleBody(s);
}

// "XXV": a Roman numeral from I to LXXXIX, written the canonical way.
bool IsRomanSession(std::string_view s) {
  constexpr std::array<std::string_view, 9> kTens = {
      "", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX"};
  constexpr std::array<std::string_view, 10> kUnits = {
      "", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};
  for (std::string_view tens : kTens) {
    if (!s.starts_with(tens)) continue;
    const std::string_view rest = s.substr(tens.size());
    if (!rest.empty() && InList(kUnits, rest)) return true;
    if (rest.empty() && !tens.empty()) return true;
  }
  return false;
}

bool IsYear(std::string_view s) {
  if (s.size() != 4 || !AllDigits(s)) return false;
  const int year = std::stoi(std::string(s));
  return year >= 1945 && year <= 2099;
}

// True when a root and "/" start at `pos`: "S/2025/632" after the "-" of
// a joint symbol.
bool RootFollows(std::string_view s, std::size_t pos) {
  std::size_t end = pos;
  while (end < s.size() && IsUpper(s[end])) ++end;
  if (end == pos || end >= s.size() || s[end] != '/') return false;
  const std::string_view root = s.substr(pos, end - pos);
  return InList(kSingleRoots, root) || root == "CTOC" || root == "CAC";
}

// Length of the component token at `pos`: alphanumerics, with "." between
// alphanumerics, "-" before a digit ("ES-10", "19-20") or before an
// upper-case word that is not a root ("SD-WOM", "WG.4-WOM"); a "-" before
// a root and "/" joins the members of a joint symbol.
std::size_t TokenLength(std::string_view s, std::size_t pos) {
  std::size_t i = pos;
  while (i < s.size()) {
    const char c = s[i];
    const bool next_alnum = i + 1 < s.size() && IsAlnum(s[i + 1]);
    const bool next_digit = i + 1 < s.size() && IsDigit(s[i + 1]);
    const bool next_word = i > pos && i + 1 < s.size() && IsUpper(s[i + 1]) &&
                           IsAlnum(s[i - 1]) && !RootFollows(s, i + 1);
    if (IsAlnum(c) || (i > pos && c == '.' && next_alnum) ||
        (i > pos && c == '-' && (next_digit || next_word))) {
      ++i;
    } else {
      break;
    }
  }
  return i - pos;
}

std::size_t SkipSpaces(std::string_view s, std::size_t pos, std::size_t max) {
  std::size_t n = 0;
  while (pos < s.size() && s[pos] == ' ' && n < max) {
    ++pos;
    ++n;
  }
  return pos;
}

struct Component {
  std::string_view text;  // as printed; for a part, its number: "II"
  std::size_t end = 0;    // just after the token
  bool spaced = false;    // printed after "/ " (a line break)
  bool attached = false;  // "(Part II)", glued to the component before
  std::string_view label;    // of an attached modifier: "Part", "Sect."
  std::string_view session;  // "16" of a body "COP(16)"; empty when none
};

// "(16)" at `pos`: the length, and the session number ("16") in `number`;
// 0 when there is none. A four-digit year "(2025)" is not a session.
std::size_t SessionLength(std::string_view s, std::size_t pos,
                          std::string_view* number) {
  if (pos >= s.size() || s[pos] != '(') return 0;
  std::size_t i = pos + 1;
  while (i < s.size() && IsDigit(s[i]) && i - pos <= 3) ++i;
  if (i == pos + 1 || i >= s.size() || s[i] != ')') return 0;
  *number = s.substr(pos + 1, i - pos - 1);
  return i + 1 - pos;
}

// A part "(Part II)", "(PARTII)", "(part 2)", "(Part.I)" or a budget
// section "(Sect. 3)", "(SECT.29A)" at `pos`: the length, the canonical
// label ("Part", "Sect.") in `label` and the number ("II", "29A") in
// `number`; 0 when there is none.
std::size_t ParenModifierLength(std::string_view s, std::size_t pos,
                                std::string_view* label,
                                std::string_view* number) {
  if (pos + 6 > s.size() || s[pos] != '(') return 0;
  const bool part = EqualsIgnoreCase(s.substr(pos + 1, 4), "part");
  if (!part && !EqualsIgnoreCase(s.substr(pos + 1, 4), "sect")) return 0;
  std::size_t i = pos + 5;
  if (s[i] == '.') ++i;
  i = SkipSpaces(s, i, 1);
  const std::size_t start = i;
  if (part) {
    while (i < s.size() && i - start < 6 &&
           (IsDigit(s[i]) || s[i] == 'I' || s[i] == 'V' || s[i] == 'X')) {
      ++i;
    }
  } else {
    while (i < s.size() && i - start < 3 && IsDigit(s[i])) ++i;
    if (i > start && i < s.size() && IsUpper(s[i])) ++i;  // "Sect. 29A"
  }
  if (i == start || i >= s.size() || s[i] != ')') return 0;
  *label = part ? "Part" : "Sect.";
  *number = s.substr(start, i - start);
  return i + 1 - pos;
}

// The parts of components [first, last) after the root, and their
// normalised text ("/L.1/Add.2"); nullopt when they are not a core ending
// with a number, followed by modifiers.
struct Core {
  std::vector<TagPart> parts;
  std::string text;
};
std::optional<Core> CoreParts(const std::vector<Component>& comps,
                              std::size_t first, std::size_t last) {
  std::size_t core_end = last;
  std::vector<std::pair<std::string, bool>> modifiers;  // and attached
  while (core_end > first) {
    const Component& comp = comps[core_end - 1];
    if (!comp.session.empty()) break;
    std::optional<std::string> modifier =
        comp.attached ? std::string(comp.label) + " " + std::string(comp.text)
                      : AsModifier(comp.text);
    if (!modifier) break;
    modifiers.emplace_back(std::move(*modifier), comp.attached);
    --core_end;
  }
  if (core_end == first) return std::nullopt;
  Core core;
  std::vector<TagPart>& parts = core.parts;
  for (std::size_t i = first; i < core_end; ++i) {
    if (comps[i].attached) return std::nullopt;
    core.text += '/';
    core.text += comps[i].text;
    if (!comps[i].session.empty()) {
      core.text += "(" + std::string(comps[i].session) + ")";
    }
  }
  // ESCWA meeting reports end ".../WG.3/Report" or ".../12/Report".
  const bool report = EqualsIgnoreCase(comps[core_end - 1].text, "Report") &&
                      comps[core_end - 1].session.empty();
  if (report) {
    core.text.resize(core.text.size() - 6);
    core.text += "Report";
    if (--core_end == first) return std::nullopt;
  }
  const std::size_t numbered_end =
      report && !IsNumber(comps[core_end - 1].text) ? core_end + 1 : core_end;
  for (std::size_t i = first; i + 1 < numbered_end; ++i) {
    const std::string_view t = comps[i].text;
    if (AllDigits(t) && t.size() <= 4) {
      parts.push_back({IsYear(t) ? "year" : "session", std::string(t)});
    } else if (IsSpecialSession(t)) {
      parts.push_back({"session", std::string(t)});
    } else if (!comps[i].session.empty()) {
      if (!IsBody(t)) return std::nullopt;
      parts.push_back({"body", std::string(t)});
      parts.push_back({"session", std::string(comps[i].session)});
    } else if (InList(kSlashTypes, t)) {
      parts.push_back({"type", std::string(t)});
    } else if (IsBody(t)) {
      parts.push_back({"body", std::string(t)});
    } else {
      return std::nullopt;
    }
  }
  const std::string_view number = comps[core_end - 1].text;
  if (numbered_end != core_end) {
    // A report with no number: its last component was classified above.
  } else if (!comps[core_end - 1].session.empty()) {
    return std::nullopt;  // "COP(16)" is not a document number
  } else if (IsNumber(number)) {
    parts.push_back({"number", std::string(number)});
  } else if (std::optional<DottedType> dotted = AsDottedType(number)) {
    parts.push_back({"type", std::string(dotted->type)});
    parts.push_back({"number", std::string(dotted->number)});
  } else {
    return std::nullopt;
  }
  if (report) parts.push_back({"type", "Report"});
  for (auto it = modifiers.rbegin(); it != modifiers.rend(); ++it) {
    if (it->second) {
      core.text += " (" + it->first + ")";
    } else {
      core.text += '/' + it->first;
    }
    parts.push_back({"modifier", std::move(it->first)});
  }
  return core;
}

// ---------------------------------------------------------------------------
// Parser

struct Member {
  std::size_t end = 0;  // in the normalised text
  std::string normalized;
  std::vector<TagPart> parts;
};

// `exact`: the text is one symbol (ParseSymbol), so spaces are allowed
// around "/", before "*" and "("; otherwise (running text) only a short run
// of spaces after "/", as a line break leaves.
class SymbolParser {
 public:
  SymbolParser(std::string_view s, bool exact) : s_(s), exact_(exact) {}

  std::optional<ParsedSymbol> ParseAt(std::size_t pos, std::size_t* end);

 private:
  std::optional<Member> ParseMember(std::size_t pos) const;
  std::vector<Component> ReadComponents(std::size_t pos) const;
  std::size_t Spaces(std::size_t pos) const {
    return SkipSpaces(s_, pos, exact_ ? s_.size() : 3);
  }
  void ParseSuffixes(Member& member) const;

  std::string_view s_;
  bool exact_;
};

// The "/"-separated components after the root ending at `pos`.
std::vector<Component> SymbolParser::ReadComponents(std::size_t pos) const {
  std::vector<Component> comps;
  while (comps.size() < 24) {
    const std::size_t slash = exact_ ? SkipSpaces(s_, pos, s_.size()) : pos;
    if (slash >= s_.size() || s_[slash] != '/') break;
    const std::size_t start = Spaces(slash + 1);
    const std::size_t length = TokenLength(s_, start);
    if (length == 0) break;
    comps.push_back({s_.substr(start, length), start + length, start > slash + 1, false, {}, {}});
    pos = start + length;
    const std::size_t paren = SkipSpaces(s_, pos, exact_ ? s_.size() : 1);
    std::string_view label, number;
    if (const std::size_t part = ParenModifierLength(s_, paren, &label, &number)) {
      comps.push_back({number, paren + part, false, true, label, {}});
      pos = paren + part;
    } else if (const std::size_t session = SessionLength(s_, paren, &number);
               session != 0 && IsBody(comps.back().text)) {
      // "ICCD/COP(16)/1": the session of the body it is glued to.
      comps.back().session = number;
      comps.back().end = pos = paren + session;
    }
  }
  return comps;
}

std::optional<Member> SymbolParser::ParseMember(std::size_t pos) const {
  std::size_t root_end = pos;
  while (root_end < s_.size() && IsUpper(s_[root_end]) && root_end - pos <= 10) {
    ++root_end;
  }
  if (root_end == pos) return std::nullopt;
  const std::vector<Component> comps = ReadComponents(root_end);
  std::string root(s_.substr(pos, root_end - pos));
  std::size_t first = 0;
  if (!comps.empty() && comps[0].session.empty() &&
      InList(kCompoundRoots, root + "/" + std::string(comps[0].text))) {
    root += "/" + std::string(comps[0].text);
    first = 1;
  } else if (!InList(kSingleRoots, root)) {
    return std::nullopt;
  }
  // A placeholder such as "A/80/___" is not a symbol.
  const std::size_t after = comps.empty() ? root_end : comps.back().end;
  if (!exact_ && after + 1 < s_.size() && s_[after] == '/' &&
      s_[after + 1] != ' ') {
    return std::nullopt;
  }
  // The longest run of components that parses; in running text it may stop
  // short only where a line-break space follows a "/".
  for (std::size_t last = comps.size(); last > first; --last) {
    if (last < comps.size() && (exact_ || !comps[last].spaced)) continue;
    std::optional<Core> core = CoreParts(comps, first, last);
    if (!core) continue;
    Member member;
    member.end = comps[last - 1].end;
    member.normalized = root + core->text;
    member.parts.push_back({"root", root});
    for (TagPart& part : core->parts) member.parts.push_back(std::move(part));
    ParseSuffixes(member);
    return member;
  }
  return std::nullopt;
}

// A reissue "*" and, for resolutions, a parenthesised year.
void SymbolParser::ParseSuffixes(Member& member) const {
  std::size_t pos = exact_ ? Spaces(member.end) : member.end;
  std::size_t stars = 0;
  while (pos + stars < s_.size() && s_[pos + stars] == '*' && stars < 3) ++stars;
  if (stars > 0) {
    member.end = pos + stars;
    const std::string reissue(stars, '*');
    member.normalized += reissue;
    member.parts.push_back({"reissue", reissue});
  }
  const bool resolution =
      std::any_of(member.parts.begin(), member.parts.end(), [](const TagPart& p) {
        return p.name == "type" && (p.value == "RES" || p.value == "PRST");
      });
  if (!resolution) return;
  pos = exact_ ? Spaces(member.end) : SkipSpaces(s_, member.end, 1);
  if (pos + 6 <= s_.size() && s_[pos] == '(' && s_[pos + 5] == ')' &&
      IsYear(s_.substr(pos + 1, 4))) {
    member.end = pos + 6;
    member.normalized += " (" + std::string(s_.substr(pos + 1, 4)) + ")";
    member.parts.push_back({"year", std::string(s_.substr(pos + 1, 4))});
    return;
  }
  // The session of an older resolution, in Roman numerals:
  // "A/RES/2625(XXV)", "E/ESCWA/RES/174(XV)".
  if (pos >= s_.size() || s_[pos] != '(') return;
  const std::size_t end = s_.find(')', pos);
  if (end != std::string_view::npos && end - pos <= 8 &&
      IsRomanSession(s_.substr(pos + 1, end - pos - 1))) {
    const std::string session(s_.substr(pos + 1, end - pos - 1));
    member.end = end + 1;
    member.normalized += " (" + session + ")";
    member.parts.push_back({"session", session});
  }
}

std::optional<ParsedSymbol> SymbolParser::ParseAt(std::size_t pos,
                                                  std::size_t* end) {
  std::optional<Member> first = ParseMember(pos);
  if (!first) return std::nullopt;
  ParsedSymbol symbol{std::move(first->normalized), std::move(first->parts)};
  *end = first->end;
  for (int members = 1; members < 4; ++members) {
    std::size_t dash = exact_ ? Spaces(*end) : *end;
    if (dash >= s_.size() || s_[dash] != '-') break;
    std::optional<Member> next = ParseMember(Spaces(dash + 1));
    if (!next) break;
    symbol.normalized += "-" + next->normalized;
    symbol.parts.push_back({"joint", next->normalized});
    for (TagPart& part : next->parts) symbol.parts.push_back(std::move(part));
    *end = next->end;
  }
  return symbol;
}

// ---------------------------------------------------------------------------
// Scanning running text

// Length of a "/" (ASCII or full-width "／") at `pos`, or 0.
std::size_t SlashAt(std::string_view text, std::size_t pos) {
  if (text[pos] == '/') return 1;
  if (static_cast<unsigned char>(text[pos]) == 0xEF && pos + 2 < text.size() &&
      static_cast<unsigned char>(text[pos + 1]) == 0xBC &&
      static_cast<unsigned char>(text[pos + 2]) == 0x8F) {
    return 3;
  }
  return 0;
}

// The start of the root before the slash at `slash`: a run of upper-case
// letters (ASCII or full-width) not glued to another letter, digit or dot;
// `slash` itself when there is none.
std::size_t RootStart(std::string_view text, std::size_t slash,
                      std::size_t floor) {
  std::size_t pos = slash;
  while (pos > floor) {
    const auto b = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    if (IsUpper(text[pos - 1])) {
      --pos;
    } else if (pos - floor >= 3 && b(pos - 3) == 0xEF && b(pos - 2) == 0xBC &&
               b(pos - 1) >= 0xA1 && b(pos - 1) <= 0xBA) {
      pos -= 3;
    } else {
      break;
    }
    if (slash - pos > 30) return slash;
  }
  if (pos == slash || pos == floor) return pos;
  // Glued to a lower-case letter, digit or dot ("undocs.org/", "xA/"):
  // not a root.
  const char before = text[pos - 1];
  if (IsAlnum(before) || before == '.') return slash;
  const unsigned char b1 = static_cast<unsigned char>(before);
  if (pos >= floor + 3 && static_cast<unsigned char>(text[pos - 3]) == 0xEF) {
    const unsigned char b2 = static_cast<unsigned char>(text[pos - 2]);
    const bool fullwidth_alnum = (b2 == 0xBC && ((b1 >= 0x90 && b1 <= 0x99) ||
                                                 b1 == 0x8E)) ||
                                 (b2 == 0xBD && b1 >= 0x81 && b1 <= 0x9A);
    if (fullwidth_alnum) return slash;
  }
  return pos;
}

}  // namespace

std::optional<ParsedSymbol> ParseSymbol(std::string_view text) {
  const NormText norm = NormalizeWindow(text, 0, text.size(), /*running=*/false);
  if (norm.offsets.back() != text.size()) return std::nullopt;
  std::string_view s = norm.chars;
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  SymbolParser parser(s, /*exact=*/true);
  std::size_t end = 0;
  std::optional<ParsedSymbol> symbol = parser.ParseAt(0, &end);
  if (!symbol || end != s.size()) return std::nullopt;
  return symbol;
}

std::vector<Tag> FindSymbols(std::string_view text) {
  constexpr std::size_t kWindow = 160;  // longer than any real symbol
  std::vector<Tag> tags;
  std::size_t floor = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t slash_length = SlashAt(text, pos);
    if (slash_length == 0) {
      ++pos;
      continue;
    }
    const std::size_t start = RootStart(text, pos, floor);
    if (start < pos) {
      const NormText norm = NormalizeWindow(text, start, kWindow, /*running=*/true);
      SymbolParser parser(norm.chars, /*exact=*/false);
      std::size_t end = 0;
      if (std::optional<ParsedSymbol> symbol = parser.ParseAt(0, &end)) {
        Tag tag;
        tag.kind = TagKind::kSymbol;
        tag.begin = start;
        tag.end = norm.offsets[end];
        tag.value = std::move(symbol->normalized);
        tag.parts = std::move(symbol->parts);
        floor = pos = tag.end;
        tags.push_back(std::move(tag));
        continue;
      }
    }
    pos += slash_length;
  }
  return tags;
}

}  // namespace sextant
