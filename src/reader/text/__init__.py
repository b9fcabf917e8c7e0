"""Text analysis: sentences, alignment, entities, numbers. Pure Python; never imports Textual."""
