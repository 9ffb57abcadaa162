# One owner per third-party library: fails (FATAL_ERROR) when a source file
# includes a library's headers outside the folder that owns it. Run on
# every build (the `library_owners` target, which every Sextant library
# depends on) and as the test `library_owners`:
#   cmake -DSOURCE_DIR=<checkout> -P cmake/check_library_owners.cmake
# Libraries whose headers sit in a folder of their own (Poppler, libxml2)
# fail to compile elsewhere anyway, because only their owner's target gets
# their include path; the others live in /usr/include, hence this check.
#
# Each rule: NAME @ regex of the included header @ owner folders. A test
# folder listed may use the library as an independent check of its owner's
# output (libxml2 validating TMX, Xapian reading a killed index, an HTTP
# client talking to the server).
set(rules
  "Poppler@^poppler[-/]@stages/extract"
  "ICU@^unicode/@stages/icu"
  "libxml2@^libxml/@stages/export tests/stages"
  "Xapian@^xapian(\\.h|/)@index tests/index"
  "cpp-httplib@^httplib\\.h$@serve tests/serve"
  "zlib@^zlib\\.h$@stages/align"
  "Tesseract@^(tesseract|leptonica)/@stages/ocr"
  "Hunspell@^hunspell/@stages/ocr"
  "Pango and cairo@^(pango|cairo)@corpora/fixtures")

if(NOT SOURCE_DIR)
  message(FATAL_ERROR "check_library_owners: give -DSOURCE_DIR=<the checkout>")
endif()
set(globs)
foreach(folder cli corpora index ingest pipeline serve stages tests)
  list(APPEND globs "${SOURCE_DIR}/${folder}/*.h" "${SOURCE_DIR}/${folder}/*.cc" "${SOURCE_DIR}/${folder}/*.cpp")
endforeach()
file(GLOB_RECURSE sources ${globs})

set(problems "")
foreach(source IN LISTS sources)
  file(RELATIVE_PATH relative "${SOURCE_DIR}" "${source}")
  file(STRINGS "${source}" includes REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"]")
  foreach(line IN LISTS includes)
    string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*[<\"]([^>\"]+)[>\"].*$" "\\1" header "${line}")
    foreach(rule IN LISTS rules)
      string(REPLACE "@" ";" parts "${rule}")
      list(GET parts 0 library)
      list(GET parts 1 pattern)
      list(GET parts 2 owners)
      if(NOT header MATCHES "${pattern}")
        continue()
      endif()
      string(REPLACE " " ";" owners "${owners}")
      set(owned FALSE)
      foreach(owner IN LISTS owners)
        if(relative MATCHES "^${owner}/")
          set(owned TRUE)
        endif()
      endforeach()
      if(NOT owned)
        string(REPLACE ";" "/, " owner_list "${owners}")
        string(APPEND problems "  ${relative} includes <${header}>: ${library} belongs to ${owner_list}/ only;"
                               " call what that folder offers instead (docs/design.md, one owner per library)\n")
      endif()
    endforeach()
  endforeach()
endforeach()

if(problems)
  message(FATAL_ERROR "a third-party library is included outside its owner folder:\n${problems}")
endif()
