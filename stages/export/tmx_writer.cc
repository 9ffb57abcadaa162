#include "stages/export/tmx_writer.h"

#include <libxml/parser.h>
#include <libxml/xmlwriter.h>

#include <algorithm>
#include <cassert>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <new>
#include <string_view>

#include "pipeline/unicode_text.h"

namespace sextant {
namespace {

// project(sextant VERSION ...) in the top-level CMakeLists.txt.
constexpr const char* kCreationToolVersion = SEXTANT_VERSION;

const xmlChar* X(const char* text) {
  return reinterpret_cast<const xmlChar*>(text);
}

// XML 1.0 Char production, for code points that decoded from valid UTF-8.
bool IsXmlChar(char32_t c) {
  if (c < 0x20) return c == 0x09 || c == 0x0A || c == 0x0D;
  if (c >= 0xD800 && c <= 0xDFFF) return false;
  if (c == 0xFFFE || c == 0xFFFF) return false;
  return c <= 0x10FFFF;
}

// Valid UTF-8 with only XML 1.0 characters: invalid bytes (and encoded
// surrogates or code points past U+10FFFF) become U+FFFD, other characters
// XML forbids are dropped. Escaping is libxml2's job, not this one's.
std::string CleanXmlText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    char32_t c = NextCodePoint(text, pos);
    if ((c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) c = 0xFFFD;
    if (IsXmlChar(c)) AppendUtf8(out, c);
  }
  return out;
}

std::string_view TrimAsciiSpace(std::string_view text) {
  constexpr std::string_view kSpace = " \t\n\r";
  const std::size_t first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  const std::size_t last = text.find_last_not_of(kSpace);
  return text.substr(first, last - first + 1);
}

// The units as TMX carries them: cleaned for XML, trimmed.
std::vector<std::string> CleanUnits(const std::vector<std::string>& units) {
  std::vector<std::string> cleaned;
  cleaned.reserve(units.size());
  for (const std::string& unit : units) cleaned.emplace_back(TrimAsciiSpace(CleanXmlText(unit)));
  return cleaned;
}

std::string FormatIndices(const std::vector<std::size_t>& indices) {
  std::string out;
  for (const std::size_t index : indices) {
    if (!out.empty()) out += ' ';
    out += std::to_string(index);
  }
  return out;
}

// Two decimals, '.' whatever the locale; clamped to [0, 1].
std::string FormatScore(double score) {
  if (!std::isfinite(score)) score = 0;
  score = std::clamp(score, 0.0, 1.0);
  char buffer[16];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, score,
                                    std::chars_format::fixed, 2);
  return std::string(buffer, result.ptr);
}

// libxml2 is initialised once per process before first use (the C++ runtime
// makes the local static's initialisation thread-safe).
void EnsureLibxml2Initialised() {
  static const bool initialised = [] {
    xmlInitParser();
    return true;
  }();
  (void)initialised;
}

// A libxml2 text writer into a memory buffer. Every call checks libxml2's
// result; the only way these fail is running out of memory.
class XmlOut {
 public:
  XmlOut() : buffer_(xmlBufferCreate()) {
    if (buffer_ == nullptr) throw std::bad_alloc();
    writer_ = xmlNewTextWriterMemory(buffer_, 0);
    if (writer_ == nullptr) {
      xmlBufferFree(buffer_);
      throw std::bad_alloc();
    }
  }
  ~XmlOut() {
    if (writer_ != nullptr) xmlFreeTextWriter(writer_);
    xmlBufferFree(buffer_);
  }
  XmlOut(const XmlOut&) = delete;
  XmlOut& operator=(const XmlOut&) = delete;

