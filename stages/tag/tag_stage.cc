#include "stages/tag/tag_stage.h"

#include <algorithm>

#include "stages/tag/agenda_item_tagger.h"
#include "stages/tag/agenda_structure.h"
#include "stages/tag/date_tagger.h"
#include "stages/tag/recommendation.h"
#include "stages/tag/resolution_tagger.h"
#include "stages/tag/symbol_tagger.h"

namespace sextant {
namespace {

// The symbol tagger is a pair of free functions (symbol_tagger.h); this
// puts it behind the Tagger interface.
class SymbolTagger : public Tagger {
 public:
  TagKind kind() const override { return TagKind::kSymbol; }
  std::vector<Tag> Find(std::string_view text, Language) const override {
    return FindSymbols(text);
  }
};

}  // namespace

std::vector<std::unique_ptr<Tagger>> AllTaggers() {
  std::vector<std::unique_ptr<Tagger>> taggers;
  taggers.push_back(std::make_unique<SymbolTagger>());
  taggers.push_back(std::make_unique<ResolutionTagger>());
  taggers.push_back(std::make_unique<AgendaItemTagger>());
  taggers.push_back(std::make_unique<DateTagger>());
  return taggers;
}

std::vector<Tag> TagText(std::string_view text, Language language,
                         const std::vector<std::unique_ptr<Tagger>>& taggers) {
  std::vector<Tag> tags;
  for (const auto& tagger : taggers) {
    std::vector<Tag> found = tagger->Find(text, language);
    tags.insert(tags.end(), std::make_move_iterator(found.begin()),
                std::make_move_iterator(found.end()));
  }
  std::stable_sort(tags.begin(), tags.end(), [](const Tag& a, const Tag& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.kind < b.kind;
  });
  return tags;
}

TagStage::TagStage() : taggers_(AllTaggers()) {}

Status TagStage::Run(Document& document) const {
  const Language language = document.language.value_or(Language::kEnglish);
  bool in_recommendations = false;
  for (Paragraph& paragraph : document.paragraphs) {
    paragraph.tags = TagText(paragraph.text, language, taggers_);
    if (paragraph.kind == ParagraphKind::kHeading) {
      in_recommendations = IsRecommendationsHeading(paragraph.text);
      continue;
    }
    if (paragraph.kind != ParagraphKind::kBody) continue;
    for (const Segment& segment : paragraph.segments) {
      const std::string_view sentence =
          std::string_view(paragraph.text).substr(segment.begin, segment.end - segment.begin);
      const bool phrased = IsPhrasedAsRecommendation(sentence);
      if (!phrased && !in_recommendations) continue;
      paragraph.tags.push_back({TagKind::kRecommendation, segment.begin, segment.end,
                                phrased ? "phrased" : "section", {}});
    }
  }
  ReadAgendaStructure(document);
  return Status::Ok();
}

}  // namespace sextant
