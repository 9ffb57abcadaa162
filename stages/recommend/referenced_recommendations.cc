#include "stages/recommend/referenced_recommendations.h"

#include <cctype>
#include <algorithm>
#include <optional>
#include <utility>

#include "pipeline/unicode_text.h"
#include "stages/recommend/item_parts.h"
#include "stages/recommend/recommendation_groups.h"
#include "stages/recommend/recommending_states.h"

namespace sextant {
namespace {

bool IsLower(char c) { return c >= 'a' && c <= 'z'; }

// "35. Canada …" → 35 and where its words begin; nullopt for "35.1." or no number.
std::optional<std::pair<int, std::size_t>> ParagraphNumber(std::string_view text) {
  std::size_t pos = 0;
  int number = 0;
  while (pos < text.size() && IsAsciiDigit(text[pos]) && pos < 3) number = number * 10 + (text[pos++] - '0');
  if (pos == 0 || pos >= text.size() || text[pos] != '.') return std::nullopt;
  ++pos;
  if (pos >= text.size() || (text[pos] != ' ' && text[pos] != '\t')) return std::nullopt;
  while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
  return std::make_pair(number, pos);
}

// "61.34. …": an item of a list.
bool IsItemNumber(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size() && IsAsciiDigit(text[pos])) ++pos;
  return pos > 0 && pos + 1 < text.size() && text[pos] == '.' && IsAsciiDigit(text[pos + 1]);
}

// "(a)" … "(iv)" at `pos`: the letters, and where it ends.
std::optional<std::pair<std::string, std::size_t>> LetterAt(std::string_view text, std::size_t pos) {
  if (pos >= text.size() || text[pos] != '(') return std::nullopt;
  std::size_t end = pos + 1;
  while (end < text.size() && IsLower(text[end]) && end - pos <= 4) ++end;
  if (end == pos + 1 || end >= text.size() || text[end] != ')') return std::nullopt;
  return std::make_pair(std::string(text.substr(pos + 1, end - pos - 1)), end + 1);
}

bool Capitalized(std::string_view word) { return !word.empty() && std::isupper(static_cast<unsigned char>(word[0])); }

// Capitalized words, with "of", "and", "the" between them, as a State's
// name: "The Netherlands", "United Kingdom of Great Britain and Northern
// Ireland"; empty for "It" or "While".
std::string NameOf(std::vector<std::string_view> words) {
  while (!words.empty() && !Capitalized(words.back())) words.pop_back();
  if (!words.empty() && (words.front() == "The" || words.front() == "the")) words.erase(words.begin());
  if (words.empty()) return {};
  static constexpr std::string_view kNot[] = {"It", "He", "She", "They", "While", "In", "With", "Regarding",
                                              "Concerning", "As", "On", "Also", "This", "That", "Finally"};
  std::string name;
  for (std::string_view word : words) {
    for (std::string_view not_name : kNot) {
      if (word == not_name) return {};
    }
    if (!name.empty()) name += ' ';
    name += word;
  }
  return name;
}

std::vector<std::string_view> Words(std::string_view text) {
  std::vector<std::string_view> words;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t end = std::min(text.find(' ', pos), text.size());
    if (end > pos) words.push_back(text.substr(pos, end - pos));
    pos = end + 1;
  }
  return words;
}

// The name in `words` that ends before `end` (a verb): the capitalized
// words and their joining "of", "and", "the" just before it.
std::string NameBefore(const std::vector<std::string_view>& words, std::size_t end) {
  std::size_t begin = end;
  while (begin > 0 && end - begin < 9) {
    const std::string_view word = words[begin - 1];
    if (word.find_first_of(",.;:()") != std::string_view::npos) break;
    if (!Capitalized(word) && word != "of" && word != "and" && word != "the") break;
    --begin;
  }
  return NameOf(std::vector<std::string_view>(words.begin() + begin, words.begin() + end));
}

// The State that speaks in a dialogue paragraph: the name that opens it
// before a verb in the past ("Canada applauded", "The Netherlands
// recommended"), else the name before its first "recommended" ("Asking
// whether …, Sweden recommended").
std::string Speaker(std::string_view text) {
  const std::vector<std::string_view> words = Words(text);
  std::size_t first_lower = 0;
  while (first_lower < words.size() && first_lower < 9 &&
         (Capitalized(words[first_lower]) || ((words[first_lower] == "of" || words[first_lower] == "and") && first_lower > 0))) {
    ++first_lower;
  }
  if (first_lower < words.size() && first_lower > 0 && words[first_lower - 1].find(',') == std::string_view::npos) {
    const std::string_view verb = words[first_lower];
    if (verb.ends_with("ed") || verb == "said" || verb == "was" || verb == "made" || verb == "took" ||
        verb == "gave" || verb == "asked" || verb == "sought") {
      std::string name = NameOf(std::vector<std::string_view>(words.begin(), words.begin() + first_lower));
      if (!name.empty()) return name;
    }
  }
  for (std::size_t i = 1; i < words.size(); ++i) {
    if (words[i].starts_with("recommended")) return NameBefore(words, i);
  }
  return {};
}

