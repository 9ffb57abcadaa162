#include "stages/export/tmx_writer.h"

#include <libxml/parser.h>
#include <libxml/xmlwriter.h>

#include <algorithm>
#include <cassert>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <ios>
#include <new>
#include <sstream>
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

}  // namespace

// A libxml2 text writer into a std::ostream, through an output buffer whose
// write callback appends to the stream. Every call checks libxml2's result:
// a failure is the stream's (std::ios_base::failure) when the stream has
// gone bad, else libxml2 running out of memory.
class TmxStreamWriter::Xml {
 public:
  explicit Xml(std::ostream& out) : out_(out) {
    EnsureLibxml2Initialised();
    xmlOutputBufferPtr buffer = xmlOutputBufferCreateIO(&Xml::WriteToStream, nullptr, &out_, nullptr);
    if (buffer == nullptr) throw std::bad_alloc();
    writer_ = xmlNewTextWriter(buffer);  // owns the buffer from here on
    if (writer_ == nullptr) {
      xmlOutputBufferClose(buffer);
      throw std::bad_alloc();
    }
  }
  ~Xml() {
    if (writer_ != nullptr) xmlFreeTextWriter(writer_);
  }
  Xml(const Xml&) = delete;
  Xml& operator=(const Xml&) = delete;

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
  void Text(const std::string& text) { Check(xmlTextWriterWriteString(writer_, X(text.c_str()))); }
  void End() { Check(xmlTextWriterEndElement(writer_)); }
  // <prop type="type">text</prop>
  void Prop(const std::string& type, const std::string& text) {
    Start("prop");
    Attribute("type", type);
    Text(text);
    End();
  }

  // <tuv xml:lang="zh"><seg>text</seg></tuv>
  void Tuv(Language language, const std::string& text) {
    Start("tuv");
    Attribute("xml:lang", std::string(Code(language)));
    Start("seg");
    Text(text);
    End();
    End();
  }

  // Closes all open elements and flushes them into the stream.
  void Finish() {
    Check(xmlTextWriterEndDocument(writer_));
    xmlFreeTextWriter(writer_);  // flushes and closes the output buffer
    writer_ = nullptr;
    out_.flush();
    if (!out_) throw std::ios_base::failure("writing the TMX failed");
  }

 private:
  static int WriteToStream(void* context, const char* bytes, int length) {
    std::ostream& out = *static_cast<std::ostream*>(context);
    out.write(bytes, length);
    return out ? length : -1;
  }
  void Check(int result) const {
    if (result >= 0) return;
    if (!out_) throw std::ios_base::failure("writing the TMX failed");
    throw std::bad_alloc();
  }

  std::ostream& out_;
  xmlTextWriterPtr writer_ = nullptr;
};

TmxStreamWriter::TmxStreamWriter(std::ostream& out, const TmxHeader& header)
    : xml_(std::make_unique<Xml>(out)), header_(header) {
  const std::string source_code(Code(header.source_language));
  const std::string target_code(Code(header.target_language));
  Xml& xml = *xml_;
  xml.StartDocument();
  xml.Start("tmx");
  xml.Attribute("version", "1.4");
  xml.Start("header");
  xml.Attribute("creationtool", "Sextant");
  xml.Attribute("creationtoolversion", kCreationToolVersion);
  xml.Attribute("datatype", "plaintext");
  xml.Attribute("segtype", "sentence");
  xml.Attribute("o-tmf", "Sextant");
  xml.Attribute("adminlang", "en");
  xml.Attribute("srclang", source_code);
  const std::string date = CleanXmlText(header.creation_date);
  if (!date.empty()) xml.Attribute("creationdate", date);
  const std::string symbol = CleanXmlText(TrimAsciiSpace(header.symbol));
  if (!symbol.empty()) xml.Prop("x-document-symbol", symbol);
  xml.Prop("x-languages", source_code + "," + target_code);
  xml.End();
  xml.Start("body");
}

TmxStreamWriter::~TmxStreamWriter() = default;

bool TmxStreamWriter::Write(const TmxUnit& unit) {
  const std::string source(TrimAsciiSpace(CleanXmlText(unit.source_text)));
  const std::string target(TrimAsciiSpace(CleanXmlText(unit.target_text)));
  if (source.empty() || target.empty()) return false;
  Xml& xml = *xml_;
  xml.Start("tu");
  for (const TmxProp& prop : unit.props) {
    const std::string text = CleanXmlText(prop.text);
    if (!text.empty()) xml.Prop(CleanXmlText(prop.type), text);
  }
  xml.Tuv(header_.source_language, source);
  xml.Tuv(header_.target_language, target);
  xml.End();
  return true;
}

void TmxStreamWriter::Finish() { xml_->Finish(); }

std::string TmxDateNow() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y%m%dT%H%M%SZ", &utc);
  return buffer;
}

std::string WriteTmx(const TmxDocument& document) {
  std::ostringstream out;
  TmxStreamWriter writer(out, {document.source_language, document.target_language, document.symbol,
                               document.creation_date});
  if (document.alignment != nullptr) {
    const std::vector<std::string> source_units = CleanUnits(document.source_units);
    const std::vector<std::string> target_units = CleanUnits(document.target_units);
    for (const AlignmentLink& link : document.alignment->links) {
      if (link.source.empty() || link.target.empty()) continue;  // 1–0, 0–1
      assert(link.source.back() < source_units.size() && link.target.back() < target_units.size() &&
             "alignment link points past the units");
      writer.Write({{{"x-score", FormatScore(link.score)},
                     {"x-source-units", FormatIndices(link.source)},
                     {"x-target-units", FormatIndices(link.target)}},
                    JoinUnits(link.source, source_units, document.source_language),
                    JoinUnits(link.target, target_units, document.target_language)});
    }
  }
  writer.Finish();
  return out.str();
}

}  // namespace sextant
