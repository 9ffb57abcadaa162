#include "stages/layout/paragraph_stage.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "pipeline/text_scanner.h"
#include "pipeline/unicode_text.h"
#include "stages/layout/line_builder.h"
#include "stages/layout/line_joiner.h"

namespace sextant {
namespace {

// One body or footnote line with where it sits. The line stays in its
// page's block, where the stage changes it as it goes (it takes the lines).
struct PlacedLine {
  TextLine& line;
  int page = 0;
  double column_left = 0, column_right = 0;
  // In the top 40 % of the first page, where the session, agenda item and
  // issuing body are set as a block of short lines.
  bool masthead = false;
  bool right_to_left = false;  // an Arabic line: it starts at the right
};

// A paragraph's lines, pointing into the stage's lists of placed lines.
struct Draft {
  std::vector<PlacedLine*> lines;
  ParagraphKind kind = ParagraphKind::kBody;
  std::string footnote_marker;
};

bool IsOldStyleMarker(std::string_view text) {
  return text.size() >= 2 && text.size() <= 4 && text.back() == '/' &&
         std::all_of(text.begin(), text.end() - 1, [](char c) {
           return std::isdigit(static_cast<unsigned char>(c));
         });
}

bool IsMarkerText(std::string_view text) {
  if (text.empty() || text.size() > 4) return false;
  if (text == "*" || text == "**" || text == "†") return true;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) || (c >= 'a' && c <= 'z');
  }) && std::isdigit(static_cast<unsigned char>(text[0]));
}

// Drops the raised, small footnote markers glued into a body line
// ("submissions1", "开幕。1").
TextLine WithoutFootnoteMarkers(TextLine line) {
  if (line.words.size() < 2) return line;
  std::vector<Word> kept;
  bool dropped = false;
  for (const Word& word : line.words) {
    const bool small = word.font_size > 0 && word.font_size <= 0.75 * line.font_size;
    const bool raised = word.box.center_y() < line.box.center_y() - 0.1 * line.font_size;
    if (small && raised && IsMarkerText(word.text)) {
      dropped = true;
      continue;
    }
    kept.push_back(word);
  }
  if (!dropped || kept.empty()) return line;
  TextLine rebuilt = MakeLine(std::move(kept));
  rebuilt.column = line.column;
  return rebuilt;
}

double Percentile(std::vector<double> values, double share) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const auto index = static_cast<std::size_t>(share * static_cast<double>(values.size() - 1));
  return values[index];
}

// Places a block's lines, in reading order, with the bounds of their column.
// Body lines lose the footnote markers glued into them; footnote lines keep
// theirs, which open each footnote.
void PlaceLines(Block& block, const Page& page, std::vector<PlacedLine>& out) {
  const bool body = block.role == BlockRole::kBody;
  double left[2] = {0, 0}, right[2] = {0, 0};
  for (int column = 0; column < 2; ++column) {
    std::vector<double> lefts, rights;
    for (const TextLine& line : block.lines) {
      if (line.column != column) continue;
      lefts.push_back(line.box.x0);
      rights.push_back(line.box.x1);
    }
    left[column] = Percentile(lefts, 0.1);
    right[column] = Percentile(rights, 0.9);
  }
  for (TextLine& line : block.lines) {
    const int column = line.column == 1 ? 1 : 0;
    const bool masthead = page.number == 1 && line.box.y1 < 0.4 * page.height;
    const ScriptCounts scripts = CountScripts(line.text);
    const bool rtl = scripts.arabic * 2 > scripts.letters();
    if (body) line = WithoutFootnoteMarkers(std::move(line));
    out.push_back({line, page.number, left[column], right[column], masthead, rtl});
  }
}

double Em(const TextLine& line) { return std::max(line.font_size, 4.0); }

// A line's cells: runs of words separated by gaps wider than 1.5 ems.
std::vector<TextLine> Cells(const TextLine& line) {
  std::vector<Word> words = line.words.Unpack();
  std::sort(words.begin(), words.end(),
            [](const Word& a, const Word& b) { return a.box.x0 < b.box.x0; });
  std::vector<TextLine> cells;
  std::vector<Word> current;
  for (const Word& word : words) {
    if (!current.empty() && word.box.x0 - current.back().box.x1 > 1.5 * Em(line)) {
      cells.push_back(MakeLine(std::move(current)));
      current.clear();
    }
    current.push_back(word);
  }
  if (!current.empty()) cells.push_back(MakeLine(std::move(current)));
  const ScriptCounts scripts = CountScripts(line.text);
  if (scripts.arabic * 2 > scripts.letters()) std::reverse(cells.begin(), cells.end());
  return cells;
}

