#include "stages/ocr/tesseract_recognizer.h"

#include <algorithm>
#include <cctype>
#include <memory>
#include <string_view>
#include <utility>

#include <tesseract/baseapi.h>
#include <tesseract/osdetect.h>
#include <tesseract/resultiterator.h>

#include "pipeline/unicode_text.h"
#include "stages/language/language_stage.h"
#include "stages/ocr/arabic_spelling.h"
#include "stages/ocr/missed_lines.h"
#include "stages/ocr/ocr_lines.h"
#include "stages/ocr/tesseract_engines.h"

namespace sextant {
namespace {

// Below this confidence a word with no letter or digit is a speck.
constexpr float kSpeckConfidence = 20;
// Below this mean word confidence a line read again alone is not kept.
constexpr double kMissedLineConfidence = 60;

void SetImage(tesseract::TessBaseAPI& engine, const PageImage& image) {
  engine.SetImage(image.pixels.data(), image.width, image.height, 1, image.bytes_per_row);
  engine.SetSourceResolution(static_cast<int>(image.dpi + 0.5));
}

// The script of the page's text, by Tesseract's OSD: a language for
// Arabic, Han and Cyrillic; nullopt for Latin (the words will tell) and
// when OSD finds too little text.
std::optional<Language> LanguageOfScript(TesseractEngines::Page& engines, const PageImage& image, bool& latin) {
  latin = false;
  tesseract::TessBaseAPI* osd = nullptr;
  if (!engines.Get("osd", osd).ok()) return std::nullopt;
  osd->SetPageSegMode(tesseract::PSM_OSD_ONLY);
  SetImage(*osd, image);
  int degrees = 0;
  float orientation_confidence = 0, script_confidence = 0;
  const char* script = nullptr;
  if (!osd->DetectOrientationScript(&degrees, &orientation_confidence, &script, &script_confidence) ||
      script == nullptr) {
    return std::nullopt;
  }
  const std::string_view name(script);
  if (name == "Arabic") return Language::kArabic;
  if (name == "Cyrillic") return Language::kRussian;
  if (name == "Han" || name == "HanS" || name == "HanT" || name == "Japanese" || name == "Korean") {
    return Language::kChinese;
  }
  latin = name == "Latin";
  return std::nullopt;
}

bool HasAsciiLetterOrDigitOrSlash(const std::string& text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '/'; });
}

// Without the left-to-right and right-to-left marks (U+200E, U+200F)
// Tesseract sets around a run of the other direction ("\u200E-١\u200F"):
// the words' order is the layout's to find, and the text's to keep none.
std::string WithoutDirectionMarks(std::string text) {
  for (std::string_view mark : {"\u200E", "\u200F"}) {
    for (std::size_t at = text.find(mark); at != std::string::npos; at = text.find(mark, at)) {
      text.erase(at, mark.size());
    }
  }
  return text;
}

// A number on an Arabic page as the Arabic model may give it: no letter
// and no "/", but a digit of either kind or a mark it reads for an
// Arabic-Indic digit ("59" for "٢٩", "؟-" for "٢-", "«-" for "٣-").
bool MayBeMisreadNumber(const std::string& text) {
  bool digit_like = false;
  for (std::size_t pos = 0; pos < text.size();) {
    const char32_t c = NextCodePoint(text, pos);
    if (IsArabicLetter(c) || (c < 0x80 && std::isalpha(static_cast<int>(c))) || c == '/') return false;
    digit_like = digit_like || (c >= '0' && c <= '9') || (c >= 0x0660 && c <= 0x0669) ||
                 (c >= 0x06F0 && c <= 0x06F9) || c == 0x061F || c == 0x00AB || c == 0x00BB || c == '%' || c == '*';
  }
  return digit_like;
}

// A number in Arabic-Indic or Persian digits, with the punctuation a
// number carries ("٢٩", "-٣", "١٠:٠٠").
bool IsArabicIndicNumber(const std::string& text) {
  bool digit = false;
  for (std::size_t pos = 0; pos < text.size();) {
    const char32_t c = NextCodePoint(text, pos);
    if ((c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9)) {
      digit = true;
    } else if (c != '-' && c != '.' && c != ':' && c != 0x060C && c != '(' && c != ')') {
      return false;
    }
  }
  return digit;
}

