#include "stages/layout/furniture.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <regex>

#include "pipeline/text_scanner.h"
#include "pipeline/unicode_text.h"
#include "stages/layout/line_builder.h"
#include "stages/layout/own_symbol_check.h"
#include "stages/tag/date_parser.h"
#include "stages/tag/ocr_symbol_repair.h"
#include "stages/tag/symbol_tagger.h"

namespace sextant {
namespace {

// Margins, as shares of the page height.
constexpr double kTopMargin = 0.13;
constexpr double kFirstPageMasthead = 0.30;
constexpr double kBottomMargin = 0.88;

constexpr std::array<std::string_view, 29> kMastheadNames{
    "united nations", "nations unies", "naciones unidas",
    "организация объединенных наций", "联合国", "الأمم المتحدة",
    "general assembly", "security council", "economic and social council",
    "assemblée générale", "conseil de sécurité",
    "conseil économique et social", "asamblea general",
    "consejo de seguridad", "consejo económico y social",
    "генеральная ассамблея", "совет безопасности",
    "экономический и социальный совет", "大会", "安全理事会",
    "经济及社会理事会", "الجمعية العامة", "مجلس الأمن",
    "المجلس الاقتصادي والاجتماعي",
    // The Organization's name set on two lines beside the emblem.
    "united", "nations", "unies", "naciones", "unidas"};

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// "A/80/434-" and "A/80/434–" without their dash; other text as it is.
std::string_view WithoutTrailingDash(std::string_view text) {
  for (std::string_view dash : {"-", "\u2013", "\u2014"}) {
    if (text.size() > dash.size() && text.ends_with(dash)) {
      return text.substr(0, text.size() - dash.size());
    }
  }
  return text;
}

// The symbols a masthead prints, each once, as one joint symbol
// ("A/49/230" and "S/1994/822" printed apart: "A/49/230-S/1994/822"); the
// first alone when they do not make one symbol together.
std::string JointSymbol(const std::vector<std::string>& symbols) {
  std::string joint;
  for (const std::string& symbol : symbols) {
    if (joint.find(symbol) != std::string::npos) continue;
    if (!joint.empty()) joint += '-';
    joint += symbol;
  }
  return NormalizeSymbol(joint).value_or(symbols.front());
}

// Splits a line where the gap between two words is wider than `ems` times
// the font size: "United Nations        A/RES/80/1" is two fragments.
std::vector<TextLine> Fragments(const TextLine& line, double ems) {
  std::vector<TextLine> out;
  std::vector<Word> current;
  for (const Word& word : line.words) {
    if (!current.empty()) {
      // Either direction: right-to-left lines list their words from the right.
      const Box& previous = current.back().box;
      const double gap = std::max(word.box.x0 - previous.x1, previous.x0 - word.box.x1);
      const double size = std::min(word.font_size, current.back().font_size);
      if (gap > ems * std::max(1.0, size)) {
        out.push_back(MakeLine(std::move(current)));
        current.clear();
      }
    }
    current.push_back(word);
  }
  if (!current.empty()) out.push_back(MakeLine(std::move(current)));
  return out;
}

// Digits replaced, white space folded: running heads that differ only by
// page number compare equal.
std::string RepeatKey(std::string_view text) {
  std::string key = FoldWhitespace(text);
  for (char& c : key) {
    if (c >= '0' && c <= '9') c = '#';
  }
  return key;
}

enum class Zone { kNone, kTop, kMasthead, kBottom };

Zone ZoneOf(const TextLine& line, const PageLines& page) {
  if (line.box.y0 > kBottomMargin * page.height) return Zone::kBottom;
  if (page.page_number == 1 && line.box.y1 < kFirstPageMasthead * page.height)
    return Zone::kMasthead;
  if (line.box.y1 < kTopMargin * page.height) return Zone::kTop;
  return Zone::kNone;
}

// What the first page's masthead says, read one fragment at a time.
struct MastheadReader {
  Furniture& furniture;
  std::vector<std::string> symbols;
  std::vector<std::string> symbol_like_texts;  // fragments holding "/", as printed
  bool distribution_pending = false;

