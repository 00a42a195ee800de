# file: syscalls/table-0.9.3.txt
# why: lseek's offset and whence swapped in the 0.9.3 table
/^SYS_LSEEK /s/offset:l whence:u/whence:u offset:l/
