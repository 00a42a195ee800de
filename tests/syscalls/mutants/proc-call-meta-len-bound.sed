# file: syscalls/proc.c
# why: a metadata length of 255 is refused (off by one)
/^	if (nmeta > REDOX_CALL_METADATA_LEN_MASK/s/nmeta > /nmeta >= /
