# file: tools/redox-run/fd.c
# why: the guest's file table starts with host fds 0-3 (off by one), so host fd 3 leaks in
/^	for (int i = 0; i < 3; i++) {$/s/i < 3/i <= 3/
