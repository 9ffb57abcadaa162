#include "index/matched_spans.h"

#include <algorithm>

#include "index/schema.h"
#include "pipeline/unicode_text.h"
#include "stages/icu/word_tokenizer.h"

namespace sextant::index_internal {
namespace {

// A word as the index cuts it: lower-cased, Arabic normalised, an elision
// ("l'", "qu'") stripped (schema.h).
std::string IndexWord(std::string_view raw, Language language) {
  std::string word = LowerCase(raw);
  if (language == Language::kArabic) word = NormalizeArabic(word);
  return std::string(StripElision(word));
}

struct TextWord {
  std::size_t begin = 0, end = 0;
  std::string word, stem;
};

std::vector<TextWord> IndexWords(std::string_view text, Language language, const StemFunction& stem) {
  std::vector<TextWord> out;
  for (const WordSpan& span : Words(text, language)) {
    std::string word = IndexWord(text.substr(span.begin, span.end - span.begin), language);
    if (word.empty()) continue;
    std::string stemmed = stem(word);
    out.push_back({span.begin, span.end, std::move(word), std::move(stemmed)});
  }
  return out;
}

bool SameWord(const TextWord& a, const TextWord& b) { return a.word == b.word || (!a.stem.empty() && a.stem == b.stem); }

bool AnyIs(const std::vector<TextWord>& words, const TextWord& word) {
  return std::any_of(words.begin(), words.end(), [&word](const TextWord& other) { return SameWord(word, other); });
}

bool IsOperator(std::string_view token) {
  return token == "AND" || token == "OR" || token == "NOT" || token == "XOR" || token == "NEAR" || token == "ADJ";
}

}  // namespace

QueryWords ReadQueryWords(std::string_view free_text) {
  QueryWords out;
  bool quoted = false, excluded = false;  // excluded: the phrase after a '-' (-"a b")
  std::size_t pos = 0;
  while (pos < free_text.size()) {
    std::size_t end = free_text.find('"', pos);
    if (end == std::string_view::npos) end = free_text.size();
    const std::string_view part = free_text.substr(pos, end - pos);
    if (quoted) {
      if (!excluded && part.find_first_not_of(' ') != std::string_view::npos) out.phrases.emplace_back(part);
    } else {
      excluded = !part.empty() && part.back() == '-' && (part.size() == 1 || part[part.size() - 2] == ' ');
      for (std::size_t at = 0; at < part.size();) {
        std::size_t space = part.find(' ', at);
        if (space == std::string_view::npos) space = part.size();
        std::string_view token = part.substr(at, space - at);
        at = space + 1;
        if (token.empty() || IsOperator(token) || token.front() == '-') continue;
        if (token.front() == '+') token.remove_prefix(1);
        const std::size_t hyphen = token.find('-');
        if (hyphen != std::string_view::npos && hyphen > 0 && hyphen + 1 < token.size()) {
          out.phrases.emplace_back(token);
        } else if (!token.empty()) {
          out.loose.emplace_back(token);
        }
      }
    }
    quoted = !quoted;
    pos = end + 1;
  }
  return out;
}

std::vector<std::pair<std::size_t, std::size_t>> MatchedSpans(const std::string& text, Language language,
                                                              const std::unordered_set<std::string>& terms,
                                                              const StemFunction& stem,
                                                              const std::vector<std::string>& han_runs,
                                                              const QueryWords& query) {
  const std::vector<TextWord> words = IndexWords(text, language, stem);
  std::vector<bool> marked(words.size(), false);
  for (std::size_t k = 0; k < words.size(); ++k) {
    marked[k] = terms.contains(words[k].word) || terms.contains("Z" + words[k].stem);
  }
  // Phrases (not in Chinese, whose runs below are whole already): their
  // words are marked where the phrase occurs whole, and nowhere else
  // unless the query gives them on their own too.
  if (language != Language::kChinese && !query.phrases.empty()) {
    std::vector<std::vector<TextWord>> phrases;
    std::vector<TextWord> phrase_words, loose_words;
    for (const std::string& phrase : query.phrases) {
      phrases.push_back(IndexWords(phrase, language, stem));
      phrase_words.insert(phrase_words.end(), phrases.back().begin(), phrases.back().end());
    }
    for (const std::string& loose : query.loose) {
      for (TextWord& word : IndexWords(loose, language, stem)) loose_words.push_back(std::move(word));
    }
    std::vector<bool> in_phrase(words.size(), false);
    for (const std::vector<TextWord>& phrase : phrases) {
      if (phrase.empty() || phrase.size() > words.size()) continue;
      for (std::size_t k = 0; k + phrase.size() <= words.size(); ++k) {
        std::size_t n = 0;
        while (n < phrase.size() && SameWord(words[k + n], phrase[n])) ++n;
        if (n == phrase.size()) std::fill(in_phrase.begin() + k, in_phrase.begin() + k + n, true);
      }
    }
    for (std::size_t k = 0; k < words.size(); ++k) {
      if (in_phrase[k]) {
        marked[k] = true;
      } else if (marked[k] && AnyIs(phrase_words, words[k]) && !AnyIs(loose_words, words[k])) {
        marked[k] = false;
      }
    }
  }
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  for (std::size_t k = 0; k < words.size(); ++k) {
    if (marked[k]) spans.emplace_back(words[k].begin, words[k].end);
  }
  for (const std::string& run : han_runs) {
    for (std::size_t at = text.find(run); at != std::string::npos; at = text.find(run, at + run.size())) {
      spans.emplace_back(at, at + run.size());
    }
  }
  std::sort(spans.begin(), spans.end());
  std::vector<std::pair<std::size_t, std::size_t>> merged;
  for (const auto& span : spans) {
    if (!merged.empty() && span.first < merged.back().second) {
      merged.back().second = std::max(merged.back().second, span.second);
    } else {
      merged.push_back(span);
    }
  }
  return merged;
}

}  // namespace sextant::index_internal
