#include "pipeline/document.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <utility>

namespace sextant {

namespace {

// The flags byte before each packed word.
constexpr std::uint8_t kBold = 1u << 0;
constexpr std::uint8_t kSpaceAfter = 1u << 1;
constexpr std::uint8_t kNewTop = 1u << 2;     // y0 differs from the word before's
constexpr std::uint8_t kNewBottom = 1u << 3;  // y1 differs
constexpr std::uint8_t kNewSize = 1u << 4;    // font_size differs

// Equal to the bit: a value written once is read back as it was.
bool Same(double a, double b) { return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b); }

std::uint8_t FlagsOf(const Word& word, const Word& previous) {
  std::uint8_t flags = 0;
  if (word.bold) flags |= kBold;
  if (word.space_after) flags |= kSpaceAfter;
  if (!Same(word.box.y0, previous.box.y0)) flags |= kNewTop;
  if (!Same(word.box.y1, previous.box.y1)) flags |= kNewBottom;
  if (!Same(word.font_size, previous.font_size)) flags |= kNewSize;
  return flags;
}

std::size_t PackedSize(const Word& word, std::uint8_t flags) {
  std::size_t size = 1 + 2 * sizeof(double) + word.text.size();
  for (std::size_t n = word.text.size(); n >= 0x80; n >>= 7) ++size;
  ++size;  // the last byte of the length
  for (std::uint8_t flag : {kNewTop, kNewBottom, kNewSize}) {
    if (flags & flag) size += sizeof(double);
  }
  return size;
}

void PutDouble(std::vector<char>& out, double value) {
  char bytes[sizeof(double)];
  std::memcpy(bytes, &value, sizeof(double));
  out.insert(out.end(), bytes, bytes + sizeof(double));
}

double GetDouble(const std::vector<char>& in, std::size_t& offset) {
  double value;
  std::memcpy(&value, in.data() + offset, sizeof(double));
  offset += sizeof(double);
  return value;
}

}  // namespace

PackedWords::PackedWords(const std::vector<Word>& words) : count_(static_cast<std::uint32_t>(words.size())) {
  std::size_t size = 0;
  const Word none;
  const Word* previous = &none;
  for (const Word& word : words) {
    size += PackedSize(word, FlagsOf(word, *previous));
    previous = &word;
  }
  data_.reserve(size);
  previous = &none;
  for (const Word& word : words) {
    const std::uint8_t flags = FlagsOf(word, *previous);
    data_.push_back(static_cast<char>(flags));
    std::size_t length = word.text.size();
    for (; length >= 0x80; length >>= 7) data_.push_back(static_cast<char>(0x80 | (length & 0x7F)));
    data_.push_back(static_cast<char>(length));
    data_.insert(data_.end(), word.text.begin(), word.text.end());
    PutDouble(data_, word.box.x0);
    PutDouble(data_, word.box.x1);
    if (flags & kNewTop) PutDouble(data_, word.box.y0);
    if (flags & kNewBottom) PutDouble(data_, word.box.y1);
    if (flags & kNewSize) PutDouble(data_, word.font_size);
    previous = &word;
  }
}

std::vector<Word> PackedWords::Unpack() const {
  std::vector<Word> words;
  words.reserve(count_);
  for (const Word& word : *this) words.push_back(word);
  return words;
}

Word PackedWords::operator[](std::size_t index) const {
  Iterator it = begin();
  for (std::size_t i = 0; i < index; ++i) ++it;
  return *it;
}

PackedWords::Iterator::Iterator(const PackedWords* words, std::size_t index) : words_(words), index_(index) {
  if (index_ == 0) Decode();
}

void PackedWords::Iterator::Decode() {
  if (index_ >= words_->count_) return;
  const std::vector<char>& in = words_->data_;
  const auto flags = static_cast<std::uint8_t>(in[offset_++]);
  std::size_t length = 0;
  for (int shift = 0;; shift += 7) {
    const auto byte = static_cast<std::uint8_t>(in[offset_++]);
    length |= static_cast<std::size_t>(byte & 0x7F) << shift;
    if ((byte & 0x80) == 0) break;
  }
  word_.text.assign(in.data() + offset_, length);
  offset_ += length;
  word_.bold = (flags & kBold) != 0;
  word_.space_after = (flags & kSpaceAfter) != 0;
  word_.box.x0 = GetDouble(in, offset_);
  word_.box.x1 = GetDouble(in, offset_);
  // What is not written is the word before's, which word_ still holds.
  if (flags & kNewTop) word_.box.y0 = GetDouble(in, offset_);
  if (flags & kNewBottom) word_.box.y1 = GetDouble(in, offset_);
  if (flags & kNewSize) word_.font_size = GetDouble(in, offset_);
}

void Box::Extend(const Box& other) {
  x0 = std::min(x0, other.x0);
  y0 = std::min(y0, other.y0);
  x1 = std::max(x1, other.x1);
  y1 = std::max(y1, other.y1);
}

void Document::Warn(std::string code, std::string message) {
  diagnostics.push_back({Severity::kWarning, std::move(code), std::move(message)});
}

void Document::Note(std::string code, std::string message) {
  diagnostics.push_back({Severity::kInfo, std::move(code), std::move(message)});
}

std::string_view TagKindName(TagKind kind) {
  switch (kind) {
    case TagKind::kSymbol: return "symbol";
    case TagKind::kResolution: return "resolution";
    case TagKind::kAgendaItem: return "agenda_item";
    case TagKind::kDate: return "date";
    case TagKind::kRecommendation: return "recommendation";
  }
  return "symbol";
}

std::string_view RecommendationResponseName(RecommendationResponse response) {
  switch (response) {
    case RecommendationResponse::kNone: return "";
    case RecommendationResponse::kSupported: return "supported";
    case RecommendationResponse::kToBeExamined: return "to_be_examined";
    case RecommendationResponse::kNoted: return "noted";
  }
  return "";
}

std::string_view TextLayerName(TextLayer layer) {
  switch (layer) {
    case TextLayer::kOk: return "ok";
    case TextLayer::kNone: return "none";
    case TextLayer::kUnreadable: return "unreadable";
    case TextLayer::kPoorOcr: return "poor_ocr";
  }
  return "ok";
}

std::string_view ParagraphKindName(ParagraphKind kind) {
  switch (kind) {
    case ParagraphKind::kHeading: return "heading";
    case ParagraphKind::kBody: return "body";
    case ParagraphKind::kFootnote: return "footnote";
    case ParagraphKind::kTable: return "table";
  }
  return "body";
}

}  // namespace sextant