  // True when the fragment is masthead furniture (and records what it says).
  bool Read(const TextLine& fragment, const PageLines& page) {
    const std::string text = FoldWhitespace(fragment.text);
    const std::string lower = LowerCase(text);
    if (text.find('/') != std::string::npos) symbol_like_texts.push_back(text);
    const bool right_side = fragment.box.x0 > 0.45 * page.width;
    // The first member of a joint symbol may end its line with the dash
    // ("A/80/434-" above "S/2025/632"); the members are joined below.
    if (auto symbol = NormalizeSymbol(WithoutTrailingDash(text))) {
      symbols.push_back(*symbol);
      return true;
    }
    // On a page read by OCR, a symbol misread ("СТО С/СО P/WG .4/202 2/1")
    // when it allows one reading; the masthead fragment is the symbol alone.
    if (page.ocr && text.find('/') != std::string::npos) {
      if (auto repaired = RepairOcrSymbol(WithoutTrailingDash(text), true)) {
        symbols.push_back(*repaired);
        furniture.symbol_repairs.push_back("\"" + text + "\" read as " + *repaired);
        return true;
      }
    }
    if (StartsWith(lower, "distr")) {
      // "Distr.: General", "Distr. GENERAL", or "Distr." alone.
      std::size_t start = 5;
      while (start < text.size() && (text[start] == '.' || text[start] == ':' ||
                                     text[start] == ' ')) {
        ++start;
      }
      const std::string rest = text.substr(start);
      if (!rest.empty()) furniture.distribution = rest;
      distribution_pending = rest.empty();
      return true;
    }
    if (distribution_pending && right_side && lower.size() < 16 &&
        FindDate(text) == std::nullopt) {
      furniture.distribution = text;  // "Distr." and "GENERAL" on two lines
      distribution_pending = false;
      return true;
    }
    if (ReadOriginal(text)) return true;
    if (IsMastheadName(text)) return true;
    if (right_side && LanguageFromName(text)) return true;  // "Russian"
    if (right_side) {
      if (auto date = FindDate(text);
          date && date->end - date->begin + 12 >= text.size()) {
        if (!furniture.date) furniture.date = date->iso;
        return true;
      }
    }
    // The series letters of old mastheads ("A", "S", "AS") in a large font.
    return right_side && text.size() <= 3 && fragment.font_size > 14 &&
           CountScripts(text).latin == text.size();
  }

