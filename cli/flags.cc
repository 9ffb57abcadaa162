#include "cli/flags.h"

#include <algorithm>
#include <charconv>
#include <iostream>

namespace sextant::cli {

std::optional<long long> ParseWholeNumber(std::string_view text, long long min, long long max) {
  long long number = 0;
  const char* end = text.data() + text.size();
  const auto [stop, problem] = std::from_chars(text.data(), end, number);
  if (text.empty() || problem != std::errc() || stop != end || number < min || number > max) return std::nullopt;
  return number;
}

Flags::Flags(std::string command, std::string synopsis, std::string about)
    : command_(std::move(command)), synopsis_(std::move(synopsis)), about_(std::move(about)) {}

Flags::Flag& Flags::Add(std::string name, std::string metavar, std::string help) {
  flags_.push_back({std::move(name), std::move(metavar), std::move(help), {}});
  return flags_.back();
}

void Flags::Switch(std::string name, bool* value, std::string help) {
  Switch(std::move(name), [value] { *value = true; }, std::move(help));
}

void Flags::Switch(std::string name, std::function<void()> action, std::string help) {
  Add(std::move(name), "", std::move(help)).take = [action = std::move(action)](const std::string&) {
    action();
    return std::string();
  };
}

void Flags::Text(std::string name, std::string* value, std::string metavar, std::string help) {
  Add(std::move(name), std::move(metavar), std::move(help)).take = [value](const std::string& text) {
    *value = text;
    return std::string();
  };
}

void Flags::Number(std::string name, int* value, int min, int max, std::string metavar, std::string help) {
  Add(std::move(name), std::move(metavar), std::move(help)).take = [value, min, max](const std::string& text) {
    const auto number = ParseWholeNumber(text, min, max);
    if (!number) return "takes a whole number from " + std::to_string(min) + " to " + std::to_string(max);
    *value = static_cast<int>(*number);
    return std::string();
  };
}

void Flags::Choice(std::string name, std::string* value, std::vector<std::string> choices, std::string help) {
  std::string metavar;
  for (const std::string& choice : choices) metavar += (metavar.empty() ? "" : "|") + choice;
  Add(std::move(name), metavar, std::move(help)).take = [value, choices](const std::string& text) {
    if (std::find(choices.begin(), choices.end(), text) == choices.end()) {
      std::string list;
      for (std::size_t k = 0; k < choices.size(); ++k) {
        list += (k == 0 ? "" : k + 1 == choices.size() ? " or " : ", ") + choices[k];
      }
      return "takes " + list;
    }
    *value = text;
    return std::string();
  };
}

void Flags::LanguageCode(std::string name, std::optional<Language>* value, std::string help) {
  Add(std::move(name), "L", std::move(help)).take = [value](const std::string& text) {
    const auto language = LanguageFromCode(text);
    if (!language) return std::string("takes one of ar zh en fr ru es");
    *value = language;
    return std::string();
  };
}

void Flags::Custom(std::string name, std::string metavar, std::function<std::string(const std::string&)> parse,
                   std::string help) {
  Add(std::move(name), std::move(metavar), std::move(help)).take = std::move(parse);
}

const Flags::Flag* Flags::Find(std::string_view name) const {
  for (const Flag& flag : flags_) {
    if (flag.name == name) return &flag;
  }
  return nullptr;
}

bool Flags::Given(std::string_view name) const {
  return std::find(given_.begin(), given_.end(), name) != given_.end();
}

Flags::Result Flags::Parse(const std::vector<std::string>& args) {
  positionals_.clear();
  given_.clear();
  bool options_ended = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (options_ended || arg.size() < 2 || arg[0] != '-' || arg == "-") {
      positionals_.push_back(arg);
      continue;
    }
    if (arg == "--") {
      options_ended = true;
      continue;
    }
    if (arg == "-h" || arg == "--help") return {Outcome::kHelp, ""};
    const std::size_t equals = arg.find('=');
    const std::string name = arg.substr(0, equals);
    const Flag* flag = Find(name);
    if (flag == nullptr) return {Outcome::kError, "unknown option " + name};
    std::string value;
    if (flag->metavar.empty()) {
      if (equals != std::string::npos) return {Outcome::kError, name + " takes no value"};
    } else if (equals != std::string::npos) {
      value = arg.substr(equals + 1);
    } else if (i + 1 < args.size()) {
      value = args[++i];
    } else {
      return {Outcome::kError, name + " needs a value (" + flag->metavar + ")"};
    }
    if (!flag->metavar.empty() && value.empty()) {
      return {Outcome::kError, name + " needs a value (" + flag->metavar + ")"};
    }
    if (std::string problem = flag->take(value); !problem.empty()) {
      return {Outcome::kError, name + " " + problem + (flag->metavar.empty() ? "" : ", not '" + value + "'")};
    }
    given_.push_back(name);
  }
  return {};
}

std::optional<int> Flags::ParseOrExit(const std::vector<std::string>& args) {
  const Result result = Parse(args);
  switch (result.outcome) {
    case Outcome::kParsed: return std::nullopt;
    case Outcome::kHelp: std::cout << Usage(); return 0;
    case Outcome::kError: return Fail(result.problem);
  }
  return Fail(result.problem);
}

int Flags::Fail(const std::string& problem) const {
  std::cerr << "sextant: " << problem << '\n' << UsageLine() << "(`sextant " << command_ << " --help` tells more)\n";
  return 2;
}

std::string Flags::UsageLine() const { return "usage: sextant " + command_ + " " + synopsis_ + "\n"; }

std::string Flags::Usage() const {
  std::string usage = UsageLine() + "\n" + about_ + "\n\noptions:\n";
  std::vector<std::string> heads;
  std::size_t width = std::string("-h, --help").size();
  for (const Flag& flag : flags_) {
    heads.push_back(flag.name + (flag.metavar.empty() ? "" : " " + flag.metavar));
    width = std::max(width, heads.back().size());
  }
  const auto line = [&](const std::string& head, const std::string& help) {
    std::string out = "  " + head + std::string(width - head.size() + 2, ' ');
    for (const char c : help) {
      out += c;
      if (c == '\n') out += std::string(width + 4, ' ');
    }
    return out + "\n";
  };
  for (std::size_t k = 0; k < flags_.size(); ++k) usage += line(heads[k], flags_[k].help);
  return usage + line("-h, --help", "this help");
}

}  // namespace sextant::cli
