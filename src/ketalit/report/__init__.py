"""The evidence-gap report: data, figure, HTML and Markdown."""
