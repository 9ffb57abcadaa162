#include "stages/align/sentence_features.h"

#include <algorithm>

#include "pipeline/unicode_text.h"
#include "stages/icu/word_tokenizer.h"
#include "stages/tag/date_parser.h"
#include "stages/tag/symbol_tagger.h"

namespace sextant {
namespace {

int DigitValue(char32_t c) {
  if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
  if (c >= 0x0660 && c <= 0x0669) return static_cast<int>(c - 0x0660);
  if (c >= 0xFF10 && c <= 0xFF19) return static_cast<int>(c - 0xFF10);
  return -1;
}

bool IsAsciiLetter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Numbers, with thousands separators and decimal marks of any language
// folded ("1,383,000", "1 383 000", "1.383.000" → "1383000"; "1.2" and
// "1,2" → "12": English and Spanish then agree); a number spanning a
// symbol or a date is left to those.
void AddNumbers(std::string_view text, std::vector<std::string>& anchors) {
  std::string number;
  const auto flush = [&] {
    // Single digits are list numbers and counts that translations write
    // out in words ("two", "两"): too weak to anchor on.
    if (number.size() >= 2) anchors.push_back("#" + number);
    number.clear();
  };
  for (std::size_t pos = 0; pos < text.size();) {
    const char32_t c = NextCodePoint(text, pos);
    const int digit = DigitValue(c);
    if (digit >= 0) {
      number += static_cast<char>('0' + digit);
      continue;
    }
    // A separator between digits continues the number.
    const bool separator = c == ',' || c == '.' || c == ' ' || c == 0xA0 || c == 0x066C;
    if (separator && !number.empty() && pos < text.size()) {
      std::size_t next = pos;
      if (DigitValue(NextCodePoint(text, next)) >= 0) continue;
    }
    flush();
  }
  flush();
}

// Latin-script names and acronyms kept in any language's text: "UNISFA",
// "COVID", "Abyei" in Chinese or Arabic; capitalised words in Latin and
// Cyrillic text ("Italy" does not survive into Russian, "UNAR" does).
void AddLatinNames(std::string_view text, Language language, std::vector<std::string>& anchors) {
  const Script script = Info(language).script;
  std::string word;
  const auto flush = [&] {
    const bool acronym = word.size() >= 2 &&
                         std::all_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    const bool foreign = script != Script::kLatin && word.size() >= 3;
    if (acronym || foreign) anchors.push_back("@" + LowerCase(word));
    word.clear();
  };
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t start = pos;
    const char32_t c = NextCodePoint(text, pos);
    if (IsAsciiLetter(c)) {
      word.append(text.substr(start, pos - start));
    } else {
      flush();
    }
  }
  flush();
}

// "é" → "e" and the like, for the Latin-1 and Latin Extended-A letters the
// UN's Latin-script languages use; other letters unchanged.
char32_t WithoutAccent(char32_t c) {
  static constexpr std::u32string_view kFrom = U"àáâãäåçèéêëìíîïñòóôõöùúûüýÿœæ";
  static constexpr std::string_view kTo = "aaaaaaceeeeiiiinooooouuuuyyoa";
  const std::size_t at = kFrom.find(c);
  return at == std::u32string_view::npos ? c : static_cast<char32_t>(kTo[at]);
}

void AddCognates(std::string_view text, std::vector<std::uint32_t>& cognates) {
  std::u32string word;
  const auto flush = [&] {
    if (word.size() >= 4) {
      std::uint32_t key = 2166136261u;  // FNV-1a over the four letters
      for (std::size_t k = 0; k < 4; ++k) key = (key ^ static_cast<std::uint32_t>(word[k])) * 16777619u;
      cognates.push_back(key);
    }
    word.clear();
  };
  for (std::size_t pos = 0; pos < text.size();) {
    const char32_t c = NextCodePoint(text, pos);
    if (IsLatinLetter(c)) {
      char32_t l = c;
      if ((l >= 'A' && l <= 'Z') || (l >= 0xC0 && l <= 0xDE && l != 0xD7)) l += 0x20;
      word.push_back(WithoutAccent(l));
    } else {
      flush();
    }
  }
  flush();
}

}  // namespace

std::vector<std::string> LexiconWords(std::string_view text, Language language) {
  std::vector<std::string> words;
  for (const WordSpan& span : Words(text, language)) {
    const std::string_view word = text.substr(span.begin, span.end - span.begin);
    if (CountScripts(word).letters() > 0) words.push_back(LowerCase(word));
  }
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

SentenceFeatures ComputeFeatures(std::string_view sentence, Language language, bool with_words) {
  SentenceFeatures features;
  for (std::size_t pos = 0; pos < sentence.size();) {
    const char32_t c = NextCodePoint(sentence, pos);
    if (c != ' ' && c != '\t' && c != '\n' && c != 0xA0 && c != 0x3000) features.length += 1;
  }
  // Symbols and dates first; their digits are then not counted as numbers.
  std::string rest(sentence);
  for (const Tag& tag : FindSymbols(sentence)) {
    features.anchors.push_back("$" + tag.value);
    std::fill(rest.begin() + static_cast<std::ptrdiff_t>(tag.begin),
              rest.begin() + static_cast<std::ptrdiff_t>(tag.end), ' ');
  }
  for (const DateMatch& date : FindDates(rest)) {
    features.anchors.push_back("%" + date.iso);
    std::fill(rest.begin() + static_cast<std::ptrdiff_t>(date.begin),
              rest.begin() + static_cast<std::ptrdiff_t>(date.end), ' ');
  }
  AddNumbers(rest, features.anchors);
  AddLatinNames(rest, language, features.anchors);
  std::sort(features.anchors.begin(), features.anchors.end());
  if (Info(language).script == Script::kLatin) {
    AddCognates(sentence, features.cognates);
    std::sort(features.cognates.begin(), features.cognates.end());
  }
  if (with_words) {
    features.words = LexiconWords(sentence, language);
    features.has_words = true;
  }
  return features;
}

}  // namespace sextant
