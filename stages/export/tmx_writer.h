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
// Thread-safety: WriteTmx keeps no state and may run
// concurrently on different documents (libxml2 is initialised once, on
// first use, in a thread-safe way). libxml2 running out of memory throws
// std::bad_alloc.
#pragma once

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

// The TMX 1.4b document as UTF-8 text, with an XML declaration and
// <!DOCTYPE tmx SYSTEM "tmx14.dtd">.
std::string WriteTmx(const TmxDocument& document);

}  // namespace sextant
