#include "stages/extract/pdf_extract_stage.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include "pipeline/unicode_text.h"

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
  // A page is lost when Poppler cannot make it, or when it yields no word
  // and Poppler reported problems while reading it (a scan's page yields
  // no word quietly); read in part when it yields words and problems.
  // Words that are no text are left out; a page that loses more than a
  // tenth of its words so, with no problem reported, is unreadable.
  std::vector<int> lost, in_part, unreadable;
  std::string damage;  // what Poppler said about the first damaged page
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
    } else if (reported) {
      in_part.push_back(page.number);
    } else if (no_text * 10 > no_text + words.size()) {
      unreadable.push_back(page.number);
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
  if (total_words == 0 && !unreadable.empty()) {
    return Status(StatusCode::kNoTextLayer,
                  path + ": no readable text layer (its text is control or private-use characters: a font without "
                         "a character map); run OCR on it first, e.g. ocrmypdf");
  }
  if (total_words == 0) {
    return Status(StatusCode::kNoTextLayer,
                  path + ": no text layer (an image-only scan of " +
                      std::to_string(page_count) +
                      " pages); run OCR on it first, e.g. ocrmypdf");
  }
  if (!lost.empty() || !in_part.empty()) {
    document.Warn(std::string(kDamagedPagesCode), DamagedPages(lost, in_part, page_count, damage));
  }
  if (!unreadable.empty()) {
    document.Warn(std::string(kUnreadablePagesCode),
                  std::to_string(unreadable.size()) + of_pages +
                      " hold words of no readable text, left out (control or private-use characters: a font "
                      "without a character map): page" + (unreadable.size() > 1 ? "s " : " ") + PageList(unreadable));
  }
  return Status::Ok();
}

}  // namespace sextant
