"""How results are shown: JSON, plain lines, Rich, Markdown. Reads the model, never writes it."""
