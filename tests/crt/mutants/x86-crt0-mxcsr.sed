# file: crt/x86_64/crt0.S
# why: _start loads a wrong MXCSR default
s/\$0x1f80/$0x1fa0/I
