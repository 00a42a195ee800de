# SPDX-License-Identifier: MIT
# Redox as a CMake platform: a Unix with static executables only.
include(Platform/UnixPaths)
set(UNIX 1)
set(REDOX 1)
set_property(GLOBAL PROPERTY TARGET_SUPPORTS_SHARED_LIBS FALSE)
set(CMAKE_EXECUTABLE_SUFFIX "")
set(CMAKE_STATIC_LIBRARY_PREFIX "lib")
set(CMAKE_STATIC_LIBRARY_SUFFIX ".a")
