# file: start/start.c
# why: init arrays walked one entry past their end
/^	for (; p < end; p++)$/s/p < end/p <= end/
