// PROBE (temporary)
#include <fstream>
#include <iostream>
#include <sstream>
#include <gtest/gtest.h>
#include "stages/tag/agenda_item_tagger.h"
#include "stages/tag/date_tagger.h"
#include "stages/tag/recommendation.h"
#include "stages/tag/resolution_tagger.h"

namespace sextant {
namespace {
std::string Describe(std::string_view text, const std::vector<Tag>& tags) {
  std::string out;
  for (const Tag& tag : tags) {
    if (!out.empty()) out += "; ";
    std::string label(TagKindName(tag.kind));
    std::vector<TagPart> parts;
    for (const TagPart& p : tag.parts) {
      if (tag.kind == TagKind::kResolution && p.name == "type") { label = p.value; continue; }
      if (tag.kind == TagKind::kDate) continue;
      parts.push_back(p);
    }
    out += label + ":" + tag.value;
    const std::string span(text.substr(tag.begin, tag.end - tag.begin));
    if (span != tag.value) out += "=\"" + span + "\"";
    if (!parts.empty()) {
      out += "{";
      for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? "," : "") + parts[i].name + "=" + parts[i].value;
      out += "}";
    }
  }
  return out;
}
TEST(Probe, Run) {
  std::ifstream in("/tmp/h5/probe.tsv");
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> f; std::stringstream ss(line); std::string x;
    while (std::getline(ss, x, '\t')) f.push_back(x);
    if (f.size() < 4) continue;
    const std::string& kinds = f[2]; const std::string& text = f[3];
    std::vector<Tag> tags;
    auto add = [&](const Tagger& t){ auto v = t.Find(text, Language::kEnglish); tags.insert(tags.end(), v.begin(), v.end()); };
    if (kinds.find('R') != std::string::npos) add(ResolutionTagger());
    if (kinds.find('A') != std::string::npos) add(AgendaItemTagger());
    if (kinds.find('D') != std::string::npos) add(DateTagger());
    std::stable_sort(tags.begin(), tags.end(), [](const Tag& a, const Tag& b){ return a.begin < b.begin; });
    std::string extra;
    if (kinds.find('P') != std::string::npos) extra = std::string(" P=") + (IsPhrasedAsRecommendation(text) ? "1" : "0") + " H=" + (IsRecommendationsHeading(text) ? "1" : "0");
    std::cout << "OUT\t" << f[0] << "\t" << f[1] << "\t" << kinds << "\t" << Describe(text, tags) << extra << "\n";
  }
}
}  // namespace
}  // namespace sextant
