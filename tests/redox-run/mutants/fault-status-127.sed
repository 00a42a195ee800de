# file: tools/redox-run/main.c
# why: a guest fault exits with 127+signal
/^	return 128 + rr->fault_sig;$/s/128/127/
