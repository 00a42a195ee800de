# file: crt/aarch64/crti.S
# why: _init pushes a 16-byte frame record with an 8-byte pre-decrement
/^_init:$/,/^	mov	x29, sp$/{s/^	stp	x29, x30, \[sp, #-16\]!$/	stp	x29, x30, [sp, #-8]!/;}
