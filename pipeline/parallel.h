// ParallelFor: runs work(0) … work(count - 1) on `jobs` threads (the
// calling thread is one of them), each index once, in no set order; returns
// when all are done. The one place the project starts a pool of workers for
// independent items (the runner's files, the aligner's batch pairs).
//
// Thread-safety: `work` is called from several threads at once; it must
// only touch what belongs to its index, or lock.
#pragma once

#include <cstddef>
#include <functional>

namespace sextant {

void ParallelFor(std::size_t count, int jobs, const std::function<void(std::size_t)>& work);

}  // namespace sextant
