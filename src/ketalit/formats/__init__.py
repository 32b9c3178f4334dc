"""File formats: each module turns its format into records (import) and records into its format (export)."""