// The width the next line's first two words would take at the end of this
// one. Two, because UN typing binds short pairs with no-break spaces
// ("31 August", "El Salvador", "Nations Unies"), which the PDF does not
// show. Estimated from the text, as Arabic comes glyph by glyph; for
// Chinese, which has no spaces, two characters.
double OpeningWidth(const TextLine& line) {
  std::size_t total = 0, opening = 0, spaces = 0;
  for (std::size_t pos = 0; pos < line.text.size();) {
    const char32_t c = NextCodePoint(line.text, pos);
    ++total;
    if (c == ' ') ++spaces;
    if (spaces < 2) ++opening;
  }
  if (total == 0) return 0;
  const ScriptCounts scripts = CountScripts(line.text);
  if (scripts.han * 2 > scripts.letters()) opening = std::min<std::size_t>(opening, 2);
  return line.box.width() * static_cast<double>(opening) / static_cast<double>(total);
}

bool EndsShort(const PlacedLine& previous, const PlacedLine& next) {
  const double room = previous.right_to_left
                          ? previous.line.box.x0 - previous.column_left
                          : previous.column_right - previous.line.box.x1;
  return room > OpeningWidth(next.line) + 0.5 * Em(previous.line) &&
         room > 1.5 * Em(previous.line);
}

// How far a line starts in from its column's starting edge.
double Indent(const PlacedLine& placed) {
  return placed.right_to_left ? placed.column_right - placed.line.box.x1
                              : placed.line.box.x0 - placed.column_left;
}

bool StartsNewParagraph(const PlacedLine& previous, const PlacedLine& next) {
  const TextLine& a = previous.line;
  const TextLine& b = next.line;
  const bool same_flow = next.page == previous.page && b.column == a.column &&
                         b.box.y0 > a.box.y0;
  if (same_flow && b.box.y0 - a.box.y1 > 0.6 * Em(a)) return true;
  if (StartsWithListMarker(b.text)) return true;
  // The masthead block ("Eightieth session / Agenda item 7 / title") is one
  // paragraph when its lines are set close and flush left.
  if (previous.masthead && next.masthead && same_flow &&
      std::abs(a.box.x0 - b.box.x0) < 0.5 * Em(a)) {
    return false;
  }
  if (std::abs(a.font_size - b.font_size) > 1.0 || a.bold != b.bold) return true;
  // A heading set in bold over several short lines stays one heading.
  if (a.bold && b.bold && same_flow) return false;
  if (EndsShort(previous, next)) return true;
  // A first-line indent after a line that started at the margin.
  const double indent = Indent(next);
  return indent > 1.2 * Em(b) && Indent(previous) < 0.5 * Em(a) &&
         indent < 0.3 * (next.column_right - next.column_left);
}

// Set in capitals ("REPORT OF THE SECRETARY-GENERAL"); a symbol quoted in
// Chinese or Arabic text is not.
// A paragraph that opens with a number set apart ("48/161.   The situation
// in Central America:", "(a)   The State of Palestine may…") and goes on in
// lines that start where its text started, after the number: a title or a
// list item with a hanging indent, whatever the length of its lines.
bool ContinuesHangingIndent(const Draft& draft, const PlacedLine& next) {
  if (draft.lines.empty() || draft.lines.back()->page != next.page) return false;
  const PlacedLine& first = *draft.lines.front();
  const PlacedLine& last = *draft.lines.back();
  if (first.line.words.size() < 2 || first.right_to_left) return false;
  auto word = first.line.words.begin();
  const Word opening = *word;
  const double hanging_x = (++word)->box.x0;
  const std::string& number = opening.text;
  const bool numbered = StartsWithListMarker(number + " x") || number.find('/') != std::string::npos;
  const double em = Em(first.line);
  if (!numbered || hanging_x - opening.box.x1 < 1.5 * em) return false;  // not set apart
  const bool gap_ok = next.line.box.y0 - last.line.box.y1 < 0.6 * Em(last.line);
  return gap_ok && std::abs(next.line.box.x0 - hanging_x) < 0.5 * em &&
         std::abs(next.line.font_size - first.line.font_size) <= 1.0;
}

bool IsMostlyUppercase(std::string_view text) {
  std::size_t upper = 0, lower = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const char32_t c = NextCodePoint(text, pos);
    if (IsUppercaseLetter(c)) ++upper;
    else if (IsLowercaseLetter(c)) ++lower;
  }
  return upper >= 4 && lower * 10 <= upper &&
         upper * 2 >= CountScripts(text).letters();
}

ParagraphKind KindOf(const Draft& draft, const std::string& text, double body_size) {
  if (draft.kind != ParagraphKind::kBody) return draft.kind;  // footnote, table
  std::size_t characters = 0;
  for (std::size_t pos = 0; pos < text.size(); ++characters) NextCodePoint(text, pos);
  if (characters > 300) return ParagraphKind::kBody;
  std::size_t bold_chars = 0, all_chars = 0;
  for (const PlacedLine* placed : draft.lines) {
    for (const Word& word : placed->line.words) {
      all_chars += word.text.size();
      if (word.bold) bold_chars += word.text.size();
    }
  }
  const bool all_bold = bold_chars * 4 >= all_chars * 3;
  const bool larger = draft.lines.front()->line.font_size > body_size + 1.0;
  if (all_bold || larger || IsMostlyUppercase(text)) return ParagraphKind::kHeading;
  return ParagraphKind::kBody;
}

