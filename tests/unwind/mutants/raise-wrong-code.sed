# file: unwind/raise.c
# why: _Unwind_RaiseException reports FATAL_PHASE1_ERROR instead of END_OF_STACK
/^_Unwind_Reason_Code _Unwind_RaiseException(struct _Unwind_Exception \*exc)$/,/^}$/s/_URC_END_OF_STACK/_URC_FATAL_PHASE1_ERROR/
