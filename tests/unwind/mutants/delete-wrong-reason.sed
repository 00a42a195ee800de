# file: unwind/raise.c
# why: _Unwind_DeleteException passes the wrong reason to the cleanup hook
/exc->exception_cleanup(_URC_FOREIGN_EXCEPTION_CAUGHT, exc);/s/_URC_FOREIGN_EXCEPTION_CAUGHT/_URC_NO_REASON/
