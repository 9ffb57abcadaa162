#include "stages/language/language_stage.h"

#include <array>
#include <map>
#include <string>

#include "pipeline/unicode_text.h"

namespace sextant {
namespace {

constexpr std::size_t kSampleBytes = 60000;

// Counts the frequent words of each Latin-script language in `text`.
std::map<Language, std::size_t> CommonWordHits(std::string_view text) {
  std::map<Language, std::size_t> hits;
  std::string word;
  const auto flush = [&] {
    if (word.empty()) return;
    const std::string lower = LowerCase(word);
    for (const LanguageInfo& info : AllLanguages()) {
      for (std::string_view common : info.common_words) {
        if (lower == common) ++hits[info.language];
      }
    }
    word.clear();
  };
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t start = pos;
    const char32_t c = NextCodePoint(text, pos);
    if (IsLatinLetter(c)) {
      word.append(text.substr(start, pos - start));
    } else {
      flush();
    }
  }
  flush();
  return hits;
}

}  // namespace

TextLanguageGuess GuessLanguageFromText(std::string_view text) {
  const ScriptCounts scripts = CountScripts(text);
  const std::size_t letters = scripts.letters();
  if (letters < 20) return {};
  const auto share = [&](std::size_t n) {
    return static_cast<double>(n) / static_cast<double>(letters);
  };
  // Han and Arabic are decisive even in a minority: Chinese and Arabic
  // documents quote Latin symbols and names, never the other way round.
  if (share(scripts.han) > 0.3) return {Language::kChinese, share(scripts.han)};
  if (share(scripts.arabic) > 0.3) return {Language::kArabic, share(scripts.arabic)};
  if (share(scripts.cyrillic) > 0.3) {
    return {Language::kRussian, share(scripts.cyrillic)};
  }
  const std::map<Language, std::size_t> hits = CommonWordHits(text);
  std::size_t total = 0, best = 0;
  std::optional<Language> winner;
  for (const auto& [language, count] : hits) {
    total += count;
    if (count > best) {
      best = count;
      winner = language;
    }
  }
  if (best < 3) return {};
  return {winner, static_cast<double>(best) / static_cast<double>(total)};
}

std::optional<Language> LanguageFromFileName(std::string_view path) {
  std::string name(path.substr(path.find_last_of('/') + 1));
  const std::size_t dot = name.rfind('.');
  if (dot != std::string::npos) name.resize(dot);
  const std::size_t sep = name.find_last_of("-_.");
  if (sep == std::string::npos) return std::nullopt;
  return LanguageFromCode(LowerCase(name.substr(sep + 1)));
}

Status LanguageStage::Run(Document& document) const {
  std::string sample;
  for (const Page& page : document.pages) {
    for (const Block& block : page.blocks) {
      if (block.role != BlockRole::kBody) continue;
      for (const TextLine& line : block.lines) {
        sample += line.text;
        sample += '\n';
      }
    }
    if (sample.size() > kSampleBytes) break;
  }
  const TextLanguageGuess from_text = GuessLanguageFromText(sample);
  const std::optional<Language> from_job = document.furniture.job_language;
  const std::optional<Language> from_name = LanguageFromFileName(document.path);

  std::string evidence;
  if (from_text.language && from_text.confidence >= 0.6) {
    document.language = from_text.language;
    evidence = "text";
  } else if (from_job) {
    document.language = from_job;
    evidence = "job number";
  } else if (from_name) {
    document.language = from_name;
    evidence = "file name";
  } else if (from_text.language) {
    document.language = from_text.language;
    evidence = "text (weak)";
  }
  document.language_evidence = evidence;
  if (!document.language) {
    document.Warn("language_unknown",
                  "the language could not be told from the text, the job "
                  "number or the file name");
    return Status::Ok();
  }
  const auto check = [&](std::optional<Language> other, std::string_view what) {
    if (other && *other != *document.language) {
      document.Warn("language_conflict",
                    std::string(what) + " says " + std::string(Code(*other)) +
                        " but the " + evidence + " says " +
                        std::string(Code(*document.language)) + "; using " +
                        std::string(Code(*document.language)));
    }
  };
  check(from_job, "the job number");
  check(from_name, "the file name");
  return Status::Ok();
}

}  // namespace sextant
