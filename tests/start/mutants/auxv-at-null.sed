# file: start/start.c
# why: auxv taken at envp's NULL instead of after it
/^	__redox_start_auxv = (const unsigned long \*)(e + 1);$/s/(e + 1)/(e)/
