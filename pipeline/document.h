// The document model that flows through every stage:
//
//   Document ─ pages ─ Page ─ words ─ Word                       (geometry)
//                          ─ blocks ─ Block ─ lines ─ TextLine ─ words ─ Word
//                            (furniture, body, footnotes by region)
//            ─ paragraphs ─ Paragraph ─ segments ─ Segment     (clean text)
//            ─ furniture, language, diagnostics                 (metadata)
//
// Text is canonical UTF-8 (NFC, with Arabic presentation forms, ligatures and
// bidi controls normalised away by the normalize stage). Segment and Tag
// offsets are byte offsets into their paragraph's text. Coordinates are PDF
// points with the origin at the top left of the page, y growing downwards.
//
// No third-party library types appear here: stages translate to and from
// Poppler, ICU and Xapian in their own files.
//
// Thread-safety: plain values. One Document is worked on by one thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/language.h"
#include "pipeline/status.h"

namespace sextant {

struct Box {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // top left, bottom right
  double width() const { return x1 - x0; }
  double height() const { return y1 - y0; }
  double center_x() const { return (x0 + x1) / 2; }
  double center_y() const { return (y0 + y1) / 2; }
  void Extend(const Box& other);
};

// One word as the PDF draws it.
struct Word {
  std::string text;
  Box box;
  double font_size = 0;
  bool bold = false;
  bool space_after = false;  // the PDF leaves a gap after this word
};

// A page's or line's words, held compactly: a whole document's words are
// held at once between extraction and paragraphs (furniture is told by
// what repeats across pages), and a Word takes 80 bytes where these take
// about 26 on UN documents. Lossless: Unpack() gives back the words exactly as given, every
// double to the bit. The words of a line share their top, bottom and font
// size more often than not; those are kept once for a run of words.
//
// Read it with Unpack() for a vector to change or sort, or iterate it (each
// Word is decoded in turn; a reference from the iterator is good until the
// iterator moves).
class PackedWords {
 public:
  PackedWords() = default;
  explicit PackedWords(const std::vector<Word>& words);

  std::size_t size() const { return count_; }
  bool empty() const { return count_ == 0; }
  std::vector<Word> Unpack() const;
  Word front() const { return *begin(); }
  Word operator[](std::size_t index) const;  // decodes the words before it too
  std::size_t bytes() const { return data_.capacity(); }

  class Iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = Word;
    using difference_type = std::ptrdiff_t;
    using pointer = const Word*;
    using reference = const Word&;

    Iterator() = default;
    const Word& operator*() const { return word_; }
    const Word* operator->() const { return &word_; }
    Iterator& operator++() {
      ++index_;
      Decode();
      return *this;
    }
    bool operator==(const Iterator& other) const { return index_ == other.index_; }

   private:
    friend class PackedWords;
    Iterator(const PackedWords* words, std::size_t index);
    void Decode();  // the word at index_, when there is one

    const PackedWords* words_ = nullptr;
    std::size_t index_ = 0;
    std::size_t offset_ = 0;  // into data_, of the word after word_
    Word word_;
  };
  Iterator begin() const { return Iterator(this, 0); }
  Iterator end() const { return Iterator(this, count_); }

 private:
  // A vector, not a string: assigning an empty one frees the memory (a
  // string keeps its buffer).
  std::vector<char> data_;
  std::uint32_t count_ = 0;
};

// Words that share a baseline, in logical (reading) order.
struct TextLine {
  PackedWords words;
  Box box;
  double font_size = 0;  // the most common size of its words
  bool bold = false;     // most of its text is bold
  int column = 0;        // 0, or 1 for the right column of a two-column page
  std::string text;      // words joined with the spaces the PDF shows
};

// Where on the page a block of lines sits and what it is for.
enum class BlockRole {
  kHeader,     // running head: the symbol, "United Nations", "Distr."
  kFooter,     // job number, page number, barcode text, "Please recycle"
  kBody,
  kFootnotes,  // below the footnote separator
};

struct Block {
  BlockRole role = BlockRole::kBody;
  int columns = 1;  // 2 when the lines were read as two columns
  std::vector<TextLine> lines;
};

// What a page's text layer is worth, as the extract stage judged it.
enum class TextLayer {
  kOk,          // text to read
  kNone,        // no text layer: an image (a scan)
  kUnreadable,  // text that is no text: glyphs mapped to the wrong characters
  kPoorOcr,     // an OCR layer of poor quality: words broken by misread letters
};

std::string_view TextLayerName(TextLayer layer);  // "ok", "none", "unreadable", "poor_ocr"

// A page's words and lines are held only while they are needed: layout moves
// the words into the blocks' lines, and the paragraph stage takes the lines
// (see Stage::consumes_artifacts). After it a page keeps its number and size.
struct Page {
  int number = 0;  // 1-based
  double width = 0, height = 0;
  TextLayer text_layer = TextLayer::kOk;  // the PDF's own text layer
  std::string text_layer_signal;          // what decided text_layer: "common words: 0 of 312"
  bool ocr = false;                       // `words` were read by OCR from the page's image
  PackedWords words;          // as extracted, until layout
  std::vector<Block> blocks;  // built by layout, until paragraphs: header, body, footnotes, footer
};

enum class ParagraphKind { kHeading, kBody, kFootnote, kTable };

enum class TagKind {
  kSymbol,          // a document symbol: "CTOC/COP/WG.4/2022/2"
  kResolution,      // a cited resolution or decision: "resolution 7/1"
  kAgendaItem,      // "Agenda item 26", "议程项目 2"
  kDate,            // a calendar date, value in ISO 8601
  kRecommendation,  // the segment is a recommendation
};

