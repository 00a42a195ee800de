elf_is "hello is a static x86_64 executable" hello X86-64
libs=$(PKG_CONFIG_LIBDIR="$SR/share/redox-crt/pkgconfig/x86_64-unknown-redox" pkg-config --libs redox-start)
case " $libs " in *" -lredox_start -lredox_syscall "*) ok "$LBL: redox-start's libs are -lredox_start -lredox_syscall ($libs)" ;;
*) fail "$LBL: redox-start's libs are -lredox_start -lredox_syscall" "got '$libs'" ;; esac
