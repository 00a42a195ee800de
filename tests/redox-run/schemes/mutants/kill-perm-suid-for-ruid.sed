# file: tools/redox-run/call.c
# why: on_send_sig's rule compares the caller's saved uid, not its real uid, with the target's ruid
/^	       rr->ids\[RR_RUID\] == target_ruid;$/s/RR_RUID/RR_SUID/
