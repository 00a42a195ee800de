# file: tools/redox-run/call.c
# why: SetProcPriority's bound off by one: priority 40 is taken (> 40 for >= 40)
/^		if (prio >= 40)$/s/prio >= 40/prio > 40/
