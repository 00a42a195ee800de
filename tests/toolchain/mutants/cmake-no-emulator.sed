# file: toolchain/cmake/toolchain.cmake.in
# why: the CMake toolchain file names no emulator, so try_run and tests cannot run
/^set(CMAKE_CROSSCOMPILING_EMULATOR /d
