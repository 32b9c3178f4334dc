"""PubMed through NCBI's E-utilities: the HTTP client (``eutils``) and the batched, resumable fetch (``fetch``)."""
