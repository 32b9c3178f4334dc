"""Marketing claims and the evidence for or against them: extraction (``extract``, ``normalise``), linking
(``retrieve``, ``findings``, ``stance``, ``verdict``), storage and review (``store``, ``review``).

The verdict and stance names are defined here, away from the engine's imports, so that the command line's help can
list them without loading the engine."""

# Every verdict, in the order a report lists them.
VERDICTS = ("supported", "contradicted", "mixed", "insufficient", "no_evidence", "not_checkable")

# The stances a reviewer can give a record on a claim (the machine's own are supports, contradicts, mixed, neutral).
STANCES = ("supports", "contradicts", "neutral", "irrelevant")
