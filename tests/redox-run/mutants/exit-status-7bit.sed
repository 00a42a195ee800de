# file: tools/redox-run/call.c
# why: the exit status is masked to 7 bits
/rr->exit_status = (int)(meta\[1\] & 0xff);/s/0xff/0x7f/
