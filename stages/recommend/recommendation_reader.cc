#include "stages/recommend/recommendation_reader.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "pipeline/unicode_text.h"
#include "stages/tag/recommendation.h"
#include "stages/recommend/item_parts.h"
#include "stages/recommend/recommendation_groups.h"
#include "stages/recommend/recommending_paragraphs.h"
#include "stages/recommend/recommending_states.h"
#include "stages/recommend/referenced_recommendations.h"

namespace sextant {
namespace {

// "95.", "119.38.", "129.40", "1." at the start of a text: its numbers and
// where the item's words begin.
struct ItemMarker {
  std::vector<int> numbers;
  std::size_t text_begin = 0;
};

std::optional<ItemMarker> ReadMarker(std::string_view text) {
  ItemMarker marker;
  std::size_t pos = 0;
  while (true) {
    std::size_t digits = 0;
    int number = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9' && digits < 4) {
      number = number * 10 + (text[pos] - '0');
      ++pos;
      ++digits;
    }
    if (digits == 0 || digits > 3) return std::nullopt;
    marker.numbers.push_back(number);
    if (pos < text.size() && text[pos] == '.') ++pos;
    if (pos < text.size() && text[pos] >= '0' && text[pos] <= '9' && marker.numbers.size() < 3) continue;
    break;
  }
  if (pos < text.size() && text[pos] == ')') ++pos;
  // The words follow after white space (an item never starts with a digit).
  const std::size_t before_space = pos;
  while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
  if (pos == before_space && !(pos < text.size() && static_cast<unsigned char>(text[pos]) >= 0x80)) {
    return std::nullopt;
  }
  if (pos >= text.size() || (text[pos] >= '0' && text[pos] <= '9')) return std::nullopt;
  marker.text_begin = pos;
  return marker;
}

std::string NumberText(const std::vector<int>& numbers) {
  std::string out;
  for (int number : numbers) {
    if (!out.empty()) out += '.';
    out += std::to_string(number);
  }
  return out;
}

// A group of a review report's list, from its intro to the next intro or the
// end of the list.
struct OpenGroup {
  int number = -1;  // the intro's paragraph number, -1 when it has none
  RecommendationResponse response = RecommendationResponse::kNone;
  std::string addressee;
  int last_item = 0;
};

struct OpenItem {
  std::string number;
  std::string text;
  int page = 0;
  std::size_t paragraph = 0;
  std::string agenda_item;
};

// The item number a marker gives in the group, or nullopt when the marker
// does not continue the group's list.
std::optional<std::string> ItemNumber(const ItemMarker& marker, const OpenGroup& group) {
  if (marker.numbers.size() == 2) {
    if (marker.numbers[0] == group.number && marker.numbers[1] > group.last_item) return NumberText(marker.numbers);
    // A slip in the report's own numbering ("128.12" between 129.11 and
    // 129.13) keeps the list going when the item's number is the next.
    if (group.number >= 0 && group.last_item > 0 && marker.numbers[1] == group.last_item + 1) {
      return std::to_string(group.number) + "." + std::to_string(marker.numbers[1]);
    }
    // A digit dropped ("118.09" between 118.108 and 118.110): the number
    // written is the next one's last digits, so it is the next item.
    const std::string next = std::to_string(group.last_item + 1);
    const std::string written = std::to_string(marker.numbers[1]);
    if (marker.numbers[0] == group.number && written.size() < next.size() &&
        next.ends_with(written)) {
      return std::to_string(group.number) + "." + next;
    }
    return std::nullopt;
  }
  if (marker.numbers.size() == 1 && marker.numbers[0] == group.last_item + 1) {
    return group.number >= 0 ? std::to_string(group.number) + "." + std::to_string(marker.numbers[0])
                             : std::to_string(marker.numbers[0]);
  }
  return std::nullopt;
}

// The text starts with the first item of group `number`: "102.1. …".
bool StartsItemOf(std::string_view text, int number) {
  const std::optional<ItemMarker> marker = ReadMarker(text);
  return marker && marker->numbers.size() == 2 && marker->numbers[0] == number && marker->numbers[1] == 1;
}

std::string_view TrimEnd(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.remove_suffix(1);
  return text;
}

// An item is closed once it ends with its recommending States.
bool ItemClosed(std::string_view text) { return ClosingStateList(text).has_value(); }

// Where the next item of the group starts inside a paragraph that holds
// several ("… (Rwanda); 89.2. Adopt …"): after ";", "." or ")" and a space.
std::size_t NextInlineItem(std::string_view text, std::size_t from, const OpenGroup& group) {
  for (std::size_t pos = text.find(' ', from); pos != std::string_view::npos; pos = text.find(' ', pos + 1)) {
    if (pos + 1 >= text.size() || text[pos + 1] < '0' || text[pos + 1] > '9') continue;
    const std::string_view before = TrimEnd(text.substr(0, pos));
    if (before.empty() || std::string_view(";.):").find(before.back()) == std::string_view::npos) continue;
    const std::optional<ItemMarker> marker = ReadMarker(text.substr(pos + 1));
    if (marker && ItemNumber(*marker, group)) return pos + 1;
  }
  return std::string_view::npos;
}

// Where the first item "N.1" of the group that paragraph N opens starts in
// the paragraph's own text, or npos.
std::size_t FirstItemOf(std::string_view text, int number) {
  const std::string first = " " + std::to_string(number) + ".1";
  for (std::size_t at = text.find(first); at != std::string_view::npos; at = text.find(first, at + 1)) {
    const std::optional<ItemMarker> marker = ReadMarker(text.substr(at + 1));
    if (marker && marker->numbers.size() == 2 && marker->numbers[1] == 1) return at + 1;
  }
  return std::string_view::npos;
}

// One record per part of an item that several States made in parts.
void AddItemRecords(const OpenItem& item, const OpenGroup& group, const MeetingFacts& facts,
                    std::vector<Recommendation>& out) {
  std::vector<ItemPart> parts;
  for (ItemPart& part : SplitItemByStates(item.text)) {
    for (std::string& piece : SplitFurtherRecommendations(part.text)) parts.push_back({std::move(piece), part.states});
  }
  const RecommendationResponse response = group.response;
  const std::string& addressee = !facts.subject.empty() ? facts.subject : group.addressee;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    Recommendation record;
    record.number = item.number;
    if (parts.size() > 1) record.number += static_cast<char>('a' + std::min<std::size_t>(i, 25));
    record.text = WithoutFraming(parts[i].text, addressee);
    record.recommending = std::move(parts[i].states);
    record.addressee = addressee;
    record.response = response;
    record.page = item.page;
    record.agenda_item = item.agenda_item;
    record.paragraph = item.paragraph;
    out.push_back(std::move(record));
  }
}

