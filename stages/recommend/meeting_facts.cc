#include "stages/recommend/meeting_facts.h"

namespace sextant {

MeetingFacts ReadMeetingFacts(const Document& /*document*/) { return {}; }  // TODO(helper): the reader

}  // namespace sextant
