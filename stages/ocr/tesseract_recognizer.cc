#include "stages/ocr/tesseract_recognizer.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <mutex>
#include <string_view>

#include <omp.h>
#include <tesseract/baseapi.h>
#include <tesseract/osdetect.h>
#include <tesseract/resultiterator.h>

#include "pipeline/unicode_text.h"
#include "stages/language/language_stage.h"
#include "stages/ocr/ocr_lines.h"

namespace sextant {
namespace {

// Below this confidence a word with no letter or digit is a speck.
constexpr float kSpeckConfidence = 20;

struct EngineDeleter {
  void operator()(tesseract::TessBaseAPI* api) const {
    api->End();
    delete api;
  }
};
using Engine = std::unique_ptr<tesseract::TessBaseAPI, EngineDeleter>;

// "ara+eng" -> "tesseract-ocr-ara tesseract-ocr-eng"
std::string ModelPackages(const std::string& models) {
  std::string packages;
  std::size_t begin = 0;
  while (begin <= models.size()) {
    std::size_t end = models.find('+', begin);
    if (end == std::string::npos) end = models.size();
    std::string model = models.substr(begin, end - begin);
    if (model == "chi_sim") model = "chi-sim";
    packages += (packages.empty() ? "tesseract-ocr-" : " tesseract-ocr-") + model;
    begin = end + 1;
  }
  return packages;
}

// This thread's engine for `model` ("eng", "osd"), made on first use.
Status EngineFor(const std::string& tessdata, const std::string& model, tesseract::TessBaseAPI*& engine) {
  thread_local std::map<std::string, Engine> engines;
  // Tesseract asks OpenMP for 4 threads where it can (num_threads(4)),
  // which OMP_THREAD_LIMIT caps but only at process start: no parallel
  // region is active instead, for the whole process, before any is met.
  static std::once_flag one_thread;
  std::call_once(one_thread, [] { omp_set_max_active_levels(0); });
  const std::string key = tessdata + "|" + model;
  if (auto found = engines.find(key); found != engines.end()) {
    engine = found->second.get();
    return Status::Ok();
  }
  Engine made(new tesseract::TessBaseAPI);
  // OSD's model is the legacy engine's only (asked for LSTM it says so on stderr).
  const tesseract::OcrEngineMode mode = model == "osd" ? tesseract::OEM_TESSERACT_ONLY : tesseract::OEM_LSTM_ONLY;
  if (made->Init(tessdata.empty() ? nullptr : tessdata.c_str(), model.c_str(), mode) != 0) {
    return Status(StatusCode::kNotFound,
                  "Tesseract's model '" + model + "' is not installed" +
                      (tessdata.empty() ? "" : " in " + tessdata) +
                      ": run scripts/install-deps, or apt-get install " + ModelPackages(model));
  }
  made->SetVariable("debug_file", "/dev/null");  // "Detected 12 diacritics" and the like
  engine = made.get();
  engines.emplace(key, std::move(made));
  return Status::Ok();
}

void SetImage(tesseract::TessBaseAPI& engine, const PageImage& image) {
  engine.SetImage(image.pixels.data(), image.width, image.height, 1, image.bytes_per_row);
  engine.SetSourceResolution(static_cast<int>(image.dpi + 0.5));
}

// The script of the page's text, by Tesseract's OSD: a language for
// Arabic, Han and Cyrillic; nullopt for Latin (the words will tell) and
// when OSD finds too little text.
std::optional<Language> LanguageOfScript(const std::string& tessdata, const PageImage& image, bool& latin) {
  latin = false;
  tesseract::TessBaseAPI* osd = nullptr;
  if (!EngineFor(tessdata, "osd", osd).ok()) return std::nullopt;
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

// An Arabic page's words that hold ASCII letters, digits or a "/" (where
// the Arabic model read a Latin symbol, "0012الا/0000") are read again by
// the English model within their box, a run of such words side by side as
// one; its reading replaces the Arabic one when it is surer of it and
// gives no Arabic letter.
Status ReadLatinAgain(const std::string& tessdata, const PageImage& image, std::vector<OcrLine>& lines) {
  tesseract::TessBaseAPI* english = nullptr;
  bool image_set = false;
  const double pixels_per_point = image.dpi / 72.0;
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
        if (Status status = EngineFor(tessdata, "eng", english); !status.ok()) return status;
        english->SetPageSegMode(tesseract::PSM_SINGLE_LINE);
        SetImage(*english, image);
        image_set = true;
      }
      const int pad = static_cast<int>(2 * pixels_per_point);
      const int left = std::max(0, static_cast<int>(word.box.x0 * pixels_per_point) - pad);
      const int top = std::max(0, static_cast<int>(word.box.y0 * pixels_per_point) - pad);
      const int right = std::min(image.width, static_cast<int>(word.box.x1 * pixels_per_point) + pad);
      const int bottom = std::min(image.height, static_cast<int>(word.box.y1 * pixels_per_point) + pad);
      english->SetRectangle(left, top, right - left, bottom - top);
      const std::unique_ptr<char[]> utf8(english->GetUTF8Text());
      if (!utf8) continue;
      std::string text = utf8.get();
      while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.pop_back();
      const float confidence = static_cast<float>(english->MeanTextConf());
      const bool arabic = std::any_of(text.begin(), text.end(), [](char c) { return (c & 0x80) != 0; });
      if (!text.empty() && !arabic && text.find(' ') == std::string::npos && confidence > word.confidence) {
        word.text = std::move(text);
        word.confidence = confidence;
      }
    }
  }
  if (image_set) english->Clear();
  return Status::Ok();
}