// The lists of a review report.
class ReviewListReader {
 public:
  ReviewListReader(const MeetingFacts& facts, std::vector<Recommendation>& out) : facts_(facts), out_(out) {}

  // `next`: the text of the paragraph that follows, or empty.
  void Read(const Paragraph& paragraph, std::size_t index, std::string_view next) {
    const std::string_view text = paragraph.text;
    if (EndsReviewRecommendations(text)) {
      Close();
      return;
    }
    // An intro may run on into its first items: "99. The following … 2013.
    // 99.1. Ratify …".
    const std::optional<ItemMarker> marker = ReadMarker(text);
    const int own_number = marker && marker->numbers.size() == 1 ? marker->numbers[0] : -1;
    const std::size_t first_item = own_number >= 0 ? FirstItemOf(text, own_number) : std::string_view::npos;
    const bool list_follows = first_item != std::string_view::npos || (own_number >= 0 && StartsItemOf(next, own_number));
    if (std::optional<RecommendationGroupIntro> intro = ReadGroupIntro(text.substr(0, first_item), list_follows)) {
      FlushItem();
      group_ = OpenGroup{own_number, intro->response, std::move(intro->addressee), 0};
      if (first_item != std::string_view::npos) ReadItems(text, first_item, paragraph, index);
      return;
    }
    if (group_) ReadItems(text, 0, paragraph, index);
  }

  void Close() {
    FlushItem();
    group_.reset();
  }

  bool in_list() const { return group_.has_value(); }

 private:
  // The items of `text` from `start`, each piece from one item marker to the next.
  void ReadItems(std::string_view text, std::size_t start, const Paragraph& paragraph, std::size_t index) {
    while (start < text.size()) {
      // The next item after this piece's own, if it opens one.
      OpenGroup after = *group_;
      if (const std::optional<ItemMarker> marker = ReadMarker(text.substr(start))) {
        if (const std::optional<std::string> number = ItemNumber(*marker, after)) {
          after.last_item = std::stoi(number->substr(number->rfind('.') + 1));
        }
      }
      const std::size_t next = NextInlineItem(text, start + 1, after);
      const std::string_view piece =
          text.substr(start, next == std::string_view::npos ? std::string_view::npos : next - start);
      if (!ReadPiece(piece, paragraph, index)) return;
      if (next == std::string_view::npos) return;
      start = next;
    }
  }

  // False when the piece ends the group.
  bool ReadPiece(std::string_view piece, const Paragraph& paragraph, std::size_t index) {
    const std::optional<ItemMarker> marker = ReadMarker(piece);
    if (marker) {
      if (std::optional<std::string> number = ItemNumber(*marker, *group_)) {
        FlushItem();
        group_->last_item = std::stoi(number->substr(number->rfind('.') + 1));
        item_ = OpenItem{std::move(*number), std::string(piece.substr(marker->text_begin)), paragraph.page, index,
                         paragraph.agenda_item};
        return true;
      }
      // A number that begins a line inside an item ("… building more than /
      // 3.5 million dwellings (Angola);"): the item goes on.
      std::size_t at = marker->text_begin;
      if (item_ && !ItemClosed(item_->text) && IsLowercaseLetter(NextCodePoint(piece, at))) {
        item_->text += ' ';
        item_->text += piece;
        return true;
      }
      // Another numbered paragraph of the report: the list is over.
      Close();
      return false;
    }
    if (paragraph.kind == ParagraphKind::kHeading && !item_) {
      Close();
      return false;
    }
    // A note of the report's own ("** Conclusions and recommendations have
    // not been edited.") set between the lines of an item.
    // The note may come without its asterisks (guatemala2012, philippines2012).
    if (piece.substr(0, 1) == "*" || piece.substr(0, 3) == "∗" ||
        piece.starts_with("Conclusions and recommendations have not been edited")) {
      return true;
    }
    // A page break inside an item: the item goes on while it has not ended
    // with its States and the piece reads as its continuation.
    if (item_ && !ItemClosed(item_->text)) {
      item_->text += ' ';
      item_->text += piece;
    }
    return true;  // otherwise a note between items ("The recommendation as read …")
  }

