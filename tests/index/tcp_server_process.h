// A xapian-tcpsrv process serving one index folder on a loopback port, for
// tests of remote shards: started on a free port (picked by binding port 0),
// waited for until it accepts connections, killed, and started again on the
// same port. Stopped when destroyed.
#pragma once

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace sextant::testing {

// Whether xapian-tcpsrv is on the PATH (Debian xapian-tools).
inline bool HaveXapianTcpServer() {
  const char* path = std::getenv("PATH");
  std::string paths = path ? path : "/usr/bin:/bin";
  for (std::size_t start = 0; start <= paths.size();) {
    const std::size_t end = std::min(paths.find(':', start), paths.size());
    if (std::filesystem::exists(std::filesystem::path(paths.substr(start, end - start)) / "xapian-tcpsrv")) return true;
    start = end + 1;
  }
  return false;
}

class TcpServerProcess {
 public:
  explicit TcpServerProcess(std::string folder) : folder_(std::move(folder)), port_(FreePort()) {}
  ~TcpServerProcess() { Kill(); }
  TcpServerProcess(const TcpServerProcess&) = delete;
  TcpServerProcess& operator=(const TcpServerProcess&) = delete;

  // Starts it (again) on its port; false when it does not accept within 10 s.
  bool Start() {
    const std::string port = std::to_string(port_);
    std::vector<std::string> args = {"xapian-tcpsrv", "--quiet", "--interface", "127.0.0.1", "--port", port, folder_};
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    posix_spawnattr_t attributes;  // a process group of its own, for Kill()
    posix_spawnattr_init(&attributes);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attributes, 0);
    const int spawned = posix_spawnp(&pid_, "xapian-tcpsrv", &actions, &attributes, argv.data(), environ);
    posix_spawnattr_destroy(&attributes);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) return false;
    for (int attempt = 0; attempt < 200; ++attempt) {
      if (Accepts()) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  }

  // Kills the server and the connections it forked (its process group).
  void Kill() {
    if (pid_ <= 0) return;
    ::kill(-pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }

  std::string address() const { return "127.0.0.1:" + std::to_string(port_); }

 private:
  static int FreePort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t size = sizeof address;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size) == 0) {
      port = ntohs(address.sin_port);
    }
    ::close(fd);
    return port;
  }

  bool Accepts() const {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<std::uint16_t>(port_));
    const bool connected = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    ::close(fd);
    return connected;
  }

  std::string folder_;
  int port_;
  pid_t pid_ = -1;
};

}  // namespace sextant::testing
