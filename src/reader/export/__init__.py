"""Writing articles out in the formats other tools read (TMX, TSV). No database, no Textual."""
