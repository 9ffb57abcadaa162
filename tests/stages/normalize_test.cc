// Tests NormalizeExtractedText (stages/icu/text_normalizer.h): Arabic
// presentation forms and Latin ligatures unfold to plain letters, bidi
// controls and soft hyphens go, full-width forms stay, everything is NFC.
#include "stages/icu/text_normalizer.h"

#include <gtest/gtest.h>

#include <string>

namespace sextant {
namespace {

struct NormalizeCase {
  const char* input;
  const char* expected;
};

constexpr NormalizeCase kCases[] = {
    // Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF).
    {"\uFEFB", "\u0644\u0627"},  // ﻻ lam-alef → لا
    {"\uFE8D", "\u0627"},        // ﺍ alef isolated → ا
    {"\uFEDF\uFE8E", "\u0644\u0627"},  // ﻟ ﺎ → لا
    // "الأمم المتحدة" (United Nations) as a PDF without a ToUnicode map
    // gives it: every letter a presentation form.
    {"\uFE8D\uFEF7\uFEE3\uFEE2 \uFE8D\uFEDF\uFEE4\uFE98\uFEA4\uFEAA\uFE94",
     "\u0627\u0644\u0623\u0645\u0645 \u0627\u0644\u0645\u062A\u062D\u062F\u0629"},
    {"\uFDF2", "\u0627\u0644\u0644\u0647"},  // ﷲ → الله
    // Latin ligatures (U+FB00–U+FB06).
    {"\uFB01nancial", "financial"},
    {"\uFB02oor", "floor"},
    {"e\uFB00ective", "effective"},
    {"o\uFB03ce", "office"},
    // Bidi controls, the BOM and soft hyphens are removed.
    {"\u200F\u0646\u0635", "\u0646\u0635"},                // RLM
    {"\u200EA/80/434", "A/80/434"},                         // LRM
    {"\u202B\u0646\u0635\u202C", "\u0646\u0635"},           // RLE … PDF
    {"\u2067A/80/434\u2069", "A/80/434"},                   // RLI … PDI
    {"\u2066x\u2069 \u2068y\u2069", "x y"},                 // LRI, FSI
    {"imple\u00ADmentation", "implementation"},             // soft hyphen
    {"\uFEFFUnited Nations", "United Nations"},             // BOM
    // Full-width forms and Chinese punctuation are meant: left alone.
    {"\uFF23\uFF34\uFF2F\uFF23\uFF0F\uFF23\uFF2F\uFF30",
     "\uFF23\uFF34\uFF2F\uFF23\uFF0F\uFF23\uFF2F\uFF30"},   // ＣＴＯＣ／ＣＯＰ
    {"会议，将于 6 月 29 日（星期三）开幕。", "会议，将于 6 月 29 日（星期三）开幕。"},
    // NFC.
    {"e\u0301", "\u00E9"},                 // é
    {"\u0627\u0654", "\u0623"},            // ا + hamza above → أ
    {"\u0438\u0306", "\u0439"},            // и + breve → й
    // Text that is already canonical is unchanged.
    {"A/RES/80/1 (2025)", "A/RES/80/1 (2025)"},
    {"", ""},
    {"\u0661\u0661 \u0622\u0630\u0627\u0631/\u0645\u0627\u0631\u0633 \u0662\u0660\u0661\u0665",
     "\u0661\u0661 \u0622\u0630\u0627\u0631/\u0645\u0627\u0631\u0633 \u0662\u0660\u0661\u0665"},
    {"Организация Объединенных Наций", "Организация Объединенных Наций"},
    {"Assemblée générale", "Assemblée générale"},
};

TEST(NormalizeExtractedTextTest, Table) {
  for (const NormalizeCase& c : kCases) {
    SCOPED_TRACE(c.input);
    EXPECT_EQ(NormalizeExtractedText(c.input), c.expected);
  }
}

// Invalid UTF-8 must not crash; the valid text around it survives.
TEST(NormalizeExtractedTextTest, InvalidUtf8DoesNotCrash) {
  static const char* const kInputs[] = {
      "\xFF\xFE" "abc",
      "abc\xE4\xB8",            // a truncated 3-byte sequence
      "\xC0\xAF" "abc",         // an overlong "/"
      "abc\xED\xA0\x80",        // an encoded surrogate
      "\xEF\xBB\xBB\x80" "abc",  // a stray continuation byte
  };
  for (const char* input : kInputs) {
    SCOPED_TRACE(input);
    const std::string out = NormalizeExtractedText(input);
    EXPECT_NE(out.find("abc"), std::string::npos) << out;
  }
}

}  // namespace
}  // namespace sextant
