// Bad input: every failure is a Status with the right code and a message
// that names the file; nothing crashes; a batch goes on past a bad file.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <new>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "pipeline/runner.h"
#include "stages/extract/pdf_extract_stage.h"
#include "stages/standard_stages.h"
#include "tests/test_paths.h"

namespace sextant {
namespace {

namespace fs = std::filesystem;

ExtractionOptions WithoutOcr() {
  ExtractionOptions options;
  options.ocr = OcrMode::kNever;
  return options;
}

class ExtractErrorsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("sextant-errors-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& bytes) {
    const fs::path path = dir_ / name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path.string();
  }

  std::string Fixture(const std::string& language) {
    return (testing::SourceDir() / "corpora" / "pdf" / (language + ".pdf")).string();
  }

  std::string ReadAll(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

  Runner runner_{ExtractionStages()};
  Runner no_ocr_{ExtractionStages(ExtractionDepth::kTagged, WithoutOcr())};
  fs::path dir_;
};

TEST_F(ExtractErrorsTest, MissingFile) {
  const auto result = runner_.RunOne((dir_ / "nope.pdf").string());
  EXPECT_EQ(result.status.code(), StatusCode::kNotFound);
  EXPECT_NE(result.status.message().find("nope.pdf"), std::string::npos);
}

TEST_F(ExtractErrorsTest, FolderIsNotAFile) {
  const auto result = runner_.RunOne(dir_.string());
  EXPECT_EQ(result.status.code(), StatusCode::kNotFound);
  EXPECT_NE(result.status.message().find("is a folder"), std::string::npos);
}

TEST_F(ExtractErrorsTest, NotAPdf) {
  const auto path = Write("notes.pdf", "These are meeting notes, not a PDF.\n");
  const auto result = runner_.RunOne(path);
  EXPECT_EQ(result.status.code(), StatusCode::kNotPdf);
  EXPECT_NE(result.status.message().find("notes.pdf"), std::string::npos);
}

TEST_F(ExtractErrorsTest, TruncatedPdfIsDamagedNeverAScan) {
  const std::string whole = ReadAll(Fixture("en"));
  for (std::size_t keep : {std::size_t{20}, whole.size() / 3, whole.size() / 2, whole.size() - 200}) {
    SCOPED_TRACE(keep);
    const auto path = Write("cut" + std::to_string(keep) + ".pdf", whole.substr(0, keep));
    const auto result = runner_.RunOne(path);
    EXPECT_EQ(result.status.code(), StatusCode::kDamaged) << result.status.ToString();
    EXPECT_NE(result.status.message().find(path + ": damaged PDF"), std::string::npos);
    EXPECT_NE(result.status.message().find("no %%EOF at its end"), std::string::npos);
  }
}

// `from` replaced by `to` in `bytes` (the first time), or "" when `from` is
// not there (the test then fails on the fixture, not on Sextant).
std::string Replace(std::string bytes, const std::string& from, const std::string& to) {
  const std::size_t at = bytes.find(from);
  return at == std::string::npos ? "" : bytes.replace(at, from.size(), to);
}

// Every stream's data (between "stream" and "endstream") set to zeros.
std::string ZeroStreams(std::string bytes) {
  for (std::size_t at = bytes.find("stream\n"); at != std::string::npos; at = bytes.find("stream\n", at)) {
    const std::size_t begin = at + 7, end = bytes.find("endstream", begin);
    if (end == std::string::npos) break;
    std::fill(bytes.begin() + static_cast<std::ptrdiff_t>(begin), bytes.begin() + static_cast<std::ptrdiff_t>(end), '\0');
    at = end + 9;
  }
  return bytes;
}

// A damaged file is reported as damaged, with what Poppler found, never as
// a scan; pages lost from a file that has text elsewhere are one
// diagnostic (which the commands print on stderr).
struct DamageCase {
  const char* name;
  std::string (*damage)(const std::string& pdf);
  StatusCode code;
  const char* message;  // in the status (failed) or the damaged_pages diagnostic (read)
};

const DamageCase kDamageCases[] = {
    {"xref and trailer deleted",
     [](const std::string& pdf) { return pdf.substr(0, pdf.rfind("\nxref") + 1) + pdf.substr(pdf.rfind("startxref")); },
     StatusCode::kDamaged, "damaged PDF, it cannot be parsed (Poppler: Couldn't read xref table)"},
    {"startxref past the end",
     [](const std::string& pdf) { return Replace(pdf, "startxref\n", "startxref\n9"); },
     StatusCode::kOk, ""},
    {"page 2 missing from the page tree",
     [](const std::string& pdf) { return Replace(pdf, "/Kids [ 2 0 R 10 0 R ]", "/Kids [ 2 0 R 99 0 R ]"); },
     StatusCode::kOk, "1 of 2 pages could not be read (damaged PDF: page 2; Poppler: Kid object (page 2) is wrong type"},
    {"page count a lie",
     [](const std::string& pdf) { return Replace(pdf, "/Count 2", "/Count 12"); },
     StatusCode::kOk, "10 of 12 pages could not be read (damaged PDF: pages 3, 4, 5, 6, 7, ...)"},
    {"page tree emptied",
     [](const std::string& pdf) { return Replace(pdf, "/Kids [ 2 0 R 10 0 R ]", "/Kids [              ]"); },
     StatusCode::kDamaged, "damaged PDF, none of its 2 pages can be read; download it again"},
    {"page tree emptied, page count 0",
     [](const std::string& pdf) {
       return Replace(pdf, "/Kids [ 2 0 R 10 0 R ]\n   /Count 2", "/Kids [              ]\n   /Count 0");
     },
     StatusCode::kDamaged, "damaged PDF, no page can be found in it"},
    {"every stream zeroed",
     [](const std::string& pdf) { return ZeroStreams(pdf); },
     StatusCode::kDamaged, "damaged PDF, none of its 2 pages can be read (Poppler: "},
    {"a font's character map missing",
     [](const std::string& pdf) { return Replace(pdf, "/ToUnicode 38 0 R", "/ToUnicode 99 0 R"); },
     StatusCode::kOk, "1 of 2 pages was read with errors, their text may be incomplete or wrong (damaged PDF: page 2; Poppler: Invalid XRef entry 99)"},
    {"page 1's contents missing",
     [](const std::string& pdf) { return Replace(pdf, "/Contents 4 0 R", "/Contents 99 0 R"); },
     StatusCode::kOk, "1 of 2 pages could not be read (damaged PDF: page 1; Poppler: Invalid XRef entry 99)"},
};

TEST_F(ExtractErrorsTest, DamagedPdfIsReportedAsDamaged) {
  const std::string en = ReadAll(Fixture("en"));
  for (const DamageCase& c : kDamageCases) {
    SCOPED_TRACE(c.name);
    const std::string bytes = c.damage(en);
    ASSERT_FALSE(bytes.empty()) << "the fixture changed: the damage no longer applies";
    const auto result = runner_.RunOne(Write("damaged.pdf", bytes));
    EXPECT_EQ(result.status.code(), c.code) << result.status.ToString();
    if (!result.status.ok()) {
      EXPECT_NE(result.status.message().find("damaged.pdf: "), std::string::npos);
      EXPECT_NE(result.status.message().find(c.message), std::string::npos) << result.status.message();
      continue;
    }
    std::string diagnostics;
    for (const Diagnostic& d : result.document.diagnostics) {
      if (d.code == kDamagedPagesCode) diagnostics += d.message;
    }
    if (*c.message == '\0') {
      EXPECT_EQ(diagnostics, "");
    } else {
      EXPECT_NE(diagnostics.find(c.message), std::string::npos) << diagnostics;
    }
  }
}

TEST_F(ExtractErrorsTest, GarbageAfterHeaderIsDamaged) {
  std::string bytes = "%PDF-1.7\n";
  for (int i = 0; i < 2000; ++i) bytes += static_cast<char>((i * 7919) % 251);
  const auto result = runner_.RunOne(Write("garbage.pdf", bytes));
  EXPECT_FALSE(result.status.ok());
  EXPECT_EQ(result.status.code(), StatusCode::kDamaged) << result.status.ToString();
}

TEST_F(ExtractErrorsTest, BatchGoesOnPastBadFiles) {
  const std::vector<std::string> paths = {Write("bad.pdf", "nope"), Fixture("fr"),
                                          (dir_ / "missing.pdf").string(), Fixture("zh")};
  RunnerOptions options;
  options.jobs = 2;
  const auto results = runner_.Run(paths, options);
  EXPECT_EQ(results[0].status.code(), StatusCode::kNotPdf);
  EXPECT_TRUE(results[1].status.ok());
  EXPECT_FALSE(results[1].document.paragraphs.empty());
  EXPECT_EQ(results[2].status.code(), StatusCode::kNotFound);
  EXPECT_TRUE(results[3].status.ok());
}

TEST_F(ExtractErrorsTest, EncryptedPdfAsksForAnUnlockedCopy) {
  // qpdf (installed by scripts/install-deps) locks a copy of a fixture.
  const std::string locked = (dir_ / "locked.pdf").string();
  const std::string command = "qpdf --encrypt secret owner 256 -- '" + Fixture("es") +
                              "' '" + locked + "'";
  ASSERT_EQ(std::system(command.c_str()), 0) << "qpdf missing? run scripts/install-deps";
  const auto result = runner_.RunOne(locked);
  EXPECT_EQ(result.status.code(), StatusCode::kEncrypted) << result.status.ToString();
  EXPECT_NE(result.status.message().find("locked.pdf"), std::string::npos);
}

// A PDF written here: `objects` are objects 1, 2, ... (1 the catalog), the
// xref table exact.
std::string HandMadePdf(const std::vector<std::string>& objects) {
  std::string pdf = "%PDF-1.4\n";
  std::string xref = "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t i = 0; i < objects.size(); ++i) {
    char entry[21];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", pdf.size());
    xref += entry;
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t start = pdf.size();
  return pdf + xref + "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
         " /Root 1 0 R >>\nstartxref\n" + std::to_string(start) + "\n%%EOF\n";
}

std::string Stream(const std::string& data) {
  return "<< /Length " + std::to_string(data.size()) + " >>\nstream\n" + data + "endstream";
}

// A PDF whose one page is intact and holds a drawing but no text: a scan
// (no_text_layer), not damaged; OCR reads it and finds no text either.
TEST_F(ExtractErrorsTest, IntactPageWithoutTextIsAScan) {
  const std::string pdf = HandMadePdf({
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>",
      Stream("0 0 1 rg 10 10 100 100 re f\n"),
  });
  const std::string path = Write("drawing.pdf", pdf);
  const auto result = no_ocr_.RunOne(path);
  EXPECT_EQ(result.status.code(), StatusCode::kNoTextLayer) << result.status.ToString();
  EXPECT_NE(result.status.message().find("image-only scan of 1 pages); read it with --ocr auto"), std::string::npos)
      << result.status.message();
  const auto read = runner_.RunOne(path);
  EXPECT_EQ(read.status.code(), StatusCode::kNoTextLayer) << read.status.ToString();
  EXPECT_NE(read.status.message().find("OCR found no text on its 1 pages"), std::string::npos) << read.status.message();
}

// Text whose font maps every glyph to private use (a character map lost)
// is no text: a page of it is unreadable, a file of nothing else needs OCR.
// The fonts are Type 3, drawn by the PDF itself: a font Poppler had to look
// for on the system would bring fontconfig, which leaks under LeakSanitizer.
TEST_F(ExtractErrorsTest, TextOfPrivateUseCharactersIsNoText) {
  const auto cmap = [](const std::string& first) {  // codes 0x20-0x7E to `first` onwards
    return Stream("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /M def\n"
                  "1 begincodespacerange <00> <FF> endcodespacerange\n1 beginbfrange <20> <7E> <" +
                  first + "> endbfrange\nendcmap CMapName currentdict /CMap defineresource pop end end\n");
  };
  const auto type3 = [](int to_unicode) {
    std::string names, widths;
    for (int code = 32; code <= 126; ++code) names += "/g ", widths += "500 ";
    return "<< /Type /Font /Subtype /Type3 /FontBBox [0 0 500 700] /FontMatrix [0.001 0 0 0.001 0 0]"
           " /CharProcs << /g 10 0 R >> /Encoding << /Type /Encoding /Differences [32 " + names +
           "] >> /FirstChar 32 /LastChar 126 /Widths [" + widths + "] /ToUnicode " + std::to_string(to_unicode) +
           " 0 R >>";
  };
  const std::string text = "BT /F1 12 Tf 20 100 Td (The Working Group met.) Tj ET\n";
  const std::string lost = "BT /F2 12 Tf 20 100 Td (The Working Group met.) Tj ET\n";
  const std::string resources = " /Resources << /Font << /F1 6 0 R /F2 7 0 R >> >> /MediaBox [0 0 400 200] >>";
  const auto pdf = [&](const std::string& first_page) {
    return HandMadePdf({
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
        "<< /Type /Page /Parent 2 0 R /Contents 5 0 R" + resources,
        "<< /Type /Page /Parent 2 0 R /Contents 9 0 R" + resources,
        Stream(first_page),
        type3(11),  // F1: ASCII as it is
        type3(8),   // F2: ASCII to U+E000 onwards
        cmap("E000"),
        Stream(lost),
        Stream("500 0 d0\n"),  // the glyph: nothing drawn
        cmap("0020"),
    });
  };
  const auto partly = no_ocr_.RunOne(Write("partly.pdf", pdf(text)));
  EXPECT_TRUE(partly.status.ok()) << partly.status.ToString();
  ASSERT_EQ(partly.document.pages.size(), 2u);
  // The pages' words are used up by layout; what stays is the text.
  ASSERT_FALSE(partly.document.paragraphs.empty());
  for (const Paragraph& paragraph : partly.document.paragraphs) {
    EXPECT_EQ(paragraph.page, 1) << paragraph.text;
    EXPECT_EQ(paragraph.text.find("\xEE\x80"), std::string::npos) << "no private-use text: " << paragraph.text;
  }
  ASSERT_FALSE(partly.document.diagnostics.empty());
  EXPECT_EQ(partly.document.diagnostics[0].code, kUnreadablePagesCode);
  EXPECT_NE(partly.document.diagnostics[0].message.find("1 of 2 pages hold words of no readable text, left out"),
            std::string::npos);

  ASSERT_EQ(partly.document.pages.size(), 2u);
  EXPECT_EQ(partly.document.pages[0].text_layer, TextLayer::kOk);
  EXPECT_EQ(partly.document.pages[1].text_layer, TextLayer::kUnreadable);
  EXPECT_NE(partly.document.pages[1].text_layer_signal.find("control or private-use characters"), std::string::npos);

  // Without OCR a file of nothing else fails: never indexed as text.
  const auto none = no_ocr_.RunOne(Write("none.pdf", pdf(lost)));
  EXPECT_EQ(none.status.code(), StatusCode::kUnreadableText) << none.status.ToString();
  EXPECT_NE(none.status.message().find("none.pdf: its text layer is unreadable (control or private-use"),
            std::string::npos)
      << none.status.message();
  EXPECT_NE(none.status.message().find("--ocr auto"), std::string::npos);
  // With OCR its pages are read from their images, which here are blank.
  const auto read = runner_.RunOne(Write("none.pdf", pdf(lost)));
  EXPECT_EQ(read.status.code(), StatusCode::kNoTextLayer) << read.status.ToString();

  // A font whose codes are its letters shifted (no character map: Poppler
  // gives the codes), "the working group" as "WKH ZRUNLQJ JURXS": letters,
  // but no word of any language. Decided by the common words.
  const std::string shifted =
      "BT /F1 6 Tf 10 180 Td (WKH ZRUNLQJ JURXS PHW LQ YLHQQD RQ WKH) Tj 0 -10 Td "
      "(ILUVW GDH RI MXQH DQG LW DGRSWHG WKH) Tj 0 -10 Td (DJHQGDH RI WKH PHHWLQJ ZLWK WKH UHSRUW RI) Tj "
      "0 -10 Td (WKH VHFUHWDULDW RQ WKH LWHP DQG WKH FRQIHUHQFH) Tj 0 -10 Td "
      "(RI WKH SDUWLHV WR WKH FRQYHQWLRQ DJDLQVW WUDQVQDWLRQDO) Tj 0 -10 Td (RUJDQL]HG FULPH) Tj ET\n";
  const auto garbled = no_ocr_.RunOne(Write("shifted.pdf", pdf(shifted)));
  EXPECT_EQ(garbled.status.code(), StatusCode::kUnreadableText) << garbled.status.ToString();
  EXPECT_NE(garbled.status.message().find("common words: 0 of 42 words on page 1"), std::string::npos)
      << garbled.status.message();
}

// A real scan with no text layer: refused without OCR, read with it (its
// symbol, language and pages marked as read by OCR).
TEST_F(ExtractErrorsTest, ImageOnlyScanIsReadByOcr) {
  SEXTANT_REQUIRE_SHARED_CORPORA();
  const auto path = testing::SharedCorpora() / "un-pdf/ods/A_47_843-EN.pdf";
  const auto refused = no_ocr_.RunOne(path.string());
  EXPECT_EQ(refused.status.code(), StatusCode::kNoTextLayer);
  EXPECT_NE(refused.status.message().find("A_47_843-EN.pdf"), std::string::npos);
  EXPECT_NE(refused.status.message().find("OCR"), std::string::npos);

  const auto read = runner_.RunOne(path.string());
  ASSERT_TRUE(read.status.ok()) << read.status.ToString();
  EXPECT_EQ(read.document.furniture.symbol.value_or(""), "A/47/843-S/25016");  // "$/25016" repaired
  EXPECT_EQ(read.document.language, Language::kEnglish);
  ASSERT_EQ(read.document.pages.size(), 2u);
  for (const Page& page : read.document.pages) {
    EXPECT_EQ(page.text_layer, TextLayer::kNone);
    EXPECT_TRUE(page.ocr);
  }
  ASSERT_FALSE(read.document.paragraphs.empty());
  EXPECT_TRUE(read.document.paragraphs.front().ocr);
}

// Old scans whose OCR layer misread the masthead's symbol: the running
// heads of later pages, or the file name confirmed by a print like it,
// give the symbol, and the repair is reported.
TEST_F(ExtractErrorsTest, ScansWithMisreadMastheadsGiveTheirSymbols) {
  SEXTANT_REQUIRE_SHARED_CORPORA();
  const struct {
    const char* file;
    const char* symbol;
  } kScans[] = {
      {"A_45_155-EN.pdf", "A/45/155-S/21174"},  // "A/45/155J": page 2's heads
      {"A_45_189-EN.pdf", "A/45/189"},          // "A/45/109": most heads print A/45/189
      {"T_Pet.11_142-EN.pdf", "T/Pet.11/142"},  // none: the file name, printed "T/P'm.11/142"
      {"A_C.4_SR.985-FR.pdf", "A/C.4/SR.985"},  // none: the file name, printed "A/C,4/SR.985"
  };
  for (const auto& scan : kScans) {
    const auto read = no_ocr_.RunOne((testing::SharedCorpora() / "un-pdf/ods" / scan.file).string());
    ASSERT_TRUE(read.status.ok()) << scan.file << ": " << read.status.ToString();
    EXPECT_EQ(read.document.furniture.symbol.value_or("(none)"), scan.symbol) << scan.file;
    const bool reported = std::any_of(read.document.diagnostics.begin(), read.document.diagnostics.end(),
                                      [](const Diagnostic& d) { return d.code == "symbol_repaired"; });
    EXPECT_TRUE(reported) << scan.file;
  }
}


// A page read by OCR ends with after_ocr_page however the recognizer
// fails, throwing included (an ingest that missed it would keep its
// shares shrunk for OCR for the rest of the run).
class FailingRecognizer : public PageRecognizer {
 public:
  explicit FailingRecognizer(bool throws) : throws_(throws) {}
  Status Recognize(const PageImage&, std::optional<Language>, RecognizedPage&) const override {
    if (throws_) throw std::bad_alloc();
    return Status(StatusCode::kInternal, "the recognizer failed");
  }

 private:
  bool throws_;
};

TEST_F(ExtractErrorsTest, EveryOcrPageBegunEndsHoweverTheRecognizerFails) {
  for (const bool throws : {false, true}) {
    int begun = 0, ended = 0;
    PdfExtractOptions options;
    options.ocr = OcrMode::kAlways;
    options.ocr_dpi = 20;  // the recognizer does not look
    options.recognizer = std::make_shared<FailingRecognizer>(throws);
    options.before_ocr_page = [&] { ++begun; };
    options.after_ocr_page = [&] { ++ended; };
    std::vector<std::unique_ptr<Stage>> stages;
    stages.push_back(std::make_unique<PdfExtractStage>(options));
    const Runner runner(std::move(stages));
    const DocumentResult result = runner.RunOne(Fixture("en"));
    EXPECT_FALSE(result.status.ok()) << (throws ? "throws" : "fails");
    EXPECT_EQ(begun, 1) << (throws ? "throws" : "fails");
    EXPECT_EQ(ended, 1) << (throws ? "throws" : "fails");
  }
}

}  // namespace
}  // namespace sextant
