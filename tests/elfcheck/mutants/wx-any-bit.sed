# file: tools/redox-elfcheck/check.c
# why: a segment is reported W+X when it is only executable
/if ((ph\[i\]\.p_flags & (PF_W | PF_X)) == (PF_W | PF_X))/s/== (PF_W | PF_X))/!= 0)/
