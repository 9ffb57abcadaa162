#include "pipeline/unicode_text.h"

namespace sextant {

char32_t NextCodePoint(std::string_view text, std::size_t& pos) {
  const auto byte = [&](std::size_t i) {
    return static_cast<unsigned char>(text[i]);
  };
  const unsigned char lead = byte(pos);
  int length = 0;
  char32_t code = 0;
  if (lead < 0x80) {
    ++pos;
    return lead;
  } else if ((lead & 0xE0) == 0xC0) {
    length = 2;
    code = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3;
    code = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4;
    code = lead & 0x07;
  } else {
    ++pos;
    return 0xFFFD;
  }
  if (pos + length > text.size()) {
    ++pos;
    return 0xFFFD;
  }
  for (int i = 1; i < length; ++i) {
    const unsigned char next = byte(pos + i);
    if ((next & 0xC0) != 0x80) {
      ++pos;
      return 0xFFFD;
    }
    code = (code << 6) | (next & 0x3F);
  }
  pos += length;
  return code;
}

char32_t PreviousCodePoint(std::string_view text, std::size_t& pos) {
  std::size_t start = pos - 1;
  while (start > 0 && pos - start < 4 &&
         (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) {
    --start;
  }
  std::size_t cursor = start;
  const char32_t code = NextCodePoint(text, cursor);
  if (cursor != pos) {  // not a well-formed sequence ending at pos
    pos = pos - 1;
    return 0xFFFD;
  }
  pos = start;
  return code;
}

void AppendUtf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

bool IsHan(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FA1F);
}

bool IsCjkPunctuation(char32_t c) {
  return (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFF65) ||
         c == 0x2014 || c == 0x2026 || c == 0x201C || c == 0x201D;
}

bool IsArabicLetter(char32_t c) {
  return (c >= 0x0620 && c <= 0x064A) || (c >= 0x066E && c <= 0x06D3) ||
         (c >= 0x0750 && c <= 0x077F) || (c >= 0x08A0 && c <= 0x08FF) ||
         (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFC);
}

bool IsCyrillicLetter(char32_t c) { return c >= 0x0400 && c <= 0x04FF; }

bool IsLatinLetter(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}

bool IsAsciiDigit(char32_t c) { return c >= '0' && c <= '9'; }

bool IsLowercaseLetter(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7) ||
         (c >= 0x0430 && c <= 0x045F);
}

bool IsUppercaseLetter(char32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) ||
         (c >= 0x0400 && c <= 0x042F);
}

ScriptCounts CountScripts(std::string_view text) {
  ScriptCounts counts;
  for (std::size_t pos = 0; pos < text.size();) {
    const char32_t c = NextCodePoint(text, pos);
    if (c < 0x80) {
      if (IsLatinLetter(c)) ++counts.latin;
      else if (IsAsciiDigit(c)) ++counts.digits;
    } else if (IsHan(c)) {
      ++counts.han;
    } else if (IsArabicLetter(c)) {
      ++counts.arabic;
    } else if (IsCyrillicLetter(c)) {
      ++counts.cyrillic;
    } else if (IsLatinLetter(c)) {
      ++counts.latin;
    } else if (c >= 0x0660 && c <= 0x0669) {
      ++counts.digits;
    }
  }
  return counts;
}

std::string FoldWhitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t start = pos;
    const char32_t c = NextCodePoint(text, pos);
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
                       c == 0xA0 || c == 0x3000 || c == 0x2009 || c == 0x202F;
    if (space) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out.append(text.substr(start, pos - start));
  }
  return out;
}

std::string LowerCase(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    char32_t c = NextCodePoint(text, pos);
    if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7)) {
      c += 0x20;
    } else if (c >= 0x0410 && c <= 0x042F) {
      c += 0x20;
    } else if (c >= 0x0400 && c <= 0x040F) {
      c += 0x50;
    }
    AppendUtf8(out, c);
  }
  return out;
}

std::string LowerCaseSameOffsets(std::string_view text) {
  std::string out(text);
  for (std::size_t i = 0; i < out.size(); ++i) {
    const auto byte = static_cast<unsigned char>(out[i]);
    if (byte >= 'A' && byte <= 'Z') {
      out[i] = static_cast<char>(byte + 0x20);
    } else if (i + 1 < out.size()) {
      const auto next = static_cast<unsigned char>(out[i + 1]);
      if (byte == 0xC3 && next >= 0x80 && next <= 0x9E && next != 0x97) {
        out[++i] = static_cast<char>(next + 0x20);  // À..Þ → à..þ
      } else if (byte == 0xD0 && next >= 0x90 && next <= 0x9F) {
        out[++i] = static_cast<char>(next + 0x20);  // А..П → а..п
      } else if (byte == 0xD0 && next >= 0xA0 && next <= 0xAF) {
        out[i] = static_cast<char>(0xD1);           // Р..Я → р..я
        out[++i] = static_cast<char>(next - 0x20);
      } else if (byte >= 0xC0) {
        ++i;  // a two-byte (or longer) sequence left as it is
      }
    }
  }
  return out;
}

namespace {

// The length of the well-formed UTF-8 sequence at text[pos] (Unicode's
// table 3-7: no overlong forms, no surrogates, nothing past U+10FFFF), or
// 0 when the bytes there are not one.
std::size_t WellFormedLength(std::string_view text, std::size_t pos) {
  const auto byte = [&](std::size_t i) { return i < text.size() ? static_cast<unsigned char>(text[i]) : 0u; };
  const unsigned lead = byte(pos);
  const auto continuation = [&](std::size_t i, unsigned low = 0x80, unsigned high = 0xBF) {
    return byte(i) >= low && byte(i) <= high;
  };
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return continuation(pos + 1) ? 2 : 0;
  if (lead >= 0xE0 && lead <= 0xEF) {
    const unsigned low = lead == 0xE0 ? 0xA0 : 0x80, high = lead == 0xED ? 0x9F : 0xBF;
    return continuation(pos + 1, low, high) && continuation(pos + 2) ? 3 : 0;
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    const unsigned low = lead == 0xF0 ? 0x90 : 0x80, high = lead == 0xF4 ? 0x8F : 0xBF;
    return continuation(pos + 1, low, high) && continuation(pos + 2) && continuation(pos + 3) ? 4 : 0;
  }
  return 0;
}

}  // namespace

std::string PrintableText(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t length = WellFormedLength(text, pos);
    const unsigned char byte = static_cast<unsigned char>(text[pos]);
    if (length > 1 || (length == 1 && byte >= 0x20 && byte != 0x7F)) {
      out.append(text.substr(pos, length));
      pos += length;
      continue;
    }
    switch (byte) {
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default: out += {'\\', 'x', kHex[byte >> 4], kHex[byte & 0xF]};
    }
    ++pos;
  }
  return out;
}

}  // namespace sextant