// What `engine` reads in `box` (points) as one line, and how sure it is.
std::pair<std::string, float> ReadBox(tesseract::TessBaseAPI& engine, const PageImage& image, const Box& box) {
  const double pixels_per_point = image.dpi / 72.0;
  const int pad = static_cast<int>(2 * pixels_per_point);
  const int left = std::max(0, static_cast<int>(box.x0 * pixels_per_point) - pad);
  const int top = std::max(0, static_cast<int>(box.y0 * pixels_per_point) - pad);
  const int right = std::min(image.width, static_cast<int>(box.x1 * pixels_per_point) + pad);
  const int bottom = std::min(image.height, static_cast<int>(box.y1 * pixels_per_point) + pad);
  engine.SetRectangle(left, top, right - left, bottom - top);
  const std::unique_ptr<char[]> utf8(engine.GetUTF8Text());
  if (!utf8) return {"", 0.0f};
  std::string text = utf8.get();
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.pop_back();
  return {text, static_cast<float>(engine.MeanTextConf())};
}

// An Arabic page's numbers, which the Arabic language model reads poorly
// in Arabic-Indic digits, read again by Tesseract's Arabic-script model
// (Debian's tesseract-ocr-script-arab) within their box: its reading
// replaces the first when it is a number in Arabic-Indic (or Persian)
// digits, and it is sure of it (mean confidence 50 or more).
Status ReadNumbersAgain(TesseractEngines::Page& engines, const PageImage& image, std::vector<OcrLine>& lines) {
  tesseract::TessBaseAPI* script = nullptr;
  bool image_set = false;
  for (OcrLine& line : lines) {
    for (OcrWord& word : line.words) {
      if (!MayBeMisreadNumber(word.text)) continue;
      if (!image_set) {
        if (Status status = engines.Get("Arabic", script); !status.ok()) return status;
        script->SetPageSegMode(tesseract::PSM_SINGLE_LINE);
        SetImage(*script, image);
        image_set = true;
      }
      auto [text, confidence] = ReadBox(*script, image, word.box);
      text = WithoutDirectionMarks(std::move(text));
      // The script model gives a mark at a number's edge on the side it
      // sits on the page ("-٣"); the first reading, in the logical order,
      // after the number ("؟-" for "٢-").
      if (text.size() > 1 && text.front() == '-' && word.text.ends_with("-")) text = text.substr(1) + "-";
      if (IsArabicIndicNumber(text) && confidence >= 50 && text.find(' ') == std::string::npos) {
        word.text = std::move(text);
        word.confidence = confidence;
      }
    }
  }
  if (image_set) script->Clear();
  // A list number opens its line, "٤-"; read in the script model's visual
  // order it is "-٤".
  for (OcrLine& line : lines) {
    if (line.words.empty()) continue;
    std::string& first = line.words.front().text;
    if (first.size() > 1 && first.front() == '-' && IsArabicIndicNumber(first)) first = first.substr(1) + "-";
  }
  return Status::Ok();
}

// An Arabic page's words that hold ASCII letters, digits or a "/" (where
// the Arabic model read a Latin symbol, "0012الا/0000") are read again by
// the English model within their box, a run of such words side by side as
// one; its reading replaces the Arabic one when it is surer of it and
// gives no Arabic letter.
Status ReadLatinAgain(TesseractEngines::Page& engines, const PageImage& image, std::vector<OcrLine>& lines) {
  tesseract::TessBaseAPI* english = nullptr;
  bool image_set = false;
  for (OcrLine& line : lines) {
    // Runs of such words become one word first (with their mean confidence).
    std::vector<OcrWord> merged;
    bool previous_latin = false;
    std::size_t run = 0;
    for (OcrWord& word : line.words) {
      const bool latin = HasAsciiLetterOrDigitOrSlash(word.text);
      if (latin && previous_latin) {
        OcrWord& into = merged.back();
        into.box.Extend(word.box);
        into.text += " " + word.text;  // not kept unless English reads no better
        into.confidence = (into.confidence * static_cast<float>(run) + word.confidence) / static_cast<float>(run + 1);
        ++run;
      } else {
        merged.push_back(std::move(word));
        run = 1;
      }
      previous_latin = latin;
    }
    line.words = std::move(merged);
    for (OcrWord& word : line.words) {
      if (!HasAsciiLetterOrDigitOrSlash(word.text)) continue;
      if (!image_set) {
        if (Status status = engines.Get("eng", english); !status.ok()) return status;
        english->SetPageSegMode(tesseract::PSM_SINGLE_LINE);
        SetImage(*english, image);
        image_set = true;
      }
      auto [text, confidence] = ReadBox(*english, image, word.box);
      // The Arabic comma beside a symbol, "(CTOC/…)،", is read "«" by the
      // English model: left out, as the Arabic model's own "»" would be.
      while (text.starts_with("\u00AB") || text.starts_with("\u00BB")) text.erase(0, 2);
      while (text.ends_with("\u00AB") || text.ends_with("\u00BB")) text.resize(text.size() - 2);
      bool arabic = false;
      for (std::size_t pos = 0; pos < text.size();) arabic = arabic || IsArabicLetter(NextCodePoint(text, pos));
      if (!text.empty() && !arabic && text.find(' ') == std::string::npos && confidence > word.confidence) {
        word.text = std::move(text);
        word.confidence = confidence;
      }
    }
  }
  if (image_set) english->Clear();
  return Status::Ok();
}

