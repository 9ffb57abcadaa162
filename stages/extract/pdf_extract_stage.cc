#include "stages/extract/pdf_extract_stage.h"

#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <string>

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

namespace sextant {
namespace {

std::string ToUtf8(const poppler::ustring& text) {
  const poppler::byte_array bytes = text.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

// Poppler reports recoverable parse problems on stderr by default; Sextant
// reports what matters through Status and diagnostics instead.
void SilencePoppler() {
  static std::once_flag once;
  std::call_once(once, [] {
    poppler::set_debug_error_function(
        [](const std::string&, void*) {}, nullptr);
  });
}

// Reads the first bytes to tell "not a PDF" from "a damaged PDF".
Status CheckPdfHeader(const std::string& path) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    return Status(StatusCode::kNotFound,
                  path + ": is a folder; give the PDF files in it (e.g. " + path + "/*.pdf)");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status(StatusCode::kNotFound,
                  path + ": cannot open the file; check the path and permissions");
  }
  std::string head(1024, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  if (head.find("%PDF-") == std::string::npos) {
    return Status(StatusCode::kNotPdf,
                  path + ": not a PDF (no %PDF- header); give Sextant the PDF "
                         "of the document");
  }
  return Status::Ok();
}

bool IsBoldFont(const std::string& font_name) {
  return font_name.find("Bold") != std::string::npos ||
         font_name.find("bold") != std::string::npos ||
         font_name.find("Black") != std::string::npos ||
         font_name.find("Heavy") != std::string::npos;
}

Word ToWord(const poppler::text_box& box) {
  Word word;
  word.text = ToUtf8(box.text());
  const poppler::rectf rect = box.bbox();
  word.box = {rect.left(), rect.top(), rect.right(), rect.bottom()};
  if (box.has_font_info()) {
    word.font_size = box.get_font_size();
    word.bold = IsBoldFont(box.get_font_name());
  }
  word.space_after = box.has_space_after();
  return word;
}

}  // namespace

Status PdfExtractStage::Run(Document& document) const {
  SilencePoppler();
  const std::string& path = document.path;
  if (Status header = CheckPdfHeader(path); !header.ok()) return header;

  std::unique_ptr<poppler::document> pdf(
      poppler::document::load_from_file(path));
  if (!pdf) {
    return Status(StatusCode::kDamaged,
                  path + ": Poppler cannot parse this PDF (truncated or "
                         "corrupt); download it again");
  }
  if (pdf->is_locked()) {
    return Status(StatusCode::kEncrypted,
                  path + ": the PDF is encrypted with a password; save an "
                         "unlocked copy first");
  }

  int page_count = pdf->pages();
  if (options_.max_pages > 0 && page_count > options_.max_pages) {
    document.Warn("pages_truncated", "only the first " +
                                         std::to_string(options_.max_pages) +
                                         " of " + std::to_string(page_count) +
                                         " pages were read");
    page_count = options_.max_pages;
  }
  std::size_t total_words = 0;
  for (int i = 0; i < page_count; ++i) {
    Page page;
    page.number = i + 1;
    std::unique_ptr<poppler::page> pdf_page(pdf->create_page(i));
    if (!pdf_page) {
      document.Warn("page_unreadable",
                    "page " + std::to_string(page.number) + " cannot be read");
      document.pages.push_back(std::move(page));
      continue;
    }
    const poppler::rectf rect = pdf_page->page_rect(poppler::media_box);
    page.width = rect.width();
    page.height = rect.height();
    const std::vector<poppler::text_box> boxes =
        pdf_page->text_list(poppler::page::text_list_include_font);
    std::vector<Word> words;
    words.reserve(boxes.size());
    for (const poppler::text_box& box : boxes) {
      Word word = ToWord(box);
      if (!word.text.empty()) words.push_back(std::move(word));
    }
    page.words = PackedWords(words);
    total_words += page.words.size();
    document.pages.push_back(std::move(page));
  }
  if (total_words == 0) {
    return Status(StatusCode::kNoTextLayer,
                  path + ": no text layer (an image-only scan of " +
                      std::to_string(page_count) +
                      " pages); run OCR on it first, e.g. ocrmypdf");
  }
  return Status::Ok();
}

}  // namespace sextant