  void FlushItem() {
    if (item_ && group_) AddItemRecords(*item_, *group_, facts_, out_);
    item_.reset();
  }

  const MeetingFacts& facts_;
  std::vector<Recommendation>& out_;
  std::optional<OpenGroup> group_;
  std::optional<OpenItem> item_;
};

// "The Committee recommends that the State party …" paragraphs (with the
// lettered sub-paragraphs that follow one ending in ":"), and the numbered
// or lettered paragraphs under a "Recommendations" heading.
class BodyRecommendationReader {
 public:
  BodyRecommendationReader(const MeetingFacts& facts, std::vector<Recommendation>& out) : facts_(facts), out_(out) {}

  void Read(const Paragraph& paragraph, std::size_t index) {
    const std::string_view text = paragraph.text;
    if (paragraph.kind == ParagraphKind::kHeading) {
      Flush();
      under_heading_ = IsRecommendationsHeading(text);
      return;
    }
    const std::optional<ItemMarker> marker = ReadMarker(text);
    const bool lettered = IsLettered(text);
    // A sub-paragraph "(a) …" of the record above, when that one announced a list.
    if (open_ && lettered && open_->announces) {
      open_->record.text += ' ';
      open_->record.text += FoldWhitespace(text);
      return;
    }
    Flush();
    std::optional<RecommendingSentence> sentence = FindRecommendingSentence(text);
    if (!sentence && !(under_heading_ && (marker || lettered))) return;
    Recommendation record;
    record.number = marker ? NumberText(marker->numbers) : lettered ? std::string(text.substr(1, text.find(')') - 1))
                                                                    : "p" + std::to_string(index + 1);
    const std::size_t begin = sentence ? sentence->begin : marker ? marker->text_begin : 0;
    record.text = FoldWhitespace(text.substr(begin));
    if (sentence) record.recommending.push_back(facts_.body.empty() ? sentence->recommending : facts_.body);
    else if (!facts_.body.empty()) record.recommending.push_back(facts_.body);
    record.addressee = sentence ? sentence->addressee : AddresseeAt(text.substr(begin));
    record.page = paragraph.page;
    record.agenda_item = paragraph.agenda_item;
    record.paragraph = index;
    const bool announces = !record.text.empty() && (record.text.back() == ':' || record.text.ends_with("："));
    open_ = Open{std::move(record), announces};
  }

  void Flush() {
    if (open_) out_.push_back(std::move(open_->record));
    open_.reset();
  }

 private:
  // "(a) …", "(iv) …": a lettered sub-paragraph.
  static bool IsLettered(std::string_view text) {
    if (text.size() < 4 || text[0] != '(') return false;
    const std::size_t close = text.find(')');
    if (close == std::string_view::npos || close > 6) return false;
    for (std::size_t i = 1; i < close; ++i) {
      if (text[i] < 'a' || text[i] > 'z') return false;
    }
    return close > 1;
  }

  struct Open {
    Recommendation record;
    bool announces = false;
  };
  const MeetingFacts& facts_;
  std::vector<Recommendation>& out_;
  bool under_heading_ = false;
  std::optional<Open> open_;
};

}  // namespace

std::vector<Recommendation> ReadRecommendations(const Document& document, const MeetingFacts& facts) {
  std::vector<Recommendation> records;
  ReviewListReader review(facts, records);
  std::vector<Recommendation> stated;
  BodyRecommendationReader body(facts, stated);
  const auto read = [&](std::size_t i) {
    const ParagraphKind kind = document.paragraphs[i].kind;
    return kind != ParagraphKind::kFootnote && kind != ParagraphKind::kTable;
  };
  for (std::size_t i = 0; i < document.paragraphs.size(); ++i) {
    if (!read(i)) continue;
    std::size_t next = i + 1;
    while (next < document.paragraphs.size() && !read(next)) ++next;
    const bool was_in_list = review.in_list();
    review.Read(document.paragraphs[i], i, next < document.paragraphs.size() ? std::string_view(document.paragraphs[next].text) : std::string_view());
    if (was_in_list || review.in_list()) {
      body.Flush();
    } else {
      body.Read(document.paragraphs[i], i);
    }
  }
  review.Close();
  body.Flush();
  // A review report's own lists are its recommendations; what its
  // paragraphs say a body recommended is the record of other documents.
  if (records.empty()) return stated;
  AddReferencedRecommendations(document, facts, records);
  return records;
}

}  // namespace sextant