// "1如果会议…": Chinese footnotes come out with the marker glued to the
// first word. Splits off leading digits followed by a Han character (but
// not a year or a day: "2022年", "6月", "29日").
std::optional<std::pair<std::string, std::string>> SplitGluedMarker(
    const std::string& word) {
  std::size_t digits = 0;
  while (digits < word.size() && digits < 3 &&
         std::isdigit(static_cast<unsigned char>(word[digits]))) {
    ++digits;
  }
  if (digits == 0 || digits == word.size()) return std::nullopt;
  std::size_t pos = digits;
  const char32_t next = NextCodePoint(word, pos);
  if (!IsHan(next) || next == U'年' || next == U'月' || next == U'日') {
    return std::nullopt;
  }
  return std::make_pair(word.substr(0, digits), word.substr(digits));
}

// Footnote lines: a new footnote at each line that opens with a marker: "1"
// set smaller or raised, "*", the typewriter style "1/", or any marker on
// the first line below the separator. A line that opens a footnote loses
// its marker, in `lines`.
std::vector<Draft> GroupFootnotes(std::vector<PlacedLine>& lines) {
  std::vector<Draft> drafts;
  for (PlacedLine& placed : lines) {
    std::vector<Word> words = placed.line.words.Unpack();
    if (words.empty()) continue;
    if (auto glued = SplitGluedMarker(words.front().text)) {
      Word marker = words.front();
      marker.text = glued->first;
      words.front().text = glued->second;
      words.insert(words.begin(), marker);
    }
    const Word& first = words.front();
    const bool set_apart =
        words.size() == 1 || first.font_size < 0.9 * words[1].font_size ||
        first.box.y1 < words[1].box.y1 - 1.0 || first.text == "*" ||
        drafts.empty();
    const bool opens = IsOldStyleMarker(first.text) ||
                       (IsMarkerText(first.text) && set_apart);
    if (!opens) {
      if (drafts.empty()) drafts.push_back({{}, ParagraphKind::kFootnote, {}});
      drafts.back().lines.push_back(&placed);
      continue;
    }
    drafts.push_back({{}, ParagraphKind::kFootnote, first.text});
    placed.line = MakeLine(std::vector<Word>(words.begin() + 1, words.end()));
    drafts.back().lines.push_back(&placed);
  }
  return drafts;
}

}  // namespace

namespace {

bool IsHanNumeral(char32_t c) {
  return std::u32string_view(U"一二三四五六七八九十").find(c) != std::u32string_view::npos;
}

// After a marker: a space, or straight into non-Latin text ("1.组织").
bool EndsMarker(const TextScanner& s) {
  const char32_t c = s.Peek();
  return c == ' ' || c == '\t' || c >= 0x80;
}

bool MarkerAt(TextScanner s) {
  const auto lower = [](char32_t c) { return c >= 'a' && c <= 'z'; };
  const auto upper = [](char32_t c) { return c >= 'A' && c <= 'Z'; };
  const auto roman_lower = [](char32_t c) { return c == 'i' || c == 'v' || c == 'x' || c == 'l'; };
  const auto roman_upper = [](char32_t c) { return c == 'I' || c == 'V' || c == 'X' || c == 'L'; };
  const auto arabic_digit = [](char32_t c) { return c >= 0x0660 && c <= 0x0669; };
  const auto ascii_word = [](char32_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  };
  TextScanner t = s;  // "1.", "12.", "1.2", "1.2."
  if (t.Digits(1, 3) && t.Literal(".")) {
    if (t.Digits(1, 2)) t.Literal(".");
    if (EndsMarker(t)) return true;
  }
  t = s;  // "(a)", "(iv)", "(12)"
  if (t.Literal("(") && (t.Many(1, 2, lower) || t.Many(1, 5, roman_lower) || t.Digits(1, 2)) &&
      t.Literal(")") && EndsMarker(t)) {
    return true;
  }
  t = s;  // "a) "
  if (t.Many(1, 1, lower) && t.Literal(")") && t.Space()) return true;
  t = s;  // "IV. "
  if (t.Many(1, 6, roman_upper) && t.Literal(".") && t.Space()) return true;
  t = s;  // "A. "
  if (t.Many(1, 1, upper) && t.Literal(".") && t.Space()) return true;
  t = s;  // bullets and dashes
  if (t.OneOf({"•", "·", "–", "-"}) && t.Space()) return true;
  t = s;  // "一、"
  if (t.Many(1, 3, IsHanNumeral) && t.Literal("、")) return true;
  t = s;  // "（a）", "（一）"
  if (t.Literal("（") && (t.Many(1, 3, ascii_word) || t.Many(1, 3, IsHanNumeral)) &&
      t.Literal("）")) {
    return true;
  }
  t = s;  // "١- "
  if (t.Many(1, 3, arabic_digit) && t.Literal("-") && t.Space()) return true;
  t = s;  // "(أ) "
  return t.Literal("(") && t.OneOf({"أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي"}) &&
         t.Literal(")") && t.Space();
}

}  // namespace

