#include "stages/align/word_links.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <limits>
#include <set>

#include "pipeline/unicode_text.h"
#include "stages/align/dictionary.h"
#include "stages/align/lexicon_file.h"
#include "stages/icu/word_tokenizer.h"

namespace sextant {
namespace {

constexpr double kSameTokenConfidence = 0.95;
constexpr double kCognateConfidence = 0.6;
constexpr double kVariantFactor = 0.85;
constexpr double kTieFactor = 0.6;

// Words that carry grammar, not a term: never linked (a number is never one).
bool IsFunctionWord(std::string_view word, Language language) {
  static const std::set<std::string_view> kEnglish{
      "a", "an", "and", "any", "are", "as", "at", "be", "been", "by", "for", "from", "has", "have", "in", "into", "is",
      "it", "its", "no", "not", "of", "on", "or", "such", "that", "the", "their", "these", "this", "those", "to",
      "was", "were", "which", "who", "with", "all", "also", "other", "shall", "should", "will", "would", "may"};
  static const std::set<std::string_view> kFrench{
      "a", "à", "au", "aux", "avec", "ce", "ces", "cette", "d", "dans", "de", "des", "du", "elle", "en", "est", "et",
      "il", "l", "la", "le", "les", "leur", "leurs", "n", "ne", "ou", "par", "pas", "pour", "qu", "que", "qui", "s",
      "sa", "se", "ses", "son", "sont", "sur", "un", "une", "y", "été", "être", "tous", "toutes", "aussi"};
  static const std::set<std::string_view> kSpanish{
      "a", "al", "con", "de", "del", "e", "el", "en", "es", "esta", "este", "la", "las", "lo", "los", "o", "para",
      "por", "que", "se", "su", "sus", "u", "un", "una", "y", "sobre", "entre", "son", "sido", "ha", "han", "como",
      "todos", "todas", "también"};
  static const std::set<std::string_view> kRussian{
      "а", "без", "в", "во", "для", "до", "его", "ее", "её", "же", "за", "и", "из", "или", "их", "к", "как", "на",
      "не", "о", "об", "от", "по", "при", "с", "со", "также", "то", "что", "это", "этих", "был", "была", "были",
      "быть", "все", "всех", "который", "которые"};
  static const std::set<std::string_view> kArabic{
      "في", "من", "على", "إلى", "الى", "عن", "و", "أن", "ان", "إن", "التي", "الذي", "الذين", "مع", "أو", "او",
      "هذا", "هذه", "ذلك", "تلك", "كما", "بين", "قد", "لا", "ما", "كل", "أي", "وفي", "ومن", "فيها", "فيه"};
  static const std::set<std::string_view> kChinese{
      "的", "和", "与", "及", "在", "对", "了", "是", "为", "将", "并", "或", "等", "中", "其", "以", "于", "上",
      "之", "也", "而", "由", "把", "被", "有", "这", "该", "各", "所", "就", "从", "到", "向", "已", "以及",
      "第", "号", "届", "次"};
  switch (language) {
    case Language::kEnglish: return kEnglish.contains(word);
    case Language::kFrench: return kFrench.contains(word);
    case Language::kSpanish: return kSpanish.contains(word);
    case Language::kRussian: return kRussian.contains(word);
    case Language::kArabic: return kArabic.contains(word);
    case Language::kChinese: return kChinese.contains(word);
  }
  return false;
}

std::u32string CodePoints(std::string_view text) {
  std::u32string out;
  for (std::size_t pos = 0; pos < text.size();) out.push_back(NextCodePoint(text, pos));
  return out;
}

std::string Utf8(std::u32string_view text) {
  std::string out;
  for (const char32_t c : text) AppendUtf8(out, c);
  return out;
}

char32_t WithoutAccent(char32_t c) {
  static constexpr std::u32string_view kFrom = U"àáâãäåçèéêëìíîïñòóôõöùúûüýÿœæ";
  static constexpr std::string_view kTo = "aaaaaaceeeeiiiinooooouuuuyyoa";
  const std::size_t at = kFrom.find(c);
  return at == std::u32string_view::npos ? c : static_cast<char32_t>(kTo[at]);
}

bool HasDigit(std::string_view word) {
  return std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool AllLatin(std::u32string_view word) {
  return !word.empty() && std::all_of(word.begin(), word.end(), [](char32_t c) { return IsLatinLetter(c) || IsAsciiDigit(c); });
}

// Two forms of one word: a common prefix of at least four letters and three
// quarters of the longer (Latin and Cyrillic inflection is at the end;
// "naciones" and "nacionales" are two words).
bool SameStem(std::u32string_view a, std::u32string_view b) {
  const std::size_t shorter = std::min(a.size(), b.size()), longer = std::max(a.size(), b.size());
  if (shorter < 4) return false;
  std::size_t common = 0;
  while (common < shorter && a[common] == b[common]) ++common;
  return common >= 4 && 4 * common >= 3 * longer;
}

// Cognates between two Latin-script languages: the same first five letters
// without accents, both words of six letters or more.
bool Cognates(std::u32string_view a, std::u32string_view b) {
  if (a.size() < 6 || b.size() < 6 || !AllLatin(a) || !AllLatin(b)) return false;
  for (std::size_t k = 0; k < 5; ++k) {
    if (WithoutAccent(a[k]) != WithoutAccent(b[k])) return false;
  }
  return true;
}

// An Arabic word with a one-letter clitic (و ف ب ل ك) before `word`.
bool ArabicClitic(std::u32string_view with, std::u32string_view word) {
  static constexpr std::u32string_view kClitics = U"وفبلك";
  return with.size() == word.size() + 1 && word.size() >= 3 && kClitics.find(with[0]) != std::u32string_view::npos &&
         with.substr(1) == word;
}

// The bytes of a French elided article or pronoun before a word ("l'" of
// "l'eau", "qu'" of "qu'il"); 0 when none.
std::size_t ElisionLength(std::string_view word) {
  static const std::set<std::string_view> kElided{"l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu"};
  for (const std::string_view apostrophe : {std::string_view("'"), std::string_view("\u2019")}) {
    const std::size_t at = word.find(apostrophe);
    if (at != std::string_view::npos && at > 0 && at + apostrophe.size() < word.size() && kElided.contains(word.substr(0, at))) {
      return at + apostrophe.size();
    }
  }
  return 0;
}

std::string PrefixKey(std::string_view word) {
  const std::u32string points = CodePoints(word);
  return Utf8(std::u32string_view(points).substr(0, 4));
}

// What may lie between two linked target words of one span: spaces and
// hyphens, or at most two function words of three letters or fewer
// (Chinese: one function character).
bool Joinable(std::string_view gap, Language language) {
  std::size_t words = 0, letters = 0;
  bool in_word = false;
  for (std::size_t pos = 0; pos < gap.size();) {
    const char32_t c = NextCodePoint(gap, pos);
    if (c == ' ' || c == 0xA0 || c == '-' || c == 0x2011) {
      in_word = false;
      continue;
    }
    if (IsHan(c)) {
      if (language != Language::kChinese) return false;
      if (++letters > 1) return false;
      std::string one;
      AppendUtf8(one, c);
      if (!IsFunctionWord(one, language)) return false;
      continue;
    }
    if (!(IsLatinLetter(c) || IsCyrillicLetter(c) || IsArabicLetter(c) || c == '\'' || c == 0x2019)) return false;
    if (!in_word) ++words, letters = 0;
    in_word = true;
    if (++letters > 3 || words > 2) return false;
  }
  return true;
}

}  // namespace

WordLinker::WordLinker(Language source, Language target) : source_(source), target_(target) {}

void WordLinker::AddPairs(const std::vector<std::pair<std::string, std::string>>& pairs, double confidence) {
  for (const auto& [given_source, given_target] : pairs) {
    const std::string s = source_ == Language::kFrench ? given_source.substr(ElisionLength(given_source)) : given_source;
    const std::string t = target_ == Language::kFrench ? given_target.substr(ElisionLength(given_target)) : given_target;
    if (s.empty() || t.empty() || IsFunctionWord(s, source_) || IsFunctionWord(t, target_)) continue;
    auto& list = translations_[s];
    if (list.empty()) by_prefix_[PrefixKey(s)].push_back(s);
    const auto found = std::find_if(list.begin(), list.end(), [&](const auto& entry) { return entry.first == t; });
    if (found == list.end()) {
      target_words_.insert(t);
      list.emplace_back(t, static_cast<float>(confidence));
      ++pair_count_;
    } else {
      found->second = std::max(found->second, static_cast<float>(confidence));
    }
  }
}

std::vector<WordLinker::Token> WordLinker::Tokens(std::string_view text, Language language) const {
  std::vector<Token> tokens;
  for (const WordSpan& span : Words(text, language)) {
    Token token{span.begin, span.end, LowerCase(text.substr(span.begin, span.end - span.begin))};
    if (language == Language::kFrench) {  // l'eau → eau, as the index cuts it
      const std::size_t elided = ElisionLength(token.word);
      token.begin += elided;
      token.word.erase(0, elided);
    }
    tokens.push_back(std::move(token));
  }
  return tokens;
}

const std::vector<std::pair<std::string, float>>* WordLinker::Translations(const std::string& source_word) const {
  const auto found = translations_.find(source_word);
  return found == translations_.end() ? nullptr : &found->second;
}

double WordLinker::Link(const std::string& s, const std::string& t) const {
  const bool number = HasDigit(s) || HasDigit(t);
  if (s == t) {
    // A number, an acronym or a name kept as written.
    if (number || Info(source_).script != Info(target_).script) return kSameTokenConfidence;
    if (s.size() >= 4) return kSameTokenConfidence;
  }
  if (number || IsFunctionWord(s, source_) || IsFunctionWord(t, target_)) return 0;
  double best = 0;
  const std::u32string tp = CodePoints(t);
  // A word the pairs know is a word of its own, not another form of one:
  // "nacional" is not a form of "naciones" when the pairs know "nacional".
  const bool target_known = target_words_.contains(t);
  const bool source_known = translations_.contains(s);
  const auto against = [&](const std::vector<std::pair<std::string, float>>& list, double factor) {
    for (const auto& [translation, confidence] : list) {
      if (translation == t) {
        best = std::max(best, confidence * factor);
      } else if (!target_known && best < confidence * factor * kVariantFactor) {
        const std::u32string xp = CodePoints(translation);
        if (SameStem(xp, tp) || (target_ == Language::kArabic && ArabicClitic(tp, xp))) {
          best = std::max(best, confidence * factor * kVariantFactor);
        }
      }
    }
  };
  if (const auto* list = Translations(s)) against(*list, 1.0);
  if (!source_known && best < kLexiconConfidence * kVariantFactor) {  // another form of the source word
    const std::u32string sp = CodePoints(s);
    const auto key = by_prefix_.find(Utf8(std::u32string_view(sp).substr(0, 4)));
    if (key != by_prefix_.end()) {
      for (const std::string& form : key->second) {
        if (form == s) continue;
        const std::u32string fp = CodePoints(form);
        if (SameStem(fp, sp) || (source_ == Language::kArabic && ArabicClitic(sp, fp))) {
          against(translations_.at(form), kVariantFactor);
        }
      }
    }
  }
  if (best == 0 && !source_known && !target_known && Info(source_).script == Script::kLatin &&
      Info(target_).script == Script::kLatin &&
      Cognates(CodePoints(s), tp)) {
    best = kCognateConfidence;
  }
  return best;
}

std::vector<std::vector<std::size_t>> WordLinker::MarkedPhrases(const std::vector<Token>& source,
                                                               const std::vector<bool>& marked) const {
  // The marked words in phrases: marked words with at most two function
  // words between them ("trafficking in persons") are one phrase, rendered
  // by one stretch of the target.
  std::vector<std::vector<std::size_t>> phrases;
  for (std::size_t i = 0, gap = 0; i < source.size(); ++i) {
    const bool function = IsFunctionWord(source[i].word, source_);
    if (marked[i] && !function) {
      if (phrases.empty() || gap > 2) phrases.emplace_back();
      phrases.back().push_back(i);
      gap = 0;
    } else if (!phrases.empty()) {
      gap = function ? gap + 1 : 3;  // another word ends the phrase
    }
  }
  // A word alone that a phrase of the marks holds too is the query's word
  // out of its phrase ("development" far from "sustainable development"):
  // left unrendered, precision first.
  std::set<std::string> in_phrases;
  for (const auto& phrase : phrases) {
    if (phrase.size() > 1) {
      for (const std::size_t i : phrase) in_phrases.insert(source[i].word);
    }
  }
  std::erase_if(phrases, [&](const auto& phrase) { return phrase.size() == 1 && in_phrases.contains(source[phrase[0]].word); });
  return phrases;
}

// The stretch of target words that renders most of the phrase's words best
// (words other phrases took being taken), with the words beside it that
// render a word of the phrase too; each with the stretch's confidence.
std::vector<WordLinker::Pick> WordLinker::PhraseStretch(const std::vector<std::size_t>& phrase,
                                                        const std::vector<std::vector<Pick>>& options,
                                                        const std::vector<std::vector<double>>& link,
                                                        const std::vector<Token>& target, std::string_view target_text,
                                                        const std::vector<bool>& taken) const {
  const std::size_t reach = 2 * phrase.size() + 2;  // target words from the anchor
  double best_score = 0;
  std::vector<Pick> best;
  for (const auto& anchors : options) {
    for (const auto& [anchor, anchor_confidence] : anchors) {
      if (taken[anchor]) continue;
      // Each word of the phrase picks its best target word near the
      // anchor, one the phrase's other words have not picked when it can
      // ("peace and security": paix and sécurité, though the lexicon pairs
      // each with both).
      std::vector<Pick> stretch;
      std::vector<bool> picked(target.size(), false);
      for (const auto& word_options : options) {
        std::pair<std::size_t, double> pick{0, 0};
        for (const bool allow_picked : {false, true}) {
          for (const auto& [j, confidence] : word_options) {
            const std::size_t distance = j > anchor ? j - anchor : anchor - j;
            if (taken[j] || distance > reach || (picked[j] && !allow_picked)) continue;
            const bool closer = pick.second > 0 && confidence == pick.second &&
                                distance < (pick.first > anchor ? pick.first - anchor : anchor - pick.first);
            if (confidence > pick.second || closer) pick = {j, confidence};
          }
          if (pick.second > 0) break;
        }
        if (pick.second > 0) {
          stretch.push_back(pick);
          picked[pick.first] = true;
        }
      }
      // One stretch: the picks that join the anchor's without other words
      // between (a word far from the others is another occurrence's).
      std::sort(stretch.begin(), stretch.end());
      stretch.erase(std::unique(stretch.begin(), stretch.end(), [](const auto& a, const auto& b) { return a.first == b.first; }),
                    stretch.end());
      const auto at = std::find_if(stretch.begin(), stretch.end(), [&](const auto& p) { return p.first == anchor; });
      if (at == stretch.end()) continue;
      auto first = at, last = at + 1;
      const auto joins = [&](std::size_t left, std::size_t right) {
        return Joinable(target_text.substr(target[left].end, target[right].begin - target[left].end), target_);
      };
      while (first != stretch.begin() && joins((first - 1)->first, first->first)) --first;
      while (last != stretch.end() && joins((last - 1)->first, last->first)) ++last;
      stretch = std::vector<Pick>(first, last);
      double sum = 0, weakest = 1;
      for (const auto& [j, confidence] : stretch) sum += confidence, weakest = std::min(weakest, confidence);
      // Words of the phrase left unrendered lower the confidence.
      const double coverage = static_cast<double>(stretch.size()) / static_cast<double>(phrase.size());
      const double confidence = weakest * (0.5 + 0.5 * coverage);
      if (confidence >= kMinimumConfidence && sum > best_score) {
        best_score = sum;
        for (auto& link_of : stretch) link_of.second = confidence;
        best = std::move(stretch);
      }
    }
  }
  // The words beside the stretch that render a word of the phrase too
  // belong to it (可 + 持续 + 发展 for "sustainable development", where
  // each English word has all three among its pairs).
  if (!best.empty()) {
    const double confidence = best.front().second;
    const auto renders = [&](std::size_t j) {
      return !taken[j] && std::any_of(phrase.begin(), phrase.end(), [&](std::size_t i) {
               return link[i][j] >= kMinimumConfidence;
             });
    };
    const auto joins = [&](std::size_t left, std::size_t right) {
      return Joinable(target_text.substr(target[left].end, target[right].begin - target[left].end), target_);
    };
    std::size_t low = best.front().first, high = best.back().first;
    while (low > 0 && renders(low - 1) && joins(low - 1, low)) best.emplace_back(--low, confidence);
    while (high + 1 < target.size() && renders(high + 1) && joins(high, high + 1)) best.emplace_back(++high, confidence);
  }
  return best;
}

// The chosen target words as spans: Chinese one-character ends added,
// neighbours joined.
std::vector<LinkedSpan> WordLinker::Spans(std::vector<Pick> chosen, const std::vector<Token>& target,
                                          std::string_view target_text) const {
  // Chinese: a one-character word right after a linked word is its end
  // (理事 + 会, 联合 + 国: ICU cuts a name's last character off).
  if (target_ == Language::kChinese) {
    const std::size_t linked = chosen.size();
    for (std::size_t k = 0; k < linked; ++k) {
      const std::size_t next = chosen[k].first + 1;
      if (next >= target.size() || target[next].begin != target[chosen[k].first].end) continue;
      std::size_t pos = 0;
      const char32_t c = NextCodePoint(target[next].word, pos);
      if (pos == target[next].word.size() && IsHan(c) && !IsFunctionWord(target[next].word, target_)) {
        chosen.emplace_back(next, chosen[k].second);
      }
    }
  }
  std::sort(chosen.begin(), chosen.end());
  chosen.erase(std::unique(chosen.begin(), chosen.end(), [](const auto& a, const auto& b) { return a.first == b.first; }),
               chosen.end());
  std::vector<LinkedSpan> spans;
  for (const auto& [j, confidence] : chosen) {
    const Token& token = target[j];
    if (!spans.empty() && Joinable(target_text.substr(spans.back().end, token.begin - spans.back().end), target_)) {
      spans.back().end = token.end;
      spans.back().confidence = std::min(spans.back().confidence, confidence);
      continue;
    }
    spans.push_back({token.begin, token.end, confidence});
  }
  return spans;
}

std::vector<LinkedSpan> WordLinker::Render(std::string_view source_text, const std::vector<ByteSpan>& source_marks,
                                           std::string_view target_text) const {
  if (source_marks.empty() || target_text.empty()) return {};
  const std::vector<Token> source = Tokens(source_text, source_);
  const std::vector<Token> target = Tokens(target_text, target_);
  if (target.empty()) return {};
  std::vector<bool> marked(source.size(), false);
  for (std::size_t i = 0; i < source.size(); ++i) {
    marked[i] = std::any_of(source_marks.begin(), source_marks.end(), [&](const ByteSpan& mark) {
      return source[i].begin < mark.end && mark.begin < source[i].end;
    });
  }
  // The marked words against every target word; the other source words
  // only against the target words a marked word links to (their claims).
  std::vector<std::vector<double>> link(source.size(), std::vector<double>(target.size(), 0));
  std::vector<bool> wanted(target.size(), false);
  for (std::size_t i = 0; i < source.size(); ++i) {
    if (!marked[i] || IsFunctionWord(source[i].word, source_)) continue;
    for (std::size_t j = 0; j < target.size(); ++j) {
      link[i][j] = Link(source[i].word, target[j].word);
      if (link[i][j] > 0) wanted[j] = true;
    }
  }
  if (std::find(wanted.begin(), wanted.end(), true) == wanted.end()) return {};
  for (std::size_t i = 0; i < source.size(); ++i) {
    if (marked[i] || IsFunctionWord(source[i].word, source_)) continue;
    for (std::size_t j = 0; j < target.size(); ++j) {
      if (wanted[j]) link[i][j] = Link(source[i].word, target[j].word);
    }
  }
  // A marked word's candidates: none that an unmarked word of another
  // spelling claims more strongly; a tie is a doubt. An unmarked word
  // spelled as a marked one (the query's words met again outside its
  // phrase: "peace operations" beside "peace and security") is no rival.
  std::unordered_set<std::string> marked_words;
  for (std::size_t i = 0; i < source.size(); ++i) {
    if (marked[i]) marked_words.insert(source[i].word);
  }
  const auto candidates = [&](std::size_t i) {
    std::vector<Pick> out;
    for (std::size_t j = 0; j < target.size(); ++j) {
      double confidence = link[i][j];
      for (std::size_t k = 0; k < source.size() && confidence > 0; ++k) {
        if (k == i || marked[k] || marked_words.contains(source[k].word)) continue;
        if (link[k][j] > confidence) confidence = 0;
        else if (link[k][j] == confidence) confidence *= kTieFactor;
      }
      if (confidence >= kMinimumConfidence) out.emplace_back(j, confidence);
    }
    return out;
  };
  const std::vector<std::vector<std::size_t>> phrases = MarkedPhrases(source, marked);
  // Each phrase takes the stretch of target words that renders most of its
  // words best, words other phrases took being taken.
  std::vector<bool> taken(target.size(), false);
  std::vector<Pick> chosen;  // target word, confidence
  for (const std::vector<std::size_t>& phrase : phrases) {
    std::vector<std::vector<Pick>> options;
    for (const std::size_t i : phrase) options.push_back(candidates(i));
    const std::vector<Pick> best = PhraseStretch(phrase, options, link, target, target_text, taken);
    for (const auto& pick : best) {
      taken[pick.first] = true;
      chosen.push_back(pick);
    }
  }
  return Spans(std::move(chosen), target, target_text);
}

std::unique_ptr<WordLinker> LoadWordLinker(Language source, Language target,
                                           const std::vector<std::string>& lexicon_folders,
                                           const std::string& dictionary_folder, std::vector<std::string>* warnings) {
  auto linker = std::make_unique<WordLinker>(source, target);
  for (const std::string& folder : lexicon_folders) {
    if (folder.empty()) continue;
    LexiconPairs pairs;
    std::string problem;
    if (ReadLexiconFolder(folder, source, target, &pairs, &problem)) {
      linker->AddPairs(pairs, WordLinker::kLexiconConfidence);
      linker->AddSourceNote(LexiconFileName(source, target) + " (" + std::to_string(pairs.size()) + " pairs)");
    } else if (!problem.empty()) {
      warnings->push_back(problem + "; marking without it");
    }
  }
  if (!dictionary_folder.empty()) {
    if (const std::unique_ptr<Lexicon> dictionary = LoadFreeDict(dictionary_folder, source, target, warnings)) {
      const auto pairs = dictionary->OwnPairs();
      linker->AddPairs(pairs, WordLinker::kDictionaryConfidence);
      linker->AddSourceNote("FreeDict " + std::string(FreeDictCode(source)) + "-" + std::string(FreeDictCode(target)) +
                            " (" + std::to_string(pairs.size()) + " pairs)");
    }
  }
  return linker;
}

const WordLinker& WordLinkers::Get(Language source, Language target) {
  const std::lock_guard<std::mutex> lock(mutex_);
  auto& slot = linkers_[{source, target}];
  if (!slot) slot = LoadWordLinker(source, target, lexicon_folders_, dictionary_folder_, &warnings_);
  return *slot;
}

std::vector<std::string> WordLinkers::TakeWarnings() {
  const std::lock_guard<std::mutex> lock(mutex_);
  return std::exchange(warnings_, {});
}

}  // namespace sextant
