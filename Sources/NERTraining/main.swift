print("ner-train placeholder")
