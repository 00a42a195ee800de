# file: start/start.c
# why: a -1 array entry (old sentinel) is called
/^	return f && f != (const void \*)-1L;$/s/.*/	return f != 0;/
