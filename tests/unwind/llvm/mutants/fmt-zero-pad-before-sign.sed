# file: unwind/llvm/fprintf.c
# why: zero padding goes before the sign or "0x" ("00-42" instead of "-0042")
/put_str(o, prefix, plen), pad(o, '0', fill), put_str(o, body, blen);/s/put_str(o, prefix, plen), pad(o, '0', fill)/pad(o, '0', fill), put_str(o, prefix, plen)/
