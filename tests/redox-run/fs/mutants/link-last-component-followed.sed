# file: tools/redox-run/fs.c
# why: the last component is opened without O_NOFOLLOW
/^		fd = openat(pfd, name, hf | O_NOFOLLOW | O_CLOEXEC);$/s/ | O_NOFOLLOW//