  void StartDocument() {
    Check(xmlTextWriterStartDocument(writer_, "1.0", "UTF-8", nullptr));
    Check(xmlTextWriterWriteDTD(writer_, X("tmx"), nullptr, X("tmx14.dtd"), nullptr));
    Check(xmlTextWriterWriteRaw(writer_, X("\n")));
    // Indented from here on (with indentation on, libxml2 breaks the
    // DOCTYPE over two lines). Segments hold text only, so indentation never
    // adds white space inside one.
    Check(xmlTextWriterSetIndent(writer_, 1));
    Check(xmlTextWriterSetIndentString(writer_, X("  ")));
  }
  void Start(const char* name) { Check(xmlTextWriterStartElement(writer_, X(name))); }
  void Attribute(const char* name, const std::string& value) {
    Check(xmlTextWriterWriteAttribute(writer_, X(name), X(value.c_str())));
  }
  void Text(const std::string& text) {
    Check(xmlTextWriterWriteString(writer_, X(text.c_str())));
  }
  void End() { Check(xmlTextWriterEndElement(writer_)); }
  // <name type="type">text</name>
  void Prop(const std::string& type, const std::string& text) {
    Start("prop");
    Attribute("type", type);
    Text(text);
    End();
  }

  // Closes all open elements and returns the document.
  std::string Finish() {
    Check(xmlTextWriterEndDocument(writer_));
    xmlFreeTextWriter(writer_);  // flushes into buffer_
    writer_ = nullptr;
    return std::string(reinterpret_cast<const char*>(xmlBufferContent(buffer_)),
                       static_cast<std::size_t>(xmlBufferLength(buffer_)));
  }

 private:
  static void Check(int result) {
    if (result < 0) throw std::bad_alloc();
  }

  xmlBufferPtr buffer_;
  xmlTextWriterPtr writer_ = nullptr;
};

void WriteHeader(XmlOut& out, const TmxDocument& document) {
  const std::string source_code(Code(document.source_language));
  const std::string target_code(Code(document.target_language));
  out.Start("header");
  out.Attribute("creationtool", "Sextant");
  out.Attribute("creationtoolversion", kCreationToolVersion);
  out.Attribute("datatype", "plaintext");
  out.Attribute("segtype", "sentence");
  out.Attribute("o-tmf", "Sextant");
  out.Attribute("adminlang", "en");
  out.Attribute("srclang", source_code);
  const std::string date = CleanXmlText(document.creation_date);
  if (!date.empty()) out.Attribute("creationdate", date);
  const std::string symbol = CleanXmlText(TrimAsciiSpace(document.symbol));
  if (!symbol.empty()) out.Prop("x-document-symbol", symbol);
  out.Prop("x-languages", source_code + "," + target_code);
  out.End();
}

void WriteTuv(XmlOut& out, Language language, const std::string& text) {
  out.Start("tuv");
  out.Attribute("xml:lang", std::string(Code(language)));
  out.Start("seg");
  out.Text(text);
  out.End();
  out.End();
}

void WriteBody(XmlOut& out, const TmxDocument& document) {
  out.Start("body");
  if (document.alignment != nullptr) {
    const std::vector<std::string> source_units = CleanUnits(document.source_units);
    const std::vector<std::string> target_units = CleanUnits(document.target_units);
    for (const AlignmentLink& link : document.alignment->links) {
      if (link.source.empty() || link.target.empty()) continue;  // 1–0, 0–1
      assert(link.source.back() < source_units.size() && link.target.back() < target_units.size() &&
             "alignment link points past the units");
      const std::string source = JoinUnits(link.source, source_units, document.source_language);
      const std::string target = JoinUnits(link.target, target_units, document.target_language);
      if (source.empty() || target.empty()) continue;
      out.Start("tu");
      out.Prop("x-score", FormatScore(link.score));
      out.Prop("x-source-units", FormatIndices(link.source));
      out.Prop("x-target-units", FormatIndices(link.target));
      WriteTuv(out, document.source_language, source);
      WriteTuv(out, document.target_language, target);
      out.End();
    }
  }
  out.End();
}

}  // namespace

std::string WriteTmx(const TmxDocument& document) {
  EnsureLibxml2Initialised();
  XmlOut out;
  out.StartDocument();
  out.Start("tmx");
  out.Attribute("version", "1.4");
  WriteHeader(out, document);
  WriteBody(out, document);
  out.End();
  return out.Finish();
}

}  // namespace sextant
