// Bilingual dictionaries for the aligner's lexicon: word pairs read from a
// dictionary in the dictd format that Debian's FreeDict packages install
// (dict-freedict-eng-fra and the like: /usr/share/dictd/NAME.index and
// NAME.dict.dz). A short document teaches the bootstrapped lexicon too few
// words for it to speak; with a dictionary's pairs added it does.
//
// Parsing only (no I/O): the caller reads the two files and decompresses
// the .dict.dz (gzip) text.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pipeline/language.h"

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

}  // namespace sextant
