# file: crt/x86_64/crtn.S
# why: crtn.o loses its GNU-stack and property notes
/^ASM_NOTES$/d