// The words of a part, without the joining punctuation at its end.
std::string CleanPart(std::string_view raw) {
  std::string text = FoldWhitespace(raw);
  bool changed = true;
  while (changed && !text.empty()) {
    changed = false;
    for (std::string_view tail : {";", ",", ".", ":", " and", " or"}) {
      if (text.size() > tail.size() && text.ends_with(tail)) {
        text = FoldWhitespace(std::string_view(text).substr(0, text.size() - tail.size()));
        changed = true;
      }
    }
  }
  return text;
}

// Where the sentence that holds `pos` ends: ". " before a capital letter, or the end.
std::size_t SentenceEnd(std::string_view text, std::size_t pos) {
  for (std::size_t at = text.find(". ", pos); at != std::string_view::npos; at = text.find(". ", at + 1)) {
    if (at + 2 < text.size() && std::isupper(static_cast<unsigned char>(text[at + 2]))) return at + 1;
  }
  return text.size();
}

// Part `letter` of a dialogue paragraph: from its "(a) " to the next part
// or the end of its sentence.
std::string LetteredPart(std::string_view text, const std::string& letter) {
  const std::string marker = "(" + letter + ")";
  for (std::size_t at = text.find(marker); at != std::string_view::npos; at = text.find(marker, at + 1)) {
    if (at > 0 && text[at - 1] != ' ') continue;
    std::size_t begin = at + marker.size();
    if (begin >= text.size() || text[begin] != ' ') continue;
    std::size_t end = SentenceEnd(text, begin);
    for (std::size_t pos = text.find(" (", begin); pos != std::string_view::npos && pos < end; pos = text.find(" (", pos + 1)) {
      const auto next = LetterAt(text, pos + 1);
      if (next && next->second < text.size() && text[next->second] == ' ') {
        end = pos;
        break;
      }
    }
    return CleanPart(text.substr(begin, end - begin));
  }
  return {};
}

}  // namespace

std::vector<ParagraphReference> ReadParagraphReferences(std::string_view paragraph) {
  const std::string lowered = LowerCaseSameOffsets(paragraph);
  if (lowered.find("recommendation") == std::string::npos || ResponseOf(paragraph) == RecommendationResponse::kNone) {
    return {};
  }
  // Each "in paragraphs …" of the sentence ("… contained in paragraphs 33
  // (a, b), 65(a) … Uzbekistan considers the recommendations contained in
  // paragraphs 43(a), 44 …").
  std::vector<ParagraphReference> references;
  for (std::size_t at = lowered.find(" paragraph"); at != std::string::npos; at = lowered.find(" paragraph", at + 1)) {
    if (at < 3 || (lowered.compare(at - 3, 3, " in") != 0 && lowered.compare(at - 3, 3, " at") != 0)) continue;
    std::size_t pos = at + 10;
    if (pos < lowered.size() && lowered[pos] == 's') ++pos;
    const std::size_t before = references.size();
    while (pos < lowered.size()) {
      const char c = lowered[pos];
      if (c == ' ' || c == ',' || c == ';' || c == ':' || c == '\n') {
        ++pos;
      } else if (IsAsciiDigit(c)) {
        int number = 0;
        std::size_t digits = 0;
        while (pos < lowered.size() && IsAsciiDigit(lowered[pos])) number = number * 10 + (lowered[pos++] - '0'), ++digits;
        if (digits > 3) break;
        references.push_back({number, {}});
      } else if (!references.empty() && (lowered.compare(pos, 13, "last sentence") == 0 ||
                                          lowered.compare(pos, 15, "(last sentence)") == 0)) {
        // "23 (last sentence)", "56, last sentence,": the paragraph's last sentence.
        references.back().last_sentence = true;
        pos += lowered[pos] == '(' ? 15 : 13;
      } else if (c == '(' && !references.empty()) {
        // "(a)", or the letters listed in one parenthesis: "(d, f, g, h)".
        const std::size_t close = lowered.find(')', pos);
        if (close == std::string::npos || close - pos > 40) break;
        std::vector<std::string> letters;
        for (std::size_t i = pos + 1; i < close;) {
          std::size_t end = i;
          while (end < close && IsLower(lowered[end])) ++end;
          if (end == i || end - i > 4) {
            letters.clear();
            break;
          }
          letters.push_back(lowered.substr(i, end - i));
          i = end;
          while (i < close && (lowered[i] == ',' || lowered[i] == ' ')) ++i;
        }
        if (letters.empty()) break;
        for (std::string& letter : letters) references.back().letters.push_back(std::move(letter));
        pos = close + 1;
      } else if (lowered.compare(pos, 4, "and ") == 0) {
        pos += 4;
      } else {
        break;  // "above", "in section I", "did not enjoy"
      }
    }
    // "in paragraph 52 of the National Report": another document's.
    if (lowered.compare(pos, 7, "of the ") == 0) references.resize(before);
  }
  return references;
}

