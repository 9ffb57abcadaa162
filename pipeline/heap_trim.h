// GiveFreedHeapBack: returns the pages the allocator holds free, in every
// thread's arena, to the system (glibc's malloc_trim), after a phase that
// freed much: a burst of connections served, an ingest's shares shrunk for
// OCR, a page read by OCR. A no-op without glibc, and under
// AddressSanitizer, whose allocator replaces glibc's: malloc_trim then
// reads an arena never set up (a SEGV in mtrim, seen once in
// ServeTest.BadParametersGet400WithAReason).
//
// Thread-safety: may be called from any thread.
#pragma once

#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__)
#include <malloc.h>
#endif

namespace sextant {

inline void GiveFreedHeapBack() {
#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__)
  malloc_trim(0);
#endif
}

}  // namespace sextant
