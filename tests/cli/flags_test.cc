// The flag parser every `sextant` command reads its arguments with: a table
// of argument lists, each with what it must give (values, positionals, or
// the one-line problem naming the flag); the help it writes; and every
// command's --help, in process.
#include "cli/flags.h"

#include <gtest/gtest.h>

#include <iostream>
#include <sstream>

#include "cli/commands.h"

namespace sextant::cli {
namespace {

struct Parsed {
  bool json = false;
  int jobs = 1;
  std::string index = "default";
  std::string format = "json";
  std::optional<Language> language;
};

Flags Declare(Parsed& p) {
  Flags flags("probe", "[--json] [--jobs N] FILE...", "A command for tests.");
  flags.Switch("--json", &p.json, "JSON out");
  flags.Switch("--text", [&p] { p.json = false; }, "text out");
  flags.Number("--jobs", &p.jobs, 1, 256, "N", "threads");
  flags.Text("--index", &p.index, "DIR", "the index");
  flags.Choice("--format", &p.format, {"json", "tsv", "tmx"}, "the output");
  flags.LanguageCode("--lang", &p.language, "a language");
  return flags;
}

TEST(FlagsTest, Table) {
  const struct {
    std::vector<std::string> args;
    std::string problem;  // empty: parses; "help": --help
    bool json;
    int jobs;
    std::string index;
    std::vector<std::string> positionals;
  } cases[] = {
      {{"a.pdf", "--json", "b.pdf"}, "", true, 1, "default", {"a.pdf", "b.pdf"}},
      {{"--json", "--text"}, "", false, 1, "default", {}},
      {{"--jobs", "3"}, "", false, 3, "default", {}},
      {{"--jobs=256"}, "", false, 256, "default", {}},
      {{"--index", "-weird-name"}, "", false, 1, "-weird-name", {}},  // a value may start with '-'
      {{"--index=a=b"}, "", false, 1, "a=b", {}},
      {{"-", "--", "--json"}, "", false, 1, "default", {"-", "--json"}},  // "-" is stdin; "--" ends options
      {{"--jobs", "2x"}, "--jobs takes a whole number from 1 to 256, not '2x'", false, 1, "", {}},
      {{"--jobs", "0"}, "--jobs takes a whole number from 1 to 256, not '0'", false, 1, "", {}},
      {{"--jobs", "257"}, "--jobs takes a whole number from 1 to 256, not '257'", false, 1, "", {}},
      {{"--jobs", "-1"}, "--jobs takes a whole number from 1 to 256, not '-1'", false, 1, "", {}},
      {{"--jobs", " 2"}, "--jobs takes a whole number from 1 to 256, not ' 2'", false, 1, "", {}},
      {{"--jobs", "99999999999999999999"}, "--jobs takes a whole number from 1 to 256, not '99999999999999999999'",
       false, 1, "", {}},
      {{"--jobs"}, "--jobs needs a value (N)", false, 1, "", {}},
      {{"--jobs="}, "--jobs needs a value (N)", false, 1, "", {}},
      {{"--index", ""}, "--index needs a value (DIR)", false, 1, "", {}},
      {{"--json=yes"}, "--json takes no value", false, 1, "", {}},
      {{"--format", "xml"}, "--format takes json, tsv or tmx, not 'xml'", false, 1, "", {}},
      {{"--lang", "de"}, "--lang takes one of ar zh en fr ru es, not 'de'", false, 1, "", {}},
      {{"--frobnicate"}, "unknown option --frobnicate", false, 1, "", {}},
      {{"-x"}, "unknown option -x", false, 1, "", {}},
      {{"a.pdf", "--help", "--jobs", "x"}, "help", false, 1, "", {}},
      {{"-h"}, "help", false, 1, "", {}},
  };
  for (const auto& c : cases) {
    std::string joined;
    for (const std::string& arg : c.args) joined += " [" + arg + "]";
    Parsed parsed;
    Flags flags = Declare(parsed);
    const Flags::Result result = flags.Parse(c.args);
    if (c.problem == "help") {
      EXPECT_EQ(result.outcome, Flags::Outcome::kHelp) << joined;
    } else if (!c.problem.empty()) {
      EXPECT_EQ(result.outcome, Flags::Outcome::kError) << joined;
      EXPECT_EQ(result.problem, c.problem) << joined;
    } else {
      ASSERT_EQ(result.outcome, Flags::Outcome::kParsed) << joined << ": " << result.problem;
      EXPECT_EQ(parsed.json, c.json) << joined;
      EXPECT_EQ(parsed.jobs, c.jobs) << joined;
      EXPECT_EQ(parsed.index, c.index) << joined;
      EXPECT_EQ(flags.positionals(), c.positionals) << joined;
    }
  }
}

TEST(FlagsTest, GivenSaysWhichFlagsWereOnTheLine) {
  Parsed parsed;
  Flags flags = Declare(parsed);
  ASSERT_EQ(flags.Parse({"--jobs", "1", "x"}).outcome, Flags::Outcome::kParsed);
  EXPECT_TRUE(flags.Given("--jobs"));
  EXPECT_FALSE(flags.Given("--json"));
}

TEST(FlagsTest, UsageListsEveryFlagWithItsHelp) {
  Parsed parsed;
  const std::string usage = Declare(parsed).Usage();
  EXPECT_EQ(usage.rfind("usage: sextant probe [--json] [--jobs N] FILE...\n\nA command for tests.\n", 0), 0u) << usage;
  for (const char* line : {"  --jobs N ", "  --format json|tsv|tmx ", "  --lang L ", "  -h, --help "}) {
    EXPECT_NE(usage.find(line), std::string::npos) << line << "\n" << usage;
  }
}

TEST(FlagsTest, ParseWholeNumber) {
  EXPECT_EQ(ParseWholeNumber("42", 0, 100), 42);
  EXPECT_EQ(ParseWholeNumber("0", 0, 100), 0);
  EXPECT_EQ(ParseWholeNumber("101", 0, 100), std::nullopt);
  EXPECT_EQ(ParseWholeNumber("4.2", 0, 100), std::nullopt);
  EXPECT_EQ(ParseWholeNumber("+4", 0, 100), std::nullopt);
  EXPECT_EQ(ParseWholeNumber("", 0, 100), std::nullopt);
}

// Every command answers --help with its usage and exit status 0, and a bad
// number with exit status 2 before touching any file.
TEST(CommandsTest, EveryCommandHasHelpAndRefusesABadNumber) {
  for (const Command& command : AllCommands()) {
    std::ostringstream out, err;
    std::streambuf* old_out = std::cout.rdbuf(out.rdbuf());
    std::streambuf* old_err = std::cerr.rdbuf(err.rdbuf());
    const int help = command.run({"--help"});
    const int bad = command.run({"--no-such-flag"});
    std::cout.rdbuf(old_out);
    std::cerr.rdbuf(old_err);
    EXPECT_EQ(help, 0) << command.name;
    EXPECT_EQ(out.str().rfind("usage: sextant " + std::string(command.name) + " ", 0), 0u) << out.str();
    EXPECT_EQ(bad, 2) << command.name;
    EXPECT_NE(err.str().find("unknown option --no-such-flag"), std::string::npos) << err.str();
  }
}

}  // namespace
}  // namespace sextant::cli
