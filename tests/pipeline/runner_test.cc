// Runner: stage order, per-document error isolation, timings, parallel runs.
#include "pipeline/runner.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <new>
#include <stdexcept>

namespace sextant {
namespace {

// Fails the documents whose path contains "bad"; records the others.
class PickyStage : public Stage {
 public:
  std::string_view name() const override { return "picky"; }
  ArtifactSet requires_artifacts() const override { return kArtifactNone; }
  ArtifactSet produces_artifacts() const override { return kArtifactWords; }
  Status Run(Document& document) const override {
    if (document.path.find("bad") != std::string::npos) {
      return Status(StatusCode::kDamaged, document.path + ": bad on purpose");
    }
    Paragraph paragraph;
    paragraph.text = document.path;
    document.paragraphs.push_back(paragraph);
    return Status::Ok();
  }
};

// Throws, as a library might on a hostile file: what depends on the path.
class ThrowingStage : public Stage {
 public:
  std::string_view name() const override { return "throwing"; }
  ArtifactSet requires_artifacts() const override { return kArtifactWords; }
  ArtifactSet produces_artifacts() const override { return kArtifactLines; }
  Status Run(Document& document) const override {
    if (document.path == "throw") throw std::runtime_error("boom");
    if (document.path == "oom") throw std::bad_alloc();
    if (document.path == "io") throw std::filesystem::filesystem_error("cannot stat", std::make_error_code(std::errc::io_error));
    if (document.path == "odd") throw 42;
    return Status::Ok();
  }
};

// Requires what nobody before it produces, when placed first.
class NeedsParagraphsStage : public Stage {
 public:
  std::string_view name() const override { return "needs-paragraphs"; }
  ArtifactSet requires_artifacts() const override { return kArtifactParagraphs | kArtifactLanguage; }
  ArtifactSet produces_artifacts() const override { return kArtifactSegments; }
  Status Run(Document&) const override { return Status::Ok(); }
};

Runner MakeRunner() {
  std::vector<std::unique_ptr<Stage>> stages;
  stages.push_back(std::make_unique<PickyStage>());
  stages.push_back(std::make_unique<ThrowingStage>());
  return Runner(std::move(stages));
}

TEST(RunnerTest, OneBadDocumentDoesNotStopTheOthers) {
  const Runner runner = MakeRunner();
  RunnerOptions options;
  options.jobs = 2;
  std::size_t callbacks = 0;
  options.on_done = [&](std::size_t, std::size_t total, const DocumentResult&) {
    ++callbacks;
    EXPECT_EQ(total, 5u);
  };
  const auto results = runner.Run({"a", "bad1", "b", "throw", "c"}, options);
  ASSERT_EQ(results.size(), 5u);
  EXPECT_EQ(callbacks, 5u);
  EXPECT_TRUE(results[0].status.ok());
  EXPECT_EQ(results[0].document.paragraphs.at(0).text, "a");
  EXPECT_EQ(results[1].status.code(), StatusCode::kDamaged);
  EXPECT_EQ(results[1].failed_stage, "picky");
  EXPECT_EQ(results[1].timings.size(), 1u);  // stopped at the failing stage
  EXPECT_TRUE(results[2].status.ok());
  EXPECT_EQ(results[3].status.code(), StatusCode::kInternal);
  EXPECT_NE(results[3].status.message().find("throw: throwing stage failed: boom"), std::string::npos)
      << results[3].status.message();
  EXPECT_EQ(results[3].failed_stage, "throwing");
  EXPECT_TRUE(results[4].status.ok());
  EXPECT_EQ(results[4].timings.size(), 2u);
}

TEST(RunnerTest, WithoutKeepDocumentsOnDoneMayTakeThemAndResultsHoldNone) {
  const Runner runner = MakeRunner();
  RunnerOptions options;
  options.jobs = 2;
  options.keep_documents = false;
  std::vector<Document> taken;
  options.on_done = [&](std::size_t, std::size_t, DocumentResult& result) {
    if (result.status.ok()) taken.push_back(std::move(result.document));
  };
  const auto results = runner.Run({"a", "bad1", "b"}, options);
  ASSERT_EQ(results.size(), 3u);
  ASSERT_EQ(taken.size(), 2u);
  for (const Document& document : taken) EXPECT_EQ(document.paragraphs.size(), 1u);
  EXPECT_EQ(results[0].document.path, "a");
  EXPECT_TRUE(results[0].document.paragraphs.empty());
  EXPECT_TRUE(results[0].timings.empty());
  EXPECT_EQ(results[1].status.code(), StatusCode::kDamaged);  // the status and failed stage stay
  EXPECT_EQ(results[1].failed_stage, "picky");
}

TEST(RunnerTest, ResultsKeepInputOrderWithManyJobs) {
  const Runner runner = MakeRunner();
  std::vector<std::string> paths;
  for (int i = 0; i < 50; ++i) paths.push_back("doc" + std::to_string(i));
  RunnerOptions options;
  options.jobs = 4;
  const auto results = runner.Run(paths, options);
  for (int i = 0; i < 50; ++i) {
    EXPECT_EQ(results[i].document.path, paths[i]);
    EXPECT_TRUE(results[i].status.ok());
  }
}

// An exception's code says what happened, not always "damaged".
TEST(RunnerTest, AnExceptionsCodeSaysWhatHappened) {
  const Runner runner = MakeRunner();
  const auto results = runner.Run({"oom", "io", "odd"}, RunnerOptions{});
  EXPECT_EQ(results[0].status.code(), StatusCode::kOutOfMemory);
  EXPECT_NE(results[0].status.message().find("oom: throwing stage ran out of memory"), std::string::npos);
  EXPECT_EQ(results[1].status.code(), StatusCode::kIoError);
  EXPECT_NE(results[1].status.message().find("cannot stat"), std::string::npos) << results[1].status.message();
  EXPECT_EQ(results[2].status.code(), StatusCode::kInternal);
  EXPECT_NE(results[2].status.message().find("unknown exception"), std::string::npos);
  for (const DocumentResult& result : results) EXPECT_EQ(result.failed_stage, "throwing");
}

// The order check holds in every build (it was an assert, gone in release).
TEST(RunnerTest, AStageBeforeWhatItRequiresIsRefused) {
  std::vector<std::unique_ptr<Stage>> stages;
  stages.push_back(std::make_unique<NeedsParagraphsStage>());
  stages.push_back(std::make_unique<PickyStage>());
  try {
    Runner runner(std::move(stages));
    FAIL() << "a stage list in the wrong order was accepted";
  } catch (const std::logic_error& error) {
    EXPECT_STREQ(error.what(),
                 "stage 'needs-paragraphs' requires paragraphs, language, which no stage before it produces "
                 "(or one consumes); reorder the stage list");
  }
  EXPECT_NO_THROW(MakeRunner());
}

// Uses up the lines (as the paragraph stage does, to bound a document's memory).
class ConsumesLinesStage : public Stage {
 public:
  std::string_view name() const override { return "consumes-lines"; }
  ArtifactSet requires_artifacts() const override { return kArtifactLines; }
  ArtifactSet produces_artifacts() const override { return kArtifactParagraphs | kArtifactLanguage; }
  ArtifactSet consumes_artifacts() const override { return kArtifactLines; }
  Status Run(Document&) const override { return Status::Ok(); }
};

class NeedsLinesStage : public ThrowingStage {
 public:
  std::string_view name() const override { return "needs-lines"; }
  ArtifactSet requires_artifacts() const override { return kArtifactLines; }
};

// A stage cannot require what an earlier stage consumed.
TEST(RunnerTest, AStageAfterWhatConsumesItsInputIsRefused) {
  const auto stages = [](bool needs_lines_last) {
    std::vector<std::unique_ptr<Stage>> list;
    list.push_back(std::make_unique<PickyStage>());
    list.push_back(std::make_unique<ThrowingStage>());  // produces lines
    list.push_back(std::make_unique<ConsumesLinesStage>());
    list.push_back(std::make_unique<NeedsParagraphsStage>());
    if (needs_lines_last) list.push_back(std::make_unique<NeedsLinesStage>());
    return list;
  };
  EXPECT_NO_THROW(Runner(stages(false)));
  try {
    Runner runner(stages(true));
    FAIL() << "a stage after the one that consumes its input was accepted";
  } catch (const std::logic_error& error) {
    EXPECT_STREQ(error.what(),
                 "stage 'needs-lines' requires lines, which no stage before it produces (or one consumes); "
                 "reorder the stage list");
  }
}

TEST(StatusTest, NamesCodeAndMessage) {
  const Status status(StatusCode::kNoTextLayer, "x.pdf: no text layer");
  EXPECT_FALSE(status.ok());
  EXPECT_EQ(status.ToString(), "no_text_layer: x.pdf: no text layer");
  EXPECT_EQ(Status::Ok().ToString(), "ok");
}

}  // namespace
}  // namespace sextant
