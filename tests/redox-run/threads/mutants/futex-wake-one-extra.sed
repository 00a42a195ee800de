# file: tools/redox-run/sched.c
# why: WAKE wakes one waiter more than asked (<= for <)
/^		while (woken < a\[2\]) {$/s/woken < a/woken <= a/
