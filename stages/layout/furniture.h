// Page furniture: recognises the running heads and feet of UN documents
// (the document's own symbol, "United Nations", "Distr.: General", the date,
// "Original: English", job numbers such as "V.22-01234 (C)", page numbers,
// barcode text "*2515821*", "Please recycle") among a page's lines, takes
// them out of the body and reads them into Document::furniture.
//
// A line is furniture when it sits in the top or bottom margin AND either
// matches one of these patterns or repeats (digits aside) on other pages.
// On the first page the masthead is read: the symbol, distribution, date and
// original language.
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/document.h"

namespace sextant {

// The document's own symbol as a masthead or running head prints it
// ("A/RES/80/1", "CTOC/COP/WG.4/2022/1*", "Ａ／７８／１", "ICCD/COP(16)/1"),
// or nullopt when the text is not one whole symbol. The grammar and the
// normalised form are ParseSymbol's (stages/tag/symbol_tagger.h), the one
// symbol grammar of Sextant, so a symbol cited in the text and the same
// symbol printed in a masthead read alike; only the reissue mark "*" is
// left out: it calls a footnote ("* Reissued for technical reasons") of one
// language version, and the own symbol names the document in every one.
std::optional<std::string> NormalizeSymbol(std::string_view text);

// "25-15106 (E)", "GE.19-13879(E)", "V.22-01234 (C)": the job number and,
// when printed, its language letter.
struct JobNumber {
  std::string number;
  char language_letter = 0;  // 0 when not printed
};
std::optional<JobNumber> ParseJobNumber(std::string_view text);

bool IsPageNumber(std::string_view text);
bool IsBarcodeText(std::string_view text);
// The names a first-page masthead prints ("United Nations", "Assemblée
// générale"), whole or one line of a name set on two ("NATIONS" / "UNIES").
bool IsMastheadName(std::string_view text);

struct PageLines {
  int page_number = 0;
  double width = 0, height = 0;
  std::vector<TextLine> lines;  // all lines of the page, top to bottom
  bool ocr = false;             // read by OCR: a masthead symbol misread is repaired
};

// Takes furniture lines out of `pages` (what is left is body and footnotes),
// returns them as header and footer blocks per page, and fills `furniture`.
std::vector<std::vector<Block>> SeparateFurniture(std::vector<PageLines>& pages,
                                                  Furniture& furniture);

}  // namespace sextant
