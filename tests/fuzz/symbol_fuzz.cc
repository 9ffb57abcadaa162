// libFuzzer target for the symbol tagger: FindSymbols and ParseSymbol on
// arbitrary bytes (invalid UTF-8 included) must not crash or hang, every
// tag must lie inside the input, tags must be in order without overlap, and
// every tag's value must parse again to the same parts.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "stages/tag/symbol_tagger.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::size_t previous_end = 0;
  for (const sextant::Tag& tag : sextant::FindSymbols(text)) {
    if (tag.begin < previous_end || tag.begin >= tag.end || tag.end > size) std::abort();
    previous_end = tag.end;
    const auto parsed = sextant::ParseSymbol(tag.value);
    if (!parsed || parsed->normalized != tag.value ||
        parsed->parts.size() != tag.parts.size()) {
      std::abort();
    }
  }
  (void)sextant::ParseSymbol(text);
  return 0;
}
