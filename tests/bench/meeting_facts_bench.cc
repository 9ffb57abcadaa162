// Reads the meeting facts (stages/recommend/meeting_facts.h) of documents
// given as `sextant extract --json` output, one JSON line a file:
//   meeting_facts_bench FILE.json...
//   {"file": …, "body": …, "session": …, "session_dates": […], "dates": […],
//    "venue": …, "subject": …, "microseconds": …}
// Used by meeting_facts_check.py, which compares them with the UPR
// catalogue; the time is the reader's alone (extraction excluded).
#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "pipeline/document.h"
#include "stages/recommend/meeting_facts.h"

namespace {

sextant::ParagraphKind KindFromName(const std::string& name) {
  if (name == "heading") return sextant::ParagraphKind::kHeading;
  if (name == "footnote") return sextant::ParagraphKind::kFootnote;
  if (name == "table") return sextant::ParagraphKind::kTable;
  return sextant::ParagraphKind::kBody;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: meeting_facts_bench FILE.json... (sextant extract --json output)\n";
    return 2;
  }
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i]);
    if (!in) {
      std::cerr << argv[i] << ": cannot be read\n";
      return 1;
    }
    const nlohmann::json extracted = nlohmann::json::parse(in);
    sextant::Document document;
    for (const auto& paragraph : extracted.at("paragraphs")) {
      sextant::Paragraph& added = document.paragraphs.emplace_back();
      added.text = paragraph.at("text").get<std::string>();
      added.page = paragraph.value("page", 0);
      added.kind = KindFromName(paragraph.value("kind", "body"));
    }
    const auto start = std::chrono::steady_clock::now();
    const sextant::MeetingFacts facts = sextant::ReadMeetingFacts(document);
    const auto elapsed = std::chrono::steady_clock::now() - start;
    nlohmann::json line = {
        {"file", argv[i]},         {"body", facts.body},
        {"session", facts.session}, {"session_dates", facts.session_dates},
        {"dates", facts.dates},    {"venue", facts.venue},
        {"subject", facts.subject},
        {"microseconds", std::chrono::duration_cast<std::chrono::microseconds>(elapsed).count()},
    };
    std::cout << line.dump() << '\n';
  }
  return 0;
}
