"""briefwright: policy briefs in which every factual sentence is traceable to a verified quote."""
