// libxml2 is built with ICU on Debian; its headers would then pull in the system ICU,
// which clashes with the copy inside Foundation. Nothing here uses the ICU converter
// fields, so hide them.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/tree.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlsave.h>

// `xmlFree` is a global function pointer (libxml2 lets programs swap the allocator),
// which Swift 6 treats as shared mutable state. SanteDoc never swaps it: one call
// through this function keeps the read out of Swift.
static inline void santedoc_xmlFree(void *pointer) { xmlFree(pointer); }
