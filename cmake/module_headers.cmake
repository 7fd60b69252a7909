# The module walls of DESIGN.md, enforced by the compiler: each library gets an include root of
# its own in the build tree holding links to its folder's headers and to nothing else, so
# `#include "sim/time.hpp"` compiles only in targets that link rfsim::sim. Headers under
# FOLDER/detail/ go to a second root that only the library's own sources see.
set(RFSIM_INCLUDE_ROOTS ${CMAKE_BINARY_DIR}/include-roots)

# rfsim_module_headers(TARGET FOLDER [EXPORT_DETAIL file.hpp ...])
#   FOLDER: the headers' folder from the repository's root ("sim", "render/gui").
#   PRIVATE_SUBDIRS: subfolders whose headers, like detail/'s, are for the library's own
#   sources (render's painter/: the map painter split by concern).
#   EXPORT_DETAIL: private headers (by file name) that a public header or a test includes; they
#   cannot be hidden from the targets that include them, so they sit in the public root (and
#   the walls test knows).
function(rfsim_module_headers target folder)
  cmake_parse_arguments(ARG "" "" "EXPORT_DETAIL;PRIVATE_SUBDIRS" ${ARGN})
  set(public ${RFSIM_INCLUDE_ROOTS}/${target})
  set(private ${RFSIM_INCLUDE_ROOTS}/${target}-detail)
  file(REMOVE_RECURSE ${public} ${private})
  get_target_property(type ${target} TYPE)
  if(type STREQUAL "EXECUTABLE")
    # Nothing links a program: its folder, subfolders and all, is for its own sources.
    get_filename_component(dir ${public}/${folder} DIRECTORY)
    file(MAKE_DIRECTORY ${dir})
    file(CREATE_LINK ${RFSIM_ROOT}/${folder} ${public}/${folder} SYMBOLIC)
    target_include_directories(${target} PRIVATE ${public})
    return()
  endif()
  file(MAKE_DIRECTORY ${public}/${folder} ${private}/${folder}/detail)
  # CONFIGURE_DEPENDS: a header added or removed re-runs CMake at the next build.
  file(GLOB headers CONFIGURE_DEPENDS RELATIVE ${RFSIM_ROOT}/${folder}
       ${RFSIM_ROOT}/${folder}/*.hpp ${RFSIM_ROOT}/${folder}/detail/*.hpp)
  set(private_dirs detail ${ARG_PRIVATE_SUBDIRS})
  foreach(sub ${ARG_PRIVATE_SUBDIRS})
    file(GLOB sub_headers CONFIGURE_DEPENDS RELATIVE ${RFSIM_ROOT}/${folder}
         ${RFSIM_ROOT}/${folder}/${sub}/*.hpp)
    list(APPEND headers ${sub_headers})
  endforeach()
  list(JOIN private_dirs "|" private_pattern)
  foreach(header ${headers})
    get_filename_component(name ${header} NAME)
    if(header MATCHES "^(${private_pattern})/" AND NOT name IN_LIST ARG_EXPORT_DETAIL)
      set(root ${private})
    else()
      set(root ${public})
    endif()
    get_filename_component(dir ${root}/${folder}/${header} DIRECTORY)
    file(MAKE_DIRECTORY ${dir})
    file(CREATE_LINK ${RFSIM_ROOT}/${folder}/${header} ${root}/${folder}/${header} SYMBOLIC)
  endforeach()
  target_include_directories(${target} PUBLIC $<BUILD_INTERFACE:${public}> PRIVATE ${private})
endfunction()
