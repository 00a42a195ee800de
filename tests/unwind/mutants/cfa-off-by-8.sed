# file: unwind/walk.c
# why: the CFA is the frame record + 8 instead of + 16
/^		ctx\.cfa = fp + 16;$/s/16/8/
