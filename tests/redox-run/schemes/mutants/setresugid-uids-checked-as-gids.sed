# file: tools/redox-run/call.c
# why: SetResugid checks new uids against the current gids and new gids against the uids
/const uint32_t \*cur = rr->ids + (i < 3 ? 0 : 3);/s/? 0 : 3/? 3 : 0/
