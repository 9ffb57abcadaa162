#include "stages/extract/pdf_extract_stage.h"

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <fstream>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include "pipeline/unicode_text.h"
#include "stages/extract/text_layer_check.h"
#include "stages/language/language_stage.h"

namespace sextant {
namespace {

std::string ToUtf8(const poppler::ustring& text) {
  const poppler::byte_array bytes = text.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

// What Poppler reported while one document was read: how many problems,
// and the last ("Couldn't read xref table").
struct PopplerReport {
  std::size_t count = 0;
  std::string last;
};

// Poppler's error callback is one for the process; each Run() collects on
// its own thread (Poppler calls back on the thread that reads).
thread_local PopplerReport* current_report = nullptr;

// "error (1234): Unknown operator '<f5>'<0a>" -> "Unknown operator '<f5>'",
// at most 100 bytes (Poppler writes bytes outside ASCII as <xx>).
std::string PopplerMessage(const std::string& raw) {
  std::string message = raw;
  if (message.rfind("error", 0) == 0) {
    if (const std::size_t colon = message.find(": "); colon != std::string::npos) message.erase(0, colon + 2);
  }
  while (message.size() >= 4 && message.compare(message.size() - 4, 4, "<0a>") == 0) message.resize(message.size() - 4);
  if (message.size() > 100) message = message.substr(0, 97) + "...";
  return message;
}

// Poppler reports recoverable parse problems on stderr by default; Sextant
// collects them and reports what matters through Status and diagnostics.
void CollectPopplerReports() {
  static std::once_flag once;
  std::call_once(once, [] {
    poppler::set_debug_error_function(
        [](const std::string& message, void*) {
          PopplerReport* report = current_report;
          if (report == nullptr) return;
          ++report->count;
          report->last = message;
        },
        nullptr);
  });
}

class PopplerReportScope {
 public:
  explicit PopplerReportScope(PopplerReport& report) { current_report = &report; }
  ~PopplerReportScope() { current_report = nullptr; }
  PopplerReportScope(const PopplerReportScope&) = delete;
  PopplerReportScope& operator=(const PopplerReportScope&) = delete;
};

// Whether the file ends with %%EOF (some whitespace or a line after it
// allowed): a file cut short in a download does not.
bool EndsWithEof(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  const std::streamoff size = in ? static_cast<std::streamoff>(in.tellg()) : 0;
  const std::streamoff tail = std::min<std::streamoff>(size, 1024);
  std::string bytes(static_cast<std::size_t>(tail), '\0');
  in.seekg(size - tail);
  in.read(bytes.data(), tail);
  return bytes.find("%%EOF") != std::string::npos;
}

// The failure of a PDF that Poppler could not read: `what` went wrong,
// with what Poppler said and whether the file is cut short.
Status Damaged(const std::string& path, const std::string& what, const std::string& poppler_said) {
  std::string found;
  if (!poppler_said.empty()) found = "Poppler: " + PopplerMessage(poppler_said);
  if (!EndsWithEof(path)) found += std::string(found.empty() ? "" : "; ") + "no %%EOF at its end: cut short?";
  return Status(StatusCode::kDamaged,
                path + ": damaged PDF, " + what + (found.empty() ? "" : " (" + found + ")") + "; download it again");
}

// Whether a word is no text: empty, or most of its characters controls,
// private use or U+FFFD, what a font whose character map is lost (or was
// never there) yields for every glyph: nothing to search or translate.
// U+F000-U+F0FF is not counted: symbol fonts put their ASCII there, and
// the furniture stage reads barcodes from it ("*1916917*").
bool IsNoText(const std::string& text) {
  std::size_t all = 0, bad = 0;
  for (std::size_t pos = 0; pos < text.size(); ++all) {
    const char32_t c = NextCodePoint(text, pos);
    const bool private_use = (c >= 0xE000 && c <= 0xF8FF && (c < 0xF000 || c > 0xF0FF)) || c >= 0xF0000;
    if (c < 0x20 || (c >= 0x7F && c < 0xA0) || private_use || c == 0xFFFD) ++bad;
  }
  return all == 0 || bad * 2 > all;
}

// "4, 7, 9" or "4, 7, 9, 12, 15, ..."
std::string PageList(const std::vector<int>& pages) {
  std::string list;
  for (std::size_t i = 0; i < pages.size() && i < 5; ++i) list += (i ? ", " : "") + std::to_string(pages[i]);
  return pages.size() > 5 ? list + ", ..." : list;
}

// "1 of 12 pages could not be read and 2 were read with errors, their text
// may be incomplete or wrong (damaged PDF: pages 4 lost, 7, 9 in part;
// Poppler: ...)"
std::string DamagedPages(const std::vector<int>& lost, const std::vector<int>& in_part, int page_count,
                         const std::string& poppler_said) {
  const std::string of_pages = " of " + std::to_string(page_count) + " pages";
  std::string what = lost.empty() ? "" : std::to_string(lost.size()) + of_pages + " could not be read";
  if (!in_part.empty()) {
    what += (lost.empty() ? std::to_string(in_part.size()) + of_pages : " and " + std::to_string(in_part.size())) +
            (in_part.size() == 1 ? " was" : " were") + " read with errors, their text may be incomplete or wrong";
  }
  std::string pages = lost.empty() ? "" : PageList(lost) + (in_part.empty() ? "" : " lost");
  if (!in_part.empty()) pages += (lost.empty() ? "" : ", ") + PageList(in_part) + (lost.empty() ? "" : " in part");
  return what + " (damaged PDF: page" + (lost.size() + in_part.size() == 1 ? " " : "s ") + pages +
         (poppler_said.empty() ? "" : "; Poppler: " + PopplerMessage(poppler_said)) + ")";
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

// The page in grey at `dpi`, for OCR.
PageImage RenderPage(const poppler::page& page, double dpi) {
  poppler::page_renderer renderer;
  renderer.set_image_format(poppler::image::format_gray8);
  renderer.set_render_hint(poppler::page_renderer::antialiasing);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing);
  const poppler::image rendered = renderer.render_page(&page, dpi, dpi);
  PageImage image;
  if (!rendered.is_valid()) return image;
  image.width = rendered.width();
  image.height = rendered.height();
  image.bytes_per_row = rendered.bytes_per_row();
  image.dpi = dpi;
  const char* data = rendered.const_data();
  image.pixels.assign(data, data + static_cast<std::size_t>(image.bytes_per_row) * image.height);
  return image;
}

// Calls after_ocr_page when it goes out of scope, however it is left.
class OcrPageEnd {
 public:
  explicit OcrPageEnd(const std::function<void()>& after) : after_(after) {}
  ~OcrPageEnd() {
    if (after_) after_();
  }
  OcrPageEnd(const OcrPageEnd&) = delete;
  OcrPageEnd& operator=(const OcrPageEnd&) = delete;

 private:
  const std::function<void()>& after_;
};

bool NeedsOcr(OcrMode mode, TextLayer layer) {
  switch (mode) {
    case OcrMode::kNever: return false;
    case OcrMode::kAlways: return true;
    case OcrMode::kAuto: return layer == TextLayer::kNone || layer == TextLayer::kUnreadable;
  }
  return false;
}

std::vector<std::string> WordTexts(const std::vector<Word>& words) {
  std::vector<std::string> texts;
  texts.reserve(words.size());
  for (const Word& word : words) texts.push_back(word.text);
  return texts;
}

}  // namespace

Status PdfExtractStage::Run(Document& document) const {
  CollectPopplerReports();
  const std::string& path = document.path;
  if (Status header = CheckPdfHeader(path); !header.ok()) return header;

  PopplerReport report;
  const PopplerReportScope collecting(report);
  std::unique_ptr<poppler::document> pdf(
      poppler::document::load_from_file(path));
  if (!pdf) return Damaged(path, "it cannot be parsed", report.last);
  if (pdf->is_locked()) {
    return Status(StatusCode::kEncrypted,
                  path + ": the PDF is encrypted with a password; save an "
                         "unlocked copy first");
  }

  int page_count = pdf->pages();
  if (page_count <= 0) return Damaged(path, "no page can be found in it", report.last);
  if (options_.max_pages > 0 && page_count > options_.max_pages) {
    document.Warn("pages_truncated", "only the first " +
                                         std::to_string(options_.max_pages) +
                                         " of " + std::to_string(page_count) +
                                         " pages were read");
    page_count = options_.max_pages;
  }
  const OcrMode ocr_mode = options_.recognizer ? options_.ocr : OcrMode::kNever;
  // The language OCR reads in: the file name's, else the one found on the
  // first page read.
  std::optional<Language> ocr_language = LanguageFromFileName(path);
  // A page is lost when Poppler cannot make it, or when it yields no word
  // and Poppler reported problems while reading it (a scan's page yields
  // no word quietly); read in part when it yields words and problems.
  // Words that are no text are left out; a page whose text layer is judged
  // unreadable (text_layer_check.h) loses all its words.
  std::vector<int> lost, in_part, unreadable, read_by_ocr, poor_ocr;
  std::string damage;          // what Poppler said about the first damaged page
  std::string first_unreadable;  // the signal that decided the first unreadable page
  std::string first_poor;
  double ocr_confidence = 0;
  std::size_t total_words = 0;
  for (int i = 0; i < page_count; ++i) {
    Page page;
    page.number = i + 1;
    const std::size_t reported_before = report.count;
    std::unique_ptr<poppler::page> pdf_page(pdf->create_page(i));
    std::size_t no_text = 0;
    std::vector<Word> words;
    if (pdf_page) {
      const poppler::rectf rect = pdf_page->page_rect(poppler::media_box);
      page.width = rect.width();
      page.height = rect.height();
      const std::vector<poppler::text_box> boxes = pdf_page->text_list(poppler::page::text_list_include_font);
      words.reserve(boxes.size());
      for (const poppler::text_box& box : boxes) {
        Word word = ToWord(box);
        if (IsNoText(word.text)) {
          no_text += word.text.empty() ? 0 : 1;
        } else {
          words.push_back(std::move(word));
        }
      }
    }
    const bool reported = report.count > reported_before;
    if (reported && damage.empty()) damage = report.last;
    if (!pdf_page || (words.empty() && reported)) {
      lost.push_back(page.number);
    } else {
      if (reported) in_part.push_back(page.number);
      const TextLayerVerdict verdict = JudgeTextLayer(WordTexts(words), no_text);
      page.text_layer = verdict.layer;
      page.text_layer_signal = verdict.signal;
      if (verdict.layer == TextLayer::kUnreadable) {
        words.clear();
        unreadable.push_back(page.number);
        if (first_unreadable.empty()) first_unreadable = verdict.signal + " on page " + std::to_string(page.number);
      } else if (verdict.layer == TextLayer::kPoorOcr) {
        poor_ocr.push_back(page.number);
        if (first_poor.empty()) first_poor = verdict.signal + " on page " + std::to_string(page.number);
      }
      if (NeedsOcr(ocr_mode, verdict.layer)) {
        if (options_.before_ocr_page) options_.before_ocr_page();
        RecognizedPage recognized;
        Status read;
        {
          const OcrPageEnd page_end(options_.after_ocr_page);  // also when rendering or reading throws
          read = options_.recognizer->Recognize(RenderPage(*pdf_page, options_.ocr_dpi), ocr_language, recognized);
        }
        if (!read.ok()) return Status(read.code(), path + ": page " + std::to_string(page.number) + ": " + read.message());
        ocr_language = recognized.language;
        words = std::move(recognized.words);
        page.ocr = true;
        read_by_ocr.push_back(page.number);
        ocr_confidence += recognized.confidence;
        if (options_.on_ocr_page) options_.on_ocr_page(path, page.number, page_count);
      }
    }
    page.words = PackedWords(words);
    total_words += page.words.size();
    document.pages.push_back(std::move(page));
  }
  const std::string of_pages = " of " + std::to_string(page_count) + " pages";
  if (total_words == 0 && !lost.empty()) {
    return Damaged(path,
                   static_cast<int>(lost.size()) == page_count
                       ? "none of its " + std::to_string(page_count) + " pages can be read"
                       : std::to_string(lost.size()) + of_pages + " cannot be read and the others hold no text",
                   damage);
  }
  const std::string how_to_ocr = ocr_mode == OcrMode::kNever && options_.ocr == OcrMode::kNever
                                     ? "read it with --ocr auto (the default), or run OCR on it first, e.g. ocrmypdf"
                                     : "run OCR on it first, e.g. ocrmypdf";
  if (total_words == 0 && !read_by_ocr.empty()) {
    return Status(StatusCode::kNoTextLayer, path + ": OCR found no text on its " + std::to_string(page_count) +
                                                " pages (an image-only scan of blank or unreadable pages)");
  }
  if (total_words == 0 && !unreadable.empty()) {
    return Status(StatusCode::kUnreadableText,
                  path + ": its text layer is unreadable (" + first_unreadable +
                      ": a font that maps its glyphs to the wrong characters, or to none); " + how_to_ocr);
  }
  if (total_words == 0) {
    return Status(StatusCode::kNoTextLayer,
                  path + ": no text layer (an image-only scan of " +
                      std::to_string(page_count) +
                      " pages); " + how_to_ocr);
  }
  if (!lost.empty() || !in_part.empty()) {
    document.Warn(std::string(kDamagedPagesCode), DamagedPages(lost, in_part, page_count, damage));
  }
  const auto unread = [&](int number) {
    return std::find(read_by_ocr.begin(), read_by_ocr.end(), number) == read_by_ocr.end();
  };
  std::vector<int> unreadable_left;
  std::copy_if(unreadable.begin(), unreadable.end(), std::back_inserter(unreadable_left), unread);
  if (!unreadable_left.empty()) {
    document.Warn(std::string(kUnreadablePagesCode),
                  std::to_string(unreadable_left.size()) + of_pages +
                      " hold words of no readable text, left out (" + first_unreadable +
                      "): page" + (unreadable_left.size() > 1 ? "s " : " ") + PageList(unreadable_left));
  }
  std::vector<int> poor_left;
  std::copy_if(poor_ocr.begin(), poor_ocr.end(), std::back_inserter(poor_left), unread);
  if (!poor_left.empty()) {
    document.Warn(std::string(kPoorOcrPagesCode),
                  std::to_string(poor_left.size()) + of_pages + " hold an OCR text layer of poor quality (" +
                      first_poor + "); --ocr always reads them again: page" + (poor_left.size() > 1 ? "s " : " ") +
                      PageList(poor_left));
  }
  if (!read_by_ocr.empty()) {
    document.Note(std::string(kOcrPagesCode),
                  std::to_string(read_by_ocr.size()) + of_pages + " read by OCR (Tesseract, " +
                      std::string(Code(ocr_language.value_or(Language::kEnglish))) + ", mean word confidence " +
                      std::to_string(static_cast<int>(ocr_confidence / static_cast<double>(read_by_ocr.size()) + 0.5)) +
                      "): page" + (read_by_ocr.size() > 1 ? "s " : " ") + PageList(read_by_ocr));
  }
  return Status::Ok();
}

}  // namespace sextant
