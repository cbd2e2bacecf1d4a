// RelationExtraction
