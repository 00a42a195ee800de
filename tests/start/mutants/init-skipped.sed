# file: start/start.c
# why: _init from crti.o is never called
/^		if (b != bounds && _init)$/{n;s/_init();/(void)0;/;}
