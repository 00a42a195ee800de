# file: syscalls/errno.c
# why: redox_strerror reads one entry past the table
/^	if (e < 1 || e > REDOX_ERRNO_MAX || !errnos\[e\].msg)$/s/e > REDOX_ERRNO_MAX/e > REDOX_ERRNO_MAX + 1/
