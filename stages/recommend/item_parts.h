// The parts of one item of a review report's list that several States made
// in different words, each with its States, as UPR Info and researchers
// count them:
//   "Adopt a law (Norway); strengthen X (Chile)"   → two parts
//   "Ratify X (Spain)/Accede to X (Iraq)"           → two parts
//   "Sign (Portugal)/ratify (France) the Convention (Tunisia)"
//       → "Sign the Convention" (Portugal), "ratify the Convention"
//         (France), "ratify the Convention" (Tunisia): a verb alone before
//         its States shares the object that follows
//   "Ratify CAT (Austria) (Norway)"                 → one part, two States
// A parenthesis that is not a list of States ("(CEDAW)", "(2008–2015)")
// stays in the text.
//
// Thread-safety: pure function.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sextant {

struct ItemPart {
  std::string text;                 // without the States' parentheses and the closing ";" or "."
  std::vector<std::string> states;  // empty when the part names none
  friend bool operator==(const ItemPart&, const ItemPart&) = default;
};

std::vector<ItemPart> SplitItemByStates(std::string_view item);

// The recommendation without the report's framing of who made it to whom:
// "That Algeria take steps …" → "take steps …", "Recommended to South
// Africa to ratify …" → "ratify …", "to establish …" (a part after the
// first) → "establish …". `addressee`: the State under review, if known.
std::string WithoutFraming(std::string_view text, std::string_view addressee);

// The recommendations one State strung together in one part of the first
// reviews' lists: "take measures …; recommends that Algeria cooperate …"
// and "… rights. It also recommended that the State pursue …" are two,
// each with its own lead-in ("recommends that Algeria", "It also
// recommended that the State") for WithoutFraming to take off.
std::vector<std::string> SplitFurtherRecommendations(std::string_view text);

}  // namespace sextant