void AddReferencedRecommendations(const Document& document, const MeetingFacts& facts,
                                  std::vector<Recommendation>& out) {
  const auto read = [&](std::size_t i) {
    const ParagraphKind kind = document.paragraphs[i].kind;
    return kind != ParagraphKind::kFootnote && kind != ParagraphKind::kTable;
  };
  // A numbered paragraph with the pieces that follow it up to the next
  // number or heading (a line "(c) and (d); 32 (d) …" is read as a
  // paragraph of its own).
  const auto whole = [&](std::size_t at, std::size_t end) {
    std::string text = document.paragraphs[at].text;
    for (std::size_t i = at + 1; i < end; ++i) {
      if (!read(i)) continue;
      const Paragraph& piece = document.paragraphs[i];
      // A heading of the report, not a line the layout took for one.
      if (piece.kind == ParagraphKind::kHeading && Capitalized(piece.text)) break;
      if (ParagraphNumber(piece.text) || IsItemNumber(piece.text)) break;
      text += ' ';
      text += piece.text;
    }
    return FoldWhitespace(text);
  };
  std::vector<std::string> added;  // a part pointed at twice is one record
  for (std::size_t ref = 0; ref < document.paragraphs.size(); ++ref) {
    if (!ParagraphNumber(document.paragraphs[ref].text)) continue;
    const std::string sentence = whole(ref, document.paragraphs.size());
    const std::vector<ParagraphReference> references = ReadParagraphReferences(sentence);
    if (references.empty()) continue;
    const RecommendationResponse response = ResponseOf(sentence);
    for (const ParagraphReference& reference : references) {
      // The dialogue's paragraph: the first of its number, before the
      // sentence, with the pages' pieces that follow it.
      std::size_t at = 0;
      for (; at < ref; ++at) {
        const auto number = ParagraphNumber(document.paragraphs[at].text);
        if (read(at) && number && number->first == reference.number) break;
      }
      if (at >= ref) continue;
      std::string text = whole(at, ref);
      text.erase(0, ParagraphNumber(text) ? ParagraphNumber(text)->second : 0);
      const std::string speaker = Speaker(text);
      if (speaker.empty()) continue;
      const auto add = [&](std::string part, std::string number) {
        if (part.empty() || std::find(added.begin(), added.end(), number) != added.end()) return;
        added.push_back(number);
        Recommendation record;
        record.number = std::move(number);
        record.text = std::move(part);
        record.recommending = {speaker};
        record.addressee = facts.subject;
        record.response = response;
        record.page = document.paragraphs[at].page;
        record.agenda_item = document.paragraphs[at].agenda_item;
        record.paragraph = at;
        out.push_back(std::move(record));
      };
      const std::string base = "p" + std::to_string(reference.number);
      // A lettered part, from "(a) " on: "that Sri Lanka ratify …", "Sri
      // Lanka accept …", "recommended that Cuba revise …" read without the
      // framing.
      const auto part_of = [&](const std::string& letter) {
        std::string part = LetteredPart(text, letter);
        if (part.starts_with("recommended ")) {
          part[0] = 'R';
          return WithoutFraming(part, facts.subject);
        }
        if (part.starts_with("that ")) return WithoutFraming(part, facts.subject);
        const std::string framed = "that " + part;
        const std::string unframed = WithoutFraming(framed, facts.subject);
        return unframed == framed ? part : unframed;
      };
      std::vector<std::string> letters = reference.letters;
      // A paragraph pointed at whole that sets out its own parts: each of them.
      if (letters.empty() && !LetteredPart(text, "a").empty()) {
        for (char c = 'a'; c <= 'z' && !LetteredPart(text, std::string(1, c)).empty(); ++c) letters.push_back(std::string(1, c));
      }
      if (!letters.empty()) {
        for (const std::string& letter : letters) add(part_of(letter), base + "(" + letter + ")");
        continue;
      }
      // The whole paragraph: each sentence that recommends, from its verb
      // on, or that encourages, requests, urges or calls on the State "to
      // …", from the words after "to".
      int count = 0;
      std::size_t last = 0;  // where its last sentence begins
      for (std::size_t end = SentenceEnd(text, 0); end + 1 < text.size(); end = SentenceEnd(text, end + 1)) last = end + 1;
      for (std::size_t from = reference.last_sentence ? last : 0; from < text.size();) {
        std::size_t verb = std::string::npos;
        for (std::string_view word : {" recommended ", " recommends ", " recommend ", " encourage", " request", " urge", " call"}) {
          verb = std::min(verb, text.find(word, from));
        }
        if (verb == std::string::npos) break;
        const std::size_t end = SentenceEnd(text, verb);
        std::string part;
        if (text.compare(verb, 10, " recommend") == 0) {
          part = text.substr(verb + 1, end - verb - 1);
          part[0] = 'R';
          part = WithoutFraming(part, facts.subject);
        } else if (const std::size_t to = text.find(" to ", verb); to < end && to < verb + 80) {
          part = text.substr(to + 4, end - to - 4);
        }
        add(CleanPart(part), base + (count++ ? "/" + std::to_string(count) : ""));
        from = end + 1;
      }
    }
  }
}

}  // namespace sextant
