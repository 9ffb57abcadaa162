// Bilingual dictionaries for the aligner's lexicon: word pairs read from a
// dictionary in the dictd format that Debian's FreeDict packages install
// (dict-freedict-eng-fra and the like: /usr/share/dictd/NAME.index and
// NAME.dict.dz). A short document teaches the bootstrapped lexicon too few
// words for it to speak; with a dictionary's pairs added it does.
//
// ParseDictd() parses (no I/O); LoadFreeDict() finds a pair's dictionaries
// in a folder, reads them and decompresses the .dict.dz (gzip, with zlib:
// stages/align is zlib's one user in Sextant).
//
// Thread-safety: pure functions (LoadFreeDict reads files).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pipeline/language.h"
#include "stages/align/lexicon.h"

namespace sextant {

using WordPairs = std::vector<std::pair<std::string, std::string>>;

// The single-word pairs of a dictd dictionary: `index` has one line per
// headword ("headword TAB offset TAB length", offset and length in dictd's
// base 64), `data` the uncompressed entries; an entry is the headword line
// (with its pronunciation) followed by its translations, numbered or not,
// separated by commas or semicolons. Both words lower-cased; pairs with a
// phrase on either side are left out. `reversed`: give (translation,
// headword) pairs, for a dictionary of the other direction. Malformed lines
// are skipped. In the dictionary's order; a pair may repeat.
WordPairs ParseDictd(std::string_view index, std::string_view data, bool reversed);

// FreeDict's name of a language ("eng", "fra", "spa", "rus", "ara"), empty
// for one it has no dictionaries of here.
std::string_view FreeDictCode(Language language);

// The FreeDict dictionaries of the pair in `folder` (Debian puts them in
// /usr/share/dictd): freedict-SRC-TGT and freedict-TGT-SRC, each as
// NAME.index and NAME.dict.dz, either or both, as one lexicon of their
// word pairs; null when there is none. A dictionary whose .dict.dz cannot
// be read is left out with a warning naming it in `warnings`.
std::unique_ptr<Lexicon> LoadFreeDict(const std::string& folder, Language source, Language target,
                                      std::vector<std::string>* warnings);

}  // namespace sextant