// The words the engine read (after Recognize), appended to `lines`, a new
// line where the engine's line begins; specks left out.
struct ReadTally {
  double confidence_sum = 0;
  std::size_t words = 0;
};
void CollectLines(tesseract::TessBaseAPI& engine, double points_per_pixel, std::vector<OcrLine>& lines,
                  ReadTally& tally) {
  std::unique_ptr<tesseract::ResultIterator> it(engine.GetIterator());
  if (!it) return;
  bool first = true;
  do {
    if (it->Empty(tesseract::RIL_WORD)) continue;
    if (it->IsAtBeginningOf(tesseract::RIL_TEXTLINE) || first) {
      int left = 0, top = 0, right = 0, bottom = 0;
      it->BoundingBox(tesseract::RIL_TEXTLINE, &left, &top, &right, &bottom);
      float row_height = 0, descenders = 0, ascenders = 0;
      it->RowAttributes(&row_height, &descenders, &ascenders);
      lines.emplace_back();
      lines.back().height = (row_height > 0 ? row_height - descenders : bottom - top) * points_per_pixel;
      first = false;
    }
    const std::unique_ptr<char[]> utf8(it->GetUTF8Text(tesseract::RIL_WORD));
    if (!utf8) continue;
    OcrWord word;
    word.text = WithoutDirectionMarks(utf8.get());
    const float confidence = it->Confidence(tesseract::RIL_WORD);
    int left = 0, top = 0, right = 0, bottom = 0;
    it->BoundingBox(tesseract::RIL_WORD, &left, &top, &right, &bottom);
    word.box = {left * points_per_pixel, top * points_per_pixel, right * points_per_pixel, bottom * points_per_pixel};
    const bool speck = confidence < kSpeckConfidence && !HasLetterOrDigit(word.text) && !IsRuleShaped(word.box);
    if (word.text.empty() || speck) continue;
    word.confidence = confidence;
    tally.confidence_sum += confidence;
    ++tally.words;
    bool italic = false, underlined = false, monospace = false, serif = false, smallcaps = false;
    int pointsize = 0, font_id = 0;
    it->WordFontAttributes(&word.bold, &italic, &underlined, &monospace, &serif, &smallcaps, &pointsize, &font_id);
    lines.back().words.push_back(std::move(word));
  } while (it->Next(tesseract::RIL_WORD));
}

// Lines the page layout left out (missed_lines.h), each read alone; kept
// when the engine is sure enough of its words.
void ReadMissedLines(tesseract::TessBaseAPI& engine, const PageImage& image, std::vector<OcrLine>& lines,
                     ReadTally& tally) {
  const double pixels_per_point = image.dpi / 72.0;
  std::vector<PixelBox> read;
  std::vector<double> heights;
  for (const OcrLine& line : lines) {
    if (line.words.empty()) continue;
    Box box = line.words.front().box;
    for (const OcrWord& word : line.words) box.Extend(word.box);
    read.push_back({static_cast<int>(box.x0 * pixels_per_point), static_cast<int>(box.y0 * pixels_per_point),
                    static_cast<int>(box.x1 * pixels_per_point) + 1, static_cast<int>(box.y1 * pixels_per_point) + 1});
    heights.push_back(box.height() * pixels_per_point);
  }
  if (heights.size() < 3) return;  // too little text to know a line's height
  std::nth_element(heights.begin(), heights.begin() + heights.size() / 2, heights.end());
  const int line_height = static_cast<int>(heights[heights.size() / 2]);
  const std::vector<PixelBox> bands = UncoveredInkBands(image, read, line_height);
  if (bands.empty()) return;
  engine.SetPageSegMode(tesseract::PSM_SINGLE_LINE);
  for (const PixelBox& band : bands) {
    engine.SetRectangle(band.left, band.top, band.width(), band.height());
    if (engine.Recognize(nullptr) != 0) continue;
    std::vector<OcrLine> found;
    ReadTally found_tally;
    CollectLines(engine, 72.0 / image.dpi, found, found_tally);
    if (found_tally.words == 0 ||
        found_tally.confidence_sum / static_cast<double>(found_tally.words) < kMissedLineConfidence) {
      continue;
    }
    for (OcrLine& line : found) lines.push_back(std::move(line));
    tally.confidence_sum += found_tally.confidence_sum;
    tally.words += found_tally.words;
  }
}

