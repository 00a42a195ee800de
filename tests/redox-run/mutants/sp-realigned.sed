# file: tools/redox-run/stack.c
# why: the initial sp is rounded to 16 (Redox leaves it 8 mod 16 for an odd word count)
/^	out->sp = stack_top - 8 \* nw;$/s/.*/	out->sp = (stack_top - 8 * nw) \& ~15ull;/
