// The commands of the `sextant` tool, one file each, all thin: they read
// their flags (flags.h), call the libraries and print. Each takes the
// arguments after its name and returns the process exit status: 0 when all
// went well, 1 when an input failed (after a one-line message on stderr
// naming the file and the fix), 2 for bad usage (after the problem and the
// usage line); `--help` prints the command's usage and returns 0.
//
// Thread-safety: called once, from main.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sextant::cli {

// The index folder when --index is not given.
inline constexpr const char* kDefaultIndex = "sextant-index";
// The most threads --jobs may ask for.
inline constexpr int kMaxJobs = 256;

using CommandArgs = std::vector<std::string>;

int Extract(const CommandArgs& args);
int Tag(const CommandArgs& args);
int Align(const CommandArgs& args);
int AlignSet(const CommandArgs& args);
int Sets(const CommandArgs& args);
int Recommendations(const CommandArgs& args);
int Ingest(const CommandArgs& args);
int Search(const CommandArgs& args);
int Terms(const CommandArgs& args);
int History(const CommandArgs& args);
int Export(const CommandArgs& args);
int Serve(const CommandArgs& args);

struct Command {
  std::string_view name;
  std::string_view summary;  // one line, for `sextant --help`
  int (*run)(const CommandArgs& args);
};

// Every command, in the order `sextant --help` lists them.
std::span<const Command> AllCommands();

// `sextant --help`: what Sextant is and the commands, one line each.
std::string Overview();

// Prints "sextant: MESSAGE" on one line of stderr, with bytes that are not
// UTF-8 and control characters shown escaped (a file name can hold both).
void PrintProblem(std::string_view message);

// "sextant 0.1.0".
std::string VersionLine();

}  // namespace sextant::cli
