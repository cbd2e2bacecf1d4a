#ifndef ENTITYGRAPH_PREFETCH_H
#define ENTITYGRAPH_PREFETCH_H
/* A hint that `address` will be read soon, for loops bound by memory latency (the tagger's weight table).
   Swift has no prefetch of its own; a plain load would wait for its cache line, a prefetch does not, so the
   lines of many look-ups can be on their way while the current ones are used. Never faults. */
static inline void entitygraph_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}
#endif
