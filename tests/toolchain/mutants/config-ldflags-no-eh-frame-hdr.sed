# file: toolchain/redox-crt-config.sh
# why: --ldflags drops --eh-frame-hdr
/ldflags) resolve_target; echo "-static --no-pie -z noexecstack --eh-frame-hdr \$unwind_L-L\$lib" ;;/s/ --eh-frame-hdr//
