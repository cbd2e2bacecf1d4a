#ifndef ENTITYGRAPH_CLIBXML2_SHIM_H
#define ENTITYGRAPH_CLIBXML2_SHIM_H
/* Debian builds libxml2 with ICU; its encoding.h then includes the system ICU headers,
   which clash with the ICU copy inside Foundation ("UErrorCode has different definitions").
   Nothing in the writer or reader API needs the ICU fields, so hide them. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/xmlwriter.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#endif
