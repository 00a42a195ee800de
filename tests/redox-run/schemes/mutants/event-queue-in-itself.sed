# file: tools/redox-run/event.c
# why: a queue may be registered in itself (K's "Do not allow recursively registering" check lost)
/^	if (target == qf)$/,/return ERR(EBADF);/d
