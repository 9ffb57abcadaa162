// The document's own symbol checked against the other places that print
// it, for scans whose old OCR layer misread the first page's masthead.
//
// A born-digital masthead prints the symbol right, and its running heads
// repeat it. An old scan's OCR layer garbles it ("A/45/155J", "A/45/109"
// for A/45/189, "T/P'm.11/142"), while the symbol is printed right
// elsewhere:
// - in the running heads of later pages ("A/45/189" on pages 2 to 11):
//   CorrectByRunningHeads;
// - in the name the Official Document System gives the file
//   ("T_Pet.11_142-EN.pdf"): SymbolFromFileName, taken only when the
//   document read no symbol at all and prints a text like it
//   (PrintedLike).
// Nothing is invented: a correction needs a symbol the grammar parses,
// printed (or named) apart from the masthead, and a masthead or page text
// within a few OCR errors of it.
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sextant {

// True when `printed` may be `symbol` misread: upper-cased and without
// spaces, it is within one edit (insertion, deletion or substitution of a
// character) per six characters of the symbol, at least one, and has as
// many "/" as the symbol. "A/45/155J", "A/45/109" and "A/45/l89" are like
// A/45/189's neighbours; "T/P'm.11/142" like T/Pet.11/142; "A/45/50" and
// "S/21225" are not like A/45/155.
bool PrintedLike(std::string_view printed, std::string_view symbol);

// What the first page and the running heads of later pages print.
struct OwnSymbolPrints {
  std::vector<std::string> masthead_symbols;  // normalised, as the masthead reads them
  std::vector<std::string> masthead_texts;    // the masthead's fragments holding "/", as printed
  // For each later page whose top margin prints a symbol, the symbols it
  // prints there, normalised, top to bottom ({"A/45/155", "S/21174"}).
  std::vector<std::vector<std::string>> running_heads;
};

struct SymbolCorrection {
  std::vector<std::string> symbols;  // the members, to be joined as the masthead's are
  std::string note;                  // "the masthead's \"A/45/109\" read as A/45/189, as the running heads of 6 of 10 later pages print it"
};

// The running heads' reading of the symbol, when it corrects the
// masthead's. The heads' members are the symbols printed on more than half
// of the later pages that print one (a page whose OCR misread a member
// does not count for it); one of them must be a symbol the masthead does
// not read but prints like (PrintedLike). The members: the heads', in the
// order first printed, then the masthead's own that no head member prints
// like. nullopt when the heads agree with the masthead, disagree among
// themselves, or print something the masthead does not resemble (a joint
// document whose heads print one member keeps its masthead's).
std::optional<SymbolCorrection> CorrectByRunningHeads(const OwnSymbolPrints& prints);

// The symbol an Official Document System file name gives: the base name
// without its extension and language suffix, "_" read as "/":
// "A_45_155-EN.pdf" -> A/45/155, "T_Pet.11_142-EN.pdf" -> T/Pet.11/142,
// "S_RES_2803 (2025)-EN.pdf" -> S/RES/2803 (2025). nullopt when that is
// not a whole symbol ("report.pdf", "en.pdf").
std::optional<std::string> SymbolFromFileName(std::string_view path);

}  // namespace sextant