  bool ReadOriginal(const std::string& text) {
    static const std::regex kOriginal(
        R"(^(?:Original|ORIGINAL|原文|الأصل)\s*[:：]\s*(.+)$)");
    std::smatch match;
    if (!std::regex_match(text, match, kOriginal)) return false;
    std::string name = match[1].str();
    name = name.substr(0, name.find_first_of(" /,"));
    if (StartsWith(name, "ب")) name = name.substr(2);  // Arabic "بالإنكليزية"
    if (auto language = LanguageFromName(name)) {
      furniture.original_language = language;
    } else if (auto with_article = LanguageFromName("ال" + name)) {
      furniture.original_language = with_article;
    }
    return true;
  }
};

// A fragment that is furniture wherever it sits in a margin.
// A symbol alone is a running head at the top of a page; at the foot it is
// more often a footnote that cites a document ("6 A/80/347."), and a symbol
// printed in every footer is caught by repetition instead.
//
// `superscript`: the fragment is set much smaller than the page's text, as
// footnote markers are ("11" alone on its line above its footnote); such a
// number is not a page number.
bool IsMarginFurniture(std::string_view text, Zone zone, bool superscript,
                       Furniture& furniture) {
  const std::string folded = FoldWhitespace(text);
  if (folded.empty()) return true;
  if (auto job = ParseJobNumber(folded)) {
    if (!furniture.job_number) {
      furniture.job_number = job->number;
      if (job->language_letter != 0) {
        furniture.job_language = LanguageFromJobLetter(job->language_letter);
      }
    }
    return true;
  }
  const std::string lower = LowerCase(folded);
  return (!superscript && IsPageNumber(folded)) || IsBarcodeText(folded) ||
         lower.find("please recycle") != std::string::npos ||
         (zone != Zone::kBottom && NormalizeSymbol(folded).has_value()) || folded == "/...";
}

}  // namespace

std::optional<std::string> NormalizeSymbol(std::string_view text) {
  std::optional<ParsedSymbol> symbol = ParseSymbol(text);
  if (!symbol) return std::nullopt;
  // Only a reissue mark is written "*" in a normalised symbol.
  std::erase(symbol->normalized, '*');
  return std::move(symbol->normalized);
}

std::optional<JobNumber> ParseJobNumber(std::string_view text) {
  const std::string folded = FoldWhitespace(text);
  TextScanner s(folded);
  const auto upper = [](char32_t c) { return c >= 'A' && c <= 'Z'; };
  std::string prefix_text;
  {
    // "GE." "V."; an OCR'd foot may lose the full stop ("V22-01234 (C)").
    TextScanner prefix = s;
    if (prefix.Many(1, 2, upper)) {
      const std::size_t letters_end = prefix.position();
      prefix.Literal(".");
      prefix_text = folded.substr(0, letters_end) + ".";
      s = prefix;
    }
  }
  const std::size_t number_begin = s.position();
  if (!s.Digits(2, 2) || !s.Literal("-") || !s.Digits(5, 5)) return std::nullopt;
  JobNumber job{prefix_text + folded.substr(number_begin, s.position() - number_begin), 0};
  s.Many(0, 4, [](char32_t c) { return c == '*'; });  // reissue marks
  TextScanner letter = s;
  letter.SkipSpaces();
  if (letter.Literal("(") && letter.Many(1, 1, upper) && letter.Literal(")")) {
    job.language_letter = folded[letter.position() - 2];
    job.number += std::string(" (") + job.language_letter + ")";
    s = letter;
  }
  // Whatever follows ("140794 /...") is set apart by a space.
  if (!s.AtEnd() && s.Peek() != ' ') return std::nullopt;
  return job;
}

bool IsPageNumber(std::string_view text) {
  const auto whole = [&](auto match) {
    TextScanner s(text);
    return match(s) && s.AtEnd();
  };
  return whole([](TextScanner& s) { return s.Digits(1, 3); }) ||
         whole([](TextScanner& s) {  // "2/5"
           if (!s.Digits(1, 3)) return false;
           s.SkipSpaces();
           if (!s.Literal("/")) return false;
           s.SkipSpaces();
           return s.Digits(1, 3);
         }) ||
         whole([](TextScanner& s) {  // "- 2 -"
           if (!s.Literal("-")) return false;
           s.SkipSpaces();
           if (!s.Digits(1, 3)) return false;
           s.SkipSpaces();
           return s.Literal("-");
         }) ||
         whole([](TextScanner& s) {  // "Page 2"
           return s.Literal("Page") && s.Space() && s.Digits(1, 3);
         });
}

// Text set in a symbol font comes out of some PDFs in the private use area
// at U+F000 + its ASCII code ("*1916917*" as U+F02A U+F031 …): such a
// text, when it is all in U+F020–U+F07E, as ASCII; otherwise as it is.
std::string SymbolFontAsAscii(std::string_view text) {
  std::string ascii;
  for (std::size_t pos = 0; pos < text.size();) {
    const char32_t c = NextCodePoint(text, pos);
    if (c >= 0xF020 && c <= 0xF07E) {
      ascii += static_cast<char>(c - 0xF000);
    } else {
      return std::string(text);
    }
  }
  return ascii;
}

bool IsMastheadName(std::string_view text) {
  const std::string lower = LowerCase(FoldWhitespace(text));
  return std::find(kMastheadNames.begin(), kMastheadNames.end(), lower) != kMastheadNames.end();
}

bool IsBarcodeText(std::string_view raw) {
  const std::string decoded = SymbolFontAsAscii(raw);
  const std::string text = FoldWhitespace(decoded);
  TextScanner s(text);
  if (!s.Literal("*") || !s.Digits(5, 20)) return false;
  s.Many(0, 1, [](char32_t c) { return c >= 'A' && c <= 'Z'; });
  return s.Literal("*") && s.AtEnd();
}

std::vector<std::vector<Block>> SeparateFurniture(std::vector<PageLines>& pages,
                                                  Furniture& furniture) {
  // On how many pages each margin text (digits aside) appears, to find
  // running heads and feet. Two footnotes "12 CEDAW/C/GC/39." and "13
  // CEDAW/C/GC/40." on one page are not a running foot.
  std::map<std::string, std::set<int>> margin_pages;
  for (const PageLines& page : pages) {
    for (const TextLine& line : page.lines) {
      const Zone zone = ZoneOf(line, page);
      if (zone == Zone::kTop || zone == Zone::kBottom) {
        margin_pages[RepeatKey(line.text)].insert(page.page_number);
      }
    }
  }
  std::vector<std::vector<Block>> blocks(pages.size());
  MastheadReader masthead{furniture, {}, {}, false};
  std::vector<std::vector<std::string>> running_head_symbols;  // a later page's, each
  for (std::size_t p = 0; p < pages.size(); ++p) {
    PageLines& page = pages[p];
    const double page_size = DominantFontSize(page.lines);
    const auto superscript = [&](const TextLine& line) {
      return line.font_size > 0 && line.font_size < 0.75 * page_size;
    };
    Block header{BlockRole::kHeader, 0, {}};
    Block footer{BlockRole::kFooter, 0, {}};
    std::vector<TextLine> body;
    std::vector<std::string> head_symbols;
    for (TextLine& line : page.lines) {
      const Zone zone = ZoneOf(line, page);
      if (zone == Zone::kNone) {
        body.push_back(std::move(line));
        continue;
      }
      bool whole_line = margin_pages[RepeatKey(line.text)].size() >= 2 &&
                        zone != Zone::kMasthead && !superscript(line);
      std::vector<TextLine> kept;
      for (TextLine& fragment : Fragments(line, 2.5)) {
        if (zone == Zone::kTop && page.page_number > 1) {
          if (auto symbol = NormalizeSymbol(FoldWhitespace(fragment.text))) {
            head_symbols.push_back(*symbol);
          }
        }
        const bool is_furniture =
            zone == Zone::kMasthead
                ? masthead.Read(fragment, page) ||
                      IsMarginFurniture(fragment.text, zone, superscript(fragment), furniture)
                : IsMarginFurniture(fragment.text, zone, superscript(fragment), furniture);
        if (is_furniture && zone != Zone::kMasthead) whole_line = true;
        (is_furniture ? (zone == Zone::kBottom ? footer : header).lines : kept)
            .push_back(std::move(fragment));
      }
      if (whole_line) {
        for (TextLine& fragment : kept) {
          (zone == Zone::kBottom ? footer : header).lines.push_back(std::move(fragment));
        }
      } else if (!kept.empty()) {
        std::vector<Word> words;
        for (TextLine& fragment : kept) {
          for (const Word& word : fragment.words) words.push_back(word);
        }
        body.push_back(MakeLine(std::move(words)));
      }
    }
    page.lines = std::move(body);
    if (!head_symbols.empty()) running_head_symbols.push_back(std::move(head_symbols));
    for (const Block* block : {&header, &footer}) {
      for (const TextLine& line : block->lines) {
        furniture.removed_lines.push_back(line.text);
      }
    }
    blocks[p] = {std::move(header), std::move(footer)};
  }
  // An old scan's OCR layer may misread the masthead where later pages
  // print the symbol right.
  const std::optional<SymbolCorrection> correction = CorrectByRunningHeads(
      {masthead.symbols, masthead.symbol_like_texts, running_head_symbols});
  if (correction) {
    masthead.symbols = correction->symbols;
    furniture.symbol_repairs.push_back(correction->note);
  }
  if (!masthead.symbols.empty()) furniture.symbol = JointSymbol(masthead.symbols);
  return blocks;
}

}  // namespace sextant
