# file: unwind/walk.c
# why: a zero return address no longer ends the walk
/^		if (ip == 0)$/{N;s/if (ip == 0)\n\t*break;/(void)0;/;}
