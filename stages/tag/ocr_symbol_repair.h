// Repairs document symbols that OCR misread, when the symbol grammar
// (symbol_tagger.h) allows exactly one reading: "A/45/l89" -> A/45/189,
// "A/RES/4S/1" -> A/RES/45/1, "S/PV.3O46" -> S/PV.3046, and a Russian or
// Latin model's look-alikes and spaces, "СТО С/СО P/WG .4/202 2/1" ->
// CTOC/COP/WG.4/2022/1.
//
// What may be changed: Cyrillic letters that look like Latin ones, and
// "$" for S (always, in a symbol: UN symbols are ASCII letters, digits and
// punctuation, never "$"); spaces (when `spaces` is true: a
// masthead line that holds nothing but the symbol); and, inside a part
// between "/", "." or "-" whose every letter OCR confuses with a digit
// (l I | -> 1, O o D Q -> 0, S s -> 5, B -> 8, Z z -> 2, G -> 6: "l89",
// "4S", "3O46"), those letters; in a part of more letters than digits whose
// every digit it confuses with a letter (0 -> O, 1 -> I, 5 -> S, 8 -> B:
// "C0P"), those digits. Every combination of those changes
// is parsed; a repair is made when exactly one symbol comes out, or, when
// several do, exactly one of them is among `known` (symbols the document
// prints elsewhere). Never invents: text that needs no change, or allows
// no reading or two, gives nullopt.
//
// Thread-safety: pure function.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace sextant {

// The repaired symbol in its normalised form, or nullopt.
std::optional<std::string> RepairOcrSymbol(std::string_view printed, bool spaces,
                                           const std::set<std::string>& known = {});

}  // namespace sextant