std::string_view TagKindName(TagKind kind);

// One named part of a tag's value, in the order the value is written:
// {"root", "CTOC/COP"}, {"body", "WG.4"}, {"year", "2022"}, {"number", "2"}.
struct TagPart {
  std::string name;
  std::string value;
};

// A typed span of text. `value` is the normalised form (a symbol as UN
// writes it, an ISO date, an agenda item number "1(a)").
struct Tag {
  TagKind kind = TagKind::kSymbol;
  std::size_t begin = 0, end = 0;  // byte offsets into the tagged text
  std::string value;
  std::vector<TagPart> parts;
};

// A sentence (or list item) of a paragraph.
struct Segment {
  std::size_t begin = 0, end = 0;  // byte offsets into Paragraph::text
};

struct Paragraph {
  std::string text;
  int page = 0;  // 1-based page where the paragraph starts
  ParagraphKind kind = ParagraphKind::kBody;
  std::string footnote_marker;  // for footnotes: "1", "*"
  std::vector<Segment> segments;
  std::vector<Tag> tags;        // spans into `text`, in text order
  std::string agenda_item;      // "1(a)", "26", or empty when unknown
  bool ocr = false;             // read by OCR (its first page was)
};

// One item of a document's agenda: "1. Organizational matters:" with its
// sub-items "(a) Opening of the meeting;".
struct AgendaEntry {
  std::string item;   // "1", or "1(a)" for a sub-item
  std::string title;  // "Organizational matters"
  std::vector<AgendaEntry> subitems;
};

// A row of the annex work programme: "Wednesday, 29 June | 10 a.m.–1 p.m. |
// 1 (a) | Opening of the meeting".
struct WorkProgrammeRow {
  std::string date;  // as printed
  std::string time;
  std::string item;  // canonical, "1(a)"
  std::string title;
};

// What the page furniture says about the document.
struct Furniture {
  std::optional<std::string> symbol;           // normalised: "A/RES/80/1"
  std::optional<std::string> date;             // ISO 8601: "2025-09-19"
  std::optional<std::string> distribution;     // "General", "Limited"
  std::optional<Language> original_language;  // from "Original: English"
  std::optional<std::string> job_number;       // "25-15106 (E)"
  std::optional<Language> job_language;        // from the job number letter
  std::vector<std::string> removed_lines;      // every line kept out of the body
  std::vector<std::string> symbol_repairs;     // "\"СТО С/СО P/WG .4/202 2/1\" read as CTOC/COP/WG.4/2022/1"
};

// What a document's text says of the meeting it records: "The Working Group
// on the Universal Periodic Review ... held its fifth session from 4 to 15
// May 2009 ... The review of Afghanistan was held at the 6th meeting, on
// 7 May 2009". Dates are ISO 8601: a day ("2009-05-07") or, for a span the
// text gives by its ends, an interval ("2009-05-04/2009-05-15").
struct MeetingFacts {
  std::string body;                     // "Working Group on the Universal Periodic Review"
  std::string session;                  // "5" (an ordinal written as its number), "twelfth meeting" → "12"
  std::vector<std::string> session_dates;  // when the session was held
  std::vector<std::string> dates;       // when this document's meeting or review was held
  std::string venue;                    // "Geneva", "Vienna"
  std::string subject;                  // the State under review, when the document reviews one

  bool empty() const { return body.empty() && session.empty() && session_dates.empty() && dates.empty(); }
};

// The answer a document gives to a recommendation, in the report's own
// grouping: "enjoy the support of", "will be examined by", "did not enjoy
// the support of" / "noted by".
enum class RecommendationResponse { kNone, kSupported, kToBeExamined, kNoted };

std::string_view RecommendationResponseName(RecommendationResponse response);  // "supported", …; "" for kNone

// A recommendation read as a record from the document's structure: an item
// of a numbered list of a review report, a "The Committee recommends that …"
// paragraph, an item under a "Recommendations" heading.
struct Recommendation {
  std::string number;                     // "95.1", "119.38", "23": unique within the document
  std::string text;                       // whole, without the recommending parentheses
  std::vector<std::string> recommending;  // "Austria", "Czech Republic"; or the body ("Committee")
  std::string addressee;                  // "Afghanistan", "State party", "States parties"
  RecommendationResponse response = RecommendationResponse::kNone;
  int page = 0;                           // where it starts
  std::string agenda_item;
  std::size_t paragraph = 0;              // index into Document::paragraphs where it starts
};

enum class Severity { kInfo, kWarning };

// A soft problem worth telling the user about; the document is still usable.
struct Diagnostic {
  Severity severity = Severity::kWarning;
  std::string code;  // stable, e.g. "language_conflict"
  std::string message;
};

struct Document {
  std::string path;
  std::optional<Language> language;  // set by the language stage
  std::string language_evidence;     // how the language was decided
  std::vector<Page> pages;
  std::vector<Paragraph> paragraphs;
  std::vector<AgendaEntry> agenda;              // set by the tag stage
  std::vector<WorkProgrammeRow> work_programme;  // set by the tag stage
  Furniture furniture;
  MeetingFacts meeting;                          // set by the recommendation stage
  std::vector<Recommendation> recommendations;   // set by the recommendation stage
  std::vector<Diagnostic> diagnostics;

  void Warn(std::string code, std::string message);
  void Note(std::string code, std::string message);
};

std::string_view ParagraphKindName(ParagraphKind kind);

}  // namespace sextant
