// United Nations document symbols: parses a symbol into its named parts and
// finds every symbol in running text of any of the six languages.
//
// Grammar (research.un.org/en/docs/symbols), over components split at "/":
//
//   symbol  := member ( "-" member )*                  joint symbol
//   member  := root ( "/" core )+ ( "/" modifier )* [ "*" ]
//              [ "(" YYYY ")" | "(" roman ")" ]   (after a resolution)
//   root    := a known series root: A S E ST T TD UNEP DP CEDAW CERD CCPR ...
//              or a two-component special root: CTOC/COP, CAC/COSP, E/ESCWA,
//              E/ECE, E/ESCAP, E/ECA, E/ECLAC, E/ECWA, E/ICEF, DP/FPA, A/HRC
//   core    := body | session | year | type | number, ending with a number
//   body    := "AC.182", "C.3", "CN.15", "CONF.192", "WG.4", "Sub.2", "HRC",
//              "PC", "GC", "ITA" (upper-case word, or Word.N), optionally
//              with its session in parentheses, glued as UNCCD writes it:
//              "ICCD/COP(16)/1", "ICCD/CRIC(21)/INF.1" (also read when
//              printed "COP (16)")
//   session := "80", "ES-10", "S-35" (a number before the document number)
//   year    := "2022" (four digits, 1945-2099, before the document number)
//   type    := "RES", "DEC", "PRST", "Agenda", "INF", "NGO" (followed by more
//              components) or a dotted type carrying the number: "L.10",
//              "PV.9000", "SR.3", "CRP.2", "INF.1", "WP.5", "R.1", "Misc.3",
//              "BP.4" (ESCWA background papers)
//              (a dotted type that is not last is a body: "ECE/TRANS/WP.29/..")
//   number  := digits, or two joined by "-" ("CERD/C/ITA/CO/19-20")
//   modifier:= "Add.N" "Corr.N" "Rev.N" "Amend.N" "Supp.N" "Suppl.N"
//              "Summary" (case is normalised: "ADD.1" -> "Add.1"), or a
//              part "(Part I)" ("(PARTI)", "(Part.I)") or a budget section
//              "(Sect. 3)" ("(Sect.29A)") glued or spaced after a component,
//              value "Part I" / "Sect. 3", written " (Part I)" / " (Sect. 3)"
//              in the normalised form: "A/80/6 (Sect. 3)/Add.1"
//   report  := a final "Report" (ESCWA meeting reports): {"type","Report"}
//
// Parts, in the order they are written:
//   {"root","A"} | {"root","CTOC/COP"}, then per core component one of
//   {"body","C.3"}, {"session","80"}, {"year","2022"}, {"type","RES"},
//   {"body","COP"} + {"session","16"} for "COP(16)",
//   {"type","L"} + {"number","10"} for "L.10", {"number","434"};
//   then {"modifier","Add.1"}..., {"reissue","*"}, {"year","2025"} for a
//   parenthesised year or {"session","XXV"} for the Roman-numeral session
//   of an older resolution ("A/RES/2625(XXV)", "E/ESCWA/RES/174(XV)").
//   A joint symbol gives the parts of its first member, then for each
//   further member {"joint","S/2025/632"} followed by that member's own
//   parts.
//
// Normalised form: ASCII, components joined by "/" without spaces, members
// by "-", the reissue "*" kept, a parenthesised year or Roman session
// written " (2025)", " (XXV)", a part " (Part I)", a body's session glued
// "COP(16)": "CTOC/COP/WG.4/2022/2", "A/80/434-S/2025/632",
// "S/RES/2803 (2025)", "A/RES/2625 (XXV)", "ICCD/COP(16)/1".
// ParseSymbol(normalized) always gives the same parts again.
//
// Robust to extraction damage: full-width forms ("ＣＴＯＣ／ＣＯＰ" and the
// full stop "．"), Unicode dashes in joint symbols, a line-break space after
// "/" ("CTOC/COP/ WG.4/2020/3"), trailing punctuation of any script, a symbol
// inside a URL ("https://undocs.org/en/A/RES/70/1"). Never tagged: dates
// ("14/07/94"), numbers ("7/1"), "and/or", "HIV/AIDS", a root alone ("A/").
//
// Thread-safety: pure functions over immutable tables.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/document.h"

namespace sextant {

struct ParsedSymbol {
  std::string normalized;      // canonical form, see above
  std::vector<TagPart> parts;  // ordered, see above
};

// Parses text that is exactly one symbol (after normalising full-width
// forms, dashes, spaces next to "/", a trailing reissue "*"); nullopt when
// the grammar cannot parse all of it. Never invents a symbol.
std::optional<ParsedSymbol> ParseSymbol(std::string_view text);

// Every symbol in running UTF-8 text (any bytes are accepted): kind
// TagKind::kSymbol, begin/end the byte span of the symbol as printed
// (trailing punctuation excluded), value the normalised form, and its parts.
// Tags are in text order and do not overlap.
std::vector<Tag> FindSymbols(std::string_view text);

}  // namespace sextant
