# file: tools/redox-run/shm.c
# why: O_CREAT makes a fresh object even when the name exists, so two opens of one name share nothing
/^	if (!s) {$/s/!s/!s || (flags \& RR_O_CREAT)/
