// Stored lexicons: the word pairs a lexicon learned over a corpus, kept in
// a text file so that a later alignment of one document (which has too
// little text to learn from) can use them. One file per language pair,
// "SRC-TGT.lexicon" (as zh-en.lexicon) in a folder: an index keeps its own
// in INDEX/lexicon/ (`sextant ingest`, `sextant align --index`).
//
// The format: a first line "# sextant lexicon SRC TGT" (the two language
// codes), then one pair a line, "source word TAB target word", lower-cased,
// in UTF-8. Lines starting with '#' are comments.
//
// Thread-safety: pure functions, apart from the file reads and writes.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pipeline/language.h"
#include "pipeline/status.h"

namespace sextant {

using LexiconPairs = std::vector<std::pair<std::string, std::string>>;

// The file's name for a pair, as "zh-en.lexicon".
std::string LexiconFileName(Language source, Language target);

// The file's text for `pairs` of (source, target) words.
std::string FormatLexicon(const LexiconPairs& pairs, Language source, Language target);

// Checks a stored file's first line, "PREFIX SRC TGT" (as "# sextant
// lexicon zh en"), against the pair (source, target): `swapped` when it
// names the pair the other way round. Returns the problem (empty when
// none): another prefix, no language pair, or another pair.
std::string CheckPairHeader(std::string_view header, std::string_view prefix, Language source, Language target,
                            bool* swapped);

// Parses a stored lexicon of the pair (source, target). Its pairs go to
// `pairs`; a header naming the pair the other way round gives them swapped.
// Returns a problem (empty when none): no header, a header naming another
// pair, or a line without a tab (with its line number).
std::string ParseLexicon(std::string_view text, Language source, Language target, LexiconPairs* pairs);

// Reads the pair's lexicon from `folder`: SRC-TGT.lexicon and TGT-SRC.lexicon
// (read the other way round), the pairs of both when both are there (a
// pair may then repeat). Returns false, leaving `pairs` empty, when
// neither file exists; a file that exists but cannot be parsed gives a
// problem naming it in `problem`.
bool ReadLexiconFolder(const std::string& folder, Language source, Language target, LexiconPairs* pairs,
                       std::string* problem);

// Writes the pair's lexicon to `folder` (created when missing) as
// SRC-TGT.lexicon, replacing the file whole.
Status WriteLexiconFolder(const std::string& folder, const LexiconPairs& pairs, Language source, Language target);

}  // namespace sextant
