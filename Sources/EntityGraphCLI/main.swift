import GraphExport
print("entity-graph")
