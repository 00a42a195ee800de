# file: include/redox/errno.h
# why: the largest errno (132) is not treated as an error
/return lo >= 0u - (unsigned int)REDOX_ERRNO_MAX;/s/>=/>/
