#include "stages/recommend/item_parts.h"

#include <array>
#include <utility>

#include "pipeline/unicode_text.h"
#include "stages/recommend/recommending_states.h"

namespace sextant {
namespace {

// Text between two parentheses of States, and what follows the second.
struct Segment {
  std::string text;
  std::vector<std::string> states;
  char follower = 0;  // ';', '.', '/', ',' or 0 when words follow at once
};

std::string Clean(std::string_view raw) {
  std::string text = FoldWhitespace(raw);
  bool changed = true;
  while (changed && !text.empty()) {
    changed = false;
    for (std::string_view lead : {";", ",", ".", "/", ":", "or ", "and ", "et ", "y ", "и ", "；", "，", "、", "؛", "،"}) {
      if (text.rfind(lead, 0) == 0) {
        text = FoldWhitespace(std::string_view(text).substr(lead.size()));
        changed = true;
      }
    }
    for (std::string_view tail : {";", ",", ".", "/", ":", " and", " or", " et", " y", " и", "；", "，", "。", "؛", "،"}) {
      if (text.size() >= tail.size() && text.compare(text.size() - tail.size(), tail.size(), tail) == 0) {
        text = FoldWhitespace(std::string_view(text).substr(0, text.size() - tail.size()));
        changed = true;
      }
    }
  }
  return text;
}

std::size_t Words(std::string_view text) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    if (c != ' ' && !in_word) ++words;
    in_word = c != ' ';
  }
  return words;
}

std::string_view FirstWord(std::string_view text) { return text.substr(0, text.find(' ')); }

bool StartsLowerCase(std::string_view text) {
  std::size_t pos = 0;
  return !text.empty() && IsLowercaseLetter(NextCodePoint(text, pos));
}

// The words that open an object rather than a verb: an article or
// determiner, or an acronym ("CPED", "OP-CAT").
bool StartsWithObject(std::string_view text) {
  const std::string_view word = FirstWord(text);
  static constexpr std::array<std::string_view, 14> kDeterminers{
      "the", "a", "an", "its", "all", "both", "this", "these", "their", "his", "her", "further", "without", "as"};
  for (std::string_view determiner : kDeterminers) {
    if (word == determiner) return true;
  }
  std::size_t upper = 0, lower = 0;
  for (std::size_t pos = 0; pos < word.size();) {
    const char32_t c = NextCodePoint(word, pos);
    upper += IsUppercaseLetter(c);
    lower += IsLowercaseLetter(c);
  }
  return upper >= 2 && lower == 0;
}

// The last word of a verb phrase that waits for its object: a preposition,
// an -ing form, or a verb of the recommendations' usual stock ("Ratify",
// "accede to", "consider signing and/or ratifying", "accelerate the
// ratification of").
bool EndsLikeVerb(std::string_view text) {
  if (Words(text) == 1) return true;
  const std::string last = LowerCase(text.substr(text.rfind(' ') + 1));
  static constexpr std::string_view kWaiting[] = {
      "to", "of", "on", "for", "with", "in", "from", "at", "ratify", "sign", "accede", "adopt", "establish",
      "implement", "ensure", "complete", "finalize", "finalise", "expedite", "accelerate", "join", "become",
      "withdraw", "review", "amend", "enact", "abolish", "create", "approve", "consider", "continue", "strengthen",
      "recognize", "recognise", "respect", "apply", "incorporate", "harmonize", "extend", "issue", "invite"};
  for (std::string_view word : kWaiting) {
    if (last == word) return true;
  }
  return last.size() > 4 && last.compare(last.size() - 3, 3, "ing") == 0;
}

char FollowerAt(std::string_view text, std::size_t pos) {
  while (pos < text.size() && text[pos] == ' ') ++pos;
  if (pos >= text.size()) return '.';
  if (text.substr(pos, 3) == "；" || text.substr(pos, 3) == "。" || text.substr(pos, 2) == "؛") return ';';
  if (text.substr(pos, 2) == "،") return ',';
  if (text.substr(pos, 3) == "，" || text.substr(pos, 3) == "、") return ',';
  const char c = text[pos];
  return std::string_view(";./,").find(c) != std::string_view::npos ? c : 0;
}

// "Ratify the OP-CAT (Austria), the OP-CEDAW (Brazil)": a part that is
// only an object shares the verb the item's first part opens with.
void ShareTheLeadingVerb(std::vector<ItemPart>& parts) {
  if (parts.size() < 2) return;
  const std::string_view first = parts.front().text;
  std::size_t verb_end = std::string_view::npos;
  std::size_t words = 0;
  for (std::size_t pos = 0; pos < first.size() && words < 6; ++words) {
    const std::string_view word = FirstWord(first.substr(pos));
    if (words > 0 && StartsWithObject(word) && word != "as" && word != "further" && word != "without") {
      verb_end = pos;
      break;
    }
    pos += word.size() + 1;
  }
  if (verb_end == std::string_view::npos || verb_end == 0) return;
  const std::string verb(first.substr(0, verb_end));
  for (std::size_t i = 1; i < parts.size(); ++i) {
    const std::string_view word = FirstWord(parts[i].text);
    if (word == "the" || word == "its" || word == "both" || (StartsWithObject(word) && !StartsLowerCase(word))) {
      parts[i].text = verb + parts[i].text;
    }
  }
}

}  // namespace

