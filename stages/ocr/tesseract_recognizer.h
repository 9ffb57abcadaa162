// TesseractRecognizer: OCR of a rendered page with Tesseract's C++ API
// (Sextant's only Tesseract user, with tesseract_engines.h, which loads
// the models), in one of the six languages' models
// (Debian's tesseract-ocr-ara, -chi-sim, -eng, -fra, -rus, -spa, and
// -script-arab for Arabic).
//
// The language: the one given (the document's, from its file name, job
// number or text layer); without one, Tesseract's script detection (OSD)
// picks Arabic, Chinese, Russian or Latin, and a Latin page is read in
// English first, then again in French or Spanish when the words read say
// so (stages/language's frequent words).
//
// Arabic pages are read with the Arabic model and Tesseract's Arabic-script
// model together ("ara+Arabic"); then, inside each word's box:
//   - numbers (no letter, but a digit or a mark the Arabic model reads for
//     an Arabic-Indic digit: "59", "؟-") again by the Arabic-script model,
//     its reading kept when it is a number in Arabic-Indic digits and the
//     model is sure of it;
//   - words that hold ASCII letters, digits or "/" (a Latin symbol the
//     Arabic model reads as Arabic letters) again by the English model,
//     its reading kept when it is surer;
//   - words the dictionary refuses mended by one dot or hamza when exactly
//     one such reading is a word (arabic_spelling.h).
// On every page, lines the page layout left out (ink no line read covers,
// missed_lines.h) are read again one by one and kept when Tesseract is
// sure of them (mean word confidence 60 or more).
//
// Words come back as pipeline/page_recognizer.h describes (ocr_lines.h
// makes them from Tesseract's lines).
// Words Tesseract is least sure of (confidence under 20 with no letter or
// digit: specks of a scan) are left out.
//
// Thread-safety: Recognize() may run on several threads at once: each page
// borrows its Tesseract engines from the recognizer's TesseractEngines
// (tesseract_engines.h: how many stay loaded, by OcrLimits), and
// Tesseract's own OpenMP threads are turned off on every thread that reads
// a page (the runner's --jobs already uses the cores, and Tesseract's
// threads made a page three times slower: 19 s against 6 s, with
// OMP_THREAD_LIMIT=1).
#pragma once

#include <memory>
#include <string>

#include "pipeline/page_recognizer.h"
#include "stages/ocr/tesseract_engines.h"

namespace sextant {

class TesseractRecognizer : public PageRecognizer {
 public:
  // `tessdata`: the folder of the models; empty: Tesseract's default
  // (/usr/share/tesseract-ocr/5/tessdata on Debian).
  explicit TesseractRecognizer(std::string tessdata = {}, OcrLimits limits = {})
      : engines_(std::make_unique<TesseractEngines>(std::move(tessdata), limits)) {}

  Status Recognize(const PageImage& image, std::optional<Language> language, RecognizedPage& page) const override;
  // Frees the models loaded and idle (TesseractEngines::FreeIdle); pages
  // being read keep theirs.
  void FreeIdleEngines() const { engines_->FreeIdle(); }

 private:
  std::unique_ptr<TesseractEngines> engines_;  // shared by the threads reading pages
};

// Tesseract's models for a language: "eng", "chi_sim"; "rus+eng", whose
// documents print symbols in Latin letters; "ara+Arabic".
std::string_view TesseractModel(Language language);

}  // namespace sextant
