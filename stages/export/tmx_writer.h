// TMX export: an alignment of two language versions of one document as a
// TMX 1.4b translation memory (the LISA/GALA Translation Memory eXchange
// format), for translators to load into their CAT tools. Written with
// libxml2's text writer, so every text and attribute value is escaped by
// libxml2; the output is valid against corpora/tmx/tmx14.dtd.
//
// What is written:
//   - <header> with creationtool="Sextant", the Sextant version,
//     datatype="plaintext", segtype="sentence", o-tmf="Sextant",
//     adminlang="en", srclang = the source language and the caller's
//     creationdate; a <prop type="x-document-symbol"> with the symbol (when
//     not empty) and <prop type="x-languages"> ("zh,en": source, target).
//   - one <tu> per link that has units on both sides (1–1, 1–2, 2–1, 2–2):
//     <prop type="x-score"> (the link's confidence, two decimals),
//     <prop type="x-source-units"> and <prop type="x-target-units"> (the
//     0-based unit indices, space-separated: "3 4"), then one <tuv> per
//     language. The texts of several units are joined with a space, or with
//     nothing for Chinese.
//   - 1–0 and 0–1 links are LEFT OUT (a translation memory holds pairs),
//     and so is a link whose text on either side is empty after cleaning.
//
// Language codes: the bare ISO 639-1 codes of pipeline/language.h ("ar",
// "zh", "en", "fr", "ru", "es"), the same codes the rest of Sextant prints.
// They are valid RFC 3066 / BCP 47 tags; region forms ("zh-CN") are not used
// because a UN language version is not tied to a region ("zh" here is always
// Simplified Chinese, the UN's written form).
//
// Text cleaning (before libxml2 escapes it): invalid UTF-8 bytes become
// U+FFFD; characters XML 1.0 does not allow (C0 controls other than tab, LF
// and CR; U+FFFE, U+FFFF) are dropped; leading and trailing white space of a
// segment is trimmed (TMX segments carry none).
//
// Writing it to a file is the caller's (pipeline/file_io.h).
//
// TmxStreamWriter writes the same TMX a unit at a time into a std::ostream,
// for a translation memory too big to hold (`sextant export`): the header
// first, then each <tu> as it comes (libxml2 buffers a few KiB), then the
// end. Its units carry the caller's properties; their texts are cleaned
// and trimmed as above, and a unit with an empty side is left out.
// WriteTmx is written through it.
//
// Thread-safety: WriteTmx keeps no state and may run
// concurrently on different documents (libxml2 is initialised once, on
// first use, in a thread-safe way); a TmxStreamWriter is used by one thread.
// libxml2 running out of memory throws std::bad_alloc; a TmxStreamWriter
// whose stream fails (a full disk, a closed pipe) throws
// std::ios_base::failure.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "pipeline/alignment.h"
#include "pipeline/language.h"

namespace sextant {

struct TmxDocument {
  std::string symbol;  // the document's own symbol, e.g. "A/HRC/WG.6/34/ITA/3"; may be empty
  Language source_language = Language::kEnglish;
  Language target_language = Language::kEnglish;
  // Sentence (or paragraph) texts, UTF-8, indexed by the alignment's links.
  std::vector<std::string> source_units, target_units;
  // Links into the units; indices out of range are a programming error
  // (asserted; in release builds such a unit is treated as empty). May be
  // null: an empty body.
  const Alignment* alignment = nullptr;
  // "20261128T120000Z" (TMX's ISO 8601 form), given by the caller so that
  // the output is reproducible. Left out of the header when empty.
  std::string creation_date;
};

struct TmxHeader {
  Language source_language = Language::kEnglish;
  Language target_language = Language::kEnglish;
  std::string symbol;         // <prop type="x-document-symbol"> when not empty
  std::string creation_date;  // as TmxDocument's; left out when empty
};

// <prop type="TYPE">TEXT</prop>; TMX reserves the "x-" prefix for
// user-defined types, which these are.
struct TmxProp {
  std::string type, text;
};

struct TmxUnit {
  std::vector<TmxProp> props;  // in order, before the two <tuv>; empty texts left out
  std::string source_text, target_text;
};

class TmxStreamWriter {
 public:
  // Writes the XML declaration, the DOCTYPE, <tmx>, the <header> and opens
  // <body>.
  TmxStreamWriter(std::ostream& out, const TmxHeader& header);
  ~TmxStreamWriter();
  TmxStreamWriter(const TmxStreamWriter&) = delete;
  TmxStreamWriter& operator=(const TmxStreamWriter&) = delete;

  // One <tu>; false (nothing written) when a side is empty once cleaned.
  bool Write(const TmxUnit& unit);
  // Closes <body> and <tmx> and flushes everything into the stream. Once
  // only; a writer destroyed without it leaves the document unfinished.
  void Finish();

 private:
  class Xml;
  std::unique_ptr<Xml> xml_;
  TmxHeader header_;
};

// Now, in TMX's date form (UTC): "20261128T120000Z".
std::string TmxDateNow();

// The TMX 1.4b document as UTF-8 text, with an XML declaration and
// <!DOCTYPE tmx SYSTEM "tmx14.dtd">.
std::string WriteTmx(const TmxDocument& document);

}  // namespace sextant
