# file: tools/redox-elfcheck/check.c
# why: the x86_64 and aarch64 dynamic loader paths swapped
/const char \*want_interp = x86 ? "\/lib\/ld64.so.1" : "\/lib\/ld.so.1";/s/x86 ? "\/lib\/ld64.so.1" : "\/lib\/ld.so.1"/x86 ? "\/lib\/ld.so.1" : "\/lib\/ld64.so.1"/
