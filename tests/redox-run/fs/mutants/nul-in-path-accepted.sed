# file: tools/redox-run/fs.c
# why: a path with a NUL byte in it is accepted
/^	if (n && memchr(p, 0, n))$/{n;s/return -EINVAL;/(void)0;/;}