// Reads the page in one model.
Status ReadWords(TesseractEngines::Page& engines, const PageImage& image, Language language, RecognizedPage& page) {
  tesseract::TessBaseAPI* engine = nullptr;
  if (Status status = engines.Get(std::string(TesseractModel(language)), engine); !status.ok()) return status;
  engine->SetPageSegMode(tesseract::PSM_AUTO);
  SetImage(*engine, image);
  if (engine->Recognize(nullptr) != 0) {
    return Status(StatusCode::kInternal, "Tesseract could not read the page image");
  }
  page.language = language;
  std::vector<OcrLine> lines;
  ReadTally tally;
  CollectLines(*engine, 72.0 / image.dpi, lines, tally);
  ReadMissedLines(*engine, image, lines, tally);
  if (language == Language::kArabic) {
    if (Status status = ReadNumbersAgain(engines, image, lines); !status.ok()) return status;
    if (Status status = ReadLatinAgain(engines, image, lines); !status.ok()) return status;
    static const ArabicSpelling spelling;
    if (Status status = spelling.Check(); !status.ok()) return status;
    for (OcrLine& line : lines) {
      for (OcrWord& word : line.words) word.text = spelling.Mend(word.text);
    }
  }
  page.words = LayoutWords(lines, language, image.height * 72.0 / image.dpi);
  page.confidence = tally.words == 0 ? 0 : tally.confidence_sum / static_cast<double>(tally.words);
  engine->Clear();
  return Status::Ok();
}

std::string WordsText(const RecognizedPage& page) {
  std::string text;
  for (const Word& word : page.words) text += word.text + " ";
  return text;
}

}  // namespace

std::string_view TesseractModel(Language language) {
  switch (language) {
    // Russian documents print their symbols, list letters, e-mail and web
    // addresses in Latin letters, which the Russian model reads as its own
    // ("СТО С/СО Р/МС .4/202 2/1"): English is read beside it. Not so for
    // Arabic: English words then replace Arabic ones the Arabic model is
    // unsure of. Arabic is read with the Arabic-script model beside the
    // Arabic one (Debian's tesseract-ocr-script-arab): it reads the
    // Arabic-Indic digits and the Latin masthead the Arabic model misses
    // (the Arabic fixture as a clean scan: 7.61 % CER with "ara" alone,
    // 4.70 % with both).
    case Language::kArabic: return "ara+Arabic";
    case Language::kChinese: return "chi_sim";
    case Language::kEnglish: return "eng";
    case Language::kFrench: return "fra";
    case Language::kRussian: return "rus+eng";
    case Language::kSpanish: return "spa";
  }
  return "eng";
}

Status TesseractRecognizer::Recognize(const PageImage& image, std::optional<Language> language,
                                      RecognizedPage& page) const {
  if (image.width <= 0 || image.height <= 0 || image.pixels.empty()) {
    return Status(StatusCode::kInvalidArgument, "an empty page image");
  }
  TesseractEngines::Page engines(*engines_);
  if (language) return ReadWords(engines, image, *language, page);
  bool latin = false;
  if (const std::optional<Language> by_script = LanguageOfScript(engines, image, latin)) {
    return ReadWords(engines, image, *by_script, page);
  }
  if (Status status = ReadWords(engines, image, Language::kEnglish, page); !status.ok()) return status;
  const TextLanguageGuess guess = GuessLanguageFromText(WordsText(page));
  if (guess.language && guess.language != Language::kEnglish && guess.confidence >= 0.6) {
    return ReadWords(engines, image, *guess.language, page);
  }
  return Status::Ok();
}

}  // namespace sextant
