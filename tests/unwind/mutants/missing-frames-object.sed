# file: unwind/part.mk
# why: frames.c (the FDE registry) left out of the archive
/^UNWIND_SRCS := walk backtrace raise frames$/s/ frames$//
