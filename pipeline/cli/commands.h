// The commands of the `sextant` tool, one file each. Each takes the
// arguments after its name and returns the process exit status: 0 when all
// went well, 1 when an input failed (after a one-line message on stderr
// naming the file and the fix), 2 for bad usage (after the usage text).
//
// Thread-safety: called once, from main.
#pragma once

#include <string>
#include <vector>

namespace sextant::cli {

// The index folder when --index is not given.
inline constexpr const char* kDefaultIndex = "sextant-index";

int Extract(const std::vector<std::string>& args);
int Tag(const std::vector<std::string>& args);
int Align(const std::vector<std::string>& args);
int Sets(const std::vector<std::string>& args);
int AlignSet(const std::vector<std::string>& args);
int Ingest(const std::vector<std::string>& args);
int Search(const std::vector<std::string>& args);
int Serve(const std::vector<std::string>& args);

// Prints "sextant: <problem>" and the usage text on stderr; returns 2.
int Usage(const std::string& problem);
// The usage text of every command.
const char* UsageText();

}  // namespace sextant::cli
