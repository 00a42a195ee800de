# file: toolchain/redox-crt-config.sh
# why: --libs --freestanding names the syscall library before the runtime that needs it
/if \[ $freestanding = 1 \]; then f="-lredox_start -lredox_syscall"$/s/-lredox_start -lredox_syscall/-lredox_syscall -lredox_start/
