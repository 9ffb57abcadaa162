#include "pipeline/language.h"

#include <array>
#include <cassert>
#include <string>

namespace sextant {
namespace {

constexpr std::array<std::string_view, 0> kNoWords{};
constexpr std::array<std::string_view, 16> kEnglishWords{
    "the", "of", "and", "to", "in", "that", "is", "for",
    "on", "with", "by", "its", "be", "as", "which", "this"};
constexpr std::array<std::string_view, 16> kFrenchWords{
    "le", "la", "les", "des", "et", "du", "de", "en",
    "dans", "pour", "que", "qui", "sur", "une", "au", "aux"};
constexpr std::array<std::string_view, 16> kSpanishWords{
    "el", "la", "los", "las", "del", "y", "de", "en",
    "que", "para", "por", "con", "una", "se", "al", "sobre"};

// Russian's are not used to tell languages apart (the script does that)
// but to tell text from no text (stages/extract/text_layer_check.h).
constexpr std::array<std::string_view, 16> kRussianWords{
    "и", "в", "на", "с", "по", "о", "к", "для",
    "что", "не", "от", "из", "его", "её", "или", "а"};

constexpr std::array<LanguageInfo, 6> kLanguages{{
    {Language::kArabic, "ar", 'A', "Arabic", Script::kArabic, LineJoin::kSpace,
     true, kNoWords},
    {Language::kChinese, "zh", 'C', "Chinese", Script::kHan, LineJoin::kNoSpace,
     false, kNoWords},
    {Language::kEnglish, "en", 'E', "English", Script::kLatin, LineJoin::kSpace,
     false, kEnglishWords},
    {Language::kFrench, "fr", 'F', "French", Script::kLatin, LineJoin::kSpace,
     false, kFrenchWords},
    {Language::kRussian, "ru", 'R', "Russian", Script::kCyrillic,
     LineJoin::kSpace, false, kRussianWords},
    {Language::kSpanish, "es", 'S', "Spanish", Script::kLatin, LineJoin::kSpace,
     false, kSpanishWords},
}};

struct LanguageName {
  std::string_view name;  // lower-case where the script has case
  Language language;
};

// Names of each language as the six language versions write them in their
// "Original:" line (ASCII is lower-cased before lookup; other scripts are
// listed in both cases).
constexpr std::array<LanguageName, 50> kLanguageNames{{
    {"arabic", Language::kArabic},
    {"arabe", Language::kArabic},
    {"árabe", Language::kArabic},
    {"Árabe", Language::kArabic},
    {"арабский", Language::kArabic},
    {"Арабский", Language::kArabic},
    {"阿拉伯文", Language::kArabic},
    {"العربية", Language::kArabic},
    {"chinese", Language::kChinese},
    {"chinois", Language::kChinese},
    {"chino", Language::kChinese},
    {"китайский", Language::kChinese},
    {"Китайский", Language::kChinese},
    {"中文", Language::kChinese},
    {"الصينية", Language::kChinese},
    {"english", Language::kEnglish},
    {"anglais", Language::kEnglish},
    {"inglés", Language::kEnglish},
    {"Inglés", Language::kEnglish},
    {"английский", Language::kEnglish},
    {"Английский", Language::kEnglish},
    {"英文", Language::kEnglish},
    {"الإنكليزية", Language::kEnglish},
    {"الانكليزية", Language::kEnglish},
    {"الإنجليزية", Language::kEnglish},
    {"french", Language::kFrench},
    {"français", Language::kFrench},
    {"Français", Language::kFrench},
    {"francés", Language::kFrench},
    {"Francés", Language::kFrench},
    {"французский", Language::kFrench},
    {"Французский", Language::kFrench},
    {"法文", Language::kFrench},
    {"الفرنسية", Language::kFrench},
    {"russian", Language::kRussian},
    {"russe", Language::kRussian},
    {"ruso", Language::kRussian},
    {"русский", Language::kRussian},
    {"Русский", Language::kRussian},
    {"俄文", Language::kRussian},
    {"الروسية", Language::kRussian},
    {"spanish", Language::kSpanish},
    {"espagnol", Language::kSpanish},
    {"español", Language::kSpanish},
    {"Español", Language::kSpanish},
    {"испанский", Language::kSpanish},
    {"Испанский", Language::kSpanish},
    {"西班牙文", Language::kSpanish},
    {"الإسبانية", Language::kSpanish},
    {"الاسبانية", Language::kSpanish},
}};

std::string AsciiLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

std::span<const LanguageInfo> AllLanguages() { return kLanguages; }

const LanguageInfo& Info(Language language) {
  for (const LanguageInfo& info : kLanguages) {
    if (info.language == language) return info;
  }
  assert(false && "every Language has a row in kLanguages");
  return kLanguages[0];
}

std::string_view Code(Language language) { return Info(language).code; }

std::optional<Language> LanguageFromCode(std::string_view code) {
  for (const LanguageInfo& info : kLanguages) {
    if (info.code == code) return info.language;
  }
  return std::nullopt;
}

std::optional<Language> LanguageFromJobLetter(char letter) {
  for (const LanguageInfo& info : kLanguages) {
    if (info.job_letter == letter) return info.language;
  }
  return std::nullopt;
}

std::optional<Language> LanguageFromName(std::string_view name) {
  const std::string lower = AsciiLower(name);
  for (const LanguageName& entry : kLanguageNames) {
    if (lower == entry.name) return entry.language;
  }
  return std::nullopt;
}

}  // namespace sextant
