# file: syscalls/proc.c
# why: Exit is not retried on EAGAIN
/^	while (r == -REDOX_EINTR || r == -REDOX_EAGAIN);$/s/ || r == -REDOX_EAGAIN//
