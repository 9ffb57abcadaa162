// Flags: the one command-line parser of every `sextant` command. A command
// declares its flags (with their help and, for numbers, their range), then
// Parse() reads the arguments: "--name value", "--name=value", switches,
// "-h"/"--help", "--" before arguments that start with "--", and the rest
// as positional arguments, in order. Usage() writes the command's help
// from the same declarations, so the two cannot drift apart.
//
// Errors name the flag and what it takes: "--jobs takes a whole number from
// 1 to 256, not '2x'", "--index needs a value (DIR)", "unknown option
// --frobnicate". ParseOrExit() prints them (or the help) and gives the
// exit status: 2 for an error, 0 for --help.
//
// Thread-safety: a Flags object is used by one thread; it writes through
// the pointers it was given when Parse() runs.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/language.h"

namespace sextant::cli {

class Flags {
 public:
  // `synopsis`: the usage line after "usage: sextant COMMAND ", e.g.
  // "[--json | --text] [--jobs N] FILE.pdf..."; `about`: what the command
  // does, a few lines.
  Flags(std::string command, std::string synopsis, std::string about);

  // --name: sets *value to true.
  void Switch(std::string name, bool* value, std::string help);
  // --name: runs `action` (for switches that set something else).
  void Switch(std::string name, std::function<void()> action, std::string help);
  // --name VALUE, any text but empty.
  void Text(std::string name, std::string* value, std::string metavar, std::string help);
  // --name N, a whole number in [min, max] (nothing else: "2x" is refused).
  void Number(std::string name, int* value, int min, int max, std::string metavar, std::string help);
  // --name WORD, one of `choices`.
  void Choice(std::string name, std::string* value, std::vector<std::string> choices, std::string help);
  // --name L, a language code (ar zh en fr ru es).
  void LanguageCode(std::string name, std::optional<Language>* value, std::string help);
  // --name VALUE read by `parse`, which returns a problem ("takes …") or
  // an empty string.
  void Custom(std::string name, std::string metavar, std::function<std::string(const std::string&)> parse,
              std::string help);

  enum class Outcome { kParsed, kHelp, kError };
  struct Result {
    Outcome outcome = Outcome::kParsed;
    std::string problem;  // for kError: one line, naming the flag
  };
  // Reads `args` (the arguments after the command's name); positional
  // arguments go to positionals().
  Result Parse(const std::vector<std::string>& args);

  // Parse(), then on --help the usage on stdout (returns 0), on an error
  // "sextant: PROBLEM" and the usage line on stderr (returns 2); nullopt
  // when the command should go on.
  std::optional<int> ParseOrExit(const std::vector<std::string>& args);

  // For a problem found after parsing ("align takes exactly two files"):
  // prints it as ParseOrExit() prints an error; returns 2.
  int Fail(const std::string& problem) const;

  const std::vector<std::string>& positionals() const { return positionals_; }
  bool Given(std::string_view name) const;

  // "usage: sextant COMMAND SYNOPSIS", the about text, and one line per
  // flag with its help.
  std::string Usage() const;
  std::string UsageLine() const;

 private:
  struct Flag {
    std::string name;     // "--jobs"
    std::string metavar;  // "N", or empty for a switch
    std::string help;
    std::function<std::string(const std::string&)> take;  // a value's problem, or empty
  };
  Flag& Add(std::string name, std::string metavar, std::string help);
  const Flag* Find(std::string_view name) const;

  std::string command_, synopsis_, about_;
  std::vector<Flag> flags_;
  std::vector<std::string> positionals_;
  std::vector<std::string> given_;
};

// A whole number in [min, max], nothing before or after it; nullopt else.
std::optional<long long> ParseWholeNumber(std::string_view text, long long min, long long max);

}  // namespace sextant::cli
