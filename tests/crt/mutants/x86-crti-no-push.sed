# file: crt/x86_64/crti.S
# why: _init's prologue does not push rbp, so .init fragments run with rsp 8 mod 16
/^_init:$/,/^	mov	%rsp, %rbp$/{/^	push	%rbp$/d;}
