# file: tools/redox-elfcheck/check.c
# why: the executable-stack check tests PF_W instead of PF_X
/^	else if (stack->p_flags & PF_X)$/s/PF_X/PF_W/
