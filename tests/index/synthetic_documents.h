// Synthetic document sets for the index tests that need many of them fast
// (no PDF extraction, no corpora): set `set` in a language is `segments`
// sentences of nine words drawn from a small UN vocabulary by a fixed
// linear congruential generator, four to a paragraph, with the symbol
// CTOC/COP/WG.4/2030/<set + 1>; the versions of a set align 1-1.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "index/index_writer.h"
#include "index/schema.h"
#include "pipeline/content_hash.h"
#include "pipeline/document.h"
#include "stages/align/document_aligner.h"

namespace sextant::testing {

inline Document SyntheticVersion(std::size_t set, Language language, std::size_t segments) {
  static const char* const kWords[] = {"committee", "resolution", "trafficking", "persons", "member",  "states",
                                       "report",    "secretary",  "general",     "meeting", "agenda",  "item",
                                       "session",   "council",    "assembly",    "working", "group",   "protocol"};
  Document document;
  document.path = "synthetic/set" + std::to_string(set) + "." + std::string(Code(language)) + ".pdf";
  document.language = language;
  document.furniture.symbol = "CTOC/COP/WG.4/2030/" + std::to_string(set + 1);
  document.furniture.date = "2030-01-15";
  std::uint64_t state = set * 7919 + static_cast<std::uint64_t>(language) + 1;
  for (std::size_t s = 0; s < segments;) {
    Paragraph paragraph;
    paragraph.page = 1 + static_cast<int>(s / 40);
    for (std::size_t k = 0; k < 4 && s < segments; ++k, ++s) {
      const std::size_t begin = paragraph.text.size();
      for (int w = 0; w < 9; ++w) {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        paragraph.text += kWords[(state >> 33) % (sizeof kWords / sizeof *kWords)];
        paragraph.text += ' ';
      }
      paragraph.text += "number " + std::to_string(s) + ".";
      paragraph.segments.push_back({begin, paragraph.text.size()});
      paragraph.text += ' ';
    }
    document.paragraphs.push_back(std::move(paragraph));
  }
  return document;
}

inline ContentHash SyntheticContentHash(std::size_t set, Language language) {
  ContentHash hash;
  hash.Add("synthetic set " + std::to_string(set) + " " + std::string(Code(language)));
  return hash;
}
inline std::string SyntheticHash(std::size_t set, Language language) { return SyntheticContentHash(set, language).Hex(); }

// The versions of one set with what IndexWriter needs; `Versions()` points
// into it, so keep it alive (and unmoved) while they are used.
struct SyntheticSet {
  std::vector<Document> documents;  // languages[0] is the pivot
  std::vector<std::string> hashes;
  std::vector<DocumentAlignment> alignments;

  SyntheticSet(std::size_t set, const std::vector<Language>& languages, std::size_t segments) {
    for (Language language : languages) {
      documents.push_back(SyntheticVersion(set, language, segments));
      hashes.push_back(SyntheticHash(set, language));
    }
    alignments.resize(languages.size());
    for (std::size_t k = 1; k < languages.size(); ++k) {
      for (std::size_t s = 0; s < segments; ++s) alignments[k].sentences.links.push_back({{s}, {s}, 1.0});
    }
  }
  SyntheticSet(const SyntheticSet&) = delete;
  SyntheticSet& operator=(const SyntheticSet&) = delete;

  std::vector<IndexVersion> Versions() const {
    std::vector<IndexVersion> versions;
    for (std::size_t k = 0; k < documents.size(); ++k) {
      versions.push_back({&documents[k], hashes[k], k == 0 ? nullptr : &alignments[k]});
    }
    return versions;
  }
};

}  // namespace sextant::testing
