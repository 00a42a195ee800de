# file: unwind/part.mk
# why: frames.c (the FDE registry) left out of the archive
# clean: build/x86_64/unwind build/aarch64/unwind build/x86_64/obj/unwind build/aarch64/obj/unwind build/test/unwind build/host/obj/unwind build/host-san/obj/unwind
/^UNWIND_SRCS := walk backtrace raise frames$/s/ frames$//
