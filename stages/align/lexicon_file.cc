#include "stages/align/lexicon_file.h"

#include <filesystem>
#include <optional>
#include <system_error>

#include "pipeline/file_io.h"

namespace sextant {
namespace {

constexpr std::string_view kHeader = "# sextant lexicon ";

}  // namespace

std::string LexiconFileName(Language source, Language target) {
  return std::string(Code(source)) + "-" + std::string(Code(target)) + ".lexicon";
}

std::string FormatLexicon(const LexiconPairs& pairs, Language source, Language target) {
  std::string out = std::string(kHeader) + std::string(Code(source)) + " " + std::string(Code(target)) + "\n";
  for (const auto& [s, t] : pairs) {
    // A word never holds a tab or a line break (LexiconWords cuts on them);
    // a pair that would is left out rather than written broken.
    if (s.find_first_of("\t\n\r") != std::string::npos || t.find_first_of("\t\n\r") != std::string::npos) continue;
    out += s + '\t' + t + '\n';
  }
  return out;
}

std::string CheckPairHeader(std::string_view header, std::string_view prefix, Language source, Language target,
                            bool* swapped) {
  *swapped = false;
  if (!header.empty() && header.back() == '\r') header.remove_suffix(1);
  if (!header.starts_with(prefix)) return "does not start with \"" + std::string(prefix) + "SRC TGT\"";
  const std::string_view codes = header.substr(prefix.size());
  const std::size_t space = codes.find(' ');
  const auto first = LanguageFromCode(codes.substr(0, space));
  const auto second = space == std::string_view::npos ? std::nullopt : LanguageFromCode(codes.substr(space + 1));
  if (!first || !second) return "its header names no language pair: \"" + std::string(header) + "\"";
  if (*first == target && *second == source) {
    *swapped = true;
  } else if (*first != source || *second != target) {
    return "holds " + std::string(Code(*first)) + "-" + std::string(Code(*second)) + ", not " +
           std::string(Code(source)) + "-" + std::string(Code(target));
  }
  return "";
}

std::string ParseLexicon(std::string_view text, Language source, Language target, LexiconPairs* pairs) {
  pairs->clear();
  const std::size_t header_end = text.find('\n');
  const std::string_view header = text.substr(0, header_end);
  bool swapped = false;
  if (std::string problem = CheckPairHeader(header, kHeader, source, target, &swapped); !problem.empty()) return problem;
  std::size_t number = 1;
  for (std::size_t start = header_end == std::string_view::npos ? text.size() : header_end + 1; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    const std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos || tab == 0 || tab + 1 == line.size()) {
      pairs->clear();
      return "line " + std::to_string(number) + ": expected \"word TAB word\"";
    }
    std::string s(line.substr(0, tab)), t(line.substr(tab + 1));
    if (swapped) std::swap(s, t);
    pairs->emplace_back(std::move(s), std::move(t));
  }
  return "";
}

bool ReadLexiconFolder(const std::string& folder, Language source, Language target, LexiconPairs* pairs,
                       std::string* problem) {
  pairs->clear();
  problem->clear();
  bool found = false;
  // Both directions' files when both are there (ingest writes en-zh, an
  // `align --save-lexicon` of zh,en writes zh-en): their pairs joined.
  for (const std::string& name : {LexiconFileName(source, target), LexiconFileName(target, source)}) {
    const std::string path = (std::filesystem::path(folder) / name).string();
    std::error_code error;
    if (!std::filesystem::exists(path, error)) continue;
    const std::optional<std::string> content = ReadWholeFile(path);
    if (!content) {
      pairs->clear();
      *problem = path + ": cannot be read; check its permissions";
      return false;
    }
    LexiconPairs read;
    if (const std::string parse = ParseLexicon(*content, source, target, &read); !parse.empty()) {
      pairs->clear();
      *problem = path + ": " + parse + "; remove it, or learn it again (sextant ingest, or align --save-lexicon)";
      return false;
    }
    pairs->insert(pairs->end(), read.begin(), read.end());
    found = true;
  }
  return found;
}

Status WriteLexiconFolder(const std::string& folder, const LexiconPairs& pairs, Language source, Language target) {
  std::error_code error;
  std::filesystem::create_directories(folder, error);
  if (error) return Status(StatusCode::kIoError, folder + ": cannot create the folder: " + error.message());
  return WriteFileAtomically((std::filesystem::path(folder) / LexiconFileName(source, target)).string(),
                             FormatLexicon(pairs, source, target));
}

}  // namespace sextant
