// sextant: the command-line front. Dispatches to the commands
// (commands.h); `sextant --help`, `sextant help [COMMAND]`, `sextant
// --version`.
#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  using namespace sextant::cli;
  const std::vector<std::string> args(argv + std::min(argc, 2), argv + argc);
  const std::string command = argc < 2 ? "" : argv[1];
  if (command == "--version") {
    std::cout << VersionLine() << '\n';
    return 0;
  }
  if (command == "--help" || command == "-h" || (command == "help" && args.empty())) {
    std::cout << Overview();
    return 0;
  }
  // `sextant help COMMAND` is `sextant COMMAND --help`.
  const std::string name = command == "help" ? args[0] : command;
  for (const Command& known : AllCommands()) {
    if (known.name == name) return known.run(command == "help" ? CommandArgs{"--help"} : args);
  }
  std::cerr << "sextant: " << (command.empty() ? "no command given" : "unknown command '" + name + "'") << "\n\n"
            << Overview();
  return 2;
}
