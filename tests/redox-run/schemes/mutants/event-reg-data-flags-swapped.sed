# file: tools/redox-run/event.c
# why: a new registration stores flags and data swapped (struct reg is id, data, flags)
/regs\[nregs++\] = (struct reg){ target, qf, e->id, e->data, e->flags };/s/e->data, e->flags/e->flags, e->data/
