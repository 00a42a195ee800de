# file: syscalls/table-0.6.0.txt
# why: dup2's fd and newfd swapped in the table
/^SYS_DUP2 /s/fd:u newfd:u/newfd:u fd:u/
