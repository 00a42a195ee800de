# file: tools/redox-run/syscall.c
# why: the guest's fd table starts with host fds 0-3 (off by one), so host fd 3 leaks in
/rr->fd\[i\] = i < 3 ? RR_FD_HOST : RR_FD_FREE;/s/i < 3/i <= 3/
