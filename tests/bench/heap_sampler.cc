// heap_sampler: what a running process holds on its heap, and where it was
// allocated — a preload library for measuring `sextant ingest` at sizes
// where heaptrack 1.4 (Debian 12) fails (its own thread throws bad_alloc)
// and valgrind's massif is too slow.
//
//   export HEAP_SAMPLER_FILE=/tmp/heap.log HEAP_SAMPLER_SECONDS=30
//   LD_PRELOAD=build/tests/bench/libheap_sampler.so build/cli/sextant ingest ...
//   tests/bench/heap_sampler_report.py /tmp/heap.log        (symbolised)
//
// Every HEAP_SAMPLER_SECONDS (default 30) it writes one line of the
// process's resident size and glibc's own account of its heap (mallinfo2:
// bytes in use, bytes free but kept), then the stacks holding the most live
// sampled bytes. Sampling: about one allocation per HEAP_SAMPLER_INTERVAL
// bytes allocated by a thread (default 64 KiB) is recorded with its stack
// and stands for that many bytes (or its own size, when larger) until it
// is freed: live bytes by stack, unbiased. A free takes the table's lock
// only when its address may be sampled (a count per address hash, read
// without the lock): a lock on every free slowed an ingest's threads and
// changed what it held. HEAP_SAMPLER_INTERVAL=0 samples nothing: the
// snapshot lines carry no stacks. The file starts with /proc/self/maps, to
// symbolise the addresses.
//
// Not thread-safe beyond what it needs; one process, read by hand. Only
// for benchmarks (built with SEXTANT_BUILD_BENCHMARKS), never linked into
// Sextant.
#include <execinfo.h>
#include <malloc.h>
#include <pthread.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

extern "C" {
void* __libc_malloc(std::size_t);
void __libc_free(void*);
void* __libc_calloc(std::size_t, std::size_t);
void* __libc_realloc(void*, std::size_t);
void* __libc_memalign(std::size_t, std::size_t);
}

