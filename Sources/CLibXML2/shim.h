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
#include <libxml/globals.h>

/* libxml2 reports some errors (encoding conversion, I/O) through the thread's unstructured generic error
   function, which prints to stderr, instead of the reader's structured handler. Swift cannot define the
   variadic handler, so the silencing lives here. The previous handler is handed back as plain pointers and
   restored when the reader is done, so nothing outside one read call changes. */
static inline void entitygraph_discard_generic_error(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

typedef struct {
    void *function;
    void *context;
} entitygraph_generic_error_state;

static inline entitygraph_generic_error_state entitygraph_silence_generic_errors(void) {
    entitygraph_generic_error_state saved = { (void *)xmlGenericError, xmlGenericErrorContext };
    xmlSetGenericErrorFunc(NULL, entitygraph_discard_generic_error);
    return saved;
}

static inline void entitygraph_restore_generic_errors(entitygraph_generic_error_state saved) {
    xmlSetGenericErrorFunc(saved.context, (xmlGenericErrorFunc)saved.function);
}
#endif
