"""The terminal interface. Imported only when the TUI starts, so CLI commands never pay for Textual."""
