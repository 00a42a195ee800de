# file: syscalls/table-0.6.0.txt
# why: futex loses its last argument (addr2)
/^SYS_FUTEX /s/ addr2:p$//
