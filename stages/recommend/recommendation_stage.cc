#include "stages/recommend/recommendation_stage.h"

#include "stages/recommend/meeting_facts.h"
#include "stages/recommend/recommendation_reader.h"

namespace sextant {

Status RecommendationStage::Run(Document& document) const {
  document.meeting = ReadMeetingFacts(document);
  if (records_) document.recommendations = ReadRecommendations(document, document.meeting);
  return Status::Ok();
}

}  // namespace sextant