bool StartsWithListMarker(std::string_view line) { return MarkerAt(TextScanner(line)); }

Status ParagraphStage::Run(Document& document) const {
  const Language language = document.language.value_or(Language::kEnglish);
  // The lines are placed where they are, in the pages' blocks, released
  // paragraph by paragraph, and gone with the stage.
  std::vector<PlacedLine> body, notes;
  std::size_t body_count = 0, note_count = 0;
  for (const Page& page : document.pages) {
    for (const Block& block : page.blocks) {
      if (block.role == BlockRole::kBody) body_count += block.lines.size();
      if (block.role == BlockRole::kFootnotes) note_count += block.lines.size();
    }
  }
  body.reserve(body_count);
  notes.reserve(note_count);
  FontSizeTally body_sizes;
  HyphenatedWords hyphenated;
  for (Page& page : document.pages) {
    for (Block& block : page.blocks) {
      if (block.role == BlockRole::kBody) {
        body_sizes.Add(block.lines);
        for (const TextLine& line : block.lines) CollectHyphenatedWords(line.text, hyphenated);
        PlaceLines(block, page, body);
      } else if (block.role == BlockRole::kFootnotes) {
        PlaceLines(block, page, notes);
      }
    }
  }
  const double body_size = body_sizes.Dominant();
  const LineJoiner joiner(language, &hyphenated);

  // Table rows: runs of two or more lines set in three or more cells. Each
  // row is a paragraph of its own, its cells joined by " | ".
  std::vector<bool> in_cells(body.size(), false);
  for (std::size_t i = 0; i < body.size(); ++i) in_cells[i] = Cells(body[i].line).size() >= 3;
  std::vector<bool> table_row(body.size(), false);
  for (std::size_t i = 0; i < body.size(); ++i) {
    const bool neighbour = (i > 0 && in_cells[i - 1]) || (i + 1 < body.size() && in_cells[i + 1]);
    table_row[i] = in_cells[i] && neighbour;
  }
  std::vector<Draft> drafts;
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (table_row[i]) {
      drafts.push_back({{&body[i]}, ParagraphKind::kTable, {}});
      continue;
    }
    const bool hanging = i > 0 && !table_row[i - 1] && ContinuesHangingIndent(drafts.back(), body[i]);
    if (i == 0 || table_row[i - 1] || (!hanging && StartsNewParagraph(body[i - 1], body[i]))) {
      drafts.emplace_back();
    }
    drafts.back().lines.push_back(&body[i]);
  }
  for (Draft& note : GroupFootnotes(notes)) drafts.push_back(std::move(note));

  document.paragraphs.reserve(drafts.size());
  for (const Draft& draft : drafts) {
    std::vector<std::string> texts;
    for (const PlacedLine* placed : draft.lines) texts.push_back(placed->line.text);
    Paragraph paragraph;
    if (draft.kind == ParagraphKind::kTable) {
      for (const TextLine& cell : Cells(draft.lines.front()->line)) {
        if (!paragraph.text.empty()) paragraph.text += " | ";
        paragraph.text += joiner.Join({cell.text});
      }
    } else {
      paragraph.text = joiner.Join(texts);
    }
    paragraph.page = draft.lines.front()->page;
    const int page_index = paragraph.page - document.pages.front().number;
    paragraph.ocr = page_index >= 0 && page_index < static_cast<int>(document.pages.size()) &&
                    document.pages[static_cast<std::size_t>(page_index)].ocr;
    paragraph.kind = KindOf(draft, paragraph.text, body_size);
    paragraph.footnote_marker = draft.footnote_marker;
    // The draft's lines are done with: the paragraphs grow as they go.
    for (PlacedLine* placed : draft.lines) placed->line = TextLine();
    if (paragraph.text.empty()) continue;
    document.paragraphs.push_back(std::move(paragraph));
  }
  body.clear();
  notes.clear();
  for (Page& page : document.pages) page.blocks = {};
  if (document.paragraphs.empty()) {
    return Status(StatusCode::kEmpty,
                  document.path + ": no body text left after removing page "
                                  "furniture; check the file is a UN document");
  }
  return Status::Ok();
}

}  // namespace sextant
