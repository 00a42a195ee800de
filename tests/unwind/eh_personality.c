/* SPDX-License-Identifier: MIT */
/* The personality routine of main's frame (eh_main.c; its own object, so
   the renaming of eh_main.o's personality does not touch the call below). It
   claims CATCH exceptions as a handler in main and installs main's landing
   pad (_Unwind_SetGR/_Unwind_SetIP); everything else goes to compiler-rt's
   (or, on the host, libgcc's) __gcc_personality_v0, which runs main's
   cleanup. */
#include "eh.h"

_Unwind_Reason_Code __gcc_personality_v0(int version, _Unwind_Action actions,
					 _Unwind_Exception_Class cls, struct _Unwind_Exception *e,
					 struct _Unwind_Context *c);

_Unwind_Reason_Code eh_personality(int version, _Unwind_Action actions, _Unwind_Exception_Class cls,
				   struct _Unwind_Exception *e, struct _Unwind_Context *c)
{
	if (version != 1 || cls != EH_CLASS_CATCH || (actions & _UA_FORCE_UNWIND))
		return __gcc_personality_v0(version, actions, cls, e, c);
	if (actions & _UA_SEARCH_PHASE) {
		out("personality: handler in main\n");
		return _URC_HANDLER_FOUND;
	}
	if (!(actions & _UA_HANDLER_FRAME)) {
		out("personality: cleanup phase without the handler frame\n");
		return _URC_FATAL_PHASE2_ERROR;
	}
	out("personality: installing main's landing pad\n");
	_Unwind_SetGR(c, __builtin_eh_return_data_regno(0), (uintptr_t)e);
	_Unwind_SetGR(c, __builtin_eh_return_data_regno(1), 1);
	_Unwind_SetIP(c, (uintptr_t)eh_catch_pad);
	eh_caught = e;
	return _URC_INSTALL_CONTEXT;
}

