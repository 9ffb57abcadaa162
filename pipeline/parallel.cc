#include "pipeline/parallel.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace sextant {

void ParallelFor(std::size_t count, int jobs, const std::function<void(std::size_t)>& work) {
  std::atomic<std::size_t> next{0};
  const auto worker = [&] {
    for (std::size_t i = next++; i < count; i = next++) work(i);
  };
  const std::size_t threads = std::min<std::size_t>(static_cast<std::size_t>(std::max(1, jobs)), count);
  std::vector<std::thread> others;
  for (std::size_t t = 1; t < threads; ++t) others.emplace_back(worker);
  worker();
  for (std::thread& other : others) other.join();
}

}  // namespace sextant