namespace {

constexpr int kDepth = 24;
constexpr std::size_t kStacks = 1 << 16;
constexpr std::size_t kLive = 1 << 20;

struct Stack {
  std::uint64_t hash;
  int depth;
  void* pc[kDepth];
  long live;
};
struct Live {
  void* ptr;
  std::uint32_t stack;
  long weight;
};

Stack stacks[kStacks];
Live lives[kLive];
// How many sampled addresses have each hash (Home): a free whose count is
// zero was not sampled, and takes no lock.
std::atomic<std::uint16_t> sampled_at[kLive];
std::atomic_flag table_lock = ATOMIC_FLAG_INIT;
long interval = 64 << 10;
bool sampling = true;  // false with HEAP_SAMPLER_INTERVAL=0: snapshot lines only
bool ready = false;
thread_local long until_sample = 0;
thread_local bool inside = false;  // backtrace() may allocate: not sampled again

void Lock() {
  while (table_lock.test_and_set(std::memory_order_acquire)) {
  }
}
void Unlock() { table_lock.clear(std::memory_order_release); }
std::size_t Home(const void* ptr) { return (reinterpret_cast<std::uintptr_t>(ptr) >> 4) % kLive; }

void Sample(void* ptr, std::size_t size) {
  if (!ready || !sampling || inside || ptr == nullptr) return;
  until_sample -= static_cast<long>(size);
  if (until_sample > 0) return;
  const long weight = static_cast<long>(size) > interval ? static_cast<long>(size) : interval;
  until_sample += interval;
  if (until_sample < 0) until_sample = interval;
  inside = true;
  void* pc[kDepth + 2];
  int depth = backtrace(pc, kDepth + 2) - 2;  // less Sample() and the hook
  inside = false;
  if (depth < 0) depth = 0;
  std::uint64_t hash = 1469598103934665603ull;
  for (int k = 0; k < depth; ++k) hash = (hash ^ reinterpret_cast<std::uintptr_t>(pc[k + 2])) * 1099511628211ull;
  if (hash == 0) hash = 1;
  Lock();
  std::size_t s = hash % kStacks;
  while (stacks[s].hash != 0 && stacks[s].hash != hash) s = (s + 1) % kStacks;
  if (stacks[s].hash == 0) {
    stacks[s].hash = hash;
    stacks[s].depth = depth;
    std::memcpy(stacks[s].pc, pc + 2, static_cast<std::size_t>(depth) * sizeof(void*));
  }
  stacks[s].live += weight;
  std::size_t l = Home(ptr);
  while (lives[l].ptr != nullptr) l = (l + 1) % kLive;
  lives[l] = {ptr, static_cast<std::uint32_t>(s), weight};
  sampled_at[Home(ptr)].fetch_add(1, std::memory_order_relaxed);
  Unlock();
}

void Unsample(void* ptr) {
  if (!ready || !sampling || ptr == nullptr) return;
  // The pointer came to this thread after its Sample() returned, so the
  // count it added is seen here; a count falls only as its entries leave
  // the table, so it is never below the sampled pointers of that hash.
  if (sampled_at[Home(ptr)].load(std::memory_order_relaxed) == 0) return;
  Lock();
  for (std::size_t l = Home(ptr); lives[l].ptr != nullptr; l = (l + 1) % kLive) {
    if (lives[l].ptr != ptr) continue;
    stacks[lives[l].stack].live -= lives[l].weight;
    sampled_at[Home(ptr)].fetch_sub(1, std::memory_order_relaxed);
    // Open addressing: the entries after it that would no longer be found
    // move back into the hole.
    std::size_t hole = l;
    lives[hole].ptr = nullptr;
    for (std::size_t next = (hole + 1) % kLive; lives[next].ptr != nullptr; next = (next + 1) % kLive) {
      const std::size_t home = Home(lives[next].ptr);
      const bool stays = hole < next ? (home > hole && home <= next) : (home > hole || home <= next);
      if (stays) continue;
      lives[hole] = lives[next];
      lives[next].ptr = nullptr;
      hole = next;
    }
    break;
  }
  Unlock();
}

void* Report(void*) {
  inside = true;
  const char* path = std::getenv("HEAP_SAMPLER_FILE");
  const int seconds = std::getenv("HEAP_SAMPLER_SECONDS") ? std::atoi(std::getenv("HEAP_SAMPLER_SECONDS")) : 30;
  std::FILE* out = std::fopen(path != nullptr ? path : "heap_sampler.log", "w");
  if (out == nullptr) return nullptr;
  std::fprintf(out, "MAPS\n");
  char line[512];
  if (std::FILE* maps = std::fopen("/proc/self/maps", "r")) {
    while (std::fgets(line, sizeof line, maps) != nullptr) std::fputs(line, out);
    std::fclose(maps);
  }
  static std::uint32_t order[kStacks];
  for (long t = seconds;; t += seconds) {
    sleep(static_cast<unsigned>(seconds));
    long rss = 0, hwm = 0;
    if (std::FILE* status = std::fopen("/proc/self/status", "r")) {
      while (std::fgets(line, sizeof line, status) != nullptr) {
        std::sscanf(line, "VmRSS: %ld", &rss);
        std::sscanf(line, "VmHWM: %ld", &hwm);
      }
      std::fclose(status);
    }
    const struct mallinfo2 heap = mallinfo2();
    std::size_t count = 0;
    long sampled = 0;
    Lock();
    for (std::size_t s = 0; s < kStacks; ++s) {
      if (stacks[s].hash != 0 && stacks[s].live > 0) {
        order[count++] = static_cast<std::uint32_t>(s);
        sampled += stacks[s].live;
      }
    }
    Unlock();
    std::qsort(order, count, sizeof order[0], [](const void* a, const void* b) {
      const long x = stacks[*static_cast<const std::uint32_t*>(a)].live;
      const long y = stacks[*static_cast<const std::uint32_t*>(b)].live;
      return x < y ? 1 : x > y ? -1 : 0;
    });
    std::fprintf(out,
                 "SNAPSHOT t=%ld s rss=%ld KiB peak=%ld KiB heap_in_use=%zu KiB heap_free=%zu KiB mmapped=%zu KiB "
                 "sampled_live=%ld KiB\n",
                 t, rss, hwm, heap.uordblks >> 10, heap.fordblks >> 10, heap.hblkhd >> 10, sampled >> 10);
    for (std::size_t k = 0; k < count && k < 40; ++k) {
      const Stack& stack = stacks[order[k]];
      std::fprintf(out, "STACK %ld", stack.live >> 10);
      for (int d = 0; d < stack.depth; ++d) std::fprintf(out, " %p", stack.pc[d]);
      std::fprintf(out, "\n");
    }
    std::fflush(out);
  }
}

__attribute__((constructor)) void Start() {
  if (const char* text = std::getenv("HEAP_SAMPLER_INTERVAL"); text != nullptr) {
    if (std::atol(text) > 0) interval = std::atol(text);
    if (text[0] == '0' && text[1] == '\0') sampling = false;
  }
  void* pc[4];
  inside = true;
  backtrace(pc, 4);  // loads the unwinder before any sample needs it
  inside = false;
  ready = true;
  pthread_t thread;
  if (pthread_create(&thread, nullptr, Report, nullptr) == 0) pthread_detach(thread);
}

}  // namespace

extern "C" {
void* malloc(std::size_t size) {
  void* ptr = __libc_malloc(size);
  Sample(ptr, size);
  return ptr;
}
void free(void* ptr) {
  Unsample(ptr);
  __libc_free(ptr);
}
void* calloc(std::size_t count, std::size_t size) {
  void* ptr = __libc_calloc(count, size);
  Sample(ptr, count * size);
  return ptr;
}
void* realloc(void* old, std::size_t size) {
  Unsample(old);
  void* ptr = __libc_realloc(old, size);
  Sample(ptr, size);
  return ptr;
}
void* memalign(std::size_t alignment, std::size_t size) {
  void* ptr = __libc_memalign(alignment, size);
  Sample(ptr, size);
  return ptr;
}
void* aligned_alloc(std::size_t alignment, std::size_t size) { return memalign(alignment, size); }
int posix_memalign(void** out, std::size_t alignment, std::size_t size) {
  void* ptr = __libc_memalign(alignment, size);
  if (ptr == nullptr) return 12;  // ENOMEM
  Sample(ptr, size);
  *out = ptr;
  return 0;
}
}