std::vector<ItemPart> SplitItemByStates(std::string_view item) {
  std::vector<Segment> segments;
  std::size_t start = 0;
  for (const ParenthesisSpan& span : OuterParentheses(item)) {
    std::vector<std::string> states = ReadStateList(span.inside(item));
    if (states.empty()) continue;
    std::string text = Clean(item.substr(start, span.begin - start));
    if (text.empty() && !segments.empty()) {  // "(Austria) (Norway)"
      segments.back().states.insert(segments.back().states.end(), states.begin(), states.end());
      segments.back().follower = FollowerAt(item, span.end);
    } else {
      segments.push_back({std::move(text), std::move(states), FollowerAt(item, span.end)});
    }
    start = span.end;
  }
  const std::string trailing = Clean(item.substr(start));

  // A verb alone before its States ("Sign (Portugal)/ratify (France) the
  // Convention") waits for the object that follows; judged from the end.
  std::vector<bool> variant(segments.size(), false);
  for (std::size_t i = segments.size(); i-- > 0;) {
    const Segment& segment = segments[i];
    const bool clause_ends = segment.follower == ';' || segment.follower == '.';
    const std::string_view next = i + 1 < segments.size() ? std::string_view(segments[i + 1].text) : trailing;
    if (clause_ends || next.empty() || segment.text.empty() || Words(segment.text) > 4) continue;
    // A verb without its object ends in a verb or a preposition, never in
    // a noun: "Consider ratifying CPED (Uruguay)/" and "Abolish the death
    // penalty (Luxembourg)/" are whole.
    if (!EndsLikeVerb(segment.text)) continue;
    variant[i] = segment.follower == '/' || StartsWithObject(next) || (i + 1 < segments.size() && variant[i + 1]);
  }

  std::vector<ItemPart> parts;
  std::vector<const Segment*> waiting;
  const auto resolve = [&](const std::string& object_text, bool own_verb) {
    const std::string object = own_verb && !StartsWithObject(object_text)
                                   ? std::string(std::string_view(object_text).substr(
                                         std::min(object_text.size(), FirstWord(object_text).size() + 1)))
                                   : object_text;
    for (const Segment* verb : waiting) parts.push_back({verb->text + (object.empty() ? "" : " " + object), verb->states});
  };
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const Segment& segment = segments[i];
    if (variant[i]) {
      waiting.push_back(&segment);
      continue;
    }
    if (waiting.empty()) {
      if (!segment.text.empty()) parts.push_back({segment.text, segment.states});
      else if (!parts.empty()) parts.back().states.insert(parts.back().states.end(), segment.states.begin(), segment.states.end());
      continue;
    }
    const bool own_verb = !StartsLowerCase(segment.text) && !StartsWithObject(segment.text);
    resolve(segment.text, own_verb);
    parts.push_back({own_verb ? segment.text : waiting.back()->text + " " + segment.text, segment.states});
    waiting.clear();
  }
  if (!waiting.empty()) {
    resolve(trailing, !StartsLowerCase(trailing) && !StartsWithObject(trailing));
  } else if (!trailing.empty() && !parts.empty() && !segments.empty() && segments.back().follower == 0) {
    // "Ratify ICESCR (Slovakia) without any further delays": the words
    // that follow the States at once end the part they named.
    parts.back().text += " " + trailing;
  } else if (!trailing.empty() && (parts.empty() || Words(trailing) >= 4)) {
    parts.push_back({trailing, {}});
  }
  ShareTheLeadingVerb(parts);
  return parts;
}

std::vector<std::string> SplitFurtherRecommendations(std::string_view text) {
  std::vector<std::string> pieces;
  std::size_t start = 0;
  for (std::size_t pos = 0; pos < text.size(); ++pos) {
    std::size_t lead = std::string_view::npos;  // where the next one's lead-in begins
    if (text.substr(pos, 13) == "; recommends ") lead = pos + 2;
    else if (text.substr(pos, 21) == ". It also recommended") lead = pos + 2;
    if (lead == std::string_view::npos) continue;
    const std::string piece = Clean(text.substr(start, pos + 1 - start));
    if (!piece.empty()) pieces.push_back(piece);
    start = lead;
  }
  std::string last = Clean(text.substr(start));
  if (!last.empty()) pieces.push_back(std::move(last));
  // "It also recommended that" → "Recommended that", as WithoutFraming reads it.
  for (std::string& piece : pieces) {
    if (piece.starts_with("It also recommended ")) piece.replace(0, 20, "Recommended ");
    else if (piece.starts_with("recommends ")) piece[0] = 'R';
  }
  return pieces;
}

std::string WithoutFraming(std::string_view text, std::string_view addressee) {
  std::vector<std::string> subjects = {"the State", "the Government", "the State under review", "it", "the country",
                                       "the authorities"};
  if (!addressee.empty()) {
    subjects.push_back(std::string(addressee));
    subjects.push_back("the " + std::string(addressee));
    subjects.push_back("the Government of " + std::string(addressee));
  }
  std::string_view rest = text;
  const auto skip = [&rest](std::string_view lead) {
    if (rest.size() > lead.size() && rest.substr(0, lead.size()) == lead) {
      rest.remove_prefix(lead.size());
      return true;
    }
    return false;
  };
  const auto skip_subject = [&]() {
    for (const std::string& subject : subjects) {
      if (skip(subject + " ")) return true;
    }
    return false;
  };
  const std::string_view original = rest;
  if (skip("That ") || skip("that ")) {
    if (!skip_subject()) rest = original;
  } else if (skip("Recommended ") || skip("Recommends ") || skip("recommended ") || skip("recommends ") ||
             skip("It recommended ") || skip("It recommends ")) {
    if (skip("that ")) {
      if (!skip_subject()) rest = original;
    } else if (skip("to ")) {
      if (!skip_subject() || !skip("to ")) rest = original;
    } else if (!(skip_subject() && skip("to "))) {
      rest = original;
    }
  }
  if (rest == original && !skip("to ")) skip("To ");
  return std::string(rest);
}

}  // namespace sextant
