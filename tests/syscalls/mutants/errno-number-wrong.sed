# file: syscalls/errno.txt
# why: ENOTSUP aliased to the wrong number (94 instead of EOPNOTSUPP's 95)
/^alias ENOTSUP 95$/s/95/94/
