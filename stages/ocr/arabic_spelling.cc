#include "stages/ocr/arabic_spelling.h"

#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <vector>

#include <hunspell/hunspell.hxx>

#include "pipeline/unicode_text.h"

namespace sextant {
namespace {

// Letters OCR confuses for one another, by the dots or hamza that tell
// them apart: a letter may be read as any other of its group.
const std::vector<std::u32string>& ShapeGroups() {
  static const std::vector<std::u32string> groups{
      U"بتثنيئ",  // the tooth letters, inside a word (not at its end)
      U"جحخ", U"دذ", U"رز", U"سش", U"صض", U"طظ", U"عغ", U"فق", U"وؤ", U"اأإآ",
  };
  return groups;
}

constexpr char32_t kToothGroupFirst = U'ب';
constexpr char32_t kAlefMaksura = U'ى';
constexpr char32_t kYeh = U'ي';
constexpr char32_t kHamza = U'ء';
constexpr char32_t kArabicComma = U'،';

std::string Utf8(const std::u32string& text) {
  std::string out;
  for (char32_t c : text) AppendUtf8(out, c);
  return out;
}

// This thread's Hunspell for the dictionary, made on first use.
Hunspell& ThreadHunspell(const std::string& affix, const std::string& dictionary) {
  thread_local std::map<std::string, std::unique_ptr<Hunspell>> spellers;
  std::unique_ptr<Hunspell>& speller = spellers[dictionary];
  if (!speller) speller = std::make_unique<Hunspell>(affix.c_str(), dictionary.c_str());
  return *speller;
}

// The words one confusion away from `letters` (not itself), and what
// replaces the word when the confusion was a comma read as a hamza.
struct Reading {
  std::u32string letters;
  bool comma_after = false;
};
std::vector<Reading> OneConfusionAway(const std::u32string& letters) {
  std::vector<Reading> readings;
  const std::size_t last = letters.size() - 1;
  for (std::size_t i = 0; i < letters.size(); ++i) {
    const char32_t c = letters[i];
    if (i == last && (c == kAlefMaksura || c == kYeh)) {
      std::u32string other = letters;
      other[i] = c == kYeh ? kAlefMaksura : kYeh;
      readings.push_back({other, false});
      continue;
    }
    for (const std::u32string& group : ShapeGroups()) {
      if (group.find(c) == std::u32string::npos) continue;
      if (group.front() == kToothGroupFirst && i == last) break;  // final forms differ
      for (char32_t other_letter : group) {
        if (other_letter == c) continue;
        std::u32string other = letters;
        other[i] = other_letter;
        readings.push_back({other, false});
      }
      break;
    }
  }
  if (letters.size() > 2 && letters.back() == kHamza) {
    readings.push_back({letters.substr(0, last), true});
  }
  return readings;
}

}  // namespace

ArabicSpelling::ArabicSpelling(std::string dictionaries)
    : affix_path_(dictionaries + "/ar.aff"), dictionary_path_(dictionaries + "/ar.dic") {}

Status ArabicSpelling::Check() const {
  if (std::filesystem::exists(affix_path_) && std::filesystem::exists(dictionary_path_)) return Status::Ok();
  return Status(StatusCode::kNotFound, "Hunspell's Arabic dictionary (" + dictionary_path_ +
                                           ") is not installed: run scripts/install-deps, or apt-get install hunspell-ar");
}

std::string ArabicSpelling::Mend(std::string_view word) const {
  // The letters, apart from punctuation around them.
  std::u32string all;
  for (std::size_t pos = 0; pos < word.size();) all += NextCodePoint(word, pos);
  std::size_t begin = 0, end = all.size();
  while (begin < end && !IsArabicLetter(all[begin])) ++begin;
  while (end > begin && !IsArabicLetter(all[end - 1])) --end;
  if (end - begin < 2) return std::string(word);
  const std::u32string letters = all.substr(begin, end - begin);
  for (char32_t c : letters) {
    if (!IsArabicLetter(c)) return std::string(word);  // marks, digits: not a plain word
  }
  Hunspell& speller = ThreadHunspell(affix_path_, dictionary_path_);
  if (speller.spell(Utf8(letters))) return std::string(word);
  const Reading* only = nullptr;
  std::set<std::u32string> passed;
  const std::vector<Reading> readings = OneConfusionAway(letters);
  for (const Reading& reading : readings) {
    if (passed.count(reading.letters) > 0 || !speller.spell(Utf8(reading.letters))) continue;
    passed.insert(reading.letters);
    only = &reading;
  }
  if (passed.size() != 1) return std::string(word);
  std::u32string mended = all.substr(0, begin) + only->letters;
  if (only->comma_after) mended += kArabicComma;
  mended += all.substr(end);
  return Utf8(mended);
}

}  // namespace sextant
