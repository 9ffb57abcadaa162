#include "stages/align/dictionary.h"

#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <optional>

#include "pipeline/file_io.h"
#include "pipeline/unicode_text.h"

namespace sextant {
namespace {

// dictd's base 64 number ("BVBC"): digits A–Z a–z 0–9 + /, most significant first.
std::optional<std::uint64_t> Base64Number(std::string_view text) {
  static constexpr std::string_view kDigits =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  if (text.empty() || text.size() > 10) return std::nullopt;
  std::uint64_t value = 0;
  for (char c : text) {
    const std::size_t digit = kDigits.find(c);
    if (digit == std::string_view::npos) return std::nullopt;
    value = value * 64 + digit;
  }
  return value;
}

std::string_view Trim(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r") - first + 1);
}

// "1. afghan" → "afghan".
std::string_view WithoutNumber(std::string_view line) {
  line = Trim(line);
  std::size_t k = 0;
  while (k < line.size() && line[k] >= '0' && line[k] <= '9') ++k;
  if (k > 0 && k < line.size() && line[k] == '.') return Trim(line.substr(k + 1));
  return line;
}

bool OneWord(std::string_view word) { return !word.empty() && word.find(' ') == std::string_view::npos; }

void AddEntry(std::string_view headword, std::string_view entry, bool reversed, WordPairs& out) {
  if (!OneWord(headword)) return;
  const std::string head = LowerCase(headword);
  // The first line is the headword and its pronunciation.
  std::size_t start = entry.find('\n');
  while (start != std::string_view::npos && start < entry.size()) {
    const std::size_t end = std::min(entry.find('\n', start + 1), entry.size());
    const std::string_view line = WithoutNumber(entry.substr(start + 1, end - start - 1));
    for (std::size_t from = 0; from <= line.size();) {
      const std::size_t cut = std::min(line.find_first_of(",;", from), line.size());
      const std::string_view word = Trim(line.substr(from, cut - from));
      if (OneWord(word)) {
        std::string translation = LowerCase(word);
        if (reversed) {
          out.emplace_back(std::move(translation), head);
        } else {
          out.emplace_back(head, std::move(translation));
        }
      }
      from = cut + 1;
    }
    start = end;
  }
}

// A whole gzip-compressed file (dictzip is gzip; zlib reads a file that is
// not compressed as it is), or nothing when it cannot be read whole.
std::optional<std::string> ReadGzip(const std::string& path) {
  gzFile file = gzopen(path.c_str(), "rb");
  if (file == nullptr) return std::nullopt;
  std::string content;
  char buffer[1 << 16];
  int got = 0;
  while ((got = gzread(file, buffer, sizeof buffer)) > 0) content.append(buffer, static_cast<std::size_t>(got));
  // A truncated or corrupt stream ends with got == 0 too: gzerror tells.
  int error = Z_OK;
  gzerror(file, &error);
  const bool ok = got == 0 && error == Z_OK;
  gzclose(file);
  if (!ok) return std::nullopt;
  return content;
}

}  // namespace

WordPairs ParseDictd(std::string_view index, std::string_view data, bool reversed) {
  WordPairs pairs;
  for (std::size_t start = 0; start < index.size();) {
    const std::size_t end = std::min(index.find('\n', start), index.size());
    const std::string_view line = index.substr(start, end - start);
    start = end + 1;
    const std::size_t tab1 = line.find('\t');
    const std::size_t tab2 = tab1 == std::string_view::npos ? tab1 : line.find('\t', tab1 + 1);
    if (tab2 == std::string_view::npos) continue;
    const std::string_view headword = line.substr(0, tab1);
    if (headword.rfind("00database", 0) == 0 || headword.rfind("00-database", 0) == 0) continue;
    const auto offset = Base64Number(line.substr(tab1 + 1, tab2 - tab1 - 1));
    const auto length = Base64Number(Trim(line.substr(tab2 + 1)));
    if (!offset || !length || *offset > data.size() || *length > data.size() - *offset) continue;
    AddEntry(headword, data.substr(*offset, *length), reversed, pairs);
  }
  return pairs;
}

std::string_view FreeDictCode(Language language) {
  switch (language) {
    case Language::kEnglish: return "eng";
    case Language::kFrench: return "fra";
    case Language::kSpanish: return "spa";
    case Language::kRussian: return "rus";
    case Language::kArabic: return "ara";
    default: return "";
  }
}

std::unique_ptr<Lexicon> LoadFreeDict(const std::string& folder, Language source, Language target,
                                      std::vector<std::string>* warnings) {
  const std::string_view a = FreeDictCode(source), b = FreeDictCode(target);
  if (a.empty() || b.empty()) return nullptr;
  WordPairs pairs;
  for (const bool reversed : {false, true}) {
    const std::string name = folder + "/freedict-" + std::string(reversed ? b : a) + "-" + std::string(reversed ? a : b);
    const std::optional<std::string> index = ReadWholeFile(name + ".index");
    if (!index) continue;
    const std::optional<std::string> data = ReadGzip(name + ".dict.dz");
    if (!data) {
      warnings->push_back(name + ".dict.dz: cannot be read; aligning without it");
      continue;
    }
    WordPairs some = ParseDictd(*index, *data, reversed);
    pairs.insert(pairs.end(), std::make_move_iterator(some.begin()), std::make_move_iterator(some.end()));
  }
  if (pairs.empty()) return nullptr;
  auto lexicon = std::make_unique<Lexicon>(Lexicon::Learn({}, source, target));
  lexicon->AddPairs(pairs);
  return lexicon;
}

}  // namespace sextant
