# file: crt/aarch64/crtn.S
# why: the .init epilogue does not authenticate the return address it signed
/^	\.section \.init, "ax", %progbits$/,/^	ret$/{/^	autiasp$/d;}
