# file: syscalls/table-0.6.0.txt
# why: SYS_FSTAT's number off by one
/^SYS_FSTAT /s/0x2200001C/0x2200001D/