// Reads the page in one model.
Status ReadWords(const std::string& tessdata, const PageImage& image, Language language, RecognizedPage& page) {
  tesseract::TessBaseAPI* engine = nullptr;
  if (Status status = EngineFor(tessdata, std::string(TesseractModel(language)), engine); !status.ok()) return status;
  engine->SetPageSegMode(tesseract::PSM_AUTO);
  SetImage(*engine, image);
  if (engine->Recognize(nullptr) != 0) {
    return Status(StatusCode::kInternal, "Tesseract could not read the page image");
  }
  page.language = language;
  const double points_per_pixel = 72.0 / image.dpi;
  std::unique_ptr<tesseract::ResultIterator> it(engine->GetIterator());
  double confidence_sum = 0;
  std::size_t counted = 0;
  std::vector<OcrLine> lines;
  if (it) {
    do {
      if (it->Empty(tesseract::RIL_WORD)) continue;
      if (it->IsAtBeginningOf(tesseract::RIL_TEXTLINE) || lines.empty()) {
        int left = 0, top = 0, right = 0, bottom = 0;
        it->BoundingBox(tesseract::RIL_TEXTLINE, &left, &top, &right, &bottom);
        float row_height = 0, descenders = 0, ascenders = 0;
        it->RowAttributes(&row_height, &descenders, &ascenders);
        lines.emplace_back();
        lines.back().height = (row_height > 0 ? row_height - descenders : bottom - top) * points_per_pixel;
      }
      const std::unique_ptr<char[]> utf8(it->GetUTF8Text(tesseract::RIL_WORD));
      if (!utf8) continue;
      OcrWord word;
      word.text = utf8.get();
      const float confidence = it->Confidence(tesseract::RIL_WORD);
      int left = 0, top = 0, right = 0, bottom = 0;
      it->BoundingBox(tesseract::RIL_WORD, &left, &top, &right, &bottom);
      word.box = {left * points_per_pixel, top * points_per_pixel, right * points_per_pixel, bottom * points_per_pixel};
      const bool speck = confidence < kSpeckConfidence && !HasLetterOrDigit(word.text) && !IsRuleShaped(word.box);
      if (word.text.empty() || speck) continue;
      word.confidence = confidence;
      confidence_sum += confidence;
      ++counted;
      bool italic = false, underlined = false, monospace = false, serif = false, smallcaps = false;
      int pointsize = 0, font_id = 0;
      it->WordFontAttributes(&word.bold, &italic, &underlined, &monospace, &serif, &smallcaps, &pointsize, &font_id);
      lines.back().words.push_back(std::move(word));
    } while (it->Next(tesseract::RIL_WORD));
  }
  if (language == Language::kArabic) {
    if (Status status = ReadLatinAgain(tessdata, image, lines); !status.ok()) return status;
  }
  page.words = LayoutWords(lines, language, image.height * 72.0 / image.dpi);
  page.confidence = counted == 0 ? 0 : confidence_sum / static_cast<double>(counted);
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
    // unsure of.
    case Language::kArabic: return "ara";
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
  if (language) return ReadWords(tessdata_, image, *language, page);
  bool latin = false;
  if (const std::optional<Language> by_script = LanguageOfScript(tessdata_, image, latin)) {
    return ReadWords(tessdata_, image, *by_script, page);
  }
  if (Status status = ReadWords(tessdata_, image, Language::kEnglish, page); !status.ok()) return status;
  const TextLanguageGuess guess = GuessLanguageFromText(WordsText(page));
  if (guess.language && guess.language != Language::kEnglish && guess.confidence >= 0.6) {
    return ReadWords(tessdata_, image, *guess.language, page);
  }
  return Status::Ok();
}

}  // namespace sextant
