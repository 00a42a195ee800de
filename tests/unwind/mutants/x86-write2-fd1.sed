# file: unwind/x86_64/write2.S
# why: the x86_64 stub message goes to fd 1 instead of 2
/^	mov	\$2, %edi$/s/\$2/$1/
