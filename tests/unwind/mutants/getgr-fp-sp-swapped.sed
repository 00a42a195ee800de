# file: unwind/backtrace.c
# why: _Unwind_GetGR returns the CFA for the frame pointer
/^	if (index == RU_DWARF_FP)$/{n;s/return c->fp;/return c->cfa;/;}
